"""The search page (/haku/) in a real browser: the site's own UI on Pagefind's JS API.

Inflected Finnish words find services; the status line, the theme filter, "Näytä
lisää tuloksia", the address (?q=) and the results (name, summary, area and access,
shown as text) are checked. The relevance set is in test_search_relevance.py.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import Locator, Page, Route, expect

pytestmark = pytest.mark.browser

#: Results shown at first and added by "Näytä lisää tuloksia" (``PAGE`` in search.js).
PAGE = 8
#: A common word that finds more than one page of results in the default catalogue.
MANY = "palvelu"
#: Finds no more than one page.
FEW = "kela"


def search_box(page: Page) -> Locator:
    return page.locator(".md-content").get_by_role("searchbox", name="Hae palvelua")


def results(page: Page) -> Locator:
    """One heading link per result page (sub-results are not headings)."""
    result_list = page.locator(".tarjotin-search").get_by_role("list").first
    return result_list.get_by_role("heading").get_by_role("link")


def status(page: Page) -> Locator:
    return page.locator(".tarjotin-search").get_by_role("status")


def found(page: Page) -> int:
    """The number of results the status line reports, once the search has settled."""
    expect(status(page)).to_contain_text("löytyi")
    match = re.match(r"(\d+) palvelua? löytyi", status(page).inner_text())
    assert match, status(page).inner_text()
    return int(match.group(1))


def top_results(page: Page, site_url: str, text: str, n: int = 3) -> list[str]:
    page.goto(f"{site_url}/haku/")
    search_box(page).fill(text)
    expect(status(page)).to_contain_text(f"haulla ”{text}”")
    hrefs = [link.get_attribute("href") or "" for link in results(page).all()]
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


def test_query_from_the_header_link(page: Page, site_url: str) -> None:
    # The header links to the search page (one search box per page, the page's own).
    page.goto(f"{site_url}/teemat/")
    page.locator(".tarjotin-header__search").click()
    page.wait_for_url("**/haku/")
    search_box(page).fill("kuntakokeilu")
    page.keyboard.press("Enter")
    page.wait_for_url("**/haku/?q=kuntakokeilu")
    expect(search_box(page)).to_have_value("kuntakokeilu")
    expect(results(page).first).to_have_attribute("href", re.compile(r"/kuntakokeilu/$"))


def test_typing_searches_and_puts_the_query_in_the_address(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/haku/")
    expect(search_box(page)).to_be_focused()
    page.keyboard.type("nuorille", delay=30)
    expect(results(page).first).to_be_visible()
    page.wait_for_url("**/haku/?q=nuorille")
    search_box(page).fill("")
    expect(results(page)).to_have_count(0)
    expect(status(page)).to_have_text("")
    page.wait_for_url(re.compile(r"/haku/$"))


def test_status_line_reports_the_results(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/haku/?q={FEW}")
    expect(status(page)).to_have_attribute("aria-live", "polite")
    count = found(page)
    expect(status(page)).to_have_text(f"{count} palvelua löytyi haulla ”{FEW}”")
    expect(results(page)).to_have_count(count)


def test_status_line_says_when_nothing_is_found_and_where_to_browse(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/haku/")
    search_box(page).fill("xyzzyq")
    expect(status(page)).to_have_text(
        "Haulla ”xyzzyq” ei löytynyt palveluita. Kokeile toista sanaa tai selaa teemoittain."
    )
    expect(results(page)).to_have_count(0)
    status(page).get_by_role("link", name="teemoittain").click()
    page.wait_for_url("**/teemat/")


def test_status_line_waits_until_typing_stops(page: Page, site_url: str) -> None:
    """No announcement storm: one status change after the last key, none per word typed."""
    page.goto(f"{site_url}/haku/")
    page.evaluate(
        """() => {
            window.__statuses = [];
            const status = document.querySelector('.tarjotin-search [role=status]');
            new MutationObserver(() => window.__statuses.push(status.textContent))
                .observe(status, {childList: true, subtree: true, characterData: true});
        }"""
    )
    box = search_box(page)
    box.press_sequentially("työttömän", delay=50)
    page.wait_for_timeout(700)  # a pause: the search runs (typing pause ≤ 300 ms), the status waits
    box.press_sequentially(" terveystarkastus", delay=50)
    count = found(page)
    page.wait_for_timeout(1500)
    statuses = [s for s in page.evaluate("window.__statuses") if s]
    services = "palvelu" if count == 1 else "palvelua"
    assert statuses == [f"{count} {services} löytyi haulla ”työttömän terveystarkastus”"]


def test_theme_filter_narrows_the_results(page: Page, site_url: str, default_catalogue: Any) -> None:
    page.goto(f"{site_url}/haku/?q={MANY}")
    everything = found(page)
    theme = page.locator(".tarjotin-search").get_by_role("group", name="Rajaa teeman mukaan")
    box = theme.get_by_role("checkbox", name=re.compile(r"^Kuntoutus \(\d+\)$"))
    label = box.locator("xpath=..").inner_text()
    in_theme = int(re.findall(r"\((\d+)\)", label)[0])
    assert 0 < in_theme < everything
    box.focus()
    page.keyboard.press("Space")  # the keyboard works
    expect(status(page)).to_have_text(f"{in_theme} palvelua löytyi haulla ”{MANY}”, rajaus: Kuntoutus")
    page.wait_for_url(f"**/haku/?q={MANY}&teema=kuntoutus")
    rehab = {s.id for s in default_catalogue.services if "kuntoutus" in [t.id for t in s.themes]}
    shown = [(link.get_attribute("href") or "").rstrip("/").split("/")[-1] for link in results(page).all()]
    assert len(shown) == min(in_theme, PAGE) and set(shown) <= rehab

    page.reload()  # the filter is in the address too
    expect(box).to_be_checked()
    expect(status(page)).to_contain_text("rajaus: Kuntoutus")


def test_more_results_only_when_there_are_more_than_a_page(page: Page, site_url: str) -> None:
    more = page.get_by_role("button", name="Näytä lisää tuloksia")
    page.goto(f"{site_url}/haku/?q={FEW}")
    few = found(page)
    assert few <= PAGE
    expect(results(page)).to_have_count(few)
    expect(more).to_be_hidden()

    page.goto(f"{site_url}/haku/?q={MANY}")
    many = found(page)
    assert many > PAGE, f"'{MANY}' should find more than one page of results"
    expect(results(page)).to_have_count(PAGE)
    expect(more).to_be_visible()
    shown = PAGE
    while shown < many:
        more.click()
        shown = min(shown + PAGE, many)
        expect(results(page)).to_have_count(shown)
        expect(results(page).nth(shown - 1)).to_be_visible()
    expect(more).to_be_hidden()
    # Focus went to the first of the results just added, not lost with the button.
    expect(results(page).nth(PAGE * ((many - 1) // PAGE))).to_be_focused()


def _summaries(page: Page) -> list[tuple[str, str, str]]:
    """(service id, summary, facts line) of every result shown."""
    return page.eval_on_selector_all(
        ".tarjotin-search__result",
        """items => items.map(item => [
            item.querySelector('h2 a').getAttribute('href').replace(/\\/$/, '').split('/').pop(),
            item.querySelector('.tarjotin-search__summary')?.textContent ?? '',
            item.querySelector('.tarjotin-search__facts')?.textContent ?? '',
        ])""",
    )


def test_results_answer_with_name_summary_area_and_access(
    page: Page, site_url: str, default_catalogue: Any
) -> None:
    """A result is the service's name, its summary, its area and how to get in: no excerpt soup."""
    page.goto(f"{site_url}/haku/?q={MANY}")
    found(page)
    page.get_by_role("button", name="Näytä lisää tuloksia").click()
    # The next page's results come when their fragments have loaded.
    page.wait_for_function(f"document.querySelectorAll('.tarjotin-search__result').length > {PAGE}")
    shown = _summaries(page)
    assert len(shown) > PAGE
    for service_id, summary, facts in shown:
        service = default_catalogue.services_by_id[service_id]
        # A page writes each abbreviation out where first used: "TE-toimisto (työ- ja elinkeinotoimisto)".
        assert re.sub(r" \([^)]*\)", "", summary) == re.sub(r" \([^)]*\)", "", service.entry.summary)
        region = default_catalogue.region.name
        area = f"Koko {region}" if service.region_wide else ", ".join(m.name for m in service.municipalities)
        assert facts.startswith(f"Alue: {area}")
        assert ("Pääsy: " in facts) is bool(service.access_routes)
    first = page.locator(".tarjotin-search__result").first
    expect(first.get_by_role("heading", level=2)).to_have_count(1)
    expect(first.get_by_role("list")).to_have_count(0)  # no sub-results repeating the text
    expect(page.locator(".tarjotin-search__excerpt")).to_have_count(0)  # every service has a summary


