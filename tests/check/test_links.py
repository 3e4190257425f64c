"""`tarjotin links` end to end: a sample catalogue whose links point at local test servers."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from generator.cli import main
from tests.check.conftest import LinkServer, copy_mini
from tests.helpers import tarjotin_build

#: Settings for the sample project: quick, and never a request to a host that is not local.
LINK_SETTINGS = """\
      links:
        timeout: 1
        retries: 1
        retry_delay: 0
        max_requests_per_second: 50
        ignore: ['^https?://(?!127\\.0\\.0\\.1[:/])']
"""

#: Each path on the test server that eka.yml links to, and the class it must get.
SERVICE_LINKS = [
    ("/ok", "ok"),
    ("/ok#here", "ok"),
    ("/ok#nothere", "could-not-verify"),
    ("/moved", "moved"),
    ("/chain/1", "ok"),
    ("/chain-moved/1", "moved"),
    ("/loop", "broken"),
    ("/missing", "broken"),
    ("/forbidden", "could-not-verify"),
    ("/login", "could-not-verify"),
    ("/busy", "could-not-verify"),
    ("/broken-server", "broken"),
    ("/slow", "broken"),
    ("/private", "could-not-verify"),
]


def write_project(project: Path, server: LinkServer, refused: str, *, clean: bool = False) -> None:
    """Point the sample project's links at ``server``; ``clean`` leaves only working links."""
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - tarjotin\n", "  - tarjotin:\n" + LINK_SETTINGS))
    catalogue = project / "catalogue"
    providers = catalogue / "providers.yml"
    providers.write_text(providers.read_text().replace("https://example.org/", server.url("/permanent")))
    links = [("/ok", "ok")] if clean else SERVICE_LINKS
    entries = "".join(
        f"  - title: Linkki {i}\n    url: {server.url(path)}\n" for i, (path, _) in enumerate(links)
    )
    if not clean:
        entries += f"  - title: Suljettu\n    url: {refused}\n"
    what = (
        "  Palvelu tekee asioita.\n"
        if clean
        else f"  Palvelu tekee asioita.\n  Lue [ohje]({server.url('/gone')}) ennen kuin aloitat.\n"
    )
    (catalogue / "services" / "eka.yml").write_text(
        "name: Eka palvelu\nsummary: Eka palvelu auttaa.\nthemes: [kuntoutus]\nprovider: kunta\n"
        f"area: region\nwhat: |\n{what}access:\n  routes: [self]\nlinks:\n{entries}"
    )
    anchor = "" if clean else "#ei-ankkuria"
    # Catalogue text may only link to absolute addresses, so links into the site's own
    # pages (and their anchors) are written in docs pages.
    other = "" if clean else "\nKatso myös [toinen palvelu](palvelut/toka.md#ei-ole).\n"
    (project / "docs" / "tietoa.md").write_text(
        f"# Tietoa\n\nLue [kaikki palvelut](palvelut/index.md{anchor}).\n\n"
        f"Katso myös <{server.url('/ok')}>.\n{other}"
    )


@dataclass
class Run:
    code: int
    output: str  # stdout and stderr
    stdout: str
    project: Path
    report: dict[str, Any]
    hits: Counter[str] = field(default_factory=Counter)

    def result(self, url: str) -> dict[str, Any]:
        matches = [r for r in self.report["results"] if r["url"] == url]
        assert len(matches) == 1, (url, [r["url"] for r in self.report["results"]])
        return matches[0]


def run_links(project: Path, *extra: str) -> Run:
    result = CliRunner().invoke(
        main, ["links", "-f", str(project / "mkdocs.yml"), "--report-dir", str(project / "report"), *extra]
    )
    report_file = project / "report" / "links.json"
    report = json.loads(report_file.read_text()) if report_file.exists() else {}
    return Run(result.exit_code, result.output, result.stdout, project, report)


def position(file: Path, text: str) -> tuple[int, int]:
    """Where ``text`` is written in ``file`` (1-based line and column)."""
    for number, line in enumerate(file.read_text().splitlines(), start=1):
        if text in line:
            return number, line.index(text) + 1
    raise AssertionError(f"{text!r} is not in {file}")


@pytest.fixture(scope="module")
def checked(
    tmp_path_factory: pytest.TempPathFactory, link_server: LinkServer, refused_url: str
) -> tuple[Run, LinkServer, str]:
    """One run over every kind of link; the tests below read its results (and must not change it)."""
    project = copy_mini(tmp_path_factory.mktemp("links") / "project")
    write_project(project, link_server, refused_url)
    before = link_server.hits.copy()
    run = run_links(project, "--external")
    run.hits = link_server.hits - before
    return run, link_server, refused_url


