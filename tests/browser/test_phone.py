"""The site on a 360 px wide phone: no sideways scrolling, big enough touch targets.

Screenshots of the home page, a service page and the filtered listing are kept in
``test-artifacts/phone/`` for people to look at.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.a11y import ARTIFACTS, MIN_TARGET, PHONE, box_sizes, browser_page, open_filters, site_pages

pytestmark = pytest.mark.browser

#: The controls the site adds (Material's own are left to Material), page by page.
TARGETS = {
    "/": [
        ".tarjotin-brand",
        ".tarjotin-header__search",
        ".tarjotin-sections__link",
        ".tarjotin-menu-button",
        "#tarjotin-home-search",
        ".tarjotin-search-form button",
        ".tarjotin-municipality-links a",
        ".md-content .md-button",
        ".tarjotin-footer-links a",
    ],
    "/palvelut/?teema=kuntoutus": [
        ".tarjotin-filters-toggle",
        ".tarjotin-filters__option",
        "#tarjotin-filter-kunta",
        ".tarjotin-filters__reset",
    ],
    "/palvelut/kuntouttava-tyotoiminta/": [".tarjotin-chip"],
    "/tulosta/": [".tarjotin-print-button"],
}


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    with browser_page(browser, PHONE, phone=True) as page:
        yield page


def test_no_page_scrolls_sideways(phone: Page, site_url: str, default_site: Path) -> None:
    too_wide = {}
    for path in site_pages(default_site):
        phone.goto(site_url + path)
        width = phone.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            too_wide[path] = width
    assert too_wide == {}


def wait_for_results(phone: Page) -> None:
    expect(phone.locator(".tarjotin-search").get_by_role("status")).to_contain_text("löytyi")


def test_search_results_do_not_scroll_sideways(phone: Page, site_url: str) -> None:
    phone.goto(f"{site_url}/haku/?q=palvelu")
    wait_for_results(phone)
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


@pytest.mark.parametrize("path", sorted(TARGETS))
def test_touch_targets_are_at_least_44_px(phone: Page, site_url: str, path: str) -> None:
    phone.goto(site_url + path)
    if path.startswith("/palvelut/?"):
        open_filters(phone)
    small = []
    for selector in TARGETS[path]:
        sizes = box_sizes(phone, selector)
        assert sizes, f"nothing visible matches {selector}"
        small += [
            f"{selector} '{s['name']}': {s['width']}×{s['height']}"
            for s in sizes
            if s["width"] < MIN_TARGET or s["height"] < MIN_TARGET
        ]
    assert small == []


def test_search_page_targets_are_at_least_44_px(phone: Page, site_url: str) -> None:
    phone.goto(f"{site_url}/haku/?q=palvelu")  # more than ten results: "Näytä lisää" shows
    wait_for_results(phone)
    small = []
    for selector in (
        "#tarjotin-search-q",
        ".tarjotin-search-form button",
        ".tarjotin-search__filter label",
        ".tarjotin-search__title a",
        # (results have no sub-result links since they answer with name, summary, area and access)
        ".tarjotin-search__more",
    ):
        sizes = box_sizes(phone, selector)
        assert sizes, f"nothing visible matches {selector}"
        small += [
            f"{selector} '{s['name']}': {s['width']}×{s['height']}" for s in sizes if s["height"] < MIN_TARGET
        ]
    assert small == []


@pytest.mark.parametrize(
    "name, path",
    [
        ("home", "/"),
        ("service", "/palvelut/kuntouttava-tyotoiminta/"),
        ("filtered-listing", "/palvelut/?teema=tyollistyminen&kunta=lahti&paasy=self"),
    ],
)
def test_screenshots(phone: Page, site_url: str, name: str, path: str) -> None:
    phone.goto(site_url + path)
    if "teema=" in path:
        expect(phone.locator("#tarjotin-count")).to_contain_text("Näytetään")
    target = ARTIFACTS / "phone" / f"{name}.png"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(phone.screenshot(full_page=True))
    assert target.stat().st_size > 10_000, "the screenshot is blank"
