"""Load, check and assemble a whole catalogue.

Like ``mkdocs build``, everything is gathered and checked before anything is
rendered: every file is read and checked against its model, then the
references between files are checked, and only a catalogue without errors is
turned into a :class:`~generator.model.catalogue.Catalogue`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from generator.load.layout import CatalogueLayout
from generator.load.yaml_source import FieldPath, YamlDocument
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
from generator.problems import CatalogueError, Problems, Severity, did_you_mean
from generator.validate.fields import Checked, read_checked
from generator.validate.professional import assemble, check_references, read_professional
from generator.validate.reserved import check_listed_ids, check_not_reserved
from generator.validate.sections import assemble_sections, check_sections, read_sections, warn_unlisted

M = TypeVar("M", bound=BaseModel)


class _References:
    """Checks that ids written in one file exist in another."""

    def __init__(self, problems: Problems) -> None:
        self.problems = problems

    def check(
        self,
        document: YamlDocument,
        loc: FieldPath,
        value: str,
        known: Iterable[str],
        what: str,
        where: str,
    ) -> bool:
        known = list(known)
        if value in known:
            return True
        position = document.locate(loc)
        line, column = position if position else (None, None)
        self.problems.add(
            document.path,
            f"unknown {what} '{value}'",
            line=line,
            column=column,
            field=".".join(str(p) for p in loc),
            suggestion=did_you_mean(value, known) or f"see the list in {where}",
        )
        return False


def _duplicates(
    items: list[tuple[str, FieldPath]], document: YamlDocument, what: str, problems: Problems
) -> None:
    seen: dict[str, FieldPath] = {}
    for value, loc in items:
        if value in seen:
            first = document.locate(seen[value])
            position = document.locate(loc)
            problems.add(
                document.path,
                f"{what} '{value}' is used twice" + (f" (first on line {first[0]})" if first else ""),
                line=position[0] if position else None,
                column=position[1] if position else None,
                field=".".join(str(p) for p in loc),
            )
        else:
            seen[value] = loc


def load_catalogue(root: Path) -> tuple[Catalogue | None, Problems]:
    """Read and check the catalogue at ``root``.

    Returns:
        The catalogue (``None`` when there are errors) and every problem found.
    """
    with collector_paused():
        return _load_catalogue(root)


def _load_catalogue(root: Path) -> tuple[Catalogue | None, Problems]:
    layout = CatalogueLayout(root)
    problems = Problems()
    if not root.is_dir():
        problems.add(root, "the catalogue folder does not exist")
        return None, problems

    for required in (layout.region, layout.themes, layout.providers):
        if not required.is_file():
            problems.add(required, "the file is missing", suggestion="every catalogue needs it")

    region = read_checked(layout.region, RegionFile, problems) if layout.region.is_file() else None
    themes = read_checked(layout.themes, ThemesFile, problems) if layout.themes.is_file() else None
    providers = (
        read_checked(layout.providers, ProvidersFile, problems) if layout.providers.is_file() else None
    )
    further = (
        read_checked(layout.further_reading, FurtherReadingFile, problems)
        if layout.further_reading.is_file()
        else None
    )

    services: list[tuple[str, Checked[ServiceEntry]]] = []
    service_files = layout.service_files(problems)
    for path in service_files:
        if path.suffix != ".yml":
            problems.add(
                path,
                "a service file must end in .yml",
                suggestion=f"rename it to {path.stem}.yml" if path.suffix == ".yaml" else None,
            )
            continue
        if not re.match(SLUG_PATTERN, path.stem):
            problems.add(
                path,
                f"the file name '{path.name}' is not a valid id",
                suggestion="use lowercase letters a–z, digits and hyphens, e.g. kuntouttava-tyotoiminta.yml",
            )
            continue
        check_not_reserved(path, path.stem, ("service", "services"), problems)
        checked = read_checked(path, ServiceEntry, problems, root)
        if checked is not None:
            services.append((path.stem, checked))
    if not service_files:
        problems.add(layout.services_dir, "there are no service files", severity=Severity.ERROR)

    refs = _References(problems)
    theme_ids = [t.id for t in themes.model.themes] if themes else []
    municipality_ids = [m.id for m in region.model.municipalities] if region else []
    provider_ids = [p.id for p in providers.model.providers] if providers else []
    service_ids = [service_id for service_id, _ in services]

    if themes:
        _duplicates(
            [(t.id, ("themes", i, "id")) for i, t in enumerate(themes.model.themes)],
            themes.document,
            "theme id",
            problems,
        )
        check_listed_ids(themes.document, "themes", theme_ids, ("theme", "themes"), problems)
    if region:
        municipalities = region.model.municipalities
        _duplicates(
            [(m.id, ("municipalities", i, "id")) for i, m in enumerate(municipalities)],
            region.document,
            "municipality id",
            problems,
        )
        kind = ("municipality", "municipalities")
        check_listed_ids(region.document, "municipalities", municipality_ids, kind, problems)
        _duplicates(
            [(m.code, ("municipalities", i, "code")) for i, m in enumerate(municipalities)],
            region.document,
            "municipality code",
            problems,
        )
    if providers:
        _duplicates(
            [(p.id, ("providers", i, "id")) for i, p in enumerate(providers.model.providers)],
            providers.document,
            "provider id",
            problems,
        )
    if further and themes:
        for i, link_list in enumerate(further.model.lists):
            refs.check(
                further.document, ("lists", i, "theme"), link_list.theme, theme_ids, "theme", "themes.yml"
            )

    for _service_id, checked in services:
        entry, document = checked.model, checked.document
        if themes:
            for i, theme_id in enumerate(entry.themes or []):
                refs.check(document, ("themes", i), theme_id, theme_ids, "theme", "themes.yml")
        if providers:
            refs.check(document, ("provider",), entry.provider, provider_ids, "provider", "providers.yml")
        if region and entry.area != "region":
            for i, municipality_id in enumerate(entry.area):
                refs.check(
                    document, ("area", i), municipality_id, municipality_ids, "municipality", "region.yml"
                )
        for i, related_id in enumerate(entry.related or []):
            if related_id == _service_id:
                position = document.locate(("related", i))
                problems.add(
                    document.path,
                    "a service cannot be related to itself",
                    line=position[0] if position else None,
                    field=f"related.{i}",
                )
            else:
                refs.check(
                    document, ("related", i), related_id, service_ids, "service", "catalogue/services/"
                )

    professional = read_professional(layout, problems)
    check_references(professional, service_ids, refs.check, problems)
    sections = read_sections(layout, problems)
    if sections:
        check_sections(sections, service_ids, refs.check, problems)

    if problems.errors or not (region and themes and providers):
        return None, problems
    if sections:
        warn_unlisted(sections, service_ids, problems)

    provider_by_id = {p.id: p for p in providers.model.providers}
    municipality_by_id = {m.id: m for m in region.model.municipalities}
    built: list[Service] = []
    for service_id, checked in services:
        entry = checked.model
        region_wide = entry.area == "region"
        built.append(
            Service(
                id=service_id,
                source=checked.document.path,
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
                    if (position := checked.document.value_positions.get(path)) is not None
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
    )
    return catalogue, problems


def require_catalogue(root: Path) -> tuple[Catalogue, Problems]:
    """Like :func:`load_catalogue`, but raise :class:`CatalogueError` on errors."""
    catalogue, problems = load_catalogue(root)
    if catalogue is None:
        raise CatalogueError(problems)
    return catalogue, problems
