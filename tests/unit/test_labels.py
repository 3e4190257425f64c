"""The site's labels: one set for pages and exports, reworded by a region in region.yml."""

from __future__ import annotations

import shutil
import typing
from datetime import date
from pathlib import Path

from generator.export.hsds import HsdsExport
from generator.export.site_urls import SiteUrls
from generator.model.entries import AccessRoute, Benefit, RegionFile
from generator.render.pages import render_pages
from generator.render.renderer import RenderOptions
from generator.site import labels, urls
from generator.validate.catalogue import load_catalogue, require_catalogue
from tests.helpers import PROJECT

TODAY = date(2025, 1, 1)
#: A day on which terveydenhuollon-sosiaaliohjaaja has ended (31.12.2023).
TODAY_NOW = date(2026, 12, 1)


def add_labels(catalogue: Path, yaml_lines: str) -> None:
    region = catalogue / "region.yml"
    region.write_text(region.read_text(encoding="utf-8") + "labels:\n" + yaml_lines, encoding="utf-8")


def test_every_access_route_and_benefit_of_the_model_has_a_label() -> None:
    for route in typing.get_args(AccessRoute):
        assert labels.FINNISH.access(route) and labels.FINNISH.access_short(route)
        assert labels.FINNISH.access_term(route)
    assert list(labels.FINNISH.access_routes) == list(typing.get_args(AccessRoute))
    for benefit in typing.get_args(Benefit):
        assert labels.FINNISH.benefit(benefit)


def test_the_model_offers_every_label_and_only_those() -> None:
    fields = RegionFile.model_fields["labels"].annotation
    [model] = [arg for arg in typing.get_args(fields) if arg is not type(None)]
    assert tuple(model.model_fields) == labels.KEYS
    assert model.model_fields["reviewed"].description == "Oletus: Tiedot tarkistettu {date}"


def test_fill_is_one_pass_and_leaves_unknown_placeholders() -> None:
    # A name from YAML that looks like a placeholder is not filled in again.
    assert labels.fill("{name}, {age} v", name="{age}", age=34) == "{age}, 34 v"
    assert labels.fill("{date} asti", name="x") == "{date} asti"


def test_ages_and_dates() -> None:
    finnish = labels.FINNISH
    assert finnish.age_limits(25, 29) == "25–29 v"
    assert finnish.age_limits(None, 29) == "enintään 29 v"
    assert finnish.ages_for(18, None) == "vähintään 18-vuotiaille"
    assert finnish.age_limits(None, None) == ""
    assert finnish.date(date(2024, 5, 3)) == "3.5.2024"


def test_a_region_words_the_page_and_the_open_data_alike(mini_catalogue: Path) -> None:
    add_labels(
        mini_catalogue,
        "  access_self: Ota suoraan yhteyttä\n  access_way_self: ottamalla suoraan yhteyttä\n"
        '  what: Mistä on kyse?\n  area: "*Alue*"\n',
    )
    catalogue, _ = require_catalogue(mini_catalogue)
    pages = {page.path: page for page in render_pages(catalogue)}
    service_page = pages["palvelut/eka.md"].markdown
    # The page reads the routes as one sentence of alternatives (access_way_*).
    assert ": Palveluun pääsee ottamalla suoraan yhteyttä\\.\n" in service_page
    assert "## Mistä on kyse?\n" in service_page
    assert "ottamalla itse yhteyttä" not in service_page
    # Text from YAML is data: the region's wording is escaped like any other value.
    assert "**\\*Alue\\***" in service_page
    assert "Ei lähetettä" in pages["palvelut/index.md"].full_markdown  # what is not reworded stays

    [record] = [
        r
        for r in HsdsExport(catalogue, SiteUrls(), TODAY).services_page()["contents"]
        if r["name"] == "Eka palvelu"
    ]
    assert record["application_process"] == "- Ota suoraan yhteyttä."
    [route] = [a for a in record["attributes"] if a["link_type"] == "access_route"]
    assert route["taxonomy_term"]["name"] == "Ota suoraan yhteyttä"


