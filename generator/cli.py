"""The ``tarjotin`` command line: validate, build and serve a catalogue site."""

from __future__ import annotations

import logging
import sys
from datetime import date, datetime
from pathlib import Path

import click

from generator.cms.command import edit
from generator.edit.commands import fmt, new
from generator.i18n import _, ngettext
from generator.i18n.click_words import Group
from generator.i18n.options import language_option
from generator.model.catalogue import Catalogue
from generator.problems import Problems
from generator.report.render import append_step_summary
from generator.reporting import FORMATS, echo_problems, json_summary, markdown_summary
from generator.site.project import ENGINES, Project, ProjectError, read_project
from generator.validate.catalogue import load_catalogue
from generator.validate.freshness import freshness_problems, freshness_summary
from generator.validate.freshness_report import FORMATS as REPORT_FORMATS
from generator.validate.freshness_report import markdown_report
from generator.validate.licence import licence_warnings

DEFAULT_CONFIG = Path("mkdocs.yml")
DEFAULT_CATALOGUE = Path("catalogue")


def _report(problems: Problems, root: Path, output_format: str = "text") -> None:
    """Write every problem (see :func:`generator.reporting.echo_problems`)."""
    echo_problems(problems, root, output_format)


def _validate(catalogue: Path, output_format: str = "text", *, strict: bool = False) -> Catalogue | None:
    """Check and report; the catalogue when it has no errors (a build uses it: loaded once)."""
    loaded, problems = load_catalogue(catalogue)
    if loaded is not None:  # with --strict, ended services and overdue reviews fail
        problems.extend(freshness_problems(loaded, date.today(), strict=strict))
        problems.extend(licence_warnings(loaded))
    root = Path.cwd()
    _report(problems, root, output_format)
    if loaded is None or problems.errors:
        count = len(problems.errors)
        headline = ngettext("✗ {catalogue}: {count} error", "✗ {catalogue}: {count} errors", count)
        headline = headline.format(catalogue=catalogue, count=count)
    else:
        services, themes, places = len(loaded.services), len(loaded.themes), len(loaded.municipalities)
        parts = [
            ngettext("{count} service", "{count} services", services).format(count=services),
            ngettext("{count} theme", "{count} themes", themes).format(count=themes),
            ngettext("{count} municipality", "{count} municipalities", places).format(count=places),
        ]
        if warnings := len(problems.warnings):
            parts.append(ngettext("{count} warning", "{count} warnings", warnings).format(count=warnings))
        headline = f"✓ {catalogue}: " + ", ".join(parts)
    click.secho(headline, fg="red" if loaded is None or problems.errors else "green", err=True)
    # Ended services and reviews are the editors' to-do list (`tarjotin report`), not
    # mistakes: one line, once, rather than a warning per entry on every run.
    notices = freshness_summary(loaded, date.today()) if loaded is not None and not strict else None
    if notices:
        click.secho(f"  {notices}", fg="yellow", err=True)
    if output_format in ("markdown", "github"):
        summary = markdown_summary(problems.sorted(), root, headline + (f"\n\n{notices}" if notices else ""))
        if output_format == "markdown":
            click.echo(summary)
        else:
            append_step_summary(summary)
    elif output_format == "json":
        click.echo(json_summary(problems, root, catalogue), nl=False)
    return loaded if loaded is not None and not problems.errors else None


catalogue_option = click.option(
    "--catalogue",
    "catalogue",
    type=click.Path(path_type=Path),
    default=DEFAULT_CATALOGUE,
    show_default=True,
    help=_("The catalogue folder."),
)
config_option = click.option(
    "-f",
    "--config-file",
    "config_file",
    type=click.Path(path_type=Path, dir_okay=False),
    default=DEFAULT_CONFIG,
    show_default=True,
    help=_("The site's mkdocs.yml."),
)


@click.group(
    cls=Group,
    context_settings={"help_option_names": ["-h", "--help"]},
    help=_("Palvelutarjotin: build a service catalogue site from YAML."),
)
@click.version_option(package_name="palvelutarjotin")
@language_option(group=True)
def main() -> None:
    pass


