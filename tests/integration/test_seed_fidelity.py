"""The shipped catalogue says what its source documents say, as they say it.

Each restored text is read from the seed itself (``tests/fixtures/seeds/``, copies of
the documents the catalogue was transcribed from) and then looked for in the built
site; each claim the seeds do not make is looked for and must be gone. The texts
are compared after :func:`normal`, which undoes only what extracting the slides to
text did to them (line breaks, words hyphenated across lines, spaces before
punctuation), so a shortened or reworded text still fails.
developer-docs/catalogue-audit.md describes the audit these tests pin.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from generator.model.catalogue import Catalogue
from tests.helpers import PROJECT

SEEDS = PROJECT / "tests" / "fixtures" / "seeds"


def normal(text: str) -> str:
    """Text with the extraction's noise removed, the same way for a seed and a page."""
    text = text.replace("•", " ")
    # A hyphen at a line break is sometimes the word's own ("työ- ja", "oikea-aikaista")
    # and sometimes only the slide's ("seurustelu-kumppanilla"): drop every hyphen and the
    # space after it, on both sides, so either reads the same.
    text = re.sub(r"-\s*", "", text)
    text = re.sub(r"/\s+", "/", text)
    text = re.sub(r"\s+", " ", text)
    return re.sub(r"\s+([.,;:!?)])", r"\1", text).strip()


def seed(number: str) -> str:
    [path] = SEEDS.glob(f"{number}_*.txt")
    return path.read_text(encoding="utf-8")


