"""The client's service list in a real browser: add, keep, print, share.

Services are added from a service page, a theme page's cards and the professionals'
table; the list survives a reload, prints to one A4 page for three services with
QR codes that decode to each service's main link, and its share link opens the
same list in a fresh browser. Nothing the list holds is sent anywhere.
"""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pypdfium2
import pytest
import zxingcpp
from playwright.sync_api import Browser, Page, Request, expect

from tests.browser.a11y import ARTIFACTS, PHONE, axe_violations, describe

pytestmark = pytest.mark.browser

LIST = "/ammattilaisille/asiakkaan-palvelulista/"
THREE = ["kela", "kuntouttava-tyotoiminta", "typ"]
KEY = "tarjotin.palvelulista"


def header_count(page: Page) -> str:
    return page.locator("#tarjotin-header-list .tarjotin-header__list-count").text_content() or ""


def listed(page: Page) -> list[str]:
    return page.eval_on_selector_all(
        "#tarjotin-client-list-services li[data-service]", "items => items.map(i => i.dataset.service)"
    )


def list_data(page: Page) -> dict[str, dict[str, object]]:
    data = json.loads(page.locator("#tarjotin-client-list-data").text_content() or "{}")
    return {service["id"]: service for service in data["services"]}


def store(page: Page, site_url: str, ids: list[str], notes: dict[str, str], note: str = "") -> None:
    page.goto(site_url + "/")
    page.evaluate(
        "([key, list]) => localStorage.setItem(key, JSON.stringify(list))",
        [KEY, {"ids": ids, "notes": notes, "note": note}],
    )


def test_add_from_three_kinds_of_page_and_keep_the_list(page: Page, site_url: str) -> None:
    page.goto(site_url + "/palvelut/kela/")
    page.wait_for_load_state("networkidle")
    requests: list[Request] = []
    page.on("request", lambda request: requests.append(request))
    expect(page.locator("#tarjotin-header-list")).to_be_hidden()
    page.locator("[data-service-id='kela']").get_by_role("button", name="Lisää palvelulistalle").click()
    expect(page.locator("#tarjotin-header-list")).to_be_visible()
    assert header_count(page) == "1 palvelua"
    toggle = page.locator("[data-service-id='kela']").get_by_role("button", name="Poista palvelulistalta")
    expect(toggle).to_be_visible()

    page.goto(site_url + "/teemat/kuntoutus/")
    card = page.locator("article[data-service-id='kuntouttava-tyotoiminta']")
    card.get_by_role("button", name="Lisää palvelulistalle: Kuntouttava työtoiminta").click()
    assert header_count(page) == "2 palvelua"

    page.goto(site_url + "/ammattilaisille/")
    row = page.locator("tr[data-service-id='typ']")
    row.get_by_role("button", name="Lisää palvelulistalle").click()
    assert header_count(page) == "3 palvelua"

    # The header's entry leads to the list, by instant navigation (no reload) too.
    page.locator("#tarjotin-header-list").click()
    page.wait_for_url(f"**{LIST}")
    assert listed(page) == THREE
    page.reload()
    assert listed(page) == THREE
    assert header_count(page) == "3 palvelua"
    item = page.locator("li[data-service='typ']")
    expect(
        item.get_by_role("heading", name="Työllistymistä edistävä monialainen yhteispalvelu TYP")
    ).to_be_visible()
    expect(item).to_contain_text("Voit ottaa itse yhteyttä; Tarvitset ohjauksen tai lähetteen")
    expect(item).to_contain_text("TE-asiantuntija, kuntakokeilun omavalmentaja")
    expect(page.locator("li[data-service='kela']")).to_contain_text("Lähde ei kerro, miten palveluun pääsee.")

    # Notes stay on this device and in this browser: no request carries anything.
    page.get_by_label("Muistiinpano asiakkaalle: Kela").fill("Soita maanantaina")
    page.get_by_label("Muistiinpano koko listalle (esim. seuraava tapaaminen)").fill("Tapaaminen 5.12.")
    page.reload()
    expect(page.get_by_label("Muistiinpano asiakkaalle: Kela")).to_have_value("Soita maanantaina")
    stored = page.evaluate(f"JSON.parse(localStorage.getItem('{KEY}'))")
    assert stored == {"ids": THREE, "notes": {"kela": "Soita maanantaina"}, "note": "Tapaaminen 5.12."}
    origins = {f"{urlsplit(r.url).scheme}://{urlsplit(r.url).netloc}" for r in requests}
    assert origins == {site_url}
    assert [r.url for r in requests if r.method != "GET" or "Soita" in r.url or "palvelut=" in r.url] == []

    # Removing one from the list page updates the list and the header.
    page.locator("li[data-service='kela']").get_by_role("button", name="Poista palvelulistalta").click()
    assert listed(page) == ["kuntouttava-tyotoiminta", "typ"]
    expect(page.locator("#tarjotin-client-list-status")).to_have_text("Kela poistettiin listalta.")
    assert header_count(page) == "2 palvelua"
    page.get_by_role("button", name="Tyhjennä lista").click()
    assert listed(page) == []
    expect(page.locator("#tarjotin-client-list-services")).to_contain_text(
        "Listalla ei ole vielä palveluita."
    )
    assert page.evaluate(f"localStorage.getItem('{KEY}')") is None
    page.get_by_role("button", name="Palauta tällä laitteella ollut lista").click()
    assert listed(page) == ["kuntouttava-tyotoiminta", "typ"]