@main.command(help=_("Check every catalogue file and report all problems at once."))
@catalogue_option
@click.option(
    "--format",
    "output_format",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help=_(
        "text: each problem with its source line; short: one line each; "
        "github: annotations, and a Markdown summary into $GITHUB_STEP_SUMMARY; markdown: a table per file; "
        "json: every problem, for scripts."
    ),
)
@click.option(
    "--strict",
    is_flag=True,
    help=_(
        "The catalogue must be current: ended services and overdue or never-reviewed entries "
        "are errors too (see docs/toimittajille)."
    ),
)
@language_option()
def validate(catalogue: Path, output_format: str, strict: bool) -> None:
    if not _validate(catalogue, output_format, strict=strict):
        sys.exit(1)


project_catalogue_option = click.option(
    "--catalogue",
    "catalogue",
    type=click.Path(path_type=Path, file_okay=False),
    help=_("The catalogue folder (default: the one mkdocs.yml's tarjotin plugin names)."),
)
engine_option = click.option(
    "--engine",
    type=click.Choice(ENGINES),
    help=_("The site engine (default: plugins.tarjotin.engine in mkdocs.yml, else mkdocs)."),
)


def _project(config_file: Path, catalogue: Path | None) -> Project:
    """mkdocs.yml read without an engine; ``--catalogue`` overrides the catalogue it names."""
    try:
        return read_project(config_file, catalogue=catalogue)
    except ProjectError as error:
        click.secho(str(error), fg="red", err=True)
        sys.exit(2)


@main.command(help=_("Validate, then build the site; a failed build leaves the old site as it was."))
@config_option
@project_catalogue_option
@engine_option
@click.option(
    "-d",
    "--site-dir",
    type=click.Path(path_type=Path, file_okay=False),
    help=_("Where to write the site (default: mkdocs.yml's site_dir)."),
)
@click.option(
    "--strict/--no-strict",
    default=True,
    show_default=True,
    help=_("Fail on the engine's warnings such as broken internal links."),
)
def build(
    config_file: Path, catalogue: Path | None, engine: str | None, site_dir: Path | None, strict: bool
) -> None:
    from generator.engines.errors import EngineError
    from generator.engines.site_build import BuildResult, site_builder, zensical_cache
    from generator.write.site import BuildInterrupted, SiteError, site_folder, stop_on_signals

    _quiet_mkdocs()
    project = _project(config_file, catalogue)
    engine = engine or project.engine
    result = BuildResult()
    try:
        # The folder is checked, locked and recovered from a killed build before validation.
        with stop_on_signals(), site_folder(project, site_dir) as folder:
            loaded = _validate(project.catalogue)
            if loaded is None:
                click.secho(_("Nothing was built."), fg="red", err=True)
                sys.exit(1)
            _warn_without_voikko()
            cache = zensical_cache(folder.site) if engine == "zensical" else None
            builder = site_builder(
                project, loaded, engine=engine, strict=strict, work_dir=cache, result=result
            )
            target = folder.build(builder)
    except SiteError as error:
        click.secho(error.message, fg="red", err=True)
        sys.exit(error.exit_code)
    except EngineError as error:
        click.secho(_("Build failed: {error}").format(error=error), fg="red", err=True)
        click.secho(_("The previous site, if any, was left untouched."), fg="red", err=True)
        sys.exit(1)
    except BuildInterrupted as stop:
        message = _("The build was stopped ({signal}); no unfinished site was left in the site folder.")
        click.secho(message.format(signal=stop.name), fg="red", err=True)
        sys.exit(128 + stop.signum)
    for warning in result.warnings:
        _warn(warning)
    click.secho(
        _("✓ Site built in {folder} ({engine})").format(folder=target, engine=engine), fg="green", err=True
    )
    click.echo(
        _("Open {page} or run `tarjotin serve` to preview it.").format(page=target / "index.html"), err=True
    )


def _warn(warning: object) -> None:
    click.secho(_("warning") + f": {warning}", fg="yellow", err=True)


def _warn_without_voikko() -> None:
    """Say so when search is built without Finnish compound splitting (the site still builds)."""
    from generator.search.morphology import load_morphology

    if warning := load_morphology().warning:
        _warn(warning)