def rerun_copy(run: Run, tmp_path: Path, *extra: str) -> Run:
    """Run again on a copy of ``run``'s project (its cache included)."""
    project = tmp_path / "again"
    shutil.copytree(run.project, project)
    return run_links(project, *extra)


def test_every_result_class(checked: tuple[Run, LinkServer, str]) -> None:
    run, server, refused = checked
    assert run.code == 1, run.output
    assert len([r for r in run.report["results"] if r["external"]]) == len(SERVICE_LINKS) + 3
    for path, status in SERVICE_LINKS:
        assert run.result(server.url(path))["status"] == status, path
    assert run.result(refused)["status"] == "broken"
    assert run.result(refused)["reason"] == "palvelin ei ottanut yhteyttä vastaan"
    assert run.result(server.url("/gone"))["reason"] == "410 Gone"
    assert run.result(server.url("/missing"))["reason"] == "404 Not Found"
    assert run.result(server.url("/loop"))["reason"] == (
        "uudelleenohjaukset kiertävät kehää (liian monta uudelleenohjausta)"
    )
    assert run.result(server.url("/slow"))["reason"] == "vastausta ei tullut ajoissa (2 yritystä)"
    assert run.result(server.url("/broken-server"))["reason"] == "503 Service Unavailable (2 yritystä)"
    assert run.result(server.url("/busy"))["reason"] == (
        "429 Too Many Requests (sivusto pyysi tarkistinta hidastamaan), Retry-After: 120"
    )
    assert run.result(server.url("/private"))["reason"] == "sivuston robots.txt kieltää tarkistamasta sitä"
    assert run.result(server.url("/ok#nothere"))["reason"] == (
        "kohtaa #nothere ei löytynyt toisen sivuston sivulta"
    )


def test_moved_links_report_where_they_went(checked: tuple[Run, LinkServer, str]) -> None:
    run, server, _ = checked
    moved = run.result(server.url("/moved"))
    assert moved["final_url"] == server.url("/ok")
    assert moved["suggested_url"] == server.url("/ok")
    assert moved["redirects"] == [{"status": 301, "url": server.url("/ok")}]
    chain = run.result(server.url("/chain-moved/1"))
    assert [hop["status"] for hop in chain["redirects"]] == [301, 301]
    assert chain["suggested_url"] == server.url("/ok")
    temporary = run.result(server.url("/chain/1"))
    assert [hop["status"] for hop in temporary["redirects"]] == [302, 302]
    assert temporary["suggested_url"] is None
    assert run.result(server.url("/permanent"))["reason"] == "siirtynyt pysyvästi (308)"


def test_timeouts_and_server_errors_are_retried(checked: tuple[Run, LinkServer, str]) -> None:
    run, _, _ = checked
    assert run.hits["/slow"] == 2  # retries: 1
    assert run.hits["/broken-server"] == 2
    assert run.hits["/missing"] == 1  # a 404 is final


def test_findings_are_traced_to_file_line_and_service(checked: tuple[Run, LinkServer, str]) -> None:
    run, server, _ = checked
    eka = run.project / "catalogue" / "services" / "eka.yml"
    [location] = run.result(server.url("/missing"))["locations"]
    line, column = position(eka, server.url("/missing"))
    assert location == {
        "file": "catalogue/services/eka.yml",
        "line": line,
        "column": column,
        "field": "links.7.url",
        "name": "Eka palvelu",
    }
    # A URL inside a Markdown section: its own line, not the line of `what: |`.
    [location] = run.result(server.url("/gone"))["locations"]
    assert (location["line"], location["field"]) == (position(eka, "/gone")[0], "what")
    # The provider's address is written once, in providers.yml, but shown on every service page.
    permanent = run.result(server.url("/permanent"))
    [location] = permanent["locations"]
    assert location["file"] == "catalogue/providers.yml"
    assert location["name"] == "Kunta"
    assert location["line"] == position(run.project / "catalogue" / "providers.yml", "/permanent")[0]
    assert {page["path"] for page in permanent["pages"]} == {"/palvelut/eka/", "/palvelut/toka/"}


def test_missing_anchors_of_the_site_are_broken(checked: tuple[Run, LinkServer, str]) -> None:
    run, _, _ = checked
    to_service = run.result("/palvelut/toka/#ei-ole")
    assert to_service["status"] == "broken"
    assert to_service["reason"] == "kohtaa #ei-ole ei löytynyt sivulta"
    assert [(loc["file"], loc["line"]) for loc in to_service["locations"]] == [("docs/tietoa.md", 7)]
    assert [page["path"] for page in to_service["pages"]] == ["/tietoa/"]
    in_docs = run.result("/palvelut/#ei-ankkuria")
    assert [(loc["file"], loc["line"], loc["name"]) for loc in in_docs["locations"]] == [
        ("docs/tietoa.md", 3, "Tietoa")
    ]


