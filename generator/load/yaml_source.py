"""Read one YAML file safely, keeping the line and column of every value.

Why not plain ``yaml.safe_load``: it forgets where values came from (editors
need file:line), silently keeps the last of two duplicate keys, and expands
aliases (a "billion laughs" file exhausts memory). ruamel.yaml keeps positions
but its pure-Python parser is ~10x slower, which matters at 5,000 services.
So we let libyaml (PyYAML's C parser) *compose* the node graph — composing never
runs constructors, so ``!!python/...`` tags cannot execute code, and an alias is
just a second reference to the same node — and walk the nodes ourselves,
rejecting aliases, custom tags and duplicate keys as we go.

Walking the nodes ourselves also means we decide what a plain value is, with
YAML 1.2's meaning rather than PyYAML's YAML 1.1: only ``true``/``false`` are
booleans (``name: no`` is the text "no"), and only plain decimal numbers are
numbers. A YAML 1.1 form such as ``0025`` (octal 21), ``1:30`` (90), ``0x1A``
or ``1_000`` stays the text it was written as: a text field gets what the
editor typed, and a number field rejects it with the field's name and line
(:mod:`generator.validate.fields` suggests the plain number to write).
Every file is read through :func:`read_source`, which refuses symbolic links
(:func:`generator.load.layout.check_inside`).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import stat
from collections.abc import Callable, Hashable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml

from generator.i18n import N_, _, decimal
from generator.load.layout import UnsafePath, check_inside
from generator.load.yaml_errors import explain
from generator.memo import RoundMemo
from generator.problems import Problem, Problems

try:  # libyaml is bundled with PyYAML wheels; fall back to pure Python just in case.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the platform's wheel
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

#: Larger files are refused before parsing: no service entry comes near this.
MAX_FILE_BYTES = 1_000_000
#: Deeper nesting than this is certainly a mistake (or an attack).
MAX_DEPTH = 32

_TAG_PREFIX = "tag:yaml.org,2002:"
_STANDARD_TAGS = {
    f"{_TAG_PREFIX}{name}" for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
}
#: What a value with each standard tag is, in an editor's words.
_KIND_WORDS = {
    "str": N_("text"),
    "int": N_("a whole number"),
    "float": N_("a number"),
    "bool": N_("true or false"),
    "null": N_("empty"),
    "timestamp": N_("a date"),
    "map": N_("a mapping (key: value)"),
    "seq": N_("a list"),
}
#: The plain spellings YAML 1.2 reads as booleans; YAML 1.1's yes/no/on/off stay text.
_BOOLEANS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
#: Numbers as YAML 1.2 and every other reader agree on them: decimal, no leading zeros.
_DECIMAL_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_DECIMAL_FLOAT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)?\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?(?:0|[1-9][0-9]*)\.")
#: What a plain scalar would be without its tag (the resolver libyaml's loader uses).
_RESOLVER = yaml.resolver.Resolver()

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
    #: How each text value is written: its scalar style (``""`` plain, ``"|"`` a literal
    #: block …) and where its text starts, to point at a word inside it.
    text_starts: dict[FieldPath, tuple[str, Position]] = field(default_factory=dict)
    #: A digest of the bytes the document was parsed from (:class:`ReadMemo`).
    digest: bytes = b""

    def locate_in_text(self, loc: FieldPath, offset: int) -> Position | None:
        """Where character ``offset`` of the text value at ``loc`` was written, when that is exact.

        Exact for one-line plain and quoted values and for literal blocks (``|``),
        whose lines are the file's lines; otherwise the value's own position.
        """
        value = self._value(loc)
        written = self.text_starts.get(tuple(loc))
        if not isinstance(value, str) or written is None:
            return self.locate(loc)
        style, (line, column) = written
        before = value[:offset]
        if style == "|":
            return line + before.count("\n"), column + len(before.rsplit("\n", 1)[-1])
        if "\n" in value or "\\" in before:
            return self.locate(loc)
        return line, column + len(before)

    def _value(self, loc: FieldPath) -> Any:
        value = self.data
        for part in loc:
            try:
                value = value[part]
            except (KeyError, IndexError, TypeError):
                return None
        return value

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

    def __init__(self, document: YamlDocument, problems: Problems, lines: list[str]) -> None:
        self.document = document
        self.lines = lines
        self.problems = problems
        self.seen: set[int] = set()
        self.constructor = yaml.constructor.SafeConstructor()

    def walk(self, node: yaml.Node, loc: FieldPath, depth: int = 0) -> Any:
        if depth > MAX_DEPTH:
            raise _Invalid(node, _("nesting is deeper than {depth} levels").format(depth=MAX_DEPTH))
        if id(node) in self.seen:
            # An alias is the anchored node met again; point at where it is used.
            raise _Invalid(
                node,
                _("YAML anchors and aliases (&name / *name) are not allowed"),
                _("write the value out in full"),
                position=self.document.value_positions.get(loc[:-1]),
            )
        self.seen.add(id(node))
        if node.tag not in _STANDARD_TAGS:
            raise _Invalid(
                node,
                _("the YAML tag '{tag}' is not allowed").format(tag=node.tag),
                _("remove the tag; plain values, lists and mappings are enough"),
            )
        self.document.value_positions[loc] = _position(node)
        if isinstance(node, yaml.MappingNode):
            _expect_tag(node, "map")
            return self._mapping(node, loc, depth)
        if isinstance(node, yaml.SequenceNode):
            _expect_tag(node, "seq")
            return [self.walk(item, (*loc, i), depth + 1) for i, item in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)
        self._text_start(node, loc)
        return self._scalar(node)

    def _text_start(self, node: yaml.ScalarNode, loc: FieldPath) -> None:
        line, column = _position(node)
        style = node.style or ""
        if style == "|":
            # The text starts on the next line, at the block's indentation (that of its
            # first line with text on it).
            following = next((text for text in self.lines[line:] if text.strip()), "")
            start = (line + 1, len(following) - len(following.lstrip(" ")) + 1)
        elif style in ("'", '"'):
            start = (line, column + 1)
        else:
            start = (line, column)
        self.document.text_starts[loc] = (style, start)

    def _mapping(self, node: yaml.MappingNode, loc: FieldPath, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_seen: dict[str, Position] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in _STANDARD_TAGS:
                raise _Invalid(key_node, _("a key must be a plain word"))
            key = str(self._scalar(key_node))
            if key == "<<":
                raise _Invalid(key_node, _("YAML merge keys (<<) are not allowed"))
            if key in first_seen:
                line = first_seen[key][0]
                raise _Invalid(
                    key_node,
                    _("duplicate key '{key}' (first written on line {line})").format(key=key, line=line),
                    _("keep one of them; YAML would silently use only the last"),
                )
            first_seen[key] = _position(key_node)
            self.document.key_positions[(*loc, key)] = _position(key_node)
            result[key] = self.walk(value_node, (*loc, key), depth + 1)
        return result

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        kind = node.tag.removeprefix(_TAG_PREFIX)
        value = node.value
        if kind == "str":
            return value
        # An explicit tag may only confirm what the plain value already is: ``!!int x``,
        # ``!!bool ""`` or ``!!seq x`` would otherwise reach PyYAML's constructors, which
        # raise on them (or return a generator), instead of becoming a problem.
        plain = not node.style  # libyaml's loader gives plain scalars the style "", PyYAML's None
        implicit = _RESOLVER.resolve(yaml.ScalarNode, value, (True, False))
        if kind in ("map", "seq") or not plain or implicit != node.tag:
            if value:
                message = _("the tag !!{tag} ({kind}) does not fit the value '{value}'")
            else:
                message = _("the tag !!{tag} ({kind}) does not fit an empty value")
            raise _Invalid(
                node,
                message.format(tag=kind, kind=_(_KIND_WORDS[kind]), value=_shorten(value)),
                _("remove the tag !!{tag} and write the value as it should be read").format(tag=kind),
            )
        if kind == "null":
            return None
        if kind == "bool":
            return _BOOLEANS.get(value, value)
        if kind == "int":
            return int(value) if _DECIMAL_INT.fullmatch(value) else value
        if kind == "float":
            return float(value) if _DECIMAL_FLOAT.fullmatch(value) else value
        try:  # a timestamp: the resolver has matched its shape, the calendar may still refuse it
            return self.constructor.construct_yaml_timestamp(node)
        except (ValueError, OverflowError):
            raise _Invalid(
                node, _("'{value}' is not a real date").format(value=value), _("write a date as YYYY-MM-DD")
            ) from None


def _shorten(text: str) -> str:
    return text if len(text) <= 40 else text[:39] + "…"


def _expect_tag(node: yaml.Node, kind: str) -> None:
    """A mapping must carry the mapping tag and a list the list tag (``!!str {a: 1}`` is refused)."""
    if node.tag != f"{_TAG_PREFIX}{kind}":
        shown = node.tag.removeprefix(_TAG_PREFIX)
        raise _Invalid(
            node,
            _("this is {kind}, not {tagged} as its tag !!{tag} says").format(
                kind=_(_KIND_WORDS[kind]), tagged=_(_KIND_WORDS[shown]), tag=shown
            ),
            _("remove the tag !!{tag}").format(tag=shown),
        )


def read_source(path: Path, problems: Problems, *, root: Path | None = None) -> bytes | None:
    """The bytes of catalogue file ``path``; on any problem, record it and return ``None``.

    This is the one way the catalogue's files are read. ``root`` is the
    catalogue folder: ``path`` must not be a symbolic link, nor lie in a linked
    folder below ``root``, nor resolve outside it (see
    :func:`~generator.load.layout.check_inside`); without ``root`` only
    ``path`` itself is checked. A refused link is reported without ever
    opening its target, and so are files that are not ordinary files (a FIFO
    would block) or larger than :data:`MAX_FILE_BYTES`.
    """
    try:
        check_inside(path, root if root is not None else path.parent)
        # O_NOFOLLOW: a link that appeared after the check is refused too (ELOOP).
        flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
        descriptor = os.open(path, flags)
        with os.fdopen(descriptor, "rb") as stream:
            status = os.fstat(stream.fileno())
            if not stat.S_ISREG(status.st_mode):
                problems.add(path, _("this is not an ordinary file, so it was not read"))
                return None
            if status.st_size > MAX_FILE_BYTES:
                problems.add(
                    path,
                    _("the file is {size} MB; the limit is {limit} MB").format(
                        size=decimal(status.st_size / 1_000_000), limit=MAX_FILE_BYTES // 1_000_000
                    ),
                    suggestion=_("is this really a catalogue entry?"),
                )
                return None
            return stream.read()
    except UnsafePath as unsafe:
        unsafe.report(problems)
        return None
    except OSError as error:
        problems.add(path, _("cannot read the file: {reason}").format(reason=error.strerror))
        return None


# --- reading the same bytes again ------------------------------------------------------

T = TypeVar("T")


class ReadMemo:
    """What reading the catalogue made of each file's bytes, for the next reading.

    ``tarjotin serve`` reads the whole catalogue again after every change. A file
    whose bytes are the same as last time parses, and checks, to the same document
    and model with the same problems, so inside :func:`reusing` they are taken from
    here (:class:`generator.memo.RoundMemo`: one reading is one round). The key is
    the bytes' digest. Nothing that reads a document or a model changes it (the
    models are frozen).
    """

    def __init__(self) -> None:
        self._memo: RoundMemo[tuple[Any, tuple[Problem, ...]]] = RoundMemo()

    def get(self, key: Hashable, compute: Callable[[Problems], T], problems: Problems) -> T:
        """``compute``'s result for ``key``, and the problems it found, computed once."""

        def found() -> tuple[Any, tuple[Problem, ...]]:
            own = Problems()
            return compute(own), tuple(own)

        result, found_problems = self._memo.get(key, found)
        problems.extend(found_problems)
        return result

    def reading_done(self) -> None:
        """One reading of the catalogue has ended: keep only what it used."""
        self._memo.round_done()


