"""Page weight and Lighthouse scores of the home page and a service page.

Run from anywhere (it finds the project from its own path):

    .venv/bin/python benchmarks/page_weight.py                 # weight only
    .venv/bin/python benchmarks/page_weight.py --lighthouse    # and Lighthouse (mobile)
    .venv/bin/python benchmarks/page_weight.py --site DIR      # an already built site

Weight: the site is served on 127.0.0.1 with gzip, as a production web server
serves it, and each page is loaded in a fresh Chromium profile (an empty cache,
i.e. a first visit). The figure is what Chromium reports as transferred: response
headers plus encoded bodies of every request until the network is idle. The
target is at most 300 KB per page.

Lighthouse: the npm package ``lighthouse`` is installed on first use into
``~/.cache/palvelutarjotin/lighthouse-12`` (``npm install``; nothing is committed)
and run with Debian's Chromium against the same server, with its default mobile
settings (simulated slow 4G and a mid-range phone). Targets: accessibility 100,
performance at least 95.

Nothing in the project is modified; a build goes to a temporary folder.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.check.server import serve_site

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Request

PROJECT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]
#: The pages measured: the home page and a typical service page.
#: The pages a citizen meets first: the home page, a service, the all-services listing
#: and the search page with a query (Pagefind's index and results loaded).
PAGES = {
    "home": "/",
    "service": "/palvelut/kuntouttava-tyotoiminta/",
    "listing": "/palvelut/",
    "search": "/haku/?q=kuntoutus",
}
BUDGET_BYTES = 300 * 1000
#: Lighthouse 12 runs on Debian's Node 20 (13 asks for Node 22).
LIGHTHOUSE_VERSION = "12"
LIGHTHOUSE_DIR = Path.home() / ".cache" / "palvelutarjotin" / f"lighthouse-{LIGHTHOUSE_VERSION}"
#: Types a web server compresses; images and Pagefind's pre-compressed files are sent as they are.
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map")


class GzipHandler(SimpleHTTPRequestHandler):
    """Serves files like a production server: text compressed with gzip -6.

    Written by hand because the standard library's server cannot compress and the
    measurement must not depend on a web server being installed.
    """

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the parent redirects "/dir" to "/dir/"
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.is_file() and path.suffix in COMPRESSIBLE):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _BytesFile(body)


class _BytesFile:
    """The file-like object ``SimpleHTTPRequestHandler.do_GET`` copies from."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, size: int = -1) -> bytes:
        data, self.data = (self.data, b"") if size < 0 else (self.data[:size], self.data[size:])
        return data

    def close(self) -> None:
        self.data = b""