@main.command(
    help=_(
        "Preview the site, rebuilding when a catalogue file changes.\n\nWith MkDocs this is "
        "`mkdocs serve` (live reload). With Zensical the whole site is rebuilt into a "
        "temporary folder when the catalogue, the docs, the theme or mkdocs.yml change, and "
        "served as files: reload the page by hand."
    )
)
@config_option
@project_catalogue_option
@engine_option
@click.option("-a", "--dev-addr", default="127.0.0.1:8000", show_default=True, help=_("Address to serve on."))
def serve(config_file: Path, catalogue: Path | None, engine: str | None, dev_addr: str) -> None:
    from generator.engines.errors import EngineError

    project = _project(config_file, catalogue)
    engine = engine or project.engine
    if not _validate(project.catalogue):
        sys.exit(1)
    try:
        if engine == "mkdocs":
            from generator.engines import mkdocs_build

            _quiet_mkdocs(logging.INFO)
            mkdocs_build.serve(project, dev_addr)
        else:
            _serve_rebuilding(config_file, catalogue, engine, dev_addr)
    except EngineError as error:
        click.secho(_("Build failed: {error}").format(error=error), fg="red", err=True)
        sys.exit(1)


def _serve_rebuilding(config_file: Path, catalogue: Path | None, engine: str, dev_addr: str) -> None:
    """`tarjotin serve` for Zensical: each build as `tarjotin build` makes it, not strict."""
    import tempfile

    from generator.engines.errors import EngineError
    from generator.engines.site_build import (
        ERROR_PAGE_REFRESH,
        BuildResult,
        PreviewError,
        serve_rebuilding,
        site_builder,
    )
    from generator.reporting import html_page
    from generator.write.site import SiteError, site_folder

    def watched() -> list[Path]:
        try:
            project = read_project(config_file, catalogue=catalogue)
        except ProjectError:  # being edited: watch it until it reads again
            return [config_file]
        folders = [project.config_file, project.catalogue, project.docs_dir]
        folders += [folder for folder in (project.templates, project.theme_dir) if folder is not None]
        return folders

    with tempfile.TemporaryDirectory(prefix="tarjotin-zensical-") as work:

        def rebuild(site: Path) -> None:
            try:
                project = read_project(config_file, catalogue=catalogue)  # it may have changed too
            except ProjectError as error:
                raise EngineError(str(error)) from None
            loaded = _validate(project.catalogue)
            if loaded is None:
                problems = load_catalogue(project.catalogue)[1]  # for the page: only when it failed
                page = html_page(problems, project.config_file.parent, refresh=ERROR_PAGE_REFRESH)
                raise PreviewError(_("the catalogue has errors (above)"), page)
            result = BuildResult()
            try:
                with site_folder(project, site) as folder:
                    builder = site_builder(
                        project, loaded, engine=engine, strict=False, work_dir=Path(work), result=result
                    )
                    folder.build(builder)
            except SiteError as error:
                raise EngineError(error.message) from None
            for warning in result.warnings:
                _warn(warning)

        serve_rebuilding(watched, rebuild, dev_addr, announce=lambda text: click.echo(text, err=True))


@main.command(help=_("Write the JSON Schemas of the catalogue files (for editors' completion)."))
@click.option(
    "--output",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("schemas"),
    show_default=True,
    help=_("Folder to write the JSON Schemas into."),
)
def schemas(output: Path) -> None:
    from generator.model.schemas import write_schemas

    for path in write_schemas(output):
        click.echo(_("wrote {path}").format(path=path), err=True)


main.add_command(new)
main.add_command(fmt)
main.add_command(edit)