def test_a_label_in_an_attribute_is_html_escaped_only(mini_catalogue: Path) -> None:
    add_labels(mini_catalogue, "  search_placeholder: 'Esim. \"kela\" <b>'\n")
    catalogue, _ = require_catalogue(mini_catalogue)
    [search] = [page for page in render_pages(catalogue) if page.kind == "search"]
    assert 'placeholder="Esim. &#34;kela&#34; &lt;b&gt;"' in search.markdown


def test_an_unknown_label_is_an_error_with_its_line_and_a_suggestion(mini_catalogue: Path) -> None:
    add_labels(mini_catalogue, "  what: Mitä tarjotaan?\n  acess_self: Ota yhteyttä\n")
    loaded, problems = load_catalogue(mini_catalogue)
    assert loaded is None
    [problem] = problems.errors
    assert (problem.file.name, problem.line, problem.field) == ("region.yml", 17, "labels.acess_self")
    # The wording is the validator's (and its translations'); the key and the fix are ours.
    assert "'acess_self'" in problem.message
    assert problem.suggestion is not None and '"access_self"' in problem.suggestion


def test_a_label_must_keep_its_placeholders(mini_catalogue: Path) -> None:
    add_labels(mini_catalogue, "  reviewed: Tarkistettu\n  until: '{date} saakka {extra}'\n")
    loaded, problems = load_catalogue(mini_catalogue)
    assert loaded is None
    found = sorted((p.line, p.field, p.message) for p in problems.errors)
    assert found == [
        (16, "labels.reviewed", "this label needs {date}, like its default 'Tiedot tarkistettu {date}'"),
        (17, "labels.until", "this label needs {date}, like its default '{date} asti'"),
    ]


PATH_PAGE = urls.pathway("tyokyvyn-tuki-sote-keskuksessa")
#: The short texts of the listings and the professionals' pages, each with a page of
#: the default catalogue that shows it.
SHOWN_ON = {
    **dict.fromkeys(
        [
            "whole_region_short",
            "table_caption",
            "table_service",
            "table_access",
            "table_for_whom",
            "table_filters",
            "table_search",
            "one_of",
            "professional_more",
        ],
        urls.PROFESSIONAL,
    ),
    **dict.fromkeys(["filters_label", "filter_theme", "filters_none"], urls.SERVICES),
    **dict.fromkeys(
        [
            "search_form",
            "search_filter_theme",
            "search_more",
            "search_closest",
            "search_browse",
            "search_all",
        ],
        urls.SEARCH,
    ),
    "themes_intro": urls.THEMES,
    "print_button": urls.TRAY,
    "ended_see_related": urls.service("terveydenhuollon-sosiaaliohjaaja"),
    **dict.fromkeys(
        ["path_client_view", "path_professional_view", "path_phase_services", "more_info", "source_note"],
        PATH_PAGE,
    ),
    **dict.fromkeys(["case_coordinator_tasks", "case_notes"], urls.case("jaakko")),
}


def test_the_pages_short_texts_are_labels_a_region_can_reword(tmp_path: Path) -> None:
    catalogue_dir = tmp_path / "catalogue"
    shutil.copytree(PROJECT / "catalogue", catalogue_dir)
    add_labels(
        catalogue_dir,
        "".join(
            f"  {key}: Sana{key.replace('_', '')} {{source}}\n"
            if key == "source_note"
            else f"  {key}: Sana{key.replace('_', '')}\n"
            for key in SHOWN_ON
        ),
    )
    catalogue, _ = require_catalogue(catalogue_dir)
    pages = {
        page.path: page.full_markdown for page in render_pages(catalogue, RenderOptions(today=TODAY_NOW))
    }
    missing = [key for key, path in SHOWN_ON.items() if f"Sana{key.replace('_', '')}" not in pages[path]]
    assert not missing
    assert "Sanasourcenote 002" in pages[PATH_PAGE], "the source is filled in"
