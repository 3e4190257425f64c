"""Compare Pagefind with Material's lunr search on five Finnish queries.

Run from anywhere (it finds the project from its own path):

    .venv/bin/python benchmarks/search_comparison.py [--json results.json] [--keep]
    .venv/bin/python benchmarks/search_comparison.py --project /path/to/a/checkout
    .venv/bin/python benchmarks/search_comparison.py --relevance [--project DIR | --site SITE]

``--relevance`` runs only the relevance set of tests/fixtures/search-relevance.yml through
the search page, and measures the first search's Pagefind files and the time from the last
key press to the results.

``--project`` builds another checkout (e.g. ``git archive HEAD | tar -x -C DIR``) with
this virtualenv; its own ``generator`` package is used for the build.

It builds the default site into temporary folders:

* ``pagefind``   – the site as it is (``tarjotin build``; Pagefind indexes it);
* ``lunr``       – Material's search plugin with ``lang: fi`` (Material's default
  pipeline for ``fi``: stop words only, no stemming) and ``tarjotin: search: false``;
* ``lunr-stem``  – as ``lunr`` plus ``pipeline: [stemmer, stopWordFilter, trimmer]``,
  which is what actually switches lunr-languages' Finnish stemmer on.

Each build is served on 127.0.0.1 and driven in Debian's Chromium through
Playwright. Rankings: Pagefind through its JS API (``pagefind.js`` ``search()``),
cross-checked against the search page ``/haku/`` (the site's own UI, ``search.js``);
lunr through Material's real header search UI (so Material's query rewriting, e.g.
trailing wildcards, applies).
Payload: every response body from loading the home page through the first
results (deduplicated by URL, as a browser cache would), raw and gzip -6.

Nothing in the project is modified; builds go to a temporary folder.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import functools
import gzip
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from generator.check.server import serve_site

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
#: (query, expected page path)
QUERIES: list[tuple[str, str]] = [
    ("kuntoutukseen", "/palvelut/kela/"),
    ("nuorille", "/palvelut/ohjaamo-lahti/"),
    ("työttömän terveystarkastus", "/palvelut/tyottomien-terveydenhoitaja/"),
    ("mielenterveys", "/palvelut/psykiatrinen-sairaanhoitaja/"),
    ("TYP", "/palvelut/typ/"),
]
TOP_N = 5
#: Results kept per query: enough to rank among service pages only (see report()).
CAPTURE = 10
SERVICE_PAGE = re.compile(r"/palvelut/[^/]+/")
LUNR_STEM_PIPELINE = ["stemmer", "stopWordFilter", "trimmer"]


# --------------------------------------------------------------------------- builds


def _env(project: Path) -> dict[str, str]:
    """Import the project's own ``generator`` first (ahead of the editable install)."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(project), env.get("PYTHONPATH")]))
    return env


def _run(command: list[str], project: Path, what: str) -> None:
    result = subprocess.run(
        command, cwd=project, env=_env(project), capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise RuntimeError(f"{what} failed:\n{result.stdout}{result.stderr}")


def build_pagefind(project: Path, site: Path) -> None:
    """The site as is: ``tarjotin build --site-dir SITE`` from the project folder."""
    tarjotin = Path(sys.executable).with_name("tarjotin")
    if project == ROOT and tarjotin.exists():
        command = [str(tarjotin)]
    else:  # the console script would import the editable install's generator
        command = [sys.executable, "-c", "from generator.cli import main; main()"]
    _run([*command, "build", "--site-dir", str(site)], project, "tarjotin build")


def build_lunr(project: Path, site: Path, pipeline: list[str] | None = None) -> None:
    """mkdocs.yml with Material's search plugin (lang fi) and Pagefind switched off (in a subprocess)."""
    command = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--build-lunr",
        str(site),
        "--project",
        str(project),
    ]
    if pipeline is not None:
        command += ["--pipeline", ",".join(pipeline)]
    _run(command, project, "lunr build")


