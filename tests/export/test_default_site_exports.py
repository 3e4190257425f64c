"""The default site's build writes the exports, links them from "Avoin data" and marks up its pages."""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path

import jsonschema
import yaml

from generator.model.catalogue import Catalogue
from generator.site import urls as paths
from tests.export.conftest import PROJECT, json_ld_of
from tests.helpers import hsds_schema


def _hrefs(html: str) -> list[str]:
    return re.findall(r'href="([^"]+)"', html)


def _resolve(site: Path, page: str, href: str) -> Path:
    """The file a relative href on ``page`` (a path from the site root) points at."""
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), href))
    path = site / target
    return path / "index.html" if href.endswith("/") else path


def test_the_open_data_page_links_every_file_and_says_no_licence_is_stated(default_site: Path) -> None:
    page = "avoin-data/index.html"
    html = (default_site / page).read_text(encoding="utf-8")
    hrefs = _hrefs(html)
    for name in paths.EXPORT_FILES:
        assert name in hrefs, name
        assert _resolve(default_site, page, name).is_file(), name
    # The content is transcribed from the region's deck: only the region can license it.
    region = yaml.safe_load((PROJECT / "catalogue" / "region.yml").read_text(encoding="utf-8"))
    assert "data_licence" not in region
    assert "Aineistolle ei ole ilmoitettu käyttölupaa (lisenssiä)." in html
    assert "Kysy käyttöoikeudesta alueelta" in html
    assert "CC BY" not in html and "creativecommons.org" not in html
    assert "avointa dataa" not in html, "reuse is not promised without a licence"
    home = (default_site / "index.html").read_text(encoding="utf-8")
    assert "avoin-data/" in _hrefs(home), "the page is in the navigation"


def test_no_export_claims_a_licence_the_region_has_not_given(
    default_site: Path, default_catalogue: Catalogue
) -> None:
    folder = default_site / paths.EXPORT_DIR
    exports = {name: (folder / name).read_text(encoding="utf-8-sig") for name in paths.EXPORT_FILES}
    for service in default_catalogue.services:
        page = default_site / "palvelut" / service.id / "index.html"
        exports[f"{service.id} (JSON-LD)"] = json.dumps(json_ld_of(page), ensure_ascii=False)
    for name, text in exports.items():
        for claim in ("CC BY", "creativecommons.org", "Creative Commons"):
            assert claim not in text, (name, claim)
    assert json.loads(exports[paths.CATALOGUE_JSON])["licence"] is None
    assert "<copyright>" not in exports[paths.FEED]


def test_the_built_hsds_files_validate(default_site: Path) -> None:
    folder = default_site / paths.EXPORT_DIR
    for name, schema in (
        (paths.HSDS_SERVICES, "service.json"),
        (paths.HSDS_ORGANIZATIONS, "organization.json"),
    ):
        page = json.loads((folder / name).read_text(encoding="utf-8"))
        validator = jsonschema.Draft202012Validator(hsds_schema(schema))
        assert page["contents"], name
        assert [e.message for r in page["contents"] for e in validator.iter_errors(r)] == [], name


def test_every_service_page_has_json_ld_and_every_page_the_feed(
    default_site: Path, default_catalogue: Catalogue
) -> None:
    for service in default_catalogue.services:
        page = f"palvelut/{service.id}/index.html"
        [data] = json_ld_of(default_site / page)
        assert (data["@type"], data["identifier"], data["name"]) == (
            "GovernmentService",
            service.id,
            service.name,
        )
        html = (default_site / page).read_text(encoding="utf-8")
        feed_link = r'<link rel="([^"]*)" type="application/rss\+xml"[^>]* href="([^"]+)"'
        [(rel, feed)] = re.findall(feed_link, html)
        assert rel.split() == ["alternate"], "feed readers find it by the word 'alternate'"
        assert _resolve(default_site, page, feed) == default_site / paths.EXPORT_DIR / paths.FEED
        assert (default_site / paths.EXPORT_DIR / paths.FEED).is_file()


def test_the_colours_come_from_region_yml(default_site: Path) -> None:
    colors = yaml.safe_load((PROJECT / "catalogue" / "region.yml").read_text(encoding="utf-8"))["site"][
        "colors"
    ]
    css = (default_site / "assets" / "stylesheets" / "tarjotin-region.css").read_text(encoding="utf-8")
    assert f"--tarjotin-region-primary: {colors['primary']};" in css
    assert f"--tarjotin-region-link: {colors['link']};" in css
    assert 'href="assets/stylesheets/tarjotin-region.css"' in (default_site / "index.html").read_text("utf-8")
    shared = (PROJECT / "docs" / "assets" / "stylesheets" / "tarjotin.css").read_text(encoding="utf-8")
    for value in colors.values():
        assert value not in shared, f"{value} is the region's colour: it belongs in region.yml"


def _as_read(value: object) -> object:
    """YAML as the models read it: JSON types, text without the block scalars' final newline."""
    if isinstance(value, dict):
        return {k: _as_read(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_read(v) for v in value]
    return value.strip() if isinstance(value, str) else json.loads(json.dumps(value, default=str))


def test_the_json_holds_the_professionals_material_as_written(default_site: Path) -> None:
    data = json.loads((default_site / "avoin-data" / paths.CATALOGUE_JSON).read_text(encoding="utf-8"))
    professional = data["professional"]
    source = PROJECT / "catalogue" / "professional"
    for kind, folder in (("paths", "paths"), ("cases", "cases"), ("checklists", "checklists")):
        files = sorted(folder_file.stem for folder_file in (source / folder).glob("*.yml"))
        assert sorted(record["id"] for record in professional[kind]) == files, kind
        for record in professional[kind]:
            written = yaml.safe_load((source / folder / f"{record['id']}.yml").read_text(encoding="utf-8"))
            assert {k: v for k, v in record.items() if k != "id"} == _as_read(written), record["id"]
    glossary = yaml.safe_load((source / "glossary.yml").read_text(encoding="utf-8"))
    assert [term["term"] for term in professional["glossary"]] == [t["term"] for t in glossary["terms"]]
    for single, name in (
        ("work_ability_score", "work-ability-score.yml"),
        ("participation", "participation.yml"),
    ):
        written = yaml.safe_load((source / name).read_text(encoding="utf-8"))
        assert professional[single] == _as_read(written), single
