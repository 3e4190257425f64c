"""Filtering the all-services page in a real browser."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, expect

from tests.browser.a11y import open_filters

pytestmark = pytest.mark.browser


def visible_services(page: Page) -> list[str]:
    return page.eval_on_selector_all(
        ".tarjotin-card:not([hidden])", "cards => cards.map(c => c.dataset.service)"
    )


def card_data(page: Page, attribute: str) -> dict[str, list[str]]:
    return page.eval_on_selector_all(
        ".tarjotin-card",
        "cards => Object.fromEntries(cards.map(c => "
        f"[c.dataset.service, (c.dataset.{attribute} || '').split(' ').filter(Boolean)]))",
    )


def query(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def test_filter_by_theme_and_municipality(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/palvelut/")
    count = page.locator("#tarjotin-count")
    total = page.locator(".tarjotin-card").count()
    expect(count).to_have_text(f"Palveluita: {total}")
    expect(count).to_have_attribute("aria-live", "polite")
    themes = card_data(page, "themes")
    municipalities = card_data(page, "municipalities")

    open_filters(page)
    page.get_by_label("Kuntoutus", exact=True).check()
    expected = [s for s, t in themes.items() if "kuntoutus" in t]
    assert visible_services(page) == expected
    expect(count).to_have_text(f"Näytetään {len(expected)} / {total} palvelua")
    assert query(page) == {"teema": ["kuntoutus"]}

    page.get_by_label("Kunta").select_option("heinola")
    expected = [s for s in expected if "heinola" in municipalities[s]]
    assert visible_services(page) == expected
    assert "kuntakokeilu" not in expected
    expect(count).to_have_text(f"Näytetään {len(expected)} / {total} palvelua")
    assert query(page) == {"teema": ["kuntoutus"], "kunta": ["heinola"]}

    page.get_by_role("button", name="Tyhjennä valinnat").click()
    expect(count).to_have_text(f"Palveluita: {total}")
    assert len(visible_services(page)) == total
    assert query(page) == {}


def test_lahti_shows_kuntakokeilu_and_heinola_does_not(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/palvelut/?kunta=lahti")
    assert "kuntakokeilu" in visible_services(page)
    open_filters(page)
    page.get_by_label("Kunta").select_option("heinola")
    assert "kuntakokeilu" not in visible_services(page)


def test_filtered_view_can_be_shared(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/palvelut/?teema=tyollistyminen&kunta=lahti&paasy=self")
    expect(page.get_by_label("Työllistyminen", exact=True)).to_be_checked()
    expect(page.get_by_label("Kunta")).to_have_value("lahti")
    expect(page.get_by_label("Ei lähetettä")).to_be_checked()
    themes = card_data(page, "themes")
    municipalities = card_data(page, "municipalities")
    access = card_data(page, "access")
    expected = [
        s
        for s in themes
        if "tyollistyminen" in themes[s] and "lahti" in municipalities[s] and "self" in access[s]
    ]
    assert expected, "the sample query should match something"
    assert visible_services(page) == expected


def test_filters_survive_instant_navigation(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/")
    page.get_by_role("link", name="Kaikki palvelut").first.click()
    page.wait_for_url("**/palvelut/")
    open_filters(page)
    page.get_by_label("Hyvinvointi", exact=True).check()
    assert query(page) == {"teema": ["hyvinvointi"]}
    assert visible_services(page) and len(visible_services(page)) < page.locator(".tarjotin-card").count()


def test_without_javascript_every_service_is_listed(browser, site_url: str) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/palvelut/?teema=koulutus")
    expect(page.locator("#tarjotin-filters")).to_be_hidden()
    assert page.locator(".tarjotin-card:visible").count() == page.locator(".tarjotin-card").count()
    page.goto(f"{site_url}/teemat/kuntoutus/")
    assert page.locator(".tarjotin-card:visible").count() > 0
    context.close()