def _build_lunr_here(project: Path, site: Path, pipeline: list[str] | None) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.utils.yaml import yaml_load

    config_file = project / "mkdocs.yml"
    with config_file.open(encoding="utf-8") as stream:
        raw = yaml_load(stream)
    plugins: list[Any] = []
    for item in raw.get("plugins", []):
        name, options = (item, {}) if isinstance(item, str) else next(iter(item.items()))
        options = dict(options or {})
        if name == "tarjotin":
            options["search"] = False
        if name not in ("search", "material/search"):
            plugins.append({name: options})
    search: dict[str, Any] = {"lang": "fi"}
    if pipeline is not None:
        search["pipeline"] = pipeline
    plugins.insert(0, {"search": search})

    # load_config's keyword arguments override mkdocs.yml; relative paths still resolve
    # against the real mkdocs.yml, so no copy of it is needed.
    config = load_config(str(config_file), site_dir=str(site), plugins=plugins)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()


# --------------------------------------------------------------------------- serving


class _Handler(SimpleHTTPRequestHandler):
    extensions_map = {  # noqa: RUF012 - extends the base class's mapping
        **SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".json": "application/json",
    }

    def end_headers(self) -> None:
        # A typical static host: cacheable for a while, so a second page view reuses assets.
        self.send_header("Cache-Control", "public, max-age=600")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


# --------------------------------------------------------------------------- measuring


@dataclass
class Download:
    url: str
    status: int
    raw: int
    gzipped: int
    content_length: int | None


@dataclass
class Recorder:
    """Collects response bodies; ``mark()`` snapshots the total so far."""

    base: str
    downloads: dict[str, Download] = field(default_factory=dict)
    pending: list[asyncio.Task[None]] = field(default_factory=list)

    def attach(self, page: Any) -> None:
        page.on("response", lambda response: self.pending.append(asyncio.ensure_future(self._take(response))))

    async def _take(self, response: Any) -> None:
        url = response.url
        if url in self.downloads or not url.startswith(self.base):
            return
        try:
            body = await response.body()
        except Exception:  # redirects and aborted requests have no body
            body = b""
        header = response.headers.get("content-length")
        self.downloads[url] = Download(
            url=url[len(self.base) :],
            status=response.status,
            raw=len(body),
            gzipped=len(gzip.compress(body, compresslevel=6)) if body else 0,
            content_length=int(header) if header and header.isdigit() else None,
        )

    async def settle(self) -> list[Download]:
        while self.pending:
            batch, self.pending = self.pending, []
            await asyncio.gather(*batch)
        return list(self.downloads.values())


def is_search_asset(path: str, engine: str) -> bool:
    if engine == "pagefind":
        return path.startswith("/pagefind/")
    return path.startswith("/search/") or "/lunr/" in path or "/workers/search" in path


def totals(downloads: list[Download], engine: str) -> dict[str, int]:
    search = [d for d in downloads if is_search_asset(d.url, engine)]
    return {
        "requests": len(downloads),
        "raw": sum(d.raw for d in downloads),
        "gzip": sum(d.gzipped for d in downloads),
        "search_requests": len(search),
        "search_raw": sum(d.raw for d in search),
        "search_gzip": sum(d.gzipped for d in search),
    }


def page_path(href: str) -> str:
    return urlsplit(href).path


async def stable_hrefs(page: Any, script: str, *, settle: float = 1.0, timeout: float = 15.0) -> list[str]:
    """Poll ``script`` until its non-empty list of hrefs has not changed for ``settle`` seconds."""
    deadline = time.monotonic() + timeout
    last: list[str] | None = None
    since = time.monotonic()
    while time.monotonic() < deadline:
        current = await page.evaluate(script)
        if current != last:
            last, since = current, time.monotonic()
        elif current and time.monotonic() - since >= settle:
            return current
        await page.wait_for_timeout(100)
    return last or []


PAGEFIND_UI_HREFS = """() => [...document.querySelectorAll('.tarjotin-search__title a')]
  .map(a => a.href).filter(Boolean)"""
MATERIAL_HREFS = """() => [...document.querySelectorAll('.md-search-result__item')]
  .map(li => li.querySelector('a.md-search-result__link')?.href).filter(Boolean)"""
PAGEFIND_API = """async ([q, n]) => {
  const pagefind = await import('/pagefind/pagefind.js');
  const search = await pagefind.search(q);
  const data = await Promise.all(search.results.slice(0, n).map(r => r.data()));
  return {count: search.results.length, urls: data.map(d => d.url),
          scores: search.results.slice(0, n).map(r => r.score)};
}"""


