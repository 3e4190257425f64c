"""Helpers for the accessibility tests: axe-core, the site's pages, focus and sizes."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, ViewportSize, expect

#: The WCAG 2.0 and 2.1 level A and AA rules; Finnish law requires WCAG 2.1 AA.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
#: Phones the site is designed for: 360 CSS px is the narrowest common Android width.
PHONE: ViewportSize = {"width": 360, "height": 740}
#: WCAG 2.5.5's size for touch targets, in CSS pixels.
MIN_TARGET = 44
#: Where screenshots and PDFs are kept for people to look at (gitignored).
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

_AXE = Axe()  # bundles axe.min.js from PyPI: nothing is fetched at test time


@contextmanager
def browser_page(browser: Browser, viewport: ViewportSize, *, phone: bool = False) -> Iterator[Page]:
    """A page in a new Finnish context; fails if the page's JavaScript threw."""
    context = browser.new_context(locale="fi-FI", viewport=viewport, is_mobile=phone, has_touch=phone)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        yield page
    finally:
        context.close()
    assert errors == [], f"JavaScript errors: {errors}"


def axe_violations(page: Page, context: str | None = None) -> list[dict[str, Any]]:
    """Run axe-core's WCAG 2.0/2.1 A and AA rules on the page as it is now."""
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    results = _AXE.run(page, context=context, options=options)
    violations: list[dict[str, Any]] = results.response["violations"]
    return violations


#: axe's best-practice rules on landmarks the site keeps to as well: all content inside
#: a landmark, and no two landmarks of one kind with the same name.
LANDMARK_RULES = ["region", "landmark-unique"]


def landmark_findings(page: Page) -> list[dict[str, Any]]:
    """Run axe-core's best-practice landmark rules (:data:`LANDMARK_RULES`) on the page."""
    options = {"runOnly": {"type": "rule", "values": LANDMARK_RULES}, "resultTypes": ["violations"]}
    findings: list[dict[str, Any]] = _AXE.run(page, options=options).response["violations"]
    return findings


def describe(violations: list[dict[str, Any]]) -> list[str]:
    """One readable line per failing element: rule, impact, element and what to fix."""
    lines = []
    for violation in violations:
        for node in violation["nodes"]:
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"{violation['id']} ({violation['impact']}) {node['target']}: {summary}")
    return lines


def site_pages(site: Path) -> list[str]:
    """The URL path of every page in a built site, Pagefind's bundle aside."""
    paths = []
    for html in sorted(site.rglob("*.html")):
        relative = html.relative_to(site)
        if relative.parts[0] in {"pagefind", "assets"}:
            continue
        if relative.name == "index.html":
            folder = relative.parent.as_posix()
            paths.append("/" if folder == "." else f"/{folder}/")
        else:
            paths.append(f"/{relative.as_posix()}")
    return paths


def page_file(site: Path, path: str) -> Path:
    """The HTML file that serves a URL path from :func:`site_pages`."""
    relative = path.strip("/")
    return site / relative / "index.html" if path.endswith("/") else site / relative


def focused(page: Page) -> dict[str, Any]:
    """What has keyboard focus: its tag, text, link, box and outline."""
    return page.evaluate(
        """() => {
            const e = document.activeElement;
            const box = e.getBoundingClientRect();
            const style = getComputedStyle(e);
            return {
                tag: e.tagName.toLowerCase(),
                id: e.id,
                text: (e.getAttribute('aria-label') || e.textContent || e.value || '')
                    .trim().replace(/\\s+/g, ' ').slice(0, 60),
                href: e.getAttribute('href'),
                x: box.x, y: box.y, width: box.width, height: box.height,
                outlineStyle: style.outlineStyle,
                outlineWidth: parseFloat(style.outlineWidth),
                inViewport: box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0
                    && box.left < innerWidth && box.top < innerHeight,
                visible: e.checkVisibility({visibilityProperty: true, opacityProperty: true}),
                inHeader: !!e.closest('.md-header, .tarjotin-sections'),
                inFooter: !!e.closest('.md-footer'),
                inContent: !!e.closest('.md-content'),
                inNav: !!e.closest('.md-sidebar--primary'),
                isBody: e === document.body,
            };
        }"""
    )


def box_sizes(page: Page, selector: str) -> list[dict[str, Any]]:
    """The rendered size of every visible element matching ``selector``."""
    return page.eval_on_selector_all(
        selector,
        """elements => elements
            .filter(e => e.checkVisibility())
            .map(e => {
                const box = e.getBoundingClientRect();
                const name = (e.getAttribute('aria-label') || e.textContent || e.name || e.id || '')
                    .trim().replace(/\\s+/g, ' ').slice(0, 40);
                const round = value => Math.round(value * 10) / 10;
                return {name, width: round(box.width), height: round(box.height)};
            })""",
    )


def open_filters(page: Page) -> None:
    """Open the all-services page's filters, which wait behind "Rajaa palveluita"."""
    toggle = page.get_by_role("button", name="Rajaa palveluita")
    if toggle.get_attribute("aria-expanded") != "true":
        toggle.click()
    expect(page.locator("#tarjotin-filters")).to_be_visible()