_MEMO: ContextVar[ReadMemo | None] = ContextVar("tarjotin_read_memo", default=None)


@contextlib.contextmanager
def reusing(memo: ReadMemo) -> Iterator[None]:
    """Within this block, files whose bytes ``memo`` has seen are not parsed or checked again."""
    token = _MEMO.set(memo)
    try:
        yield
    finally:
        _MEMO.reset(token)
        memo.reading_done()


def remembered(key: Hashable, compute: Callable[[Problems], T], problems: Problems) -> T:
    """``compute(problems)``, or inside :func:`reusing` what it gave for ``key`` before."""
    memo = _MEMO.get()
    return compute(problems) if memo is None else memo.get(key, compute, problems)


def read_yaml(path: Path, problems: Problems, *, root: Path | None = None) -> YamlDocument | None:
    """Read ``path`` (through :func:`read_source`); on any problem, record it and return ``None``.

    Never raises for bad input: links, size, encoding, syntax and structure
    problems all become entries in ``problems`` naming the file and, where
    known, the line.
    """
    raw = read_source(path, problems, root=root)
    return None if raw is None else parse_yaml(path, raw, problems)


def parse_yaml(path: Path, raw: bytes, problems: Problems) -> YamlDocument | None:
    """The document in ``raw``, the contents of ``path``; ``None`` (and problems) if it is not safe YAML."""
    digest = hashlib.blake2b(raw, digest_size=16).digest()
    return remembered(("yaml", path, digest), lambda found: _parse(path, raw, digest, found), problems)


