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
    """

    id: str
    source: Path
    entry: ServiceEntry
    themes: list[Theme]
    provider: Provider
    municipalities: list[Municipality]
    region_wide: bool
    related: list[Service] = field(default_factory=list)

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
class Catalogue:
    """The whole catalogue of one region."""

    root: Path
    region: RegionFile
    themes: list[Theme]
    providers: dict[str, Provider]
    services: list[Service]
    further_reading: list[LinkList]

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
