"""The whole catalogue as one plain JSON document (``palvelut.json``).

Every field is kept as the editor wrote it (Markdown sections stay Markdown),
with what the site adds: each service's page address, whether it has ended and
the Statistics Finland codes of the municipalities it serves. The professionals'
material (service paths, client cases, checklists, the work-ability question,
participation tables and the glossary) is included as written, each file's
record led by its id (the file name without ``.yml``).
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from generator.export.site_urls import SiteUrls
from generator.model.catalogue import Catalogue, Professional, Service
from generator.site import urls as paths

#: Bumped when a field is renamed or removed (adding fields keeps the version).
FORMAT_VERSION = 1

Status = Literal["active", "ended"]


def status(service: Service, today: date) -> Status:
    """``ended`` once the service's ``validity.until`` has passed, else ``active``."""
    return "ended" if service.has_ended(today) else "active"


def service_record(service: Service, url: str, today: date) -> dict[str, Any]:
    """One service: its id, address and status, then its fields as written."""
    record: dict[str, Any] = {"id": service.id, "url": url, "status": status(service, today)}
    record.update(service.entry.model_dump(mode="json", exclude_none=True))
    record["municipality_codes"] = [m.code for m in service.municipalities]
    return record


def catalogue_record(catalogue: Catalogue, urls: SiteUrls, today: date) -> dict[str, Any]:
    """The whole catalogue: region, licence, vocabularies and every service (ended ones too)."""
    region = catalogue.region
    here = paths.open_data_file(paths.CATALOGUE_JSON)
    return {
        "format_version": FORMAT_VERSION,
        "region": {
            "id": region.id,
            "name": region.name,
            "municipalities": [m.model_dump(mode="json", exclude_none=True) for m in region.municipalities],
        },
        # null, not a default: only the region can license its data (see region.yml's data_licence).
        "licence": region.data_licence.model_dump(mode="json") if region.data_licence else None,
        "site": urls.home(here),
        "themes": [t.model_dump(mode="json") for t in catalogue.themes],
        "providers": [p.model_dump(mode="json", exclude_none=True) for p in catalogue.providers.values()],
        "further_reading": [r.model_dump(mode="json", exclude_none=True) for r in catalogue.further_reading],
        "sections": [s.entry.model_dump(mode="json", exclude_none=True) for s in catalogue.sections],
        "services": [service_record(s, urls.service(s, here), today) for s in catalogue.services],
        "professional": professional_record(catalogue.professional),
    }


def professional_record(professional: Professional) -> dict[str, Any]:
    """The professionals' material as written; each multi-file kind as a list of ``{"id": …, …}``."""

    def dump(model: Any) -> Any:
        return model.model_dump(mode="json", exclude_none=True) if model is not None else None

    return {
        "paths": [{"id": p.id, **dump(p.entry)} for p in professional.paths],
        "cases": [{"id": c.id, **dump(c.entry)} for c in professional.cases],
        "checklists": [{"id": c.id, **dump(c.entry)} for c in professional.checklists],
        "work_ability_score": dump(professional.work_ability),
        "participation": dump(professional.participation),
        "glossary": [dump(term) for term in professional.glossary],
    }
