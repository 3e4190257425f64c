"""axe-core (WCAG 2.0/2.1 A and AA) over every page of the default site in Chromium.

Every built page is checked at phone width, with axe's best-practice landmark rules
(``region``, ``landmark-unique``) too; each page type also at desktop width,
and the states that only exist after interaction (filters applied, search results,
the search filter panel, the phone menu open, the skip link shown) are checked too.
"""

from __future__ import annotations

import itertools
from html.parser import HTMLParser
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.a11y import (
    PHONE,
    axe_violations,
    describe,
    landmark_findings,
    open_filters,
    page_file,
    site_pages,
)

pytestmark = pytest.mark.browser

#: One page of each kind; professional pages are checked when the site has them.
PAGE_TYPES = {
    "home": "/",
    "themes": "/teemat/",
    "theme": "/teemat/kuntoutus/",
    "municipalities": "/kunnat/",
    "municipality": "/kunnat/lahti/",
    "all services": "/palvelut/",
    "service": "/palvelut/kuntouttava-tyotoiminta/",
    "search": "/haku/",
    "whole tray": "/tulosta/",
    "accessibility statement": "/saavutettavuusseloste/",
    "not found": "/404.html",
}


def wait_for_results(page: Page) -> None:
    """Until the status line reports the search (it changes once results are shown)."""
    expect(page.locator(".tarjotin-search").get_by_role("status")).to_contain_text("löytyi")


def test_every_page_at_phone_width_has_no_violations(
    browser: Browser, site_url: str, default_site: Path
) -> None:
    paths = site_pages(default_site)
    assert set(PAGE_TYPES.values()) <= set(paths), "a page type is missing from the site"
    context = browser.new_context(locale="fi-FI", viewport=PHONE)
    page = context.new_page()
    problems: dict[str, list[str]] = {}
    for path in paths:
        page.goto(site_url + path)
        found = describe(axe_violations(page)) + describe(landmark_findings(page))
        if found:
            problems[path] = found
    context.close()
    assert problems == {}


@pytest.mark.parametrize("kind", sorted(PAGE_TYPES))
def test_page_type_at_desktop_width_has_no_violations(page: Page, site_url: str, kind: str) -> None:
    page.goto(site_url + PAGE_TYPES[kind])
    assert describe(axe_violations(page)) == []


def test_professional_pages_have_no_violations(page: Page, site_url: str, default_site: Path) -> None:
    professional = [p for p in site_pages(default_site) if p.startswith("/ammattilaisille/")]
    if not professional:
        pytest.fail("the site has no professional pages under /ammattilaisille/")
    problems = {}
    for path in professional:
        page.goto(site_url + path)
        found = describe(axe_violations(page))
        if found:
            problems[path] = found
    assert problems == {}


def test_filtered_listing_has_no_violations(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/palvelut/")
    open_filters(page)
    page.get_by_label("Kuntoutus", exact=True).check()
    page.get_by_label("Ohjaus tai lähete").check()
    page.get_by_label("Kunta").select_option("lahti")
    expect(page.locator("#tarjotin-count")).to_contain_text("Näytetään")
    assert describe(axe_violations(page)) == []


def test_listing_with_no_matches_has_no_violations(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/palvelut/?teema=koulutus&paasy=decision&kunta=sysma")
    expect(page.locator("#tarjotin-no-results")).to_be_visible()
    assert describe(axe_violations(page)) == []


def test_search_with_results_and_theme_filter_has_no_violations(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/haku/")
    page.locator(".md-content").get_by_role("searchbox", name="Hae palvelua").fill("palvelu")
    wait_for_results(page)
    more = page.get_by_role("button", name="Näytä lisää tuloksia")
    expect(more).to_be_visible()
    assert describe(axe_violations(page)) == []
    page.get_by_role("group", name="Rajaa teeman mukaan").get_by_role("checkbox").first.check()
    expect(page.locator(".tarjotin-search").get_by_role("status")).to_contain_text("rajaus:")
    assert describe(axe_violations(page)) == []


def test_search_with_no_results_has_no_violations(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/haku/?q=xyzzyq")
    expect(page.locator(".tarjotin-search").get_by_role("status")).to_contain_text("ei löytynyt")
    assert describe(axe_violations(page)) == []


def test_search_page_from_a_query_in_the_address(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/haku/?q=nuorille")
    wait_for_results(page)
    assert describe(axe_violations(page)) == []


def test_phone_menu_open_has_no_violations(browser: Browser, site_url: str) -> None:
    context = browser.new_context(locale="fi-FI", viewport=PHONE)
    page = context.new_page()
    page.goto(f"{site_url}/palvelut/kela/")
    page.get_by_role("button", name="Valikko").click()
    expect(page.locator(".md-sidebar--primary")).to_be_visible()
    assert describe(axe_violations(page)) == []
    context.close()


def test_skip_link_when_shown_has_no_violations(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/teemat/")
    page.keyboard.press("Tab")
    expect(page.locator(".md-skip")).to_be_focused()
    assert describe(axe_violations(page)) == []


class _Headings(HTMLParser):
    """Collects the levels of h1–h6 in the page's content article."""

    def __init__(self) -> None:
        super().__init__()
        self.levels: list[int] = []
        self.depth = 0  # > 0 while inside <article class="md-content__inner">

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if tag == "article" and "md-content__inner" in classes:
            self.depth = 1
        elif tag == "article" and self.depth:
            self.depth += 1
        elif self.depth and len(tag) == 2 and tag[0] == "h" and tag[1] in "123456":
            self.levels.append(int(tag[1]))

    def handle_endtag(self, tag: str) -> None:
        if tag == "article" and self.depth:
            self.depth -= 1


def test_headings_are_in_order_on_every_page(default_site: Path) -> None:
    """One h1 first, and no level skipped on the way down (h2 → h4 would be)."""
    problems = {}
    for path in site_pages(default_site):
        parser = _Headings()
        parser.feed(page_file(default_site, path).read_text(encoding="utf-8"))
        levels = parser.levels
        skips = [f"h{a}→h{b}" for a, b in itertools.pairwise(levels) if b > a + 1]
        if not levels or levels[0] != 1 or levels.count(1) != 1 or skips:
            problems[path] = f"levels {levels}, skips {skips}"
    assert problems == {}
