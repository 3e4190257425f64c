"""The data licence is the region's: named where region.yml sets it, never assumed without."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import markdown
from click.testing import CliRunner

from generator.cli import main
from generator.export.feed import changes_feed
from generator.export.site_urls import SiteUrls
from generator.export.writer import ExportOptions, write_exports
from generator.model.catalogue import Catalogue
from generator.render.pages import render_pages
from generator.site import urls as paths
from generator.validate.catalogue import require_catalogue

TODAY = date(2025, 6, 1)
LICENCE = """\
data_licence:
  title: Creative Commons Nimeä 4.0 Kansainvälinen (CC BY 4.0)
  url: https://creativecommons.org/licenses/by/4.0/deed.fi
"""
NOT_STATED = "Aineistolle ei ole ilmoitettu käyttölupaa (lisenssiä)."


def _licensed(catalogue: Path) -> Catalogue:
    region = catalogue / "region.yml"
    region.write_text(region.read_text(encoding="utf-8") + LICENCE, encoding="utf-8")
    licensed, _ = require_catalogue(catalogue)
    return licensed


def _open_data_page(catalogue: Catalogue) -> str:
    [page] = [p for p in render_pages(catalogue) if p.path == paths.OPEN_DATA]
    return page.markdown


def _one_line(text: str) -> str:
    """The text with every run of whitespace as one space, however the template wraps it."""
    return " ".join(text.split())


def _validate(catalogue: Path) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["validate", "--catalogue", str(catalogue), "--format", "short"])
    return result.exit_code, result.output


def test_without_a_licence_the_page_says_none_is_stated(mini_catalogue: Path) -> None:
    catalogue, _ = require_catalogue(mini_catalogue)
    assert catalogue.region.data_licence is None
    page = _one_line(_open_data_page(catalogue))
    assert NOT_STATED in page
    assert "Kysy käyttöoikeudesta alueelta ennen uudelleenkäyttöä." in page
    assert "lisenssillä" not in page and "avointa dataa" not in page


def test_with_a_licence_the_page_and_the_exports_name_it(mini_catalogue: Path, tmp_path: Path) -> None:
    catalogue = _licensed(mini_catalogue)
    page = _open_data_page(catalogue)
    assert (
        'Tiedot on julkaistu lisenssillä <a href="https://creativecommons.org/licenses/by/4.0/deed.fi">'
        "Creative Commons Nimeä 4.0 Kansainvälinen (CC BY 4.0)</a>."
    ) in markdown.markdown(page)
    assert NOT_STATED not in page
    write_exports(catalogue, tmp_path, ExportOptions(today=TODAY))
    data = json.loads((tmp_path / paths.EXPORT_DIR / paths.CATALOGUE_JSON).read_text(encoding="utf-8"))
    assert data["licence"] == {
        "title": "Creative Commons Nimeä 4.0 Kansainvälinen (CC BY 4.0)",
        "url": "https://creativecommons.org/licenses/by/4.0/deed.fi",
    }
    feed = changes_feed(catalogue, SiteUrls("https://x.example.org/"), TODAY)
    channel = ET.fromstring(feed).find("channel")
    assert channel is not None
    assert channel.findtext("copyright") == "Creative Commons Nimeä 4.0 Kansainvälinen (CC BY 4.0)"


def test_validate_warns_that_open_data_without_a_licence_is_not_reusable(mini_catalogue: Path) -> None:
    code, output = _validate(mini_catalogue)
    assert code == 0, "a warning, not an error"
    [warning] = [line for line in output.splitlines() if "[data_licence]" in line]
    assert warning == (
        f"{mini_catalogue / 'region.yml'}: varoitus [data_licence]: avoimella datalla ei ole lisenssiä, "
        "joten sitä ei saa käyttää uudelleen: avoimen datan sivu ja tiedostot kertovat, ettei käyttölupaa "
        "ole ilmoitettu (kun alue on päättänyt lisenssistä, kirjoita se kenttään data_licence (title ja url) "
        "tiedostossa region.yml)"
    )
    assert ", 1 varoitus\n" in output


def test_validate_is_quiet_about_a_stated_licence(mini_catalogue: Path) -> None:
    _licensed(mini_catalogue)
    code, output = _validate(mini_catalogue)
    assert code == 0
    assert "data_licence" not in output and "varoitus" not in output


def test_the_default_catalogue_states_no_licence_and_validate_says_so() -> None:
    code, output = _validate(Path(__file__).resolve().parents[2] / "catalogue")
    assert code == 0
    assert "region.yml: varoitus [data_licence]: avoimella datalla ei ole lisenssiä" in output
