"""Content freshness: reviews that are overdue, services ending soon or ended.

An entry's ``last_reviewed`` date is written by the person who checked it and
``owner`` names who is responsible; the build never writes either. The region's
``review_interval_months`` (default 12) says how often an entry must be checked.

Plain ``tarjotin validate`` sums these up in one line (``2 palvelua on
päättynyt, 24 merkintää tarkistamatta – katso `tarjotin report```): they are
the editors' to-do list, which ``tarjotin report`` lists by owner, not
mistakes in the files, and repeating each one on every run buried the errors.

``tarjotin validate --strict`` means *the catalogue is current*: every entry
reviewed within the interval, none never reviewed, no ended service left in it.
Each is then an error. An entry without ``last_reviewed`` has never been checked
by anyone, so it fails too: the shipped catalogue, transcribed from the region's
2022–2023 slide deck and not checked since, honestly fails ``--strict`` until a
person reviews each entry; writing review dates nobody checked would only make the
check lie. A region turns ``--strict`` on in CI once its entries have been reviewed.
"""

from __future__ import annotations

import calendar
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from generator.i18n import N_, _, ngettext
from generator.model.catalogue import Catalogue, Service
from generator.problems import Problems, Severity

#: Services whose validity ends within this many days are reported as ending soon.
ENDING_SOON_DAYS = 60
#: The heading under which entries without an owner are grouped.
NO_OWNER = N_("(no owner)")


class Concern(StrEnum):
    """Why an entry is in the freshness report."""

    OVERDUE = "overdue"
    NEVER_REVIEWED = "never-reviewed"
    ENDING_SOON = "ending-soon"
    ENDED = "ended"


#: Plain-words headings, in the order the report lists them.
CONCERN_TITLES = {
    Concern.OVERDUE: N_("Review overdue"),
    Concern.NEVER_REVIEWED: N_("Never reviewed"),
    Concern.ENDING_SOON: N_("Validity ends within {days} days"),
    Concern.ENDED: N_("Ended"),
}


def concern_title(concern: Concern) -> str:
    """The heading of ``concern`` in the editor's language."""
    return _(CONCERN_TITLES[concern]).format(days=ENDING_SOON_DAYS)


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
        return self.service.entry.owner or _(NO_OWNER)

    @property
    def field(self) -> str:
        if self.concern in (Concern.ENDING_SOON, Concern.ENDED):
            return "validity.until"
        return "last_reviewed"

    def describe(self) -> str:
        """What is wrong, in plain words (dates as YYYY-MM-DD, as they are written in YAML)."""
        entry = self.service.entry
        if self.concern is Concern.OVERDUE:
            return _("last reviewed {reviewed}, review was due {due}").format(
                reviewed=entry.last_reviewed, due=self.when
            )
        if self.concern is Concern.NEVER_REVIEWED:
            return _("never reviewed: no last_reviewed date")
        if self.concern is Concern.ENDING_SOON:
            return _("available until {date}").format(date=self.when)
        return _("ended on {date}").format(date=self.when)


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
    ordered = sorted(groups, key=lambda owner: (owner == _(NO_OWNER), owner.casefold()))
    return {
        owner: sorted(
            groups[owner], key=lambda i: (order.index(i.concern), i.service.name.casefold(), i.service.id)
        )
        for owner in ordered
    }


def ended_warnings(catalogue: Catalogue, today: date) -> Problems:
    """A warning per ended service, for the build's log."""
    problems = Problems()
    for item in assess(catalogue, today):
        if item.concern is Concern.ENDED:
            problems.add(
                item.service.source,
                _(
                    "the service '{name}' ended on {date}; it is left out of listings, filters and search, "
                    "and its page says it has ended"
                ).format(name=item.service.name, date=item.when),
                line=item.line,
                field=item.field,
                suggestion=_("remove the file, or move validity.until if the service continues"),
                severity=Severity.WARNING,
            )
    return problems


def strict_errors(catalogue: Catalogue, today: date) -> Problems:
    """An error per ended service and per overdue or never-reviewed entry, for ``validate --strict``."""
    problems = Problems()
    interval = catalogue.region.review_interval_months
    for item in assess(catalogue, today):
        if item.concern is Concern.ENDED:
            problems.add(
                item.service.source,
                _("the service ended on {date}, but its file is still in the catalogue").format(
                    date=item.when
                ),
                line=item.line,
                field=item.field,
                suggestion=_("remove the file, or move validity.until if the service continues"),
            )
        elif item.concern is Concern.OVERDUE:
            problems.add(
                item.service.source,
                _("the review is overdue: {details} (review interval {months} months)").format(
                    details=item.describe(), months=interval
                ),
                line=item.line,
                field=item.field,
                suggestion=_("check the entry, then set last_reviewed to the date you checked it"),
            )
        elif item.concern is Concern.NEVER_REVIEWED:
            problems.add(
                item.service.source,
                _("the entry has never been reviewed"),
                field=item.field,
                suggestion=_(
                    "check the entry, then add last_reviewed: YYYY-MM-DD (the date you checked it) and owner"
                ),
            )
    return problems


def freshness_summary(catalogue: Catalogue, today: date) -> str | None:
    """One line for plain ``validate``: ended services, overdue and never-reviewed entries; or ``None``."""
    counts = Counter(item.concern for item in assess(catalogue, today))
    parts = []
    if count := counts[Concern.ENDED]:
        parts.append(
            ngettext("{count} service has ended", "{count} services have ended", count).format(count=count)
        )
    if count := counts[Concern.OVERDUE]:
        parts.append(
            ngettext("{count} review is overdue", "{count} reviews are overdue", count).format(count=count)
        )
    if count := counts[Concern.NEVER_REVIEWED]:
        parts.append(
            ngettext("{count} entry never reviewed", "{count} entries never reviewed", count).format(
                count=count
            )
        )
    return _("{notices} – see `tarjotin report`").format(notices=", ".join(parts)) if parts else None


def freshness_problems(catalogue: Catalogue, today: date, *, strict: bool = False) -> Problems:
    """What ``validate`` adds: nothing (see :func:`freshness_summary`); with ``strict``, errors."""
    return strict_errors(catalogue, today) if strict else Problems()
