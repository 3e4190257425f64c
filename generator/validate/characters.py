"""Invisible characters that no catalogue text may hold, found in every string of a file.

A YAML file cannot contain most control characters as such (libyaml refuses the
file), but a double-quoted value can write any of them as an escape (``"\\v"``,
``"\\x85"``, ``"\\L"``), and text copied from a word processor brings some along
(Word's manual line break is U+000B). Shown on a page they are invisible; in the
changes feed most of them make the XML not well-formed, and in other programs
they split lines. So every string value of every file is checked here, before
its model sees it, whatever its field's type.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from generator.i18n import _
from generator.load.yaml_source import FieldPath

#: C0 controls except tab and line feed (which text may hold: Markdown sections are
#: multi-line, and one-line fields reject the line feed themselves), DEL and the C1
#: controls, the Unicode line and paragraph separators, lone surrogates and the two
#: non-characters XML 1.0 forbids.
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")


def strings(data: Any, loc: FieldPath = ()) -> Iterator[tuple[FieldPath, str]]:
    """Every string in ``data`` (nested dicts and lists) with its field path."""
    if isinstance(data, str):
        yield loc, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from strings(value, (*loc, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from strings(value, (*loc, index))


def forbidden_characters(data: Any) -> Iterator[tuple[FieldPath, str]]:
    """Each string in ``data`` (nested dicts and lists) that holds a forbidden character.

    Yields:
        The string's field path and a message naming the characters and where they are.
    """
    for loc, text in strings(data):
        found = FORBIDDEN.search(text)
        if found is None:
            continue
        codes = sorted({f"U+{ord(c):04X}" for c in FORBIDDEN.findall(text)})
        before = text[: found.start()].rsplit("\n", 1)[-1][-20:]
        if len(codes) == 1:
            message = (
                _("the text has an invisible control character ({codes}) after '{before}'; delete it")
                if before.strip()
                else _("the text has an invisible control character ({codes}) at the start; delete it")
            )
        else:
            message = (
                _("the text has invisible control characters ({codes}) after '{before}'; delete them")
                if before.strip()
                else _("the text has invisible control characters ({codes}) at the start; delete them")
            )
        yield loc, message.format(codes=", ".join(codes), before=before)


def without_forbidden(data: Any) -> Any:
    """A copy of ``data`` with the forbidden characters deleted from every string."""
    if isinstance(data, str):
        return FORBIDDEN.sub("", data)
    if isinstance(data, dict):
        return {key: without_forbidden(value) for key, value in data.items()}
    if isinstance(data, list):
        return [without_forbidden(value) for value in data]
    return data
