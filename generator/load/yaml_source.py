"""Read one YAML file safely, keeping the line and column of every value.

Why not plain ``yaml.safe_load``: it forgets where values came from (editors
need file:line), silently keeps the last of two duplicate keys, and expands
aliases (a "billion laughs" file exhausts memory). ruamel.yaml keeps positions
but its pure-Python parser is ~10x slower, which matters at 5,000 services.
So we let libyaml (PyYAML's C parser) *compose* the node graph — composing never
runs constructors, so ``!!python/...`` tags cannot execute code, and an alias is
just a second reference to the same node — and walk the nodes ourselves,
rejecting aliases, custom tags and duplicate keys as we go.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.problems import Problems

try:  # libyaml is bundled with PyYAML wheels; fall back to pure Python just in case.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the platform's wheel
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

#: Larger files are refused before parsing: no service entry comes near this.
MAX_FILE_BYTES = 1_000_000
#: Deeper nesting than this is certainly a mistake (or an attack).
MAX_DEPTH = 32

_STANDARD_TAGS = {
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
}

FieldPath = tuple[str | int, ...]
Position = tuple[int, int]


@dataclass
class YamlDocument:
    """The plain-Python data of one file, with where each piece was written.

    Attributes:
        path: The file.
        data: Dicts, lists, strings, numbers, booleans, dates and ``None``.
        value_positions: 1-based (line, column) of each value, by field path.
        key_positions: 1-based (line, column) of each mapping key, by field path.
    """

    path: Path
    data: Any
    value_positions: dict[FieldPath, Position] = field(default_factory=dict)
    key_positions: dict[FieldPath, Position] = field(default_factory=dict)

    def locate(self, loc: FieldPath, *, key: bool = False) -> Position | None:
        """Best position for a field path: the field itself or its nearest ancestor."""
        loc = tuple(loc)
        if key and loc in self.key_positions:
            return self.key_positions[loc]
        while True:
            if loc in self.value_positions:
                return self.value_positions[loc]
            if not loc:
                return None
            loc = loc[:-1]


class _Invalid(Exception):
    """A structural problem found while walking the node graph."""

    def __init__(
        self,
        node: yaml.Node,
        message: str,
        suggestion: str | None = None,
        position: Position | None = None,
    ) -> None:
        super().__init__(message)
        self.position = position or _position(node)
        self.message = message
        self.suggestion = suggestion


def _position(node: yaml.Node) -> Position:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _Walker:
    """Turns a composed node graph into plain data, recording positions."""

    def __init__(self, document: YamlDocument, problems: Problems) -> None:
        self.document = document
        self.problems = problems
        self.seen: set[int] = set()
        self.constructor = yaml.constructor.SafeConstructor()

    def walk(self, node: yaml.Node, loc: FieldPath, depth: int = 0) -> Any:
        if depth > MAX_DEPTH:
            raise _Invalid(node, f"nesting is deeper than {MAX_DEPTH} levels")
        if id(node) in self.seen:
            # An alias is the anchored node met again; point at where it is used.
            raise _Invalid(
                node,
                "YAML anchors and aliases (&name / *name) are not allowed",
                "write the value out in full",
                position=self.document.value_positions.get(loc[:-1]),
            )
        self.seen.add(id(node))
        if node.tag not in _STANDARD_TAGS:
            raise _Invalid(
                node,
                f"the YAML tag '{node.tag}' is not allowed",
                "remove the tag; plain values, lists and mappings are enough",
            )
        self.document.value_positions[loc] = _position(node)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, loc, depth)
        if isinstance(node, yaml.SequenceNode):
            return [self.walk(item, (*loc, i), depth + 1) for i, item in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)
        return self._scalar(node)

    def _mapping(self, node: yaml.MappingNode, loc: FieldPath, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_seen: dict[str, Position] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in _STANDARD_TAGS:
                raise _Invalid(key_node, "a key must be a plain word")
            key = str(self._scalar(key_node))
            if key == "<<":
                raise _Invalid(key_node, "YAML merge keys (<<) are not allowed")
            if key in first_seen:
                line, _ = first_seen[key]
                raise _Invalid(
                    key_node,
                    f"duplicate key '{key}' (first written on line {line})",
                    "keep one of them; YAML would silently use only the last",
                )
            first_seen[key] = _position(key_node)
            self.document.key_positions[(*loc, key)] = _position(key_node)
            result[key] = self.walk(value_node, (*loc, key), depth + 1)
        return result

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        construct = self.constructor.yaml_constructors[node.tag]
        try:
            return construct(self.constructor, node)
        except ValueError:
            if node.tag.endswith(":timestamp"):
                raise _Invalid(
                    node, f"'{node.value}' is not a real date", "write a date as YYYY-MM-DD"
                ) from None
            raise _Invalid(node, f"'{node.value}' cannot be read") from None


def _friendly_parse_error(text: str, error: yaml.MarkedYAMLError) -> tuple[str, str | None]:
    """Translate libyaml's wording into something an editor can act on."""
    mark = error.problem_mark
    lines = text.splitlines()
    line_text = lines[mark.line] if mark and mark.line < len(lines) else ""
    problem = (error.problem or str(error)).strip()
    if "\t" in line_text[: len(line_text) - len(line_text.lstrip())] or "'\\t'" in problem:
        return "a tab character is used for indentation", "indent with spaces, not tabs"
    if "expected a single document" in str(error):
        return "the file holds more than one YAML document", "remove the '---' separator"
    if "mapping values are not allowed" in problem:
        return (
            "unexpected ':' in a value",
            "put the value in quotes, or use a block scalar (|) for longer text",
        )
    context = f" {error.context}" if error.context else ""
    return f"YAML syntax error:{context} {problem}".strip(), None


