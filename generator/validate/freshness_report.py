"""``tarjotin report``: the freshness concerns of a catalogue, grouped by owner.

Three formats: plain text for the terminal, Markdown (e.g. for a CI job summary
or an issue) and JSON for scripts. Every line names the service's file, so an
editor can open it straight away.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path

from generator.i18n import _
from generator.model.catalogue import Catalogue
from generator.validate.freshness import Concern, FreshnessItem, assess, by_owner, concern_title


def _where(item: FreshnessItem, root: Path) -> str:
    path = item.service.source
    shown = path.relative_to(root) if path.is_relative_to(root) else path
    return f"{shown}:{item.line}" if item.line else str(shown)


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


def _cell(value: str) -> str:
    return value.replace("|", "\\|")


def markdown_report(catalogue: Catalogue, today: date, root: Path) -> str:
    """The report as Markdown: a section per owner with a table of their services."""
    items = assess(catalogue, today)
    summary = _("**Summary:** {summary}").format(summary=_summary(items))
    lines = [f"# {_heading(catalogue, today)}", "", summary, ""]
    for owner, owned in by_owner(items).items():
        lines += [
            f"## {_cell(owner)}",
            "",
            "| {} | {} | {} | {} |".format(_("concern"), _("service"), _("file"), _("details")),
            "| --- | --- | --- | --- |",
        ]
        lines += [
            f"| {concern_title(i.concern)} | {_cell(i.service.name)} | `{_where(i, root)}` | {i.describe()} |"
            for i in owned
        ]
        lines.append("")
    return "\n".join(lines)


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
                        "file": str(i.service.source.relative_to(root))
                        if i.service.source.is_relative_to(root)
                        else str(i.service.source),
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
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


FORMATS = {"text": text_report, "markdown": markdown_report, "json": json_report}
