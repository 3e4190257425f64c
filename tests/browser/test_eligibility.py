"""'Sopiiko asiakkaalle?' in a real browser, driven by the client examples' own facts.

Each profile is what a professional would know from the case text (catalogue/
professional/cases/, seeds 000 and 004) and nothing more; the expected classes are
those of the services the case names, plus services whose limits the facts decide.
The classification runs only in eligibility.js, so these tests are its tests.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Browser, Page, Request, expect

from tests.browser.a11y import PHONE, axe_violations, describe

pytestmark = pytest.mark.browser

CHECK = "/ammattilaisille/sopiiko-asiakkaalle/"


@dataclass
class Profile:
    """What the case text says, and the classes it should give."""

    name: str
    age: int
    conditions: list[str] = field(default_factory=list)
    expected: dict[str, str] = field(default_factory=dict)


PROFILES = [
    # 23v, lievä kehitysvamma, valmistunut; the case names Kela and järjestöt, whose
    # texts state no criteria: never a yes. Her age fits Ohjaamo and Kuntakokeilu.
    Profile(
        "Saara",
        23,
        expected={
            "kela": "unknown",
            "jarjestot-yhdistykset-ja-hankkeet": "unknown",
            "ohjaamo-lahti": "maybe",
            "kuntakokeilu": "maybe",
        },
    ),
    # 20v, "Ei ole työllistynyt", Palvelutarve: Kuntakokeilu.
    Profile(
        "Mari",
        20,
        ["työtön"],
        {
            "kuntakokeilu": "maybe",
            "kuntouttava-tyotoiminta": "maybe",
            "kela": "unknown",
            "tyottomien-terveydenhoitaja": "meets",
            "ohjaamo-lahti": "maybe",
        },
    ),
    # 53v yrittäjä: not unemployed, so nothing about it is ticked.
    Profile(
        "Petri",
        53,
        expected={
            "laakari": "maybe",
            "fysioterapeutti": "unknown",
            "kela": "unknown",
            "ohjaamo-lahti": "fails",
            "kuntouttava-tyotoiminta": "maybe",
        },
    ),
    # 27v; the TYM case works "yhdessä työttömän kanssa".
    Profile(
        "Maija",
        27,
        ["työtön"],
        {
            "kela": "unknown",
            "tyottomien-terveydenhoitaja": "meets",
            "laakari": "maybe",
            "kuntouttava-tyotoiminta": "maybe",
            "ohjaamo-lahti": "maybe",
        },
    ),
    # 35v, "Ilmoittautuu työttömäksi työnhakijaksi", Syyriasta, suomea auttavasti.
    Profile(
        "Nadina",
        35,
        [
            "työtön",
            "työtön työnhakija",
            "työttömänä, lomautettuna, työllistettynä olevana tai työllistämistä edistävässä "
            "palvelussa olevana työnhakijana",
            "äidinkielenä on muu kuin suomi, ruotsi tai saame tai on muu kuin suomen kansalaisuus",
        ],
        {
            "tyottomien-terveydenhoitaja": "meets",
            "laakari": "maybe",
            "fysioterapeutti": "unknown",
            "jarjestot-yhdistykset-ja-hankkeet": "unknown",
            "kuntakokeilu": "maybe",
        },
    ),
    # 55v, "Lehtitalosta irtisanottu".
    Profile(
        "Tiina",
        55,
        ["työtön"],
        {
            "tyottomien-terveydenhoitaja": "meets",
            "te-palvelut": "unknown",
            "tyoterveyshuolto": "unknown",
            "ohjaamo-lahti": "fails",
        },
    ),
]


def classes(page: Page) -> dict[str, str]:
    return page.eval_on_selector_all(
        "#tarjotin-check-results [data-service-id]",
        "items => Object.fromEntries(items.map(i => [i.dataset.serviceId, i.dataset.class]))",
    )


def reasons(page: Page, service_id: str) -> str:
    return page.locator(f"#tarjotin-check-results [data-service-id='{service_id}']").inner_text()


def to_check(page: Page, service_id: str) -> list[str]:
    """The lines under "Tarkista:" of one service's result."""
    return page.eval_on_selector_all(
        f"#tarjotin-check-results [data-service-id='{service_id}'] .tarjotin-check__reasons",
        """boxes => boxes
            .filter(b => b.querySelector('p').textContent === 'Tarkista:')
            .flatMap(b => [...b.querySelectorAll('li')].map(li => li.textContent))""",
    )


def fill_profile(page: Page, profile: Profile) -> None:
    page.get_by_label("Ikä (vuotta)").fill(str(profile.age))
    for condition in profile.conditions:
        page.get_by_label(condition, exact=True).check()


@pytest.mark.parametrize("profile", PROFILES, ids=lambda p: p.name)
def test_the_client_examples_get_the_classes_of_their_services(
    page: Page, site_url: str, profile: Profile
) -> None:
    requests: list[Request] = []
    page.goto(site_url + CHECK)
    page.wait_for_load_state("networkidle")
    page.on("request", lambda request: requests.append(request))
    fill_profile(page, profile)
    found = classes(page)
    assert {service: found.get(service) for service in profile.expected} == profile.expected
    # Ended services are not offered (Työkykykoordinaattori ended in 2023).
    assert "tyokykykoordinaattori" not in found
    # Every class says why, and links to the service's own Kenelle? text.
    for service, cls in profile.expected.items():
        item = page.locator(f"#tarjotin-check-results [data-service-id='{service}']")
        text = item.inner_text()
        if cls == "meets":
            assert "Täyttää ehdot" in text and "Täyttyy:" in text
        elif cls == "maybe":
            assert "Saattaa sopia – tarkista" in text and "Tarkista:" in text
        elif cls == "fails":
            assert "Ei täytä" in text and "Ei täyty:" in text
        else:
            assert "Lähde ei kerro ehtoja" in text and "Täyttyy:" not in text
        link = item.get_by_role("link", name="Lue palvelun oma Kenelle?-teksti")
        assert link.get_attribute("href", timeout=1000).startswith(f"../../palvelut/{service}/")
    # Nothing typed leaves the browser or is stored: the answers are only in the address.
    # (Chromium fetches the favicon again when the address changes: a plain GET of the site.)
    assert [r.url for r in requests if r.method != "GET" or urlsplit(r.url).query] == []
    assert {r.url for r in requests} <= {f"{site_url}/assets/images/favicon.png"}
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0
    assert parse_qs(urlsplit(page.url).query)["ika"] == [str(profile.age)]


