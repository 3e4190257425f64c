"""``tarjotin fmt``: one layout for every catalogue file, comments kept.

A file is formatted in four steps:

1. it is read with the catalogue's safe reader; a file with any problem
   (syntax, aliases, tags, duplicate keys …) is reported and never written,
   and so is a symbolic link: it is neither followed nor replaced by a file;
2. ruamel.yaml round-trips it, which evens out indentation and spacing but
   keeps comments, quotes, flow lists and block scalars as they were written
   (comments are then lined up with their lines, :mod:`generator.edit.comments`);
3. keys are put in the model's field order by moving whole lines
   (:mod:`generator.edit.key_order`), so comments travel with their keys;
4. a file that lives in the catalogue gets its ``# yaml-language-server`` line.

The result must hold exactly the same data as the original; if it does not,
the file is left alone and the difference reported. Formatting is idempotent:
formatting a formatted file changes nothing.
"""

from __future__ import annotations

import io
import os
import re
import tempfile
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError as RuamelError

from generator.edit.comments import align_comments
from generator.edit.key_order import reorder_keys
from generator.edit.kinds import FileKind, declared_schema, kind_of, schema_by_location, schema_comment
from generator.i18n import _
from generator.load.layout import check_inside
from generator.load.yaml_source import parse_yaml, read_source
from generator.problems import Problems

#: ruamel.yaml writes a list inside a list as "-   - item"; the catalogue writes "- - item".
_NESTED_SEQUENCE = re.compile(r"^( *)-   - ")


class Outcome(StrEnum):
    UNCHANGED = "unchanged"
    CHANGED = "changed"
    FAILED = "failed"


@dataclass
class FormatResult:
    """What formatting one file gave.

    Attributes:
        path: The file.
        outcome: Whether it was already formatted, needed formatting, or could not be formatted.
        text: The formatted text (when ``outcome`` is ``CHANGED``).
        problems: Why the file could not be formatted (when ``outcome`` is ``FAILED``).
    """

    path: Path
    outcome: Outcome
    text: str = ""
    problems: Problems = field(default_factory=Problems)


def _round_trip(text: str) -> str:
    """Even out indentation and spacing; keep comments, quotes and styles."""
    ruamel = YAML(typ="rt")
    ruamel.preserve_quotes = True
    ruamel.indent(mapping=2, sequence=4, offset=2)
    ruamel.width = 1_000_000  # never re-wrap long lines: editors' line breaks are their own
    data = ruamel.load(text)
    buffer = io.StringIO()
    ruamel.dump(data, buffer)
    return _compact_nested_sequences(buffer.getvalue())


def _compact_nested_sequences(text: str) -> str:
    """Write a list inside a list as ``- - item``, the catalogue's style (e.g. table rows).

    The outer item's lines move two columns left, which keeps their relative
    indentation (and so the meaning of any block scalar inside).
    """
    lines = text.splitlines(keepends=True)
    i = 0
    while i < len(lines):
        match = _NESTED_SEQUENCE.match(lines[i])
        if not match:
            i += 1
            continue
        dash = len(match.group(1))
        lines[i] = lines[i].replace("-   - ", "- - ", 1)
        i += 1
        while i < len(lines) and (not lines[i].strip() or lines[i].startswith(" " * (dash + 1))):
            if lines[i].startswith(" " * (dash + 4)):
                lines[i] = lines[i][2:]
            i += 1
    return "".join(lines)


def _with_schema_line(path: Path, text: str, kind: FileKind | None) -> str:
    """Add the ``# yaml-language-server`` line a catalogue file at a known place should have."""
    if kind is None or declared_schema(text) is not None or schema_by_location(path) != kind.schema:
        return text
    return schema_comment(path, kind.schema) + "\n" + text


def format_text(path: Path, text: str, kind: FileKind | None) -> str:
    """The formatted form of ``text``, the contents of ``path``.

    ``text`` must already have passed :func:`generator.load.yaml_source.read_yaml`.
    """
    formatted = align_comments(text, _round_trip(text))
    formatted = reorder_keys(formatted, kind.model if kind else None)
    return _with_schema_line(path, formatted, kind)


def format_file(path: Path, root: Path | None = None) -> FormatResult:
    """Format one file in memory; nothing is written.

    ``root`` is the catalogue folder the file belongs to: a file that is a
    link, or lies in a linked folder below ``root``, is refused unread.
    """
    problems = Problems()
    raw = read_source(path, problems, root=root)
    document = parse_yaml(path, raw, problems) if raw is not None else None
    if raw is None or document is None:
        return FormatResult(path, Outcome.FAILED, problems=problems)
    original = raw.decode("utf-8-sig")
    kind = kind_of(path, original)
    try:
        formatted = format_text(path, original, kind)
    except (RuamelError, yaml.YAMLError) as error:
        problems.add(path, _("the file could not be formatted: {reason}").format(reason=error))
        return FormatResult(path, Outcome.FAILED, problems=problems)
    # Compared as the catalogue reads it (YAML 1.2 values), not as PyYAML would.
    reread = parse_yaml(path, formatted.encode("utf-8"), Problems())
    if reread is None or reread.data != document.data:
        problems.add(
            path,
            _("formatting would change the file's data, so it was left as it is"),
            suggestion=_("please report this as a bug in tarjotin fmt"),
        )
        return FormatResult(path, Outcome.FAILED, problems=problems)
    if formatted.encode("utf-8") == raw:  # bytes: CRLF and a BOM count as changes
        return FormatResult(path, Outcome.UNCHANGED)
    return FormatResult(path, Outcome.CHANGED, text=formatted)


def write_atomically(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` in one step, so a crash never leaves half a file.

    Raises :class:`~generator.load.layout.UnsafePath` if ``path`` is a link:
    replacing it would turn the link into a file.
    """
    check_inside(path, path.parent)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.chmod(temporary, path.stat().st_mode & 0o777)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def catalogue_files(root: Path) -> list[Path]:
    """Every YAML file of a catalogue, in a stable order.

    Links are listed too, files and folders (which are not entered), so that
    :func:`format_file` reports each of them instead of passing over it in silence.
    """
    found = []
    for folder, folders, files in os.walk(root):  # followlinks=False: a linked folder is not entered
        here = Path(folder)
        found += [here / name for name in folders if (here / name).is_symlink()]
        found += [here / name for name in files if name.endswith(".yml") and not name.startswith(".")]
    return sorted(found)
