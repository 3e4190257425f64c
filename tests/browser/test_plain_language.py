"""Plain language: every service has a one-sentence summary, shown first.

The summary comes from the service's YAML (``summary``); it opens the service's
page right under its name, and each card in the listings right under the card's
heading, so a reader meets the plain sentence before any detail.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Browser, Page

from generator.model.catalogue import Catalogue
from generator.render.glossary import expansions

pytestmark = pytest.mark.browser

SERVICES = Path(__file__).resolve().parents[2] / "catalogue" / "services"
#: A sentence of plain Finnish stays short; the longest summary today has 19 words.
MAX_WORDS = 25
#: A sentence ends, and another begins with a capital letter.
SENTENCE_BREAK = re.compile(r"[.!?]\s+[A-ZÅÄÖ]")


def as_written(text: str, catalogue: Catalogue) -> str:
    """``text`` without the abbreviations a page writes out where it first uses them."""
    for term, expansion in expansions(catalogue.professional.glossary).items():
        text = text.replace(f" ({expansion})", "").replace(f" ({term}: {expansion})", "")
    return text


def summaries() -> dict[str, str | None]:
    return {
        path.stem: yaml.safe_load(path.read_text(encoding="utf-8")).get("summary")
        for path in sorted(SERVICES.glob("*.yml"))
    }


@pytest.fixture
def no_js(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(locale="fi-FI", java_script_enabled=False)
    yield context.new_page()
    context.close()


def test_every_service_has_a_one_sentence_summary() -> None:
    found = summaries()
    assert len(found) >= 26
    assert [name for name, text in found.items() if not text] == []
    not_one_sentence = {
        name: text
        for name, text in found.items()
        if text and (not text.rstrip().endswith((".", "!", "?")) or SENTENCE_BREAK.search(text))
    }
    assert not_one_sentence == {}
    too_long = {
        name: len(text.split()) for name, text in found.items() if text and len(text.split()) > MAX_WORDS
    }
    assert too_long == {}


def test_summary_opens_every_service_page(no_js: Page, site_url: str, default_catalogue: Catalogue) -> None:
    wrong = {}
    for service, summary in summaries().items():
        no_js.goto(f"{site_url}/palvelut/{service}/")
        # The first paragraph after the heading, past an "ended" notice if there is one.
        first = no_js.evaluate(
            """() => {
                let e = document.querySelector('.md-content h1').nextElementSibling;
                while (e && (e.tagName !== 'P' || e.closest('.admonition'))) e = e.nextElementSibling;
                return e ? [e.className, e.textContent.trim()] : null;
            }"""
        )
        if first is not None:
            first[1] = as_written(first[1], default_catalogue)
        if first != ["tarjotin-lead", " ".join((summary or "").split())]:
            wrong[service] = first
    assert wrong == {}


@pytest.mark.parametrize("path", ["/palvelut/", "/teemat/tyollistyminen/", "/kunnat/heinola/"])
def test_summary_comes_first_in_every_card(
    no_js: Page, site_url: str, path: str, default_catalogue: Catalogue
) -> None:
    expected = {name: " ".join(text.split()) for name, text in summaries().items() if text}
    no_js.goto(site_url + path)
    cards = no_js.eval_on_selector_all(
        ".tarjotin-card",
        """cards => cards.map(card => {
            const heading = card.querySelector('h2, h3, h4');
            const next = heading.nextElementSibling;
            return [card.dataset.service, next && next.tagName === 'P' ? next.textContent.trim() : null];
        })""",
    )
    assert cards
    shown = {service: text and as_written(text, default_catalogue) for service, text in cards}
    assert shown == {service: expected[service] for service, _ in cards}
