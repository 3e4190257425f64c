"""Finnish search through Pagefind in a real browser: inflected words find services."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

pytestmark = pytest.mark.browser


def top_results(page: Page, site_url: str, text: str, n: int = 3) -> list[str]:
    page.goto(f"{site_url}/haku/")
    page.locator(".pagefind-ui__search-input").fill(text)
    page.locator(".pagefind-ui__result-link").first.wait_for()
    # One entry per result page: the first link of each result (the rest are sub-results).
    hrefs = page.eval_on_selector_all(
        "li.pagefind-ui__result",
        "items => items.map(li => li.querySelector('a.pagefind-ui__result-link').getAttribute('href'))",
    )
    return [href.rstrip("/").split("/")[-1] for href in hrefs[:n]]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("kuntoutukseen", "kela"),
        ("nuorille", "ohjaamo-lahti"),
        ("työttömän terveystarkastus", "tyottomien-terveydenhoitaja"),
        ("mielenterveys", "psykiatrinen-sairaanhoitaja"),
        ("TYP", "typ"),
    ],
)
def test_finnish_queries_find_the_service(page: Page, site_url: str, text: str, expected: str) -> None:
    assert expected in top_results(page, site_url, text)


def test_query_from_the_header_form(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/teemat/")
    page.get_by_role("searchbox", name="Hae palvelua").fill("kuntakokeilu")
    page.keyboard.press("Enter")
    page.wait_for_url("**/haku/?q=kuntakokeilu")
    page.locator(".pagefind-ui__result-link").first.wait_for()
    first = page.locator(".pagefind-ui__result-link").first.get_attribute("href") or ""
    assert first.rstrip("/").endswith("kuntakokeilu")
