"""The ``tarjotin links`` command: build (or take) a site, check it, report.

Exit status: 0 when no link is broken, 1 when one is, 2 when the check could
not run (the build failed, the site folder is missing, a setting is wrong).
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from types import TracebackType

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

from generator.check.cache import LinkCache
from generator.check.links import CheckOptions, check_site
from generator.check.reports import summary_line, terminal_lines, write_reports
from generator.check.results import LinkReport
from generator.check.settings import LinkProject, SettingsError, load_project
from generator.check.sources import SourceIndex

EXIT_OK, EXIT_BROKEN, EXIT_NOT_RUN = 0, 1, 2
#: Defaults, relative to the folder of mkdocs.yml.
DEFAULT_REPORT_DIR = Path("link-report")
DEFAULT_CACHE = Path(".tarjotin-cache") / "links.json"


class BarProgress:
    """A progress bar on stderr (drawn only on a terminal; silent in CI logs and tests)."""

    def __init__(self) -> None:
        console = Console(stderr=True)
        self.progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=console,
            transient=True,
            disable=not console.is_terminal,
        )
        self.task: TaskID | None = None

    def __enter__(self) -> BarProgress:
        self.progress.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.progress.stop()

    def start(self, description: str, total: int | None) -> None:
        if self.task is not None:
            self.progress.remove_task(self.task)
        self.task = self.progress.add_task(description, total=total)

    def update(self, done: int, total: int) -> None:
        if self.task is not None:
            self.progress.update(self.task, completed=done, total=total)


@dataclass(frozen=True)
class LinksRequest:
    """The command's options.

    Attributes:
        config_file: The site's mkdocs.yml.
        catalogue: The catalogue folder (default: the plugin's ``catalogue``).
        site_dir: A site built before; when ``None``, one is built into a temporary folder.
        external: Also check links to other sites.
        report_dir: Where the Markdown, HTML, JSON and CSV reports go
            (default: ``link-report/`` beside mkdocs.yml).
        cache_file: Where external verdicts are remembered
            (default: ``.tarjotin-cache/links.json`` beside mkdocs.yml).
        use_cache: Reuse and remember external verdicts.
    """

    config_file: Path
    catalogue: Path | None = None
    site_dir: Path | None = None
    external: bool = False
    report_dir: Path | None = None
    cache_file: Path | None = None
    use_cache: bool = True


class _NotRun(Exception):
    """The check cannot run; the message says why."""


@contextmanager
def _built_site(request: LinksRequest) -> Iterator[Path]:
    if request.site_dir is not None:
        if not (request.site_dir / "index.html").is_file():
            raise _NotRun(
                f"{request.site_dir} is not a built site (it has no index.html); run `tarjotin build`"
            )
        yield request.site_dir
        return
    from mkdocs.exceptions import MkDocsException

    from generator.write.site import build_site

    with tempfile.TemporaryDirectory(prefix="tarjotin-links-") as folder:
        click.echo("Building the site to check it…", err=True)
        try:
            # Not strict: a warning must not stop the check that would explain it.
            site = build_site(request.config_file, Path(folder) / "site", strict=False)
        except MkDocsException as error:
            raise _NotRun(f"Build failed: {error}") from None
        yield site


def _print(report: LinkReport) -> None:
    for text, colour in terminal_lines(report):
        click.secho(text, fg=colour)
    colour = "red" if report.failed else "green"
    click.secho(("✗ " if report.failed else "✓ ") + summary_line(report), fg=colour)


def _project(request: LinksRequest) -> LinkProject:
    from mkdocs.exceptions import ConfigurationError

    if not request.config_file.is_file():
        raise _NotRun(f"{request.config_file}: no such file")
    try:
        return load_project(request.config_file)
    except (ConfigurationError, SettingsError) as error:
        raise _NotRun(f"{request.config_file}: {error}") from None


def run_links(request: LinksRequest) -> int:
    """Run ``tarjotin links``; returns the exit status."""
    try:
        project = _project(request)
        catalogue = request.catalogue or project.catalogue
        sources = SourceIndex(catalogue, project.docs_dir)
        cache = None
        if request.use_cache and request.external:
            cache_path = request.cache_file or project.root / DEFAULT_CACHE
            cache = LinkCache(cache_path, timedelta(days=project.settings.cache_max_age_days))
            if cache.problem:
                click.secho(cache.problem, fg="yellow", err=True)
        with _built_site(request) as site, BarProgress() as progress:
            options = CheckOptions(
                project.settings, external=request.external, cache=cache, progress=progress
            )
            report = check_site(site, sources, options, project.root)
    except _NotRun as error:
        click.secho(str(error), fg="red", err=True)
        return EXIT_NOT_RUN
    _print(report)
    report_dir = request.report_dir or project.root / DEFAULT_REPORT_DIR
    written = write_reports(report, report_dir)
    click.echo("Reports: " + ", ".join(str(path) for path in written), err=True)
    if not request.external and report.external_skipped:
        click.echo("Links to other sites were not checked; add --external to check them.", err=True)
    return EXIT_BROKEN if report.failed else EXIT_OK
