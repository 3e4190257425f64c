"""Build one project with MkDocs and with Zensical and compare the two sites.

The MkDocs build is ``tarjotin build`` as a user runs it. The Zensical build is the
prototype of issue 13's engine-neutral pipeline: the catalogue's pages are rendered
without any engine, handed with the hand-written docs, the theme overrides and a
config derived from mkdocs.yml to ``generator.engines.zensical_adapter``, and then
the same Pagefind indexing and open-data export run over the built HTML. Each build
runs in a fresh process and is timed from the outside.

The report lists the pages only one site has, each site's broken local links and
missing stylesheets or scripts, and the build times::

    .venv/bin/python benchmarks/engine_comparison.py                  # the default site
    .venv/bin/python benchmarks/engine_comparison.py --services 1000  # a synthetic catalogue

What this script assembles here — the page fix-ups, the glossary, the region stylesheet,
the navigation — is what a SitePlan has to give every engine adapter.
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
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import yaml

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generator.engines.mkdocs_plugin import FOOTER_PAGES  # noqa: E402
from generator.engines.zensical_adapter import (  # noqa: E402
    build_with_zensical,
    nav_from_pages,
    served_to_source_hrefs,
)
from generator.site.urls import served_path  # noqa: E402

# --- the project's settings, read without MkDocs ----------------------------------------


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml's YAML: ``!!python/name:x.y`` stays the text ``x.y``; ``!ENV`` is not used here."""


_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/name:", lambda loader, suffix, node: suffix)


def _merge(parent: dict[str, Any], child: dict[str, Any]) -> dict[str, Any]:
    merged = dict(parent)
    for key, value in child.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def read_config(config_file: Path) -> dict[str, Any]:
    """mkdocs.yml as a dict, ``INHERIT`` resolved as MkDocs does (mappings merged, child wins)."""
    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
    if "INHERIT" in config:
        parent = (config_file.parent / config.pop("INHERIT")).resolve()
        config = _merge(read_config(parent), config)
    return config


def plugin_settings(config: dict[str, Any]) -> dict[str, Any]:
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "tarjotin" in plugin:
            return dict(plugin["tarjotin"] or {})
        if plugin == "tarjotin":
            return {}
    raise SystemExit("mkdocs.yml does not use the tarjotin plugin")


# --- the Zensical build -------------------------------------------------------------------


