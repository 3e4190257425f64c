"""The citizens' site in Chromium at 360 px and 1280 px: every service two taps from home
through the tray's sections, no empty label or dead end, abbreviations written out (so a
finger or a keyboard needs nothing a mouse would), a next step and a freshness line on
every service page, and no provenance shorthand. Screenshots of the home page, a service
page, a section page and a municipality page at both widths go to
``test-artifacts/citizen/`` for people to look at.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

import pytest
from playwright.sync_api import Browser, Page, ViewportSize, expect

from generator.model.catalogue import Catalogue
from tests.browser.a11y import ARTIFACTS, PHONE

pytestmark = pytest.mark.browser

DESKTOP: ViewportSize = {"width": 1280, "height": 900}
WIDTHS = {"phone": PHONE, "desktop": DESKTOP}


@pytest.fixture(params=list(WIDTHS))
def sized(request: pytest.FixtureRequest, browser: Browser) -> Iterator[Page]:
    context = browser.new_context(locale="fi-FI", viewport=WIDTHS[request.param], has_touch=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == [], f"JavaScript errors: {errors}"


def current_ids(catalogue: Catalogue) -> set[str]:
    return {s.id for s in catalogue.services if not s.has_ended(date.today())}


def visible_links(page: Page, selector: str) -> list[str]:
    """The addresses of the links a person can see (and so tap) inside ``selector``."""
    return page.eval_on_selector_all(
        f"{selector} a[href]",
        "links => links.filter(a => a.checkVisibility() && a.getBoundingClientRect().width > 0)"
        ".map(a => a.href)",
    )


def test_every_current_service_is_two_taps_from_home(
    sized: Page, site_url: str, default_catalogue: Catalogue
) -> None:
    sized.goto(f"{site_url}/")
    sections = [h for h in visible_links(sized, ".tarjotin-section-links") if "/osiot/" in h]
    assert len(sections) == len(default_catalogue.sections)
    reached: set[str] = set()
    for first_tap in sections:
        sized.goto(first_tap)
        for second_tap in visible_links(sized, ".md-content"):
            if found := re.search(r"/palvelut/([^/#?]+)/$", second_tap):
                reached.add(found[1])
    assert current_ids(default_catalogue) - reached == set()


def test_the_taps_themselves_work(sized: Page, site_url: str) -> None:
    """A service no theme lists, by tapping: home → its section → the service."""
    sized.goto(f"{site_url}/")
    sized.locator(".tarjotin-section-links").get_by_role("link", name="Työkyvyn tuki").tap()
    sized.wait_for_url("**/osiot/tyokyvyn-tuki/")
    expect(sized.locator("h1")).to_have_text("Työkyvyn tuki")
    sized.locator(".tarjotin-card").get_by_role("link", name="Psykiatrinen sairaanhoitaja").tap()
    sized.wait_for_url("**/palvelut/psykiatrinen-sairaanhoitaja/")
    expect(sized.locator("h1")).to_have_text("Psykiatrinen sairaanhoitaja")


@pytest.mark.parametrize(
    "path", ["/", "/palvelut/", "/teemat/koulutus/", "/kunnat/lahti/", "/osiot/tyokyvyn-tuki/"]
)
def test_no_label_stands_empty(sized: Page, site_url: str, path: str) -> None:
    sized.goto(site_url + path)
    empty = sized.eval_on_selector_all(
        ".md-content .tarjotin-card__meta, .md-content dd",
        "els => els.map(e => e.innerText.trim()).filter(t => !t || /:\\s*(·|$)/.test(t))",
    )
    assert empty == []
    assert sized.locator(".md-content ul.tarjotin-chips:not(:has(li))").count() == 0


def test_a_theme_without_services_offers_ways_on(sized: Page, site_url: str) -> None:
    sized.goto(f"{site_url}/teemat/koulutus/")
    content = sized.locator(".md-content")
    expect(content).to_contain_text("Tähän teemaan ei tällä hetkellä ole palveluita.")
    expect(content.get_by_role("link", name="Työkyvyn ja työllistymisen tuen verkosto")).to_be_visible()
    expect(content.get_by_role("link", name="Kiipula – etusivu")).to_be_visible()


def test_abbreviations_need_no_mouse(sized: Page, site_url: str) -> None:
    """Written out in the text where first used: nothing to hover, focus or tap for it."""
    sized.goto(f"{site_url}/palvelut/kela/")
    assert sized.locator("abbr").count() == 0
    expect(sized.locator(".tarjotin-lead")).to_contain_text("Kela (Kansaneläkelaitos)")
    sized.goto(f"{site_url}/palvelut/typ/")
    assert sized.locator("abbr").count() == 0
    assert "(" not in sized.locator("h1").inner_text()
    expect(sized.locator(".md-content")).to_contain_text("TE-asiantuntijan (TE: työ- ja elinkeino-)")


#: The material's own shorthand for its sources, which means nothing to a citizen.
PROVENANCE = re.compile(r"aineisto \d|Lähteen \(\d|Perustelu:")


def test_every_service_page_ends_with_a_next_step_and_a_freshness_line(
    sized: Page, site_url: str, default_catalogue: Catalogue
) -> None:
    source = default_catalogue.region.site.source
    assert source is not None
    missing: dict[str, str] = {}
    for service in default_catalogue.services:
        sized.goto(f"{site_url}/palvelut/{service.id}/")
        step = sized.locator(".tarjotin-next-step")
        if not step.is_visible() or not visible_links(sized, ".tarjotin-next-step"):
            missing[service.id] = "next step"
        freshness = sized.locator(".tarjotin-freshness")
        if not freshness.is_visible() or f"{source.title} ({source.year})" not in freshness.inner_text():
            missing[service.id] = "freshness"
        if found := PROVENANCE.search(sized.locator(".tarjotin-service").inner_text()):
            missing[service.id] = found[0]
        # The next step is the last of the page's content before its footer.
        last = sized.evaluate(
            "() => [...document.querySelector('.tarjotin-service__more').children].at(-1).className"
        )
        if last != "tarjotin-next-step":
            missing[service.id] = f"ends with {last}"
    assert missing == {}


def test_the_professionals_view_is_collapsed_and_opens_by_keyboard(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/palvelut/typ/")
    eligibility = page.get_by_role("heading", name="Kuka voi käyttää palvelua")
    expect(eligibility).to_be_hidden()
    summary = page.locator(".tarjotin-professional-view summary")
    summary.focus()
    page.keyboard.press("Enter")
    expect(eligibility).to_be_visible()


def test_a_filtered_link_without_javascript_says_what_it_shows(browser: Browser, site_url: str) -> None:
    context = browser.new_context(locale="fi-FI", java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/palvelut/?teema=kuntoutus&kunta=lahti")
    note = page.locator(".tarjotin-noscript")
    expect(note).to_be_visible()
    expect(note).to_contain_text("Nyt sivulla näkyvät kaikki palvelut")
    note.get_by_role("link", name="Teemat").click()
    page.wait_for_url("**/teemat/")
    context.close()


@pytest.mark.parametrize(
    ("name", "path"),
    [
        ("home", "/"),
        ("service", "/palvelut/psykiatrinen-sairaanhoitaja/"),
        ("section", "/osiot/tyokyvyn-tuki/"),
        ("municipality", "/kunnat/lahti/"),
    ],
)
@pytest.mark.parametrize("width", list(WIDTHS))
def test_screenshots(browser: Browser, site_url: str, width: str, name: str, path: str) -> None:
    context = browser.new_context(locale="fi-FI", viewport=WIDTHS[width])
    page = context.new_page()
    page.goto(site_url + path)
    target = ARTIFACTS / "citizen" / f"{name}-{WIDTHS[width]['width']}.png"
    target.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(target), full_page=True)
    context.close()
    assert target.stat().st_size > 10_000
