"""One plan, two engines: `tarjotin build --engine mkdocs|zensical` build the same site.

The default site and examples/kanta-hame are built with both engines and compared
page by page (the page set, every service page's headings and facts, where every
link leads, the navigation, the footer, the search index and the open data). The
rest is what the plan decides once for both: the catalogue is read once per build,
the link defence does not depend on a region's mkdocs.yml, and the engine can be
chosen in mkdocs.yml.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.site.plan import ROOT
from generator.site.urls import CATALOGUE_JSON, EXPORT_DIR, HSDS_SERVICES
from generator.write.search_index import BUNDLE_DIR
from tests.helpers import PROJECT, tarjotin_build

EXAMPLE = PROJECT / "examples" / "kanta-hame"


@pytest.fixture(scope="module")
def compare() -> ModuleType:
    """benchmarks/engine_comparison.py: the comparison the benchmark reports."""
    spec = importlib.util.spec_from_file_location(
        "engine_comparison", PROJECT / "benchmarks" / "engine_comparison.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["engine_comparison"] = module
    spec.loader.exec_module(module)
    return module


def _search_records(site: Path) -> dict[str, tuple[object, object]]:
    """Each indexed page's words and filters, by URL."""
    records = {}
    for fragment in (site / BUNDLE_DIR / "fragment").iterdir():
        record = json.loads(gzip.decompress(fragment.read_bytes())[len(b"pagefind_dcd") :])
        records[record["url"]] = (record["content"], record["filters"])
    return records


def _assert_same_site(compare: ModuleType, mkdocs_site: Path, zensical_site: Path) -> None:
    pages = compare.site_pages(mkdocs_site)
    assert compare.site_pages(zensical_site) == pages
    assert compare.broken_links(mkdocs_site) == {}
    assert compare.broken_links(zensical_site) == {}
    assert compare.differing_links(mkdocs_site, zensical_site) == {}
    services = sorted(p for p in pages if p.startswith("palvelut/") and p != "palvelut/index.html")
    assert services
    assert compare.differing_content(mkdocs_site, zensical_site, services) == {}
    headings, facts = compare.page_content(zensical_site, services[0])
    assert headings[0][0] == 1 and facts, "the comparison read the page's content"
    for page in ("index.html", "tietoa/index.html", services[0]):
        if page in pages:
            assert compare.nav_entries(zensical_site, page) == compare.nav_entries(mkdocs_site, page), page
    assert compare.footer_links(zensical_site) == compare.footer_links(mkdocs_site) > 0
    # Both put every service's card into the listings, converted once per build.
    for site in (mkdocs_site, zensical_site):
        built = {path: (site / path).read_text(encoding="utf-8") for path in pages}
        assert not [path for path, html in built.items() if "tarjotin:fragment" in html or ROOT in html]
        assert sum(html.count('<article class="tarjotin-card') for html in built.values()) > len(services)
    # The search index holds the same pages with the same words and filters.
    assert _search_records(zensical_site) == _search_records(mkdocs_site) != {}
    for name in (CATALOGUE_JSON, HSDS_SERVICES):
        ours, theirs = (site / EXPORT_DIR / name for site in (mkdocs_site, zensical_site))
        assert json.loads(theirs.read_text(encoding="utf-8")) == json.loads(ours.read_text(encoding="utf-8"))


def test_the_default_site_is_the_same_with_both_engines(
    compare: ModuleType, default_site: Path, zensical_default_site: Path
) -> None:
    _assert_same_site(compare, default_site, zensical_default_site)
    # Zensical's own search index is off (Pagefind serves search): only an empty stub.
    assert '"items":[]' in (zensical_default_site / "search.json").read_text(encoding="utf-8")


