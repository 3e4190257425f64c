"""The HSDS 3.0 export validates against the official schemas and maps every field as profiled."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any
from urllib.parse import urlsplit

import jsonschema
import pytest

from generator.export.hsds import HsdsExport
from generator.export.site_urls import SiteUrls
from generator.model.catalogue import Catalogue
from tests.helpers import hsds_schema

TODAY = date(2025, 6, 1)
SITE = "https://palvelut.example.org/alue/"


def _validator(name: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(
        hsds_schema(name), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def _errors(validator: jsonschema.Draft202012Validator, records: list[dict[str, Any]]) -> list[str]:
    return [f"{r.get('name')}: {e.json_path}: {e.message}" for r in records for e in validator.iter_errors(r)]


def _walk(value: Any, key: str) -> list[Any]:
    """Every value stored under ``key`` anywhere in ``value``."""
    found = []
    if isinstance(value, dict):
        for k, v in value.items():
            if k == key:
                found.append(v)
            found += _walk(v, key)
    elif isinstance(value, list):
        for item in value:
            found += _walk(item, key)
    return found


@pytest.mark.parametrize("site_url", ["", SITE])
def test_the_default_catalogue_validates_against_hsds_3(default_catalogue: Catalogue, site_url: str) -> None:
    export = HsdsExport(default_catalogue, SiteUrls(site_url), TODAY)
    services = export.services_page()
    organizations = export.organizations_page()
    assert services["total_items"] == len(default_catalogue.services) == len(services["contents"])
    assert organizations["total_items"] == len(default_catalogue.providers)
    assert _errors(_validator("service.json"), services["contents"]) == []
    assert _errors(_validator("organization.json"), organizations["contents"]) == []
    # jsonschema checks "uri" only with an optional package, so check addresses here.
    addresses = _walk(services, "url") + _walk(services, "website")
    for address in addresses:
        parts = urlsplit(address)
        assert parts.scheme in ("http", "https") and parts.netloc, address
    service_urls = [s.get("url") for s in services["contents"]]
    if site_url:
        assert all(u and u.startswith(SITE + "palvelut/") for u in service_urls)
    else:
        assert service_urls == [None] * len(service_urls), "no relative address in a uri field"


def test_the_validation_would_catch_a_broken_record(default_catalogue: Catalogue) -> None:
    record = HsdsExport(default_catalogue, SiteUrls(), TODAY).services_page()["contents"][0]
    broken = {**record, "id": "kela", "status": "open"}
    del broken["name"]
    messages = sorted(e.message for e in _validator("service.json").iter_errors(broken))
    assert messages == [
        "'kela' is not a 'uuid'",
        "'name' is a required property",
        "'open' is not one of ['active', 'inactive', 'defunct', 'temporarily closed']",
    ]


def test_identifiers_are_unique_and_stable(default_catalogue: Catalogue) -> None:
    first = HsdsExport(default_catalogue, SiteUrls(), TODAY).services_page()
    second = HsdsExport(default_catalogue, SiteUrls(SITE), date(2030, 1, 1)).services_page()
    ids = [s["id"] for s in first["contents"]]
    assert ids == [s["id"] for s in second["contents"]], "ids do not depend on the build"
    assert len(set(ids)) == len(ids)
    for value in ids:
        assert uuid.UUID(value).version == 5
    # Records nested under every service (areas, attributes …) have ids of their own.
    own_ids = [
        record["id"]
        for service in first["contents"]
        for field in ("service_areas", "contacts", "schedules", "languages", "attributes")
        for record in service[field]
    ]
    assert len(set(own_ids)) == len(own_ids)


def test_every_field_is_mapped_as_the_profile_says(rich_catalogue: Catalogue) -> None:
    export = HsdsExport(rich_catalogue, SiteUrls(SITE), TODAY)
    records = {s["name"]: s for s in export.services_page()["contents"]}
    full = records["Kolmas palvelu: <b>kaikki</b> & 'lainaus'"]
    assert _errors(_validator("service.json"), list(records.values())) == []

    assert full["status"] == "active"
    assert full["url"] == SITE + "palvelut/kolmas/"
    assert full["description"] == (
        "**Mitä?**\n\nPalvelu tekee *kaikkea*.\n\n**Miksi?**\n\nKoska voi.\n\n**Miten?**\n\nSoita ensin."
    )
    assert full["application_process"] == (
        "- Tarvitset ohjauksen tai lähetteen.\n"
        "- Tarvitset palvelupäätöksen.\n"
        "- Ohjaus tai lähete: lääkäri, terveydenhoitaja.\n"
        "- Päätöksen tekee: sosiaalityöntekijä.\n\n"
        "Kysy lisää omalta työntekijältä."
    )
    assert full["eligibility_description"] == "**Kenelle?**\n\nAikuisille.\n\n**Ehdot**\n\nAsuu alueella."
    assert (full["minimum_age"], full["maximum_age"]) == (18, 64)
    assert full["assured_date"] == "2025-02-03"
    assert full["alert"] == "Palvelu on saatavilla 31.12.2099 asti (toistaiseksi)."
    assert full["organization"]["name"] == "Kunta"
    assert full["organization"]["website"] == "https://example.org/"
    assert full["organization_id"] == full["organization"]["id"]

    assert [a["name"] for a in full["service_areas"]] == ["Alfa"]
    [code] = full["service_areas"][0]["attributes"]
    assert code["link_type"] == "municipality"
    assert code["taxonomy_term"]["code"] == "001"
    assert code["taxonomy_term"]["taxonomy"] == "Tilastokeskus: kuntanumero"

    assert [lang["code"] for lang in full["languages"]] == ["fi", "sv"]
    [contact] = full["contacts"]
    assert (contact["name"], contact["email"]) == ("Toimisto", "toimisto@example.org")
    assert [p["number"] for p in contact["phones"]] == ["040 123 4567"]
    assert [s["description"] for s in full["schedules"]] == ["Toimisto: ma klo 9–12; ke klo 12–15"]
    terms = [(a["link_type"], a["taxonomy_term"]["code"]) for a in full["attributes"]]
    assert terms == [("theme", "kuntoutus"), ("access_route", "referral"), ("access_route", "decision")]

    ended = records["Päättynyt palvelu"]
    assert ended["status"] == "defunct"
    assert ended["alert"] == "Palvelu on päättynyt: se oli saatavilla 31.1.2020 asti."
    assert [a["name"] for a in ended["service_areas"]] == ["Alfa", "Beta"], "region-wide: every municipality"
    minimal = records["Toka palvelu"]
    for absent in ("minimum_age", "assured_date", "application_process", "alert"):
        assert absent not in minimal, absent