def pdf_pages(pdf: bytes) -> list[tuple[str, list[str]]]:
    """Each page's text and the QR codes found on it (rendered at 300 dpi, greyscale)."""
    document = pypdfium2.PdfDocument(pdf)
    pages = []
    for page in document:
        bitmap = page.render(scale=300 / 72, grayscale=True)
        pixels = memoryview(bytes(bitmap.buffer)).cast("B", (bitmap.height, bitmap.stride))
        codes = [code.text for code in zxingcpp.read_barcodes(pixels)]
        pages.append((page.get_textpage().get_text_range(), codes))
    return pages


def test_the_handout_prints_three_services_on_one_a4_page(page: Page, site_url: str) -> None:
    store(
        page,
        site_url,
        THREE,
        {"kela": "Hae kuntoutusta B-lausunnolla"},
        "Seuraava tapaaminen ti 10.12. klo 13 Vesku-aukiolla. Ota mukaan henkilöllisyystodistus.",
    )
    page.goto(site_url + LIST)
    data = list_data(page)
    # The codes are drawn in the browser, by the library only the list page loads.
    expect(page.locator("img.tarjotin-client-service__qr:not([hidden])")).to_have_count(len(THREE))
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4", print_background=True)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "client-list.pdf").write_bytes(pdf)
    pages = pdf_pages(pdf)
    assert len(pages) == 1
    text, codes = pages[0]
    mains = [data[service]["main"]["url"] for service in THREE]  # type: ignore[index]
    assert sorted(codes) == sorted(mains)
    for service in THREE:
        assert str(data[service]["name"]) in text
    # The links are written out, the date and the notes printed; no navigation, no buttons.
    assert "https://www.kela.fi/kuntoutus" in text
    assert "Tulostettu " in text
    assert "Hae kuntoutusta B-lausunnolla" in text and "Seuraava tapaaminen ti 10.12." in text
    for screen_only in ("Etusivu", "Poista palvelulistalta", "Kopioi linkki", "Mitään ei lähetetä"):
        assert screen_only not in text


def test_only_the_list_page_loads_the_qr_library(page: Page, site_url: str) -> None:
    loaded: list[str] = []
    page.on("request", lambda request: loaded.append(request.url))
    store(page, site_url, THREE, {})
    page.goto(site_url + "/palvelut/kela/")
    page.wait_for_load_state("networkidle")
    assert not [url for url in loaded if "qrcode-generator" in url]
    page.goto(site_url + LIST)
    expect(page.locator("img.tarjotin-client-service__qr:not([hidden])")).to_have_count(len(THREE))
    assert len([url for url in loaded if url.endswith("/vendor/qrcode-generator.js")]) == 1


