"""``tarjotin serve`` with MkDocs: the preview keeps serving, and shows what is wrong.

MkDocs's own ``mkdocs serve`` (1.6) leaves a failed rebuild's site "being built":
every page request waits for a build that never finishes, and the error is only in
the terminal. :class:`ErrorPreview` wraps the live-reload server the plugin is given
in ``on_serve``: a rebuild that fails is reported to MkDocs as done, and until a
rebuild succeeds every page the server is asked for is one error page instead (the
catalogue's problems with file, line, quoted line and message, through
:func:`generator.reporting.html_page`, or the build's error messages), with MkDocs's
live-reload script, so the browser reloads into the site when the files are fixed.
Styles, scripts and images are served as before.

It reads two attributes MkDocs 1.6's ``LiveReloadServer`` does not document
(``_visible_epoch``, ``_inject_js_into_html``); ``pyproject.toml`` keeps MkDocs below 1.7.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.exceptions import MkDocsException

from generator.load.yaml_source import ReadMemo
from generator.problems import Problems
from generator.render.memo import RenderMemo
from generator.report.html import is_page
from generator.reporting import build_error_page, html_page
from generator.site.plan import SitePlan

log = logging.getLogger("mkdocs.plugins.tarjotin")

#: What the plugin knows of a failed build: the catalogue's problems and the project folder.
Failure = tuple[Problems, Path]


class _Messages(logging.Handler):
    """Collects what MkDocs logs as a warning or an error during one build."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if not record.name.startswith("mkdocs.livereload"):  # the server's requests are not the build's
            self.messages.append(record.getMessage())


class ErrorPreview:
    """Serves an error page for every page while the last build failed.

    Args:
        server: MkDocs's ``LiveReloadServer``; its builder and its WSGI app are wrapped.
        failure: The catalogue's problems of the build that just failed, when that is why.
    """

    def __init__(self, server: Any, failure: Callable[[], Failure | None]) -> None:
        self.server = server
        self.failure = failure
        self.page: bytes | None = None
        self._lock = threading.Lock()
        self._build = server.builder
        self._app = server.get_app()
        server.builder = self.build
        server.set_app(self.serve)
        # MkDocs logs every answer but 200 as a warning, and strict mode counts the warnings
        # logged while a build runs: each error page served during the next build would fail it.
        logging.getLogger("mkdocs.livereload").addFilter(self._quiet_error_pages)

    def _quiet_error_pages(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).endswith('" code 500')

    def build(self) -> None:
        """MkDocs's rebuild; a failure becomes the error page instead of a server stuck waiting."""
        messages = _Messages()
        logger = logging.getLogger("mkdocs")
        logger.addHandler(messages)
        self.failure()  # a failure left from a build that failed before the plugin ran
        try:
            self._build()
        except Exception as error:  # MkDocs's Abort is an Exception and a SystemExit
            if not isinstance(error, MkDocsException):  # MkDocs has said nothing of it
                log.error("The rebuild failed: %s", error, exc_info=True)
            page: bytes | None = self._error_page(error, messages.messages)
            log.error("The preview shows the errors in the browser until they are fixed.")
        else:
            page = None
        finally:
            logger.removeHandler(messages)
        with self._lock:
            self.page = page

    def _error_page(self, error: Exception, messages: list[str]) -> bytes:
        failure = self.failure()
        if failure is not None:
            problems, root = failure
            return html_page(problems, root).encode("utf-8")
        shown = [message for message in messages if message]
        cause = error.__context__ if error.__context__ is not None else error
        if str(cause) and str(cause) not in shown:
            shown.append(str(cause))
        return build_error_page(shown).encode("utf-8")

    def serve(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        """The WSGI app: the error page for a page while there is one, else MkDocs's server."""
        with self._lock:
            page = self.page
        path = str(environ.get("PATH_INFO", ""))
        if page is None or path.startswith("/livereload/") or not is_page(path):
            return self._app(environ, start_response)
        content = self.server._inject_js_into_html(page, self.server._visible_epoch)
        start_response(
            "500 Internal Server Error",
            [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(content)))],
        )
        return [content]


# --- rebuilding only the pages a change affects ------------------------------------------


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


