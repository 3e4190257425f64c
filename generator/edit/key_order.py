"""Put a YAML file's keys in its model's field order by moving whole lines.

Moving lines rather than re-emitting data keeps every comment, blank line and
value exactly as written. ruamel.yaml could reorder its round-trip maps, but it
attaches a comment to the *previous* key's deepest value, so comments would
travel with the wrong key.

Which lines belong to a key:

* its key line and the lines of its value, up to the next key;
* the comments (and blank lines) directly above it, when they are indented no
  deeper than the key itself; deeper comments belong to the previous value;
* for the first key of a mapping, only the comments directly above it (the
  file's ``# yaml-language-server`` line and anything above a blank line stay put);
* comments after the last key stay at the end.

Block mappings and single-line flow mappings (``{title: …, url: …}``) are
reordered; a multi-line flow mapping is left as it is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import yaml
from pydantic import BaseModel

from generator.edit.kinds import child_model

try:  # libyaml, as in generator.load.yaml_source
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the platform's wheel
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

Model = type[BaseModel] | None
_DASH_PREFIX = re.compile(r"^ *- +$")


def reorder_keys(text: str, model: Model) -> str:
    """Return ``text`` with every mapping's keys in ``model``'s field order.

    Keys the model does not know keep their order after the known ones (the
    validator reports them). ``text`` must be YAML that libyaml can compose.
    """
    root = yaml.compose(text, Loader=_Loader)
    if root is None:
        return text
    lines = text.splitlines(keepends=True)
    return "".join(_Reorderer(lines).node(root, model, 0, len(lines)))


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _is_blank(line: str) -> bool:
    return not line.strip()


def _is_comment(line: str) -> bool:
    return line.lstrip(" ").startswith("#")


def _rank(model: Model, keys: Sequence[str]) -> list[int]:
    """Positions of ``keys`` in the new order (unknown keys last, as they came)."""
    fields = list(model.model_fields) if model is not None else []

    def sort_key(index: int) -> tuple[int, int]:
        key = keys[index]
        return (fields.index(key), 0) if key in fields else (len(fields), index)

    return sorted(range(len(keys)), key=sort_key)


class _Reorderer:
    def __init__(self, lines: list[str]) -> None:
        self.lines = lines

    def node(self, node: yaml.Node, model: Model, lo: int, hi: int) -> list[str]:
        """The lines ``lo:hi``, which hold ``node``, with its keys (and its children's) in order."""
        if isinstance(node, yaml.MappingNode) and not node.flow_style:
            return self.mapping(node, model, lo, hi)
        if isinstance(node, yaml.SequenceNode) and not node.flow_style:
            return self.sequence(node, model, lo, hi)
        lines = self.lines[lo:hi]
        if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and lo <= node.start_mark.line < hi:
            offset = node.start_mark.line - lo
            lines[offset] = self.flow_line(lines[offset], node, model)
        return lines

    # --- block collections ------------------------------------------------------------

    def sequence(self, node: yaml.SequenceNode, model: Model, lo: int, hi: int) -> list[str]:
        starts = [item.start_mark.line for item in node.value]
        result = self.lines[lo : starts[0]] if starts else self.lines[lo:hi]
        for i, item in enumerate(node.value):
            end = starts[i + 1] if i + 1 < len(starts) else hi
            result.extend(self.node(item, model, starts[i], end))
        return result

    def mapping(self, node: yaml.MappingNode, model: Model, lo: int, hi: int) -> list[str]:
        pairs = node.value
        if not pairs:
            return self.lines[lo:hi]
        column = node.start_mark.column
        key_lines = [key.start_mark.line for key, _ in pairs]
        starts = [self._first_line(0, key_lines[0], lo, column)]
        starts += [
            self._first_line(i, key_lines[i], key_lines[i - 1] + 1, column) for i in range(1, len(pairs))
        ]
        end = hi
        while end - 1 > key_lines[-1] and self._detached(self.lines[end - 1], column):
            end -= 1
        bounds = [*starts[1:], end]

        entries: list[list[str]] = []
        for i, (key, value) in enumerate(pairs):
            head = self.lines[starts[i] : key_lines[i] + 1]
            child = child_model(model, str(key.value))
            if isinstance(value, (yaml.MappingNode, yaml.SequenceNode)) and value.flow_style:
                head[-1] = self.flow_line(head[-1], value, child)
                body = self.lines[key_lines[i] + 1 : bounds[i]]
            elif isinstance(value, (yaml.MappingNode, yaml.SequenceNode)):
                body = self.node(value, child, key_lines[i] + 1, bounds[i])
            else:
                body = self.lines[key_lines[i] + 1 : bounds[i]]
            entries.append(head + body)

        order = _rank(model, [str(key.value) for key, _ in pairs])
        if order != list(range(len(pairs))):
            entries = self._moved(entries, order, key_lines, starts, column)
        return self.lines[lo : starts[0]] + [line for entry in entries for line in entry] + self.lines[end:hi]

    def _moved(
        self,
        entries: list[list[str]],
        order: list[int],
        key_lines: list[int],
        starts: list[int],
        column: int,
    ) -> list[list[str]]:
        """``entries`` in the new ``order``; a list item's ``- `` moves to its new first key."""
        first_line = self.lines[key_lines[0]]
        prefix = first_line[:column]
        if not prefix.strip():
            return [entries[i] for i in order]
        if not _DASH_PREFIX.match(prefix):
            return entries  # e.g. "- - key": too unusual to move safely
        moved = [list(entry) for entry in entries]
        old_first, new_first = 0, order[0]
        moved[old_first][key_lines[0] - starts[0]] = " " * column + first_line[column:]
        offset = key_lines[new_first] - starts[new_first]
        moved[new_first][offset] = prefix + moved[new_first][offset][column:]
        # The new first key's comments now stand above the "- ": line them up with it.
        for k in range(offset):
            if moved[new_first][k].strip():
                moved[new_first][k] = " " * _indent(prefix) + moved[new_first][k].lstrip(" ")
        return [moved[i] for i in order]

    def _first_line(self, index: int, key_line: int, floor: int, column: int) -> int:
        """First line of a key's entry: the key line and the comments directly above it."""
        start = key_line
        while start - 1 >= floor:
            line = self.lines[start - 1]
            if index == 0:
                # The first key keeps only the comments touching it, not the file's header.
                if not (_is_comment(line) and _indent(line) <= column) or "yaml-language-server" in line:
                    break
            elif not self._detached(line, column):
                break
            start -= 1
        return start

    @staticmethod
    def _detached(line: str, column: int) -> bool:
        """A blank line, or a comment no deeper than the keys (so not part of a value)."""
        return _is_blank(line) or (_is_comment(line) and _indent(line) <= column)

    # --- flow collections on one line ---------------------------------------------------

    def flow_line(self, line: str, node: yaml.Node, model: Model) -> str:
        """``line`` with the single-line flow collection ``node`` in field order."""
        if node.start_mark.line != node.end_mark.line:
            return line
        rebuilt = self._flow(line, node, model)
        if rebuilt is None:
            return line
        return line[: node.start_mark.column] + rebuilt + line[node.end_mark.column :]

    def _flow(self, line: str, node: yaml.Node, model: Model) -> str | None:
        """The flow collection rebuilt from its own source pieces, or ``None`` if already in order."""
        if isinstance(node, yaml.MappingNode):
            keys = [str(key.value) for key, _ in node.value]
            order = _rank(model, keys)
            parts: list[str] = []
            changed = order != list(range(len(keys)))
            for key, value in node.value:
                inner = self._flow(line, value, child_model(model, str(key.value)))
                changed = changed or inner is not None
                parts.append(
                    f"{self._source(line, key)}: {inner if inner is not None else self._source(line, value)}"
                )
            return "{" + ", ".join(parts[i] for i in order) + "}" if changed else None
        if isinstance(node, yaml.SequenceNode):
            items = [(self._flow(line, item, model), item) for item in node.value]
            if all(inner is None for inner, _ in items):
                return None
            return (
                "["
                + ", ".join(inner if inner is not None else self._source(line, item) for inner, item in items)
                + "]"
            )
        return None

    @staticmethod
    def _source(line: str, node: yaml.Node) -> str:
        return line[node.start_mark.column : node.end_mark.column]