def _parse(path: Path, raw: bytes, digest: bytes, problems: Problems) -> YamlDocument | None:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        problems.add(
            path,
            _("the file is not valid UTF-8 (byte 0x{byte})").format(byte=f"{raw[error.start]:02x}"),
            line=line,
            column=column,
            suggestion=_("save the file as UTF-8"),
        )
        return None

    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        explained = explain(text, error)
        problems.add(
            path,
            explained.message,
            line=explained.line,
            column=explained.column,
            suggestion=explained.suggestion,
        )
        return None
    except yaml.reader.ReaderError as error:  # a control character written as such in the file
        # libyaml counts the position in UTF-8 bytes of the text it was given.
        before = text.encode("utf-8")[: error.position]
        problems.add(
            path,
            _("the file has an invisible control character (U+{code})").format(code=f"{error.character:04X}"),
            line=before.count(b"\n") + 1,
            column=len(before.rsplit(b"\n", 1)[-1].decode("utf-8", "replace")) + 1,
            suggestion=_("delete it; it often comes along when text is copied from a word processor"),
        )
        return None
    except yaml.YAMLError as error:
        problems.add(path, _("the file is not valid YAML"), suggestion=str(error))
        return None

    if root is None or (isinstance(root, yaml.ScalarNode) and root.value == ""):
        problems.add(path, _("the file is empty"), suggestion=_("remove it, or fill in the fields"))
        return None

    document = YamlDocument(path=path, data=None, digest=digest)
    try:
        document.data = _Walker(document, problems, text.splitlines()).walk(root, ())
    except _Invalid as invalid:
        line, column = invalid.position
        problems.add(path, invalid.message, line=line, column=column, suggestion=invalid.suggestion)
        return None
    return document
