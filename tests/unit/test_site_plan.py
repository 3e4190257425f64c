"""The site plan, made without any engine, and the project settings it is made from.

Nothing here builds a site: ``plan_site`` is given a loaded catalogue and returns what
every engine adapter applies (generator/site/plan.py, generator/render/site_plan.py);
``read_project`` reads mkdocs.yml without MkDocs (generator/site/project.py).
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from generator.engines.mkdocs_config import TarjotinConfig
from generator.render.site_plan import PlanOptions, docs_pages, page_title, plan_site
from generator.site import urls
from generator.site.plan import REQUIRED_EXTENSIONS, FooterLink, merged_extensions, mkdocs_style
from generator.site.project import SETTINGS, ProjectError, parse_today, read_config, read_project
from generator.validate.catalogue import require_catalogue
from tests.helpers import PROJECT, run_forking

TODAY = date(2025, 6, 1)


@pytest.fixture(scope="module")
def catalogue():  # type: ignore[no-untyped-def]
    loaded, _ = require_catalogue(PROJECT / "catalogue")
    return loaded


def _plan(catalogue, **options):  # type: ignore[no-untyped-def]
    options.setdefault("docs_dir", PROJECT / "docs")
    return plan_site(catalogue, PlanOptions(today=TODAY, **options))


@pytest.fixture(scope="module")
def plans(catalogue):  # type: ignore[no-untyped-def]
    """The default site's plan for each engine (made once: rendering takes a moment)."""
    return {
        engine: _plan(catalogue, engine=engine, site_name="Palvelutarjotin")
        for engine in ("mkdocs", "zensical")
    }


# --- the plan -------------------------------------------------------------------------


def test_the_plan_holds_every_page_with_its_navigation_and_search_decided_once(catalogue, plans) -> None:  # type: ignore[no-untyped-def]
    plan = plans["mkdocs"]
    paths = [page.path for page in plan.pages]
    assert len(paths) == len(set(paths))
    service = {page.path: page for page in plan.pages}[urls.service("kela")]
    assert (service.kind, service.in_nav, service.searchable) == ("service", False, True)
    # Searchable: exactly the current services, ended ones not (their pages stay, unlisted).
    current = {urls.service(s.id) for s in catalogue.services if not s.has_ended(TODAY)}
    assert set(plan.searchable) == current and len(current) < len(catalogue.services)
    assert plan.searchable[urls.service("kela")] == service.title
    assert plan.searchable_urls()[0].startswith("palvelut/") and plan.searchable_urls()[0].endswith("/")
    assert set(plan.hidden) == {page.path for page in plan.pages if not page.in_nav}
    # The navigation: the generated pages first in their order, then the hand-written ones.
    generated = [page.path for page in plan.pages if page.in_nav]
    assert plan.nav[: len(generated)] == generated and generated[0] == urls.HOME
    assert plan.nav[len(generated) :] == docs_pages(PROJECT / "docs")
    assert {"saavutettavuusseloste.md", "tietoa.md", "toimittajille/index.md"} <= set(plan.nav)


def test_the_plan_requires_the_markdown_extensions_its_pages_are_written_for(plans) -> None:  # type: ignore[no-untyped-def]
    plan = plans["zensical"]
    assert list(plan.extensions) == list(REQUIRED_EXTENSIONS)
    assert "generator.render.safe_links" in plan.extensions
    # The glossary is written out in the text, for every engine alike: no abbr needed.
    assert "abbr" not in plan.extensions


def test_the_footer_the_region_stylesheet_and_the_themes_extra(catalogue, plans, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    plan = plans["mkdocs"]
    assert plan.footer == [
        FooterLink("saavutettavuusseloste.md", "Saavutettavuusseloste"),
        FooterLink("tietoa.md", "Tietoa sivustosta"),
        FooterLink("toimittajille/index.md", "Ohje toimittajille"),
    ]
    assert plan.extra["footer_links"][2] == {"url": "toimittajille/", "title": "Ohje toimittajille"}
    assert plan.extra["tarjotin_site"]["region"] == catalogue.region.name
    # Footer pages the project lacks are left out; no docs folder, no footer.
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "tietoa.md").write_text("---\ntitle: Sivustosta\n---\n\n# Otsikko\n", encoding="utf-8")
    assert _plan(catalogue, docs_dir=docs).footer == [FooterLink("tietoa.md", "Sivustosta")]
    assert plan_site(catalogue, PlanOptions(today=TODAY)).footer == []
    # A region that names colours gets its stylesheet; one that names none, none.
    example, _ = require_catalogue(PROJECT / "examples" / "kanta-hame" / "catalogue")
    coloured = plan_site(example, PlanOptions(today=TODAY))
    assert coloured.extra_css == [urls.REGION_STYLESHEET]
    assert coloured.assets[urls.REGION_STYLESHEET].startswith("/* Generated from region.yml")
    mini, _ = require_catalogue(PROJECT / "tests" / "fixtures" / "mini" / "catalogue")
    plain = plan_site(mini, PlanOptions(today=TODAY))
    assert plain.assets == {} and plain.extra_css == []


