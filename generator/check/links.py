"""Check a built site's links and trace every problem to where it is written.

1. LinkChecker crawls the site served on 127.0.0.1: every page, stylesheet,
   script and internal link, fast (it is our own server). Links to other sites
   are only collected.
2. The crawled pages are read once each (``site_scan``) for every link with its
   line, and for their anchors; internal ``#anchors`` are checked there.
3. With ``external``: LinkChecker checks each external URL once, politely
   (per-host rate limit, timeout, robots.txt), skipping those with a fresh
   cached verdict; URLs that timed out or got a 5xx answer are retried
   ``retries`` times, ``retry_delay`` seconds apart.

All of it ends by ``max_run_seconds``: external URLs not checked by then are
"could not verify"; a crawl cut short makes the report incomplete.

Every finding is then traced to the YAML file and line (or docs page) that
writes the URL, through :class:`~generator.check.sources.SourceIndex`.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol
from urllib.parse import urldefrag, urljoin, urlsplit

from generator.check.cache import LinkCache
from generator.check.classify import classify
from generator.check.results import LinkReport, LinkResult, Location, Outcome, PageRef, Status
from generator.check.runner import CheckedUrl, Progress, RunOptions, run_linkchecker
from generator.check.server import serve_site
from generator.check.settings import LinkSettings
from generator.check.site_scan import PageLink, ScannedPage, missing_anchor, scan_site
from generator.check.sources import SourceIndex
from generator.i18n import _, ngettext

#: Our own server may be asked as fast as LinkChecker goes …
LOCAL_REQUESTS_PER_SECOND = 1000.0
#: … and is slow only when the machine is busy: that must not look like a broken page.
LOCAL_TIMEOUT_SECONDS = 60.0


class ProgressSink(Protocol):
    """Shows progress: one ``start`` per pass, then ``update`` after each URL."""

    def start(self, description: str, total: int | None) -> None: ...

    def update(self, done: int, total: int) -> None: ...


@dataclass
class CheckOptions:
    """What to check and how.

    Attributes:
        settings: Timeouts, retries, rate limit, cache age, limits.
        external: Also check links to other sites.
        cache: Cached external verdicts (``None``: check everything, remember nothing).
            Each verdict is stored in it as soon as it is final, so that a run that is
            interrupted can still save what it checked to the end; saving is the caller's.
        progress: Where to show progress, if anywhere.
    """

    settings: LinkSettings
    external: bool = False
    cache: LinkCache | None = None
    progress: ProgressSink | None = None


def _is_http(url: str) -> bool:
    return urlsplit(url).scheme in ("http", "https")


def _page_address(url: str) -> str:
    """A URL without its fragment: what LinkChecker fetches."""
    return urldefrag(url).url


@dataclass
class _Site:
    """What the crawl and the scan found out about the site served at ``base``."""

    base: str
    rows: list[CheckedUrl]
    #: Whether the crawl reached every page (not stopped by the time limit).
    complete: bool = True
    pages: dict[str, ScannedPage] = field(default_factory=dict)
    #: Every link on the site by the address it points to: (page URL, link).
    links_to: dict[str, list[tuple[str, PageLink]]] = field(default_factory=dict)
    #: External URLs as written, with the pages linking to them.
    external: dict[str, list[PageRef]] = field(default_factory=dict)

    def path(self, url: str) -> str:
        """A URL of the site as a path (``/palvelut/eka/``); other URLs unchanged."""
        return "/" + url[len(self.base) :] if url.startswith(self.base) else url

    def is_internal(self, url: str) -> bool:
        return url.startswith(self.base)


def _crawl(site_dir: Path, options: CheckOptions, deadline: float) -> _Site:
    settings = options.settings
    progress = options.progress
    with serve_site(site_dir) as base:
        run = RunOptions(
            recursive=True,
            check_extern=False,
            timeout=max(settings.timeout, LOCAL_TIMEOUT_SECONDS),
            max_requests_per_second=LOCAL_REQUESTS_PER_SECOND,
            threads=settings.threads,
            anchors=False,  # checked on the scanned pages instead (see site_scan)
            # Filter pages (?teema=…) are the listing again: check them, do not crawl them.
            check_only=(rf"^{re.escape(base)}[^#]*\?",),
            max_download_bytes=settings.max_download_bytes,
            max_download_seconds=settings.max_download_seconds,
            deadline=deadline,
        )
        if progress is not None:
            progress.start(_("Checking the site's pages"), None)
        result = run_linkchecker([base], run, progress.update if progress else None)
    site = _Site(base, result.rows, complete=result.finished)
    html_pages = [
        row.url for row in site.rows if row.valid and site.is_internal(row.url) and "html" in row.content_type
    ]
    site.pages = scan_site(site_dir, base, html_pages)
    for page_url, page in site.pages.items():
        for link in page.links:
            site.links_to.setdefault(_page_address(link.target), []).append((page_url, link))
            if _is_http(link.target) and not site.is_internal(link.target):
                site.external.setdefault(link.target, []).append(PageRef(site.path(page_url), link.line))
    for row in site.rows:  # links the scan cannot see (e.g. url() in a stylesheet)
        if row.filtered and _is_http(row.written) and row.written not in site.external:
            site.external[row.written] = [PageRef(site.path(row.parent or ""), row.line)]
    return site


def _locations(site: _Site, sources: SourceIndex, links: list[tuple[str, PageLink]]) -> list[Location]:
    found: list[Location] = []
    for page_url, link in links:
        location = sources.find_in_page_source(site.path(page_url).lstrip("/"), link.written)
        candidates = [location] if location is not None else sources.locate_relative(link.written)
        found.extend(candidate for candidate in candidates if candidate not in found)
    return found


def _internal_results(site: _Site, sources: SourceIndex, now: datetime) -> list[LinkResult]:
    results: list[LinkResult] = []
    for row in site.rows:
        if row.filtered or not site.is_internal(urljoin(row.parent or site.base, row.written)):
            continue
        outcome = classify(row, external=False)
        if outcome.status is Status.OK:
            continue
        address = _page_address(urljoin(row.parent or site.base, row.written))
        if outcome.final_url:
            outcome = replace(
                outcome,
                final_url=site.path(outcome.final_url),
                suggested_url=site.path(outcome.suggested_url) if outcome.suggested_url else None,
            )
        links = site.links_to.get(address, [])
        pages = [PageRef(site.path(page), link.line) for page, link in links]
        if not pages and row.parent:  # found only by LinkChecker (e.g. in a stylesheet)
            pages = [PageRef(site.path(row.parent), row.line)]
        results.append(
            LinkResult(
                site.path(address),
                external=False,
                outcome=outcome,
                checked_at=now,
                locations=_locations(site, sources, links),
                pages=pages,
            )
        )
    return results


def _anchor_results(site: _Site, sources: SourceIndex, now: datetime) -> tuple[list[LinkResult], int]:
    """Links to a missing ``#anchor`` on the site's own pages, and how many anchor links there are."""
    missing: dict[str, tuple[str, list[tuple[str, PageLink]]]] = {}
    checked = 0
    for page_url, page in site.pages.items():
        for link in page.links:
            if not site.is_internal(link.target) or not urldefrag(link.target).fragment:
                continue
            checked += 1
            name = missing_anchor(link, site.pages)
            if name is not None:
                missing.setdefault(link.target, (name, []))[1].append((page_url, link))
    results = [
        LinkResult(
            site.path(target),
            external=False,
            outcome=Outcome(Status.BROKEN, _("anchor #{name} not found on the page").format(name=name)),
            checked_at=now,
            locations=_locations(site, sources, links),
            pages=[PageRef(site.path(page), link.line) for page, link in links],
        )
        for target, (name, links) in missing.items()
    ]
    return results, checked


