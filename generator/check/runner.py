"""Run LinkChecker in this process and collect what it logs for every URL.

Why the Python API and not the ``linkchecker`` command: the command drops root
privileges to ``nobody`` (it could then not write our reports in CI containers),
and the API hands us every checked URL as an object, with the page and line it
was found on, so nothing has to be parsed back from a text file.

LinkChecker's messages are gettext-translated; we read a few of them (redirect
hops, missing anchors, robots.txt), so they are kept in English.

Every run is bounded, in bytes and in time, whatever the other end does:

* a page is read only up to ``max_download_bytes`` (LinkChecker's ``maxfilesizedownload``);
* a page's download is cut short after ``max_download_seconds``. LinkChecker's ``timeout``
  bounds each wait for bytes, so a server trickling an endless page held a check for
  ever; its own ``maxrunseconds`` ends a run by a KeyboardInterrupt that waits
  ``aborttimeout`` for such checks and then sends SIGTERM to the whole process;
* the run itself ends at a deadline: LinkChecker works in a daemon thread, and at the
  deadline (or on Ctrl-C) its queue is emptied and checks still running are left behind
  (they end by the limits above, or with the process).
"""

from __future__ import annotations

import builtins
import gettext
import re
import socket
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag

#: The LinkChecker config key our bounded download reads its time limit from.
DOWNLOAD_SECONDS = "tarjotin_max_download_seconds"
#: The start of the error a download cut short by ``max_download_seconds`` gets.
CUT_SHORT = "download cut short"
#: How often the waiting thread looks at the deadline.
_POLL_SECONDS = 0.1


@dataclass(frozen=True)
class CheckedUrl:
    """What LinkChecker found for one link on one page.

    Attributes:
        url: The URL checked, made absolute; after redirects, where they ended.
        written: The link as written in the page (``href``), or the root URL given.
        parent: The page the link is on (``None`` for root URLs).
        line: The line of the link in the page's HTML.
        valid: LinkChecker's verdict.
        extern: Whether LinkChecker counted it as outside the site.
        filtered: Whether it was not checked (outside the site and external checks off).
        result: LinkChecker's result text ("200 OK", "404 Not Found", "ReadTimeout: …").
        warnings: (tag, message) pairs: redirects, missing anchors, rate limiting.
        info: Informational messages (e.g. robots.txt denied access).
        content_type: The MIME type of the answer (``text/html`` for pages).
        anchor: The URL's ``#anchor`` (without ``#``), or ``""``.
        too_big: Whether its Content-Length is over ``max_download_bytes`` (it was then not read).
    """

    url: str
    written: str
    parent: str | None
    line: int | None
    valid: bool
    extern: bool
    filtered: bool
    result: str
    warnings: tuple[tuple[str | None, str], ...] = ()
    info: tuple[str, ...] = ()
    content_type: str = ""
    anchor: str = ""
    too_big: bool = False


@dataclass(frozen=True)
class RunOptions:
    """One LinkChecker run.

    Attributes:
        recursive: Follow the links of the root pages (the site crawl) or check only the roots.
        check_extern: Check URLs outside the roots' sites (otherwise they are only listed).
        timeout: Seconds per connection or answer.
        max_requests_per_second: Per host.
        threads: Parallel checks.
        robots_txt: Respect robots.txt.
        anchors: Check that a URL's #anchor exists on the page it points to (LinkChecker's
            AnchorCheck; it fetches the page again for every different anchor).
        check_only: Regexes of URLs to check but not crawl into (e.g. the site's query-string pages).
        linkcheckerrc: A LinkChecker configuration file read first.
        max_download_bytes: The most of a page that is read.
        max_download_seconds: The longest a page's download may take.
        deadline: When the run stops (``time.monotonic()``), finished or not.
    """

    recursive: bool
    check_extern: bool
    timeout: float
    max_requests_per_second: float
    threads: int
    robots_txt: bool = True
    anchors: bool = True
    check_only: tuple[str, ...] = ()
    linkcheckerrc: Path | None = None
    max_download_bytes: int = 5 * 1024 * 1024
    max_download_seconds: float = 30
    deadline: float | None = None