def test_each_page_names_the_yaml_it_is_made_from(catalogue, plans) -> None:  # type: ignore[no-untyped-def]
    pages = {page.path: page for page in plans["mkdocs"].pages}
    root = catalogue.root
    assert pages[urls.service("kela")].sources == (root / "services" / "kela.yml",)
    assert pages[urls.THEMES].sources == (root / "themes.yml",)
    path = catalogue.professional.paths[0]
    assert pages[urls.pathway(path.id)].sources == (path.source,)
    assert all(page.sources or page.kind == "field-reference" for page in pages.values())


def test_the_pages_own_html_links_are_written_for_the_engine(catalogue, plans) -> None:  # type: ignore[no-untyped-def]
    """MkDocs leaves raw HTML alone; Zensical resolves it from the page's source folder."""
    service = catalogue.services_by_id["kela"]
    theme = urls.theme(service.themes[0].id)
    mkdocs, zensical = ({page.path: page.full_markdown for page in plans[engine].pages} for engine in plans)
    chip = 'class="tarjotin-chip" href="{}"'
    assert chip.format(urls.relative_url(urls.service("kela"), theme)) in mkdocs[urls.service("kela")]
    assert (
        chip.format(urls.source_relative_url(urls.service("kela"), theme)) in zensical[urls.service("kela")]
    )
    # Inside <noscript> Zensical rewrites nothing: the same served-relative links for both.
    noscript = mkdocs[urls.SEARCH][mkdocs[urls.SEARCH].index("<noscript") :]
    assert noscript in zensical[urls.SEARCH]
    # Markdown links are the engines' to resolve: the same for both.
    assert mkdocs[urls.HOME].count(".md)") == zensical[urls.HOME].count(".md)") > 0
    with pytest.raises(ValueError, match="unknown engine 'hugo'"):
        _plan(catalogue, engine="hugo")


@pytest.mark.parametrize(
    ("page", "target", "expected"),
    [
        # A service page is served from palvelut/kela/; Zensical resolves from palvelut/.
        ("palvelut/kela.md", "teemat/kuntoutus.md", "../teemat/kuntoutus/"),
        ("palvelut/kela.md", "index.md", "../"),
        ("palvelut/index.md", "palvelut/kela.md", "kela/"),
        ("index.md", "palvelut/index.md", "palvelut/"),
        ("haku.md", "teemat/index.md", "teemat/"),
        ("avoin-data.md", "avoin-data/palvelut.json", "avoin-data/palvelut.json"),
        ("palvelut/kela.md", "assets/x.png", "../assets/x.png"),
        ("ammattilaisille/tunnistaminen/a.md", "palvelut/kela.md", "../../palvelut/kela/"),
    ],
)
def test_source_relative_links_reach_the_same_target_as_served_ones(
    page: str, target: str, expected: str
) -> None:
    assert urls.source_relative_url(page, target) == expected
    served = urls.relative_url(page, target)
    if page.endswith("index.md") or page == "index.md":
        assert served == expected  # an index is served from its source folder


def test_the_plans_extensions_merge_into_a_projects_without_losing_its_own() -> None:
    configured = ["abbr", {"toc": {"permalink": False}}, {"pymdownx.emoji": {"emoji_index": "x.y"}}]
    planned = {"abbr": {"glossary": {"TYP": "yhteispalvelu"}}, "toc": {}, "generator.render.safe_links": {}}
    entries = merged_extensions(configured, planned)
    assert entries == [
        ("abbr", {"glossary": {"TYP": "yhteispalvelu"}}),
        ("toc", {"permalink": False}),
        ("pymdownx.emoji", {"emoji_index": "x.y"}),
        ("generator.render.safe_links", {}),
    ]
    assert mkdocs_style(entries)[-1] == "generator.render.safe_links"
    # A glossary in mkdocs.yml is kept beside the catalogue's.
    own = merged_extensions([{"abbr": {"glossary": {"EU": "Euroopan unioni"}}}], planned)
    assert own[0] == ("abbr", {"glossary": {"EU": "Euroopan unioni", "TYP": "yhteispalvelu"}})


def test_hand_written_pages_in_mkdocs_order_and_their_titles(tmp_path: Path) -> None:
    for path, text in {
        "z.md": "# Zeta\n",
        "index.md": "# Etusivu\n",
        "a-kansio/b.md": "Ei otsikkoa.\n",
        "a-kansio/index.md": "---\ntitle: Kansion etusivu\n---\n# Muu\n",
        "a-kansio/c/README.md": "## Ei ykköstasoa\n",
    }.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text, encoding="utf-8")
    # A folder's files before its sub-folders, index first, as MkDocs walks the docs.
    assert docs_pages(tmp_path) == [
        "index.md",
        "z.md",
        "a-kansio/index.md",
        "a-kansio/b.md",
        "a-kansio/c/README.md",
    ]
    assert page_title(tmp_path / "a-kansio/index.md") == "Kansion etusivu"
    assert page_title(tmp_path / "z.md") == "Zeta"
    assert page_title(tmp_path / "a-kansio/b.md") == "B"
    assert docs_pages(tmp_path / "missing") == []


