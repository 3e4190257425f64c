"""Script injection through catalogue text, in Chromium.

Every kind of name an editor writes (municipality, theme, provider, service, path,
case, checklist, glossary term and expansion, region name and site texts, link
titles) carries markup meant to run script. The site is built from that catalogue,
and on one page of every type every visible link and abbreviation is hovered and
focused, which is when tooltip code reads a ``title`` attribute. The test fails on
any JavaScript dialog and on any element the markup would have created, and checks
that each name is still shown as the text it is.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Dialog, Page, ViewportSize
from ruamel.yaml import YAML

from generator.check.server import serve_site
from tests.conftest import PROJECT
from tests.helpers import tarjotin_build

pytestmark = pytest.mark.browser

#: Markup for an HTML text context, a double-quoted and a single-quoted attribute.
PAYLOADS = ["<img src=x onerror=alert(1)>", '"><svg onload=alert(1)>', "'><script>alert(1)</script>"]
PAYLOAD = " ".join(PAYLOADS)

#: Keys whose values are one-line plain text in every file that has them (names,
#: titles, link titles, checklist items, glossary expansions and definitions …).
#: Markdown sections refuse raw HTML in validation, so they are left alone.
PLAIN_TEXT_KEYS = {
    "name",
    "title",
    "summary",
    "expansion",
    "definition",
    "text",
    "decision_by",
    "coordinator",
    "owner",
    "basis",
    "threshold_text",
    "table_title",
    "short_name",
}
#: ``description`` is plain text here (a theme's, the site's), Markdown elsewhere.
PLAIN_DESCRIPTIONS = {"themes.yml", "region.yml"}
#: A glossary term that is itself markup, beside the existing terms (whose
#: expansions get the payload and which the pages' texts keep using).
EXTRA_TERM = f"XSSTESTI {PAYLOAD}"

#: One page of each type: (path, the text its <h1> must show, markup and all).
PAGES = [
    ("/", None),
    ("/palvelut/", None),
    ("/palvelut/typ/", "TYP"),
    ("/teemat/", None),
    ("/teemat/kuntoutus/", "Kuntoutus"),
    ("/kunnat/", None),
    ("/kunnat/hollola/", "Hollola"),
    ("/lisatietoa/", None),
    ("/avoin-data/", None),
    ("/haku/?q=palvelu", None),
    ("/tulosta/", None),
    ("/ammattilaisille/", None),
    ("/ammattilaisille/palvelupolut/", None),
    ("/ammattilaisille/palvelupolut/tym/", "TYM"),
    ("/ammattilaisille/asiakasesimerkit/", None),
    ("/ammattilaisille/asiakasesimerkit/maija/", "Maija"),
    ("/ammattilaisille/tunnistaminen/", None),
    ("/ammattilaisille/tunnistaminen/onko-asiakkaalla/", "Onko"),
    ("/ammattilaisille/sanasto/", None),
    ("/ammattilaisille/osallisuus/", "Asiakasosallisuus"),
    ("/tietoa/", None),
    ("/404.html", None),
]

#: What the markup would leave in the page had it been parsed as HTML anywhere.
INJECTED = """() => {
  const found = [];
  const describe = (el) => el.outerHTML.slice(0, 160);
  for (const el of document.querySelectorAll("*")) {
    if (el.getAttributeNames().some((name) => /^on/i.test(name))) found.push(describe(el));
  }
  for (const el of document.querySelectorAll('img[src="x"], svg[onload]')) found.push(describe(el));
  for (const el of document.querySelectorAll("script")) {
    if (el.textContent.trim() === "alert(1)") found.push(describe(el));
  }
  return [...new Set(found)];
}"""


def _plant(node: Any, file_name: str) -> None:
    """Append the payload to every plain-text value below ``node``."""
    if isinstance(node, dict):
        for key, value in node.items():
            plain = key in PLAIN_TEXT_KEYS or (key == "description" and file_name in PLAIN_DESCRIPTIONS)
            if isinstance(value, str) and plain:
                node[key] = f"{value} {PAYLOAD}"
            else:
                _plant(value, file_name)
    elif isinstance(node, list):
        for item in node:
            _plant(item, file_name)


def plant_payloads(catalogue: Path) -> None:
    yaml = YAML()  # round trip: the schema comment on the first line stays
    yaml.width = 10_000
    for path in sorted(catalogue.rglob("*.yml")):
        data = yaml.load(path)
        _plant(data, path.name)
        if path.name == "glossary.yml":
            data["terms"].append({"term": EXTRA_TERM, "expansion": f"Testitermi {PAYLOAD}"})
        if path.name == "region.yml":  # the header and footer show the owner, which is optional
            data["site"]["owner"] = f"Ylläpitäjä {PAYLOAD}"
        with path.open("w", encoding="utf-8") as stream:
            yaml.dump(data, stream)


@pytest.fixture(scope="module")
def injected_site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = tmp_path_factory.mktemp("injection") / "project"
    project.mkdir()
    shutil.copy(PROJECT / "mkdocs.yml", project / "mkdocs.yml")
    for folder in ("catalogue", "docs", "theme_overrides"):
        shutil.copytree(PROJECT / folder, project / folder)
    plant_payloads(project / "catalogue")
    site = project.parent / "site"
    site.mkdir()
    with serve_site(site) as url:
        # With the address known, as a published site has it: Material's instant
        # navigation follows only links listed in sitemap.xml, which needs site_url.
        config = project / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        assert 'site_url: ""' in text
        config.write_text(text.replace('site_url: ""', f'site_url: "{url}"'), encoding="utf-8")
        result = tarjotin_build(project, site)
        assert result.exit_code == 0, result.output
        yield url.rstrip("/")


def record_dialogs(page: Page) -> list[str]:
    """Record (and dismiss) every JavaScript dialog the page opens: script that ran."""
    dialogs: list[str] = []

    def on_dialog(dialog: Dialog) -> None:
        dialogs.append(f"{dialog.type} {dialog.message!r} on {page.url}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    return dialogs


#: A window tall enough that most of a page needs no scrolling to be pointed at.
VIEWPORT: ViewportSize = {"width": 1280, "height": 3000}

#: Every visible link and abbreviation, kept in the page for the calls below, and
#: where to point at each without scrolling (null: scroll first).
_TARGETS = """() => {
  window.__targets = [...document.querySelectorAll("a, abbr")].filter((el) => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && el.checkVisibility({ visibilityProperty: true });
  });
  return window.__targets.map((el, index) => window.__pointAt(index));
}"""
#: Where to point at one target: the centre of one of its boxes (a link that wraps
#: has one a line) where the target is the topmost thing.
_POINT_AT = """() => {
  window.__pointAt = (index, scroll) => {
    const el = window.__targets[index];
    if (scroll) el.scrollIntoView({ block: "center", inline: "nearest" });
    for (const box of el.getClientRects()) {
      const x = box.left + box.width / 2;
      const y = box.top + box.height / 2;
      const hit = document.elementFromPoint(x, y);
      if (hit && (hit === el || el.contains(hit))) return [x, y];
    }
    return null;
  };
}"""
#: Focus each target in turn, letting the page react to each.
_FOCUS = """async () => {
  for (const el of window.__targets) {
    el.focus();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}"""


def hover_and_focus_everything(page: Page) -> int:
    """Point the mouse at, then focus, every visible link and abbreviation.

    The mouse really moves, so the page gets the events a person's mouse makes
    (dispatching events from a script set off far fewer tooltips); Playwright's
    hover() would take ~70 ms an element for its checks, this a few. What is
    outside the window is scrolled to first; what stays covered (a link inside a
    collapsed part of the navigation) no one can point at, and is only focused.
    Returns how many elements the mouse pointed at.
    """
    page.evaluate(_POINT_AT)
    centres: list[list[float] | None] = page.evaluate(_TARGETS)
    pointed = 0
    for index, centre in enumerate(centres):
        if centre is None:
            centre = page.evaluate("(index) => window.__pointAt(index, true)", index)
        if centre is not None:
            page.mouse.move(*centre)
            pointed += 1
    page.mouse.move(0, 0)
    page.evaluate(_FOCUS)
    # An <img onerror> fires once its load has failed; give it the time.
    page.wait_for_timeout(300)
    return pointed


def test_no_markup_in_any_name_runs_or_becomes_html(page: Page, injected_site_url: str) -> None:
    page.set_viewport_size(VIEWPORT)
    dialogs = record_dialogs(page)
    injected: dict[str, list[str]] = {}
    hovered = 0
    for path, heading in PAGES:
        page.goto(f"{injected_site_url}{path}")
        if path.startswith("/haku/"):
            page.locator(".tarjotin-search__result").first.wait_for()
        if heading is not None:
            shown = page.locator("h1").first.inner_text()
            assert heading in shown and PAYLOAD in shown, f"{path}: the <h1> shows {shown!r}"
        hovered += hover_and_focus_everything(page)
        found = page.evaluate(INJECTED)
        if found:
            injected[path] = found
    # One page reached by instant navigation: Material swaps the content in and mounts
    # its components again, which is where a tooltip would be set up anew.
    page.goto(f"{injected_site_url}/kunnat/")
    page.evaluate("window.__sameDocument = true")
    page.locator("article a[href$='hollola/']").first.click()
    page.wait_for_url("**/kunnat/hollola/")
    page.locator("h1", has_text="Hollola").wait_for()
    assert page.evaluate("window.__sameDocument === true"), "the link was not followed by instant navigation"
    hovered += hover_and_focus_everything(page)
    if found := page.evaluate(INJECTED):
        injected["/kunnat/hollola/ (instant navigation)"] = found
    assert dialogs == [], f"script ran: {dialogs}"
    assert injected == {}, f"markup became HTML: {injected}"
    assert hovered > 500, "too few links and abbreviations were hovered for the test to mean much"


def test_every_kind_of_name_is_shown_as_text(page: Page, injected_site_url: str) -> None:
    expected = {
        "/": [f"tuen palvelut Päijät-Hämeessä {PAYLOAD}", f"Hollola {PAYLOAD}", f"Kuntoutus {PAYLOAD}"],
        "/teemat/kuntoutus/": [f"Koko Päijät-Häme {PAYLOAD}", f"toimintakykyä. {PAYLOAD}"],
        "/palvelut/typ/": [f"(Päijät-Sote) {PAYLOAD}"],  # its provider
        "/ammattilaisille/palvelupolut/": [PAYLOAD],
        "/ammattilaisille/sanasto/": [EXTRA_TERM, f"Testitermi {PAYLOAD}", f"Kansaneläkelaitos {PAYLOAD}"],
    }
    for path, texts in expected.items():
        page.goto(f"{injected_site_url}{path}")
        body = page.locator("body").inner_text()
        for text in texts:
            assert text in body, f"{path} does not show {text!r} as text"
    # Glossary expansions are written out in the text where a page first uses the term.
    page.goto(f"{injected_site_url}/palvelut/kela/")
    assert f"Kela (Kansaneläkelaitos {PAYLOAD})" in page.locator(".tarjotin-lead").inner_text()
