"""The data the professionals' interactive pages are built from, as JSON for the page.

The client's service list (``clientlist.js``) and the eligibility check
(``eligibility.js``) work in the browser from the site alone: each page carries
its facts in a ``<script type="application/json">`` block written here at build
time from the catalogue, so nothing is fetched and nothing the professional types
leaves the browser. The QR codes of the services' links are drawn in the browser
(``urls.QR_SCRIPT``, loaded by the list page alone): made here, they took 3–10 ms
a service and 2.7 KB each of the list page. Every word comes from the labels and
every address from :mod:`generator.site.urls`; the JSON is escaped for a
``<script>`` element (:func:`generator.export.jsonld.script_json`).
"""

from __future__ import annotations

import hashlib
import typing
from collections.abc import Iterable
from typing import Any

from markdown.extensions.toc import slugify
from markupsafe import Markup

from generator.export.jsonld import script_json
from generator.model.catalogue import Service
from generator.model.entries import Benefit, Criterion
from generator.site import urls
from generator.site.labels import ACCESS_ROUTES, Labels, fill

#: The labels the list page hands to clientlist.js (which has the Finnish ones built in).
LIST_LABELS = tuple(
    key
    for key in Labels.__dataclass_fields__
    if key.startswith("list_") or key in ("page_client_list", "access_unknown_long")
)
#: The labels the eligibility check's script writes its classes and reasons with.
CHECK_LABELS = tuple(key for key in Labels.__dataclass_fields__ if key.startswith("check_"))


def script_data(data: Any) -> Markup:
    """``data`` as JSON that can stand inside ``<script type="application/json">``."""
    return Markup(script_json(data))


def area_text(service: Service, labels: Labels, region_name: str) -> str:
    if service.region_wide:
        return fill(labels.whole_region, region=region_name)
    return ", ".join(m.name for m in service.municipalities)


def main_link(service: Service) -> tuple[str, str] | None:
    """The address a client goes to next: the service's first link, else its provider's site."""
    entry = service.entry
    if entry.links:
        return entry.links[0].title, entry.links[0].url
    for contact in entry.contacts or ():
        if contact.url:
            return contact.name, contact.url
    if service.provider.url:
        return service.provider.name, service.provider.url
    return None


def kenelle_anchor(service: Service, labels: Labels) -> str:
    """The fragment of the service page's own "Kenelle?" text (or its eligibility section)."""
    entry = service.entry
    if entry.for_whom:
        return "#" + slugify(labels.for_whom, "-")
    e = entry.eligibility
    if e and (e.requirements or e.criteria or e.conditions):  # the page's eligibility section
        return "#" + slugify(labels.eligibility, "-")
    return ""


def _access(service: Service, labels: Labels) -> dict[str, Any]:
    access = service.entry.access
    routes = [labels.access(route) for route in ACCESS_ROUTES if route in service.access_routes]
    return {
        "routes": routes,
        "referral_from": ", ".join(access.referral_from) if access and access.referral_from else "",
        "decision_by": access.decision_by if access and access.decision_by else "",
    }


def client_list_data(
    page_path: str, services: Iterable[Service], labels: Labels, region_name: str
) -> dict[str, Any]:
    """What the list page shows of every current service, and its words."""
    facts = []
    for service in services:
        link = main_link(service)
        facts.append(
            {
                "id": service.id,
                "name": service.name,
                "summary": service.entry.summary or "",
                "url": urls.relative_url(page_path, urls.service(service.id)),
                "area": area_text(service, labels, region_name),
                "access": _access(service, labels),
                "main": {"title": link[0], "url": link[1]} if link else None,
            }
        )
    return {
        "parameter": urls.CLIENT_LIST_PARAMETER,
        "labels": {key: getattr(labels, key) for key in LIST_LABELS}
        | {"referral_from": labels.referral_from, "decision_by": labels.decision_by, "area": labels.area},
        "services": facts,
    }


# --- the eligibility check ---------------------------------------------------------------


def condition_key(text: str) -> str:
    """A short key for a condition in the check's address, stable while its text is unchanged."""
    return hashlib.blake2s(text.encode("utf-8"), digest_size=4).hexdigest()


def _structured(criterion: Criterion) -> bool:
    return any(
        value is not None
        for value in (
            criterion.min_age,
            criterion.max_age,
            criterion.unemployed_months_min,
            criterion.benefits,
            criterion.benefit_days_min,
        )
    )


def _criterion(criterion: Criterion) -> dict[str, Any]:
    data: dict[str, Any] = {"text": criterion.text}
    if not _structured(criterion):
        # Nothing in it can be compared: the professional ticks it when it holds.
        data["condition"] = condition_key(criterion.text)
    for field in ("min_age", "max_age", "unemployed_months_min", "benefits", "benefit_days_min"):
        value = getattr(criterion, field)
        if value is not None:
            data[field] = list(value) if field == "benefits" else value
    return data


def eligibility_data(
    page_path: str, services: Iterable[Service], labels: Labels, region_name: str
) -> dict[str, Any]:
    """Every current service's structured criteria, and the facts the form asks for."""
    conditions: dict[str, str] = {}
    used: set[str] = set()
    facts = []
    for service in services:
        e = service.entry.eligibility
        requirements = list(e.requirements or []) if e else []
        criteria = list(e.criteria or []) if e else []
        for text in requirements:
            conditions.setdefault(condition_key(text), text)
        for criterion in criteria:
            if not _structured(criterion):
                conditions.setdefault(condition_key(criterion.text), criterion.text)
            used.update(
                field
                for field in ("min_age", "max_age", "unemployed_months_min", "benefits", "benefit_days_min")
                if getattr(criterion, field) is not None
            )
        if e and (e.min_age is not None or e.max_age is not None):
            used.add("min_age")
        page = urls.relative_url(page_path, urls.service(service.id))
        facts.append(
            {
                "id": service.id,
                "name": service.name,
                "url": page,
                "kenelle": page + kenelle_anchor(service, labels),
                "area": None if service.region_wide else [m.id for m in service.municipalities],
                "area_text": area_text(service, labels, region_name),
                "min_age": e.min_age if e else None,
                "max_age": e.max_age if e else None,
                "ages": labels.ages_for(e.min_age, e.max_age) if e else "",
                "requirements": [{"text": t, "condition": condition_key(t)} for t in requirements],
                "criteria": [_criterion(c) for c in criteria],
            }
        )
    return {
        "labels": {key: getattr(labels, key) for key in CHECK_LABELS},
        "benefits": {benefit: labels.benefit(benefit) for benefit in typing.get_args(Benefit)},
        "asks": {
            "age": bool(used & {"min_age", "max_age"}),
            "unemployed": "unemployed_months_min" in used,
            "benefits": "benefits" in used,
            "benefit_days": "benefit_days_min" in used,
        },
        "conditions": [
            {"key": key, "text": text} for key, text in sorted(conditions.items(), key=lambda kv: kv[1])
        ],
        "services": facts,
    }
