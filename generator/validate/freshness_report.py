"""``tarjotin report``: the freshness concerns of a catalogue, grouped by owner.

Five formats: plain text for the terminal, grouped by owner; ``short``, one line
per concern as ``file:line: warning [field]: …`` (like ``validate --format short``);
``github``, a warning annotation on each service's file (and, in the command, the
Markdown report as the job's summary); Markdown (e.g. for a CI job summary or an
issue); and JSON for scripts. Every line names the service's file, so an editor can
open it straight away. The formats are :mod:`generator.report`'s.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

from generator.i18n import _
from generator.model.catalogue import Catalogue
from generator.problems import Problem, Severity
from generator.report.formats import markdown_cell, markdown_code, relative_path
from generator.report.render import annotation, json_text, markdown_table, short_line
from generator.validate.freshness import Concern, FreshnessItem, assess, by_owner, concern_title


def _where(item: FreshnessItem, root: Path) -> str:
    shown = relative_path(item.service.source, root)
    return f"{shown}:{item.line}" if item.line else shown


def _row(item: FreshnessItem) -> Problem:
    """The concern as a warning on the service's file, for the one-line formats."""
    message = f"{item.service.name}: {item.describe()}"
    return Problem(item.service.source, item.line, None, item.field, message, None, Severity.WARNING)


def _summary(items: list[FreshnessItem]) -> str:
    counts = Counter(item.concern for item in items)
    return ", ".join(f"{concern_title(concern).lower()}: {counts[concern]}" for concern in Concern)


def _heading(catalogue: Catalogue, today: date) -> str:
    return _("Freshness of {region} on {today} (review interval {months} months)").format(
        region=catalogue.region.name, today=today, months=catalogue.region.review_interval_months
    )


def text_report(catalogue: Catalogue, today: date, root: Path) -> str:
    """The report for a terminal: owner, then concern, then one line per service."""
    items = assess(catalogue, today)
    lines = [_heading(catalogue, today), ""]
    if not items:
        lines.append(_("Every service is reviewed and current."))
    for owner, owned in by_owner(items).items():
        lines.append(owner)
        for concern in Concern:
            group = [i for i in owned if i.concern is concern]
            if group:
                lines.append(f"  {concern_title(concern)}")
                lines.extend(f"    {_where(i, root)}  {i.service.name}: {i.describe()}" for i in group)
        lines.append("")
    lines.append(_("Summary: {summary}").format(summary=_summary(items)))
    return "\n".join(lines) + "\n"


def markdown_report(catalogue: Catalogue, today: date, root: Path) -> str:
    """The report as Markdown: a section per owner with a table of their services."""
    items = assess(catalogue, today)
    summary = _("**Summary:** {summary}").format(summary=_summary(items))
    lines = [f"# {_heading(catalogue, today)}", "", summary, ""]
    for owner, owned in by_owner(items).items():
        rows = [
            [
                markdown_cell(concern_title(i.concern)),
                markdown_cell(i.service.name),
                markdown_code(_where(i, root), cell=True),
                markdown_cell(i.describe()),
            ]
            for i in owned
        ]
        lines += [f"## {markdown_cell(owner)}", ""]
        lines += markdown_table([_("concern"), _("service"), _("file"), _("details")], rows)
        lines.append("")
    return "\n".join(lines)


def short_report(catalogue: Catalogue, today: date, root: Path) -> str:
    """One line per concern, by owner: ``file:line: warning [field]: service: details``."""
    items = [item for owned in by_owner(assess(catalogue, today)).values() for item in owned]
    return "".join(short_line(_row(item), root) + "\n" for item in items)


def github_report(catalogue: Catalogue, today: date, root: Path) -> str:
    """A GitHub Actions warning per concern, on the service's file, titled by the concern."""
    items = [item for owned in by_owner(assess(catalogue, today)).values() for item in owned]
    return "".join(annotation(_row(item), root, concern_title(item.concern)) + "\n" for item in items)


def json_report(catalogue: Catalogue, today: date, root: Path) -> str:
    """The report as JSON: owners with their items; dates as YYYY-MM-DD."""
    items = assess(catalogue, today)
    counts = Counter(item.concern for item in items)
    data = {
        "region": catalogue.region.id,
        "today": today.isoformat(),
        "review_interval_months": catalogue.region.review_interval_months,
        "summary": {concern.value: counts[concern] for concern in Concern},
        "owners": [
            {
                "owner": owner,
                "items": [
                    {
                        "concern": i.concern.value,
                        "service": i.service.id,
                        "name": i.service.name,
                        "file": relative_path(i.service.source, root),
                        "line": i.line,
                        "field": i.field,
                        "date": i.when.isoformat() if i.when else None,
                        "last_reviewed": i.service.entry.last_reviewed.isoformat()
                        if i.service.entry.last_reviewed
                        else None,
                    }
                    for i in owned
                ],
            }
            for owner, owned in by_owner(items).items()
        ],
    }
    return json_text(data)


FORMATS = {
    "text": text_report,
    "short": short_report,
    "github": github_report,
    "markdown": markdown_report,
    "json": json_report,
}
