"""Open Referral HSDS 3.0: the catalogue as fully nested services and organizations.

The files follow the HSDS 3.0 API's paged list responses (``/services`` and
``/organizations`` with every related record nested, all in one page), so an
HSDS client can read them as it would read an API. How the catalogue's Finnish
fields map to HSDS (themes, municipality codes, how to get in) is the profile
documented in ``developer-docs/hsds-profile.md``.

Identifiers are UUIDs that stay the same from build to build: version 5 UUIDs
of ``<region id>/<kind>/<our id>`` in a namespace of our own.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from generator.export.site_urls import SiteUrls
from generator.model.catalogue import Catalogue, Service
from generator.model.entries import Municipality, Provider
from generator.model.facts import service_facts
from generator.site.labels import fill, labels_for

#: The namespace of every identifier we generate (a fixed random UUID; never change it).
NAMESPACE = uuid.UUID("3d306e74-d48e-411c-8b72-c7e9275e28ca")

#: HSDS status of a service whose ``validity.until`` has passed: it will not come back.
ENDED_STATUS = "defunct"

#: Our taxonomies by ``link_type``, named in ``attributes[].taxonomy_term.taxonomy``
#: (described in developer-docs/hsds-profile.md rather than repeated in every term).
TAXONOMIES = {
    "theme": "Palvelutarjotin: teemat",
    "access_route": "Palvelutarjotin: miten palveluun pääsee",
    "municipality": "Tilastokeskus: kuntanumero",
}


class HsdsIds:
    """Stable UUIDs for one region's records."""

    def __init__(self, region_id: str) -> None:
        self.region_id = region_id
        # Terms, taxonomies and organizations recur in every service; hashing them
        # once is a good part of the export's time at thousands of services.
        self._known: dict[tuple[str, ...], str] = {}

    def __call__(self, kind: str, *key: str) -> str:
        name = (kind, *key)
        known = self._known.get(name)
        if known is None:
            known = self._known[name] = str(uuid.uuid5(NAMESPACE, "/".join((self.region_id, *name))))
        return known


def _paged(contents: list[dict[str, Any]]) -> dict[str, Any]:
    """The HSDS API's ``Page`` envelope around a single page holding everything."""
    return {
        "total_items": len(contents),
        "total_pages": 1,
        "page_number": 1,
        "size": len(contents),
        "first_page": True,
        "last_page": True,
        "empty": not contents,
        "contents": contents,
    }


def _sections(*parts: tuple[str, str | None]) -> str | None:
    """Markdown of labelled sections; ``None`` when every section is empty."""
    present = [(label, text) for label, text in parts if text]
    if not present:
        return None
    if len(present) == 1:
        return present[0][1]
    return "\n\n".join(f"**{label}**\n\n{text}" for label, text in present)


def _bullets(items: list[str]) -> str:
    return "\n".join(f"- {item}" for item in items)


