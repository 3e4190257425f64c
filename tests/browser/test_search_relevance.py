"""The search relevance set through the real /haku/ page: every query's services in the top 3.

The set (tests/fixtures/search-relevance.yml) is queries in people's words: parts of
compounds, questions, everyday and colloquial words, English, Swedish, inflected and
misspelt forms. Its hit rate before and after the work on issue 15 is in
developer-docs/search.md; benchmarks/search_comparison.py --relevance measures any
checkout the same way.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from generator.search.vocabulary import service_text
from tests.browser.relevance import TOP, misses, relevance_set, result_ids

QUERIES = relevance_set()
KINDS = {"compound", "question", "several words", "everyday", "English", "Swedish", "inflected", "misspelt"}


def test_the_set_is_large_varied_and_justified_by_the_service_texts(default_catalogue: Any) -> None:
    """At least 40 queries of every kind, each answer quoted from its service's own text."""
    assert len(QUERIES) >= 40
    assert len({item.query for item in QUERIES}) == len(QUERIES)
    kinds = Counter(item.kind for item in QUERIES)
    assert set(kinds) == KINDS and min(kinds.values()) >= 3, kinds
    terms = {entry.term: entry for entry in default_catalogue.vocabulary}
    for item in QUERIES:
        texts = [service_text(default_catalogue.services_by_id[s].entry).casefold() for s in item.expect]
        assert any(item.why.casefold() in text for text in texts), f"{item.query}: '{item.why}' is not there"
        for service in item.expect:  # an ended service is out of search
            assert not default_catalogue.services_by_id[service].has_ended(date.today()), item.query
        if item.via is not None:  # the vocabulary takes the query's words to the term
            assert item.via in terms, item.query
            words = terms[item.via].words
            # the word, or its stem (masennus → masennukseen)
            stems = [word.casefold()[: max(4, len(word) - 2)] for word in words]
            assert any(stem in item.query.casefold() for stem in stems), item.query


@pytest.mark.browser
def test_every_query_finds_its_services_in_the_top_three(page: Page, site_url: str) -> None:
    missed = misses(page, site_url, QUERIES)
    report = "\n".join(f"- {query}: {missing} not in {top}" for query, (missing, top) in missed.items())
    assert not missed, f"{len(QUERIES) - len(missed)}/{len(QUERIES)} in the top {TOP}:\n{report}"


@pytest.mark.browser
def test_a_question_says_which_words_it_searched(page: Page, site_url: str) -> None:
    assert result_ids(page, site_url, "mistä saan apua masennukseen")[0] == "psykiatrinen-sairaanhoitaja"
    status = page.locator(".tarjotin-search").get_by_role("status")
    expect(status).to_contain_text(
        "löytyi haulla ”mistä saan apua masennukseen”. Haettiin sanalla ”masennukseen”."
    )
    # A word that finds nothing is dropped too, and the others still find the service.
    assert "ohjaamo-lahti" in result_ids(page, site_url, "nuorille ohjausta xyzzyq")[:TOP]
    expect(status).to_contain_text("Haettiin sanoilla ”nuorille” ja ”ohjausta”.")


@pytest.mark.browser
def test_results_matching_more_words_rank_first(page: Page, site_url: str) -> None:
    """Both words beat either one: the unemployed's health check before other services for the unemployed."""
    ranked = result_ids(page, site_url, "työttömien terveystarkastus")
    assert ranked[0] == "tyottomien-terveydenhoitaja"
    assert len(ranked) > len(result_ids(page, site_url, "terveystarkastus"))  # either word finds a page


@pytest.mark.browser
def test_no_results_suggest_the_themes_the_listing_and_the_closest_words(
    page: Page, site_url: str, default_catalogue: Any
) -> None:
    help_ = page.locator(".tarjotin-search__suggestions")
    page.goto(f"{site_url}/haku/?q=xyzzyq")
    expect(help_).to_be_visible()
    for theme in default_catalogue.themes:
        expect(help_.get_by_role("link", name=theme.name, exact=True)).to_have_attribute(
            "href", re.compile(f"/teemat/{theme.id}/$")
        )
    expect(help_.get_by_role("link", name="Kaikki palvelut A–Ö")).to_have_attribute(
        "href", re.compile("/palvelut/$")
    )
    expect(help_.locator(".tarjotin-search__closest")).to_be_hidden()  # nothing in the index is close

    page.goto(f"{site_url}/haku/?q=fysoiterapia")  # a misspelling Pagefind cannot match
    expect(help_).to_be_visible()
    closest = help_.locator(".tarjotin-search__closest")
    expect(closest).to_be_visible()
    suggested = closest.get_by_role("link").all_inner_texts()
    assert suggested and suggested[0].startswith("fysioterap"), suggested
    closest.get_by_role("link").first.click()
    page.wait_for_url(f"**/haku/?q={suggested[0]}")
    expect(page.locator(".tarjotin-search__result").first).to_be_visible()
    expect(help_).to_be_hidden()
