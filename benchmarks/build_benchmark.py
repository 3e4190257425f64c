"""Build benchmark: how the site build grows with the number of services.

For each size it synthesises a catalogue (``synthetic_catalogue.py``), then

* builds it as a user does (``tarjotin build --engine E``, for each engine asked for)
  in a fresh process, timing the generator's own phases (validation, the site plan
  with its rendered Markdown, the adapter's hooks or staging, the open-data exports)
  apart from Pagefind and from the engine's rendering, and reading the peak memory
  of the build and its child processes. Each engine is built **cold** (no site
  folder, no Zensical cache) and then **warm** (again, Zensical's cache kept beside
  the site folder, the best of ``--repeat``);
* builds the very same pages with plain MkDocs as ordinary Markdown files (no
  plugin, same theme, same nav, no search index): the baseline;
* measures the output and the search payload a browser downloads for its
  first query, in Debian's Chromium through Playwright (``--no-browser``
  skips it).

Run from the project root (sizes default to 100, 1000 and 5000)::

    .venv/bin/python benchmarks/build_benchmark.py [--sizes 100,1000,5000] [--repeat 2] [--json out.json]
    .venv/bin/python benchmarks/build_benchmark.py --engines mkdocs,zensical --sizes 100,1000

It prints a Markdown report and exits 1 when a target is missed (unless
``--no-targets``). Nothing in the project is modified; everything is built in
a temporary folder.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from http.server import SimpleHTTPRequestHandler
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parents[1]
#: The engines ``tarjotin build --engine`` knows (generator/site/project.py).
ENGINES = ("mkdocs", "zensical")
sys.path.insert(0, str(PROJECT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic_catalogue import write_catalogue  # noqa: E402

from generator.check.server import serve_site  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
#: The query typed on the search page; common in the synthetic texts, as a first query would be.
QUERY = "kuntoutus"
TODAY = "2025-06-01"

# Targets from the issues (on a 2-core machine); issue 13 tightened the first and the last.
LINEAR_LIMIT = 5.0  # time(5,000) / time(1,000)
GENERATOR_SHARE_LIMIT = 0.10  # of the whole build
BASELINE_LIMIT = 0.8  # tarjotin build / plain MkDocs on the same pages, at 1,000 services
PAYLOAD_LIMIT = 300 * 1024  # first search, at 1,000 services
#: Material's search plugin takes minutes at 5,000 pages; that baseline stops here.
SEARCH_BASELINE_MAX = 1000

#: The generator's own phases as the worker names them: the plugin's hooks (without the
#: Pagefind and export work inside them), the command's validation, the safe-links
#: Markdown extension, the cards' conversion, and the time spent starting and waiting
#: for the exports process.
GENERATOR_PHASES = (
    "cli_validate",
    "plan",
    "staging",
    "on_config",
    "on_files",
    "on_nav",
    "on_env",
    "on_post_build",
    "exports",
    "safe_links",
    "fragments",
)


# --- projects -------------------------------------------------------------------------


def _project_config(project: Path, plugins: list[Any], nav: list[Any] | None = None) -> None:
    """mkdocs.yml inheriting the project's settings; docs/assets links to the project's assets."""
    (project / "docs").mkdir(parents=True, exist_ok=True)
    assets = project / "docs" / "assets"
    if not assets.exists():
        assets.symlink_to(PROJECT / "docs" / "assets")
    config: dict[str, Any] = {
        "INHERIT": str(PROJECT / "mkdocs.yml"),
        "site_name": "Testialue",
        "docs_dir": "docs",
        "theme": {"custom_dir": str(PROJECT / "theme_overrides")},
        "plugins": plugins,
    }
    if nav is not None:
        config["nav"] = nav
    # JSON is YAML; the project's mkdocs.yml keeps its own !!python/name tags.
    (project / "mkdocs.yml").write_text(json.dumps(config, ensure_ascii=False, indent=1), encoding="utf-8")


def make_generator_project(root: Path, services: int) -> Path:
    project = root / "tarjotin"
    write_catalogue(project / "catalogue", services)
    _project_config(project, [{"tarjotin": {"catalogue": "catalogue", "today": TODAY}}])
    return project


def _plain_markdown(page: Any) -> str:
    """A page as plain MkDocs builds it: the shared cards inline, as Markdown linking to
    the pages' sources (what the cards were before a build converted each card once)."""
    from generator.site.plan import ROOT, fill_fragments

    up = "../" * page.path.count("/")

    def source_links(fragment: str) -> str:
        return re.sub(re.escape(ROOT) + r"([^)\s]+?)/\)", lambda link: f"{up}{link[1]}.md)", fragment)

    return fill_fragments(page.markdown, page.path, page.fragments, source_links)


