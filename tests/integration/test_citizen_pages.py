"""The citizens' pages of the shipped site, from its HTML: every service findable through the
tray's sections, no empty label or dead end, each fact once, abbreviations written out, a
next step and a freshness line on every service page, the tray printed once by section."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.model.catalogue import Catalogue, Service
from generator.render.glossary import expansions
from generator.render.link_text import link_text

#: Elements that have no end tag.
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    children: list[Element | str] = field(default_factory=list)

    @property
    def classes(self) -> list[str]:
        return self.attrs.get("class", "").split()

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def plain(self) -> str:
        return " ".join(self.text().split())

    def iter(self) -> list[Element]:
        found = [self]
        for child in self.children:
            if isinstance(child, Element):
                found += child.iter()
        return found

    def find_all(self, tag: str | None = None, css_class: str | None = None) -> list[Element]:
        return [
            e
            for e in self.iter()
            if (tag is None or e.tag == tag) and (css_class is None or css_class in e.classes)
        ]

    def find(self, tag: str | None = None, css_class: str | None = None) -> Element:
        found = self.find_all(tag, css_class)
        assert found, f"no <{tag or '*'} class={css_class}>"
        return found[0]


class _Tree(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(element)
        if tag not in _VOID:
            self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def content(site: Path, served: str) -> Element:
    """The page's content (Material's ``<article>``), parsed."""
    parser = _Tree()
    parser.feed((site / served / "index.html").read_text(encoding="utf-8"))
    return parser.root.find("article", "md-content__inner")


def current(catalogue: Catalogue) -> list[Service]:
    return [s for s in catalogue.services if not s.has_ended(date.today())]


def hrefs(element: Element) -> list[str]:
    return [a.attrs["href"] for a in element.find_all("a") if "href" in a.attrs]


def served(base: str, href: str) -> str:
    """Where a relative link on the page served at ``base`` leads, from the site root."""
    parts = [p for p in base.strip("/").split("/") if p]
    for part in href.split("#")[0].split("/"):
        if part == "..":
            parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    return "/".join(parts)


# --- every service findable ----------------------------------------------------------


def test_every_current_service_is_two_taps_from_home_through_the_sections(
    default_site: Path, default_catalogue: Catalogue
) -> None:
    home = content(default_site, "")
    listed = home.find("div", "tarjotin-section-links")
    sections = {served("", href) for href in hrefs(listed)}
    assert sections == {f"osiot/{s.id}" for s in default_catalogue.sections}
    reached = set()
    for section in sections:
        for href in hrefs(content(default_site, section)):
            target = served(section, href)
            if target.startswith("palvelut/"):
                reached.add(target.removeprefix("palvelut/"))
    assert {s.id for s in current(default_catalogue)} <= reached
    # Services the source gives no theme are found this way too.
    assert {"psykiatrinen-sairaanhoitaja", "laakari", "jarjestot-yhdistykset-ja-hankkeet"} <= reached


def test_a_section_page_has_its_intro_as_written_and_its_services_in_order(
    default_site: Path, default_catalogue: Catalogue
) -> None:
    for section in default_catalogue.sections:
        page = content(default_site, f"osiot/{section.id}")
        assert page.find("h1").plain() == section.name
        # As written, but for the abbreviations written out where the page first uses them.
        intro = page.find("div", "tarjotin-section__intro").plain()
        for term, expansion in expansions(default_catalogue.professional.glossary).items():
            intro = intro.replace(f"{term} ({expansion})", term)
        words = " ".join(re.sub(r"^\s*- ", "", section.entry.intro or "", flags=re.M).split())
        assert intro == words, section.id
        cards = [c.attrs["data-service-id"] for c in page.find_all("article", "tarjotin-card")]
        own = [s.id for s in section.services if s in current(default_catalogue)]
        children = [s.id for c in section.children for s in c.services if s in current(default_catalogue)]
        assert cards == own + children, section.id
        if section.parent is not None:
            assert f"../{section.parent.id}/" in hrefs(page)


def test_home_shows_the_sections_and_the_tiles_say_how_many_services_a_theme_has(
    default_site: Path, default_catalogue: Catalogue
) -> None:
    home = content(default_site, "")
    tiles = {t.find("a").plain(): t.plain() for t in home.find("div", "tarjotin-themes").find_all("li")}
    assert "Palveluita: 3" in tiles["Kuntoutus"]
    # Koulutus has no services: its tile says so instead of looking like the others.
    assert "Teemaan ei vielä ole palveluita." in tiles["Koulutus"] and "Palveluita" not in tiles["Koulutus"]
    sections = home.find("div", "tarjotin-section-links").plain()
    for section in default_catalogue.sections:
        assert section.name in sections


def test_a_theme_without_services_is_no_dead_end(default_site: Path, default_catalogue: Catalogue) -> None:
    page = content(default_site, "teemat/koulutus")
    text = page.plain()
    assert "Tähän teemaan ei tällä hetkellä ole palveluita." in text
    links = hrefs(page)
    for section in default_catalogue.sections:
        assert f"../../osiot/{section.id}/" in links
    [reading] = [r for r in default_catalogue.further_reading if r.theme == "koulutus"]
    for item in reading.links:
        assert item.url.replace("&", "&amp;") in links or item.url in links
    # Link texts are the titles made readable, not the raw page titles.
    assert "Kiipula – etusivu" in text and "Etusivu - Kiipula" not in text


def test_no_label_is_shown_without_its_value(default_site: Path, default_catalogue: Catalogue) -> None:
    for path in (
        "palvelut",
        "teemat/tyollistyminen",
        "kunnat/lahti",
        *(f"osiot/{s.id}" for s in default_catalogue.sections),
    ):
        for card in content(default_site, path).find_all("article", "tarjotin-card"):
            meta = " ".join(p.plain() for p in card.find_all("p", "tarjotin-card__meta"))
            assert not re.search(r"\w+:\s*(·|$)", meta), (path, meta)
    for service in default_catalogue.services:
        page = content(default_site, f"palvelut/{service.id}")
        chips = page.find_all("ul", "tarjotin-chips")
        assert bool(chips) == bool(service.themes), service.id
        for term in page.find_all("dd"):
            assert term.plain(), service.id


def test_a_municipality_page_groups_its_services_by_section_in_compact_cards(
    default_site: Path, default_catalogue: Catalogue
) -> None:
    page = content(default_site, "kunnat/lahti")
    in_cards = {id(h) for card in page.find_all("article", "tarjotin-card") for h in card.iter()}
    headings = [h.plain() for h in page.find_all() if h.tag in ("h2", "h3") and id(h) not in in_cards]
    assert headings == [s.name for s in default_catalogue.sections]
    cards = page.find_all("article", "tarjotin-card--compact")
    ids = [c.attrs["data-service-id"] for c in cards]
    lahti = next(m for m in default_catalogue.municipalities if m.id == "lahti")
    expected = [
        s for s in default_catalogue.services_in_municipality(lahti) if s in current(default_catalogue)
    ]
    assert sorted(ids) == sorted(s.id for s in expected) and len(ids) == len(set(ids))
    # A compact card is the name and the summary; only a local service says where it is.
    typ = cards[ids.index("typ")].plain()
    assert "Vain Lahti" in typ and "Teemat" not in typ
    assert "Vain" not in cards[ids.index("kela")].plain()
    # The groups are listed first, each a link to its heading.
    jump = page.find("nav", "tarjotin-section-jump")
    assert hrefs(jump) == [f"#{s.id}" for s in default_catalogue.sections]


def test_a_shared_filtered_link_says_what_it_shows_without_javascript(default_site: Path) -> None:
    html = (default_site / "palvelut" / "index.html").read_text(encoding="utf-8")
    [note] = re.findall(r"<noscript>(.*?)</noscript>", html, re.S)
    assert "Palvelujen rajaus toimii vain, kun JavaScript on käytössä" in note
    assert 'href="../teemat/"' in note and 'href="../kunnat/"' in note


# --- every page clear -------------------------------------------------------------------


def body(site: Path, service: Service) -> Element:
    return content(site, f"palvelut/{service.id}").find("div", "tarjotin-service")


def test_routes_read_as_alternatives_and_contradict_nothing(
    default_site: Path, default_catalogue: Catalogue
) -> None:
    typ = body(default_site, default_catalogue.services_by_id["typ"])
    facts = typ.find("div", "tarjotin-facts").plain()
    assert "Palveluun pääsee ottamalla itse yhteyttä tai ammattilaisen ohjaamana." in facts
    assert "Tarvitset ohjauksen tai lähetteen" not in typ.plain()
    # The source's sentence on getting in is said once, where the source says it.
    work = body(default_site, default_catalogue.services_by_id["kuntouttava-tyotoiminta"]).plain()
    assert work.count("Palveluun pääsemiseksi tarvitaan sosiaalihuollon omatyöntekijän päätös.") == 1
    assert work.count("Palveluun pääsee palvelupäätöksellä.") == 1


def test_structured_eligibility_is_the_professionals_collapsed_view(
    default_site: Path, default_catalogue: Catalogue
) -> None:
    for service in default_catalogue.services:
        page = body(default_site, service)
        details = page.find_all("details", "tarjotin-professional-view")
        eligibility = [
            h for h in page.find_all() if h.tag in ("h2", "h3") and h.plain() == "Kuka voi käyttää palvelua"
        ]
        for heading in eligibility:
            assert details and heading in details[0].iter(), service.id
        if details:
            assert details[0].find("summary").plain() == "Ammattilaiselle"
            assert "open" not in details[0].attrs


#: Where a source is named in the material's own shorthand (seed numbers, "Perustelu").
PROVENANCE = re.compile(r"aineisto \d|Lähteen \(\d|Perustelu:|\b00[0-4]\b")


def test_no_provenance_text_on_service_pages(default_site: Path, default_catalogue: Catalogue) -> None:
    found = {
        s.id: m[0]
        for s in default_catalogue.services
        if (m := PROVENANCE.search(body(default_site, s).plain()))
    }
    assert found == {}


def test_abbreviations_are_written_out_once_and_never_marked_up(
    default_site: Path, default_catalogue: Catalogue
) -> None:
    written = expansions(default_catalogue.professional.glossary)
    for page in default_site.rglob("index.html"):
        html = page.read_text(encoding="utf-8")
        assert "<abbr" not in html, page
    kela = content(default_site, "palvelut/kela")
    assert kela.find("p", "tarjotin-lead").plain().startswith("Kela (Kansaneläkelaitos) järjestää")
    assert kela.plain().count("(Kansaneläkelaitos)") == 1
    for service in default_catalogue.services:
        page = content(default_site, f"palvelut/{service.id}")
        text = page.plain()
        for term, expansion in written.items():
            assert text.count(f"({expansion})") + text.count(f"({term}: {expansion})") <= 1, (
                service.id,
                term,
            )
        for heading in page.find_all():
            if heading.tag in ("h1", "h2", "h3", "h4"):
                assert not any(f"({e})" in heading.plain() for e in written.values()), heading.plain()
    # The TYP page's own name writes TYP out: its text does not do it again.
    typ = content(default_site, "palvelut/typ").plain()
    assert "TYP (Työllistymistä edistävä monialainen yhteispalvelu)" not in typ
    assert "TE-asiantuntijan (TE: työ- ja elinkeino-)" in typ
    # The glossary page lists every term as it is, nothing written out twice.
    glossary = content(default_site, "ammattilaisille/sanasto").plain()
    assert "Kela (Kansaneläkelaitos)" not in glossary and "Kansaneläkelaitos" in glossary


def test_link_texts_are_readable_and_never_run_together(
    default_site: Path, default_catalogue: Catalogue
) -> None:
    for service in default_catalogue.services:
        page = body(default_site, service)
        shown = {a.attrs.get("href"): a.plain() for a in page.find_all("a")}
        for item in service.entry.links or []:
            assert link_text(item.title) in shown.values(), (service.id, item.title)
        for paragraph in page.find_all("p"):
            parts = paragraph.children
            for i in range(len(parts) - 2):
                first, gap, second = parts[i : i + 3]
                links = [isinstance(p, Element) and p.tag == "a" for p in (first, second)]
                assert not (all(links) and isinstance(gap, str) and not gap.strip()), service.id
    typ = body(default_site, default_catalogue.services_by_id["typ"]).plain()
    assert "Päijät-Hämeen TYP - Päijät-Sote, Työllistymistä edistävä" in typ


# --- a next step on every page -----------------------------------------------------------


def test_every_service_page_ends_with_a_next_step_and_says_how_fresh_it_is(
    default_site: Path, default_catalogue: Catalogue
) -> None:
    region = default_catalogue.region.site
    assert region.source is not None and region.guidance_link is not None
    for service in default_catalogue.services:
        page = body(default_site, service)
        step = page.find("section", "tarjotin-next-step")
        assert step.find("h2").plain() == "Seuraava askel"
        links = hrefs(step)
        assert links, service.id
        freshness = page.find("p", "tarjotin-freshness").plain()
        if service.entry.last_reviewed:
            assert freshness.startswith("Tiedot tarkistettu"), service.id
        else:
            assert freshness == (
                "Tiedot ovat aineistosta Työkyvyn ja työllistymisen tuen palvelutarjotin (2023), "
                "eikä niitä ole tarkistettu sen jälkeen."
            ), service.id
        # The region's guidance comes last, unless the service's own links lead there already.
        own = [link.url for link in service.entry.links or []]
        if region.guidance_link.url not in own and not service.has_ended(date.today()):
            assert links[-1] == region.guidance_link.url, service.id
    home = content(default_site, "").find("p", "tarjotin-freshness").plain()
    assert home == (
        "Palvelujen tiedot ovat aineistosta Työkyvyn ja työllistymisen tuen palvelutarjotin (2023), "
        "eikä niitä ole tarkistettu sen jälkeen."
    )


def test_the_next_step_is_built_from_the_data_in_order(
    default_site: Path, default_catalogue: Catalogue
) -> None:
    services = default_catalogue.services_by_id
    guidance = default_catalogue.region.site.guidance_link
    assert guidance is not None
    # Who makes the referral is linked to that service: "Lääkärin lähetteellä" → Lääkäri.
    nurse = body(default_site, services["psykiatrinen-sairaanhoitaja"]).find("section", "tarjotin-next-step")
    assert hrefs(nurse) == ["https://paijat-sote.fi/", "../laakari/", guidance.url]
    assert "Palveluun voi ohjata: Lääkäri" in nurse.plain()
    # Who decides, the service's own links before it, the provider first.
    work = body(default_site, services["kuntouttava-tyotoiminta"]).find("section", "tarjotin-next-step")
    assert hrefs(work) == [
        *(link.url for link in services["kuntouttava-tyotoiminta"].entry.links or []),
        "../sosiaalihuollon-omatyontekija/",
        guidance.url,
    ]
    assert "Päätöksen tekee: Sosiaalihuollon omatyöntekijä" in work.plain()
    # Contacts first, where the data has them; none is made up.
    coaching = body(default_site, services["vammaispalvelujen-tyohonvalmennus"]).find(
        "section", "tarjotin-next-step"
    )
    assert coaching.plain().startswith("Seuraava askel Yhteystiedot Vesku-aukio, Trion Palvelutori")
    assert not [
        s.id
        for s in default_catalogue.services
        if "tel:" in str(hrefs(body(default_site, s))) and not any(c.phone for c in s.entry.contacts or [])
    ]
    # Related services still on offer follow, ended ones do not.
    sote = body(default_site, services["tyokyvyn-tuen-palvelut-sote-keskuksessa"]).find(
        "section", "tarjotin-next-step"
    )
    assert "../tyokykykoordinaattori/" not in hrefs(sote) and "../laakari/" in hrefs(sote)


def test_the_service_page_and_every_card_carry_the_service_id(
    default_site: Path, default_catalogue: Catalogue
) -> None:
    for service in default_catalogue.services:
        assert body(default_site, service).attrs["data-service-id"] == service.id
    for path in ("palvelut", "teemat/kuntoutus", "kunnat/lahti", "osiot/tyokyvyn-tuki"):
        cards = content(default_site, path).find_all("article", "tarjotin-card")
        assert cards and all(c.attrs.get("data-service-id") == c.attrs["data-service"] for c in cards)


# --- print ---------------------------------------------------------------------------------


def test_the_tray_prints_each_service_once_by_section(
    default_site: Path, default_catalogue: Catalogue
) -> None:
    tray = content(default_site, "tulosta")
    names = [h.plain() for h in tray.find_all("h3")]
    assert sorted(names) == sorted(s.name for s in current(default_catalogue))
    sections = [h.plain() for h in tray.find_all("h2")]
    assert sections == [s.name for s in default_catalogue.sections]
    assert len(tray.find_all("section", "tarjotin-tray-section")) == len(
        [s for s in default_catalogue.sections if s.parent is None]
    )
    text = tray.plain()
    for section in default_catalogue.sections:
        first = (section.entry.intro or "").lstrip("- ").split("\n")[0].strip()
        assert first in text, section.id
    # Each link once: a link the service's text already has is not listed again.
    typ = next(
        s for s in tray.find_all("article", "tarjotin-tray-service") if s.find("h3").plain().endswith("TYP")
    )
    for link in default_catalogue.services_by_id["typ"].entry.links or []:
        assert hrefs(typ).count(link.url) == 1


@pytest.mark.parametrize("word", ["Teemat:", "Muut palvelut"])
def test_the_tray_repeats_no_theme_grouping(default_site: Path, word: str) -> None:
    assert word not in content(default_site, "tulosta").plain()