def _docs_pages(docs_dir: Path) -> list[str]:
    """Hand-written pages in MkDocs's order: by folder, ``index.md`` first, then by name."""

    def key(path: str) -> tuple[tuple[int, str], ...]:
        parts = path.split("/")
        return tuple((0 if part == "index.md" and last else 1, part) for last, part in _last(parts))

    pages = [p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md")]
    return sorted(pages, key=key)


def _last(parts: list[str]) -> list[tuple[bool, str]]:
    return [(position == len(parts) - 1, part) for position, part in enumerate(parts)]


def _page_title(markdown: str) -> str | None:
    front = re.match(r"^---\n(.*?)\n---\n", markdown, re.S)
    if front:
        meta = yaml.safe_load(front.group(1)) or {}
        if isinstance(meta, dict) and meta.get("title"):
            return str(meta["title"])
    heading = re.search(r"^# (.+)$", markdown, re.M)
    return heading.group(1).strip() if heading else None


def zensical_build(config_file: Path, site_dir: Path) -> dict[str, float]:
    """The whole Zensical pipeline, phase by phase (seconds)."""
    from generator.export.writer import ExportOptions, write_exports
    from generator.render.colors import REGION_STYLESHEET, region_stylesheet
    from generator.render.glossary import abbreviations
    from generator.render.pages import RenderOptions, render_pages
    from generator.validate.catalogue import require_catalogue
    from generator.write.search_index import build_search_index

    times: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        times[name] = now - clock
        clock = now

    project = config_file.parent
    config = read_config(config_file)
    settings = plugin_settings(config)
    catalogue, _ = require_catalogue(project / settings.get("catalogue", "catalogue"))
    lap("load_catalogue")
    today = date.fromisoformat(str(settings["today"])) if settings.get("today") else date.today()
    templates = [project / settings["templates"]] if settings.get("templates") else []
    rendered = render_pages(
        catalogue,
        RenderOptions(
            today=today,
            template_dirs=templates,
            repo_url=config.get("repo_url") or "",
            edit_uri=settings.get("edit_path", "edit/main"),
            site_url=config.get("site_url") or "",
        ),
    )
    # The renderer writes its own HTML's links for MkDocs, which leaves raw HTML alone.
    pages = {page.path: served_to_source_hrefs(page.path, page.markdown) for page in rendered}
    lap("render")

    docs_dir = (project / config.get("docs_dir", "docs")).resolve()
    theme = config.get("theme") or {}
    theme_dir = (project / theme["custom_dir"]).resolve() if theme.get("custom_dir") else None
    extensions = list(config.get("markdown_extensions") or [])
    glossary = abbreviations(catalogue.professional.glossary)
    if glossary:
        extensions = [e for e in extensions if e != "abbr" and not (isinstance(e, dict) and "abbr" in e)]
        extensions.insert(0, {"abbr": {"glossary": glossary}})
    assets: dict[str, str | bytes] = {}
    extra_css = list(config.get("extra_css") or [])
    css = region_stylesheet(catalogue.region)
    if css is not None:
        assets[REGION_STYLESHEET] = css
        extra_css.append(REGION_STYLESHEET)
    hand_written = _docs_pages(docs_dir)
    # Titles as MkDocs's nav shows them: the page's own (front matter, else its heading).
    nav = nav_from_pages(
        [(page.path, None) for page in rendered if page.in_nav] + [(p, None) for p in hand_written]
    )
    footer = [
        {"url": served_path(p), "title": _page_title((docs_dir / p).read_text(encoding="utf-8")) or p}
        for p in FOOTER_PAGES
        if (docs_dir / p).is_file()
    ]
    extra = dict(config.get("extra") or {})
    extra["footer_links"] = footer  # for a copyright.html that reads config.extra (engines.md)
    site_config = {
        **config,
        "markdown_extensions": extensions,
        "extra_css": extra_css,
        "extra": extra,
    }
    lap("plan")

    site_dir.mkdir(parents=True, exist_ok=True)
    result = build_with_zensical(
        pages,
        site_dir,
        site_config,
        nav=nav,
        docs_dir=docs_dir,
        theme_dir=theme_dir,
        assets=assets,
        strict=bool(config.get("strict")),
        work_dir=site_dir.parent / f".{site_dir.name}-zensical",
    )
    lap("zensical")
    times["zensical_inside"] = result.seconds
    times["zensical_issues"] = len(result.issues)
    for issue in result.issues:
        print("zensical:", issue.format(), file=sys.stderr)
    if settings.get("search", True):
        build_search_index(site_dir)
    lap("pagefind")
    write_exports(catalogue, site_dir, ExportOptions(site_url=config.get("site_url") or "", today=today))
    lap("exports")
    return times


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


# --- running ------------------------------------------------------------------------------


def _timed(command: list[str]) -> tuple[float, subprocess.CompletedProcess[str]]:
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=PROJECT)
    return time.perf_counter() - start, done


def compare(config_file: Path, work: Path, repeat: int) -> dict[str, Any]:
    results: dict[str, Any] = {"config": str(config_file)}
    mkdocs_site, zensical_site = work / "mkdocs-site", work / "zensical-site"
    best: dict[str, float] = {}
    for _ in range(repeat):
        seconds, done = _timed(
            [
                sys.executable,
                "-m",
                "generator",
                "build",
                "-f",
                str(config_file),
                "--site-dir",
                str(mkdocs_site),
            ]
        )
        if done.returncode != 0:
            raise SystemExit(f"tarjotin build failed:\n{done.stdout}{done.stderr}")
        best["mkdocs"] = min(best.get("mkdocs", seconds), seconds)
        shutil.rmtree(zensical_site, ignore_errors=True)
        seconds, done = _timed([sys.executable, __file__, "--worker", str(config_file), str(zensical_site)])
        if done.returncode != 0:
            raise SystemExit(f"the Zensical build failed:\n{done.stdout}{done.stderr}")
        if seconds < best.get("zensical", float("inf")):
            best["zensical"] = seconds
            results["zensical_phases"] = json.loads(done.stdout.strip().splitlines()[-1])
    results["seconds"] = best
    for name, site in (("mkdocs", mkdocs_site), ("zensical", zensical_site)):
        broken = broken_links(site)
        results[name] = {
            "pages": len(site_pages(site)),
            "broken_pages": len(broken),
            "broken_examples": sorted(broken.items())[:5],
            "footer_links": footer_links(site),
            "bytes": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()),
        }
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
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("-f", "--config-file", type=Path, default=PROJECT / "mkdocs.yml")
    parser.add_argument("--services", type=int, help="build a synthetic catalogue of this many services")
    parser.add_argument("--repeat", type=int, default=1, help="builds per engine; the fastest counts")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it")
    parser.add_argument("--worker", nargs=2, metavar=("CONFIG", "SITE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        times = zensical_build(Path(args.worker[0]).resolve(), Path(args.worker[1]).resolve())
        print(json.dumps(times))
        return 0
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
