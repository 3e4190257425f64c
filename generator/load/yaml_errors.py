"""libyaml's syntax errors, explained where the editor must act.

libyaml reports what its parser met, in its own words ("while parsing a block
mapping … did not find expected key"), at the token where it gave up, which is
often a line after the mistake: a mis-indented ``url:`` is read as the rest of
the text above it, and unindented text under ``what: |`` as a key whose colon
never comes. :func:`explain` looks at the lines around the error for the
mistakes editors make and names the likely cause, at the line to change, with
what to write instead. What it cannot recognise still gets plain words and
the parser's position.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from generator.i18n import _

#: ``key:`` at the start of a line, perhaps as a list item (``- key:``), followed by a
#: space, a comment or the end of the line: how every field of a catalogue file starts.
_KEY = re.compile(r"(?P<indent> *)(?P<item>(?:- +)*)(?P<key>[^\s#'\"\[\]{}&*!|>%@`,:-][^:#]*?) *:(?= |$)")
#: ``key:value``: a field whose colon lacks the space after it.
_GLUED = re.compile(r" *(?:- +)*(?P<key>[A-Za-z_äöåÄÖÅ][\w-]*):(?P<value>[^\s].*)")
#: ``key: |`` or ``key: >-``: a block of text follows, indented.
_BLOCK = re.compile(r" *(?:- +)*(?P<key>[^\s#:][^:#]*?) *: *[|>][-+0-9]*(?: +#.*)?$")


@dataclass(frozen=True)
class Explained:
    """What went wrong, 1-based where the editor must act, and what to do instead."""

    message: str
    suggestion: str | None
    line: int | None
    column: int | None


@dataclass(frozen=True)
class _Key:
    line: int  # 0-based
    column: int  # 0-based, the key's first character
    name: str


def _key(lines: list[str], number: int) -> _Key | None:
    match = _KEY.match(lines[number]) if 0 <= number < len(lines) else None
    return _Key(number, match.start("key"), match["key"]) if match else None


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def _is_content(text: str) -> bool:
    stripped = text.strip()
    return bool(stripped) and not stripped.startswith("#")


def _previous_content(lines: list[str], number: int) -> int | None:
    """The nearest line above ``number`` with something on it other than a comment."""
    for above in range(min(number, len(lines)) - 1, -1, -1):
        if _is_content(lines[above]):
            return above
    return None


def _quoted(key: str, value: str) -> str:
    """``key: "value"``, in single quotes when the value has double quotes (nothing to escape)."""
    if '"' in value:
        single = value.replace("'", "''")
        return f"{key}: '{single}'"
    double = value.replace("\\", "\\\\")
    return f'{key}: "{double}"'


def _alignment(lines: list[str], number: int, column: int) -> str | None:
    """Where a mis-indented line could start: the keys above it, deeper and shallower."""
    deeper: _Key | None = None
    shallower: _Key | None = None
    for above in range(number - 1, -1, -1):
        key = _key(lines, above)
        if key is None:
            continue
        if key.column > column and deeper is None and shallower is None:
            deeper = key
        elif key.column < column and shallower is None:
            shallower = key
        if shallower is not None:
            break
    own = _key(lines, number)
    this = f"`{own.name}:`" if own else _("this line")
    found = [key for key in (deeper, shallower) if key is not None]
    if not found:
        return None
    places = [
        _("as `{key}:` on line {line} ({spaces} spaces from the start of the line)").format(
            key=key.name, line=key.line + 1, spaces=key.column
        )
        if key.column
        else _("as `{key}:` on line {line} (at the start of the line)").format(
            key=key.name, line=key.line + 1
        )
        for key in found
    ]
    return _("start {this} in the same column {places}").format(this=this, places=_(" or ").join(places))


def _misindented(lines: list[str], number: int, column: int) -> Explained:
    return Explained(
        _("the indentation of this line does not match the keys above it"),
        _alignment(lines, number, column),
        number + 1,
        column + 1,
    )


def _colon(lines: list[str], line: int, column: int) -> Explained:
    """'mapping values are not allowed here': a colon where YAML expected none."""
    text = lines[line] if line < len(lines) else ""
    own = _key(lines, line)
    if own is not None and text.index(":", own.column) < column:
        # A second ": " on a line that already has its key: a colon in the value.
        value = text[text.index(":", own.column) + 1 :].strip()
        return Explained(
            _("the value has a colon followed by a space, which YAML reads as the start of another field"),
            _("put the value in quotes: `{fixed}`").format(fixed=_quoted(own.name, value)),
            line + 1,
            column + 1,
        )
    above = _previous_content(lines, line)
    if above is not None and (glued := _GLUED.fullmatch(lines[above].rstrip())) and ": " not in lines[above]:
        return Explained(
            _("a space is missing after the colon of `{key}:`").format(key=glued["key"]),
            _("write `{fixed}`").format(fixed=f"{glued['key']}: {glued['value']}"),
            above + 1,
            lines[above].index(":") + 2,
        )
    # The line's own key: it was read as more text of the value above, so it is
    # indented deeper than its neighbours.
    return _misindented(lines, line, own.column if own else _indent(text))


def _text_without_key(lines: list[str], line: int, column: int) -> Explained:
    """'could not find expected ':'': a line of text where a key was expected."""
    text = lines[line] if line < len(lines) else ""
    if (glued := _GLUED.fullmatch(text.rstrip())) is not None:
        return Explained(
            _("a space is missing after the colon of `{key}:`").format(key=glued["key"]),
            _("write `{fixed}`").format(fixed=f"{glued['key']}: {glued['value']}"),
            line + 1,
            text.index(":") + 2,
        )
    # The field whose text this is: the nearest line above that is indented no deeper.
    owner = None
    for above in range(line - 1, -1, -1):
        if _is_content(lines[above]) and _indent(lines[above]) <= _indent(text):
            owner = above
            break
    block = _BLOCK.fullmatch(lines[owner].rstrip()) if owner is not None else None
    if block is not None:
        key = block["key"]
        marker = lines[owner].split(":", 1)[1].strip().split(" ")[0] if owner is not None else "|"
        return Explained(
            _("the text under `{key}: {marker}` must be indented").format(key=key, marker=marker),
            _("indent every line of the text by two spaces more than `{key}:`").format(key=key),
            line + 1,
            column + 1,
        )
    if owner is not None and (key := _key(lines, owner)) is not None:
        return Explained(
            _("this line is text without a field name, so YAML cannot tell which field it belongs to"),
            _(
                "if it goes on with the text of `{key}:`, write `{key}: |` and indent the text under it "
                "by two spaces; otherwise write `field: value`"
            ).format(key=key.name),
            line + 1,
            column + 1,
        )
    return Explained(
        _("this line has no colon after the field name"),
        _("write the field as `name: value`"),
        line + 1,
        column + 1,
    )


def _after_quote(lines: list[str], line: int, column: int) -> Explained | None:
    """Text after a quoted value (``name: 'Kelan' palvelut``)."""
    own = _key(lines, line)
    if own is None:
        return None
    value = lines[line][lines[line].index(":", own.column) + 1 :].strip()
    if not value or value[0] not in "'\"":
        return None
    return Explained(
        _("the text goes on after the closing quote"),
        _("put the whole value in quotes: `{fixed}`").format(fixed=_quoted(own.name, value)),
        line + 1,
        column + 1,
    )


def explain(text: str, error: yaml.MarkedYAMLError) -> Explained:
    """The likely cause of ``error`` in ``text``, at the line where the editor must act."""
    lines = text.splitlines()
    mark = error.problem_mark or error.context_mark
    context = error.context_mark
    line, column = (mark.line, mark.column) if mark else (0, 0)
    line_text = lines[line] if line < len(lines) else ""
    problem = (error.problem or str(error)).strip()
    where = (error.context or "").strip()
    at_problem = (line + 1, column + 1) if mark else (None, None)

    if "\t" in line_text[: len(line_text) - len(line_text.lstrip())] or "'\\t'" in problem:
        return Explained(
            _("a tab character is used for indentation"), _("indent with spaces, not tabs"), *at_problem
        )
    if "expected a single document" in str(error):
        return Explained(
            _("the file holds more than one YAML document"), _("remove the '---' separator"), *at_problem
        )
    if "mapping values are not allowed" in problem:
        return _colon(lines, line, column)
    if "could not find expected ':'" in problem and context is not None:
        return _text_without_key(lines, context.line, context.column)
    if problem.startswith("did not find expected key") or "expected '-' indicator" in problem:
        if line_text[:column].strip():
            quoted = _after_quote(lines, line, column)
            if quoted is not None:
                return quoted
        else:
            return _misindented(lines, line, column)
    if "did not find expected <document start>" in problem:
        return _misindented(lines, line, column)
    if where.startswith("while parsing a flow") and context is not None:
        opening, closing = ("[", "]") if "sequence" in where else ("{", "}")
        return Explained(
            _("the '{opening}' here is not closed with '{closing}' on this line").format(
                opening=opening, closing=closing
            ),
            _("end it with '{closing}' and separate the items with commas").format(closing=closing),
            context.line + 1,
            context.column + 1,
        )
    if where.startswith("while scanning a quoted scalar") and context is not None:
        if "unknown escape character" in problem:
            return Explained(
                _("a backslash (\\) in double quotes starts a special character that YAML does not know"),
                _("use single quotes around the text, or write the backslash twice (\\\\)"),
                *at_problem,
            )
        quote = lines[context.line][context.column] if context.line < len(lines) else '"'
        return Explained(
            _("the quote {quote} that starts here is not closed").format(quote=quote),
            _("end the text with {quote} as well, or remove the quote").format(quote=quote),
            context.line + 1,
            context.column + 1,
        )
    if where.startswith("while scanning a block scalar"):
        return Explained(
            _("after '|' or '>' the text must start on the next line"),
            _("move the text to the lines below, indented by two spaces"),
            *at_problem,
        )
    if "cannot start any token" in problem or "undefined alias" in problem or "anchor" in where + problem:
        character = line_text[column] if column < len(line_text) else ""
        own = _key(lines, line)
        value = line_text[line_text.index(":", own.column) + 1 :].strip() if own else ""
        return Explained(
            _("a value cannot start with '{character}' unless it is in quotes").format(character=character),
            _("put the value in quotes: `{fixed}`").format(fixed=_quoted(own.name, value))
            if own and value
            else _("put the value in quotes"),
            *at_problem,
        )
    return Explained(
        _("the file is not valid YAML here"),
        _("check the indentation, quotes and brackets of this line and the line above it"),
        *at_problem,
    )