def read_yaml(path: Path, problems: Problems) -> YamlDocument | None:
    """Read ``path``; on any problem, record it and return ``None``.

    Never raises for bad input: size, encoding, syntax and structure problems
    all become entries in ``problems`` naming the file and, where known, the line.
    """
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            problems.add(
                path,
                f"the file is {size / 1_000_000:.1f} MB; the limit is {MAX_FILE_BYTES // 1_000_000} MB",
                suggestion="is this really a catalogue entry?",
            )
            return None
        raw = path.read_bytes()
    except OSError as error:
        problems.add(path, f"cannot read the file: {error.strerror}")
        return None

    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        problems.add(
            path,
            f"the file is not valid UTF-8 (byte 0x{raw[error.start]:02x})",
            line=line,
            column=column,
            suggestion="save the file as UTF-8",
        )
        return None

    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        message, suggestion = _friendly_parse_error(text, error)
        mark = error.problem_mark or error.context_mark
        problems.add(
            path,
            message,
            line=mark.line + 1 if mark else None,
            column=mark.column + 1 if mark else None,
            suggestion=suggestion,
        )
        return None
    except yaml.reader.ReaderError as error:  # a control character written as such in the file
        # libyaml counts the position in UTF-8 bytes of the text it was given.
        before = text.encode("utf-8")[: error.position]
        problems.add(
            path,
            f"the file has an invisible control character (U+{error.character:04X})",
            line=before.count(b"\n") + 1,
            column=len(before.rsplit(b"\n", 1)[-1].decode("utf-8", "replace")) + 1,
            suggestion="delete it; it often comes along when text is copied from a word processor",
        )
        return None
    except yaml.YAMLError as error:
        problems.add(path, f"YAML error: {error}")
        return None

    if root is None or (isinstance(root, yaml.ScalarNode) and root.value == ""):
        problems.add(path, "the file is empty", suggestion="remove it, or fill in the fields")
        return None

    document = YamlDocument(path=path, data=None)
    try:
        document.data = _Walker(document, problems).walk(root, ())
    except _Invalid as invalid:
        line, column = invalid.position
        problems.add(path, invalid.message, line=line, column=column, suggestion=invalid.suggestion)
        return None
    return document
