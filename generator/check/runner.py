"""Run LinkChecker in this process and collect what it logs for every URL.

Why the Python API and not the ``linkchecker`` command: the command drops root
privileges to ``nobody`` (it could then not write our reports in CI containers),
and the API hands us every checked URL as an object, with the page and line it
was found on, so nothing has to be parsed back from a text file.

LinkChecker's messages are gettext-translated; we read a few of them (redirect
hops, missing anchors, robots.txt), so they are kept in English.
"""

from __future__ import annotations

import builtins
import gettext
import re
import socket
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any


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


Progress = Callable[[int, int], None]
"""Called after each URL with (URLs done, URLs known so far)."""

_import_lock = threading.Lock()


def _linkcheck() -> Any:
    """Import LinkChecker with its messages in English (see the module docstring)."""
    with _import_lock:
        import linkcheck  # noqa: F401 - installs gettext's ``_`` for LinkChecker
        from linkcheck import checker, configuration, director
        from linkcheck import logger as lc_logger

        english = gettext.NullTranslations()
        builtins.__dict__["_"] = english.gettext
        builtins.__dict__["_n"] = english.ngettext
        return checker, configuration, director, lc_logger


def _collector_class(lc_logger: Any) -> Any:
    class Collector(lc_logger._Logger):
        """A LinkChecker logger that keeps every URL it is told about."""

        LoggerName = "tarjotin"

        def __init__(self, progress: Progress | None, queue_size: Callable[[], int]) -> None:
            super().__init__()
            self.rows: list[CheckedUrl] = []
            self.progress = progress
            self.queue_size = queue_size

        def start_output(self) -> None:
            pass

        def end_output(self, **kwargs: Any) -> None:
            pass

        def log_url(self, url_data: Any) -> None:
            pass

        def log_filter_url(self, url_data: Any, do_print: bool) -> None:
            self.stats.log_url(url_data, do_print)
            self.rows.append(_row(url_data))
            if self.progress is not None:
                done = len(self.rows)
                self.progress(done, done + self.queue_size())

    return Collector


def _row(url_data: Any) -> CheckedUrl:
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
    )


def run_linkchecker(
    roots: Iterable[str], options: RunOptions, progress: Progress | None = None
) -> list[CheckedUrl]:
    """Check ``roots`` (and with ``options.recursive``, everything they link to).

    Returns:
        One entry per URL, in the order LinkChecker logged them. LinkChecker checks
        and logs each URL once, with the first page it was found on; which pages
        link to it is read from the pages themselves (``site_scan``).
    """
    checker, configuration, director, lc_logger = _linkcheck()
    roots = list(dict.fromkeys(roots))
    if not roots:
        return []
    config = configuration.Configuration()
    if options.linkcheckerrc is not None:
        config.read(files=[str(options.linkcheckerrc)])
    config["recursionlevel"] = -1 if options.recursive else 0
    config["checkextern"] = options.check_extern
    config["timeout"] = options.timeout
    config["maxrequestspersecond"] = options.max_requests_per_second
    config["threads"] = options.threads
    config["robotstxt"] = options.robots_txt
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
    collector = _collector_class(lc_logger)(progress, lambda: queue_size[0]())
    config["logger"] = collector
    previous_timeout = socket.getdefaulttimeout()
    try:
        config.sanitize()  # also sets the process's default socket timeout; restored below
        aggregate = director.get_aggregate(config)
        queue_size[0] = aggregate.urlqueue.qsize
        for root in roots:
            aggregate.urlqueue.put(checker.get_url_from(root, 0, aggregate, extern=(0, 0)))
        director.check_urls(aggregate)
    finally:
        socket.setdefaulttimeout(previous_timeout)
    rows: list[CheckedUrl] = collector.rows
    return rows