def make_plain_project(root: Path, generated: Path, name: str, plugins: list[Any]) -> Path:
    """The same pages as ordinary Markdown files, built by MkDocs alone with the same nav."""
    from datetime import date

    from generator.render.pages import RenderOptions, render_pages
    from generator.validate.catalogue import require_catalogue

    catalogue, _ = require_catalogue(generated / "catalogue")
    pages = render_pages(catalogue, RenderOptions(today=date.fromisoformat(TODAY)))
    project = root / name
    nav: list[Any] = []
    sections: dict[str, list[str]] = {}
    for page in pages:
        target = project / "docs" / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(_plain_markdown(page), encoding="utf-8")
        if not page.in_nav:
            continue
        folder = page.path.split("/")[0] if "/" in page.path else ""
        if folder:
            if folder not in sections:
                sections[folder] = []
                nav.append({folder: sections[folder]})
            sections[folder].append(page.path)
        else:
            nav.append(page.path)
    # The region's small colour stylesheet is left out: docs/assets is the project's own folder.
    _project_config(project, plugins, nav)
    return project


# --- the worker: one build in a fresh process ----------------------------------------------


class Clock:
    """Exclusive time per phase: time spent in a timed call inside another counts for the inner one."""

    def __init__(self) -> None:
        self.totals: dict[str, float] = defaultdict(float)
        self._inner: list[float] = []  # time of timed calls made inside each running one

    def wrap(self, name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(function)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            self._inner.append(0.0)
            try:
                return function(*args, **kwargs)
            finally:
                elapsed = time.perf_counter() - start
                self.totals[name] += elapsed - self._inner.pop()
                if self._inner:
                    self._inner[-1] += elapsed

        return wrapper


def worker(mode: str, project: Path, site: Path) -> dict[str, float]:
    """Build once and return the phase timings (seconds, measured in the build's main thread).

    ``mode`` is an engine (``mkdocs``, ``zensical``: ``tarjotin build --engine``) or
    ``plain`` (MkDocs alone on the same pages as files).
    """
    clock = Clock()
    import mkdocs.commands.build  # imported before the clock starts, in every mode

    if mode in ENGINES:
        from click.testing import CliRunner
        from mkdocs.plugins import CombinedEvent

        from generator import cli
        from generator.engines import mkdocs_plugin, site_build, zensical_adapter
        from generator.export.process import ForkedExport, ThreadExport
        from generator.render import safe_links
        from generator.write.search_index import SearchIndexer

        plugin = mkdocs_plugin.TarjotinPlugin
        for hook in ("on_config", "on_files", "on_nav", "on_env", "on_post_build"):
            setattr(plugin, hook, clock.wrap(hook, getattr(plugin, hook)))
        site_build.plan_site = clock.wrap("plan", site_build.plan_site)  # type: ignore[attr-defined]
        for name in ("stage_project", "_move_into"):
            setattr(zensical_adapter, name, clock.wrap("staging", getattr(zensical_adapter, name)))
        zensical_adapter.run_zensical = clock.wrap("engine", zensical_adapter.run_zensical)
        # Time the build spends on the exports and on Pagefind (starting them, handing
        # pages over, waiting for them at the end) is counted apart from its hooks.
        for export in (ForkedExport, ThreadExport):
            for method in ("__init__", "wait"):
                setattr(export, method, clock.wrap("exports", getattr(export, method)))
        for method in ("__init__", "add_page", "write"):
            setattr(SearchIndexer, method, clock.wrap("pagefind", getattr(SearchIndexer, method)))
        SearchIndexer.finish = clock.wrap("pagefind_wait", SearchIndexer.finish)  # type: ignore[method-assign]
        # Page events made of several handlers (mkdocs.plugins.CombinedEvent): each
        # searchable page handed to Pagefind, the cards put into the listings.
        phases = {"_index_page": "pagefind", "_fill_fragments": "fragments"}
        for hook in ("on_page_content", "on_post_page"):
            handlers = vars(plugin)[hook].methods
            wrapped = [clock.wrap(phases[h.__name__], h) if h.__name__ in phases else h for h in handlers]
            setattr(plugin, hook, CombinedEvent(*wrapped))
        zensical_adapter.put_fragments = clock.wrap("fragments", zensical_adapter.put_fragments)
        safe_links._SafeLinks.run = clock.wrap(  # type: ignore[method-assign]
            "safe_links", safe_links._SafeLinks.run
        )
        cli._validate = clock.wrap("cli_validate", cli._validate)
        arguments = ["build", "-f", str(project / "mkdocs.yml"), "--engine", mode]
        start = time.perf_counter()
        result = CliRunner().invoke(cli.main, [*arguments, "--site-dir", str(site)])
        clock.totals["total"] = time.perf_counter() - start
        if result.exit_code != 0:
            raise SystemExit(f"tarjotin build --engine {mode} failed:\n{result.output}")
    else:
        from mkdocs.config import load_config

        start = time.perf_counter()
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(site), strict=True)
        mkdocs.commands.build.build(config)
        clock.totals["total"] = time.perf_counter() - start
    return dict(clock.totals)


