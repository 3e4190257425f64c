"""Rows written in each output format, and the pieces every report's own layout is made of.

* ``short``: one line per row, ``file:line:column: error [field]: message (suggestion)``,
  for scripts and editors that jump to ``file:line:column`` (:func:`short_line`);
* ``text``: like a compiler, the offending line quoted with a caret (:func:`quoted_block`);
* ``github``: GitHub Actions workflow commands, shown on the pull request's changed
  lines (:func:`annotation`), and a Markdown summary for the job (:func:`append_step_summary`);
* ``markdown``: tables whose cells the caller has made safe with
  :mod:`generator.report.formats` (:func:`markdown_table`);
* ``json``: one document for scripts (:func:`json_text`; a row as :func:`row_data`).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from generator.i18n import _
from generator.report.formats import annotation_data, annotation_property, markdown_cell, relative_path
from generator.report.rows import Row

#: The file GitHub Actions shows as the job's summary (set in every job's environment).
STEP_SUMMARY = "GITHUB_STEP_SUMMARY"


def location(row: Row, root: Path | None = None) -> str:
    """``file:line:column`` (as much of it as is known), the file relative to ``root``."""
    parts = [relative_path(row.file, root)]
    if row.line is not None:
        parts.append(str(row.line))
        if row.column is not None:
            parts.append(str(row.column))
    return ":".join(parts)


def short_line(row: Row, root: Path | None = None) -> str:
    """One line, ``file:line:column: error [field]: message (suggestion)``."""
    where = f" [{row.field}]" if row.field else ""
    text = f"{location(row, root)}: {row.severity.label}{where}: {row.message}"
    return text + (f" ({row.suggestion})" if row.suggestion else "")


def quoted_block(row: Row, root: Path | None = None, source_line: str | None = None) -> str:
    """Like a compiler: the location, the offending line with a caret, the message, the help.

    Args:
        row: What to write.
        root: Show the file's path relative to this folder.
        source_line: The text of line ``row.line`` of the file, when it could be read.
    """
    where = f" [{row.field}]" if row.field else ""
    number = str(row.line) if row.line is not None and source_line is not None else ""
    gutter = " " * (len(number) + 1)
    lines = [f"{location(row, root)}: {row.severity.label}{where}"]
    if number and source_line is not None:
        lines.append(f" {number} | {source_line}".rstrip())
        if row.column is not None:
            # Copy tabs so the caret lines up however wide the terminal shows them.
            pad = "".join(c if c == "\t" else " " for c in source_line[: row.column - 1])
            lines.append(f"{gutter} | {pad}^")
    lines.append(f"{gutter} = {row.message}")
    if row.suggestion:
        lines.append(f"{gutter} = " + _("help: {suggestion}").format(suggestion=row.suggestion))
    return "\n".join(lines)


def annotation(row: Row, root: Path, title: str) -> str:
    """A GitHub Actions ``::error``/``::warning`` command for ``row``, titled ``title``."""
    properties = [f"file={annotation_property(relative_path(row.file, root))}"]
    if row.line is not None:
        properties.append(f"line={row.line}")
        if row.column is not None:
            properties.append(f"col={row.column}")
    properties.append(f"title={annotation_property(title)}")
    message = row.message + (f" ({row.suggestion})" if row.suggestion else "")
    return f"::{row.severity.value} {','.join(properties)}::{annotation_data(message)}"


def append_step_summary(markdown: str) -> bool:
    """Add ``markdown`` to the GitHub Actions job summary; ``False`` outside GitHub Actions."""
    path = os.environ.get(STEP_SUMMARY)
    if not path:
        return False
    with open(path, "a", encoding="utf-8") as stream:
        stream.write(markdown + "\n")
    return True


def markdown_table(
    header: Sequence[str], rows: Iterable[Sequence[str]], align: Sequence[str] | None = None
) -> list[str]:
    """A GFM table's lines. ``header`` is plain text; each row's cells are Markdown already made
    safe (:func:`~generator.report.formats.markdown_cell`, ``markdown_code(…, cell=True)``).

    ``align`` gives each column's separator (``---``, ``---:``); by default ``---``.
    """
    separators = list(align) if align is not None else ["---"] * len(header)
    lines = ["| " + " | ".join(markdown_cell(name) for name in header) + " |"]
    lines.append("| " + " | ".join(separators) + " |")
    lines += ["| " + " | ".join(cells) + " |" for cells in rows]
    return lines


def row_data(row: Row, root: Path | None = None) -> dict[str, Any]:
    """A row for JSON: the file relative to ``root``, the severity as its English value."""
    return {
        "file": relative_path(row.file, root),
        "line": row.line,
        "column": row.column,
        "field": row.field,
        "severity": row.severity.value,
        "message": row.message,
        "suggestion": row.suggestion,
    }


def json_text(data: Any) -> str:
    """``data`` as indented JSON, UTF-8 text kept readable (``ä``, not ``\\u00e4``)."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
