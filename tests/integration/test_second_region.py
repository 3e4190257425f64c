"""A second region builds from data only: examples/kanta-hame (sample data) with the same code."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from generator.cli import main
from generator.site import urls as paths
from generator.validate.catalogue import load_catalogue
from tests.helpers import hsds_schema

PROJECT = Path(__file__).resolve().parents[2]
EXAMPLE = PROJECT / "examples" / "kanta-hame"
#: Words that would mean the default region leaked into the shared code.
DEFAULT_REGION_WORDS = re.compile(r"päijät|paijat|lahti|lahden|hollola", re.IGNORECASE)


def _build(config: Path, catalogue: Path, site: Path) -> None:
    result = CliRunner().invoke(
        main, ["build", "-f", str(config), "--catalogue", str(catalogue), "--site-dir", str(site)]
    )
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("kanta-hame") / "site"
    _build(EXAMPLE / "mkdocs.yml", EXAMPLE / "catalogue", site)
    return site


def _region() -> dict[str, Any]:
    region: dict[str, Any] = yaml.safe_load((EXAMPLE / "catalogue" / "region.yml").read_text("utf-8"))
    return region


def test_the_region_comes_from_its_data(example_site: Path) -> None:
    region = _region()
    site = region["site"]
    home = (example_site / "index.html").read_text(encoding="utf-8")
    assert "Palvelutarjotin Kanta-Häme (esimerkki)" in home, "site_name from the example's mkdocs.yml"
    assert re.findall(r"<h1 id=[^>]*>(.*?)</h1>", home) == [site["title"]]
    for municipality in region["municipalities"]:
        page = example_site / "kunnat" / municipality["id"] / "index.html"
        assert municipality["name"] in page.read_text(encoding="utf-8"), municipality["id"]
    css = (example_site / "assets" / "stylesheets" / "tarjotin-region.css").read_text(encoding="utf-8")
    for name, value in site["colors"].items():
        assert f"--tarjotin-region-{name.replace('_', '-')}: {value};" in css, name


def test_the_header_and_footer_name_the_site_and_its_owner(example_site: Path) -> None:
    site = _region()["site"]
    for page in ("index.html", "palvelut/index.html"):
        html = (example_site / page).read_text(encoding="utf-8")
        header = html[html.index('class="tarjotin-brand"') : html.index("</header>")]
        assert f'<span class="tarjotin-brand__name">{site["short_name"]}</span>' in header, page
        assert f'<span class="tarjotin-brand__owner">{site["owner"]}</span>' in header, page
        footer = html[html.index('class="md-footer"') :]
        assert f"Ylläpitäjä: {site['owner']}" in footer, page
        assert "Material for MkDocs" not in footer, page


def test_nothing_of_the_default_region_reaches_the_second_site(example_site: Path) -> None:
    leaks = []
    for path in example_site.rglob("*"):
        if path.suffix in {".html", ".css", ".js", ".json", ".xml", ".csv"} and "pagefind" not in path.parts:
            for match in DEFAULT_REGION_WORDS.finditer(path.read_text(encoding="utf-8", errors="replace")):
                leaks.append(f"{path.relative_to(example_site)}: {match.group(0)}")
    assert leaks == []


def test_the_shared_code_names_no_region() -> None:
    leaks = []
    for folder in ("generator", "theme_overrides", "docs/assets"):
        for path in sorted((PROJECT / folder).rglob("*")):
            if path.is_file() and path.suffix in {".py", ".j2", ".html", ".css", ".js"}:
                for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                    if DEFAULT_REGION_WORDS.search(line):
                        leaks.append(f"{path.relative_to(PROJECT)}:{number}: {line.strip()}")
    assert leaks == []


def test_every_sample_service_says_it_is_sample_data(example_site: Path) -> None:
    services = sorted((EXAMPLE / "catalogue" / "services").glob("*.yml"))
    assert len(services) >= 3
    for source in services:
        assert source.read_text(encoding="utf-8").splitlines()[1].startswith("# SAMPLE DATA"), source.name
        entry = yaml.safe_load(source.read_text(encoding="utf-8"))
        assert entry["name"].endswith("(esimerkki)"), source.name
        assert "Esimerkki, ei todellinen palvelu." in entry["what"], source.name
        page = (example_site / "palvelut" / source.stem / "index.html").read_text(encoding="utf-8")
        assert "Esimerkki, ei todellinen palvelu." in page, source.name


def test_the_second_region_exports_validate(example_site: Path) -> None:
    folder = example_site / paths.EXPORT_DIR
    services = json.loads((folder / paths.HSDS_SERVICES).read_text(encoding="utf-8"))["contents"]
    validator = jsonschema.Draft202012Validator(hsds_schema("service.json"))
    assert [e.message for s in services for e in validator.iter_errors(s)] == []
    statuses = {s["name"]: s["status"] for s in services}
    assert statuses["Päättynyt työkokeilu (esimerkki)"] == "defunct"
    codes = {
        a["taxonomy_term"]["code"]
        for s in services
        for area in s["service_areas"]
        for a in area["attributes"]
    }
    region_codes = {m["code"] for m in _region()["municipalities"]}
    assert codes == region_codes
    feed = (folder / paths.FEED).read_text(encoding="utf-8")
    titles = re.findall(r"<title>(.*?)</title>", feed)[1:]
    assert titles == [
        "Kuntoutusohjaus (esimerkki)",  # reviewed 2025-05-02
        "Työnhaun ryhmä (esimerkki)",  # 2025-03-14
        "Työkyvyn arviointi (esimerkki)",  # 2024-11-20
        "Nuorten ohjauspiste (esimerkki)",  # never reviewed; the ended service is left out
    ]


def test_a_region_without_colours_gets_the_neutral_defaults(mini_project: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    _build(mini_project / "mkdocs.yml", mini_project / "catalogue", site)
    assert not (site / "assets" / "stylesheets" / "tarjotin-region.css").exists()
    assert "tarjotin-region.css" not in (site / "index.html").read_text(encoding="utf-8")


def test_the_licence_its_region_yml_states_is_named(example_site: Path) -> None:
    licence = _region()["data_licence"]
    html = (example_site / paths.EXPORT_DIR / "index.html").read_text(encoding="utf-8")
    assert f'<a href="{licence["url"]}">{licence["title"]}</a>' in html
    data = json.loads((example_site / paths.EXPORT_DIR / paths.CATALOGUE_JSON).read_text(encoding="utf-8"))
    assert data["licence"] == licence


def test_unreadable_colours_are_reported(mini_project: Path) -> None:
    region = mini_project / "catalogue" / "region.yml"
    text = region.read_text(encoding="utf-8")
    colours = (
        "  colors:\n"
        '    primary: "#0b4f71"\n    primary_light: "#2f6f90"\n    primary_dark: "#08374f"\n'
        '    accent: "#ffcc00"\n    link: "#0a5a85"\n    tint: "#0a5a85"\n'
    )
    region.write_text(text.replace("municipalities:", colours + "municipalities:"), encoding="utf-8")
    catalogue, problems = load_catalogue(mini_project / "catalogue")
    assert catalogue is None
    [problem] = problems.errors
    assert (problem.file, problem.field) == (region, "site.colors")
    assert problem.message == (
        "värin accent #ffcc00 kontrasti taustaa #ffffff vasten on 1,5:1; värin link #0a5a85 kontrasti "
        "taustaa #0a5a85 vasten on 1,0:1; tekstin kontrastin pitää olla vähintään 4,5:1 (WCAG 2.1 AA)"
    )