def _known_total(options: CheckOptions, total: int) -> Progress | None:
    """Progress over a known number of URLs (nothing is crawled, so no more appear)."""
    sink = options.progress
    if sink is None:
        return None
    update: Callable[[int, int], None] = sink.update
    return lambda done, _known: update(done, total)


def _time_limit_reason(settings: LinkSettings) -> str:
    return _("not checked: the time limit ran out (max_run_seconds = {seconds})").format(
        seconds=f"{settings.max_run_seconds:g}"
    )


def _attempts(count: int) -> str:
    return ngettext("{count} attempt", "{count} attempts", count).format(count=count)


def _check_external(
    urls: list[str], options: CheckOptions, deadline: float, record: Callable[[str, Outcome], None]
) -> tuple[dict[str, Outcome], bool]:
    """Check ``urls``, retrying those whose failure may pass, until ``deadline``.

    ``record`` gets each verdict that is final (no retry is due), as soon as it is known.

    Returns:
        Each URL's verdict, and whether every check was done before the deadline.
    """
    settings = options.settings
    run = RunOptions(
        recursive=False,
        check_extern=True,
        timeout=settings.timeout,
        max_requests_per_second=settings.max_requests_per_second,
        threads=settings.threads,
        robots_txt=settings.robots_txt,
        linkcheckerrc=settings.linkcheckerrc,
        max_download_bytes=settings.max_download_bytes,
        max_download_seconds=settings.max_download_seconds,
        deadline=deadline,
    )
    outcomes: dict[str, Outcome] = {}
    tried: dict[str, int] = {}
    pending = list(urls)
    attempts = 1 + settings.retries
    in_time = True

    def final(row: CheckedUrl) -> None:
        outcome = classify(row, external=True)
        if not outcome.transient:
            record(row.written, outcome)

    for attempt in range(1, attempts + 1):
        if not pending:
            break
        if attempt > 1:
            if time.monotonic() + settings.retry_delay >= deadline:
                in_time = False
                break
            time.sleep(settings.retry_delay)
        if options.progress is not None:
            description = (
                _("Checking links to other sites (retry {number} of {retries})").format(
                    number=attempt - 1, retries=settings.retries
                )
                if attempt > 1
                else _("Checking links to other sites")
            )
            options.progress.start(description, len(pending))
        result = run_linkchecker(pending, run, _known_total(options, len(pending)), final)
        rows = {row.written: row for row in result.rows}
        for url in pending:
            row = rows.get(url)
            if row is not None:
                outcomes[url] = classify(row, external=True)
                tried[url] = attempt
            elif result.finished:
                outcomes[url] = Outcome(Status.BROKEN, _("LinkChecker gave no result for it"))
                record(url, outcomes[url])
            elif url not in outcomes:
                outcomes[url] = Outcome(Status.UNVERIFIED, _time_limit_reason(settings))
            # else: its retry did not come in time; the last attempt's verdict stands.
        in_time = result.finished
        if not in_time:
            break
        pending = [url for url in pending if outcomes[url].transient]
    for url, outcome in outcomes.items():
        if not outcome.transient:
            continue
        done = _attempts(tried[url])
        if tried[url] == attempts:
            outcomes[url] = replace(outcome, reason=f"{outcome.reason} ({done})")
            record(url, outcomes[url])
        else:  # the time limit left no time for every retry
            reason = _("{reason} ({attempts} of {total}; the time limit ran out)").format(
                reason=outcome.reason, attempts=done, total=attempts
            )
            outcomes[url] = replace(outcome, status=Status.UNVERIFIED, reason=reason)
    return outcomes, in_time


