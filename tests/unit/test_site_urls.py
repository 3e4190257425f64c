"""The site's one URL scheme: served paths, links between pages and files, and no path written twice."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.export.site_urls import SiteUrls
from generator.render.pages import render_pages
from generator.site import urls

TEMPLATES = Path(__file__).resolve().parents[2] / "generator" / "render" / "templates"


@pytest.mark.parametrize(
    ("source", "served"),
    [
        ("index.md", ""),
        ("palvelut/index.md", "palvelut/"),
        ("palvelut/kela.md", "palvelut/kela/"),
        ("ammattilaisille/sanasto.md", "ammattilaisille/sanasto/"),
        ("avoin-data/palvelut.json", "avoin-data/palvelut.json"),
        ("pagefind/", "pagefind/"),
    ],
)
def test_served_path(source: str, served: str) -> None:
    assert urls.served_path(source) == served


@pytest.mark.parametrize(
    ("here", "target", "link"),
    [
        ("palvelut/kela.md", "teemat/kuntoutus.md", "../../teemat/kuntoutus/"),
        ("index.md", "haku.md", "haku/"),
        ("haku.md", "pagefind/", "../pagefind/"),
        ("haku.md", "haku.md", "./"),
        ("avoin-data.md", "avoin-data/palvelut.json", "palvelut.json"),
        # From a file, links resolve against its folder (RFC 3986), not the file itself.
        ("avoin-data/palvelut.json", "palvelut/kela.md", "../palvelut/kela/"),
        ("avoin-data/hsds/services.json", "index.md", "../../"),
        ("avoin-data/muutokset.xml", "avoin-data/muutokset.xml", "muutokset.xml"),
    ],
)
def test_relative_url(here: str, target: str, link: str) -> None:
    assert urls.relative_url(here, target) == link


def test_absolute_url_and_the_exports_addresses() -> None:
    assert urls.absolute_url("https://example.fi/tarjotin/", urls.service("kela")) == (
        "https://example.fi/tarjotin/palvelut/kela/"
    )
    feed = urls.open_data_file(urls.FEED)
    assert SiteUrls("https://example.fi").address(feed, "") == "https://example.fi/avoin-data/muutokset.xml"
    assert SiteUrls().home(feed) == "../"


def test_every_generated_page_is_at_an_address_of_the_scheme(default_catalogue) -> None:  # type: ignore[no-untyped-def]
    catalogue = default_catalogue
    professional = catalogue.professional
    expected = {
        urls.HOME,
        urls.SERVICES,
        urls.THEMES,
        urls.MUNICIPALITIES,
        urls.FURTHER_READING,
        urls.PROFESSIONAL,
        urls.PATHS,
        urls.CASES,
        urls.CHECKLISTS,
        urls.PARTICIPATION,
        urls.GLOSSARY,
        urls.CLIENT_LIST,
        urls.ELIGIBILITY_CHECK,
        urls.OPEN_DATA,
        urls.SEARCH,
        urls.TRAY,
        urls.FIELD_REFERENCE,
        *(urls.service(s.id) for s in catalogue.services),
        *(urls.theme(t.id) for t in catalogue.themes),
        *(urls.municipality(m.id) for m in catalogue.municipalities),
        *(urls.section(s.id) for s in catalogue.sections),
        *(urls.pathway(p.id) for p in professional.paths),
        *(urls.case(c.id) for c in professional.cases),
        *(urls.checklist(c.id) for c in professional.checklists),
    }
    assert {page.path for page in render_pages(catalogue)} == expected


#: A quoted path of the site in a template: 'palvelut/index.md', "haku/", 'avoin-data/x.json'.
_QUOTED_PATH = re.compile(r"""['"][a-z0-9-]+(?:/[a-z0-9-]*)*(?:\.(?:md|json|csv|xml)|/)['"]""")
#: Quoted paths that are not the site's: the repository's folder of JSON Schemas, named as text.
_NOT_SITE_PATHS = {'"schemas/"'}
#: A link target written out instead of taken from `link()`, `url()` or a URL of the data.
_WRITTEN_TARGET = re.compile(r"""(?:href|src|action)="(?!\{\{)|\]\((?!\{\{)""")


def test_templates_write_no_path_of_the_site() -> None:
    """Every address in a template comes from ``urls`` (the folders are the scheme's to change)."""
    found = []
    for template in sorted(TEMPLATES.rglob("*.j2")):
        for number, line in enumerate(template.read_text(encoding="utf-8").splitlines(), start=1):
            for pattern in (_QUOTED_PATH, _WRITTEN_TARGET):
                found += [
                    f"{template.relative_to(TEMPLATES)}:{number}: {m[0]}"
                    for m in pattern.finditer(line)
                    if m[0] not in _NOT_SITE_PATHS
                ]
    assert found == []