async def pagefind_session(browser: Any, base: str) -> dict[str, Any]:
    """A user on the home page types in the header form, lands on /haku/?q=, then refines there."""
    context = await browser.new_context(locale="fi-FI", viewport={"width": 1280, "height": 900})
    page = await context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    recorder = Recorder(base)
    recorder.attach(page)
    ui: dict[str, list[str]] = {}
    payload: dict[str, Any] = {}
    await page.goto(base + "/", wait_until="load")
    for index, (query, _) in enumerate(QUERIES):
        if index == 0:
            await page.locator("#tarjotin-header-q").fill(query)
            await page.keyboard.press("Enter")
            await page.wait_for_url("**/haku/?q=*")
        else:
            box = page.locator("#tarjotin-search-q")
            await box.fill("")
            await box.type(query, delay=40)
        hrefs = await stable_hrefs(page, PAGEFIND_UI_HREFS)
        ui[query] = [page_path(h) for h in hrefs[:CAPTURE]]
        if index == 0:
            payload["first_query"] = totals(await recorder.settle(), "pagefind")
            payload["first_query_files"] = [d.__dict__ for d in await recorder.settle()]
    payload["all_queries"] = totals(await recorder.settle(), "pagefind")

    # Rankings through the JS API, as the brief asks (same engine as the UI above).
    api: dict[str, Any] = {}
    for query, _ in QUERIES:
        api[query] = await page.evaluate(PAGEFIND_API, [query, CAPTURE])
        api[query]["urls"] = [page_path(u) for u in api[query]["urls"]]
    await context.close()
    return {"api": api, "ui": ui, "payload": payload, "errors": errors}


async def lunr_session(browser: Any, base: str, engine: str) -> dict[str, Any]:
    """A user on the home page types each query into Material's header search."""
    context = await browser.new_context(locale="fi-FI", viewport={"width": 1280, "height": 900})
    page = await context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    recorder = Recorder(base)
    recorder.attach(page)
    ui: dict[str, list[str]] = {}
    counts: dict[str, str] = {}
    payload: dict[str, Any] = {}
    await page.goto(base + "/", wait_until="load")
    box = page.locator('[data-md-component="search-query"]')
    for index, (query, _) in enumerate(QUERIES):
        await box.focus()
        await box.fill("")
        await page.wait_for_function(
            "() => document.querySelectorAll('.md-search-result__item').length === 0", timeout=5000
        )
        await box.type(query, delay=40)
        with contextlib.suppress(Exception):  # a query without results shows no items
            await page.wait_for_selector(".md-search-result__item", timeout=8000)
        hrefs = await stable_hrefs(page, MATERIAL_HREFS, timeout=4.0)
        ui[query] = [page_path(h) for h in hrefs[:CAPTURE]]
        counts[query] = (await page.locator(".md-search-result__meta").inner_text()).strip()
        if index == 0:
            payload["first_query"] = totals(await recorder.settle(), engine)
            payload["first_query_files"] = [d.__dict__ for d in await recorder.settle()]
    payload["all_queries"] = totals(await recorder.settle(), engine)
    await context.close()
    return {"ui": ui, "counts": counts, "payload": payload, "errors": errors}


async def measure(sites: dict[str, Path]) -> dict[str, Any]:
    from playwright.async_api import async_playwright

    results: dict[str, Any] = {}
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for engine, site in sites.items():
                with serve_site(site, _Handler) as url:
                    if engine == "pagefind":
                        results[engine] = await pagefind_session(browser, url.rstrip("/"))
                    else:
                        results[engine] = await lunr_session(browser, url.rstrip("/"), engine)
        finally:
            await browser.close()
    return results


# --------------------------------------------------------------------------- disk sizes


def folder_size(path: Path, pattern: str = "**/*") -> tuple[int, int, int]:
    files = [p for p in path.glob(pattern) if p.is_file()]
    raw = sum(p.stat().st_size for p in files)
    gz = sum(len(gzip.compress(p.read_bytes(), compresslevel=6)) for p in files)
    return len(files), raw, gz