def test_the_reasons_are_the_datas_own_words(page: Page, site_url: str) -> None:
    page.goto(site_url + CHECK)
    fill_profile(page, PROFILES[2])  # Petri, 53
    assert "15–29-vuotiaille (ikä 53 v)" in reasons(page, "ohjaamo-lahti")
    ktt = reasons(page, "kuntouttava-tyotoiminta")
    assert "työtön" in ktt and "25 vuotta täyttänyt, työmarkkinatukeen oikeutettu" in ktt
    assert "(tarkista: etuus)" in ktt
    # Nadina's facts leave only her home municipality to check for Kuntakokeilu …
    page.goto(site_url + CHECK)
    fill_profile(page, PROFILES[4])
    assert to_check(page, "kuntakokeilu") == [
        "saatavilla: Lahti, Asikkala, Hollola, Kärkölä, Orimattila (kotikunta)"
    ]
    # … which decides it either way.
    page.get_by_label("Kotikunta").select_option("orimattila")
    assert classes(page)["kuntakokeilu"] == "meets"
    page.get_by_label("Kotikunta").select_option("heinola")
    assert classes(page)["kuntakokeilu"] == "fails"
    assert "(kotikunta Heinola)" in reasons(page, "kuntakokeilu")
    assert classes(page)["typ"] == "fails" and classes(page)["kela"] == "unknown"


def test_benefits_months_and_days(page: Page, site_url: str) -> None:
    """TYP: a Lahti resident qualifies by 300 days of työmarkkinatuki or by months unemployed."""
    page.goto(site_url + CHECK)
    page.get_by_label("Ikä (vuotta)").fill("30")
    page.get_by_label("Kotikunta").select_option("lahti")
    for condition in (
        "työtön",
        "työllistymiseen vaikuttavia työ- ja toimintakyvyn tai elämänhallinnan haasteita",
        "työllistymisen tai opiskelun näkymä noin kahden vuoden sisällä",
    ):
        page.get_by_label(condition, exact=True).check()
    assert classes(page)["typ"] == "maybe"
    page.get_by_label("ansiopäiväraha").check()
    page.get_by_label("Työttömänä yhtäjaksoisesti (kuukautta)").fill("3")
    assert classes(page)["typ"] == "fails"
    assert "Mikään vaihtoehtoisista ehdoista ei täyty" in reasons(page, "typ")
    assert "(etuus: ansiopäiväraha)" in reasons(page, "typ")
    page.get_by_label("Työttömänä yhtäjaksoisesti (kuukautta)").fill("12")
    assert classes(page)["typ"] == "meets"
    page.get_by_label("Työttömänä yhtäjaksoisesti (kuukautta)").fill("")
    page.get_by_label("työmarkkinatuki").check()
    page.get_by_label("Etuutta saatu (päivää)").fill("300")
    assert classes(page)["typ"] == "meets"
    # "ei mitään näistä" and a benefit exclude each other; with no benefit the
    # benefit-based criteria fail (Kuntakokeilu's others remain).
    page.get_by_label("ei mitään näistä").check()
    assert not page.get_by_label("työmarkkinatuki").is_checked()
    assert classes(page)["kuntouttava-tyotoiminta"] == "fails"
    assert classes(page)["typ"] == "maybe"  # 300 days of what? No benefit, months unknown.


def test_a_colleague_opens_the_same_check(browser: Browser, site_url: str) -> None:
    first = browser.new_context(locale="fi-FI").new_page()
    first.goto(site_url + CHECK)
    fill_profile(first, PROFILES[4])
    first.get_by_label("Kotikunta").select_option("lahti")
    address = first.url
    expected = classes(first)
    first.context.close()
    assert "kunta=lahti" in address and "ika=35" in address
    second = browser.new_context(locale="fi-FI").new_page()
    try:
        second.goto(address)
        expect(second.get_by_label("Ikä (vuotta)")).to_have_value("35")
        expect(second.get_by_label("työtön", exact=True)).to_be_checked()
        assert classes(second) == expected
        assert expected["kuntakokeilu"] == "meets"
    finally:
        second.context.close()


@pytest.mark.parametrize("width", [PHONE["width"], 1280])
def test_the_check_with_results_has_no_wcag_violations(browser: Browser, site_url: str, width: int) -> None:
    context = browser.new_context(locale="fi-FI", viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        page.goto(site_url + CHECK)
        fill_profile(page, PROFILES[5])  # Tiina
        assert set(classes(page).values()) == {"meets", "maybe", "fails", "unknown"}
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        assert describe(axe_violations(page)) == []
    finally:
        context.close()


def test_without_javascript_the_check_says_what_it_needs(browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(site_url + CHECK)
        message = page.locator("noscript p")
        expect(message).to_be_visible()
        expect(message).to_contain_text("Tarkistus tarvitsee JavaScriptin.")
        expect(page.locator("#tarjotin-check")).to_be_hidden()
    finally:
        context.close()
