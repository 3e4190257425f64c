"""The Zensical adapter's own logic: navigation, configuration, staging, link translation."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.engines import zensical_adapter as za
from generator.engines.zensical_adapter import (
    ZensicalError,
    ZensicalIssue,
    nav_from_pages,
    parse_issues,
    site_config,
    stage_project,
    zensical_config,
)
from generator.site.plan import SitePlan

# --- navigation -------------------------------------------------------------------------


def test_nav_groups_folders_with_the_index_first_and_titles_sections_by_folder() -> None:
    nav = nav_from_pages(
        [
            ("index.md", "Etusivu"),
            ("teemat/kuntoutus.md", "Kuntoutus"),
            ("teemat/index.md", "Teemat"),
            ("ammattilaisille/index.md", "Ammattilaisille"),
            ("ammattilaisille/palvelupolut/index.md", "Palvelupolkuja"),
            ("ammattilaisille/palvelupolut/tym.md", "TYM"),
            ("avoin-data.md", "Avoin data"),
        ]
    )
    assert nav == [
        {"Etusivu": "index.md"},
        {"Teemat": [{"Teemat": "teemat/index.md"}, {"Kuntoutus": "teemat/kuntoutus.md"}]},
        {
            "Ammattilaisille": [
                {"Ammattilaisille": "ammattilaisille/index.md"},
                {
                    "Palvelupolut": [
                        {"Palvelupolkuja": "ammattilaisille/palvelupolut/index.md"},
                        {"TYM": "ammattilaisille/palvelupolut/tym.md"},
                    ]
                },
            ]
        },
        {"Avoin data": "avoin-data.md"},
    ]


def test_a_folder_of_one_page_is_that_page_and_untitled_pages_keep_their_own_title() -> None:
    nav = nav_from_pages(
        [
            ("toimittajille/index.md", None),
            ("muut_sivut/a.md", None),
            ("muut_sivut/b.md", None),
            ("TYP/c.md", None),
            ("TYP/d.md", None),
        ]
    )
    assert nav == [
        "toimittajille/index.md",
        {"Muut sivut": ["muut_sivut/a.md", "muut_sivut/b.md"]},
        {"TYP": ["TYP/c.md", "TYP/d.md"]},  # a name with capitals is kept as it is
    ]


# --- configuration ---------------------------------------------------------------------


def twemoji() -> None:
    """Stands in for a Python object in the configuration (MkDocs passes the function itself)."""


twemoji.__module__ = "material.extensions.emoji"


def test_config_drops_mkdocs_plugins_and_hooks_and_switches_zensical_search_off() -> None:
    config = zensical_config(
        {
            "site_name": "Testi",
            "plugins": [{"tarjotin": {"catalogue": "catalogue"}}, "search"],
            "hooks": ["hooks.py"],
            "docs_dir": "elsewhere",
            "theme": {"name": "material", "custom_dir": "theme_overrides", "language": "fi"},
            "markdown_extensions": [
                {"pymdownx.emoji": {"emoji_index": twemoji}},
                {"abbr": {"glossary": {"TYP": "yhteispalvelu"}}},
            ],
        },
        nav=[{"Etusivu": "index.md"}],
        overrides=True,
    )
    assert "hooks" not in config
    assert config["plugins"] == [{"search": {"enabled": False}}]
    assert (config["docs_dir"], config["site_dir"]) == ("docs", "site")
    assert config["theme"] == {
        "name": "material",
        "custom_dir": "overrides",
        "language": "fi",
        "variant": "classic",
    }
    # Material's helpers are Zensical's, by name: YAML has no Python objects.
    assert config["markdown_extensions"][0] == {
        "pymdownx.emoji": {"emoji_index": "zensical.extensions.emoji.twemoji"}
    }
    assert config["markdown_extensions"][1] == {"abbr": {"glossary": {"TYP": "yhteispalvelu"}}}
    # Fenced code without Pygments' colours, as MkDocs writes it (the colours fail contrast).
    assert config["markdown_extensions"][2] == {"pymdownx.highlight": {"use_pygments": False}}
    assert config["nav"] == [{"Etusivu": "index.md"}]


def test_config_without_overrides_or_site_name() -> None:
    config = zensical_config(
        {"site_name": "T", "theme": {"custom_dir": "x", "variant": "modern"}}, nav=None, overrides=False
    )
    assert config["theme"] == {"name": "material", "variant": "modern"}
    assert "nav" not in config
    with pytest.raises(ZensicalError, match="site_name"):
        zensical_config({}, nav=None, overrides=False)
    with pytest.raises(ZensicalError, match="cannot pass"):
        zensical_config({"site_name": "T", "extra": {"x": object()}}, nav=None, overrides=False)


# --- staging ---------------------------------------------------------------------------


def test_staging_copies_symlinked_docs_and_writes_pages_assets_and_config(tmp_path: Path) -> None:
    real = tmp_path / "real"
    (real / "stylesheets").mkdir(parents=True)
    (real / "stylesheets" / "site.css").write_text("body{}", encoding="utf-8")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "tietoa.md").write_text("# Tietoa\n", encoding="utf-8")
    (docs / "assets").symlink_to(real)  # Zensical skips symlinks: the copy must be real
    theme = tmp_path / "theme"
    theme.mkdir()
    (theme / "main.html").write_text('{% extends "base.html" %}', encoding="utf-8")
    root = tmp_path / "stage"
    config_file = stage_project(
        root,
        {"palvelut/kela.md": "# Kela\n"},
        {"site_name": "Testi"},
        docs_dir=docs,
        theme_dir=theme,
        assets={"assets/region.css": ":root{}", "data/x.bin": b"\x00\x01"},
    )
    copied = root / "docs" / "assets"
    assert copied.is_dir() and not copied.is_symlink()
    assert (copied / "stylesheets" / "site.css").read_text(encoding="utf-8") == "body{}"
    assert (root / "docs" / "palvelut" / "kela.md").read_text(encoding="utf-8") == "# Kela\n"
    assert (root / "docs" / "assets" / "region.css").read_text(encoding="utf-8") == ":root{}"
    assert (root / "docs" / "data" / "x.bin").read_bytes() == b"\x00\x01"
    assert (root / "overrides" / "main.html").is_file()
    assert not (real / "region.css").exists()  # nothing is written through to the project
    settings = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    assert settings["theme"]["custom_dir"] == "overrides"


def test_staging_refuses_a_page_that_would_replace_a_hand_written_one(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "haku.md").write_text("# Oma\n", encoding="utf-8")
    with pytest.raises(ZensicalError, match=r"docs/haku\.md would replace a generated page"):
        stage_project(tmp_path / "stage", {"haku.md": "# Haku\n"}, {"site_name": "T"}, docs_dir=docs)


@pytest.mark.parametrize("path", ["../outside.md", "/etc/x.md", "a/../../b.md", ""])
def test_staging_refuses_paths_outside_the_docs_folder(tmp_path: Path, path: str) -> None:
    with pytest.raises(ZensicalError, match="must be a relative path inside the docs folder"):
        stage_project(tmp_path / "stage", {path: "# X\n"}, {"site_name": "T"})
    assert not (tmp_path / "outside.md").exists()


# --- applying a site plan --------------------------------------------------------------


def test_the_plans_extensions_stylesheets_and_extra_join_the_projects_settings() -> None:
    plan = SitePlan(
        pages=[],
        extensions={"abbr": {"glossary": {"TYP": "yhteispalvelu"}}, "generator.render.safe_links": {}},
        extra_css=["assets/stylesheets/tarjotin-region.css"],
        extra={"footer_links": [{"url": "tietoa/", "title": "Tietoa"}]},
    )
    config = site_config(
        {
            "site_name": "T",
            "markdown_extensions": ["abbr", {"toc": {"permalink": False}}],
            "extra_css": ["assets/site.css"],
            "extra": {"alternate": []},
        },
        plan,
    )
    assert config["markdown_extensions"] == [
        {"abbr": {"glossary": {"TYP": "yhteispalvelu"}}},
        {"toc": {"permalink": False}},
        "generator.render.safe_links",  # required by the plan, missing from the project
    ]
    assert config["extra_css"] == ["assets/site.css", "assets/stylesheets/tarjotin-region.css"]
    assert config["extra"] == {"alternate": [], "footer_links": [{"url": "tietoa/", "title": "Tietoa"}]}


# --- Zensical's report -----------------------------------------------------------------

REPORT = (
    "Build started\n"
    "\x1b[33mWarning:\x1b[0m anchor does not exist\n"
    "    \x1b[38;5;246m╭─[\x1b[0m palvelut/x.md:12:19 \x1b[38;5;246m]\x1b[0m\n"
    ' 12 │ <a href="#frag">frag</a>\n'
    "Warning: page does not exist\n"
    "   ╭─[ palvelut/y.md:9:6 ]\n"
    "2 issues found\n"
)


def test_issues_are_read_with_their_place() -> None:
    assert parse_issues(REPORT) == [
        ZensicalIssue("anchor does not exist", "palvelut/x.md", 12, 19),
        ZensicalIssue("page does not exist", "palvelut/y.md", 9, 6),
    ]
    assert parse_issues(REPORT)[1].format() == "docs/palvelut/y.md:9:6: page does not exist"


def test_a_crash_is_reported_by_its_last_line() -> None:
    output = (
        'Build started\nTraceback (most recent call last):\n  File "x", line 1\n'
        "RuntimeError: unknown method: string has no method named startswith (in main.html:3)\n"
    )
    assert za._failure(output) == "unknown method: string has no method named startswith (in main.html:3)"
