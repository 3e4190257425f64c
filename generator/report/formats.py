"""Text made safe for each place a report puts it, and paths as reports show them.

Messages quote the catalogue's text (a service's name, a mistyped value), which is
data: in a Markdown table it must not end the cell (``|``), open raw HTML (``<``)
or become an entity (``&``); in a GitHub workflow command it must not end the
command (a newline) or a property (``,``, ``:``); in a CSV file it must not be a
formula a spreadsheet runs.
"""

from __future__ import annotations

import re
from pathlib import Path

#: The first characters that make a spreadsheet read a cell as a formula (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

_NEWLINES = re.compile(r"\r\n|\r|\n")
_BACKTICKS = re.compile(r"`+")
_URL_UNSAFE = re.compile(r"[\s<>|\\`]")


def relative_path(path: Path, root: Path | None) -> str:
    """``path`` relative to ``root`` when it is inside it (else as it is), with forward slashes."""
    if root is not None and path.is_relative_to(root):
        path = path.relative_to(root)
    return path.as_posix()


def markdown_cell(text: str) -> str:
    """Plain text safe inside a Markdown (GFM) table cell; line breaks become ``<br>``.

    Backslashes are doubled first, so that a backslash in the text cannot escape
    the backslash that protects a ``|`` (``a\\|`` would otherwise end the cell).
    """
    escaped = text.replace("\\", "\\\\").replace("&", "&amp;").replace("<", "&lt;").replace("|", "\\|")
    return _NEWLINES.sub("<br>", escaped)


def markdown_code(text: str, *, cell: bool = False) -> str:
    """``text`` as a Markdown code span (a fence longer than any run of backticks in it).

    With ``cell``, for a table cell: ``|`` is escaped, which GFM requires even in a code span.
    """
    text = _NEWLINES.sub(" ", text)
    fence = "`" * (max((len(run) for run in _BACKTICKS.findall(text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    if cell:
        text = text.replace("|", "\\|")
    return f"{fence}{pad}{text}{pad}{fence}"


def annotation_data(text: str) -> str:
    """Text for the message of a GitHub Actions workflow command (``::error …::message``)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def annotation_property(text: str) -> str:
    """Text for a property of a workflow command (``file=…``, ``title=…``)."""
    return annotation_data(text).replace(":", "%3A").replace(",", "%2C")


def csv_cell(value: str) -> str:
    """``value`` as a cell no spreadsheet runs: an apostrophe before a formula's first character."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def markdown_autolink(url: str) -> str:
    """``url`` as a Markdown autolink (``<…>``) that also fits in a table cell.

    What would end the autolink or the cell (whitespace, ``<``, ``>``, ``|``, a
    backslash or a backtick) is percent-encoded, as it would be in a browser's address bar.
    """
    return (
        "<" + _URL_UNSAFE.sub(lambda match: "".join(f"%{byte:02X}" for byte in match[0].encode()), url) + ">"
    )