def disk_sizes(sites: dict[str, Path]) -> dict[str, dict[str, tuple[int, int, int]]]:
    sizes: dict[str, dict[str, tuple[int, int, int]]] = {}
    if "pagefind" in sites:
        bundle = sites["pagefind"] / "pagefind"
        sizes["pagefind"] = {
            "pagefind/ (everything)": folder_size(bundle),
            "index chunks (index/*.pf_index)": folder_size(bundle, "index/*"),
            "fragments (fragment/*.pf_fragment)": folder_size(bundle, "fragment/*"),
            "filters (filter/*.pf_filter)": folder_size(bundle, "filter/*"),
            "metadata (*.pf_meta)": folder_size(bundle, "*.pf_meta"),
            "wasm (wasm.*.pagefind)": folder_size(bundle, "wasm.*.pagefind"),
            "JS + CSS (pagefind*.js, *.css)": (
                tuple(
                    a + b
                    for a, b in zip(folder_size(bundle, "*.js"), folder_size(bundle, "*.css"), strict=True)
                )  # type: ignore[dict-item]
            ),
        }
    for engine in ("lunr", "lunr-stem"):
        if engine in sites:
            assets = sites[engine] / "assets" / "javascripts"
            sizes[engine] = {
                "search/search_index.json": folder_size(sites[engine] / "search", "search_index.json"),
                "Material search worker (workers/search.*.js)": folder_size(assets, "workers/search.*.js"),
                "lunr.fi + lunr.stemmer.support (lunr/min/)": (
                    tuple(
                        a + b
                        for a, b in zip(
                            folder_size(assets, "lunr/min/lunr.fi.min.js"),
                            folder_size(assets, "lunr/min/lunr.stemmer.support.min.js"),
                            strict=True,
                        )
                    )  # type: ignore[dict-item]
                ),
            }
    return sizes


# --------------------------------------------------------------------------- report


def kb(n: int) -> str:
    return f"{n / 1024:.1f} KiB"


def rank(urls: list[str], expected: str) -> str:
    urls = urls[:TOP_N]
    return str(urls.index(expected) + 1) if expected in urls else f"not in top {TOP_N}"


def ranked_urls(results: dict[str, Any], engine: str, query: str) -> list[str]:
    found = results[engine]["api"][query] if engine == "pagefind" else results[engine]["ui"][query]
    return list(found["urls"] if engine == "pagefind" else found)


def coverage(site: Path, engine: str) -> str:
    if engine == "pagefind":
        return f"{len(list((site / 'pagefind' / 'fragment').glob('*')))} pages (service pages in force)"
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    pages = {d["location"].split("#")[0] for d in docs}
    services = {p for p in pages if SERVICE_PAGE.fullmatch("/" + p)}
    return f"{len(pages)} pages ({len(services)} service pages, every other page too), {len(docs)} sections"


