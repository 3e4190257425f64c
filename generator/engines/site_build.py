"""One build, whichever engine runs it: plan the site once, let the engine apply the plan.

``tarjotin build`` loads the catalogue once and hands it here with the project;
:func:`site_builder` makes the plan (``generator.render.site_plan``) and builds it
into the folder ``generator.write.site`` gives it, with

* **MkDocs** (``mkdocs_build``): the plugin applies the plan inside MkDocs's events,
  feeds Pagefind page by page and writes the exports beside the rendering;
* **Zensical** (``zensical_adapter``): the plan's pages are staged as files and
  Zensical builds them; the exports are written beside it, and Pagefind indexes the
  plan's searchable pages from the built HTML afterwards.

Both engines get the same pages, extensions, navigation, footer and assets; the
exports and the search index come from the same catalogue and plan.
:func:`serve_rebuilding` is ``tarjotin serve`` for an engine without a server of
its own that the generator can drive (Zensical): rebuild on change, serve the files,
and while a rebuild has failed, an error page for every page (reloading itself).
"""

from __future__ import annotations

import contextlib
import logging
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from http.server import SimpleHTTPRequestHandler
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from generator.check.server import serve_site
from generator.engines.errors import EngineError
from generator.export.process import ExportError, start_exports
from generator.export.writer import ExportOptions
from generator.i18n import _, decimal, ngettext
from generator.model.catalogue import Catalogue
from generator.render.site_plan import PlanOptions, plan_site
from generator.report.html import is_page
from generator.reporting import build_error_page
from generator.site.plan import SitePlan
from generator.site.project import Project, ProjectError, parse_today, read_project
from generator.write.search_index import SearchIndexError, build_search_index

log = logging.getLogger("tarjotin.build")


def plan_options(project: Project, engine: str, today: date) -> PlanOptions:
    """What the plan needs of the project besides the catalogue."""
    return PlanOptions(
        today=today,
        engine=engine,
        docs_dir=project.docs_dir,
        template_dirs=[project.templates] if project.templates else [],
        site_name=project.site_name,
        repo_url=project.repo_url,
        edit_uri=project.edit_path,
        site_url=project.site_url,
    )


def plan_project(project: Project, catalogue: Catalogue, engine: str) -> tuple[SitePlan, date]:
    """The plan of ``project``'s site for ``engine``, and the build's "today".

    Raises:
        EngineError: A setting the plan needs is wrong (``today``).
    """
    try:
        today = parse_today(project.today)
    except ProjectError as error:
        raise EngineError(str(error)) from None
    return plan_site(catalogue, plan_options(project, engine, today)), today


def zensical_cache(site: Path) -> Path:
    """Where ``tarjotin build`` keeps Zensical's staging project and cache: beside the site folder.

    ``.site-zensical`` for ``site``: under the same lock as the site, so no two builds
    share it. A warm cache takes about half the CPU of a cold build (engines.md).
    """
    return site.with_name(f".{site.name}-zensical")


@dataclass
class BuildResult:
    """What a build reports besides the site: the engine's warnings."""

    warnings: list[str] = field(default_factory=list)


def site_builder(
    project: Project,
    catalogue: Catalogue,
    *,
    engine: str,
    strict: bool = True,
    work_dir: Path | None = None,
    result: BuildResult | None = None,
) -> Callable[[Path], None]:
    """A builder for ``generator.write.site.SiteFolder.build``: builds into the folder it is given.

    Args:
        project: The site project.
        catalogue: The catalogue, loaded (and checked) once by the caller.
        engine: ``mkdocs`` or ``zensical``.
        strict: Fail on the engine's warnings (broken links …).
        work_dir: Zensical's staging project, kept between builds for its cache.
        result: Receives the engine's warnings when the build is not strict.

    The builder raises :class:`EngineError` when the build fails.
    """

    def build(site_dir: Path) -> None:
        plan, today = plan_project(project, catalogue, engine)
        if engine == "mkdocs":
            from generator.engines import mkdocs_build

            mkdocs_build.build(project, catalogue, plan, today, site_dir, strict=strict)
        else:
            _build_with_zensical(project, catalogue, plan, today, site_dir, strict, work_dir, result)

    return build


def _build_with_zensical(
    project: Project,
    catalogue: Catalogue,
    plan: SitePlan,
    today: date,
    site_dir: Path,
    strict: bool,
    work_dir: Path | None,
    result: BuildResult | None,
) -> None:
    from generator.engines.zensical_adapter import ZensicalError, build_plan

    searchable = plan.searchable_urls()
    # Started first: the exports fork this process, which must not run other threads yet.
    exports = start_exports(catalogue, site_dir, ExportOptions(site_url=project.site_url, today=today))
    try:
        built = build_plan(project, plan, site_dir, strict=strict, work_dir=work_dir)
        if result is not None:
            result.warnings += [issue.format() for issue in built.issues]
        if project.search:
            build_search_index(site_dir, searchable)
        exports.wait()
    except (ZensicalError, SearchIndexError, ExportError) as error:
        exports.abort()
        raise EngineError(str(error)) from None
    except BaseException:
        exports.abort()  # interrupted: nothing may go on writing into the folder
        raise


