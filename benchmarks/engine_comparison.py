"""Build one project with MkDocs and with Zensical and compare the two sites.

Both builds are ``tarjotin build --engine mkdocs|zensical`` as a user runs it, each
in a fresh process and timed from the outside: one site plan
(``generator.render.site_plan``), applied by each engine's adapter, then the same
Pagefind indexing and open-data export.

The report lists the pages only one site has, each site's broken local links and
missing stylesheets or scripts, the pages whose links, headings or facts differ,
and the build times::

    .venv/bin/python benchmarks/engine_comparison.py                  # the default site
    .venv/bin/python benchmarks/engine_comparison.py --services 1000  # a synthetic catalogue

The comparison functions are also what tests/integration/test_engine_parity.py checks.
"""

from __future__ import annotations

import argparse
import json
import posixpath
import re
import shutil
import subprocess
import sys
import tempfile
import time
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

ENGINES = ("mkdocs", "zensical")


def build_command(engine: str, config_file: Path, site_dir: Path) -> list[str]:
    """``tarjotin build`` with ``engine`` into ``site_dir``."""
    return [
        sys.executable,
        "-m",
        "generator",
        "build",
        "-f",
        str(config_file),
        "--engine",
        engine,
        "--site-dir",
        str(site_dir),
    ]


# --- comparing the sites ------------------------------------------------------------------


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is not None and (name, tag) in {
                ("href", "a"),
                ("href", "link"),
                ("src", "script"),
                ("src", "img"),
            }:
                self.links.append((tag, value))


def _resolve(page: str, value: str) -> str | None:
    """A local link's target as a site path (``palvelut/kela``), or ``None`` for others."""
    parts = urlsplit(value)
    if parts.scheme or parts.netloc or value.startswith("/") or not parts.path:
        return None
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path)))
    return target.removesuffix("index.html").rstrip("/") or "."


def link_targets(site: Path, page: str) -> set[str]:
    """Where a page's ``<a>`` elements lead, fragments kept, as site paths."""
    parser = _Links()
    parser.feed((site / page).read_text(encoding="utf-8"))
    targets = set()
    for tag, value in parser.links:
        target = _resolve(page, value)
        if tag == "a" and target is not None:
            fragment = urlsplit(value).fragment
            targets.add(target + (f"#{fragment}" if fragment else ""))
    return targets


def differing_links(ours: Path, theirs: Path) -> dict[str, dict[str, list[str]]]:
    """Pages of both sites whose links lead to different places."""
    differing = {}
    for page in sorted(site_pages(ours) & site_pages(theirs) - {"404.html"}):
        a, b = link_targets(ours, page), link_targets(theirs, page)
        # A page's link to itself is "." in one engine's theme and "" in the other's.
        a.discard(posixpath.dirname(page) or ".")
        b.discard(posixpath.dirname(page) or ".")
        if a != b:
            differing[page] = {"mkdocs_only": sorted(a - b)[:5], "zensical_only": sorted(b - a)[:5]}
    return differing


class _Nav(HTMLParser):
    """The primary navigation's entries: (depth, label, href), as the theme renders them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.entries: list[tuple[int, str, str]] = []
        self._nav = 0  # nesting of <nav> elements inside the primary one
        self._lists = 0
        self._link: str | None = None
        self._text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if tag == "nav" and (self._nav or "md-nav--primary" in classes):
            self._nav += 1
        elif self._nav and tag == "ul":
            self._lists += 1
        elif self._nav and tag in ("a", "label") and "md-nav__link" in classes:
            self._link, self._text = dict(attrs).get("href") or "", ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav" and self._nav:
            self._nav -= 1
        elif self._nav and tag == "ul":
            self._lists -= 1
        elif self._link is not None and tag in ("a", "label"):
            self.entries.append((self._lists, " ".join(self._text.split()), self._link))
            self._link = None

    def handle_data(self, data: str) -> None:
        if self._link is not None:
            self._text += data


def nav_entries(site: Path, page: str) -> list[tuple[int, str, str | None]]:
    """A page's primary navigation as (depth, label, target) with targets as site paths."""
    parser = _Nav()
    parser.feed((site / page).read_text(encoding="utf-8"))
    # A link to the page itself is "." in MkDocs's theme and "" in Zensical's.
    itself = posixpath.dirname(page) or "."
    return [(depth, label, _resolve(page, href) or itself) for depth, label, href in parser.entries]


def site_pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


def broken_links(site: Path) -> dict[str, list[str]]:
    """Local links and assets that point at nothing, by page."""
    broken: dict[str, list[str]] = {}
    for page in sorted(site.rglob("*.html")):
        relative = page.relative_to(site).as_posix()
        if relative == "404.html":  # its links are absolute to the site root, served anywhere
            continue
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for tag, value in parser.links:
            target = _resolve(relative, value)
            if target is None:
                continue
            path = site / target
            if target.startswith("..") or not (path.is_file() or (path / "index.html").is_file()):
                broken.setdefault(relative, []).append(f"<{tag}> {value}")
    return broken


