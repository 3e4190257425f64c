"""The ``tarjotin links`` command: build (or take) a site, check it, report.

Exit status: 0 when no link is broken, 1 when one is, 2 when the check could
not run (the build failed, the site folder is missing, a setting is wrong) or
could not finish (the time limit ran out during the crawl: the report is
written, marked INCOMPLETE).

SIGINT (Ctrl-C) or SIGTERM stops the run at once: no report is written, the
cache keeps the verdicts that were final (written atomically), the temporary
site is removed, and the exit status is 128 + the signal's number (130, 143).
"""

from __future__ import annotations

import signal
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from types import FrameType, TracebackType

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

from generator.check.cache import LinkCache
from generator.check.links import CheckOptions, check_site
from generator.check.project import LinkProject, ProjectError, load_project
from generator.check.reports import summary_line, terminal_lines, write_reports
from generator.check.results import LinkReport
from generator.check.settings import SettingsError
from generator.check.sources import SourceIndex
from generator.i18n import _

EXIT_OK, EXIT_BROKEN, EXIT_NOT_RUN = 0, 1, 2
#: Defaults, relative to the folder of mkdocs.yml.
DEFAULT_REPORT_DIR = Path("link-report")
DEFAULT_CACHE = Path(".tarjotin-cache") / "links.json"
#: The start of the name of the temporary folder the site is built into.
TEMP_PREFIX = "tarjotin-links-"
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Interrupted(KeyboardInterrupt):
    """A signal stopped the run.

    A KeyboardInterrupt, like the one Ctrl-C raises by default, so that no
    ``except Exception`` on the way (in MkDocs, in a plugin) can swallow it.
    """

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


class _Signals:
    """Turns the first SIGINT or SIGTERM into :class:`Interrupted`.

    Later signals are ignored, so that the cleanup they interrupt finishes. While a
    step that must not be cut runs (removing the temporary site, saving the cache,
    writing the reports), the signal waits for it to end.
    """

    def __init__(self) -> None:
        self.received: int | None = None
        self._raised = False
        self._holding = 0

    def handle(self, signum: int, frame: FrameType | None) -> None:
        if self.received is not None:
            return
        self.received = signum
        if not self._holding:
            self._raise()

    def _raise(self) -> None:
        assert self.received is not None
        self._raised = True
        raise Interrupted(self.received)

    @contextmanager
    def held(self, *, then_raise: bool = True) -> Iterator[None]:
        """Hold a signal back until the block ends (then raise it, or with ``then_raise=False``, not)."""
        self._holding += 1
        try:
            yield
        finally:
            self._holding -= 1
        if then_raise and not self._holding and self.received is not None and not self._raised:
            self._raise()


@contextmanager
def _stopped_by_signals() -> Iterator[_Signals]:
    """SIGINT and SIGTERM raise :class:`Interrupted` while the block runs (in the main thread)."""
    signals = _Signals()
    if threading.current_thread() is not threading.main_thread():
        yield signals  # signal handlers can only be set from the main thread
        return
    previous = {number: signal.signal(number, signals.handle) for number in STOP_SIGNALS}
    try:
        yield signals
    finally:
        for number, handler in previous.items():
            if handler is not None:
                signal.signal(number, handler)


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
        self.is_terminal = console.is_terminal

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
        if not self.is_terminal:  # one line per pass in CI logs, instead of the bar
            click.echo(f"{description}…", err=True)

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
        build: Builds the site into the folder it is given and returns it (the command
            line passes the engine-neutral build); raises :class:`SiteBuildError`.
    """

    config_file: Path
    catalogue: Path | None = None
    site_dir: Path | None = None
    external: bool = False
    report_dir: Path | None = None
    cache_file: Path | None = None
    use_cache: bool = True
    build: Callable[[Path], Path] | None = None


class SiteBuildError(Exception):
    """The site to check could not be built; the message says why."""


class _NotRun(Exception):
    """The check cannot run; the message says why."""


@contextmanager
def _built_site(request: LinksRequest, signals: _Signals) -> Iterator[Path]:
    if request.site_dir is not None:
        if not (request.site_dir / "index.html").is_file():
            raise _NotRun(
                _("{folder} is not a built site (it has no index.html); run `tarjotin build`").format(
                    folder=request.site_dir
                )
            )
        yield request.site_dir
        return
    if request.build is None:
        raise _NotRun(_("no site to check: give one with --site-dir"))
    folder = tempfile.TemporaryDirectory(prefix=TEMP_PREFIX)
    try:
        click.echo(_("Building the site to check it…"), err=True)
        try:
            site = request.build(Path(folder.name) / "site")
        except SiteBuildError as error:
            raise _NotRun(_("Build failed: {error}").format(error=error)) from None
        yield site
    finally:
        with signals.held():  # a signal now must not leave half the folder behind
            folder.cleanup()


def _print(report: LinkReport) -> None:
    for text, colour in terminal_lines(report):
        click.secho(text, fg=colour)
    colour = "red" if report.failed else "green"
    click.secho(("✗ " if report.failed else "✓ ") + summary_line(report), fg=colour)


def _project(request: LinksRequest) -> LinkProject:
    if not request.config_file.is_file():
        raise _NotRun(_("{path}: no such file").format(path=request.config_file))
    try:
        return load_project(request.config_file)
    except (ProjectError, SettingsError) as error:
        raise _NotRun(f"{request.config_file}: {error}") from None


def run_links(request: LinksRequest) -> int:
    """Run ``tarjotin links``; returns the exit status."""
    with _stopped_by_signals() as signals:
        try:
            return _run(request, signals)
        except Interrupted as stop:
            name = signal.Signals(stop.signum).name
            click.secho(
                _(
                    "Stopped by {signal} before the check finished: no report was written. "
                    "The cache keeps the links that were checked to the end."
                ).format(signal=name),
                fg="red",
                err=True,
            )
            return 128 + stop.signum


def _run(request: LinksRequest, signals: _Signals) -> int:
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
        try:
            with _built_site(request, signals) as site, BarProgress() as progress:
                options = CheckOptions(
                    project.settings, external=request.external, cache=cache, progress=progress
                )
                report = check_site(site, sources, options, project.root)
        finally:  # also when interrupted: what was checked to the end is kept
            if cache is not None:
                with signals.held():
                    cache.save()
    except _NotRun as error:
        click.secho(str(error), fg="red", err=True)
        return EXIT_NOT_RUN
    with signals.held(then_raise=False):  # the check is done: its report is written whole
        _print(report)
        report_dir = request.report_dir or project.root / DEFAULT_REPORT_DIR
        written = write_reports(report, report_dir)
        click.echo(_("Reports: {files}").format(files=", ".join(str(path) for path in written)), err=True)
        if not request.external and report.external_skipped:
            click.echo(_("Links to other sites were not checked; add --external to check them."), err=True)
        if not report.complete:
            click.secho(
                _(
                    "The time limit (max_run_seconds) ran out before every page of the site was checked: "
                    "the report is incomplete."
                ),
                fg="red",
                err=True,
            )
    if signals.received is not None:
        click.secho(
            _("Stopped by {signal} after the reports were written.").format(
                signal=signal.Signals(signals.received).name
            ),
            err=True,
        )
        return 128 + signals.received
    if not report.complete:
        return EXIT_NOT_RUN
    return EXIT_BROKEN if report.failed else EXIT_OK
