"""Building small sample projects: atomic output, escaping, nav pruning, errors."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.helpers import tarjotin_build


def build(project: Path, site: Path, *extra: str) -> tuple[int, str]:
    result = tarjotin_build(project, site, *extra)
    return result.exit_code, result.output


def test_builds_the_sample_project(mini_project: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    code, output = build(mini_project, site)
    assert code == 0, output
    for page in (
        "index.html",
        "palvelut/index.html",
        "palvelut/eka/index.html",
        "palvelut/toka/index.html",
        "teemat/kuntoutus/index.html",
        "kunnat/alfa/index.html",
        "kunnat/beta/index.html",
        "haku/index.html",
    ):
        assert (site / page).is_file(), page
    assert (site / "pagefind" / "pagefind.js").is_file()  # what search.js loads
    home = (site / "index.html").read_text()
    assert '<html lang="fi"' in home


def test_service_pages_stay_out_of_the_navigation(mini_project: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert build(mini_project, site)[0] == 0
    nav = (site / "teemat" / "kuntoutus" / "index.html").read_text()
    nav = nav[nav.index('<nav class="md-nav md-nav--primary"') :]
    nav = nav[: nav.index("</nav>")]
    assert "Kaikki palvelut" in nav
    assert 'href="../../palvelut/"' in nav
    assert "palvelut/eka/" not in nav and "palvelut/toka/" not in nav
    service = (site / "palvelut" / "eka" / "index.html").read_text()
    assert "md-footer__link" not in service, "no previous/next links on pages outside the nav"


def test_a_failed_build_leaves_the_previous_site(mini_project: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert build(mini_project, site)[0] == 0
    before = sorted(p.relative_to(site) for p in site.rglob("*"))
    marker = (site / "index.html").read_text()

    (mini_project / "catalogue" / "services" / "eka.yml").write_text("name: [\n")
    code, output = build(mini_project, site)
    assert code == 1
    assert "Mitään ei rakennettu." in output
    assert sorted(p.relative_to(site) for p in site.rglob("*")) == before
    assert (site / "index.html").read_text() == marker
    assert not list(tmp_path.glob(".site-*")), "no staging folder is left behind"


def test_a_failing_mkdocs_build_leaves_the_previous_site(mini_project: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert build(mini_project, site)[0] == 0
    marker = (site / "index.html").read_text()
    # A hand-written page with a broken link: MkDocs warns, strict mode fails the build.
    (mini_project / "docs" / "tietoa.md").write_text("# Tietoa\n\n[rikki](puuttuu.md)\n")
    code, output = build(mini_project, site)
    assert code == 1, output
    assert "Sivuston rakentaminen epäonnistui" in output
    assert (site / "index.html").read_text() == marker
    assert not list(tmp_path.glob(".site-*"))


HOSTILE = """\
name: "<script>alert('nimi')</script> {: onclick=\\"alert(1)\\" } *tähti*"
summary: "<img src=x onerror=alert(2)>"
themes: [kuntoutus]
provider: kunta
area: region
what: "Teksti {: onclick=\\"alert(3)\\" }"
keywords: ["\\"><script>alert(4)</script>"]
contacts:
  - name: "<b>Paikka</b>"
    phone: "<svg onload=alert(5)>"
links:
  - title: "</a><script>alert(6)</script>"
    url: "https://example.org/?a=1&b=<2>"
"""


class _Elements(HTMLParser):
    """Collects every element and attribute, and the text inside <script> elements."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)


def test_text_from_yaml_is_escaped(mini_project: Path, tmp_path: Path) -> None:
    (mini_project / "catalogue" / "services" / "vihamielinen.yml").write_text(HOSTILE)
    site = tmp_path / "site"
    code, output = build(mini_project, site)
    assert code == 0, output
    for page in (
        site / "palvelut" / "vihamielinen" / "index.html",
        site / "palvelut" / "index.html",
        site / "teemat" / "kuntoutus" / "index.html",
    ):
        parser = _Elements()
        parser.feed(page.read_text())
        handlers = [(tag, name) for tag, attrs in parser.tags for name in attrs if name.startswith("on")]
        assert handlers == [], page
        assert not any("alert" in script for script in parser.scripts), page
        assert not [tag for tag, _ in parser.tags if tag in ("img", "b")], page
        assert not [attrs for tag, attrs in parser.tags if tag == "svg" and "onload" in attrs]
    service = (site / "palvelut" / "vihamielinen" / "index.html").read_text()
    assert "&lt;script&gt;alert(&#39;nimi&#39;)&lt;/script&gt;" in service
    assert "*tähti*" in service  # Markdown in plain text shows literally
    assert 'href="https://example.org/?a=1&amp;b=&lt;2&gt;"' in service


@pytest.mark.parametrize("today, listed", [("2023-06-01", True), ("2024-01-01", False)])
def test_ended_services_leave_the_listings(
    mini_project: Path, tmp_path: Path, today: str, listed: bool
) -> None:
    eka = mini_project / "catalogue" / "services" / "eka.yml"
    eka.write_text(eka.read_text() + "validity:\n  until: 2023-12-31\n  note: vuoden 2023 loppuun asti\n")
    config = mini_project / "mkdocs.yml"
    config.write_text(
        config.read_text().replace("  - tarjotin\n", f"  - tarjotin:\n      today: '{today}'\n")
    )
    site = tmp_path / "site"
    assert build(mini_project, site)[0] == 0
    listing = (site / "palvelut" / "index.html").read_text()
    assert ('data-service="eka"' in listing) is listed
    page = (site / "palvelut" / "eka" / "index.html").read_text()
    assert ("Palvelu on päättynyt" in page) is not listed
    assert ("data-pagefind-body" in page) is listed
