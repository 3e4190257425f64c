"""Printing: a service page as a clean card, and the whole tray by section, each service once.

PDFs of both are kept in ``test-artifacts/print/`` for people to look at.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from playwright.sync_api import Page, expect

from generator.model.catalogue import Catalogue
from tests.browser.a11y import ARTIFACTS

pytestmark = pytest.mark.browser

SERVICE = "/palvelut/kuntouttava-tyotoiminta/"


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf))


def save_pdf(page: Page, name: str) -> bytes:
    pdf = page.pdf(format="A4", print_background=True)
    target = ARTIFACTS / "print" / f"{name}.pdf"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(pdf)
    return pdf


def after_content(page: Page, selector: str) -> list[str]:
    return page.eval_on_selector_all(
        selector, "links => links.map(a => getComputedStyle(a, '::after').content)"
    )


def test_service_page_prints_as_a_clean_card(page: Page, site_url: str) -> None:
    page.goto(site_url + SERVICE)
    page.emulate_media(media="print")
    for chrome in (
        ".md-header",
        ".md-sidebar--primary",
        ".md-footer",
        ".tarjotin-sections",
        ".md-skip",
    ):
        expect(page.locator(chrome).first).to_be_hidden()
    expect(page.locator("h1")).to_have_text("Kuntouttava työtoiminta")
    expect(page.locator(".tarjotin-lead")).to_be_visible()
    expect(page.locator(".tarjotin-facts")).to_be_visible()

    # Material's instant navigation makes internal links absolute too: they print their address.
    written_out = ".md-content a[href^='http']:not(.tarjotin-contact a):not(.tarjotin-chip)"
    external = page.locator(written_out)
    assert external.count() > 0
    hrefs = [external.nth(i).get_attribute("href") for i in range(external.count())]
    assert after_content(page, written_out) == [f'" ({href})"' for href in hrefs]
    assert set(after_content(page, ".tarjotin-chip")) == {"none"}, "internal links print no address"

    pdf = save_pdf(page, "service")
    assert 1 <= pdf_pages(pdf) <= 2, "a service fits on one or two A4 pages"


def test_screen_styles_are_untouched(page: Page, site_url: str) -> None:
    page.goto(site_url + SERVICE)
    expect(page.locator(".md-header")).to_be_visible()
    assert set(after_content(page, ".md-content a[href^='http']")) <= {"none", "normal"}


def test_whole_tray_lists_every_current_service_once_by_section(
    page: Page, site_url: str, default_catalogue: Catalogue
) -> None:
    page.goto(f"{site_url}/teemat/")
    page.locator(".md-content").get_by_role("link", name="koko palvelutarjotin tulostettavana").click()
    page.wait_for_url("**/tulosta/")
    tray = page.eval_on_selector_all(
        ".tarjotin-tray-section h2",
        "hs => hs.map(h => [h.textContent.trim(), []])",
    )
    services = page.eval_on_selector_all(
        ".tarjotin-tray-service h3", "hs => hs.map(h => h.textContent.trim())"
    )
    # As the source groups them: its sections in order, each section's services in order.
    current = [s for s in default_catalogue.services if not s.has_ended(date.today())]
    expected = [s.name for section in default_catalogue.sections for s in section.services if s in current]
    expected += [s.name for s in current if default_catalogue.section_of(s) is None]
    assert [name for name, _ in tray] == [s.name for s in default_catalogue.sections]
    assert services == expected
    assert len(services) == len(set(services)) == len(current), "every current service once, ended ones not"


def test_whole_tray_prints_each_top_level_section_on_new_sheets_in_at_most_30(
    page: Page, site_url: str
) -> None:
    page.goto(f"{site_url}/")
    page.locator(".md-content").get_by_role("link", name="Koko palvelutarjotin tulostettavana").click()
    page.wait_for_url("**/tulosta/")
    page.emulate_media(media="print")
    breaks = page.eval_on_selector_all(
        ".tarjotin-tray-section", "sections => sections.map(s => getComputedStyle(s).breakBefore)"
    )
    # The first section follows the page's introduction: no sheet with two lines on it.
    assert breaks[0] == "auto" and set(breaks[1:]) == {"page"}
    expect(page.locator(".tarjotin-print-button")).to_be_hidden()
    # Each service once in print too, and its links once: no theme repeats it.
    printed = page.eval_on_selector_all(
        ".tarjotin-tray-service h3", "hs => hs.filter(h => h.checkVisibility()).map(h => h.textContent)"
    )
    assert len(printed) == len(set(printed)) > 20
    pdf = save_pdf(page, "whole-tray")
    assert len(breaks) < pdf_pages(pdf) <= 30


def test_print_button_opens_the_print_dialog(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/tulosta/")
    page.evaluate("window.print = () => { window.__printed = true; }")
    page.get_by_role("button", name="Tulosta").click()
    assert page.evaluate("window.__printed") is True


def test_whole_tray_is_not_in_the_search_index(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/haku/?q=kuntoutus")
    expect(page.locator(".tarjotin-search").get_by_role("status")).to_contain_text("löytyi")
    more = page.get_by_role("button", name="Näytä lisää tuloksia")
    titles = page.locator(".tarjotin-search__title")
    while more.is_visible():
        shown = titles.count()
        more.click()
        expect(titles).not_to_have_count(shown)
    hrefs = page.eval_on_selector_all(".tarjotin-search__results a", "links => links.map(a => a.href)")
    assert hrefs and not [h for h in hrefs if "/tulosta/" in h]
