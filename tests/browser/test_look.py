"""The citizens' site looks and works like a public service, at 360 px and 1280 px.

The main sections are in view from every page; one search box per page; on the
all-services page the results come first and nothing shifts when the filters'
button arrives; every target in the header, navigation and content is 44 × 44 px;
solid headings; the owner's footer, not the theme's credit. Screenshots of the
home page, a service page, the listing and a municipality page at both widths go
to ``test-artifacts/look/`` for people to look at.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import AbstractContextManager
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, Route, ViewportSize, expect

from tests.browser.a11y import ARTIFACTS, MIN_TARGET, PHONE, browser_page, open_filters

pytestmark = pytest.mark.browser

DESKTOP: ViewportSize = {"width": 1280, "height": 900}
WIDTHS = {"phone": PHONE, "desktop": DESKTOP}
SERVICE = "/palvelut/kuntouttava-tyotoiminta/"
#: The main sections and where their links lead; the search page's link is in the header.
SECTIONS = {
    "Palvelut": "/palvelut/",
    "Teemat": "/teemat/",
    "Kunnat": "/kunnat/",
    "Ammattilaisille": "/ammattilaisille/",
    "Haku": "/haku/",
}
#: Pages whose every target is measured (the listing with its filters open).
MEASURED = ["/", SERVICE, "/palvelut/", "/kunnat/lahti/", "/teemat/kuntoutus/", "/ammattilaisille/"]

#: Sums the layout shifts not caused by input, from before the first paint on
#: (buffered), as Lighthouse's CLS does for a page load.
LAYOUT_SHIFTS = """
window.__shifts = [];
window.__shiftObserver = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (!entry.hadRecentInput) window.__shifts.push(entry.value);
  }
});
window.__shiftObserver.observe({type: "layout-shift", buffered: true});
"""

#: Every visible interactive element in the header, the main sections, the
#: navigation sidebars and the content, with the box a finger has to hit. A
#: checkbox's target is its label, which wraps it and toggles it too; a link
#: stretched over its card by an ::after overlay has the card as its target.
#:
#: Exempt: links inside running text. WCAG 2.5.8 (and 2.5.5) exempt a target "in
#: a sentence or whose size is otherwise constrained by the line-height of
#: non-target text": a link in a paragraph cannot be 44 px tall without breaking
#: the paragraph's lines. A link counts as in running text when the block around
#: it (p, li, dd, td, th, caption) has words of its own besides its links; a list
#: item or table cell holding only a link is not running text and must be 44 px.
TARGETS = """() => {
  const regions = ".md-header, .tarjotin-sections, .md-sidebar, .md-content";
  const selector = "a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex='-1'])";
  const inRunningText = (link) => {
    const block = link.closest("p, li, dd, td, th, caption");
    if (!block || link.tagName !== "A") return false;
    let own = block.textContent;
    for (const other of block.querySelectorAll("a")) own = own.replace(other.textContent, "");
    for (const nested of block.querySelectorAll("ul, ol")) own = own.replace(nested.textContent, "");
    return /[\\p{L}\\p{N}]{2,}/u.test(own);
  };
  const found = [];
  for (const element of document.querySelectorAll(selector)) {
    if (!element.closest(regions) || inRunningText(element)) continue;
    if (!element.checkVisibility({visibilityProperty: true, opacityProperty: true})) continue;
    let target = element;
    if (element.type === "checkbox" || element.type === "radio") {
      target = element.closest("label") || element;
    }
    const after = getComputedStyle(element, "::after");
    if (after.content !== "none" && after.position === "absolute" && after.inset === "0px") {
      target = element.offsetParent || element;  // a link stretched over its card
    }
    const box = target.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    const name = (element.getAttribute("aria-label") || element.textContent || element.name || "")
      .trim().replace(/\\s+/g, " ").slice(0, 40);
    found.push({
      where: element.closest(regions).className.split(" ")[0],
      tag: element.tagName.toLowerCase(),
      name,
      width: Math.round(box.width * 10) / 10,
      height: Math.round(box.height * 10) / 10,
    });
  }
  return found;
}"""


def context_page(browser: Browser, size: ViewportSize) -> AbstractContextManager[Page]:
    return browser_page(browser, size, phone=size["width"] < 400)


@pytest.fixture(params=sorted(WIDTHS))
def sized(request: pytest.FixtureRequest, browser: Browser) -> Iterator[Page]:
    with context_page(browser, WIDTHS[request.param]) as page:
        yield page


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    with context_page(browser, PHONE) as page:
        yield page


@pytest.mark.parametrize("path", ["/", SERVICE, "/palvelut/"])
def test_main_sections_are_in_view_from_every_page(sized: Page, site_url: str, path: str) -> None:
    sized.goto(site_url + path)
    for name, target in SECTIONS.items():
        link = sized.locator(".md-header, .tarjotin-sections").get_by_role("link", name=name, exact=True)
        expect(link).to_have_count(1)
        expect(link).to_be_in_viewport()
        assert link.evaluate("a => new URL(a.href).pathname") == target, name
    assert sized.evaluate("document.documentElement.scrollWidth") <= sized.viewport_size["width"]  # type: ignore[index]


def test_the_current_section_is_marked(page: Page, site_url: str) -> None:
    page.goto(site_url + SERVICE)
    sections = page.get_by_role("navigation", name="Pääosiot")
    expect(sections.get_by_role("link", name="Palvelut")).to_have_attribute("aria-current", "true")
    expect(sections.locator("[aria-current]")).to_have_count(1)
    # Instant navigation swaps the bar with the page.
    sections.get_by_role("link", name="Teemat").click()
    page.wait_for_url("**/teemat/")
    expect(sections.get_by_role("link", name="Teemat")).to_have_attribute("aria-current", "page")
    expect(sections.locator("[aria-current]")).to_have_count(1)


@pytest.mark.parametrize("path", ["/", "/haku/", SERVICE, "/palvelut/", "/kunnat/lahti/"])
def test_one_search_box_per_page(sized: Page, site_url: str, path: str) -> None:
    sized.goto(site_url + path)
    boxes = sized.locator("input[type='search']:visible")
    # The home and search pages have their own box; the others reach /haku/ from the header.
    expect(boxes).to_have_count(1 if path in ("/", "/haku/") else 0)


def _slow_scripts(route: Route) -> None:
    time.sleep(0.6)  # scripts arrive after the first paint, as on a phone's network
    route.continue_()


@pytest.mark.parametrize("width", sorted(WIDTHS))
def test_listing_shows_results_first_and_does_not_shift(browser: Browser, site_url: str, width: str) -> None:
    size = WIDTHS[width]
    with context_page(browser, size) as page:
        page.add_init_script(LAYOUT_SHIFTS)
        page.route("**/*.js", _slow_scripts)
        page.goto(f"{site_url}/palvelut/")
        expect(page.get_by_role("button", name="Rajaa palveluita")).to_be_visible()
        page.wait_for_timeout(500)
        shifts: list[float] = page.evaluate(
            "() => { window.__shiftObserver.takeRecords().forEach(e => window.__shifts.push(e.value));"
            " return window.__shifts; }"
        )
        assert sum(shifts) <= 0.1, f"cumulative layout shift {sum(shifts):.3f}: {shifts}"
        first = page.locator(".tarjotin-card").first.bounding_box()
        assert first is not None and first["y"] < size["height"], "the first result is below the first screen"
        # The filters wait behind the button, which says how many choices are made.
        expect(page.locator("#tarjotin-filters")).to_be_hidden()
        open_filters(page)
        page.get_by_label("Kuntoutus", exact=True).check()
        page.get_by_label("Kunta", exact=True).select_option("lahti")
        expect(page.get_by_role("button", name="Rajaa palveluita")).to_have_text("Rajaa palveluita2 valintaa")


def test_a_shared_filtered_view_counts_its_choices(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/palvelut/?teema=tyollistyminen&paasy=self")
    toggle = page.get_by_role("button", name="Rajaa palveluita")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(toggle.locator(".tarjotin-filters-toggle__chosen")).to_have_text("2 valintaa")
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    page.get_by_role("button", name="Tyhjennä valinnat").click()
    expect(toggle.locator(".tarjotin-filters-toggle__chosen")).to_be_hidden()


def _targets(page: Page, site_url: str, path: str) -> list[dict[str, Any]]:
    page.goto(site_url + path)
    if path == "/palvelut/":
        open_filters(page)
    targets: list[dict[str, Any]] = page.evaluate(TARGETS)
    return targets


@pytest.mark.parametrize("path", MEASURED)
def test_every_target_is_at_least_44_px(sized: Page, site_url: str, path: str) -> None:
    targets = _targets(sized, site_url, path)
    assert targets, "nothing interactive found"
    small = [
        f"{t['where']} {t['tag']} '{t['name']}': {t['width']}×{t['height']}"
        for t in targets
        if t["width"] < MIN_TARGET or t["height"] < MIN_TARGET
    ]
    assert small == []


def test_the_theme_card_is_the_link(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/")
    card = page.locator(".tarjotin-themes li").first
    box = card.bounding_box()
    assert box is not None
    # A click in the card's lower corner, far from the theme's name, opens the theme.
    page.mouse.click(box["x"] + box["width"] - 10, box["y"] + box["height"] - 10)
    page.wait_for_url("**/teemat/kuntoutus/")


@pytest.mark.parametrize("path", ["/", SERVICE, "/palvelut/", "/kunnat/lahti/"])
def test_headings_are_solid_and_dark(page: Page, site_url: str, path: str) -> None:
    page.goto(site_url + path)
    style = page.locator("h1").evaluate(
        "h => { const s = getComputedStyle(h); return {weight: Number(s.fontWeight), color: s.color}; }"
    )
    assert style["weight"] >= 600, style
    red, green, blue = (int(part) for part in style["color"].removeprefix("rgb(").rstrip(")").split(","))
    assert max(red, green, blue) <= 60, f"the heading is not dark: {style['color']}"


def test_chips_are_quieter_than_the_heading(page: Page, site_url: str) -> None:
    page.goto(site_url + SERVICE)
    sizes = page.evaluate(
        "() => [document.querySelector('h1'), document.querySelector('.tarjotin-chip')]"
        ".map(e => parseFloat(getComputedStyle(e).fontSize))"
    )
    heading, chip = sizes
    assert chip <= 16 and heading >= 2 * chip, sizes
    background = page.locator(".tarjotin-chip").first.evaluate("a => getComputedStyle(a).backgroundColor")
    assert background in ("rgba(0, 0, 0, 0)", "transparent"), "no solid colour block behind the chip's text"


def test_header_names_the_site_in_full_on_a_phone(phone: Page, site_url: str) -> None:
    phone.goto(site_url + SERVICE)
    name = phone.locator(".tarjotin-brand__name")
    expect(name).to_have_text("Palvelutarjotin")
    fits = name.evaluate(
        "e => e.scrollWidth <= e.clientWidth && getComputedStyle(e).textOverflow !== 'ellipsis'"
    )
    assert fits, "the site's name is cut short"
    # No owner in the default catalogue: the region's name stands in its place.
    expect(phone.locator(".tarjotin-brand__owner")).to_have_text("Päijät-Häme")


def test_footer_names_the_site_not_the_theme(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/")
    footer = page.locator(".md-footer")
    expect(footer).not_to_contain_text("Material for MkDocs")
    expect(footer.locator(".tarjotin-footer__name")).to_have_text("Palvelutarjotin Päijät-Häme")
    expect(footer.get_by_role("link", name="Saavutettavuusseloste")).to_be_visible()
    # No previous/next links: they disagreed with the sidebar.
    expect(page.locator(".md-footer__link")).to_have_count(0)


@pytest.mark.parametrize("width", sorted(WIDTHS))
@pytest.mark.parametrize(
    "name, path",
    [("home", "/"), ("service", SERVICE), ("listing", "/palvelut/"), ("municipality", "/kunnat/lahti/")],
)
def test_screenshots(browser: Browser, site_url: str, width: str, name: str, path: str) -> None:
    with context_page(browser, WIDTHS[width]) as page:
        page.goto(site_url + path)
        target = ARTIFACTS / "look" / f"{name}-{WIDTHS[width]['width']}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(page.screenshot(full_page=True))
        assert target.stat().st_size > 10_000, "the screenshot is blank"