def plan_signature(plan: SitePlan, config_file: Path, docs_dir: Path) -> bytes:
    """What every page's HTML depends on besides its own Markdown.

    The navigation (its pages and their titles), the set of generated pages, the theme's
    ``extra`` values, stylesheets, scripts and extensions, and the modification times
    of mkdocs.yml and of every hand-written file: when any of them changes, the
    preview rebuilds every page.
    """
    handwritten = []
    for path in sorted(docs_dir.rglob("*")) if docs_dir.is_dir() else []:
        with contextlib.suppress(OSError):
            handwritten.append((str(path), path.stat().st_mtime_ns))
    with contextlib.suppress(OSError):
        handwritten.append((str(config_file), config_file.stat().st_mtime_ns))
    parts = [
        plan.nav,
        [(page.path, page.in_nav, page.title if page.in_nav else "") for page in plan.pages],
        plan.extra,
        plan.extra_css,
        plan.extra_javascript,
        plan.extensions,
        sorted(plan.assets),
        handwritten,
    ]
    return _digest(repr(parts))


@dataclass
class Rebuilds:
    """What the last successful preview build was made of, to rebuild only what changed since.

    ``tarjotin serve`` rebuilds with MkDocs's ``dirty`` build. When nothing but some
    pages' Markdown has changed (:func:`plan_signature` is the same), a page whose
    Markdown is the same as last time (or a hand-written one) is neither converted nor
    written again: its HTML from the last build stays, and in the navigation it keeps
    the title and metadata the last build read from it (:meth:`kept`). Such a partial
    build leaves the search index and the open-data files as the last full build
    wrote them. Before that, the catalogue is read and the site planned with what the
    last rebuild made: files with the same bytes are not parsed again, and cards and
    service pages made from the same inputs are not rendered again.
    """

    signature: bytes | None = None
    pages: dict[str, bytes] = field(default_factory=dict)
    #: Each page's title and metadata as the builds so far read them.
    read: dict[str, tuple[str | None, dict[str, Any]]] = field(default_factory=dict)
    #: This build's, kept when it succeeds.
    pending: tuple[bytes, dict[str, bytes]] | None = None
    pending_read: dict[str, tuple[str | None, dict[str, Any]]] = field(default_factory=dict)
    #: What reading the catalogue made of each file, and the cards and service pages of
    #: the last plan: keyed by what they are made from, so a failed build leaves them right.
    files: ReadMemo = field(default_factory=ReadMemo)
    rendered: RenderMemo = field(default_factory=RenderMemo)

    def plan(self, plan: SitePlan, config_file: Path, docs_dir: Path) -> bool:
        """Take this build's plan; whether only the pages whose Markdown changed need building."""
        signature = plan_signature(plan, config_file, docs_dir)
        self.pending = (signature, {page.path: _digest(page.full_markdown) for page in plan.pages})
        return self.signature == signature

    def unchanged(self, path: str) -> bool:
        """Whether the generated page ``path`` has the same Markdown as in the last build."""
        return self.pending is not None and self.pages.get(path) == self.pending[1].get(path)

    def written_as_before(self, path: str) -> bool:
        """In a partial build: whether page ``path`` would be written as the last build wrote it.

        A generated page whose Markdown is the same, or a hand-written one (a change to
        any of those changes the signature). Such a page in the navigation is still read
        and converted, for the navigation's titles, but not written again.
        """
        generated = self.pending is not None and path in self.pending[1]
        return self.unchanged(path) or not generated

    def remember(self, path: str, title: str | None, meta: Mapping[str, Any]) -> None:
        """What this build read from page ``path``: its title and metadata, for the navigation."""
        self.pending_read[path] = (title, dict(meta))

    def kept(self, path: str) -> tuple[str | None, dict[str, Any]] | None:
        """In a partial build: page ``path``'s title and metadata when it need not be read
        again (it would come out as the last build wrote it), else ``None``."""
        return self.read.get(path) if self.written_as_before(path) else None

    def succeeded(self) -> None:
        if self.pending is not None:
            self.signature, self.pages = self.pending
        self.read.update(self.pending_read)
        self.pending, self.pending_read = None, {}

    def failed(self) -> None:
        self.signature, self.pages, self.pending = None, {}, None
        self.read, self.pending_read = {}, {}
