"""Content freshness: reviews that are overdue, services ending soon or ended.

An entry's ``last_reviewed`` date is written by the person who checked it and
``owner`` names who is responsible; the build never writes either. The region's
``review_interval_months`` (default 12) says how often an entry must be checked.

An entry with no ``last_reviewed`` date has never been checked by anyone, so
``tarjotin validate --strict`` treats it as overdue: a region that enforces its
review cycle in CI must review every entry once. Plain ``validate`` only
summarises reviews, so a catalogue without review dates still validates.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from generator.model.catalogue import Catalogue, Service
from generator.problems import Problems, Severity

#: Services whose validity ends within this many days are reported as ending soon.
ENDING_SOON_DAYS = 60
#: The heading under which entries without an owner are grouped.
NO_OWNER = "(no owner)"


class Concern(StrEnum):
    """Why an entry is in the freshness report."""

    OVERDUE = "overdue"
    NEVER_REVIEWED = "never-reviewed"
    ENDING_SOON = "ending-soon"
    ENDED = "ended"


#: Plain-words headings, in the order the report lists them.
CONCERN_TITLES = {
    Concern.OVERDUE: "Review overdue",
    Concern.NEVER_REVIEWED: "Never reviewed",
    Concern.ENDING_SOON: f"Validity ends within {ENDING_SOON_DAYS} days",
    Concern.ENDED: "Ended",
}


@dataclass(frozen=True)
class FreshnessItem:
    """One service that needs an editor's attention.

    Attributes:
        concern: What is wrong.
        service: The service.
        when: The review due date (overdue), or the validity end date (ending, ended);
            ``None`` for entries never reviewed.
        line: The line of the date in the service's file, when known.
    """

    concern: Concern
    service: Service
    when: date | None
    line: int | None

    @property
    def owner(self) -> str:
        return self.service.entry.owner or NO_OWNER

    @property
    def field(self) -> str:
        if self.concern in (Concern.ENDING_SOON, Concern.ENDED):
            return "validity.until"
        return "last_reviewed"

    def describe(self) -> str:
        """What is wrong, in plain words (dates as YYYY-MM-DD, as they are written in YAML)."""
        entry = self.service.entry
        if self.concern is Concern.OVERDUE:
            return f"last reviewed {entry.last_reviewed}, review was due {self.when}"
        if self.concern is Concern.NEVER_REVIEWED:
            return "never reviewed: no last_reviewed date"
        if self.concern is Concern.ENDING_SOON:
            return f"available until {self.when}"
        return f"ended on {self.when}"


def add_months(day: date, months: int) -> date:
    """``day`` plus whole calendar months; the 31st becomes the month's last day when needed."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def review_due(last_reviewed: date, interval_months: int) -> date:
    """The last day on which a review done on ``last_reviewed`` is still current."""
    return add_months(last_reviewed, interval_months)


def assess(
    catalogue: Catalogue, today: date, *, ending_within_days: int = ENDING_SOON_DAYS
) -> list[FreshnessItem]:
    """Every freshness concern of ``catalogue`` on ``today``.

    A service can have two concerns (its review is overdue and it ends soon).
    Ended services are not asked to be reviewed: they need removing instead.
    """
    interval = catalogue.region.review_interval_months
    items: list[FreshnessItem] = []
    for service in catalogue.services:
        entry = service.entry
        until = entry.validity.until if entry.validity else None
        until_line = service.lines.get(("validity", "until"))
        if until is not None and until < today:
            items.append(FreshnessItem(Concern.ENDED, service, until, until_line))
            continue
        if until is not None and (until - today).days <= ending_within_days:
            items.append(FreshnessItem(Concern.ENDING_SOON, service, until, until_line))
        if entry.last_reviewed is None:
            items.append(FreshnessItem(Concern.NEVER_REVIEWED, service, None, None))
        elif (due := review_due(entry.last_reviewed, interval)) < today:
            items.append(FreshnessItem(Concern.OVERDUE, service, due, service.lines.get(("last_reviewed",))))
    return items


def by_owner(items: Iterable[FreshnessItem]) -> dict[str, list[FreshnessItem]]:
    """Items grouped by owner (alphabetically, entries without an owner last)."""
    groups: dict[str, list[FreshnessItem]] = {}
    for item in items:
        groups.setdefault(item.owner, []).append(item)
    order = list(Concern)
    ordered = sorted(groups, key=lambda owner: (owner == NO_OWNER, owner.casefold()))
    return {
        owner: sorted(
            groups[owner], key=lambda i: (order.index(i.concern), i.service.name.casefold(), i.service.id)
        )
        for owner in ordered
    }


def ended_warnings(catalogue: Catalogue, today: date) -> Problems:
    """One warning per ended service, for the build to print."""
    problems = Problems()
    for item in assess(catalogue, today):
        if item.concern is Concern.ENDED:
            problems.add(
                item.service.source,
                f"the service '{item.service.name}' ended on {item.when}; it is left out of listings, "
                "filters and search, and its page says it has ended",
                line=item.line,
                field=item.field,
                suggestion="remove the file, or move validity.until if the service continues",
                severity=Severity.WARNING,
            )
    return problems


def review_errors(catalogue: Catalogue, today: date) -> Problems:
    """An error per overdue or never-reviewed entry, for ``validate --strict``."""
    problems = Problems()
    interval = catalogue.region.review_interval_months
    for item in assess(catalogue, today):
        if item.concern is Concern.OVERDUE:
            problems.add(
                item.service.source,
                f"the review is overdue: {item.describe()} (review interval {interval} months)",
                line=item.line,
                field=item.field,
                suggestion="check the entry, then set last_reviewed to the date you checked it",
            )
        elif item.concern is Concern.NEVER_REVIEWED:
            problems.add(
                item.service.source,
                "the entry has never been reviewed",
                field=item.field,
                suggestion="check the entry, then add last_reviewed: YYYY-MM-DD (the date you checked it) "
                "and owner",
            )
    return problems


def review_summary(catalogue: Catalogue, today: date) -> str | None:
    """One line on review status for plain ``validate``, or ``None`` when all is current."""
    items = assess(catalogue, today)
    overdue = sum(1 for i in items if i.concern is Concern.OVERDUE)
    never = sum(1 for i in items if i.concern is Concern.NEVER_REVIEWED)
    if not overdue and not never:
        return None
    parts = []
    if overdue:
        parts.append(f"{overdue} review{'s' if overdue != 1 else ''} overdue")
    if never:
        parts.append(f"{never} service{'s' if never != 1 else ''} never reviewed")
    return ", ".join(parts) + " (see `tarjotin report`; `validate --strict` fails on these)"


def freshness_problems(catalogue: Catalogue, today: date, *, strict: bool = False) -> Problems:
    """What ``validate`` adds: a warning per ended service; with ``strict``, review errors."""
    problems = ended_warnings(catalogue, today)
    if strict:
        problems.extend(review_errors(catalogue, today))
    return problems