# --- tarjotin serve without an engine's own server --------------------------------------

#: How often the error page of ``serve_rebuilding`` reloads itself, in seconds.
ERROR_PAGE_REFRESH = 2


class PreviewError(EngineError):
    """A rebuild failed, with the page the preview shows instead of the site (HTML)."""

    def __init__(self, message: str, page: str) -> None:
        super().__init__(message)
        self.page = page


class _ErrorState:
    def __init__(self) -> None:
        self.page: bytes | None = None
        self.lock = threading.Lock()


def _preview_handler(state: _ErrorState) -> type[SimpleHTTPRequestHandler]:
    class PreviewHandler(SimpleHTTPRequestHandler):
        """The site's files, but the error page for every page while the last rebuild failed."""

        def do_GET(self) -> None:
            with state.lock:
                page = state.page
            if page is None or not is_page(urlsplit(self.path).path):
                super().do_GET()
                return
            self.send_response(500)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(page)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return PreviewHandler


def fingerprint(folders: list[Path]) -> tuple[tuple[str, int, int], ...]:
    """Every file under ``folders`` (or each file itself) with its size and modification time."""
    entries = []
    for folder in folders:
        paths = [folder] if folder.is_file() else folder.rglob("*") if folder.is_dir() else []
        for path in paths:
            with contextlib.suppress(OSError):  # removed while we looked
                if path.is_file():
                    status = path.stat()
                    entries.append((str(path), status.st_size, status.st_mtime_ns))
    return tuple(sorted(entries))


def serve_rebuilding(
    watched: Callable[[], list[Path]],
    rebuild: Callable[[Path], None],
    dev_addr: str,
    *,
    interval: float = 1.0,
    announce: Callable[[str], None] = print,
) -> None:
    """Build into a temporary folder, serve it on ``dev_addr`` and rebuild when a watched file changes.

    ``rebuild(site)`` builds the whole site into ``site`` (safely: the old site stays
    when it fails). While the last rebuild has failed, every page is an error page
    (:class:`PreviewError`'s, else the error's message) that reloads itself every
    :data:`ERROR_PAGE_REFRESH` seconds, so it turns into the site once the files are
    fixed; the error is announced too. A good rebuild is not reloaded in the browser;
    reload it by hand. Ends on Ctrl-C (SIGINT).
    """
    state = _ErrorState()
    with tempfile.TemporaryDirectory(prefix="tarjotin-serve-") as folder:
        site = Path(folder) / "site"
        rebuild(site)
        seen = fingerprint(watched())
        host, _colon, port = dev_addr.rpartition(":")
        address = (host or "127.0.0.1", int(port or 8000))
        with serve_site(site, _preview_handler(state), address=address) as url:
            announce(
                _(
                    "Serving {url} (rebuilt when the catalogue, the docs or the theme change; Ctrl-C ends)"
                ).format(url=url)
            )
            try:
                while True:
                    time.sleep(interval)
                    now = fingerprint(watched())
                    if now == seen:
                        continue
                    seen = now
                    announce(_("Change found; rebuilding…"))
                    started = time.perf_counter()
                    try:
                        rebuild(site)
                    except EngineError as error:
                        announce(
                            _(
                                "Build failed; the preview shows the errors until they are fixed: {error}"
                            ).format(error=error)
                        )
                        if isinstance(error, PreviewError):
                            page = error.page
                        else:
                            page = build_error_page([str(error)], refresh=ERROR_PAGE_REFRESH)
                        with state.lock:
                            state.page = page.encode("utf-8")
                        continue
                    with state.lock:
                        state.page = None
                    seconds = decimal(time.perf_counter() - started)
                    announce(_("Rebuilt in {seconds} s; reload the page.").format(seconds=seconds))
            except KeyboardInterrupt:
                announce(_("Stopped."))


def build_project(
    config_file: Path,
    site_dir: Path,
    *,
    catalogue: Path | None = None,
    engine: str | None = None,
    strict: bool = True,
) -> Path:
    """Read the project, load its catalogue once, plan and build it safely into ``site_dir``.

    For commands that need a built site and report nothing of the catalogue
    (``tarjotin links``); ``tarjotin build`` does the same steps with its own messages.

    Raises:
        EngineError: mkdocs.yml, the catalogue, the site folder or the build failed.
    """
    from generator.validate.catalogue import load_catalogue
    from generator.write.site import SiteError, site_folder

    try:
        project = read_project(config_file, catalogue=catalogue)
    except ProjectError as error:
        raise EngineError(str(error)) from None
    loaded, problems = load_catalogue(project.catalogue)
    if loaded is None:
        count = len(problems.errors)
        where = project.catalogue
        message = ngettext(
            "the catalogue '{catalogue}' has {count} error; run `tarjotin validate`",
            "the catalogue '{catalogue}' has {count} errors; run `tarjotin validate`",
            count,
        )
        raise EngineError(message.format(catalogue=where, count=count))
    try:
        with site_folder(project, site_dir) as folder:
            return folder.build(site_builder(project, loaded, engine=engine or project.engine, strict=strict))
    except SiteError as error:
        raise EngineError(error.message) from None