class _Page(HTMLParser):
    """The visible text of a page, and the text of each list item and definition term."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.items: dict[str, list[str]] = {"li": [], "dt": []}
        self._open: dict[str, list[str]] = {}
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._hidden += 1
        if tag in self.items:
            self._open[tag] = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._hidden -= 1
        if tag in self.items and tag in self._open:
            self.items[tag].append(normal("".join(self._open.pop(tag))))

    def handle_data(self, data: str) -> None:
        if self._hidden:
            return
        self.parts.append(data)
        for parts in self._open.values():
            parts.append(data)


def page(site: Path, path: str) -> _Page:
    parser = _Page()
    parser.feed((site / path / "index.html").read_text(encoding="utf-8"))
    return parser


def page_text(site: Path, path: str) -> str:
    return normal("".join(page(site, path).parts))


@pytest.fixture(scope="module")
def exported(default_site: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((default_site / "avoin-data" / "palvelut.json").read_text("utf-8"))
    return data


def assert_restored(seed_number: str, passage: str, site: Path, path: str) -> None:
    assert normal(passage) in normal(seed(seed_number)), f"not the words of seed {seed_number}: {passage}"
    assert normal(passage) in page_text(site, path), f"{path} lacks the seed's text: {passage}"


# --- the deck's sections ---------------------------------------------------------------

#: The deck's (seed 002) sections: each one's heading, its intro's words, and the cards
#: under it in the deck's order (read from the deck; the test checks the catalogue
#: against this reading, and this reading against the deck's own text).
SECTIONS = [
    (
        "sosiaali-ja-terveyspalvelut",
        "Sosiaali- ja terveyspalvelut",
        None,
        [
            "Päijät-Sotesta löydät Päijät-Hämeen hyvinvointiyhtymän sosiaali- ja terveyspalvelut, jotka "
            "palvelevat kaikkia Päijät-Hämeen asukkaita (Asikkala, Hartola, Heinola, Hollola, Iitti, "
            "Kärkölä, Lahti, Myrskylä, Orimattila, Padasjoki, Pukkila ja Sysmä).",
            "Sosiaali- ja terveydenhuoltojärjestelmän perusta on valtion tuella toteutettu kunnallinen "
            "sosiaali- ja terveydenhuolto. Julkisen sektorin ohella palveluja tuotetaan yksityisissä "
            "yrityksissä. Suomessa toimii myös laaja sosiaali- ja terveysjärjestöjen kenttä, joka tuottaa "
            "sekä maksullisia että maksuttomia palveluja.",
        ],
        [],
    ),
    (
        "tyollistymisen-tuki",
        "Työllistymisen tuki",
        "sosiaali-ja-terveyspalvelut",
        [
            "Työllistymisen tuen palvelut ovat pitkäaikaistyöttömien, täsmätyökykyisten sekä "
            "kuntoutumisvaiheessa olevien henkilöiden työ- ja toimintakykyä tukevia palveluja, joihin "
            "ohjaudutaan palvelutarpeen arvion pohjalta asiakkaan kanssa yksilöllisesti laaditun "
            "palvelukokonaisuuden puitteissa.",
            "Työllistymisen tuen palvelujen tarkoituksena on tukea ja lisätä asiakkaiden hyvinvointia, "
            "elämänhallintaa sekä työ- ja toimintakykyä.",
            "Työllistymisen tuen palveluilla pyritään myös lisäämään asiakkaan ammatillista ja sosiaalista "
            "elämänlaatua, yhdenvertaisuutta ja osallisuutta.",
        ],
        [
            "tyollistymisen-tuki-sosiaalipalvelut",
            "sosiaalihuollon-omatyontekija",
            "kuntouttava-tyotoiminta",
            "vammaispalvelujen-tyohonvalmennus",
            "ryhmamuotoinen-tyollistyminen",
        ],
    ),
    (
        "tyokyvyn-tuki",
        "Työkyvyn tuki",
        "sosiaali-ja-terveyspalvelut",
        [
            "Toimenpiteet, joilla tuetaan työikäisten työssä jatkamista, työhön paluuta ja työllistymistä. "
            "Näitä palveluja ovat työpaikan, työvoimapalvelujen, terveydenhuollon, sosiaalipalvelujen, "
            "kuntoutuksen, koulutuksen sekä sosiaaliturvan keinot.",
            "Työkyvyn tuella edistetään ihmisten ja yhteisöjen selviytymistä omassa työ- ja "
            "toimintaympäristössään sekä pysymistä työ- ja toimintakykyisenä.",
        ],
        [
            "tyokyvyn-tuen-palvelut-sote-keskuksessa",
            "tyokykykoordinaattori",
            "tyottomien-terveydenhoitaja",
            "terveydenhuollon-sosiaaliohjaaja",
            "psykiatrinen-sairaanhoitaja",
            "paihdesairaanhoitaja",
            "fysioterapeutti",
            "toimintaterapeutti",
            "laakari",
            "sairaanhoitaja",
        ],
    ),
    (
        "tyokyvyn-ja-tyollistymisen-tuen-verkosto",
        "Työkyvyn ja työllistymisen tuen verkosto",
        None,
        [
            "Työelämään palaaminen tai työllistyminen ovat usein monivaiheisia prosesseja. joissa "
            "edistymisen tueksi tarvitaan erilaisia tukitoimia sekä toimijoita.",
            "Monialaisen verkostoitumisen ja yhteistyön avulla asiakas saa asiantuntevaa, oikea-aikaista "
            "ja sujuvaa palvelua yksilöllisiin tarpeisiinsa.",
            "Työkyvyn ja työllistymisen tuen verkostossa asiakkaan tukena toimivat sosiaali- ja "
            "terveyspalvelujen lisäksi mm. Kela, TE-palvelut, työllisyyden kuntakokeilut, "
            "työeläkelaitokset, työterveyshuolto sekä järjestöt ja hankkeet.",
        ],
        [
            "erikoissairaanhoito",
            "kela",
            "te-palvelut",
            "kuntien-tyollisyyspalvelut",
            "ohjaamo-lahti",
            "kuntakokeilu",
            "typ",
            "tyoelakelaitos",
            "tyoterveyshuolto",
            "yritykset-ja-tyonantajat",
            "jarjestot-yhdistykset-ja-hankkeet",
        ],
    ),
]


def _card_lines(deck: str, start: str, end: str) -> list[str]:
    """The deck's lines from the one starting with ``start`` up to the one starting with ``end``."""
    lines = [line.strip().casefold() for line in deck.splitlines()]
    first = next(i for i, line in enumerate(lines) if line.startswith(start.casefold()))
    last = next(i for i, line in enumerate(lines) if i > first and line.startswith(end.casefold()))
    return lines[first:last]


def _is_card_title(line: str, name: str) -> bool:
    """A card's title line: the name alone, or beside its link or its neighbour card's title."""
    name = name.casefold()
    return line == name or line.startswith(name + " ") or line.endswith(" " + name)


def test_the_deck_is_read_as_this_test_reads_it(default_catalogue: Catalogue) -> None:
    deck = seed("002")
    starts = [
        "• Työllistymisen tuen palvelut ovat",
        "• Toimenpiteet, joilla tuetaan",
        "• Työelämään palaaminen",
    ]
    ends = [*starts[1:], "Asiakkaiden palvelupolut"]
    for (_, name, _, intro, services), start, end in zip(SECTIONS[1:], starts, ends, strict=True):
        assert normal(intro[0]) in normal(deck)
        lines = _card_lines(deck, start, end)
        assert name.casefold() in lines, f"the deck has no heading {name!r} between {start!r} and {end!r}"
        for service_id in services:
            card = default_catalogue.services_by_id[service_id].name
            assert any(_is_card_title(line, card) for line in lines), f"{card!r} is not a card under {name!r}"