def test_results_fit_a_phone(browser: Any, site_url: str) -> None:
    """Eight results take at most two screens of a 360 px wide phone."""
    context = browser.new_context(locale="fi-FI", viewport={"width": 360, "height": 740})
    try:
        page = context.new_page()
        page.goto(f"{site_url}/haku/?q={MANY}")
        found(page)
        items = page.locator(".tarjotin-search__result")
        top = items.nth(0).bounding_box()
        bottom = items.nth(7).bounding_box()
        assert top and bottom
        height = bottom["y"] + bottom["height"] - top["y"]
        assert height <= 2 * 740, f"eight results are {height:.0f} px tall"
    finally:
        context.close()


#: Stands in for Pagefind's pagefind.js: one result whose every field is hostile.
FAKE_PAGEFIND = """
const page = {
  url: "javascript:window.__xss = 'url'",
  meta: {
    title: "<img src=x onerror=\\"window.__xss = 'title'\\">Otsikko",
    summary: "<img src=x onerror=\\"window.__xss = 'summary'\\">Tiivistelmä",
    area: "<b onmouseover=\\"window.__xss = 'area'\\">Alue</b>",
    access: "<i>Ei lähetettä</i>",
  },
  excerpt: "not shown: the summary is",
  sub_results: [],
};
const bare = {
  url: "/palvelut/x/",
  meta: {title: "Ilman tiivistelmää"},
  excerpt: "<img src=x onerror=\\"window.__xss = 'excerpt'\\"> A &amp; B &lt;b&gt; " +
    "<mark>hoito</mark> &quot;x&quot; &#39;y&#39;",
  sub_results: [],
};
const search = async () => ({
  results: [{id: "a", score: 2, data: async () => page}, {id: "b", score: 1, data: async () => bare}],
  totalFilters: {Teema: {Kuntoutus: 2}},
});
export const options = async () => {};
export const init = () => {};
export const filters = async () => ({Teema: {Kuntoutus: 1}});
export {search, search as debouncedSearch};
"""


