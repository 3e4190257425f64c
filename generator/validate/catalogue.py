"""Load, check and assemble a whole catalogue.

Like ``mkdocs build``, everything is gathered and checked before anything is
rendered: every file is read and checked against its model, then the
references between files are checked, and only a catalogue without errors is
turned into a :class:`~generator.model.catalogue.Catalogue`.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Collection
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

from generator.i18n import N_, _
from generator.load.layout import CatalogueLayout
from generator.load.yaml_source import FieldPath, ReadMemo, YamlDocument, reusing
from generator.memory import collector_paused
from generator.model.catalogue import LINES_KEPT, Catalogue, Service
from generator.model.entries import (
    SLUG_PATTERN,
    FurtherReadingFile,
    ProvidersFile,
    RegionFile,
    ServiceEntry,
    ThemesFile,
)
from generator.problems import CatalogueError, Problems, Severity
from generator.validate.fields import Checked, read_entry
from generator.validate.professional import assemble, check_references, read_professional
from generator.validate.references import (
    MUNICIPALITY,
    PROVIDER,
    SERVICE,
    THEME,
    Kind,
    References,
    check_written,
    ids_written,
    listed_ids,
)
from generator.validate.reserved import (
    MUNICIPALITY_KIND,
    SERVICE_KIND,
    THEME_KIND,
    check_listed_ids,
    check_not_reserved,
)
from generator.validate.sections import assemble_sections, check_sections, read_sections, warn_unlisted
from generator.validate.vocabulary import check_vocabulary, read_vocabulary

M = TypeVar("M", bound=BaseModel)


def _duplicates(
    items: list[tuple[str, FieldPath]], document: YamlDocument, message: str, problems: Problems
) -> None:
    """Report each value of ``items`` written a second time; ``message`` names the kind of value."""
    seen: dict[str, FieldPath] = {}
    for value, loc in items:
        if value in seen:
            first = document.locate(seen[value])
            position = document.locate(loc)
            text = _(message).format(value=value)
            if first:
                text += " " + _("(first on line {line})").format(line=first[0])
            problems.add(
                document.path,
                text,
                line=position[0] if position else None,
                column=position[1] if position else None,
                field=".".join(str(p) for p in loc),
            )
        else:
            seen[value] = loc


def _same_names(services: list[tuple[str, YamlDocument]], root: Path, problems: Problems) -> None:
    """Two services may not have the same name: a citizen could not tell them apart.

    Names are compared as a reader sees them (case and spacing aside). The first
    file with a name keeps it; each later one is reported, naming the first.
    """
    first: dict[str, tuple[YamlDocument, int | None]] = {}
    for _service_id, document in services:
        name = document.data.get("name") if isinstance(document.data, dict) else None
        if not isinstance(name, str) or not name.strip():
            continue
        key = " ".join(name.split()).casefold()
        position = document.locate(("name",))
        if key not in first:
            first[key] = (document, position[0] if position else None)
            continue
        earlier, line = first[key]
        shown = earlier.path.relative_to(root) if earlier.path.is_relative_to(root) else earlier.path
        problems.add(
            document.path,
            _("another service already has the name '{name}': {file}").format(
                name=" ".join(name.split()), file=f"{shown}:{line}" if line else shown
            ),
            line=position[0] if position else None,
            column=position[1] if position else None,
            field="name",
            suggestion=_(
                "give each service a name of its own, or, if they are the same service, keep one file"
            ),
        )


def load_catalogue(root: Path, reuse: ReadMemo | None = None) -> tuple[Catalogue | None, Problems]:
    """Read and check the catalogue at ``root``.

    Args:
        root: The catalogue folder.
        reuse: What the last reading made of each file (the preview's): a file with
            the same bytes is not parsed or checked again.

    Returns:
        The catalogue (``None`` when there are errors) and every problem found.
    """
    with collector_paused(), reusing(reuse) if reuse is not None else contextlib.nullcontext():
        return _load_catalogue(root)


def _load_catalogue(root: Path) -> tuple[Catalogue | None, Problems]:
    layout = CatalogueLayout(root)
    problems = Problems()
    if not root.is_dir():
        problems.add(root, _("the catalogue folder does not exist"))
        return None, problems

    for required in (layout.region, layout.themes, layout.providers):
        if not required.is_file():
            problems.add(required, _("the file is missing"), suggestion=_("every catalogue needs it"))

    region_document, region_model = _read_optional(layout.region, RegionFile, problems)
    themes_document, themes_model = _read_optional(layout.themes, ThemesFile, problems)
    providers_document, providers_model = _read_optional(layout.providers, ProvidersFile, problems)
    further_document, further_model = _read_optional(layout.further_reading, FurtherReadingFile, problems)

    # Every service file with a proper name defines its id, whatever errors it has
    # inside: one mistake in kela.yml must not make every mention of kela elsewhere
    # an error too.
    services: list[tuple[str, YamlDocument, ServiceEntry | None]] = []
    # As keys, in file order: every reference elsewhere is looked up in it.
    service_ids: dict[str, None] = {}
    service_files = layout.service_files(problems)
    for path in service_files:
        if path.suffix != ".yml":
            problems.add(
                path,
                _("a service file must end in .yml"),
                suggestion=_("rename it to {name}").format(name=f"{path.stem}.yml")
                if path.suffix == ".yaml"
                else None,
            )
            continue
        if not re.match(SLUG_PATTERN, path.stem):
            problems.add(
                path,
                _("the file name '{name}' is not a valid id").format(name=path.name),
                suggestion=_(
                    "use lowercase letters a–z, digits and hyphens, e.g. kuntouttava-tyotoiminta.yml"
                ),
            )
            continue
        service_ids[path.stem] = None
        check_not_reserved(path, path.stem, SERVICE_KIND, problems)
        document, entry = read_entry(path, ServiceEntry, problems, root)
        if document is not None:
            services.append((path.stem, document, entry))
    if not service_files:
        problems.add(layout.services_dir, _("there are no service files"), severity=Severity.ERROR)

    refs = References(problems)
    # The ids each vocabulary file lists, as written: one bad theme does not make the
    # others unknown. A file that is not YAML at all defines nothing, and then the
    # references to it are not checked (every one would be reported).
    theme_ids = listed_ids(themes_document, "themes")
    municipality_ids = listed_ids(region_document, "municipalities")
    provider_ids = listed_ids(providers_document, "providers")

    if themes_document is not None:
        _duplicates(
            [(theme_id, loc) for loc, theme_id in ids_written(themes_document.data, ("themes", "*", "id"))],
            themes_document,
            N_("theme id '{value}' is used twice"),
            problems,
        )
        check_listed_ids(themes_document, "themes", THEME_KIND, problems)
    if region_document is not None:
        data = region_document.data
        _duplicates(
            [(m_id, loc) for loc, m_id in ids_written(data, ("municipalities", "*", "id"))],
            region_document,
            N_("municipality id '{value}' is used twice"),
            problems,
        )
        check_listed_ids(region_document, "municipalities", MUNICIPALITY_KIND, problems)
        if region_model is not None:
            _duplicates(
                [(m.code, ("municipalities", i, "code")) for i, m in enumerate(region_model.municipalities)],
                region_document,
                N_("municipality code '{value}' is used twice"),
                problems,
            )
    if providers_document is not None:
        _duplicates(
            [(p_id, loc) for loc, p_id in ids_written(providers_document.data, ("providers", "*", "id"))],
            providers_document,
            N_("provider id '{value}' is used twice"),
            problems,
        )
    if further_document is not None and themes_document is not None:
        check_written(refs, further_document, [(("lists", "*", "theme"), theme_ids, THEME)])

    for service_id, document, _entry in services:
        checks: list[tuple[tuple[str, ...], Collection[str], Kind]] = []
        if themes_document is not None:
            checks.append((("themes", "*"), theme_ids, THEME))
        if providers_document is not None:
            checks.append((("provider",), provider_ids, PROVIDER))
        if region_document is not None:
            checks.append((("area", "*"), municipality_ids, MUNICIPALITY))
        for loc, related_id in ids_written(document.data, ("related", "*")):
            if related_id == service_id:
                position = document.locate(loc)
                problems.add(
                    document.path,
                    _("a service cannot be related to itself"),
                    line=position[0] if position else None,
                    column=position[1] if position else None,
                    field=".".join(str(p) for p in loc),
                )
        check_written(refs, document, checks)
        for loc, related_id in ids_written(document.data, ("related", "*")):
            if related_id != service_id:
                refs.check(document, loc, related_id, service_ids, SERVICE)
    _same_names([(service_id, document) for service_id, document, _entry in services], root, problems)

    professional = read_professional(layout, problems)
    check_references(professional, service_ids, refs, problems)
    sections = read_sections(layout, problems)
    if sections:
        check_sections(sections, service_ids, refs, problems)
    vocabulary = read_vocabulary(layout, problems)
    # Only once every service file is YAML: one that is not has words nobody can read yet,
    # and the terms only it writes would be reported as found nowhere.
    if vocabulary and len(services) == len(service_ids):
        check_vocabulary(
            vocabulary, [_as_written(document, entry) for _id, document, entry in services], problems
        )

    region = Checked(region_document, region_model) if region_document and region_model else None
    themes = Checked(themes_document, themes_model) if themes_document and themes_model else None
    providers = (
        Checked(providers_document, providers_model) if providers_document and providers_model else None
    )
    further = Checked(further_document, further_model) if further_document and further_model else None

    if problems.errors or not (region and themes and providers):
        return None, problems
    if sections:
        warn_unlisted(sections, service_ids, problems)

    valid = [(service_id, document, entry) for service_id, document, entry in services if entry is not None]
    provider_by_id = {p.id: p for p in providers.model.providers}
    municipality_by_id = {m.id: m for m in region.model.municipalities}
    built: list[Service] = []
    for service_id, document, entry in valid:
        region_wide = entry.area == "region"
        built.append(
            Service(
                id=service_id,
                source=document.path,
                entry=entry,
                themes=[t for t in themes.model.themes if t.id in (entry.themes or [])],
                provider=provider_by_id[entry.provider],
                municipalities=(
                    list(region.model.municipalities)
                    if region_wide
                    else [municipality_by_id[m] for m in entry.area]
                ),
                region_wide=region_wide,
                lines={
                    path: position[0]
                    for path in LINES_KEPT
                    if (position := document.value_positions.get(path)) is not None
                },
            )
        )
    by_id = {s.id: s for s in built}
    for service in built:
        service.related = [by_id[r] for r in service.entry.related or []]
    built.sort(key=lambda s: s.name.casefold())

    catalogue = Catalogue(
        root=root,
        region=region.model,
        themes=list(themes.model.themes),
        providers=provider_by_id,
        services=built,
        further_reading=list(further.model.lists) if further else [],
        professional=assemble(professional, by_id),
        sections=assemble_sections(sections, by_id) if sections else [],
        vocabulary=list(vocabulary.model.terms) if vocabulary else [],
    )
    return catalogue, problems


def _as_written(document: YamlDocument, entry: ServiceEntry | None) -> ServiceEntry:
    """The service, or for one with field errors its texts as written (unvalidated).

    A service with an error elsewhere in its file still has its words: without them
    every term only it writes would be reported as found nowhere.
    """
    if entry is not None:
        return entry
    data = document.data if isinstance(document.data, dict) else {}
    values: dict[str, Any] = {"name": "", "what": ""}
    values.update((key, value) for key in _TEXT_FIELDS if isinstance(value := data.get(key), str))
    keywords = data.get("keywords")
    values["keywords"] = [k for k in keywords if isinstance(k, str)] if isinstance(keywords, list) else None
    return ServiceEntry.model_construct(**values)


#: The fields whose text search reads (generator.search.vocabulary), keywords aside.
_TEXT_FIELDS = ("name", "summary", "what", "why", "how", "for_whom")


def _read_optional(path: Path, model: type[M], problems: Problems) -> tuple[YamlDocument | None, M | None]:
    """:func:`~generator.validate.fields.read_entry` for a file that may be absent."""
    return read_entry(path, model, problems) if path.is_file() else (None, None)


def require_catalogue(root: Path) -> tuple[Catalogue, Problems]:
    """Like :func:`load_catalogue`, but raise :class:`CatalogueError` on errors."""
    catalogue, problems = load_catalogue(root)
    if catalogue is None:
        raise CatalogueError(problems)
    return catalogue, problems