class HsdsExport:
    """Maps one catalogue to HSDS 3.0 records."""

    def __init__(self, catalogue: Catalogue, urls: SiteUrls, today: date) -> None:
        self.catalogue = catalogue
        self.urls = urls
        self.today = today
        self.id = HsdsIds(catalogue.region.id)
        # The site's words: an access route is named here as on its page.
        self.labels = labels_for(catalogue.region.label_overrides)

    # --- files -----------------------------------------------------------------------

    def services_page(self) -> dict[str, Any]:
        """``/services?full=true``: every service with its organization and details nested."""
        return _paged([self.service(s) for s in self.catalogue.services])

    def organizations_page(self) -> dict[str, Any]:
        """``/organizations``: every provider."""
        return _paged([self.organization(p) for p in self.catalogue.providers.values()])

    # --- records ---------------------------------------------------------------------

    def organization(self, provider: Provider) -> dict[str, Any]:
        record: dict[str, Any] = {
            "id": self.id("organization", provider.id),
            # HSDS requires a description; the catalogue has none for providers.
            "description": "",
            "name": provider.name,
        }
        if provider.url:
            record["website"] = provider.url
        return record

    def service(self, service: Service) -> dict[str, Any]:
        entry = service.entry
        service_id = self.id("service", service.id)
        record: dict[str, Any] = {
            "id": service_id,
            "organization_id": self.id("organization", service.provider.id),
            "name": service.name,
            "status": ENDED_STATUS if service.has_ended(self.today) else "active",
        }
        optional: dict[str, Any] = {
            "description": self._description(service),
            "url": self.urls.absolute_service(service),
            "application_process": self._application_process(service),
            "eligibility_description": self._eligibility(service),
            "minimum_age": entry.eligibility.min_age if entry.eligibility else None,
            "maximum_age": entry.eligibility.max_age if entry.eligibility else None,
            "assured_date": entry.last_reviewed.isoformat() if entry.last_reviewed else None,
            "alert": self._alert(service),
        }
        # The model's labelled facts that name an HSDS field (generator/model/facts.py).
        optional |= {f.fact.hsds: f.text for f in service_facts(entry, self.labels) if f.fact.hsds}
        record.update({k: v for k, v in optional.items() if v is not None})
        record["organization"] = self.organization(service.provider)
        record["service_areas"] = [self._area(service_id, m) for m in service.municipalities]
        record["languages"] = [
            {"id": self.id("language", service.id, code), "service_id": service_id, "code": code}
            for code in entry.languages or []
        ]
        record["contacts"] = self._contacts(service, service_id)
        record["schedules"] = self._schedules(service, service_id)
        record["attributes"] = [
            self._attribute(service_id, "service", "theme", theme.id, theme.name, theme.description)
            for theme in service.themes
        ] + [
            self._attribute(
                service_id,
                "service",
                "access_route",
                route,
                self.labels.access(route),
                self.labels.access_term(route),
            )
            for route in service.access_routes
        ]
        return record

    # --- pieces ----------------------------------------------------------------------

    def _description(self, service: Service) -> str | None:
        entry, labels = service.entry, self.labels
        return _sections((labels.what, entry.what), (labels.why, entry.why), (labels.how, entry.how))

    def _application_process(self, service: Service) -> str | None:
        access = service.entry.access
        if access is None:
            return None
        labels = self.labels
        lines = [labels.access(route) + "." for route in access.routes]
        if access.referral_from:
            lines.append(f"{labels.referral_from}: " + ", ".join(access.referral_from) + ".")
        if access.decision_by:
            lines.append(f"{labels.decision_by}: {access.decision_by}.")
        text = _bullets(lines)
        return f"{text}\n\n{access.note}" if access.note else text

    def _eligibility(self, service: Service) -> str | None:
        entry, labels = service.entry, self.labels
        eligibility = entry.eligibility
        conditions = eligibility.conditions if eligibility else None
        requirements = (
            _bullets(eligibility.requirements) if eligibility and eligibility.requirements else None
        )
        criteria = (
            f"{labels.eligibility_any}:\n\n" + _bullets([c.text for c in eligibility.criteria])
            if eligibility and eligibility.criteria
            else None
        )
        return _sections(
            (labels.for_whom, entry.for_whom),
            (labels.eligibility_conditions, conditions),
            (labels.eligibility_all, requirements),
            (labels.eligibility_alternatives, criteria),
        )

    def _alert(self, service: Service) -> str | None:
        validity = service.entry.validity
        if validity is None:
            return None
        ended = service.has_ended(self.today)
        label = self.labels.ended_until if ended else self.labels.available_until
        text = fill(label, date=self.labels.date(validity.until))
        return f"{text} ({validity.note})." if validity.note else f"{text}."

    def _area(self, service_id: str, municipality: Municipality) -> dict[str, Any]:
        area_id = self.id("service_area", service_id, municipality.id)
        return {
            "id": area_id,
            "service_id": service_id,
            "name": municipality.name,
            "attributes": [
                self._attribute(
                    area_id,
                    "service_area",
                    "municipality",
                    municipality.code,
                    municipality.name,
                    fill(self.labels.municipality_term, name=municipality.name, code=municipality.code),
                )
            ],
        }

    def _contacts(self, service: Service, service_id: str) -> list[dict[str, Any]]:
        contacts = []
        for index, contact in enumerate(service.entry.contacts or []):
            contact_id = self.id("contact", service.id, str(index))
            record: dict[str, Any] = {"id": contact_id, "service_id": service_id, "name": contact.name}
            if contact.email:
                record["email"] = contact.email
            record["phones"] = (
                [{"id": self.id("phone", contact_id), "contact_id": contact_id, "number": contact.phone}]
                if contact.phone
                else []
            )
            contacts.append(record)
        return contacts

    def _schedules(self, service: Service, service_id: str) -> list[dict[str, Any]]:
        """Opening hours are free text in the catalogue, so only ``description`` is filled."""
        return [
            {
                "id": self.id("schedule", service.id, str(index)),
                "service_id": service_id,
                "description": f"{contact.name}: " + "; ".join(contact.opening_hours),
            }
            for index, contact in enumerate(service.entry.contacts or [])
            if contact.opening_hours
        ]

    def _attribute(
        self, link_id: str, link_entity: str, taxonomy: str, code: str, name: str, description: str
    ) -> dict[str, Any]:
        taxonomy_name = TAXONOMIES[taxonomy]
        taxonomy_id = self.id("taxonomy", taxonomy)
        term_id = self.id("taxonomy_term", taxonomy, code)
        return {
            "id": self.id("attribute", link_id, taxonomy, code),
            "link_id": link_id,
            "link_type": taxonomy,
            "link_entity": link_entity,
            "taxonomy_term_id": term_id,
            "taxonomy_term": {
                "id": term_id,
                "code": code,
                "name": name,
                "description": description,
                "taxonomy": taxonomy_name,
                "taxonomy_id": taxonomy_id,
            },
        }


def hsds_services(catalogue: Catalogue, urls: SiteUrls, today: date) -> dict[str, Any]:
    return HsdsExport(catalogue, urls, today).services_page()


def hsds_organizations(catalogue: Catalogue, urls: SiteUrls, today: date) -> dict[str, Any]:
    return HsdsExport(catalogue, urls, today).organizations_page()
