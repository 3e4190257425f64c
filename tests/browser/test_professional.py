"""The professionals' interactive pages in a real browser."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, Request, expect

pytestmark = pytest.mark.browser


def visible(page: Page, selector: str, attribute: str) -> list[str]:
    return page.eval_on_selector_all(
        selector, f"items => items.filter(i => !i.hidden).map(i => i.dataset.{attribute})"
    )


def test_ticking_checklist_items_points_to_services(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/ammattilaisille/tunnistaminen/kuntoutusasiakasyhteistyo-kelan-kanssa/")
    status = page.locator("#tarjotin-suggestions-status")
    expect(status).to_have_text("Valitse kohdat, niin näet, mihin asiakkaan voi ohjata.")
    assert visible(page, "#tarjotin-suggestions li", "service") == []

    requests: list[Request] = []
    page.on("request", lambda request: requests.append(request))
    page.get_by_label("Arjen työ- ja toimintakyky heikentynyt").check()
    expect(status).to_have_text("1 kohtaa valittu. Asiakkaan voi ohjata näihin (1):")
    assert visible(page, "#tarjotin-suggestions li", "service") == ["kela"]
    expect(page.get_by_role("link", name="Kela", exact=True)).to_be_visible()

    page.get_by_role("button", name="Tyhjennä valinnat").click()
    expect(status).to_have_text("Valitse kohdat, niin näet, mihin asiakkaan voi ohjata.")
    # Nothing ticked leaves the browser or is stored.
    assert requests == []
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0


def test_checklist_level_mapping_shows_paths(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/ammattilaisille/tunnistaminen/tyokyvyn-tuen-tarpeen-herateet/")
    page.get_by_label("riippuvuudet").check()
    assert visible(page, "#tarjotin-suggestions li[data-service]", "service") == [
        "tyokyvyn-tuen-palvelut-sote-keskuksessa"
    ]
    assert visible(page, "#tarjotin-suggestions li[data-path]", "path") == ["tyokyvyn-tuki-sote-keskuksessa"]


def test_work_ability_question(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/ammattilaisille/tunnistaminen/")
    result = page.locator("#tarjotin-score-result")
    page.locator('input[name="tyokyky"][value="6"]').check(force=True)
    expect(result).to_have_text(
        "Pistemäärä 6. Vastauksen ollessa 7 tai alempi, työkykyisyyttä kannattaa selvittää tarkemmin."
    )
    page.locator('input[name="tyokyky"][value="9"]').check(force=True)
    expect(result).to_have_text("Pistemäärä 9 on yli 7.")


def test_referral_table_sorts_and_filters(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/ammattilaisille/")
    rows = page.locator("#tarjotin-referral-table tbody tr")
    total = rows.count()
    page.get_by_role("button", name="Palvelu", exact=True).click()
    expect(page.locator("#tarjotin-referral-table thead th").first).to_have_attribute(
        "aria-sort", "ascending"
    )
    names = [rows.nth(i).locator("th").inner_text() for i in range(total)]
    assert names == sorted(names, key=lambda n: n.casefold())
    page.get_by_role("button", name="Palvelu", exact=True).click()
    assert rows.first.locator("th").inner_text() == names[-1]

    page.get_by_label("Kunta").select_option("heinola")
    assert "typ" not in visible(page, "#tarjotin-referral-table tbody tr", "service")
    page.get_by_label("Kunta").select_option("")
    page.get_by_label("Hae taulukosta").fill("työmarkkinatukea 300")
    assert visible(page, "#tarjotin-referral-table tbody tr", "service") == ["typ"]
    expect(page.locator("#tarjotin-referral-count")).to_have_text(f"Näytetään 1 / {total} palvelua")
