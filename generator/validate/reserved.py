"""Ids the site needs for its own pages, which no entry may take."""

from __future__ import annotations

from pathlib import Path

from generator.load.yaml_source import FieldPath, YamlDocument
from generator.problems import Problems

#: Ids no entry with a page of its own may have. Each kind of such entry (services,
#: themes, municipalities, service paths, client examples, checklists) has its pages
#: in one folder, which also holds the site's own list of them as ``index.md`` (served
#: at the folder's address), so an entry called ``index`` would replace that list. The
#: site's other own pages (haku, tulosta, avoin-data, assets, pagefind …) are outside
#: those folders. tests/unit/test_reserved_ids.py derives the set from the rendered pages.
RESERVED_IDS = frozenset({"index"})


def check_not_reserved(
    path: Path,
    entry_id: str,
    kind: tuple[str, str],
    problems: Problems,
    *,
    document: YamlDocument | None = None,
    loc: FieldPath = (),
) -> None:
    """Report ``entry_id`` if the site needs it for its own page.

    Args:
        kind: What the entry is, singular and plural (``("service", "services")``).
        document, loc: Where the id is written; without them the id is the file's
            name, reported at line 1.
    """
    if entry_id not in RESERVED_IDS:
        return
    what, whats = kind
    position = document.locate(loc) if document is not None else None
    problems.add(
        path,
        f"the id '{entry_id}' is reserved: a {what} called that would replace the site's own list of {whats}",
        line=position[0] if position else 1,
        column=position[1] if position else None,
        field=".".join(str(p) for p in loc),
        suggestion=f"give the {what} an id from its name" if loc else f"name the file after the {what}",
    )


def check_listed_ids(
    document: YamlDocument, key: str, ids: list[str], kind: tuple[str, str], problems: Problems
) -> None:
    """:func:`check_not_reserved` for each entry listed under ``key`` (each with an ``id`` field)."""
    for i, entry_id in enumerate(ids):
        check_not_reserved(document.path, entry_id, kind, problems, document=document, loc=(key, i, "id"))