def test_the_sections_are_the_decks_with_its_intros(exported: dict[str, Any]) -> None:
    sections = {s["id"]: s for s in exported["sections"]}
    assert list(sections) == [section_id for section_id, *_ in SECTIONS]
    for section_id, name, parent, intro, services in SECTIONS:
        written = sections[section_id]
        assert (written["name"], written.get("parent"), written.get("services", [])) == (
            name,
            parent,
            services,
        )
        for passage in intro:
            assert normal(passage) in normal(seed("002")), passage
            assert normal(passage) in normal(written["intro"]), passage


def test_every_service_is_in_one_section(default_catalogue: Catalogue) -> None:
    for service in default_catalogue.services:
        assert default_catalogue.section_of(service) is not None, service.id
    listed = [s.id for section in default_catalogue.sections for s in section.services]
    assert sorted(listed) == sorted(s.id for s in default_catalogue.services)


# --- client cases (seed 000) --------------------------------------------------------------

RESTORED_CASES = [
    (
        "petri",
        "työn muokkaamisen vaihtoehtojen selvittäminen/työolosuhteiden kartoittaminen, "
        "ergonomia-asioiden kartoitus työpaikalla",
    ),
    ("petri", "tiedon päivittäminen lukivaikeuden osalta, neuropsykologin hyödyntäminen tarvittaessa"),
    (
        "petri",
        "Uraohjaus oppilaitoksessa, mm. työelämässä oppimisen haarukointi, uraohjaajan palvelut, "
        "koulutuskokeilu",
    ),
    ("petri", "Oman osaamisen haarukoiminen ja osaamisprofiilin työstäminen"),
    ("petri", "Koordinointi asioiden osalta"),
    ("mari", "Työttömien terveystarkastus ensin; terveysselvitys"),
    (
        "mari",
        "Nepsy-asioiden selvittely ja tarvittava hoito, lääkehoito, mahdolliseen kuntoutukseen lausunto",
    ),
    ("mari", "Kuntoutus nepsy-asioihin liittyen"),
    ("mari", "Etsivä nuorisotyö, jos ei ole mihinkään palveluun kiinnittynyt"),
    ("mari", "Starttipajan vetäjä"),
    ("jaakko", "Tuttu sosiaalityöntekijä"),
    ("jaakko", "Asiakas itse"),
    ("saara", "Työn etsintä"),
    ("saara", "Työnhaun neuvonta"),
    ("nadina", "Kansainvälisen OSKEn osaamiskartoitus"),
]


@pytest.mark.parametrize(("case", "passage"), RESTORED_CASES)
def test_a_cases_items_are_whole(default_site: Path, case: str, passage: str) -> None:
    assert normal(passage) in normal(seed("000")), passage
    items = page(default_site, f"ammattilaisille/asiakasesimerkit/{case}").items["li"]
    assert normal(passage) in items, f"no list item {passage!r} on {case}'s page"


def test_jaakkos_familiar_social_worker_is_not_made_adult_social_work(default_site: Path) -> None:
    # The seed names "Tuttu sosiaalityöntekijä" among Jaakko's helpers; "Aikuissosiaalityö"
    # (a service) is only where his need may be noticed, in a task, not a list item of its own.
    assert (
        "Aikuissosiaalityö" not in page(default_site, "ammattilaisille/asiakasesimerkit/jaakko").items["li"]
    )


def test_saaras_columns_are_kept_apart_where_the_extraction_allows(default_site: Path) -> None:
    # The extracted slide puts the two items right under "Palvelutarve Tuen tarve Tavoitteet";
    # the rest follow the Yhteistyö list without their headings, so they stay together.
    under_the_headings = "Palvelutarve Tuen tarve Tavoitteet\n• Työn löytäminen\n• Työn mukauttaminen"
    assert normal(under_the_headings) in normal(seed("000"))
    text = page_text(default_site, "ammattilaisille/asiakasesimerkit/saara")
    assert normal("Palvelutarve Työn löytäminen Työn mukauttaminen/työtehtävien muotoilu Tuen tarve") in text
    assert "Palvelutarve, tuen tarve" not in text


# --- paths, checklists, services ----------------------------------------------------------


def test_the_professional_view_keeps_the_seeds_heading(default_site: Path) -> None:
    assert_restored(
        "002",
        "Vastuuhenkilö: Sosiaalihuollon palveluissa asiakkaalla on aina omatyöntekijänä joko "
        "sosiaaliohjaaja tai sosiaalityöntekijä",
        default_site,
        "ammattilaisille/palvelupolut/laatukriteereihin-perustuva-tuettu-tyohonvalmennus",
    )


@pytest.mark.parametrize(
    ("checklist", "claim"),
    [
        ("onko-asiakkaalla", "alueen monialaisia palveluja ovat TYP ja TYM"),
        ("lieto-palvelutarpeen-tunnistaminen", "Päijät-Hämeessä vastaava tuki"),
    ],
)
def test_a_checklists_basis_says_only_what_the_seeds_say(
    default_site: Path, checklist: str, claim: str
) -> None:
    assert all(normal(claim) not in normal(seed(number)) for number in ("000", "001", "002", "003", "004"))
    assert normal(claim) not in page_text(default_site, f"ammattilaisille/tunnistaminen/{checklist}")


