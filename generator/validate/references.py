"""Ids written in one file that must exist in another: themes, providers, services …

References are checked on each file's data as written, not on its model, so a
file with a field error still has its references checked in the same run
(``themes: [kuntotus]`` is reported beside a wrong date in the same file). And
the ids a file *defines* are known even when the file has errors: a service
file's id is its name, so one typo in ``kela.yml`` does not turn every mention
of ``kela`` elsewhere into an "unknown service".
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from generator.i18n import N_, _
from generator.load.yaml_source import FieldPath, YamlDocument
from generator.model.entries import SLUG_PATTERN
from generator.problems import Problems, closest, did_you_mean

#: At most this many known ids are listed in a suggestion; more would only be noise.
LISTED_AT_MOST = 15


@dataclass(frozen=True)
class Kind:
    """What a reference names: its message when unknown, and the file that lists them."""

    unknown: str
    where: str


THEME = Kind(N_("unknown theme '{value}'"), "themes.yml")
PROVIDER = Kind(N_("unknown provider '{value}'"), "providers.yml")
MUNICIPALITY = Kind(N_("'{value}' is not one of the region's municipalities"), "region.yml")
SERVICE = Kind(N_("unknown service '{value}'"), "catalogue/services/")
SERVICE_PATH = Kind(N_("unknown service path '{value}'"), "catalogue/professional/paths/")
CASE = Kind(N_("unknown client example '{value}'"), "catalogue/professional/cases/")
SECTION = Kind(N_("unknown section '{value}'"), "sections.yml")


def _field(loc: FieldPath) -> str:
    return ".".join(str(part) for part in loc)


class References:
    """Reports ids that are not among the known ones, with the closest as a suggestion."""

    def __init__(self, problems: Problems) -> None:
        self.problems = problems

    def check(
        self, document: YamlDocument, loc: FieldPath, value: str, known: Collection[str], kind: Kind
    ) -> bool:
        """``True`` if ``value`` is one of ``known``; otherwise report it at ``loc`` of ``document``.

        ``known`` is in the order suggestions list it. A long one should be a dict (ids as
        keys): every reference asks it once, and a list of 5,000 services asked 24,000
        times was a quadratic half second.
        """
        if value in known:
            return True
        known = list(known)
        position = document.locate(loc)
        line, column = position if position else (None, None)
        if closest(value, known) is not None:
            suggestion = did_you_mean(value, known)
        elif known and len(known) <= LISTED_AT_MOST:
            suggestion = _("choose one of: {ids} ({where})").format(ids=", ".join(known), where=kind.where)
        else:
            suggestion = _("see the list in {where}").format(where=kind.where)
        self.problems.add(
            document.path,
            _(kind.unknown).format(value=value),
            line=line,
            column=column,
            field=_field(loc),
            suggestion=suggestion,
        )
        return False


def ids_written(data: Any, pattern: tuple[str, ...]) -> Iterator[tuple[FieldPath, str]]:
    """Each id at ``pattern`` in a file's data, e.g. ``("phases", "*", "services", "*")``.

    ``"*"`` stands for every item of a list. Only values that are ids are
    yielded: anything else (a number, a mapping, ``Kuntotus``) already has a
    field error of its own.
    """

    def walk(value: Any, rest: tuple[str, ...], loc: FieldPath) -> Iterator[tuple[FieldPath, str]]:
        if not rest:
            if isinstance(value, str) and re.match(SLUG_PATTERN, value):
                yield loc, value
            return
        head, tail = rest[0], rest[1:]
        if head == "*":
            if isinstance(value, list):
                for index, item in enumerate(value):
                    yield from walk(item, tail, (*loc, index))
        elif isinstance(value, dict) and head in value:
            yield from walk(value[head], tail, (*loc, head))

    yield from walk(data, pattern, ())


def check_written(
    references: References,
    document: YamlDocument,
    checks: Iterable[tuple[tuple[str, ...], Collection[str], Kind]],
) -> None:
    """Check every id ``document`` writes at each pattern against the ids known for it."""
    for pattern, known, kind in checks:
        for loc, value in ids_written(document.data, pattern):
            references.check(document, loc, value, known, kind)


def listed_ids(document: YamlDocument | None, key: str) -> list[str]:
    """The ``id`` of each entry listed under ``key`` (``themes: [{id: …}]``), as written.

    Read from the data, so a vocabulary file with an error in one entry still
    defines the ids of all of them.
    """
    if document is None:
        return []
    return [value for _loc, value in ids_written(document.data, (key, "*", "id"))]
