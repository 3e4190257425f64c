"""``tarjotin edit``: the form editor (Decap CMS) at /yllapito/, locally or in a built site."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from generator.cms.bundle import BundleError, ensure_bundle
from generator.cms.site import read_site_settings, write_admin
from generator.i18n import _
from generator.i18n.click_words import Group
from generator.reporting import echo_problems
from generator.validate.catalogue import load_catalogue


def _relative(path: Path, root: Path) -> Path:
    try:
        return path.resolve().relative_to(root.resolve())
    except ValueError:
        raise click.UsageError(f"the catalogue {path} is not inside the repository {root}") from None


def _install(site_dir: Path, catalogue: Path, config_file: Path, root: Path) -> Path:
    if not (site_dir / "index.html").is_file():
        click.secho(f"✗ {site_dir} holds no built site; run `tarjotin build` first.", fg="red", err=True)
        sys.exit(1)
    loaded, problems = load_catalogue(catalogue)
    if loaded is None:
        echo_problems(problems, Path.cwd(), "text")
        click.secho(f"✗ {catalogue} has errors; the form was not written.", fg="red", err=True)
        sys.exit(1)
    try:
        bundle = ensure_bundle(root / ".tarjotin-cache" / "cms")
    except BundleError as error:
        click.secho(f"✗ {error}", fg="red", err=True)
        sys.exit(1)
    settings = read_site_settings(config_file)
    return write_admin(site_dir, loaded, _relative(catalogue, root), settings, bundle)


_site_option = click.option(
    "-d",
    "--site-dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("site"),
    show_default=True,
    help=_("The built site."),
)
_catalogue_option = click.option(
    "--catalogue",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("catalogue"),
    show_default=True,
    help=_("The catalogue folder."),
)
_config_option = click.option(
    "-f",
    "--config-file",
    type=click.Path(path_type=Path, dir_okay=False),
    default=Path("mkdocs.yml"),
    show_default=True,
    help=_("The site's mkdocs.yml (repo_url names the GitHub repository)."),
)


@click.group(
    cls=Group,
    invoke_without_command=True,
    help=_(
        "Edit the catalogue in a web form at http://127.0.0.1:PORT/yllapito/ (Decap CMS and "
        "its local proxy).\n\nWithout --workflow, saving writes the YAML file into this "
        "working copy; with it, each save is a commit on a branch cms/<collection>/<entry>. "
        "Build the site first."
    ),
)
@_site_option
@_catalogue_option
@_config_option
@click.option(
    "--workflow",
    is_flag=True,
    help=_("Save each change on its own branch (the pull-request path; git mode)."),
)
@click.option("-p", "--port", type=int, default=8010, show_default=True, help=_("Port of the local site."))
@click.pass_context
def edit(
    context: click.Context, site_dir: Path, catalogue: Path, config_file: Path, workflow: bool, port: int
) -> None:
    if context.invoked_subcommand is not None:
        return
    from generator.cms.local import ProxyError, run_local_editor

    root = Path.cwd()
    _install(site_dir, catalogue, config_file, root)
    bundle = ensure_bundle(root / ".tarjotin-cache" / "cms")
    try:
        with run_local_editor(site_dir, root, bundle, workflow=workflow, port=port) as editor:
            click.secho(f"✓ Lomake: {editor.url}  (lopeta: Ctrl-C)", fg="green", err=True)
            mode = "haaroihin (cms/…)" if workflow else "suoraan tiedostoihin"
            click.echo(f"  Tallennus kirjoittaa {mode}; tarkista sitten `tarjotin validate`.", err=True)
            while True:
                time.sleep(3600)
    except ProxyError as error:
        click.secho(f"✗ {error}", fg="red", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        click.echo("", err=True)


@edit.command(
    help=_(
        "Write the form editor into a built site's yllapito/ (the pinned bundle is installed on first use)."
    )
)
@_site_option
@_catalogue_option
@_config_option
def install(site_dir: Path, catalogue: Path, config_file: Path) -> None:
    target = _install(site_dir, catalogue, config_file, Path.cwd())
    click.secho(f"✓ Lomake kirjoitettu: {target}", fg="green", err=True)


@edit.command(
    help=_("Only install the pinned npm packages into .tarjotin-cache/cms/ (e.g. for CI or the tests).")
)
def fetch() -> None:
    try:
        bundle = ensure_bundle(Path.cwd() / ".tarjotin-cache" / "cms")
    except BundleError as error:
        click.secho(f"✗ {error}", fg="red", err=True)
        sys.exit(1)
    click.secho(f"✓ decap-cms {bundle.version('decap-cms')} in {bundle.folder}", fg="green", err=True)