def _external_results(
    site: _Site,
    sources: SourceIndex,
    options: CheckOptions,
    now: datetime,
    report: LinkReport,
    deadline: float,
) -> list[LinkResult]:
    if not options.external:
        report.external_skipped = len(site.external)
        return []
    ignore = [re.compile(pattern) for pattern in options.settings.ignore]
    urls = [url for url in site.external if not any(pattern.search(url) for pattern in ignore)]
    report.external_skipped = len(site.external) - len(urls)
    verdicts: dict[str, tuple[Outcome, datetime, bool]] = {}
    due: list[str] = []
    for url in urls:
        cached = options.cache.fresh(url, now) if options.cache is not None else None
        if cached is not None:
            verdicts[url] = (cached[0], cached[1], True)
        else:
            due.append(url)
    cache = options.cache

    def record(url: str, outcome: Outcome) -> None:
        if cache is not None:
            cache.store(url, outcome, now)

    outcomes, in_time = _check_external(due, options, deadline, record)
    for url, outcome in outcomes.items():
        verdicts[url] = (outcome, now, False)
    report.time_limit_reached = report.time_limit_reached or not in_time
    report.external_checked = len(due)
    report.external_cached = len(urls) - len(due)
    return [
        LinkResult(
            url,
            external=True,
            outcome=outcome,
            checked_at=checked_at,
            cached=cached,
            locations=sources.locate(url),
            pages=site.external[url],
        )
        for url, (outcome, checked_at, cached) in verdicts.items()
    ]


def check_site(site_dir: Path, sources: SourceIndex, options: CheckOptions, root: Path) -> LinkReport:
    """Check the built site in ``site_dir``, within ``max_run_seconds``.

    Args:
        site_dir: A built site (its ``index.html`` is the start page).
        sources: Where each URL is written, for tracing.
        options: What to check and how.
        root: The project folder that paths are shown relative to.

    Returns:
        Every problem found, and every external URL's verdict, sorted by class.

    Raises:
        KeyboardInterrupt: (and its subclasses) as soon as it comes; the verdicts
            final by then are in ``options.cache``.
    """
    now = datetime.now(UTC).replace(microsecond=0)
    deadline = time.monotonic() + options.settings.max_run_seconds
    site = _crawl(site_dir, options, deadline)
    anchors, anchor_links = _anchor_results(site, sources, now)
    report = LinkReport(results=[], root=root, complete=site.complete, time_limit_reached=not site.complete)
    report.internal_checked = sum(1 for row in site.rows if not row.filtered) + anchor_links
    results = _internal_results(site, sources, now) + anchors
    results += _external_results(site, sources, options, now, report, deadline)
    order = list(Status)
    report.results = sorted(results, key=lambda r: (order.index(r.status), r.url))
    return report
