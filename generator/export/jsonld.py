"""schema.org JSON-LD (``GovernmentService``) for a service page's ``<head>``.

The renderer puts the JSON into the page's front matter as ``json_ld``; the
theme prints it inside ``<script type="application/ld+json">``. This module
only imports the models, so the renderer can use it without import cycles.
"""

from __future__ import annotations

import json
from typing import Any

from generator.model.catalogue import Service
from generator.model.entries import Contact, Municipality, RegionFile

#: Characters that could end or confuse a <script> element (and DEL, which YAML
#: rejects), as JSON escapes.
_SCRIPT_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\x7f": "\\u007f"}


def _area(municipality: Municipality) -> dict[str, Any]:
    return {"@type": "AdministrativeArea", "name": municipality.name, "identifier": municipality.code}


def _channel(contact: Contact, languages: list[str]) -> dict[str, Any]:
    channel: dict[str, Any] = {"@type": "ServiceChannel", "name": contact.name}
    if contact.phone or contact.email:
        point: dict[str, Any] = {"@type": "ContactPoint"}
        if contact.phone:
            point["telephone"] = contact.phone
        if contact.email:
            point["email"] = contact.email
        if contact.opening_hours:
            point["hoursAvailable"] = "; ".join(contact.opening_hours)
        channel["servicePhone"] = point
    if contact.url:
        channel["serviceUrl"] = contact.url
    if contact.address:
        channel["serviceLocation"] = {"@type": "Place", "address": contact.address}
    if languages:
        channel["availableLanguage"] = languages
    return channel


def service_json_ld(service: Service, region: RegionFile, url: str | None) -> dict[str, Any]:
    """The service as a schema.org ``GovernmentService``.

    Args:
        service: The service.
        region: Its region (names the area of a region-wide service).
        url: The page's absolute address; left out when the site's address is unknown
            (the page is then its own subject anyway).
    """
    entry = service.entry
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "GovernmentService",
        "identifier": service.id,
        "name": service.name,
        "description": entry.summary or entry.what,
    }
    if url:
        data["url"] = url
    provider: dict[str, Any] = {"@type": "Organization", "name": service.provider.name}
    if service.provider.url:
        provider["url"] = service.provider.url
    data["provider"] = provider
    if service.region_wide:
        data["areaServed"] = {
            "@type": "AdministrativeArea",
            "name": region.name,
            "containsPlace": [_area(m) for m in service.municipalities],
        }
    else:
        data["areaServed"] = [_area(m) for m in service.municipalities]
    if service.themes:
        data["category"] = [t.name for t in service.themes]
    eligibility = entry.eligibility
    if eligibility and (eligibility.min_age is not None or eligibility.max_age is not None):
        audience: dict[str, Any] = {"@type": "PeopleAudience"}
        if eligibility.min_age is not None:
            audience["suggestedMinAge"] = eligibility.min_age
        if eligibility.max_age is not None:
            audience["suggestedMaxAge"] = eligibility.max_age
        data["audience"] = audience
    if entry.contacts:
        data["availableChannel"] = [_channel(c, list(entry.languages or [])) for c in entry.contacts]
    return data


def script_json(data: Any) -> str:
    """JSON that is safe inside a ``<script>`` element.

    ``<``, ``>`` and ``&`` become ``\\u003c`` and so on (JSON parsers read them back
    unchanged), so no text can close the element or open a comment. The output is
    ASCII, so U+2028 and U+2029 are escaped too.
    """
    text = json.dumps(data, ensure_ascii=True, separators=(",", ":"), sort_keys=False)
    for character, escape in _SCRIPT_UNSAFE.items():
        text = text.replace(character, escape)
    return text


def front_matter_value(data: Any) -> str:
    """:func:`script_json` as a single-quoted YAML scalar, for a page's front matter.

    The JSON is printable ASCII on one line, so single quotes (with ``'`` doubled)
    carry it through any YAML parser unchanged.
    """
    return "'" + script_json(data).replace("'", "''") + "'"
