"""Tracing URLs to the file, line and column that write them."""

from __future__ import annotations

from pathlib import Path

from generator.check.results import Location
from generator.check.sources import SourceIndex, normalise, urls_in_text

SERVICE = """\
name: Palvelu
provider: kunta
area: region
what: |
  Ensimmäinen rivi.
  Lisää [ohjeessa](https://a.fi/ohje?x=1&y=2) ja <https://b.fi/>.
contacts:
  - name: Toimisto
    url: "https://c.fi/%C3%A4"
links:
  - {title: Kotisivu, url: https://d.fi/}
"""


def column(text: str) -> int:
    """The 1-based column of ``text`` on its line of SERVICE."""
    line = next(line for line in SERVICE.splitlines() if text in line)
    return line.index(text) + 1


def make(tmp_path: Path) -> SourceIndex:
    catalogue = tmp_path / "catalogue"
    (catalogue / "services").mkdir(parents=True)
    (catalogue / "services" / "palvelu.yml").write_text(SERVICE)
    (catalogue / "region.yml").write_text(
        "municipalities:\n  - id: alfa\n    name: Alfa\n    employment_services:\n"
        "      title: Työllisyys\n      url: https://alfa.fi/tyo\n"
    )
    docs = tmp_path / "docs"
    (docs / "ohjeet").mkdir(parents=True)
    (docs / "ohjeet" / "lue.md").write_text("# Lue tämä\n\nKatso https://b.fi/, ja [tätä](../index.md#x).\n")
    return SourceIndex(catalogue, docs)


def test_urls_in_markdown_sections_get_their_own_line_and_column(tmp_path: Path) -> None:
    index = make(tmp_path)
    service = tmp_path / "catalogue" / "services" / "palvelu.yml"
    assert index.locate("https://a.fi/ohje?x=1&y=2") == [
        Location(service, 6, column("https://a.fi/ohje"), "what", "Palvelu")
    ]
    assert index.locate("https://d.fi/") == [
        Location(service, 11, column("https://d.fi/"), "links.0.url", "Palvelu")
    ]


def test_spellings_of_the_same_url_match(tmp_path: Path) -> None:
    index = make(tmp_path)
    [location] = index.locate("https://C.fi/ä")
    assert (location.line, location.field) == (9, "contacts.0.url")


def test_a_url_in_several_files(tmp_path: Path) -> None:
    index = make(tmp_path)
    found = [(loc.file.name, loc.line, loc.label) for loc in index.locate("https://b.fi/")]
    assert found == [("palvelu.yml", 6, "Palvelu"), ("lue.md", 3, "Lue tämä")]


def test_the_label_is_the_nearest_name(tmp_path: Path) -> None:
    [location] = make(tmp_path).locate("https://alfa.fi/tyo")
    assert (location.label, location.field) == ("Alfa", "municipalities.0.employment_services.url")


def test_generated_pages_map_to_their_source(tmp_path: Path) -> None:
    index = make(tmp_path)
    assert index.page_source("palvelut/palvelu/") == Location(
        tmp_path / "catalogue" / "services" / "palvelu.yml", label="Palvelu"
    )
    assert index.page_source("kunnat/alfa/").file == tmp_path / "catalogue" / "region.yml"
    docs_link = index.find_in_page_source("ohjeet/lue/", "../../#x")
    line = "Katso https://b.fi/, ja [tätä](../index.md#x)."
    assert docs_link == Location(
        tmp_path / "docs" / "ohjeet" / "lue.md", 3, line.index("index.md#x") + 1, "", "Lue tämä"
    )
    assert index.find_in_page_source("palvelut/palvelu/", "../../teemat/") is None  # a template's link


def test_text_helpers() -> None:
    assert urls_in_text("Katso https://a.fi/x. Tai (https://b.fi/y), kiitos!") == [
        "https://a.fi/x",
        "https://b.fi/y",
    ]
    assert urls_in_text("https://fi.wikipedia.org/wiki/A_(b)") == ["https://fi.wikipedia.org/wiki/A_(b)"]
    assert normalise("HTTPS://A.fi/%C3%A4#x") == "https://a.fi/ä#x"
