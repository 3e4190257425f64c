"""Lists of plain values (themes, area, related, keywords, routes …) name each value once.

A repeated value is always a mistake, and a costly one: the same municipality
written 100,000 times in ``area`` made every page that lists the service ten
times larger. The check is generic, over the file's data, so it covers every
such list in every file kind without a rule per model, and runs whether or
not the rest of the file is valid (an editor sees every problem in one run).
A list of lists (a table's rows) is left alone: two cells of a row may well
hold the same text.
"""

from __future__ import annotations

from typing import Any

from generator.i18n import _, ngettext
from generator.load.yaml_source import FieldPath, YamlDocument
from generator.problems import Problems

_SCALARS = (str, int, float, bool)


def _check_list(document: YamlDocument, loc: FieldPath, items: list[Any], problems: Problems) -> None:
    first: dict[tuple[type, Any], int] = {}
    again: dict[tuple[type, Any], list[int]] = {}
    for index, item in enumerate(items):
        # The type is part of the key: True == 1 in Python, but they are different values.
        key = (type(item), item)
        if key in first:
            again.setdefault(key, []).append(index)
        else:
            first[key] = index
    name = ".".join(str(part) for part in loc)
    # One problem per repeated value, at its second occurrence: a value pasted
    # 100,000 times is one mistake, not 99,999.
    for key, indexes in again.items():
        value = key[1]
        first_line = document.locate((*loc, first[key]))
        position = document.locate((*loc, indexes[0]))
        shown = f"'{value}'" if isinstance(value, str) else str(value).lower()
        count = len(indexes) + 1
        message = ngettext(
            "{value} is listed {count} time in {field}", "{value} is listed {count} times in {field}", count
        )
        message = message.format(value=shown, count=count, field=name)
        if first_line:
            message += " " + _("(first on line {line})").format(line=first_line[0])
        problems.add(
            document.path,
            message,
            line=position[0] if position else None,
            column=position[1] if position else None,
            field=f"{name}.{indexes[0]}",
            suggestion=_("keep it once"),
        )


def _walk(document: YamlDocument, data: Any, loc: FieldPath, problems: Problems, in_list: bool) -> None:
    if isinstance(data, dict):
        for key, value in data.items():
            _walk(document, value, (*loc, key), problems, False)
    elif isinstance(data, list):
        if not in_list and data and all(isinstance(item, _SCALARS) for item in data):
            _check_list(document, loc, data, problems)
        for index, item in enumerate(data):
            if isinstance(item, dict | list):
                _walk(document, item, (*loc, index), problems, True)


def check_repeated_items(document: YamlDocument, problems: Problems) -> None:
    """Report every value written more than once in a list of plain values of ``document``."""
    _walk(document, document.data, (), problems, False)