@dataclass
class Build:
    """One measured build."""

    total: float  # seconds inside the process, from the command's start to its end
    wall: float  # seconds including Python's start-up and imports
    peak_rss_mb: float  # the largest process (the build, or Pagefind) at its peak
    phases: dict[str, float] = field(default_factory=dict)

    @property
    def generator(self) -> float:
        return sum(self.phases.get(p, 0.0) for p in GENERATOR_PHASES)

    @property
    def pagefind(self) -> float:
        return self.phases.get("pagefind", 0.0) + self.phases.get("pagefind_wait", 0.0)

    @property
    def engine(self) -> float:
        """The engine's own rendering: everything the generator and Pagefind do not take."""
        return self.total - self.generator - self.pagefind

    @property
    def beside_engine(self) -> float:
        """Everything but the engine's rendering: the generator and the wait for Pagefind."""
        return self.generator + self.pagefind


def run_build(mode: str, project: Path, site: Path) -> Build:
    if site.exists():
        shutil.rmtree(site)
    command = [sys.executable, __file__, "--worker", mode, str(project), str(site)]
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=project)
    stdout, stderr = process.communicate()
    wall = time.perf_counter() - start
    if process.returncode != 0:
        raise SystemExit(f"{mode} build failed:\n{stderr.decode()}")
    result = json.loads(stdout.decode().strip().splitlines()[-1])
    return Build(total=result["total"], wall=wall, peak_rss_mb=result["peak_rss_mb"], phases=result)


# --- output and search payload ------------------------------------------------------------


def folder_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def search_payload(site: Path, query: str = QUERY) -> dict[str, Any]:
    """What Chromium downloads from /pagefind/ between opening the search page and the first results."""
    from playwright.sync_api import sync_playwright

    bodies: dict[str, bytes] = {}
    with serve_site(site, _Quiet) as base_url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page()

        def take(response: Any) -> None:
            path = "/" + response.url[len(base_url) :]
            if path.startswith("/pagefind/") and response.ok:
                bodies[path] = response.body()

        page.on("response", take)
        page.goto(f"{base_url}haku/?q={query}")
        # The site's own search UI (search.js) on Pagefind's JS API: one <li> per result shown.
        page.wait_for_selector(".tarjotin-search__result", timeout=30_000)
        page.wait_for_load_state("networkidle")
        results = page.locator(".tarjotin-search__result").count()
        browser.close()
    files = {path: (len(body), min(len(body), len(gzip.compress(body, 6)))) for path, body in bodies.items()}
    return {
        "query": query,
        "results_shown": results,
        "raw": sum(raw for raw, _ in files.values()),
        "gzip": sum(gz for _, gz in files.values()),
        "files": files,
    }


# --- the run ------------------------------------------------------------------------------


@dataclass
class EngineResult:
    """One engine's builds of one size: the first from nothing, then with its caches."""

    engine: str
    cold: Build
    warm: Build


@dataclass
class SizeResult:
    services: int
    engines: dict[str, EngineResult]
    plain: Build | None
    plain_search: Build | None
    site_bytes: int
    site_files: int
    pagefind_bytes: int
    exports_bytes: int
    payload: dict[str, Any] | None

    @property
    def build(self) -> Build:
        """The build the targets are about: MkDocs's warm one (else the first engine's)."""
        result = self.engines.get("mkdocs") or next(iter(self.engines.values()))
        return result.warm


def _fastest(project: Path, site: Path, repeat: int) -> Build:
    return min((run_build("plain", project, site) for _ in range(repeat)), key=lambda b: b.total)