# --- the project, read without MkDocs ---------------------------------------------------


def test_the_project_is_read_as_mkdocs_reads_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    example = tmp_path / "examples" / "kanta"
    shutil.copytree(PROJECT / "examples" / "kanta-hame", example, ignore=shutil.ignore_patterns("docs"))
    (tmp_path / "mkdocs.yml").write_text(
        (PROJECT / "mkdocs.yml").read_text(encoding="utf-8") + "repo_url: !ENV [TARJOTIN_TEST_REPO, 'x']\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("TARJOTIN_TEST_REPO", "https://example.org/repo")
    project = read_project(tmp_path / "examples" / "kanta" / "mkdocs.yml")
    # INHERIT: the parent's settings, the child's over them; paths from the child's folder.
    assert project.site_name == "Palvelutarjotin Kanta-Häme (esimerkki)"
    assert project.config["theme"]["language"] == "fi"
    assert project.repo_url == "https://example.org/repo"
    assert project.catalogue == (tmp_path / "examples" / "kanta" / "catalogue").resolve()
    assert project.docs_dir == (tmp_path / "examples" / "kanta" / "docs").resolve()
    assert project.theme_dir == (tmp_path / "theme_overrides").resolve()
    assert project.engine == "mkdocs" and project.search and project.uses_plugin
    emoji = next(
        e for e in project.config["markdown_extensions"] if isinstance(e, dict) and "pymdownx.emoji" in e
    )
    assert emoji["pymdownx.emoji"]["emoji_index"] == "material.extensions.emoji.twemoji"
    # --catalogue wins over mkdocs.yml's, which stays known (the site guard protects both).
    given = read_project(tmp_path / "examples" / "kanta" / "mkdocs.yml", catalogue=tmp_path / "muu")
    assert given.catalogue == (tmp_path / "muu").resolve()
    assert given.configured_catalogue == project.catalogue


def test_wrong_settings_are_named_with_the_file(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: T\nplugins:\n  - search\n  - tarjotin:\n      catalouge: x\n      search: 'yes'\n"
        "      engine: hugo\n",
        encoding="utf-8",
    )
    with pytest.raises(ProjectError) as raised:
        read_project(config)
    lines = str(raised.value).splitlines()
    assert lines == [
        f"{config}: plugins.tarjotin.catalouge: unknown setting; did you mean 'catalogue'?",
        f"{config}: plugins.tarjotin.search: expected bool, got 'yes'",
        f"{config}: plugins.tarjotin.engine: unknown engine 'hugo'; use one of: mkdocs, zensical",
    ]
    config.write_text("INHERIT: mkdocs.yml\n", encoding="utf-8")
    with pytest.raises(ProjectError, match="INHERIT leads back to this file"):
        read_config(config)
    config.write_text("site_name: [\n", encoding="utf-8")
    with pytest.raises(ProjectError, match="not valid YAML"):
        read_config(config)
    with pytest.raises(ProjectError, match=r"plugins\.tarjotin\.today: "):
        parse_today("2024-02-30")
    assert parse_today("2024-02-29") == date(2024, 2, 29)
    # Without the plugin: the defaults, and it is known to be missing.
    config.write_text("site_name: T\n", encoding="utf-8")
    bare = read_project(config)
    assert not bare.uses_plugin and bare.catalogue == (tmp_path / "catalogue").resolve()


def test_the_mkdocs_plugin_declares_the_same_settings() -> None:
    assert [name for name, _ in TarjotinConfig._schema] == list(SETTINGS)


_BESIDE = """
import sys
from datetime import date
from pathlib import Path
import generator.render.pages as pages
from generator.background import ForkedResult
from generator.render.renderer import RenderOptions
from generator.validate.catalogue import require_catalogue
forked = []
class Recorded(ForkedResult):
    def __init__(self, compute, name):
        super().__init__(compute, name)
        forked.append(name)
pages.ForkedResult = Recorded
catalogue, _ = require_catalogue(Path(sys.argv[1]))
options = RenderOptions(today=date(2026, 12, 1))
pages.RENDER_BESIDE_FROM = 10**9
here = pages.render_pages(catalogue, options)
assert not forked
pages.RENDER_BESIDE_FROM = 0
beside = pages.render_pages(catalogue, options)
assert forked == [b"tarjotin-pages"], "one thread: the copy was forked"
assert beside == here
print(sum(page.kind == "service" for page in beside))
"""


def test_service_pages_rendered_beside_the_plan_are_those_rendered_here() -> None:
    assert int(run_forking(_BESIDE, str(PROJECT / "catalogue"))) > 20
