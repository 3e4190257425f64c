"""The search relevance set (tests/fixtures/search-relevance.yml) and how it is run.

Shared by tests/browser/test_search_relevance.py and benchmarks/search_comparison.py
(``--relevance``), which also measures it on older checkouts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import yaml
from playwright.sync_api import Page, expect

RELEVANCE_SET = Path(__file__).resolve().parents[1] / "fixtures" / "search-relevance.yml"
#: The expected services must be among this many first results.
TOP = 3
#: The status line once a search has settled, found something or not ("löytyi", "ei löytynyt").
SETTLED = re.compile("löyty")


@dataclass(frozen=True)
class Query:
    query: str
    kind: str
    expect: tuple[str, ...]
    why: str
    via: str | None = None


def relevance_set(path: Path = RELEVANCE_SET) -> list[Query]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [
        Query(
            query=item["query"],
            kind=item["kind"],
            expect=tuple(item["expect"]),
            why=item["why"],
            via=item.get("via"),
        )
        for item in data["queries"]
    ]


def result_ids(page: Page, site_url: str, query: str) -> list[str]:
    """The service ids /haku/?q= lists for ``query``, in order, once the status line has settled."""
    page.goto(f"{site_url}/haku/?q={quote(query)}")
    status = page.locator(".tarjotin-search").get_by_role("status")
    expect(status).to_contain_text(SETTLED, timeout=15_000)  # a loaded machine is slow
    hrefs = page.locator(".tarjotin-search__title a").evaluate_all("links => links.map(a => a.href)")
    return [href.rstrip("/").split("/")[-1] for href in hrefs]


def misses(page: Page, site_url: str, queries: list[Query]) -> dict[str, tuple[list[str], list[str]]]:
    """The queries whose expected services are not all in the top :data:`TOP`: query -> (missing, top)."""
    missed = {}
    for item in queries:
        top = result_ids(page, site_url, item.query)[:TOP]
        missing = [service for service in item.expect if service not in top]
        if missing:
            missed[item.query] = (missing, top)
    return missed