def report(
    results: dict[str, Any], sizes: dict[str, Any], failures: dict[str, str], sites: dict[str, Path]
) -> str:
    engines = list(results)
    lines: list[str] = []
    lines.append("## Rank of the expected page (1 = first result)\n")
    lines.append("| query | expected | " + " | ".join(engines) + " |")
    lines.append("| --- | --- | " + " | ".join("---" for _ in engines) + " |")
    for query, expected in QUERIES:
        cells = [rank(ranked_urls(results, engine, query), expected) for engine in engines]
        lines.append(f"| `{query}` | `{expected}` | " + " | ".join(cells) + " |")
    lunrs = [e for e in engines if e != "pagefind"]
    if lunrs:
        lines.append(
            "\nlunr, counting service pages only (as if listings, theme, municipality and search pages "
            f"were excluded from its index; from the first {CAPTURE} results):\n"
        )
        lines.append("| query | " + " | ".join(lunrs) + " |")
        lines.append("| --- | " + " | ".join("---" for _ in lunrs) + " |")
        for query, expected in QUERIES:
            cells = []
            for engine in lunrs:
                only = [u for u in ranked_urls(results, engine, query) if SERVICE_PAGE.fullmatch(u)]
                cells.append(rank(only, expected))
            lines.append(f"| `{query}` | " + " | ".join(cells) + " |")

    lines.append("\n## Top-5 result pages\n")
    lines.append("| engine | query | results (count) | top 5 |")
    lines.append("| --- | --- | --- | --- |")
    for engine in engines:
        for query, _ in QUERIES:
            if engine == "pagefind":
                api = results[engine]["api"][query]
                urls, count = api["urls"][:TOP_N], str(api["count"])
            else:
                urls, count = results[engine]["ui"][query][:TOP_N], results[engine]["counts"][query]
            lines.append(f"| {engine} | `{query}` | {count} | " + ", ".join(urls or ["—"]) + " |")
    if "pagefind" in results:
        agree = all(
            results["pagefind"]["ui"][q][:TOP_N] == results["pagefind"]["api"][q]["urls"][:TOP_N]
            for q, _ in QUERIES
        )
        lines.append(
            f"\nThe search page /haku/ gives the same top 5 as the JS API: {'yes' if agree else 'NO'}"
        )
        if not agree:
            for q, _ in QUERIES:
                lines.append(f"- `{q}` UI: {', '.join(results['pagefind']['ui'][q][:TOP_N])}")

    lines.append("\n## Downloaded from the home page through the results (deduplicated by URL)\n")
    lines.append(
        "| engine | when | requests | total raw | total gzip -6 | search-only requests "
        "| search-only raw | search-only gzip -6 |"
    )
    lines.append("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for engine in engines:
        for when, label in (("first_query", "first query"), ("all_queries", "after all 5 queries")):
            t = results[engine]["payload"][when]
            lines.append(
                f"| {engine} | {label} | {t['requests']} | {kb(t['raw'])} | {kb(t['gzip'])} "
                f"| {t['search_requests']} | {kb(t['search_raw'])} | {kb(t['search_gzip'])} |"
            )

    lines.append("\n## What is indexed\n")
    for engine, site in sites.items():
        lines.append(f"- {engine}: {coverage(site, engine)}")

    lines.append("\n## Search files on disk\n")
    lines.append("| engine | what | files | raw | gzip -6 |")
    lines.append("| --- | --- | --- | --- | --- |")
    for engine, parts in sizes.items():
        for what, (count, raw, gz) in parts.items():
            lines.append(f"| {engine} | {what} | {count} | {kb(raw)} | {kb(gz)} |")

    errors = {e: r["errors"] for e, r in results.items() if r["errors"]}
    if errors:
        lines.append("\n## JavaScript errors\n")
        for engine, messages in errors.items():
            for message in messages:
                lines.append(f"- {engine}: {message.splitlines()[0]}")
    if failures:
        lines.append("\n## Variants that failed to build\n")
        for engine, message in failures.items():
            lines.append(f"- {engine}: {message}")
    return "\n".join(lines)


# --------------------------------------------------------------------------- relevance

#: Queries typed into /haku/ to time the step from the last key press to the results.
TYPED = ["kuntoutus", "mistä saan apua masennukseen", "valmentaja", "doctor", "työttömän terveystarkastus"]
#: Milliseconds between key presses: a quick typist. The page waits one and a half of
#: the typist's own usual gap (120–300 ms) before it searches.
KEY_GAP = 120
TIME_TO_RESULTS = """async ([query, gap]) => {
  const box = document.querySelector('#tarjotin-search-q');
  const list = document.querySelector('.tarjotin-search__results');
  box.value = '';
  box.dispatchEvent(new Event('input', {bubbles: true}));
  await new Promise(resolve => setTimeout(resolve, 1500));
  return await new Promise(resolve => {
    let last = 0;
    // The results of the whole query: its ?q= is in the address before they are shown.
    const observer = new MutationObserver(() => {
      if (new URLSearchParams(location.search).get('q') === query && list.children.length && !list.hidden) {
        observer.disconnect(); resolve(performance.now() - last);
      }
    });
    observer.observe(list, {childList: true, attributes: true});
    (function key(i) {
      box.value = query.slice(0, i);
      last = performance.now();
      box.dispatchEvent(new Event('input', {bubbles: true}));
      if (i < query.length) setTimeout(() => key(i + 1), gap);
    })(1);
  });
}"""


def first_search_payload(site: Path, urls: list[str], base: str) -> tuple[int, int, int]:
    """Requests, raw and gzip -6 bytes of the Pagefind files a first search loaded (from the site folder)."""
    files = {urlsplit(url).path for url in urls if url.startswith(base) and "/pagefind/" in url}
    raw = gz = 0
    for path in files:
        body = (site / path.lstrip("/")).read_bytes()
        raw += len(body)
        gz += len(gzip.compress(body, compresslevel=6))
    return len(files), raw, gz


def relevance(project: Path, site: Path | None, work: Path) -> str:
    """The relevance set through /haku/, the first search's payload and the time to results."""
    from collections import Counter

    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(ROOT))
    from tests.browser.relevance import TOP, misses, relevance_set

    if site is None:
        site = work / "site"
        build_pagefind(project, site)
    queries = relevance_set()
    lines: list[str] = []
    with serve_site(site, _Handler) as url, sync_playwright() as playwright:
        base = url.rstrip("/")
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_context(locale="fi-FI").new_page()
            loaded: list[str] = []  # the page's and its search worker's requests
            page.on("request", lambda request: loaded.append(request.url))
            page.goto(f"{base}/haku/?q=kuntoutus")
            page.wait_for_selector(".tarjotin-search__title a")
            page.wait_for_load_state("networkidle")
            requests, raw, gz = first_search_payload(site, loaded, base)
            page.goto(f"{base}/haku/")
            page.wait_for_function("document.querySelector('.tarjotin-search__filter:not([hidden])')")
            timings = [(query, page.evaluate(TIME_TO_RESULTS, [query, KEY_GAP])) for query in TYPED]
            missed = misses(page, base, queries)
        finally:
            browser.close()
    kinds = Counter(item.kind for item in queries)
    missed_kinds = Counter(item.kind for item in queries if item.query in missed)
    hits = len(queries) - len(missed)
    lines.append(f"## Relevance: {hits}/{len(queries)} queries with their services in the top {TOP}\n")
    lines.append("| kind | in the top 3 |")
    lines.append("| --- | --- |")
    for kind, count in kinds.items():
        lines.append(f"| {kind} | {count - missed_kinds[kind]}/{count} |")
    for query, (missing, top) in missed.items():
        lines.append(f"- miss: `{query}`: {', '.join(missing)} not in {', '.join(top) or 'no results'}")
    lines.append(
        f"\nFirst search (`kuntoutus`), Pagefind files: {requests} requests, {kb(raw)} raw, {kb(gz)} gzip -6"
    )
    lines.append(
        f"\nFrom the last key press to the results, typed {KEY_GAP} ms a key "
        f"(includes the {round(KEY_GAP * 1.5)} ms pause the page waits for):\n"
    )
    for query, ms in timings:
        lines.append(f"- `{query}`: {ms:.0f} ms")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="Also write the raw measurements to this file.")
    parser.add_argument("--keep", action="store_true", help="Keep the temporary builds and print where.")
    parser.add_argument(
        "--project", type=Path, default=ROOT, help="The checkout to build (default: this one)."
    )
    parser.add_argument(
        "--relevance",
        action="store_true",
        help="Only the relevance set (tests/fixtures/search-relevance.yml), payload and time to results.",
    )
    parser.add_argument("--site", type=Path, help="With --relevance: measure this built site instead.")
    parser.add_argument("--build-lunr", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--pipeline", help=argparse.SUPPRESS)
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING, format="%(levelname)-7s -  %(message)s")
    project = args.project.resolve()
    if args.build_lunr:
        _build_lunr_here(project, args.build_lunr, args.pipeline.split(",") if args.pipeline else None)
        return 0
    if args.relevance:
        with tempfile.TemporaryDirectory(prefix="search-relevance-") as work:
            print(relevance(project, args.site.resolve() if args.site else None, Path(work)))
        return 0

    tmp = Path(tempfile.mkdtemp(prefix="search-comparison-"))
    variants = {
        "pagefind": functools.partial(build_pagefind, project),
        "lunr": functools.partial(build_lunr, project),
        "lunr-stem": functools.partial(build_lunr, project, pipeline=LUNR_STEM_PIPELINE),
    }
    sites: dict[str, Path] = {}
    failures: dict[str, str] = {}
    try:
        for engine, builder in variants.items():
            site = tmp / engine
            started = time.monotonic()
            try:
                builder(site)
            except Exception as error:  # report and go on with the others
                failures[engine] = f"{type(error).__name__}: {error}"
                continue
            print(f"built {engine} from {project} in {time.monotonic() - started:.1f} s", file=sys.stderr)
            sites[engine] = site
        results = asyncio.run(measure(sites)) if sites else {}
        sizes = disk_sizes(sites)
        print(report(results, sizes, failures, sites))
        if args.json:
            args.json.write_text(
                json.dumps(
                    {"results": results, "sizes": sizes, "failures": failures}, indent=2, ensure_ascii=False
                ),
                encoding="utf-8",
            )
    finally:
        if args.keep:
            print(f"\nbuilds kept in {tmp}", file=sys.stderr)
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main())