def test_the_second_region_is_the_same_with_both_engines(compare: ModuleType, tmp_path: Path) -> None:
    sites = {}
    for engine in ("mkdocs", "zensical"):
        sites[engine] = tmp_path / engine
        result = tarjotin_build(EXAMPLE, sites[engine], "--engine", engine)
        assert result.exit_code == 0, result.output
        assert f"({engine})" in result.output
    _assert_same_site(compare, sites["mkdocs"], sites["zensical"])
    home = (sites["zensical"] / "index.html").read_text(encoding="utf-8")
    assert "Palvelutarjotin Kanta-Häme (esimerkki)" in home
    assert (sites["zensical"] / "assets" / "stylesheets" / "tarjotin-region.css").is_file()


# --- what the plan decides once ------------------------------------------------------------


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_the_catalogue_is_read_once_per_build(
    mini_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, engine: str
) -> None:
    from generator import cli
    from generator.engines import mkdocs_plugin

    reads: list[Path] = []
    for module in (cli, mkdocs_plugin):
        load = module.load_catalogue

        def counting(root: Path, load=load):  # type: ignore[no-untyped-def]
            reads.append(root)
            return load(root)

        monkeypatch.setattr(module, "load_catalogue", counting)
    result = tarjotin_build(mini_project, tmp_path / "site", "--engine", engine)
    assert result.exit_code == 0, result.output
    assert reads == [(mini_project / "catalogue").resolve()]
    # The exports came from that one reading (a forked copy of the build wrote them).
    assert (tmp_path / "site" / EXPORT_DIR / CATALOGUE_JSON).is_file()


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_javascript_links_are_defused_without_a_line_in_mkdocs_yml(
    mini_project: Path, tmp_path: Path, engine: str
) -> None:
    config = (mini_project / "mkdocs.yml").read_text(encoding="utf-8")
    assert "safe_links" not in config  # the region's configuration does not ask for it
    docs = mini_project / "docs"
    docs.mkdir(exist_ok=True)
    (docs / "tietoa.md").write_text(
        "# Tietoa\n\n[Vaarallinen](javascript:alert(1)) ja [Turvallinen](https://example.org/)\n",
        encoding="utf-8",
    )
    site = tmp_path / "site"
    result = tarjotin_build(mini_project, site, "--engine", engine)
    assert result.exit_code == 0, result.output
    page = (site / "tietoa" / "index.html").read_text(encoding="utf-8")
    assert "Vaarallinen" in page and 'href="https://example.org/"' in page
    assert "javascript:" not in page


def test_the_engine_is_chosen_in_mkdocs_yml_and_on_the_command_line(
    mini_project: Path, tmp_path: Path
) -> None:
    config = mini_project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "  - tarjotin\n", "  - tarjotin:\n      engine: zensical\n"
        ),
        encoding="utf-8",
    )
    result = tarjotin_build(mini_project, tmp_path / "site")
    assert result.exit_code == 0, result.output
    assert "(zensical)" in result.output
    assert (tmp_path / "site" / "search.json").is_file()  # Zensical's stub; MkDocs writes none
    result = tarjotin_build(mini_project, tmp_path / "other", "--engine", "mkdocs")
    assert result.exit_code == 0, result.output
    assert "(mkdocs)" in result.output and not (tmp_path / "other" / "search.json").exists()
    config.write_text(config.read_text(encoding="utf-8").replace("engine: zensical", "engine: hugo"))
    result = tarjotin_build(mini_project, tmp_path / "third")
    assert result.exit_code == 2
    assert "plugins.tarjotin.engine: unknown engine 'hugo'; use one of: mkdocs, zensical" in result.output


def test_a_catalogue_given_on_the_command_line_is_the_one_built(mini_project: Path, tmp_path: Path) -> None:
    other = tmp_path / "muu-luettelo"
    (mini_project / "catalogue").rename(other)  # mkdocs.yml still names catalogue/
    site = tmp_path / "site"
    arguments = ["build", "-f", str(mini_project / "mkdocs.yml"), "--catalogue", str(other), "-d", str(site)]
    result = CliRunner().invoke(main, arguments)
    assert result.exit_code == 0, result.output
    assert (site / "palvelut" / "eka" / "index.html").is_file()
