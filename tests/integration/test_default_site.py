"""The shipped Päijät-Häme catalogue, built as a user would, checked from its HTML."""

from __future__ import annotations

import json
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

from generator.model.catalogue import Catalogue


class _Cards(HTMLParser):
    """Collects the service cards (<article class="tarjotin-card" data-…>) of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.cards: list[dict[str, str]] = []
        self.headings: list[str] = []
        self._heading: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "article" and "tarjotin-card" in values.get("class", ""):
            self.cards.append(values)
        if tag in ("h2", "h3"):
            self._heading = ""

    def handle_data(self, data: str) -> None:
        if self._heading is not None:
            self._heading += data

    def handle_endtag(self, tag: str) -> None:
        if tag in ("h2", "h3") and self._heading is not None:
            self.headings.append(self._heading.strip())
            self._heading = None


def cards(page: Path) -> list[dict[str, str]]:
    parser = _Cards()
    parser.feed(page.read_text())
    return parser.cards


def headings(page: Path) -> list[str]:
    parser = _Cards()
    parser.feed(page.read_text())
    return parser.headings


def current(catalogue: Catalogue) -> list[str]:
    return [s.id for s in catalogue.services if not s.has_ended(date.today())]


def test_the_whole_tray_is_in_the_catalogue(default_catalogue: Catalogue) -> None:
    ids = {s.id for s in default_catalogue.services}
    assert len(ids) >= 24
    for expected in (
        "sosiaalihuollon-omatyontekija",
        "kuntouttava-tyotoiminta",
        "vammaispalvelujen-tyohonvalmennus",
        "ryhmamuotoinen-tyollistyminen",
        "tyokykykoordinaattori",
        "tyottomien-terveydenhoitaja",
        "terveydenhuollon-sosiaaliohjaaja",
        "psykiatrinen-sairaanhoitaja",
        "paihdesairaanhoitaja",
        "fysioterapeutti",
        "toimintaterapeutti",
        "laakari",
        "sairaanhoitaja",
        "erikoissairaanhoito",
        "kela",
        "te-palvelut",
        "kuntien-tyollisyyspalvelut",
        "ohjaamo-lahti",
        "kuntakokeilu",
        "typ",
        "tyoelakelaitos",
        "tyoterveyshuolto",
    ):
        assert expected in ids, expected
    assert [m.name for m in default_catalogue.municipalities] == [
        "Asikkala",
        "Hartola",
        "Heinola",
        "Hollola",
        "Iitti",
        "Kärkölä",
        "Lahti",
        "Myrskylä",
        "Orimattila",
        "Padasjoki",
        "Pukkila",
        "Sysmä",
    ]
    assert [t.name for t in default_catalogue.themes] == [
        "Kuntoutus",
        "Työllistyminen",
        "Elämänhallinta",
        "Hyvinvointi",
        "Koulutus",
        "Toimeentulo",
    ]


def test_every_service_page_has_its_sections(default_site: Path, default_catalogue: Catalogue) -> None:
    for service in default_catalogue.services:
        page = default_site / "palvelut" / service.id / "index.html"
        assert page.is_file(), service.id
        html = page.read_text()
        found = headings(page)
        assert "Mitä?" in found, service.id
        for field, heading in (("why", "Miksi?"), ("how", "Miten?"), ("for_whom", "Kenelle?")):
            assert (heading in found) == (getattr(service.entry, field) is not None), (service.id, heading)
        assert re.search(r"<h1[^>]*>", html)
        for theme in service.themes:
            assert f'href="../../teemat/{theme.id}/"' in html, (service.id, theme.id)
        for link in service.entry.links or []:
            assert link.url.replace("&", "&amp;") in html, (service.id, link.url)


def test_each_theme_page_lists_exactly_its_services(default_site: Path, default_catalogue: Catalogue) -> None:
    listed_somewhere: set[str] = set()
    for theme in default_catalogue.themes:
        page = default_site / "teemat" / theme.id / "index.html"
        listed = [card["data-service"] for card in cards(page)]
        expected = [
            s.id for s in default_catalogue.services_in_theme(theme) if s.id in current(default_catalogue)
        ]
        assert listed == expected, theme.id
        listed_somewhere.update(listed)
    themed = {s.id for s in default_catalogue.services if s.themes}
    assert listed_somewhere == themed & set(current(default_catalogue))


def test_municipality_pages(default_site: Path) -> None:
    def listed(municipality: str) -> set[str]:
        return {c["data-service"] for c in cards(default_site / "kunnat" / municipality / "index.html")}

    assert "kuntakokeilu" in listed("lahti")
    assert "kuntakokeilu" not in listed("heinola")
    assert "typ" in listed("lahti") and "typ" not in listed("hollola")
    assert "ohjaamo-lahti" in listed("lahti") and "ohjaamo-lahti" not in listed("sysma")
    assert "kela" in listed("heinola")  # region-wide services are on every municipality page


def test_the_filter_page_carries_what_the_filters_need(
    default_site: Path, default_catalogue: Catalogue
) -> None:
    page = default_site / "palvelut" / "index.html"
    html = page.read_text()
    found = {card["data-service"]: card for card in cards(page)}
    assert list(found) == current(default_catalogue)
    for service_id, card in found.items():
        service = default_catalogue.services_by_id[service_id]
        assert card["data-themes"].split() == [t.id for t in service.themes]
        assert card["data-municipalities"].split() == [m.id for m in service.municipalities]
        assert card["data-access"].split() == service.access_routes
    assert 'id="tarjotin-filters"' in html and 'aria-live="polite"' in html
    for theme in default_catalogue.themes:
        assert f'name="teema" value="{theme.id}"' in html
    for municipality in default_catalogue.municipalities:
        assert f'<option value="{municipality.id}">' in html
    for route in ("self", "referral", "decision"):
        assert f'name="paasy" value="{route}"' in html
    # Without JavaScript the form stays hidden and every service is listed.
    assert re.search(r'<form[^>]*id="tarjotin-filters"[^>]*hidden', html)


def test_home_page(default_site: Path, default_catalogue: Catalogue) -> None:
    html = (default_site / "index.html").read_text()
    for theme in default_catalogue.themes:
        assert f'href="teemat/{theme.id}/"' in html
    for municipality in default_catalogue.municipalities:
        assert f'href="kunnat/{municipality.id}/"' in html
    assert 'action="haku/"' in html


def test_further_reading_page(default_site: Path, default_catalogue: Catalogue) -> None:
    html = (default_site / "lisatietoa" / "index.html").read_text()
    for link_list in default_catalogue.further_reading:
        for link in link_list.links:
            assert f'href="{link.url.replace("&", "&amp;")}"' in html


def test_search_index_is_built_for_finnish(default_site: Path, default_catalogue: Catalogue) -> None:
    entry = json.loads((default_site / "pagefind" / "pagefind-entry.json").read_text())
    assert list(entry["languages"]) == ["fi"]
    assert entry["languages"]["fi"]["page_count"] == len(current(default_catalogue))


def test_search_page_works_without_javascript_and_loads_no_default_ui(
    default_site: Path, default_catalogue: Catalogue
) -> None:
    html = (default_site / "haku" / "index.html").read_text()
    # A real form that sends ?q= to the page itself, with a visible label.
    assert re.search(r'<form[^>]*action="\./"[^>]*role="search"', html)
    assert '<label for="tarjotin-search-q">Hae palvelua</label>' in html
    assert re.search(r'<input id="tarjotin-search-q" name="q" type="search"', html)
    # The theme filter, one checkbox per theme whose value Pagefind filters on: there from the
    # first paint (no layout shift when Pagefind arrives), hidden without JavaScript.
    assert '<fieldset class="tarjotin-search__filter">' in html
    assert "<noscript><style>.tarjotin-search__filter { display: none; }" in html
    for theme in default_catalogue.themes:
        assert f'value="{theme.id}" data-filter="{theme.name}"' in html
    assert 'role="status"' in html and "<noscript>" in html
    # The site's own UI on Pagefind's JS API: Pagefind's default UI is never referenced.
    assert "pagefind-ui" not in html
    assert "pagefind-ui" not in (default_site / "assets" / "javascripts" / "search.js").read_text()
    for css in (default_site / "assets" / "stylesheets").glob("*.css"):
        assert ".pagefind-ui" not in css.read_text(), css.name


def test_every_page_footer_links_the_statement_about_and_editors_pages(default_site: Path) -> None:
    for page, up in (("index.html", ""), ("palvelut/kela/index.html", "../../")):
        html = (default_site / page).read_text()
        footer = html[html.index('class="tarjotin-footer-links"') :]
        footer = footer[: footer.index("</ul>")]
        assert re.findall(r'href="([^"]+)"', footer) == [
            f"{up}saavutettavuusseloste/",
            f"{up}tietoa/",
            f"{up}toimittajille/",
        ]


def test_theme_templates_do_not_scan_every_page() -> None:
    """A loop over `pages` in a template runs on every page: the build turns quadratic.

    The footer once looked its three links up that way; at 5,000 services it cost
    9 s of a 60 s build. Such lookups belong in the plugin, done once (``on_env``).
    """
    overrides = Path(__file__).parents[2] / "theme_overrides"
    for template in overrides.rglob("*.html"):
        assert not re.search(r"\bin\s+pages\b", template.read_text()), template