def test_the_share_link_opens_the_same_list_elsewhere(browser: Browser, site_url: str) -> None:
    first = browser.new_context(locale="fi-FI")
    page = first.new_page()
    store(page, site_url, THREE, {"kela": "Yksityinen muistiinpano"}, "Ei jaeta")
    page.goto(site_url + LIST)
    page.get_by_role("button", name="Kopioi linkki").click()
    link = page.locator("#tarjotin-client-list-url").input_value()
    first.close()
    assert link == f"{site_url}{LIST}?palvelut=kela,kuntouttava-tyotoiminta,typ"

    second = browser.new_context(locale="fi-FI")
    try:
        other = second.new_page()
        other.goto(link)
        assert listed(other) == THREE
        expect(other.locator("#tarjotin-client-list-status")).to_have_text(
            "Avasit jaetun listan: 3 palvelua."
        )
        # Only the ids travel: the notes stayed on the first device.
        expect(other.get_by_label("Muistiinpano asiakkaalle: Kela")).to_have_value("")
        expect(other.get_by_label("Muistiinpano koko listalle (esim. seuraava tapaaminen)")).to_have_value("")
        # The address loses the ids, so later changes survive a reload.
        assert urlsplit(other.url).query == ""
        other.reload()
        assert listed(other) == THREE
        # A link to a service that is no longer offered says so.
        other.goto(f"{site_url}{LIST}?palvelut=kela,tyokykykoordinaattori,ei-ole")
        assert listed(other) == ["kela"]
        expect(other.locator("#tarjotin-client-list-status")).to_contain_text(
            "Jaetussa linkissä oli palveluita, joita ei enää ole tarjolla: 2."
        )
        other.get_by_role("button", name="Palauta tällä laitteella ollut lista").click()
        assert listed(other) == THREE
    finally:
        second.close()


def test_the_system_share_sheet_where_there_is_one(page: Page, site_url: str) -> None:
    page.add_init_script("navigator.share = data => { window.__shared = data; return Promise.resolve(); };")
    store(page, site_url, ["kela"], {})
    page.goto(site_url + LIST)
    page.get_by_role("button", name="Jaa", exact=True).click()
    shared = page.evaluate("window.__shared")
    assert shared == {"title": "Palvelulista", "url": f"{site_url}{LIST}?palvelut=kela"}


def test_without_javascript_the_list_says_so_and_a_service_page_prints(
    browser: Browser, site_url: str
) -> None:
    context = browser.new_context(locale="fi-FI", java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(site_url + LIST)
        message = page.locator("noscript p")
        expect(message).to_be_visible()
        expect(message).to_contain_text("Palvelulista tarvitsee JavaScriptin.")
        expect(page.locator("#tarjotin-client-list")).to_be_hidden()
        page.goto(site_url + "/palvelut/kuntouttava-tyotoiminta/")
        page.emulate_media(media="print")
        text = " ".join(text for text, _codes in pdf_pages(page.pdf(format="A4")))
        assert "Kuntouttava työtoiminta" in text and "Lisää palvelulistalle" not in text
    finally:
        context.close()


@pytest.mark.parametrize("width", [PHONE["width"], 1280])
def test_the_list_with_services_has_no_wcag_violations(browser: Browser, site_url: str, width: int) -> None:
    context = browser.new_context(locale="fi-FI", viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        store(page, site_url, THREE, {"typ": "Soita"}, "Tapaaminen")
        page.goto(site_url + LIST)
        assert listed(page) == THREE
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        page.screenshot(path=str(ARTIFACTS / f"client-list-{width}.png"), full_page=True)
        assert describe(axe_violations(page)) == []
        page.goto(site_url + "/palvelut/kela/")
        assert describe(axe_violations(page)) == []
    finally:
        context.close()