def measure(
    size: int, work: Path, repeat: int, browser: bool, baseline: bool, engines: list[str]
) -> SizeResult:
    from generator.engines.site_build import zensical_cache

    root = work / str(size)
    project = make_generator_project(root, size)
    results = {}
    for engine in engines:
        site = root / f"site-{engine}"
        shutil.rmtree(zensical_cache(site), ignore_errors=True)  # cold: nothing from before
        cold = run_build(engine, project, site)
        warm = min((run_build(engine, project, site) for _ in range(repeat)), key=lambda b: b.total)
        results[engine] = EngineResult(engine, cold, warm)
    plain = plain_search = None
    if baseline:
        # Without search (the strict baseline), and with MkDocs's default search plugin.
        plain = _fastest(make_plain_project(root, project, "plain", []), root / "plain-site", repeat)
        if size <= SEARCH_BASELINE_MAX:
            plain_search = _fastest(
                make_plain_project(root, project, "plain-search", ["search"]), root / "plain-site", repeat
            )
        shutil.rmtree(root / "plain-site")
    site = root / f"site-{engines[0]}"
    files = [p for p in site.rglob("*") if p.is_file()]
    return SizeResult(
        services=size,
        engines=results,
        plain=plain,
        plain_search=plain_search,
        site_bytes=sum(p.stat().st_size for p in files),
        site_files=len(files),
        pagefind_bytes=folder_bytes(site / "pagefind"),
        exports_bytes=folder_bytes(site / "avoin-data") - (site / "avoin-data" / "index.html").stat().st_size,
        payload=search_payload(site) if browser else None,
    )


def _mb(n: float) -> str:
    return f"{n / 1024 / 1024:.1f} MB"


def _kb(n: float) -> str:
    return f"{n / 1024:.0f} KB"


def check_targets(results: list[SizeResult]) -> list[tuple[str, str, bool]]:
    """(target, measured, met) for every target the measured sizes allow checking.

    Linearity is checked for each engine measured at both sizes; the rest for MkDocs's
    builds, which the plain-MkDocs baseline and the generator's share are about.
    """
    checks = []
    for engine in ENGINES:
        warm = {r.services: r.engines[engine].warm for r in results if engine in r.engines}
        if 1000 in warm and 5000 in warm:
            ratio = warm[5000].total / warm[1000].total
            checks.append(
                (
                    f"5,000 ≤ {LINEAR_LIMIT:g} × 1,000-service time ({engine})",
                    f"{ratio:.2f} ×",
                    ratio <= LINEAR_LIMIT,
                )
            )
    by_size = {r.services: r for r in results if "mkdocs" in r.engines}
    for r in by_size.values():
        # Counted strictly: everything but MkDocs's rendering, Pagefind included.
        share = r.build.beside_engine / r.build.total
        checks.append(
            (
                f"generator + Pagefind ≤ 10 % of the build ({r.services:,})",
                f"{share:.1%} (generator alone {r.build.generator / r.build.total:.1%})",
                share <= GENERATOR_SHARE_LIMIT,
            )
        )
    if 1000 in by_size and by_size[1000].plain is not None:
        r = by_size[1000]
        assert r.plain is not None
        ratio = r.build.total / r.plain.total
        checks.append(
            (f"1,000: ≤ {BASELINE_LIMIT:g} × plain MkDocs", f"{ratio:.2f} ×", ratio <= BASELINE_LIMIT)
        )
    if 1000 in by_size and by_size[1000].payload is not None:
        payload = by_size[1000].payload
        assert payload is not None
        checks.append(
            (
                "first-search payload ≤ 300 KB (1,000)",
                f"{_kb(payload['raw'])} ({_kb(payload['gzip'])} gzip)",
                payload["raw"] <= PAYLOAD_LIMIT,
            )
        )
    return checks