def test_a_hostile_result_is_shown_as_text(page: Page, site_url: str) -> None:
    def fake(route: Route) -> None:
        route.fulfill(body=FAKE_PAGEFIND, content_type="text/javascript")

    page.route("**/pagefind/pagefind.js", fake)
    page.goto(f"{site_url}/haku/?q=hoito")
    expect(status(page)).to_have_text("2 palvelua löytyi haulla ”hoito”")
    link = results(page).first
    expect(link).to_have_text("<img src=x onerror=\"window.__xss = 'title'\">Otsikko")
    expect(link).to_have_attribute("href", "#")
    first = page.locator(".tarjotin-search__result").first
    summary = first.locator(".tarjotin-search__summary")
    expect(summary).to_have_text("<img src=x onerror=\"window.__xss = 'summary'\">Tiivistelmä")
    expect(first.locator(".tarjotin-search__facts")).to_have_text(
        "Alue: <b onmouseover=\"window.__xss = 'area'\">Alue</b> · Pääsy: <i>Ei lähetettä</i>"
    )
    assert first.evaluate("li => li.querySelectorAll('p *').length") == 0
    # A page without a summary shows Pagefind's excerpt, where only <mark> is an element.
    excerpt = page.locator(".tarjotin-search__excerpt")
    expect(excerpt).to_have_text("<img src=x onerror=\"window.__xss = 'excerpt'\"> A & B <b> hoito \"x\" 'y'")
    assert excerpt.evaluate("p => [...p.querySelectorAll('*')].map(e => e.tagName)") == ["MARK"]
    page.wait_for_timeout(300)
    assert page.evaluate("window.__xss") is None


def test_search_that_cannot_load_offers_other_ways_in(page: Page, site_url: str) -> None:
    page.route("**/pagefind/pagefind.js", lambda route: route.abort())
    page.goto(f"{site_url}/haku/?q={FEW}")
    expect(status(page)).to_contain_text("Haku ei juuri nyt toimi.")
    for name, target in (("teemoittain", "/teemat/"), ("kunnittain", "/kunnat/")):
        link = status(page).get_by_role("link", name=name)
        expect(link).to_have_attribute("href", re.compile(f"{target}$"))
    expect(search_box(page)).to_be_hidden()
