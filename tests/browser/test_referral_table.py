"""The professionals' referral table at every width: readable, whole words, a real table."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.a11y import ARTIFACTS, PHONE, axe_violations, describe

pytestmark = pytest.mark.browser

#: Every word of the table's text that the browser laid out on more than one line. A
#: compound's parts count as words: "sote-" may end a line, as hyphenated words do.
BROKEN_WORDS = """() => {
    const table = document.getElementById('tarjotin-referral-table');
    const walker = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
    const broken = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent.checkVisibility() || parent.closest('.tarjotin-visually-hidden')) continue;
        for (const match of node.textContent.matchAll(/[^\\s\u2010-\u2014-]+/g)) {
            const range = document.createRange();
            range.setStart(node, match.index);
            range.setEnd(node, match.index + match[0].length);
            const boxes = [...range.getClientRects()].filter(r => r.width > 0);
            const lines = new Set(boxes.map(r => Math.round(r.top)));
            if (lines.size > 1) broken.push(match[0]);
        }
    }
    return broken;
}"""


@pytest.mark.parametrize("width", [PHONE["width"], 768, 1280])
def test_no_horizontal_scroll_and_no_word_broken(browser: Browser, site_url: str, width: int) -> None:
    context = browser.new_context(locale="fi-FI", viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        page.goto(site_url + "/ammattilaisille/")
        expect(page.locator("tr[data-service-id='typ'] .tarjotin-list-toggle")).to_be_visible()
        sizes = page.evaluate(
            """() => {
                const wrapper = document.querySelector('.tarjotin-table-wrapper');
                return {page: document.documentElement.scrollWidth, inner: wrapper.scrollWidth,
                        box: wrapper.clientWidth};
            }"""
        )
        assert sizes["page"] <= width
        if width == PHONE["width"]:
            assert sizes["inner"] <= sizes["box"], "no scrolling inside the table's box on a phone"
        assert page.evaluate(BROKEN_WORDS) == []
        # "Ei tietoa" read as if the site were broken: the page says what is unknown and why.
        assert "Ei tietoa" not in page.locator("#tarjotin-referral-table").inner_text()
        expect(page.locator("tr[data-service-id='kela']")).to_contain_text("Lähde ei kerro")
        page.screenshot(path=str(ARTIFACTS / f"referral-table-{width}.png"), full_page=True)
    finally:
        context.close()


@pytest.mark.parametrize("width", [PHONE["width"], 1280])
def test_the_table_stays_a_table_and_works_by_keyboard(browser: Browser, site_url: str, width: int) -> None:
    context = browser.new_context(locale="fi-FI", viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        page.goto(site_url + "/ammattilaisille/")
        table = page.get_by_role("table", name="Palvelut ja niihin pääsy")
        expect(table).to_be_visible()
        expect(table.get_by_role("rowheader", name="Kuntakokeilu")).to_be_visible()
        expect(table.get_by_role("columnheader").first).to_be_visible()
        assert table.get_by_role("row").count() == 1 + table.locator("tbody tr").count()

        sort = table.get_by_role("button", name="Palvelu", exact=True)
        sort.focus()
        page.keyboard.press("Enter")
        expect(table.locator("thead th").first).to_have_attribute("aria-sort", "ascending")
        add = page.locator("tr[data-service-id='kuntakokeilu']").get_by_role(
            "button", name="Lisää palvelulistalle: Kuntakokeilu"
        )
        add.focus()
        page.keyboard.press("Enter")
        expect(
            page.locator("tr[data-service-id='kuntakokeilu']").get_by_role(
                "button", name="Poista palvelulistalta: Kuntakokeilu"
            )
        ).to_be_focused()
        expect(page.locator("#tarjotin-header-list")).to_be_visible()
        page.keyboard.press("Space")
        expect(page.locator("#tarjotin-header-list")).to_be_hidden()
        assert describe(axe_violations(page)) == []
    finally:
        context.close()
