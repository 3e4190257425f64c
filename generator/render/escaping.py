"""Escaping text from YAML into the Markdown pages we generate.

Text from the catalogue is data, never markup. Templates get three ways to
output it, and the Jinja environment escapes plain text by default:

* plain text (the default for every ``{{ … }}``): HTML-escaped and
  Markdown-escaped, so ``*``, ``[`` or ``{: onclick=…}`` show literally;
* ``|attr``: for HTML attribute values in the templates' own HTML;
* ``|markdown``: for the Markdown sections an editor writes. Their Markdown is
  kept (lists, emphasis, links) but ``<`` is escaped so no raw HTML survives,
  and ``{`` is escaped so attribute lists cannot add attributes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from markupsafe import Markup, escape

# Python-Markdown's backslash-escapable characters (core plus the tables
# extension's "|"); escaping anything else would leave a visible backslash.
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|>])")


def text(value: Any) -> Markup:
    """Plain text, safe anywhere in a Markdown line."""
    if isinstance(value, Markup):
        return value
    html_safe = str(escape(str(value)))
    return Markup(_MARKDOWN_SPECIALS.sub(r"\\\1", html_safe))


def attr(value: Any) -> Markup:
    """A value for an HTML attribute written in a template."""
    return escape(str(value))


def md_url(value: Any) -> Markup:
    """A URL as a Markdown link target; the angle brackets allow ``)`` and spaces in it."""
    return Markup(f"<{escape(str(value))}>")


def markdown(value: Any, indent: int = 0) -> Markup:
    """An editor's Markdown section: formatting kept, raw HTML and attribute lists neutralised."""
    source = str(value).replace("&", "&amp;").replace("<", "&lt;")
    source = source.replace("{", "\\{").replace("}", "\\}")
    if indent:
        pad = " " * indent
        source = "\n".join(pad + line if line else line for line in source.splitlines())
    return Markup(source)


def attr_join(values: Iterable[Any], separator: str = " ") -> Markup:
    """Join values for the templates' own HTML: HTML-escaped only (no Markdown there)."""
    items = list(values)
    if any(isinstance(item, Markup) for item in items):
        return escape(separator).join(escape(item) for item in items)
    # Escaping works character by character, so escaping the joined text once is the
    # same as escaping each item, and much cheaper on listings with thousands of cards.
    return escape(separator.join(str(item) for item in items))


def join(values: Iterable[Any], separator: str = "") -> Markup:
    """Jinja's ``join``, but each item escaped as Markdown text (not only as HTML)."""
    items = list(values)
    if any(isinstance(item, Markup) for item in items):
        return Markup(text(separator)).join(text(value) for value in items)
    return text(separator.join(str(item) for item in items))


def finalize(value: Any) -> Any:
    """Jinja ``finalize`` hook: every expression not already marked safe is plain text."""
    if value is None:
        return ""
    if isinstance(value, Markup):
        return value
    return text(value)
