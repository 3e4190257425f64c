"""The editors' pages on the site: the generated field reference, the guide, feedback links."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from generator.model.schemas import SCHEMAS, schema_for
from generator.render.field_reference import field_reference, inline_code
from generator.render.pages import render_pages
from generator.site import urls
from generator.validate.catalogue import require_catalogue
from tests.helpers import tarjotin_build

REPO = "https://github.com/esimerkki/palvelut"


class Links(HTMLParser):
    """Collects each link's href and text."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self._href: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self._href, self._text = dict(attrs).get("href") or "", []

    def handle_data(self, data: str) -> None:
        if self._href is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._href is not None:
            self.links.append(("".join(self._text).strip(), self._href))
            self._href = None


def links_of(html: str) -> dict[str, str]:
    parser = Links()
    parser.feed(html)
    return dict(parser.links)


def build(project: Path, site: Path) -> None:
    result = tarjotin_build(project, site)
    assert result.exit_code == 0, result.output


# --- the field reference --------------------------------------------------------------


def test_the_reference_lists_every_field_of_every_file(mini_catalogue: Path) -> None:
    catalogue, _ = require_catalogue(mini_catalogue)
    [page] = [p for p in render_pages(catalogue) if p.path == urls.FIELD_REFERENCE]
    assert not page.in_nav
    for name, model in SCHEMAS.items():
        assert f"\n## {schema_for(model)['title']}\n" in page.markdown
        assert f"`schemas/{name}`" in page.markdown
        for field in model.model_fields:
            assert f"\n`{field}`\n: " in page.markdown, f"{name}: {field}"
    assert (
        "\n`access.routes`\n: **Pakollinen.** Muoto: luettelo \\(yksi näistä: self, referral, decision\\). "
        "Miten palveluun pääsee: self = asiakas voi ottaa itse yhteyttä \\(ei lähetettä\\)"
    ) in page.markdown
    assert "\n\n: Esimerkki: `routes: [self]`\n" in page.markdown
    assert "\n`links[].url`\n: **Pakollinen.** Muoto: teksti." in page.markdown


def test_nested_fields_and_examples_follow_the_model() -> None:
    service = next(doc for doc in field_reference() if doc.schema == "service.schema.json")
    by_path = {field.path: field for field in service.fields}
    assert by_path["validity.until"].kind == "päivämäärä (VVVV-KK-PP)"
    assert by_path["validity"].example == "validity: {until: 2025-12-31, note: vuoden 2025 loppuun asti}"
    assert by_path["what"].kind == "Markdown-teksti"
    assert by_path["what"].required and not by_path["why"].required
    assert (
        by_path["contacts[].opening_hours"].example == "opening_hours: ['ma, ti, to klo 14–16', pe klo 13–15]"
    )


def test_inline_code_survives_backticks() -> None:
    assert inline_code("a: b") == "`a: b`"
    assert inline_code("x `y` z") == "``x `y` z``"
    assert inline_code("`y`") == "`` `y` ``"


def test_the_default_site_has_the_guide_and_the_reference(default_site: Path) -> None:
    guide = (default_site / "toimittajille" / "index.html").read_text(encoding="utf-8")
    assert "<h1" in guide and "Ohje toimittajille" in guide
    assert links_of(guide)["kenttäoppaassa"] == "kentat/"
    reference = (default_site / "toimittajille" / "kentat" / "index.html").read_text(encoding="utf-8")
    assert "<dt><code>access.routes</code></dt>" in reference
    home = (default_site / "index.html").read_text(encoding="utf-8")
    assert links_of(home)["Ohje toimittajille"] == "toimittajille/"


# --- "Ilmoita virheestä / ehdota muutosta" ---------------------------------------------


def test_without_a_repository_there_are_no_feedback_links(mini_project: Path, tmp_path: Path) -> None:
    build(mini_project, tmp_path / "site")
    page = (tmp_path / "site" / "palvelut" / "eka" / "index.html").read_text(encoding="utf-8")
    assert "Ilmoita virheestä" not in page
    assert "ehdota muutosta" not in page


@pytest.fixture
def with_repository(mini_project: Path) -> Path:
    config = mini_project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + f"repo_url: {REPO}\n", encoding="utf-8")
    return mini_project


def test_every_service_page_links_to_editing_and_reporting(with_repository: Path, tmp_path: Path) -> None:
    build(with_repository, tmp_path / "site")
    for service_id, name in (("eka", "Eka palvelu"), ("toka", "Toka palvelu")):
        page = (tmp_path / "site" / "palvelut" / service_id / "index.html").read_text(encoding="utf-8")
        assert "Huomasitko virheen?" in page
        links = links_of(page)
        assert links["ehdota muutosta"] == f"{REPO}/edit/main/catalogue/services/{service_id}.yml"
        report = urlsplit(links["Ilmoita virheestä"])
        assert f"{report.scheme}://{report.netloc}{report.path}" == f"{REPO}/issues/new"
        query = parse_qs(report.query)
        assert query["title"] == [f"Virhe tai muutosehdotus: {name}"]
        assert query["body"] == [
            f"Palvelu: {name}\nTiedosto: catalogue/services/{service_id}.yml\n\n"
            "Kerro, mikä tiedoissa on väärin tai mitä pitäisi muuttaa:\n"
        ]