@dataclass(frozen=True)
class RunResult:
    """What one run found.

    Attributes:
        rows: One entry per URL checked to the end, in the order LinkChecker logged them.
        finished: Whether every URL was checked (``False``: the deadline came first).
    """

    rows: list[CheckedUrl]
    finished: bool


Progress = Callable[[int, int], None]
"""Called after each URL with (URLs done, URLs known so far)."""
OnRow = Callable[[CheckedUrl], None]
"""Called with each URL as soon as it is checked (from LinkChecker's threads)."""

_import_lock = threading.Lock()


def _bounded_read_content(url_data: Any) -> bytes:
    """LinkChecker's ``HttpUrl.read_content``, also bounded in time.

    ``read1`` hands over whatever bytes have come (``iter_content`` waits for a full
    chunk), so the deadline is looked at at least once per ``timeout``.
    """
    from linkcheck import LinkCheckerError

    config = url_data.aggregate.config
    max_bytes = config["maxfilesizedownload"]
    seconds = config.get(DOWNLOAD_SECONDS)
    deadline = time.monotonic() + seconds if seconds else None
    raw = url_data.url_connection.raw
    buffer = BytesIO()
    while data := raw.read1(url_data.ReadChunkBytes, decode_content=True):
        if buffer.tell() + len(data) > max_bytes:
            raise LinkCheckerError("File size too large")
        buffer.write(data)
        if deadline is not None and time.monotonic() > deadline:
            raise LinkCheckerError(f"{CUT_SHORT} after {seconds:g} s")
    return buffer.getvalue()


def _linkcheck() -> Any:
    """Import LinkChecker with its messages in English (see the module docstring)."""
    with _import_lock:
        import linkcheck  # noqa: F401 - installs gettext's ``_`` for LinkChecker
        from linkcheck import checker, configuration, director
        from linkcheck import logger as lc_logger
        from linkcheck.checker import httpurl

        english = gettext.NullTranslations()
        builtins.__dict__["_"] = english.gettext
        builtins.__dict__["_n"] = english.ngettext
        # LinkChecker has no time limit per page (see the module docstring).
        httpurl.HttpUrl.read_content = _bounded_read_content
        return checker, configuration, director, lc_logger


def _collector_class(lc_logger: Any) -> Any:
    class Collector(lc_logger._Logger):
        """A LinkChecker logger that keeps every URL it is told about."""

        LoggerName = "tarjotin"

        def __init__(
            self,
            max_bytes: int,
            progress: Progress | None,
            on_row: OnRow | None,
            queue_size: Callable[[], int],
        ) -> None:
            super().__init__()
            self.max_bytes = max_bytes
            self.rows: list[CheckedUrl] = []
            self.progress = progress
            self.on_row = on_row
            self.queue_size = queue_size
            self.lock = threading.Lock()
            self.closed = False

        def close(self) -> list[CheckedUrl]:
            """Take no more rows (checks left behind may still end) and hand over those taken."""
            with self.lock:
                self.closed = True
                return list(self.rows)

        def start_output(self) -> None:
            pass

        def end_output(self, **kwargs: Any) -> None:
            pass

        def log_url(self, url_data: Any) -> None:
            pass

        def log_filter_url(self, url_data: Any, do_print: bool) -> None:
            with self.lock:
                if self.closed:
                    return
                self.stats.log_url(url_data, do_print)
                row = _row(url_data, self.max_bytes)
                self.rows.append(row)
                if self.on_row is not None:
                    self.on_row(row)
                done = len(self.rows)
                if self.progress is not None:
                    self.progress(done, done + self.queue_size())

    return Collector


def _row(url_data: Any, max_bytes: int) -> CheckedUrl:
    filtered = bool(url_data.extern) and any("outside of the domain filter" in i for i in url_data.info)
    return CheckedUrl(
        url=url_data.url or url_data.base_url or "",
        written=url_data.base_url or "",
        parent=url_data.parent_url or None,
        line=url_data.line if isinstance(url_data.line, int) and url_data.line > 0 else None,
        valid=bool(url_data.valid),
        extern=bool(url_data.extern),
        filtered=filtered,
        result=url_data.result or "",
        warnings=tuple((tag, message) for tag, message in url_data.warnings),
        info=tuple(url_data.info),
        content_type=url_data.content_type or "",
        anchor=urldefrag(url_data.base_url or "").fragment,
        too_big=isinstance(url_data.size, int) and url_data.size > max_bytes,
    )