def test_the_tym_process_is_not_placed_in_paijat_hame(default_site: Path) -> None:
    # The checklist's basis may name TYM (seed 004) but not as the region's: 004 never says where it runs.
    assert "Päijät" not in seed("004") and "Lahti" not in seed("004")
    assert normal("monialaisen työllistymissuunnitelman laatiminen") in normal(seed("004"))
    text = page_text(default_site, "ammattilaisille/tunnistaminen/onko-asiakkaalla")
    assert normal("TYM-prosessissa (004) laaditaan monialainen työllistymissuunnitelma") in text


def test_kuntouttava_tyotoiminta_is_organised_by_the_municipality(
    exported: dict[str, Any], default_site: Path
) -> None:
    assert_restored(
        "002", "Kuntouttavan työtoiminnan järjestää kunta.", default_site, "palvelut/kuntouttava-tyotoiminta"
    )
    [service] = [s for s in exported["services"] if s["id"] == "kuntouttava-tyotoiminta"]
    assert service["provider"] == "kunnat"


def test_paijat_sote_is_the_hyvinvointiyhtyma_the_cards_name(
    exported: dict[str, Any], default_site: Path
) -> None:
    [paijat_sote] = [p for p in exported["providers"] if p["id"] == "paijat-sote"]
    assert paijat_sote["name"] == "Päijät-Hämeen hyvinvointiyhtymä (Päijät-Sote)"
    assert "Päijät-Hämeen hyvinvointiyhtymän" in seed("002")
    assert "hyvinvointialue (Päijät-Sote)" not in page_text(default_site, "palvelut/laakari")


def test_the_summary_routes_as_the_cards_do(default_site: Path) -> None:
    text = page_text(default_site, "palvelut/tyollistymisen-tuki-sosiaalipalvelut")
    assert "vammaispalvelujen työllistymistä tukevaan toimintaan, ohjaudutaan sosiaalihuollon" not in text
    assert normal("Palveluihin ohjaudutaan vammaispalvelujen asiakasohjauksen kautta.") in normal(seed("002"))
    assert normal("vammaispalvelujen työhönvalmennukseen vammaispalvelujen asiakasohjauksen kautta") in text


def test_slide_references_are_not_shown(default_site: Path) -> None:
    assert "Omatyöntekijän palvelukuvaus on diassa 1.1." in normal(seed("002"))
    assert "diassa" not in page_text(default_site, "palvelut/tyollistymisen-tuki-sosiaalipalvelut")


# --- the glossary -------------------------------------------------------------------------


def test_y100_was_also_fruitful(default_site: Path) -> None:
    assert_restored(
        "001",
        "Kelan yhteistyö on ollut mahdollista ja tuloksellista",
        default_site,
        "ammattilaisille/sanasto",
    )


#: Expansions that are general knowledge: no seed writes the term and its expansion together.
GENERAL = {"TE", "Kela", "TEAK", "nepsy", "tules", "sote", "THL", "STM", "SHL", "EHL", "Sovari", "HR"}
GENERAL |= {"asva", "Miepä", "Th", "tk-lääkäri", "s-loma"}


def test_general_knowledge_is_not_passed_off_as_a_seeds_words(default_catalogue: Catalogue) -> None:
    seeds = normal(" ".join(seed(n) for n in ("000", "001", "002", "003", "004"))).casefold()
    # Seed 003's extraction splits some words ("t ie"); spaces are ignored for it alone.
    seeds_unspaced = seeds.replace(" ", "")
    terms = {term.term: term for term in default_catalogue.professional.glossary}
    assert {t for t, term in terms.items() if term.general_knowledge} == GENERAL
    for term in terms.values():
        if term.expansion and not term.general_knowledge:
            expansion = normal(term.expansion).casefold()
            assert expansion in seeds or expansion.replace(" ", "") in seeds_unspaced, term.term


def test_terms_the_sources_do_not_explain_are_not_shown(
    default_site: Path, default_catalogue: Catalogue
) -> None:
    unexplained = {
        t.term for t in default_catalogue.professional.glossary if not (t.expansion or t.definition)
    }
    assert {"OSKE", "SILMU"} <= unexplained  # kept in glossary.yml for editors
    glossary = page(default_site, "ammattilaisille/sanasto")
    assert "Lähteissä ei ole selitystä" not in normal("".join(glossary.parts))
    assert not unexplained & set(glossary.items["dt"])
    assert "Kansaneläkelaitos" in normal("".join(glossary.parts))  # the explained ones are still there