def test_every_broken_internal_link_is_traced(checked: tuple[Run, LinkServer, str]) -> None:
    """Every internal finding names the file and line it comes from."""
    run, _, _ = checked
    internal = [r for r in run.report["results"] if not r["external"]]
    assert internal
    for result in internal:
        assert result["locations"], result["url"]


def test_a_url_written_in_two_places_lists_both(checked: tuple[Run, LinkServer, str]) -> None:
    run, server, _ = checked
    files = sorted(loc["file"] for loc in run.result(server.url("/ok"))["locations"])
    assert files == ["catalogue/services/eka.yml", "docs/tietoa.md"]


def test_terminal_summary_is_grouped_by_file(checked: tuple[Run, LinkServer, str]) -> None:
    run, server, _ = checked
    output = run.stdout  # the summary; progress and notes go to stderr
    eka = run.project / "catalogue" / "services" / "eka.yml"
    line, column = position(eka, server.url("/missing"))
    assert f"{line}:{column}  rikki: {server.url('/missing')} (Eka palvelu)\n" in output
    assert f"{' ' * 9}404 Not Found\n" in output
    assert f"siirtynyt pysyvästi (301); vaihda osoitteeksi {server.url('/ok')}\n" in output
    headings = [text for text in output.splitlines() if text and not text.startswith(" ")]
    assert headings[:3] == ["catalogue/providers.yml", "catalogue/services/eka.yml", "docs/tietoa.md"]
    counts = run.report["summary"]
    assert re.search(
        rf"✗ {counts['broken']} rikkinäistä, 3 siirtynyttä, 5 ei voitu tarkistaa "
        r"\(\d+ sisäistä linkkiä tarkistettu, 17 ulkoista linkkiä \(0 välimuistista\), "
        r"\d+ ulkoista linkkiä jäi tarkistamatta\)\n",
        output,
    )


def test_report_files(checked: tuple[Run, LinkServer, str]) -> None:
    run, server, _ = checked
    folder = run.project / "report"
    markdown = (folder / "links.md").read_text()
    assert markdown.startswith("# Linkkiraportti\n")
    headings = [line for line in markdown.splitlines() if line.startswith("## ")]
    assert headings == [
        "## Rikkinäiset linkit",
        "## Siirtyneet linkit",
        "## Linkit, joita ei voitu tarkistaa",
    ]
    assert "### `catalogue/services/eka.yml`" in markdown
    assert "| rivi | nimi | linkki | mitä tapahtui | mitä tehdä |" in markdown
    assert f"| vaihda linkin osoitteeksi {server.url('/ok')} |" in markdown
    assert "| etsi sivun uusi osoite tai poista linkki |" in markdown
    assert "| avaa linkki selaimessa ja tarkista se itse |" in markdown
    html = (folder / "links.html").read_text()
    assert html.startswith('<!doctype html>\n<html lang="fi">') and "<table>" in html
    assert "<title>Linkkiraportti</title>" in html and "<h2>Rikkinäiset linkit</h2>" in html
    rows = list(csv.DictReader(io.StringIO((folder / "links.csv").read_text())))
    missing = [row for row in rows if row["url"] == server.url("/missing")]
    assert [(row["status"], row["file"], row["name"], row["code"]) for row in missing] == [
        ("broken", "catalogue/services/eka.yml", "Eka palvelu", "404")
    ]
    assert run.report["summary"]["failed"] is True
    broken = {r["url"] for r in run.report["results"] if r["status"] == "broken"}
    assert run.report["summary"]["broken"] == len(broken)


def test_cache_rechecks_only_what_is_due(checked: tuple[Run, LinkServer, str], tmp_path: Path) -> None:
    run, server, _ = checked
    assert (run.project / ".tarjotin-cache" / "links.json").is_file()
    before = server.hits.copy()
    again = rerun_copy(run, tmp_path, "--external")
    asked = server.hits - before
    assert again.code == 1
    for path in ("/ok", "/moved", "/chain/1", "/permanent"):  # ok and moved: reused
        assert again.result(server.url(path))["cached"] is True
    for path in ("/moved", "/chain/1", "/permanent"):  # (/ok is asked for /ok#nothere)
        assert asked[path] == 0, path
    for path in ("/missing", "/forbidden", "/busy"):  # broken and unverified: checked again
        assert asked[path] == 1, path
        assert again.result(server.url(path))["cached"] is False
    assert again.result(server.url("/moved"))["status"] == "moved"
    assert again.result(server.url("/moved"))["checked_at"] == run.result(server.url("/moved"))["checked_at"]


