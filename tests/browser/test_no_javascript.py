"""Without JavaScript every page stays readable and every service can be reached."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.a11y import site_pages

pytestmark = pytest.mark.browser


@pytest.fixture
def no_js(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(
        locale="fi-FI", java_script_enabled=False, viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    yield page
    context.close()


def test_every_page_shows_its_heading_and_text(no_js: Page, site_url: str, default_site: Path) -> None:
    unreadable = {}
    for path in site_pages(default_site):
        no_js.goto(site_url + path)
        heading = no_js.locator(".md-content h1")
        text = no_js.locator(".md-content").inner_text()
        if heading.count() != 1 or not heading.is_visible() or len(text.split()) < 5:
            unreadable[path] = text[:80]
    assert unreadable == {}


def test_every_current_service_is_reachable_by_links_from_home(no_js: Page, site_url: str) -> None:
    no_js.goto(f"{site_url}/")
    no_js.get_by_role("link", name="Kaikki palvelut").last.click()
    no_js.wait_for_url("**/palvelut/")
    expect(no_js.locator("#tarjotin-filters")).to_be_hidden()
    cards = no_js.locator(".tarjotin-card")
    assert cards.count() > 20
    assert no_js.locator(".tarjotin-card:visible").count() == cards.count()
    expect(no_js.locator("#tarjotin-count")).to_have_text(f"Palveluita: {cards.count()}")
    no_js.locator(".tarjotin-card").get_by_role("link", name="Kela", exact=True).click()
    no_js.wait_for_url("**/palvelut/kela/")
    expect(no_js.locator("h1")).to_have_text("Kela")


def test_theme_and_municipality_pages_list_services(no_js: Page, site_url: str) -> None:
    no_js.goto(f"{site_url}/teemat/")
    no_js.get_by_role("link", name="Kuntoutus").first.click()
    no_js.wait_for_url("**/teemat/kuntoutus/")
    assert no_js.locator(".tarjotin-card:visible").count() > 0
    no_js.goto(f"{site_url}/kunnat/")
    no_js.locator(".md-content").get_by_role("link", name="Heinola").click()
    no_js.wait_for_url("**/kunnat/heinola/")
    assert no_js.locator(".tarjotin-card:visible").count() > 0


def test_search_form_leads_to_a_page_with_other_ways_in(no_js: Page, site_url: str) -> None:
    no_js.goto(f"{site_url}/")
    no_js.locator("#tarjotin-home-search").fill("kuntoutus")
    no_js.locator(".tarjotin-search-form button").click()
    no_js.wait_for_url("**/haku/?q=kuntoutus")
    message = no_js.locator("noscript .tarjotin-noscript")
    expect(message).to_be_visible()
    assert (message.text_content() or "").startswith("Haku tarvitsee JavaScriptin.")
    for name, target in (
        ("teemoittain", "/teemat/"),
        ("kunnittain", "/kunnat/"),
        ("kaikkien palvelujen listasta", "/palvelut/"),
    ):
        link = message.locator("a", has_text=name)
        expect(link).to_be_visible()
        link.click()
        no_js.wait_for_url(f"**{target}")
        no_js.go_back()


def test_search_page_form_submits_to_itself(no_js: Page, site_url: str) -> None:
    no_js.goto(f"{site_url}/haku/")
    form = no_js.locator(".md-content").get_by_role("search")
    expect(form.get_by_role("group")).to_be_hidden()  # the theme filter needs JavaScript
    form.get_by_role("searchbox", name="Hae palvelua").fill("nuorille")
    form.get_by_role("button", name="Hae").click()
    no_js.wait_for_url("**/haku/?q=nuorille")
    expect(no_js.locator("noscript .tarjotin-noscript")).to_be_visible()
    expect(no_js.locator(".tarjotin-search__error")).to_be_hidden()


def test_navigation_and_footer_work_without_javascript(no_js: Page, site_url: str) -> None:
    no_js.goto(f"{site_url}/palvelut/kela/")
    nav = no_js.locator(".md-sidebar--primary")
    expect(nav.get_by_role("link", name="Kaikki palvelut")).to_be_visible()
    no_js.locator(".md-footer").get_by_role("link", name="Saavutettavuusseloste").click()
    no_js.wait_for_url("**/saavutettavuusseloste/")
    expect(no_js.locator("h1")).to_have_text("Saavutettavuusseloste")


def test_print_page_without_javascript_hides_the_print_button(no_js: Page, site_url: str) -> None:
    no_js.goto(f"{site_url}/tulosta/")
    expect(no_js.locator(".tarjotin-print-button")).to_be_hidden()
    assert no_js.locator(".tarjotin-tray-service").count() > 20