def report(results: list[SizeResult], checks: list[tuple[str, str, bool]]) -> str:
    lines = [
        f"Machine: {os.cpu_count()} CPU(s), Python {sys.version.split()[0]}; warm: best of the runs.",
        "",
        "| services | engine | cold build | warm build | generator | Pagefind | engine rendering "
        "| CPU (build + beside) | plain MkDocs (× warm) | plain + search (× warm) "
        "| peak memory cold / warm |",
        "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        for engine, result in r.engines.items():
            b = result.warm
            plain = f"{r.plain.total:.2f} s ({b.total / r.plain.total:.2f})" if r.plain else "–"
            searched = r.plain_search
            times_plain = f"{searched.total:.2f} s ({b.total / searched.total:.2f})" if searched else "–"
            lines.append(
                f"| {r.services:,} | {engine} | {result.cold.total:.2f} s | {b.total:.2f} s "
                f"| {b.generator:.2f} s ({b.generator / b.total:.1%}) | {b.pagefind:.2f} s "
                f"| {b.engine:.2f} s "
                f"| {b.phases.get('cpu_build', 0):.1f} + {b.phases.get('cpu_side', 0):.1f} s "
                f"| {plain} | {times_plain} | {result.cold.peak_rss_mb:.0f} / {b.peak_rss_mb:.0f} MB |"
            )
    lines += [
        "",
        f"The site ({next(iter(results[0].engines)) if results else '–'}'s build):",
        "",
        "| services | site | Pagefind index | exports | first search |",
        "| ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        payload = f"{_kb(r.payload['raw'])} ({_kb(r.payload['gzip'])} gz)" if r.payload else "–"
        lines.append(
            f"| {r.services:,} | {_mb(r.site_bytes)} ({r.site_files:,} files) | {_mb(r.pagefind_bytes)} "
            f"| {_mb(r.exports_bytes)} | {payload} |"
        )
    phases = (*GENERATOR_PHASES, "pagefind", "pagefind_wait", "engine")
    lines += [
        "",
        "Phases of the warm builds in the build's main thread (seconds; `engine`: Zensical's process):",
        "",
        "| services | engine | " + " | ".join(phases) + " |",
    ]
    lines.append("| ---: | --- |" + " ---: |" * len(phases))
    for r in results:
        for engine, result in r.engines.items():
            cells = " | ".join(f"{result.warm.phases.get(p, 0.0):.3f}" for p in phases)
            lines.append(f"| {r.services:,} | {engine} | {cells} |")
    if checks:
        lines += ["", "| target | measured | met |", "| --- | --- | --- |"]
        lines += [f"| {name} | {value} | {'yes' if met else '**no**'} |" for name, value, met in checks]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="100,1000,5000", help="comma-separated numbers of services")
    parser.add_argument("--repeat", type=int, default=1, help="warm builds per size; the fastest counts")
    parser.add_argument(
        "--engines", default="mkdocs", help="comma-separated engines to build with: mkdocs, zensical"
    )
    parser.add_argument("--no-browser", action="store_true", help="skip the search-payload measurement")
    parser.add_argument("--no-baseline", action="store_true", help="skip the plain-MkDocs build")
    parser.add_argument("--no-targets", action="store_true", help="report only; never exit 1")
    parser.add_argument("--json", type=Path, help="also write the results as JSON")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it")
    parser.add_argument("--worker", nargs=3, metavar=("MODE", "PROJECT", "SITE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.worker:
        import resource

        mode, project, site = args.worker
        timings = worker(mode, Path(project), Path(site))
        own = resource.getrusage(resource.RUSAGE_SELF)
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        timings["peak_rss_mb"] = max(own.ru_maxrss, children.ru_maxrss) / 1024  # Linux reports KiB
        # CPU seconds: the build's own process, and the processes beside it (Pagefind, exports).
        timings["cpu_build"] = own.ru_utime + own.ru_stime
        timings["cpu_side"] = children.ru_utime + children.ru_stime
        print(json.dumps(timings))
        return 0

    sizes = [int(s) for s in args.sizes.split(",")]
    engines = [e.strip() for e in args.engines.split(",") if e.strip()]
    if not engines or any(e not in ENGINES for e in engines):
        parser.error(f"--engines: choose from {', '.join(ENGINES)}")
    work = args.keep or Path(tempfile.mkdtemp(prefix="tarjotin-benchmark-"))
    try:
        results = []
        for size in sizes:
            print(f"› {size:,} services …", file=sys.stderr, flush=True)
            results.append(
                measure(size, work, args.repeat, not args.no_browser, not args.no_baseline, engines)
            )
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    checks = check_targets(results)
    print(report(results, checks))
    if args.json:
        data = [asdict(r) | {"generator": r.build.generator, "engine": r.build.engine} for r in results]
        args.json.write_text(json.dumps({"results": data, "targets": checks}, indent=2), encoding="utf-8")
    missed = [name for name, _, met in checks if not met]
    return 1 if missed and not args.no_targets else 0


if __name__ == "__main__":
    sys.exit(main())
