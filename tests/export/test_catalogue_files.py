"""palvelut.json and palvelut.csv hold the whole catalogue, as written, with what the site adds."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import yaml

from generator.export.csv_table import COLUMNS
from generator.export.writer import ExportOptions, write_exports
from generator.model.catalogue import Catalogue
from generator.site import urls as paths

TODAY = date(2025, 6, 1)


def test_every_file_is_written(rich_catalogue: Catalogue, tmp_path: Path) -> None:
    written = write_exports(rich_catalogue, tmp_path, ExportOptions(today=TODAY))
    expected = [tmp_path / "avoin-data" / name for name in paths.EXPORT_FILES]
    assert written == expected
    assert all(p.stat().st_size > 0 for p in expected)


def test_json_keeps_every_field_as_written(
    rich_project: Path, rich_catalogue: Catalogue, tmp_path: Path
) -> None:
    write_exports(rich_catalogue, tmp_path, ExportOptions(site_url="https://x.example.org", today=TODAY))
    data = json.loads((tmp_path / "avoin-data" / paths.CATALOGUE_JSON).read_text(encoding="utf-8"))
    assert data["format_version"] == 1
    assert data["region"]["name"] == "Testimaa"
    assert [m["code"] for m in data["region"]["municipalities"]] == ["001", "002"]
    assert data["licence"] is None, "region.yml states no licence, so none is claimed"
    assert [t["id"] for t in data["themes"]] == ["kuntoutus", "koulutus"]
    services = {s["id"]: s for s in data["services"]}
    assert sorted(services) == ["eka", "kolmas", "paattynyt", "toka"]

    written = yaml.safe_load((rich_project / "catalogue" / "services" / "kolmas.yml").read_text("utf-8"))
    full = services["kolmas"]
    for key, value in written.items():
        expected = json.loads(json.dumps(value, default=str))  # dates as ISO strings
        assert full[key] == expected, key
    assert full["url"] == "https://x.example.org/palvelut/kolmas/"
    assert full["status"] == "active"
    assert full["municipality_codes"] == ["001"]
    assert services["paattynyt"]["status"] == "ended"
    assert services["eka"]["municipality_codes"] == ["001", "002"], "region-wide: every municipality"


def test_csv_has_one_row_per_service(rich_catalogue: Catalogue, tmp_path: Path) -> None:
    write_exports(rich_catalogue, tmp_path, ExportOptions(today=TODAY))
    raw = (tmp_path / "avoin-data" / paths.CATALOGUE_CSV).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfid,url,status,name,"), "UTF-8 with a byte-order mark for Excel"
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert list(rows[0]) == ["id", "url", "status", *(name for name, _ in COLUMNS)]
    by_id = {row["id"]: row for row in rows}
    assert [row["id"] for row in rows] == ["eka", "kolmas", "paattynyt", "toka"], "in name order"
    full = by_id["kolmas"]
    assert full["url"] == "../palvelut/kolmas/", "relative to the CSV file when site_url is unknown"
    assert full["name"] == "Kolmas palvelu: <b>kaikki</b> & 'lainaus'"
    assert full["referral_from"] == "lääkäri\nterveydenhoitaja", "a list has one item per line"
    assert full["municipality_codes"] == "001"
    assert (full["min_age"], full["max_age"]) == ("18", "64")
    assert full["contacts"] == (
        "Toimisto; Katu 1, 00100 Alfa; 040 123 4567; toimisto@example.org; "
        "https://example.org/toimisto; ma klo 9–12; ke klo 12–15"
    )
    assert full["last_reviewed"] == "2025-02-03"
    assert full["related"] == "eka"
    assert by_id["paattynyt"]["status"] == "ended"
    assert by_id["eka"]["region_wide"] == "yes"
    assert by_id["eka"]["municipality_codes"] == "001\n002"
