"""The ``tarjotin`` command line: validate, build and serve a catalogue site."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import click

from generator.problems import Problems, Severity
from generator.validate.catalogue import load_catalogue

DEFAULT_CONFIG = Path("mkdocs.yml")
DEFAULT_CATALOGUE = Path("catalogue")


def _report(problems: Problems, root: Path) -> None:
    for problem in problems.sorted():
        colour = "red" if problem.severity is Severity.ERROR else "yellow"
        click.secho(problem.format(root), fg=colour, err=True)


def _validate(catalogue: Path) -> bool:
    loaded, problems = load_catalogue(catalogue)
    _report(problems, Path.cwd())
    if loaded is None:
        count = len(problems.errors)
        click.secho(f"✗ {count} error{'s' if count != 1 else ''} in {catalogue}", fg="red", err=True)
        return False
    warnings = len(problems.warnings)
    click.secho(
        f"✓ {catalogue}: {len(loaded.services)} services, {len(loaded.themes)} themes, "
        f"{len(loaded.municipalities)} municipalities" + (f", {warnings} warning(s)" if warnings else ""),
        fg="green",
        err=True,
    )
    return True


catalogue_option = click.option(
    "--catalogue",
    "catalogue",
    type=click.Path(path_type=Path),
    default=DEFAULT_CATALOGUE,
    show_default=True,
    help="The catalogue folder.",
)
config_option = click.option(
    "-f",
    "--config-file",
    "config_file",
    type=click.Path(path_type=Path, dir_okay=False),
    default=DEFAULT_CONFIG,
    show_default=True,
    help="The site's mkdocs.yml.",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="palvelutarjotin")
def main() -> None:
    """Palvelutarjotin: build a service catalogue site from YAML."""


@main.command()
@catalogue_option
def validate(catalogue: Path) -> None:
    """Check every catalogue file and report all problems at once."""
    if not _validate(catalogue):
        sys.exit(1)


@main.command()
@config_option
@catalogue_option
@click.option(
    "-d",
    "--site-dir",
    type=click.Path(path_type=Path, file_okay=False),
    help="Where to write the site (default: mkdocs.yml's site_dir).",
)
@click.option(
    "--strict/--no-strict",
    default=True,
    show_default=True,
    help="Fail on MkDocs warnings such as broken internal links.",
)
def build(config_file: Path, catalogue: Path, site_dir: Path | None, strict: bool) -> None:
    """Validate, then build the site; a failed build leaves the old site as it was."""
    from mkdocs.exceptions import MkDocsException

    from generator.write.site import build_site

    if not _validate(catalogue):
        click.secho("Nothing was built.", fg="red", err=True)
        sys.exit(1)
    _quiet_mkdocs()
    try:
        target = build_site(config_file, site_dir, strict=strict)
    except MkDocsException as error:
        click.secho(f"Build failed: {error}", fg="red", err=True)
        click.secho("The previous site, if any, was left untouched.", fg="red", err=True)
        sys.exit(1)
    click.secho(f"✓ Site built in {target}", fg="green", err=True)
    click.echo(f"Open {target / 'index.html'} or run `tarjotin serve` to preview it.", err=True)


@main.command()
@config_option
@catalogue_option
@click.option("-a", "--dev-addr", default="127.0.0.1:8000", show_default=True, help="Address to serve on.")
def serve(config_file: Path, catalogue: Path, dev_addr: str) -> None:
    """Preview the site, rebuilding when a catalogue file changes."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    if not _validate(catalogue):
        sys.exit(1)
    _quiet_mkdocs(logging.INFO)
    mkdocs_serve(str(config_file), dev_addr=dev_addr, livereload=True)


@main.command()
@click.option(
    "--output",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("schemas"),
    show_default=True,
    help="Folder to write the JSON Schemas into.",
)
def schemas(output: Path) -> None:
    """Write the JSON Schemas of the catalogue files (for editors' completion)."""
    from generator.model.schemas import write_schemas

    for path in write_schemas(output):
        click.echo(f"wrote {path}", err=True)


def _quiet_mkdocs(level: int = logging.WARNING) -> None:
    """Show MkDocs's warnings and errors (strict mode counts them) but not its chatter."""
    logger = logging.getLogger("mkdocs")
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        logger.addHandler(handler)
    logger.setLevel(level)


if __name__ == "__main__":  # pragma: no cover
    main()
