"""Put comments back in line after ruamel.yaml has re-indented a file.

ruamel.yaml keeps every comment at the column it was written in, even when it
moves the lines around it: a comment written above a key indented by four
spaces stays at column four after the key moves to column two, and a comment
at the end of a line keeps its column, so the gap before it grows. This module
compares the re-indented text with the original, line by line, and

* gives each comment line the indentation of the line it belongs to: the next
  line, if the comment was written no deeper than it; otherwise (a comment
  trailing a nested block) the previous line written no deeper than the comment;
* restores the original spacing before end-of-line comments.

Lines inside multi-line values (block scalars) are text, never comments, and
are left alone.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

import yaml

try:  # libyaml, as in generator.load.yaml_source
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the platform's wheel
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

_BEFORE_COMMENT = re.compile(r"\s+#")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _is_comment(line: str) -> bool:
    return line.lstrip(" ").startswith("#")


def _matching_key(line: str) -> str:
    """What must be equal for two lines to be "the same line": all but the spacing."""
    return _BEFORE_COMMENT.sub(" #", line.strip())


def _value_lines(text: str) -> set[int]:
    """Indexes of the lines that continue a multi-line scalar (block scalars, long quotes)."""
    inside: set[int] = set()
    stack = [yaml.compose(text, Loader=_Loader)]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            inside.update(range(node.start_mark.line + 1, node.end_mark.line + 1))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            stack.extend(part for pair in node.value for part in pair)
    return inside


def align_comments(original: str, formatted: str) -> str:
    """``formatted`` (``original`` re-indented) with its comments lined up again."""
    old = original.splitlines()
    new = formatted.splitlines()
    values = _value_lines(formatted)
    origin: dict[int, int] = {}
    matcher = SequenceMatcher(
        None, [_matching_key(x) for x in old], [_matching_key(x) for x in new], autojunk=False
    )
    for block in matcher.get_matching_blocks():
        origin.update({block.b + k: block.a + k for k in range(block.size)})

    def code(index: int) -> bool:
        return index not in values and bool(new[index].strip()) and not _is_comment(new[index])

    out = list(new)
    for j, line in enumerate(new):
        if j in values or j not in origin or "#" not in line:
            continue
        if code(j):  # end-of-line comment: the original spacing, at the new indentation
            out[j] = " " * _indent(line) + old[origin[j]].lstrip(" ")
            continue
        column = _indent(line)  # ruamel kept the comment's original column
        following = next((k for k in range(j + 1, len(new)) if code(k)), None)
        written_at = _indent(old[origin[following]]) if following in origin else None
        if following is not None and written_at is not None and column <= written_at:
            target = _indent(new[following])
        else:
            previous = (k for k in range(j - 1, -1, -1) if code(k) and k in origin)
            owner = next((k for k in previous if _indent(old[origin[k]]) <= column), None)
            target = _indent(new[owner]) if owner is not None else column
            if owner is not None and _indent(old[origin[owner]]) < column:
                target += 2  # deeper than its line: inside that line's block
        out[j] = " " * target + line.lstrip(" ")
    return "\n".join(out) + ("\n" if formatted.endswith("\n") else "")
