"""What a link check found: the result classes and where each link is written."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from generator.i18n import _, pgettext


class Status(StrEnum):
    """The result classes an editor acts on.

    * ``broken`` fails the run: 404, 410, other 4xx and 5xx, a DNS failure, a refused
      connection, a redirect loop, a timeout after every retry, a missing anchor on
      one of the site's own pages;
    * ``moved`` is a permanent redirect (301, 308, also in a chain): update the link;
    * ``could-not-verify`` is reported but does not fail: 401, 403, 429, robots.txt
      forbids checking, or a missing anchor on another site (often made by scripts);
    * ``ok`` needs nothing (temporary redirects, 302/303/307, are ok).
    """

    BROKEN = "broken"
    MOVED = "moved"
    UNVERIFIED = "could-not-verify"
    OK = "ok"


def status_title(status: Status) -> str:
    """The heading of a result class in the reports ("Broken")."""
    titles = {
        Status.BROKEN: _("Broken"),
        Status.MOVED: _("Moved"),
        Status.UNVERIFIED: _("Could not verify"),
        Status.OK: _("OK"),
    }
    return titles[status]


def status_label(status: Status) -> str:
    """A result class in a line of the terminal summary ("broken: https://…")."""
    labels = {
        Status.BROKEN: pgettext("link status", "broken"),
        Status.MOVED: pgettext("link status", "moved"),
        Status.UNVERIFIED: pgettext("link status", "could not verify"),
        Status.OK: pgettext("link status", "ok"),
    }
    return labels[status]


@dataclass(frozen=True)
class Outcome:
    """The verdict on one URL.

    Attributes:
        status: The result class.
        reason: What happened, in plain words ("404 Not Found", "timed out").
        code: The final HTTP status, when there was one.
        final_url: Where the redirects ended, when the URL redirected.
        suggested_url: The target of the last permanent redirect: what to write instead.
        redirects: Each hop as (status, target).
        transient: Whether checking again later may give another answer (timeouts, 5xx).
    """

    status: Status
    reason: str
    code: int | None = None
    final_url: str | None = None
    suggested_url: str | None = None
    redirects: tuple[tuple[int, str], ...] = ()
    transient: bool = False


@dataclass(frozen=True)
class Location:
    """Where a link is written.

    Attributes:
        file: A catalogue YAML file or a docs page; for links that come from the
            site's templates or theme, the generated page's source (or ``None``).
        line: 1-based line, when known.
        column: 1-based column, when known.
        field: The YAML field path (``links.0.url``), or ``""``.
        label: Whose link it is: the service's name, or the item or page it belongs to.
    """

    file: Path | None
    line: int | None = None
    column: int | None = None
    field: str = ""
    label: str = ""


@dataclass(frozen=True)
class PageRef:
    """A page of the built site that links to a URL, and where in its HTML."""

    path: str
    line: int | None = None


@dataclass
class LinkResult:
    """One URL's result with every place it is written and every page linking to it.

    Attributes:
        url: The URL as written (absolute; internal links resolved against their page).
        external: Whether it points outside the site.
        outcome: The verdict.
        checked_at: When it was checked (for cached results, the original check).
        cached: Whether the verdict came from the cache.
        locations: Where the URL is written in the catalogue or docs; empty when it
            comes from a template or the theme.
        pages: Site pages that link to it.
    """

    url: str
    external: bool
    outcome: Outcome
    checked_at: datetime
    cached: bool = False
    locations: list[Location] = field(default_factory=list)
    pages: list[PageRef] = field(default_factory=list)

    @property
    def status(self) -> Status:
        return self.outcome.status


@dataclass
class LinkReport:
    """Everything one run found.

    Attributes:
        results: Every external URL (when checked) and every internal link that is not ok.
        internal_checked: How many internal URLs were checked.
        external_checked: How many external URLs were checked now (not from the cache).
        external_cached: How many external verdicts came from the cache.
        external_skipped: External URLs not checked (no ``--external``, or ignored).
        root: The project folder that paths are shown relative to.
        complete: Whether every page of the site was checked (``False``: the time
            limit ran out during the crawl, and links on the pages not reached are unknown).
        time_limit_reached: Whether ``max_run_seconds`` ran out before everything was checked.
    """

    results: list[LinkResult]
    internal_checked: int = 0
    external_checked: int = 0
    external_cached: int = 0
    external_skipped: int = 0
    root: Path = field(default_factory=Path.cwd)
    complete: bool = True
    time_limit_reached: bool = False

    def with_status(self, status: Status) -> list[LinkResult]:
        return [r for r in self.results if r.status is status]

    @property
    def failed(self) -> bool:
        return any(r.status is Status.BROKEN for r in self.results)

    def counts(self) -> dict[Status, int]:
        return {status: len(self.with_status(status)) for status in Status}
