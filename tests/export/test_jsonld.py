"""schema.org JSON-LD: the data, its escaping for <script>, and its place in the page's <head>."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from click.testing import CliRunner

from generator.cli import main
from generator.export.jsonld import front_matter_value, script_json, service_json_ld
from generator.model.catalogue import Catalogue
from tests.export.conftest import PROJECT, json_ld_of

HOSTILE = "</script><script>alert(1)</script><!-- & -->"


def test_script_json_cannot_close_the_script_element() -> None:
    data = {"name": HOSTILE, "quote": "it's \u2028 ä"}
    text = script_json(data)
    assert not {"<", ">", "&"} & set(text)
    assert text.isascii()
    assert json.loads(text) == data


def test_front_matter_value_round_trips_through_yaml() -> None:
    data = {"name": "Pekan 'paras' palvelu: #1 - {x}", "n": [1, None, True]}
    document = f"json_ld: {front_matter_value(data)}\n"
    assert json.loads(yaml.safe_load(document)["json_ld"]) == data


def test_government_service(rich_catalogue: Catalogue) -> None:
    service = rich_catalogue.services_by_id["kolmas"]
    data = service_json_ld(service, rich_catalogue.region, "https://example.org/palvelut/kolmas/")
    assert data == {
        "@context": "https://schema.org",
        "@type": "GovernmentService",
        "identifier": "kolmas",
        "name": "Kolmas palvelu: <b>kaikki</b> & 'lainaus'",
        "description": "Kolmas palvelu kokeilee kaikkia kenttiä.",
        "url": "https://example.org/palvelut/kolmas/",
        "provider": {"@type": "Organization", "name": "Kunta", "url": "https://example.org/"},
        "areaServed": [{"@type": "AdministrativeArea", "name": "Alfa", "identifier": "001"}],
        "category": ["Kuntoutus"],
        "audience": {"@type": "PeopleAudience", "suggestedMinAge": 18, "suggestedMaxAge": 64},
        "availableChannel": [
            {
                "@type": "ServiceChannel",
                "name": "Toimisto",
                "servicePhone": {
                    "@type": "ContactPoint",
                    "telephone": "040 123 4567",
                    "email": "toimisto@example.org",
                    "hoursAvailable": "ma klo 9–12; ke klo 12–15",
                },
                "serviceUrl": "https://example.org/toimisto",
                "serviceLocation": {"@type": "Place", "address": "Katu 1, 00100 Alfa"},
                "availableLanguage": ["fi", "sv"],
            }
        ],
    }
    region_wide = service_json_ld(rich_catalogue.services_by_id["eka"], rich_catalogue.region, None)
    assert "url" not in region_wide
    assert region_wide["areaServed"]["name"] == "Testimaa"
    assert [p["identifier"] for p in region_wide["areaServed"]["containsPlace"]] == ["001", "002"]


def test_each_service_page_carries_its_json_ld_in_the_head(rich_project: Path, tmp_path: Path) -> None:
    # The project's theme override prints the JSON-LD (a region's mkdocs.yml uses it as custom_dir).
    config = rich_project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "  name: material\n", f"  name: material\n  custom_dir: {PROJECT / 'theme_overrides'}\n"
        ),
        encoding="utf-8",
    )
    (rich_project / "catalogue" / "services" / "eka.yml").write_text(
        f'name: "{HOSTILE}"\nthemes: [kuntoutus]\nprovider: kunta\narea: region\nwhat: Teksti.\n',
        encoding="utf-8",
    )
    site = tmp_path / "site"
    result = CliRunner().invoke(
        main,
        [
            "build",
            "-f",
            str(rich_project / "mkdocs.yml"),
            "--catalogue",
            str(rich_project / "catalogue"),
            "--site-dir",
            str(site),
        ],
    )
    assert result.exit_code == 0, result.output
    [hostile] = json_ld_of(site / "palvelut" / "eka" / "index.html")
    assert hostile["name"] == HOSTILE, "the name survives intact and inside its own <script>"
    [full] = json_ld_of(site / "palvelut" / "kolmas" / "index.html")
    assert full["@type"] == "GovernmentService"
    assert full["name"] == "Kolmas palvelu: <b>kaikki</b> & 'lainaus'"
    assert json_ld_of(site / "index.html") == [], "only service pages describe a service"
