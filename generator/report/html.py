"""Findings as a small HTML page, for the preview (``tarjotin serve``) to show in the browser.

Everything in it comes from the catalogue or from an error message and is escaped:
a file name, a quoted line or a message with markup in it is shown as text. The page
needs nothing else (its style is inline), so it can be served for any address.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable
from html import escape
from pathlib import Path

from generator.i18n import _, language
from generator.report.render import location
from generator.report.rows import Row

_STYLE = """
body { margin: 0; background: #fff; color: #1d1d1d; font: 1rem/1.5 system-ui, sans-serif; }
main { max-width: 48rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1 { font-size: 1.6rem; margin: 0 0 0.5rem; }
ol { padding-left: 1.5rem; }
li { margin: 1.25rem 0; padding-left: 0.75rem; border-left: 4px solid #b3261e; }
.where { font-weight: 600; margin: 0; }
pre { background: #f4f4f4; padding: 0.5rem; overflow-x: auto; tab-size: 4; margin: 0.25rem 0; }
p { margin: 0.25rem 0; }
pre.log { white-space: pre-wrap; }
code, pre { font-family: ui-monospace, monospace; font-size: 0.95rem; }
"""


def is_page(path: str) -> bool:
    """Whether a request for ``path`` asks for a page (a folder URL or ``.html``), not a file it uses.

    The preview serves the error page for pages only: styles, scripts and images as before.
    """
    name = posixpath.basename(path)
    return path.endswith("/") or name.endswith(".html") or "." not in name


def _page(title: str, body: list[str], refresh: int | None) -> str:
    reload = [f'<meta http-equiv="refresh" content="{int(refresh)}">'] if refresh is not None else []
    return "\n".join(
        [
            "<!doctype html>",
            f'<html lang="{escape(language())}">',
            '<head><meta charset="utf-8">',
            *reload,
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{escape(title)}</title>",
            f"<style>{_STYLE}</style>",
            "</head>",
            "<body><main>",
            *body,
            "</main></body>",
            "</html>",
            "",
        ]
    )


def _quote(row: Row, source_line: str | None) -> str | None:
    """The offending line with a caret under its column, as :func:`render.quoted_block` writes it."""
    if row.line is None or source_line is None:
        return None
    number = str(row.line)
    lines = [f"{number} | {source_line}".rstrip()]
    if row.column is not None:
        pad = "".join(c if c == "\t" else " " for c in source_line[: row.column - 1])
        lines.append(f"{' ' * len(number)} | {pad}^")
    return "\n".join(lines)


def problems_page(
    rows: Iterable[Row],
    root: Path | None,
    *,
    heading: str,
    summary: str,
    source_line: Callable[[Row], str | None] = lambda row: None,
    refresh: int | None = None,
) -> str:
    """A page listing ``rows``: each one's file, line and column, field, quoted line, message and help.

    Args:
        rows: The findings, in the order to show them.
        root: Show file paths relative to this folder.
        heading: The page's title and heading.
        summary: A sentence under the heading (how many, what happens next).
        source_line: The text of a row's line in its file, when it can be read.
        refresh: Reload the page every so many seconds (for a server without live reload).
    """
    body = [f"<h1>{escape(heading)}</h1>", f"<p>{escape(summary)}</p>", "<ol>"]
    for row in rows:
        field = f" [{row.field}]" if row.field else ""
        body.append("<li>")
        where = f"{location(row, root)}: {row.severity.label}{field}"
        body.append(f'<p class="where"><code>{escape(where)}</code></p>')
        if (quoted := _quote(row, source_line(row))) is not None:
            body.append(f"<pre>{escape(quoted)}</pre>")
        body.append(f"<p>{escape(row.message)}</p>")
        if row.suggestion:
            help_text = _("help: {suggestion}").format(suggestion=row.suggestion)
            body.append(f"<p>{escape(help_text)}</p>")
        body.append("</li>")
    body.append("</ol>")
    return _page(heading, body, refresh)


def message_page(messages: Iterable[str], *, heading: str, summary: str, refresh: int | None = None) -> str:
    """A page showing each of ``messages`` as preformatted text, under ``heading``."""
    body = [f"<h1>{escape(heading)}</h1>", f"<p>{escape(summary)}</p>"]
    body += [f'<pre class="log">{escape(message)}</pre>' for message in messages]
    return _page(heading, body, refresh)
