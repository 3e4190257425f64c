"""The link cache, the page scanner and the ``links:`` settings."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from generator.check.cache import LinkCache
from generator.check.project import ProjectError, load_project
from generator.check.results import Outcome, Status
from generator.check.settings import LinkSettings, SettingsError, settings_from_mapping
from generator.check.site_scan import missing_anchor, page_file, scan_page
from tests.check.conftest import copy_mini

NOW = datetime(2025, 5, 1, 12, 0, tzinfo=UTC)
MOVED = Outcome(
    Status.MOVED, "moved permanently (301)", 200, "https://b.fi/", "https://b.fi/", ((301, "https://b.fi/"),)
)


def test_cache_round_trip_and_age(tmp_path: Path) -> None:
    path = tmp_path / "cache" / "links.json"
    cache = LinkCache(path, timedelta(days=7))
    cache.store("https://a.fi/", MOVED, NOW)
    cache.store("https://c.fi/", Outcome(Status.BROKEN, "404 Not Found", 404), NOW)
    cache.save()
    again = LinkCache(path, timedelta(days=7))
    assert again.fresh("https://a.fi/", NOW + timedelta(days=7)) == (MOVED, NOW)
    assert again.fresh("https://a.fi/", NOW + timedelta(days=7, seconds=1)) is None
    assert again.fresh("https://c.fi/", NOW) is None  # broken links are always checked again
    assert again.fresh("https://unknown.fi/", NOW) is None
    assert (
        json.loads(path.read_text())["results"]["https://a.fi/"]["checked_at"] == "2025-05-01T12:00:00+00:00"
    )


def test_an_unreadable_cache_starts_afresh(tmp_path: Path) -> None:
    path = tmp_path / "links.json"
    path.write_text("{not json")
    cache = LinkCache(path, timedelta(days=1))
    assert cache.problem is not None and cache.problem.startswith(
        f"{path}: linkkien välimuistia ei voitu lukea ("
    )
    assert cache.problem.endswith("); aloitetaan alusta")
    assert cache.fresh("https://a.fi/", NOW) is None
    path.write_text(json.dumps({"version": 99, "results": {}}))
    assert "(versio 99, odotettiin 1)" in (LinkCache(path, timedelta(days=1)).problem or "")


def test_scan_finds_anchors_and_links_with_lines() -> None:
    page = scan_page(
        '<h1 id="otsikko">x</h1>\n<a name="vanha"></a>\n<a href="../toka/#kohta">t</a>\n'
        '<img src="https://a.fi/kuva.png">\n<a href="#puuttuu">p</a>\n',
        "http://127.0.0.1:1/palvelut/eka/",
    )
    assert page.anchors == {"otsikko", "vanha"}
    assert [(link.target, link.line) for link in page.links] == [
        ("http://127.0.0.1:1/palvelut/toka/#kohta", 3),
        ("https://a.fi/kuva.png", 4),
        ("http://127.0.0.1:1/palvelut/eka/#puuttuu", 5),
    ]
    pages = {page.url: page}
    assert missing_anchor(page.links[2], pages) == "puuttuu"
    assert missing_anchor(page.links[0], pages) is None  # the target page was not scanned


def test_page_file_stays_in_the_site(tmp_path: Path) -> None:
    (tmp_path / "palvelut" / "eka").mkdir(parents=True)
    (tmp_path / "palvelut" / "eka" / "index.html").write_text("x")
    base = "http://127.0.0.1:1/"
    assert (
        page_file(tmp_path, base, base + "palvelut/eka/#mita") == tmp_path / "palvelut" / "eka" / "index.html"
    )
    assert page_file(tmp_path, base, base + "../../etc/passwd") is None
    assert page_file(tmp_path, base, "https://a.fi/palvelut/eka/") is None


def test_settings_come_from_the_plugin(tmp_path: Path) -> None:
    project = copy_mini(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text().replace(
            "  - tarjotin\n",
            "  - tarjotin:\n      links:\n        timeout: 3\n        retries: 0\n"
            "        ignore: ['^https://x\\.fi/']\n        linkcheckerrc: lc/rc\n",
        )
    )
    loaded = load_project(config)
    assert loaded.settings == LinkSettings(
        timeout=3, retries=0, ignore=("^https://x\\.fi/",), linkcheckerrc=(project / "lc" / "rc").resolve()
    )
    assert loaded.catalogue == (project / "catalogue").resolve()
    assert loaded.docs_dir == project / "docs"
    assert load_project(tmp_path / "project" / "mkdocs.yml").root == project.resolve()


def test_settings_out_of_range() -> None:
    with pytest.raises(SettingsError) as raised:
        settings_from_mapping({"retries": -1, "threads": 0, "timeout": 0})
    assert raised.value.problems == [
        "timeout = 0 on sallitun alueen ulkopuolella: arvon pitää olla suurempi kuin 0",
        "retries = -1 on sallitun alueen ulkopuolella: arvon pitää olla vähintään 0",
        "threads = 0 on sallitun alueen ulkopuolella: arvon pitää olla vähintään 1",
    ]


@pytest.mark.parametrize(
    ("values", "problem"),
    [
        ({"timeout": "10"}, "timeout = '10': arvon pitää olla luku"),
        ({"threads": 2.5}, "threads = 2.5: arvon pitää olla kokonaisluku"),
        ({"robots_txt": "yes"}, "robots_txt = 'yes': arvon pitää olla true tai false"),
        ({"ignore": "^https://x/"}, "ignore = '^https://x/': arvon pitää olla luettelo"),
        (
            {"ignore": ["ok", "("]},
            "ignore: '(' ei ole säännöllinen lauseke: missing ), unterminated",
        ),
        ({"timout": 3}, 'timout ei ole asetus (tarkoititko "timeout"?)'),
        ({"colour": "red"}, "colour ei ole asetus"),
    ],
)
def test_settings_of_the_wrong_kind_are_named(values: dict[str, object], problem: str) -> None:
    with pytest.raises(SettingsError) as raised:
        settings_from_mapping(values)
    assert raised.value.problems[0].startswith(problem), raised.value.problems


def test_settings_defaults_and_paths(tmp_path: Path) -> None:
    assert settings_from_mapping(None) == LinkSettings()
    assert LinkSettings().max_download_bytes == 5 * 1024 * 1024
    settings = settings_from_mapping({"linkcheckerrc": "lc/rc", "ignore": ["a"]}, tmp_path)
    assert settings.linkcheckerrc == (tmp_path / "lc" / "rc").resolve()
    assert settings.ignore == ("a",)


def test_the_mkdocs_plugin_refuses_what_the_settings_refuse(tmp_path: Path) -> None:
    """mkdocs.yml's ``links:`` is checked by the one settings model, and `tarjotin links` says why once."""
    project = copy_mini(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text().replace(
            "  - tarjotin\n", "  - tarjotin:\n      links:\n        timeout: 0\n        timout: 3\n"
        )
    )
    with pytest.raises(ProjectError) as raised:
        load_project(config)
    assert str(raised.value) == (
        "plugins.tarjotin.links: "
        "timeout = 0 on sallitun alueen ulkopuolella: arvon pitää olla suurempi kuin 0; "
        'timout ei ole asetus (tarkoititko "timeout"?)'
    )
    # `mkdocs build` refuses the same settings through the plugin's own option.
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    with pytest.raises(Abort):
        load_config(str(config))
