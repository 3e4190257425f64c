"""Write a link report for people (terminal, Markdown, HTML) and for machines (JSON, CSV).

Everything is grouped by the file to fix: a catalogue YAML file or a docs page.
Links that no file writes come from the site's templates or theme; they are
grouped under the pages they appear on. What a person reads (the terminal lines,
the Markdown and HTML reports) is in the editors' language (:mod:`generator.i18n`);
JSON and CSV are data for scripts, so their keys, column names and result classes
are the same English identifiers in every language (the reasons are text, and
follow the language). Cells, paths, tables and JSON are written
with :mod:`generator.report`, as the catalogue's problems and ``tarjotin report`` are;
the CSV's text cells are guarded against spreadsheet formulas as the exports' are.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import markdown as python_markdown
from markupsafe import escape

from generator.check.results import LinkReport, LinkResult, Location, Status, status_label, status_title
from generator.i18n import _, language, ngettext
from generator.report.formats import csv_cell, markdown_autolink, markdown_cell, markdown_code, relative_path
from generator.report.render import json_text, markdown_table

#: The classes a person needs to see; ok results only go to JSON and CSV.
SHOWN = (Status.BROKEN, Status.MOVED, Status.UNVERIFIED)
#: How many pages to name for a link written by a template (it may be on every page).
MAX_PAGES = 3


@dataclass(frozen=True)
class Entry:
    """One result at one place: what a person reads as one line."""

    result: LinkResult
    location: Location | None

    @property
    def where(self) -> str:
        if self.location is None or self.location.line is None:
            return ""
        return (
            f"{self.location.line}:{self.location.column}"
            if self.location.column
            else str(self.location.line)
        )

    @property
    def label(self) -> str:
        return self.location.label if self.location else ""


def templates() -> str:
    """Shown instead of a file for links that come from templates or the theme."""
    return _("site templates and theme")


def display_path(path: Path | None, root: Path) -> str:
    return templates() if path is None else relative_path(path, root)


def fix(result: LinkResult) -> str:
    """What the editor should do, in a few words."""
    outcome = result.outcome
    if result.status is Status.MOVED:
        return _("update the link to {url}").format(url=outcome.suggested_url)
    if result.status is Status.BROKEN:
        return _("find the page's new address, or remove the link")
    if result.status is Status.UNVERIFIED:
        return _("open the link in a browser to check it")
    return ""


def pages_text(result: LinkResult) -> str:
    paths = list(dict.fromkeys(page.path for page in result.pages))
    shown = ", ".join(paths[:MAX_PAGES])
    if len(paths) <= MAX_PAGES:
        return shown
    more = len(paths) - MAX_PAGES
    return ngettext("{pages} and {count} more page", "{pages} and {count} more pages", more).format(
        pages=shown, count=more
    )


def on_pages(result: LinkResult) -> str:
    """The pages that link to ``result`` ("on /palvelut/, /tietoa/")."""
    count = len(dict.fromkeys(page.path for page in result.pages))
    return ngettext("on {pages}", "on {pages}", count).format(pages=pages_text(result))


def entries_by_file(report: LinkReport, statuses: tuple[Status, ...] = SHOWN) -> dict[str, list[Entry]]:
    """Every shown result at every place it is written, by file (templates last)."""
    groups: dict[str, list[Entry]] = {}
    for result in report.results:
        if result.status not in statuses:
            continue
        places: list[Location | None] = [*result.locations] or [None]
        for location in places:
            file = display_path(location.file if location else None, report.root)
            groups.setdefault(file, []).append(Entry(result, location))
    order = list(Status)
    for entries in groups.values():
        entries.sort(
            key=lambda e: (
                e.location.line if e.location and e.location.line else 0,
                order.index(e.result.status),
                e.result.url,
            )
        )
    last = templates()
    return dict(sorted(groups.items(), key=lambda item: (item[0] == last, item[0])))


def _count(status: Status, count: int) -> str:
    forms = {
        Status.BROKEN: ngettext("{count} broken", "{count} broken", count),
        Status.MOVED: ngettext("{count} moved", "{count} moved", count),
        Status.UNVERIFIED: ngettext("{count} could not verify", "{count} could not verify", count),
        Status.OK: ngettext("{count} ok", "{count} ok", count),
    }
    return forms[status].format(count=count)


def summary_line(report: LinkReport) -> str:
    counts = report.counts()
    parts = [_count(status, counts[status]) for status in SHOWN]
    internal = report.internal_checked
    checked = [
        ngettext("{count} internal link checked", "{count} internal links checked", internal).format(
            count=internal
        )
    ]
    if report.external_checked or report.external_cached:
        external = report.external_checked + report.external_cached
        checked.append(
            ngettext(
                "{count} external URL ({cached} from the cache)",
                "{count} external URLs ({cached} from the cache)",
                external,
            ).format(count=external, cached=report.external_cached)
        )
    if report.external_skipped:
        skipped = report.external_skipped
        checked.append(
            ngettext("{count} external URL not checked", "{count} external URLs not checked", skipped).format(
                count=skipped
            )
        )
    note = limit_note(report)
    return f"{', '.join(parts)} ({', '.join(checked)})" + (f"; {note}" if note else "")


def limit_note(report: LinkReport) -> str:
    """What the time limit left unchecked, if it ran out."""
    if not report.complete:
        return _("INCOMPLETE: the time limit (max_run_seconds) ran out before every page was checked")
    if report.time_limit_reached:
        return _(
            'the time limit (max_run_seconds) ran out: the links not checked are under "{heading}"'
        ).format(heading=status_title(Status.UNVERIFIED))
    return ""


# --- terminal ---------------------------------------------------------------------------


def terminal_lines(report: LinkReport) -> Iterator[tuple[str, str | None]]:
    """The terminal summary as (text, colour) lines, grouped by file."""
    colours = {Status.BROKEN: "red", Status.MOVED: "yellow", Status.UNVERIFIED: "cyan"}
    for file, entries in entries_by_file(report).items():
        yield file, None
        for entry in entries:
            result = entry.result
            name = f" ({entry.label})" if entry.label else ""
            where = f"{entry.where:>7}" if entry.where else " " * 7
            yield f"{where}  {status_label(result.status)}: {result.url}{name}", colours[result.status]
            detail = f"{' ' * 9}{result.outcome.reason}"
            if result.status is Status.MOVED:
                detail += "; " + _("update to {url}").format(url=result.outcome.suggested_url)
            elif result.status is Status.BROKEN and result.outcome.final_url:
                detail += "; " + _("it redirects to {url}").format(url=result.outcome.final_url)
            if entry.location is None or entry.location.file is None or not result.external:
                detail += f"; {on_pages(result)}" if result.pages else ""
            yield detail, None
        yield "", None


# --- Markdown and HTML --------------------------------------------------------------------


def markdown_report(report: LinkReport) -> str:
    """A report to read: a section per result class, a table per file."""
    lines = ["# " + _("Link report"), "", f"**{summary_line(report)}**", ""]
    for status in SHOWN:
        groups = entries_by_file(report, (status,))
        if not groups:
            continue
        lines += [f"## {status_title(status)}", ""]
        for file, entries in groups.items():
            rows = []
            for entry in entries:
                result = entry.result
                what = result.outcome.reason
                if result.status is Status.BROKEN and result.outcome.final_url:
                    what += "; " + _("it redirects to {url}").format(url=result.outcome.final_url)
                if file == templates() or not result.external:
                    what += f" ({on_pages(result)})" if result.pages else ""
                url = markdown_autolink(result.url)
                rows.append(
                    [
                        entry.where,
                        markdown_cell(entry.label),
                        url,
                        markdown_cell(what),
                        markdown_cell(fix(result)),
                    ]
                )
            lines += [f"### {markdown_code(file)}", ""]
            headings = [_("line"), _("name"), _("link"), _("what happened"), _("what to do")]
            lines += markdown_table(headings, rows)
            lines.append("")
    if not any(report.with_status(status) for status in SHOWN):
        lines += [_("No broken, moved or unverifiable links."), ""]
    return "\n".join(lines)


def html_report(report: LinkReport) -> str:
    """The Markdown report as a standalone HTML page."""
    body = python_markdown.markdown(markdown_report(report), extensions=["tables"])
    title = _("Link report")
    return (
        f'<!doctype html>\n<html lang="{language()}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title)}</title>\n"
        "<style>body{font-family:system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem}"
        "table{border-collapse:collapse}td,th{border:1px solid #999;padding:.3rem .5rem;text-align:left;"
        "vertical-align:top}</style>\n</head>\n<body>\n"
        f"{body}\n</body>\n</html>\n"
    )


# --- JSON and CSV -----------------------------------------------------------------------------


def _location_data(location: Location, root: Path) -> dict[str, Any]:
    return {
        "file": display_path(location.file, root),
        "line": location.line,
        "column": location.column,
        "field": location.field,
        "name": location.label,
    }


def json_report(report: LinkReport) -> str:
    """Every result with all its details, for scripts."""
    data = {
        "summary": {status.value: count for status, count in report.counts().items()}
        | {
            "failed": report.failed,
            "internal_checked": report.internal_checked,
            "external_checked": report.external_checked,
            "external_cached": report.external_cached,
            "external_skipped": report.external_skipped,
            "complete": report.complete,
            "time_limit_reached": report.time_limit_reached,
        },
        "results": [
            {
                "url": result.url,
                "external": result.external,
                "status": result.status.value,
                "reason": result.outcome.reason,
                "code": result.outcome.code,
                "final_url": result.outcome.final_url,
                "suggested_url": result.outcome.suggested_url,
                "redirects": [{"status": code, "url": url} for code, url in result.outcome.redirects],
                "checked_at": result.checked_at.isoformat(),
                "cached": result.cached,
                "locations": [_location_data(location, report.root) for location in result.locations],
                "pages": [{"path": page.path, "line": page.line} for page in result.pages],
            }
            for result in report.results
        ],
    }
    return json_text(data)


#: The CSV's columns: the JSON report's keys, the same in every language (data for scripts).
CSV_FIELDS = [
    "status",
    "url",
    "file",
    "line",
    "column",
    "field",
    "name",
    "reason",
    "code",
    "final_url",
    "suggested_url",
    "checked_at",
    "cached",
    "pages",
]


def csv_report(report: LinkReport) -> str:
    """One row per result and place it is written (a template link: one row, no file).

    Text that comes from the catalogue, the docs or another site (a name, a URL, a
    reason) is guarded with :func:`~generator.report.formats.csv_cell`: a service named
    ``=HYPERLINK(…)`` must not run as a formula in the spreadsheet an editor opens.
    """
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for result in report.results:
        places: list[Location | None] = [*result.locations] or [None]
        for location in places:
            where = _location_data(location, report.root) if location else {}
            text = {
                "url": result.url,
                "file": where.get("file", ""),
                "field": where.get("field", ""),
                "name": where.get("name", ""),
                "reason": result.outcome.reason,
                "final_url": result.outcome.final_url or "",
                "suggested_url": result.outcome.suggested_url or "",
                "pages": " ".join(dict.fromkeys(page.path for page in result.pages)),
            }
            writer.writerow(
                {name: csv_cell(value) for name, value in text.items()}
                | {
                    "status": result.status.value,
                    "line": where.get("line") or "",
                    "column": where.get("column") or "",
                    "code": result.outcome.code or "",
                    "checked_at": result.checked_at.isoformat(),
                    "cached": "yes" if result.cached else "no",
                }
            )
    return buffer.getvalue()


REPORT_FILES = {
    "links.md": markdown_report,
    "links.html": html_report,
    "links.json": json_report,
    "links.csv": csv_report,
}


def write_reports(report: LinkReport, folder: Path) -> list[Path]:
    """Write every report format into ``folder``; returns the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, render in REPORT_FILES.items():
        path = folder / name
        path.write_text(render(report), encoding="utf-8")
        written.append(path)
    return written