@contextlib.contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve ``site`` with gzip on a free port of 127.0.0.1; yields the base URL."""
    with serve_site(site, GzipHandler) as url:
        yield url.rstrip("/")


@dataclass
class Weight:
    """What a first visit to one page transfers."""

    page: str
    requests: int
    transferred: int  # bytes: headers and encoded bodies
    uncompressed: int  # bytes: decoded bodies

    @property
    def within_budget(self) -> bool:
        return self.transferred <= BUDGET_BYTES


def measure_weight(
    base_url: str, browser: Browser | None = None, pages: dict[str, str] = PAGES
) -> list[Weight]:
    """Load each page in a fresh browser context and add up what was transferred.

    Args:
        base_url: Where the site is served (with gzip: see :func:`serve`).
        browser: A running Chromium to use; one is launched when not given.
        pages: Names and URL paths of the pages to measure.
    """
    if browser is None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                return measure_weight(base_url, launched, pages)
            finally:
                launched.close()
    results = []
    for name, path in pages.items():
        context = browser.new_context(locale="fi-FI", viewport={"width": 360, "height": 740})
        page = context.new_page()
        requests: list[Request] = []
        page.on("requestfinished", functools.partial(list.append, requests))
        page.goto(base_url + path, wait_until="networkidle")
        transferred = uncompressed = 0
        for request in requests:
            sizes = request.sizes()
            transferred += sizes["responseHeadersSize"] + sizes["responseBodySize"]
            response = request.response()
            uncompressed += len(response.body()) if response and response.status == 200 else 0
        results.append(Weight(name, len(requests), transferred, uncompressed))
        context.close()
    return results


def lighthouse(url: str) -> dict[str, Any]:
    """Lighthouse's mobile accessibility and performance scores (0–100) for ``url``."""
    cli = LIGHTHOUSE_DIR / "node_modules" / "lighthouse" / "cli" / "index.js"
    if not cli.is_file():
        LIGHTHOUSE_DIR.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["npm", "install", "--prefix", str(LIGHTHOUSE_DIR), "--no-audit", "--no-fund",
             f"lighthouse@{LIGHTHOUSE_VERSION}"],
            check=True,
        )  # fmt: skip
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    result = subprocess.run(
        ["node", str(cli), url, "--quiet", "--output=json", "--output-path=stdout",
         "--only-categories=accessibility,performance", f"--chrome-flags={flags}"],
        env={**os.environ, "CHROME_PATH": CHROMIUM},
        capture_output=True,
        text=True,
        check=True,
    )  # fmt: skip
    report = json.loads(result.stdout)
    scores = {name: round(category["score"] * 100) for name, category in report["categories"].items()}
    failed = [
        audit_id
        for audit_id, audit in report["audits"].items()
        if audit.get("score") is not None and audit["score"] < 1 and audit.get("scoreDisplayMode") == "binary"
    ]
    metrics = report["audits"]
    return {
        **scores,
        "fcp_ms": round(metrics["first-contentful-paint"]["numericValue"]),
        "lcp_ms": round(metrics["largest-contentful-paint"]["numericValue"]),
        "tbt_ms": round(metrics["total-blocking-time"]["numericValue"]),
        "cls": round(metrics["cumulative-layout-shift"]["numericValue"], 3),
        "failed_binary_audits": failed,
    }


def build(site: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "generator.cli",
            "build",
            "-f",
            str(PROJECT / "mkdocs.yml"),
            "--site-dir",
            str(site),
        ],
        cwd=PROJECT,
        check=True,
        capture_output=True,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="an already built site (default: build one)")
    parser.add_argument("--lighthouse", action="store_true", help="also run Lighthouse (mobile)")
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="page-weight-") as temporary:
        site = args.site or Path(temporary) / "site"
        if not args.site:
            build(site)
        with serve(site) as base_url:
            weights = measure_weight(base_url)
            scores = (
                {name: lighthouse(base_url + path) for name, path in PAGES.items()} if args.lighthouse else {}
            )

    print("| page | requests | transferred (gzip) | uncompressed | ≤ 300 KB |")
    print("| --- | ---: | ---: | ---: | --- |")
    for w in weights:
        print(
            f"| {w.page} | {w.requests} | {w.transferred / 1000:.1f} KB | {w.uncompressed / 1000:.1f} KB | "
            f"{'yes' if w.within_budget else 'NO'} |"
        )
    if scores:
        print("\n| page | Lighthouse accessibility | performance | FCP | LCP | TBT | CLS |")
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
        for name, s in scores.items():
            print(
                f"| {name} | {s['accessibility']} | {s['performance']} | {s['fcp_ms']} ms | {s['lcp_ms']} ms "
                f"| {s['tbt_ms']} ms | {s['cls']} |"
            )
            if s["failed_binary_audits"]:
                print(f"  {name}: failed audits: {', '.join(s['failed_binary_audits'])}")
    if args.json:
        args.json.write_text(
            json.dumps({"weight": [w.__dict__ for w in weights], "lighthouse": scores}, indent=2),
            encoding="utf-8",
        )
    ok = all(w.within_budget for w in weights) and all(
        s["accessibility"] == 100 and s["performance"] >= 95 for s in scores.values()
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