@main.command(
    help=_(
        "Check the site's links and anchors; each problem is traced to its file and line.\n\n"
        "Exits 1 when a link is broken, 2 when the check could not run."
    )
)
@config_option
@click.option(
    "--catalogue",
    type=click.Path(path_type=Path, file_okay=False),
    help=_("The catalogue folder (default: the one mkdocs.yml's tarjotin plugin reads)."),
)
@click.option(
    "-d",
    "--site-dir",
    type=click.Path(path_type=Path, file_okay=False),
    help=_("Check this built site instead of building one into a temporary folder."),
)
@click.option("--external", is_flag=True, help=_("Also check links to other sites."))
@click.option(
    "--report-dir",
    type=click.Path(path_type=Path, file_okay=False),
    help=_("Where to write links.md, links.html, links.json and links.csv [default: link-report/]."),
)
@click.option(
    "--cache",
    "cache_file",
    type=click.Path(path_type=Path, dir_okay=False),
    help=_("The cache of external results [default: .tarjotin-cache/links.json]."),
)
@click.option("--no-cache", is_flag=True, help=_("Check every external link now and remember nothing."))
@engine_option
def links(
    config_file: Path,
    catalogue: Path | None,
    site_dir: Path | None,
    external: bool,
    report_dir: Path | None,
    cache_file: Path | None,
    no_cache: bool,
    engine: str | None,
) -> None:
    from generator.check.command import LinksRequest, SiteBuildError, run_links
    from generator.engines.errors import EngineError
    from generator.engines.site_build import build_project

    def build_site(site: Path) -> Path:
        try:
            # Not strict: a warning must not stop the check that would explain it.
            return build_project(config_file, site, catalogue=catalogue, engine=engine, strict=False)
        except EngineError as error:
            raise SiteBuildError(str(error)) from None

    _quiet_mkdocs()
    request = LinksRequest(
        config_file, catalogue, site_dir, external, report_dir, cache_file, not no_cache, build=build_site
    )
    sys.exit(run_links(request))


@main.command(help=_("List overdue reviews, services ending within 60 days and ended services, by owner."))
@catalogue_option
@click.option(
    "--format",
    "output_format",
    type=click.Choice(list(REPORT_FORMATS)),
    default="text",
    show_default=True,
    help=_(
        "text: by owner; short: one line each; github: annotations, and the Markdown report into "
        "$GITHUB_STEP_SUMMARY; markdown: a table per owner; json: for scripts."
    ),
)
@click.option(
    "--today",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help=_("Report as if today were this date (YYYY-MM-DD)."),
)
@language_option()
def report(catalogue: Path, output_format: str, today: datetime | None) -> None:
    loaded, problems = load_catalogue(catalogue)
    if loaded is None:
        _report(problems, Path.cwd())
        click.secho(
            _("✗ {catalogue} has errors; run `tarjotin validate`").format(catalogue=catalogue),
            fg="red",
            err=True,
        )
        sys.exit(1)
    day = today.date() if today else date.today()
    click.echo(REPORT_FORMATS[output_format](loaded, day, Path.cwd()), nl=False)
    if output_format == "github":
        append_step_summary(markdown_report(loaded, day, Path.cwd()))


@main.command(
    "export",
    help=_("Write the open-data files (JSON, CSV, HSDS 3.0, changes feed) without building the site."),
)
@catalogue_option
@click.option(
    "-d",
    "--site-dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("site"),
    show_default=True,
    help=_("The site folder; the files go into its avoin-data/ folder."),
)
@click.option("--site-url", default="", help=_("The site's public address, for absolute links in the files."))
@click.option(
    "--today",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help=_("Decide which services have ended as if today were this date (YYYY-MM-DD)."),
)
def export_command(catalogue: Path, site_dir: Path, site_url: str, today: datetime | None) -> None:
    from generator.export.writer import ExportOptions, write_exports
    from generator.write.os_errors import os_error_reason

    loaded, problems = load_catalogue(catalogue)
    if loaded is None:
        _report(problems, Path.cwd())
        click.secho(
            _("✗ {catalogue} has errors; nothing was written").format(catalogue=catalogue), fg="red", err=True
        )
        sys.exit(1)
    options = ExportOptions(site_url=site_url, today=today.date() if today else date.today())
    try:
        for path in write_exports(loaded, site_dir, options):
            click.echo(_("wrote {path}").format(path=path), err=True)
    except OSError as error:
        message = _("✗ The open-data files could not be written into {folder}: {reason}")
        click.secho(message.format(folder=site_dir, reason=os_error_reason(error)), fg="red", err=True)
        sys.exit(1)


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