def run_linkchecker(
    roots: Iterable[str], options: RunOptions, progress: Progress | None = None, on_row: OnRow | None = None
) -> RunResult:
    """Check ``roots`` (and with ``options.recursive``, everything they link to).

    ``on_row`` is not called any more once this returns or raises.

    LinkChecker checks and logs each URL once, with the first page it was found on;
    which pages link to it is read from the pages themselves (``site_scan``).

    Returns:
        The URLs checked by the end of the run or by ``options.deadline``.

    Raises:
        KeyboardInterrupt: (and its subclasses) as soon as it comes; the run is stopped
            first, and nothing it checks afterwards is kept.
    """
    checker, configuration, director, lc_logger = _linkcheck()
    roots = list(dict.fromkeys(roots))
    if not roots:
        return RunResult([], finished=True)
    if options.deadline is not None and time.monotonic() >= options.deadline:
        return RunResult([], finished=False)
    config = configuration.Configuration()
    if options.linkcheckerrc is not None:
        config.read(files=[str(options.linkcheckerrc)])
    config["recursionlevel"] = -1 if options.recursive else 0
    config["checkextern"] = options.check_extern
    config["timeout"] = options.timeout
    config["maxrequestspersecond"] = options.max_requests_per_second
    config["threads"] = options.threads
    config["robotstxt"] = options.robots_txt
    config["maxfilesizedownload"] = options.max_download_bytes
    config[DOWNLOAD_SECONDS] = options.max_download_seconds
    config["allowedschemes"] = ["http", "https"]  # mailto: and tel: are not checked
    if options.anchors and "AnchorCheck" not in config["enabledplugins"]:
        config["enabledplugins"].append("AnchorCheck")
    config["externlinks"].extend(
        {"pattern": re.compile(pattern), "negate": False, "strict": False} for pattern in options.check_only
    )
    config["status"] = False
    config["verbose"] = True  # log every URL, not only errors: we classify them ourselves
    config["fileoutput"] = []
    queue_size: list[Callable[[], int]] = [lambda: 0]
    collector = _collector_class(lc_logger)(
        options.max_download_bytes, progress, on_row, lambda: queue_size[0]()
    )
    config["logger"] = collector
    previous_timeout = socket.getdefaulttimeout()
    finished = False
    aggregate = None
    try:
        config.sanitize()  # also sets the process's default socket timeout; restored below
        aggregate = director.get_aggregate(config)
        queue_size[0] = aggregate.urlqueue.qsize
        for root in roots:
            aggregate.urlqueue.put(checker.get_url_from(root, 0, aggregate, extern=(0, 0)))
        finished = _wait(director, aggregate, options.deadline)
    finally:
        if not finished and aggregate is not None:
            _stop(aggregate)
        socket.setdefaulttimeout(previous_timeout)
        rows: list[CheckedUrl] = collector.close()
    return RunResult(rows, finished)


def _wait(director: Any, aggregate: Any, deadline: float | None) -> bool:
    """Run LinkChecker in a daemon thread until it is done (``True``) or the deadline comes.

    In a daemon thread, because its checker threads are then daemons too: one stuck
    on a server that never answers cannot keep the process alive after we are done.
    The main thread only waits, so Ctrl-C reaches it (and us) at once.
    """
    done = threading.Event()
    failures: list[BaseException] = []

    def drive() -> None:
        try:
            director.check_urls(aggregate)
        except BaseException as error:  # handed to the waiting thread
            failures.append(error)
        finally:
            done.set()

    threading.Thread(target=drive, name="tarjotin-linkchecker", daemon=True).start()
    while not done.wait(_POLL_SECONDS):
        if deadline is not None and time.monotonic() >= deadline:
            return False
    if failures:
        raise failures[0]
    return True


def _stop(aggregate: Any) -> None:
    """Empty LinkChecker's queue and tell its threads to stop after their current URL."""
    aggregate.cancel()
    for thread in list(aggregate.threads):
        thread.stop()