def test_cache_age_is_configurable(checked: tuple[Run, LinkServer, str], tmp_path: Path) -> None:
    run, server, _ = checked
    project = tmp_path / "again"
    shutil.copytree(run.project, project)
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text().replace("timeout: 1\n", "timeout: 1\n        cache_max_age_days: 0\n")
    )
    before = server.hits.copy()
    again = run_links(project, "--external")
    assert again.result(server.url("/moved"))["cached"] is False
    assert (server.hits - before)["/moved"] == 1


def test_no_cache_checks_everything(checked: tuple[Run, LinkServer, str], tmp_path: Path) -> None:
    run, server, _ = checked
    before = server.hits.copy()
    again = rerun_copy(run, tmp_path, "--external", "--no-cache")
    assert (server.hits - before)["/moved"] == 1
    assert again.result(server.url("/moved"))["cached"] is False


def test_without_external_no_other_site_is_asked(
    tmp_path: Path, link_server: LinkServer, refused_url: str
) -> None:
    project = copy_mini(tmp_path / "project")
    write_project(project, link_server, refused_url)
    before = link_server.hits.copy()
    run = run_links(project)
    assert run.code == 1  # the missing anchors on the site's own pages
    assert link_server.hits == before
    urls = {r["url"] for r in run.report["results"]}
    assert {"/palvelut/toka/#ei-ole", "/palvelut/#ei-ankkuria"} <= urls
    assert not [r for r in run.report["results"] if r["external"]]
    assert (
        "Ulkoisia linkkejä (linkkejä muille sivustoille) ei tarkistettu; "
        "lisää --external, niin ne tarkistetaan.\n" in run.output
    )


def test_a_clean_site_passes(tmp_path: Path, link_server: LinkServer, refused_url: str) -> None:
    project = copy_mini(tmp_path / "project")
    write_project(project, link_server, refused_url, clean=True)
    run = run_links(project, "--external")
    assert run.code == 0, run.output
    assert run.report["summary"]["failed"] is False
    assert "✓ 0 rikkinäistä, 1 siirtynyt, 0 ei voitu tarkistaa" in run.output  # the provider's 308
    assert "Rakennetaan sivusto tarkistusta varten…\n" in run.output


def test_an_existing_site_can_be_checked(tmp_path: Path, link_server: LinkServer, refused_url: str) -> None:
    project = copy_mini(tmp_path / "project")
    write_project(project, link_server, refused_url, clean=True)
    site = tmp_path / "site"
    built = tarjotin_build(project, site)
    assert built.exit_code == 0, built.output
    run = run_links(project, "--site-dir", str(site))
    assert run.code == 0, run.output
    assert "Rakennetaan sivusto" not in run.output


def test_exit_2_when_the_check_cannot_run(tmp_path: Path) -> None:
    project = copy_mini(tmp_path / "project")
    run = run_links(project, "--site-dir", str(tmp_path / "nothing"))
    assert run.code == 2
    assert run.output == (
        f"{tmp_path / 'nothing'} ei ole rakennettu sivusto (siinä ei ole tiedostoa index.html); "
        "aja `tarjotin build`\n"
    )
    (project / "catalogue" / "services" / "eka.yml").write_text("name: [\n")
    failed = run_links(project)
    assert failed.code == 2
    assert "Sivuston rakentaminen epäonnistui: " in failed.output


def test_english_on_request(tmp_path: Path) -> None:
    """`tarjotin --lang en links` speaks English, from the same messages."""
    project = copy_mini(tmp_path / "project")
    arguments = ["links", "-f", str(project / "mkdocs.yml"), "--site-dir", str(tmp_path / "nothing")]
    result = CliRunner().invoke(main, ["--lang", "en", *arguments])
    assert result.exit_code == 2
    assert result.output == (
        f"{tmp_path / 'nothing'} is not a built site (it has no index.html); run `tarjotin build`\n"
    )


def test_settings_out_of_range_are_named(tmp_path: Path) -> None:
    project = copy_mini(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text().replace("  - tarjotin\n", "  - tarjotin:\n      links:\n        timeout: 0\n")
    )
    run = run_links(project)
    assert run.code == 2
    expected = (
        "plugins.tarjotin.links: "
        "timeout = 0 on sallitun alueen ulkopuolella: arvon pitää olla suurempi kuin 0"
    )
    assert run.output.count(expected) == 1