def footer_links(site: Path) -> int:
    text = (site / "index.html").read_text(encoding="utf-8")
    block = re.search(r'<ul class="tarjotin-footer-links">(.*?)</ul>', text, re.S)
    return len(re.findall(r"<li>", block.group(1))) if block else 0


class _Content(HTMLParser):
    """A page's article: its headings (level, text) and its facts (``<dt>`` → ``<dd>`` texts)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.headings: list[tuple[int, str]] = []
        self.facts: list[tuple[str, str]] = []
        self._article = 0
        self._open: str | None = None  # the tag whose text is being collected
        self._text = ""
        self._term = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self._article += 1
        elif self._article and tag in ("h1", "h2", "h3", "h4", "dt", "dd"):
            self._open, self._text = tag, ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "article" and self._article:
            self._article -= 1
        elif self._open == tag:
            text = " ".join(self._text.split())
            if tag.startswith("h"):
                self.headings.append((int(tag[1]), text))
            elif tag == "dt":
                self._term = text
            else:
                self.facts.append((self._term, text))
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._text += data


def page_content(site: Path, page: str) -> tuple[list[tuple[int, str]], list[tuple[str, str]]]:
    """A page's headings and facts as the reader sees them (see :class:`_Content`)."""
    parser = _Content()
    parser.feed((site / page).read_text(encoding="utf-8"))
    return parser.headings, parser.facts


def differing_content(ours: Path, theirs: Path, pages: list[str]) -> dict[str, dict[str, Any]]:
    """Pages whose headings or facts differ between the two sites."""
    differing = {}
    for page in pages:
        a, b = page_content(ours, page), page_content(theirs, page)
        if a != b:
            differing[page] = {"mkdocs": a, "zensical": b}
    return differing


# --- running ------------------------------------------------------------------------------


def _timed(command: list[str]) -> tuple[float, subprocess.CompletedProcess[str]]:
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=PROJECT)
    return time.perf_counter() - start, done


def compare(config_file: Path, work: Path, repeat: int) -> dict[str, Any]:
    results: dict[str, Any] = {"config": str(config_file)}
    sites = {engine: work / f"{engine}-site" for engine in ENGINES}
    best: dict[str, float] = {}
    for _ in range(repeat):
        for engine, site in sites.items():
            seconds, done = _timed(build_command(engine, config_file, site))
            if done.returncode != 0:
                raise SystemExit(f"tarjotin build --engine {engine} failed:\n{done.stdout}{done.stderr}")
            best[engine] = min(best.get(engine, seconds), seconds)
    results["seconds"] = best
    for name, site in sites.items():
        broken = broken_links(site)
        results[name] = {
            "pages": len(site_pages(site)),
            "broken_pages": len(broken),
            "broken_examples": sorted(broken.items())[:5],
            "footer_links": footer_links(site),
            "bytes": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()),
        }
    mkdocs_site, zensical_site = sites["mkdocs"], sites["zensical"]
    ours, theirs = site_pages(mkdocs_site), site_pages(zensical_site)
    results["only_mkdocs"] = sorted(ours - theirs)
    results["only_zensical"] = sorted(theirs - ours)
    differing = differing_links(mkdocs_site, zensical_site)
    results["pages_with_differing_links"] = len(differing)
    results["nav_differs_on"] = [
        page
        for page in ("index.html", "tietoa/index.html", "palvelut/index.html")
        if nav_entries(mkdocs_site, page) != nav_entries(zensical_site, page)
    ]
    results["differing_examples"] = dict(list(differing.items())[:5])
    services = sorted(p for p in ours & theirs if p.startswith("palvelut/") and p != "palvelut/index.html")
    content = differing_content(mkdocs_site, zensical_site, services)
    results["services_with_differing_content"] = sorted(content)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("-f", "--config-file", type=Path, default=PROJECT / "mkdocs.yml")
    parser.add_argument("--services", type=int, help="build a synthetic catalogue of this many services")
    parser.add_argument("--repeat", type=int, default=1, help="builds per engine; the fastest counts")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it")
    args = parser.parse_args(argv)
    work = args.keep.resolve() if args.keep else Path(tempfile.mkdtemp(prefix="engine-comparison-"))
    work.mkdir(parents=True, exist_ok=True)
    config_file = args.config_file.resolve()
    if args.services:
        from build_benchmark import make_generator_project

        config_file = make_generator_project(work / f"project-{args.services}", args.services) / "mkdocs.yml"
    try:
        results = compare(config_file, work, args.repeat)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(results, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
