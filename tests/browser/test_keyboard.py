"""The site driven with the keyboard alone: Tab, Shift+Tab, Enter, Space and Escape."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.a11y import PHONE, focused

pytestmark = pytest.mark.browser

#: Where a focus stop is, in the order a keyboard user should meet them.
REGIONS = ["skip", "header", "nav", "content", "footer"]


def region(stop: dict[str, Any]) -> str:
    if stop["text"] == "Hyppää sisältöön":
        return "skip"
    for name in ("header", "nav", "content", "footer"):
        if stop[f"in{name.capitalize()}"]:
            return name
    return "other"


def walk(page: Page, key: str, limit: int = 150) -> list[dict[str, Any]]:
    """Press ``key`` until focus leaves the page or comes back to where it started."""
    stops: list[dict[str, Any]] = []
    for _ in range(limit):
        page.keyboard.press(key)
        stop = focused(page)
        if stop["isBody"] or (stops and stop["text"] == stops[0]["text"] and stop["tag"] == stops[0]["tag"]):
            return stops
        stops.append(stop)
    raise AssertionError(f"focus never left the page after {limit} presses of {key}: a trap? {stops[-3:]}")


def label(stop: dict[str, Any]) -> str:
    return f"{stop['tag']}:{stop['text'] or stop['href'] or stop['id']}"


def test_skip_link_comes_first_in_finnish_and_jumps_to_the_content(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/palvelut/kela/")
    page.keyboard.press("Tab")
    skip = page.locator(".md-skip")
    expect(skip).to_be_focused()
    expect(skip).to_have_text("Hyppää sisältöön")
    expect(skip).to_have_css("opacity", "1")
    assert focused(page)["inViewport"]
    page.keyboard.press("Enter")
    page.wait_for_url("**/palvelut/kela/#kela")
    expect(page.locator("h1#kela")).to_be_in_viewport()
    page.wait_for_function("!document.activeElement.classList.contains('md-skip')")
    page.keyboard.press("Tab")
    after = focused(page)
    assert after["inContent"], f"after the skip link focus went to {after}"
    # The first control after the heading is the client list's button (professional use), then the chips.
    assert after["text"].endswith("Lisää palvelulistalle: Kela"), f"after the heading focus went to {after}"


def test_tab_order_is_sensible_visible_and_has_no_trap(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/palvelut/")
    forward = walk(page, "Tab")
    order = [region(stop) for stop in forward]
    assert "other" not in order, [label(s) for s, r in zip(forward, order, strict=True) if r == "other"]
    ranks = [REGIONS.index(r) for r in order]
    assert ranks == sorted(ranks), f"focus jumps between regions: {order}"
    assert order[0] == "skip" and order[-1] == "footer"

    invisible = [label(s) for s in forward if not (s["inViewport"] and s["visible"]) and region(s) != "skip"]
    assert invisible == [], "focus went to something that cannot be seen"
    no_ring = [label(s) for s in forward if s["outlineStyle"] in ("none", "") or s["outlineWidth"] < 2]
    assert no_ring == [], "focus without a visible outline"

    # The client list's buttons (for professionals) sit beside each card; the order checked is the rest.
    content = [
        label(s)
        for s in forward
        if region(s) == "content" and not label(s).startswith("button:+Lisää palvelulistalle")
    ]
    cards = page.eval_on_selector_all(".tarjotin-card h2 a", "links => links.map(a => a.textContent.trim())")
    # The filters wait behind their button; the results come right after it.
    assert content == ["button:Rajaa palveluita"] + [f"a:{name}" for name in cards]

    backward = walk(page, "Shift+Tab")
    assert [label(s) for s in backward] == [label(s) for s in reversed(forward)]

    # Opened, the filters come in order between their button and the results.
    toggle = page.get_by_role("button", name="Rajaa palveluita")
    toggle.click()
    expect(toggle).to_be_focused()
    content = []
    for _ in range(80):
        page.keyboard.press("Tab")
        stop = focused(page)
        if region(stop) != "content":
            break
        if not label(stop).startswith("button:+Lisää palvelulistalle"):
            content.append(label(stop))
    filters = [
        "input:kuntoutus",
        "input:tyollistyminen",
        "input:elamanhallinta",
        "input:hyvinvointi",
        "input:koulutus",
        "input:toimeentulo",
    ]
    assert content[: len(filters)] == filters, content[:10]
    assert content[len(filters)].startswith("select:")
    assert content[len(filters) + 1 : len(filters) + 4] == ["input:self", "input:referral", "input:decision"]
    assert content[len(filters) + 4] == "button:Tyhjennä valinnat"
    assert content[len(filters) + 5 :] == [f"a:{name}" for name in cards]


def test_filters_work_from_the_keyboard_and_are_announced(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/palvelut/")
    count = page.locator("#tarjotin-count")
    expect(count).to_have_attribute("role", "status")
    expect(count).to_have_attribute("aria-live", "polite")
    total = page.locator(".tarjotin-card").count()

    toggle = page.get_by_role("button", name="Rajaa palveluita")
    toggle.focus()
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("Tab")
    expect(page.get_by_label("Kuntoutus", exact=True)).to_be_focused()
    page.keyboard.press("Space")
    expect(page.get_by_label("Kuntoutus", exact=True)).to_be_checked()
    in_theme = page.locator(".tarjotin-card:not([hidden])").count()
    expect(count).to_have_text(f"Näytetään {in_theme} / {total} palvelua")

    page.keyboard.press("Space")
    expect(count).to_have_text(f"Palveluita: {total}")

    page.get_by_label("Kunta").focus()
    page.keyboard.type("Sysmä")
    expect(page.get_by_label("Kunta")).to_have_value("sysma")
    expect(count).to_contain_text("Näytetään")

    page.get_by_role("button", name="Tyhjennä valinnat").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_label("Kunta")).to_have_value("")
    expect(count).to_have_text(f"Palveluita: {total}")


def test_header_search_link_and_its_results_by_keyboard(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/teemat/")
    for _ in range(5):
        page.keyboard.press("Tab")
        if (focused(page)["href"] or "").endswith("/haku/"):
            break
    stop = focused(page)
    assert stop["inHeader"] and (stop["href"] or "").endswith("/haku/"), stop
    page.keyboard.press("Enter")
    page.wait_for_url("**/haku/")
    for _ in range(40):  # past the header, the sections and the sidebar
        page.keyboard.press("Tab")
        if focused(page)["id"] == "tarjotin-search-q":
            break
    assert focused(page)["id"] == "tarjotin-search-q", "the search page's own box comes after the header"
    page.keyboard.type("nuorille")
    page.keyboard.press("Enter")
    page.wait_for_url("**/haku/?q=nuorille")
    expect(page.locator(".tarjotin-search").get_by_role("status")).to_contain_text("löytyi")
    for _ in range(20):
        page.keyboard.press("Tab")
        if (focused(page)["href"] or "").endswith("/palvelut/ohjaamo-lahti/"):
            break
    stop = focused(page)
    assert (stop["href"] or "").endswith("/palvelut/ohjaamo-lahti/"), stop
    page.keyboard.press("Enter")
    page.wait_for_url("**/palvelut/ohjaamo-lahti/")


def test_navigation_sections_open_from_the_keyboard(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/palvelut/kela/")
    toggle = page.get_by_role("button", name="Näytä alasivut: Teemat")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    toggle.focus()
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("Tab")
    assert focused(page)["text"] == "Kuntoutus"


def test_phone_menu_opens_closes_and_never_traps_focus(browser: Browser, site_url: str) -> None:
    context = browser.new_context(locale="fi-FI", viewport=PHONE)
    page = context.new_page()
    page.goto(f"{site_url}/palvelut/kela/")

    closed = walk(page, "Tab")
    assert [label(s) for s in closed if s["inNav"]] == [], "links of the closed menu took focus"
    assert [label(s) for s in closed if not s["inViewport"] and region(s) != "skip"] == []

    menu = page.get_by_role("button", name="Valikko")
    expect(menu).to_have_attribute("aria-expanded", "false")
    menu.focus()
    page.keyboard.press("Enter")
    expect(menu).to_have_attribute("aria-expanded", "true")
    assert focused(page)["inNav"], "opening the menu moves focus into it"
    page.wait_for_function(  # the drawer slides in
        "document.querySelector('.md-sidebar--primary').getBoundingClientRect().left > -1"
    )
    page.keyboard.press("Tab")
    stop = focused(page)
    assert stop["inNav"] and stop["inViewport"] and stop["text"] == "Etusivu", stop
    page.keyboard.press("Escape")
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(menu).to_be_focused()

    page.keyboard.press("Space")
    expect(menu).to_have_attribute("aria-expanded", "true")
    for _ in range(40):
        page.keyboard.press("Tab")
        if not focused(page)["inNav"]:
            break
    assert not focused(page)["inNav"], "Tab leads out of the menu"
    expect(menu).to_have_attribute("aria-expanded", "false")
    context.close()


def test_phone_menu_opens_at_the_current_section_and_goes_back_up(browser: Browser, site_url: str) -> None:
    context = browser.new_context(locale="fi-FI", viewport=PHONE)
    page = context.new_page()
    page.goto(f"{site_url}/teemat/kuntoutus/")
    # The closed menu's open sub-menu (the current section) takes no focus either.
    assert [label(s) for s in walk(page, "Tab") if s["inNav"]] == []
    page.get_by_role("button", name="Valikko").focus()
    page.keyboard.press("Enter")
    back = page.get_by_role("button", name="Takaisin: Teemat")
    expect(back).to_be_focused()
    page.wait_for_function("document.querySelector('.md-sidebar--primary').getBoundingClientRect().left > -1")
    names = []
    for _ in range(10):
        page.keyboard.press("Tab")
        stop = focused(page)
        if not stop["inNav"]:
            break
        assert stop["inViewport"], stop
        names.append(stop["text"])
    # The current page (Kuntoutus) is marked in the menu, not linked.
    assert names == ["Työllistyminen", "Elämänhallinta", "Hyvinvointi", "Koulutus", "Toimeentulo"]
    # Leaving the menu closed it; open it again to go back up.
    expect(page.get_by_role("button", name="Valikko")).to_have_attribute("aria-expanded", "false")
    page.get_by_role("button", name="Valikko").click()
    expect(back).to_be_focused()
    page.keyboard.press("Enter")
    opener = page.get_by_role("button", name="Näytä alasivut: Teemat")
    expect(opener).to_be_focused()
    expect(opener).to_have_attribute("aria-expanded", "false")
    page.keyboard.press("Shift+Tab")
    assert focused(page)["text"] == "Teemat" and focused(page)["inNav"]
    context.close()


def test_phone_menu_works_after_instant_navigation(browser: Browser, site_url: str) -> None:
    context = browser.new_context(locale="fi-FI", viewport=PHONE)
    page = context.new_page()
    page.goto(f"{site_url}/")
    page.locator(".md-content").get_by_role("link", name="Kuntoutus").first.click()
    page.wait_for_url("**/teemat/kuntoutus/")
    menu = page.get_by_role("button", name="Valikko")
    expect(menu).to_have_count(1)
    controls = menu.get_attribute("aria-controls")
    assert controls and page.locator(f"#{controls}.md-sidebar--primary").count() == 1
    menu.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Takaisin: Teemat")).to_be_focused()
    page.keyboard.press("Escape")
    expect(menu).to_be_focused()
    context.close()
