"""The validated catalogue: services with their references resolved.

Everything here is built only after validation has passed, so lookups cannot
fail and templates never see a dangling id.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path

from generator.model.entries import (
    LinkList,
    Municipality,
    Provider,
    RegionFile,
    ServiceEntry,
    Theme,
)
from generator.model.professional import (
    CaseFile,
    ChecklistFile,
    ParticipationFile,
    PathFile,
    Term,
    WorkAbilityScoreFile,
)
from generator.model.sections import SectionEntry
from generator.model.vocabulary import VocabularyEntry

#: Fields whose line numbers a service keeps after loading (see ``Service.lines``).
LINES_KEPT: tuple[tuple[str, ...], ...] = (("validity", "until"), ("last_reviewed",))


@dataclass(eq=False)
class Service:
    """One service, with its themes, provider and area resolved.

    Attributes:
        id: The stable id: the file name without ``.yml``.
        source: The YAML file it was read from.
        entry: The fields as written.
        themes: The service's themes, in the order the theme file lists them.
        provider: Who provides it.
        municipalities: Where it is available (every municipality when region-wide).
        region_wide: Whether the whole region is served.
        related: Related services.
        lines: The line in ``source`` of each field in :data:`LINES_KEPT` that the file has,
            for reports made after loading (freshness) without reading the file again.
    """

    id: str
    source: Path
    entry: ServiceEntry
    themes: list[Theme]
    provider: Provider
    municipalities: list[Municipality]
    region_wide: bool
    related: list[Service] = field(default_factory=list)
    lines: dict[tuple[str, ...], int] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.entry.name

    @property
    def access_routes(self) -> list[str]:
        return list(self.entry.access.routes) if self.entry.access else []

    def has_ended(self, today: date) -> bool:
        validity = self.entry.validity
        return validity is not None and validity.until < today


@dataclass(eq=False)
class Case:
    """A client example with the tray's services it uses."""

    id: str
    source: Path
    entry: CaseFile
    services: list[Service]


@dataclass(eq=False)
class ServicePath:
    """A service path (palvelupolku) with its phases' services resolved."""

    id: str
    source: Path
    entry: PathFile
    phase_services: list[list[Service]]
    case: Case | None = None


@dataclass(eq=False)
class Checklist:
    """A recognition checklist and what responds when its items apply."""

    id: str
    source: Path
    entry: ChecklistFile
    item_services: list[list[Service]]
    services: list[Service]
    paths: list[ServicePath]


@dataclass(eq=False)
class Professional:
    """Everything under ``catalogue/professional/``."""

    paths: list[ServicePath] = field(default_factory=list)
    cases: list[Case] = field(default_factory=list)
    checklists: list[Checklist] = field(default_factory=list)
    work_ability: WorkAbilityScoreFile | None = None
    participation: ParticipationFile | None = None
    glossary: list[Term] = field(default_factory=list)

    def cases_using(self, service: Service) -> list[Case]:
        return [case for case in self.cases if service in case.services]

    def paths_using(self, service: Service) -> list[ServicePath]:
        return [path for path in self.paths if any(service in services for services in path.phase_services)]


@dataclass(eq=False)
class Section:
    """A section of the tray (``sections.yml``) with its services and sub-sections resolved.

    Attributes:
        entry: The section as written.
        services: The section's own services, in the order the file lists them.
        parent: The section it is under, if any (one level only).
        children: The sections under it, in the file's order.
    """

    entry: SectionEntry
    services: list[Service] = field(default_factory=list)
    parent: Section | None = None
    children: list[Section] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.entry.id

    @property
    def name(self) -> str:
        return self.entry.name

    def all_services(self) -> list[Service]:
        """Its own services, then those of its sub-sections."""
        return [*self.services, *(s for child in self.children for s in child.services)]


@dataclass(eq=False)
class Catalogue:
    """The whole catalogue of one region."""

    root: Path
    region: RegionFile
    themes: list[Theme]
    providers: dict[str, Provider]
    services: list[Service]
    further_reading: list[LinkList]
    professional: Professional = field(default_factory=Professional)
    #: The tray's sections (``sections.yml``) in the file's order, sub-sections included.
    sections: list[Section] = field(default_factory=list)
    #: The words people search with (``vocabulary.yml``), mapped to the catalogue's terms.
    vocabulary: list[VocabularyEntry] = field(default_factory=list)

    @cached_property
    def services_by_id(self) -> dict[str, Service]:
        return {service.id: service for service in self.services}

    @cached_property
    def municipalities(self) -> list[Municipality]:
        return list(self.region.municipalities)

    def services_in_theme(self, theme: Theme) -> list[Service]:
        return [s for s in self.services if any(t.id == theme.id for t in s.themes)]

    def services_in_municipality(self, municipality: Municipality) -> list[Service]:
        return [s for s in self.services if any(m.id == municipality.id for m in s.municipalities)]

    def section_of(self, service: Service) -> Section | None:
        """The section that lists ``service``; ``None`` when no section does."""
        return next((section for section in self.sections if service in section.services), None)
