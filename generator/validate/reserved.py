"""Ids the site needs for its own pages, which no entry may take."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.i18n import N_, _
from generator.load.yaml_source import FieldPath, YamlDocument
from generator.problems import Problems
from generator.validate.references import ids_written

#: Ids no entry with a page of its own may have. Each kind of such entry (services,
#: themes, municipalities, service paths, client examples, checklists) has its pages
#: in one folder, which also holds the site's own list of them as ``index.md`` (served
#: at the folder's address), so an entry called ``index`` would replace that list. The
#: site's other own pages (haku, tulosta, avoin-data, assets, pagefind …) are outside
#: those folders. tests/unit/test_reserved_ids.py derives the set from the rendered pages.
RESERVED_IDS = frozenset({"index"})


@dataclass(frozen=True)
class ReservedKind:
    """The messages for one kind of entry with pages of its own."""

    message: str
    suggestion: str


#: Each message says what the entry would replace; "{id}" is the reserved id.
SERVICE_KIND = ReservedKind(
    N_("the id '{id}' is reserved: a service called that would replace the site's own list of services"),
    N_("name the file after the service"),
)
THEME_KIND = ReservedKind(
    N_("the id '{id}' is reserved: a theme called that would replace the site's own list of themes"),
    N_("give the theme an id from its name"),
)
MUNICIPALITY_KIND = ReservedKind(
    N_(
        "the id '{id}' is reserved: a municipality called that would replace the site's own list of "
        "municipalities"
    ),
    N_("give the municipality an id from its name"),
)
PATH_KIND = ReservedKind(
    N_(
        "the id '{id}' is reserved: a service path called that would replace the site's own list of "
        "service paths"
    ),
    N_("name the file after the service path"),
)
CASE_KIND = ReservedKind(
    N_(
        "the id '{id}' is reserved: a client example called that would replace the site's own list of "
        "client examples"
    ),
    N_("name the file after the client example"),
)
CHECKLIST_KIND = ReservedKind(
    N_("the id '{id}' is reserved: a checklist called that would replace the site's own list of checklists"),
    N_("name the file after the checklist"),
)


def check_not_reserved(
    path: Path,
    entry_id: str,
    kind: ReservedKind,
    problems: Problems,
    *,
    document: YamlDocument | None = None,
    loc: FieldPath = (),
) -> None:
    """Report ``entry_id`` if the site needs it for its own page.

    Args:
        kind: What the entry is (:data:`SERVICE_KIND` …).
        document, loc: Where the id is written; without them the id is the file's
            name, reported at line 1.
    """
    if entry_id not in RESERVED_IDS:
        return
    position = document.locate(loc) if document is not None else None
    problems.add(
        path,
        _(kind.message).format(id=entry_id),
        line=position[0] if position else 1,
        column=position[1] if position else None,
        field=".".join(str(p) for p in loc),
        suggestion=_(kind.suggestion),
    )


def check_listed_ids(document: YamlDocument, key: str, kind: ReservedKind, problems: Problems) -> None:
    """:func:`check_not_reserved` for each entry listed under ``key`` (each with an ``id`` field)."""
    for loc, entry_id in ids_written(document.data, (key, "*", "id")):
        check_not_reserved(document.path, entry_id, kind, problems, document=document, loc=loc)
