"""First visits to the home page and a service page transfer at most 300 KB.

The measurement is ``benchmarks/page_weight.py``'s (served with gzip, a fresh
browser profile per page); Lighthouse is not run here: it is a measurement, not
a test.
"""

from __future__ import annotations

import gzip
import importlib.util
import sys
import urllib.request
from pathlib import Path
from types import ModuleType

import pytest
from playwright.sync_api import Browser

pytestmark = pytest.mark.browser

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "page_weight.py"


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("page_weight", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def page_weight() -> ModuleType:
    return load_script()


def test_the_first_pages_a_citizen_meets_weigh_at_most_300_kb(
    page_weight: ModuleType, default_site: Path, browser: Browser
) -> None:
    with page_weight.serve(default_site) as base_url:
        weights = page_weight.measure_weight(base_url, browser)
    assert [w.page for w in weights] == ["home", "service", "listing", "search"]
    for weight in weights:
        assert weight.requests >= 5, "the page, its styles and its scripts were all counted"
        assert weight.transferred < weight.uncompressed, "the server compressed the text"
    assert {w.page: w.transferred for w in weights if w.transferred > 300_000} == {}


def test_the_measuring_server_compresses_like_a_web_server(
    page_weight: ModuleType, default_site: Path
) -> None:
    with page_weight.serve(default_site) as base_url:
        request = urllib.request.Request(f"{base_url}/", headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request) as response:
            assert response.headers["Content-Encoding"] == "gzip"
            body = response.read()
        with urllib.request.urlopen(f"{base_url}/") as plain:
            assert plain.headers["Content-Encoding"] is None
            assert gzip.decompress(body) == plain.read() == (default_site / "index.html").read_bytes()


def test_pages_make_no_failing_requests(browser: Browser, site_url: str) -> None:
    """Every request a page makes succeeds: nothing fetched in vain (e.g. a sitemap beside the feed)."""
    context = browser.new_context()
    page = context.new_page()
    failed: list[str] = []
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.on("requestfailed", lambda r: failed.append(f"failed {r.url}"))
    try:
        for path in ("/", "/palvelut/kela/", "/avoin-data/", "/haku/?q=kuntoutus"):
            page.goto(site_url + path)
            page.wait_for_load_state("networkidle")
    finally:
        context.close()
    assert failed == []
