"""Freshness: review dates, validity, `tarjotin report` and `validate --strict`."""

from __future__ import annotations

import json
import logging
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from mkdocs.config import load_config

from generator.cli import main
from generator.engines.mkdocs_plugin import TarjotinPlugin
from generator.model.catalogue import Catalogue
from generator.render.pages import RenderOptions, render_pages
from generator.validate.catalogue import require_catalogue
from generator.validate.freshness import (
    NO_OWNER,
    Concern,
    add_months,
    assess,
    by_owner,
    review_due,
)

TODAY = date(2025, 6, 15)


def set_fields(catalogue: Path, service: str, text: str) -> None:
    path = catalogue / "services" / f"{service}.yml"
    path.write_text(path.read_text() + text)


def line_of(catalogue: Path, service: str, text: str) -> int:
    lines = (catalogue / "services" / f"{service}.yml").read_text().splitlines()
    return next(number for number, line in enumerate(lines, start=1) if text in line)


def load(catalogue: Path) -> Catalogue:
    return require_catalogue(catalogue)[0]


def test_add_months() -> None:
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2024, 11, 15), 12) == date(2025, 11, 15)
    assert add_months(date(2024, 12, 1), 1) == date(2025, 1, 1)
    assert review_due(date(2024, 6, 14), 12) == date(2025, 6, 14)


def test_assess(mini_catalogue: Path) -> None:
    set_fields(
        mini_catalogue, "eka", "last_reviewed: 2024-06-14\nowner: Maija\nvalidity:\n  until: 2025-08-01\n"
    )
    set_fields(mini_catalogue, "toka", "last_reviewed: 2024-06-15\nvalidity: {until: 2025-06-14}\n")
    items = {(i.service.id, i.concern): i for i in assess(load(mini_catalogue), TODAY)}
    assert set(items) == {("eka", Concern.OVERDUE), ("eka", Concern.ENDING_SOON), ("toka", Concern.ENDED)}
    overdue = items["eka", Concern.OVERDUE]
    line = line_of(mini_catalogue, "eka", "last_reviewed:")
    assert (overdue.when, overdue.line, overdue.owner) == (date(2025, 6, 14), line, "Maija")
    assert overdue.describe() == "last reviewed 2024-06-14, review was due 2025-06-14"
    ended = items["toka", Concern.ENDED]
    line = line_of(mini_catalogue, "toka", "until: 2025-06-14")
    assert (ended.line, ended.field, ended.owner) == (line, "validity.until", NO_OWNER)


def test_a_review_on_the_due_day_is_current_and_60_days_is_soon(mini_catalogue: Path) -> None:
    set_fields(mini_catalogue, "eka", "last_reviewed: 2024-06-15\nvalidity: {until: 2025-08-14}\n")
    set_fields(mini_catalogue, "toka", "last_reviewed: 2025-01-01\nvalidity: {until: 2025-08-15}\n")
    concerns = {(i.service.id, i.concern) for i in assess(load(mini_catalogue), TODAY)}
    assert concerns == {("eka", Concern.ENDING_SOON)}


def test_grouped_by_owner_with_no_owner_last(mini_catalogue: Path) -> None:
    set_fields(mini_catalogue, "toka", "owner: aino\n")
    groups = by_owner(assess(load(mini_catalogue), TODAY))
    assert list(groups) == ["aino", NO_OWNER]
    assert [i.concern for i in groups[NO_OWNER]] == [Concern.NEVER_REVIEWED]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_validate_passes_without_review_dates_and_strict_fails(mini_catalogue: Path) -> None:
    code, _, err = run("validate", "--catalogue", str(mini_catalogue))
    assert code == 0, err
    assert "2 services never reviewed (see `tarjotin report`; `validate --strict` fails on these)" in err
    code, _, err = run("validate", "--strict", "--catalogue", str(mini_catalogue))
    assert code == 1
    assert f"{mini_catalogue / 'services' / 'eka.yml'}: error [last_reviewed]\n" in err
    assert "= the entry has never been reviewed\n" in err
    assert "✗ 2 errors in" in err


def test_strict_fails_on_overdue_and_passes_when_current(mini_catalogue: Path) -> None:
    today = date.today()
    old = today - timedelta(days=400)
    set_fields(mini_catalogue, "eka", f"last_reviewed: {old}\nowner: Maija\n")
    set_fields(mini_catalogue, "toka", f"last_reviewed: {today}\nowner: Maija\n")
    code, _, err = run("validate", "--strict", "--catalogue", str(mini_catalogue))
    assert code == 1
    line = line_of(mini_catalogue, "eka", "last_reviewed:")
    assert f"eka.yml:{line}: error [last_reviewed]\n" in err
    assert f"= the review is overdue: last reviewed {old}, review was due" in err
    assert "toka.yml" not in err
    path = mini_catalogue / "services" / "eka.yml"
    path.write_text(path.read_text().replace(str(old), str(today)))
    assert run("validate", "--strict", "--catalogue", str(mini_catalogue))[0] == 0


def test_validate_warns_about_each_ended_service(mini_catalogue: Path) -> None:
    set_fields(mini_catalogue, "toka", "validity: {until: 2020-01-31}\n")
    code, _, err = run("validate", "--catalogue", str(mini_catalogue))
    assert code == 0
    line = line_of(mini_catalogue, "toka", "validity:")
    assert f"toka.yml:{line}: warning [validity.until]\n" in err
    assert (
        "= the service 'Toka palvelu' ended on 2020-01-31; it is left "
        "out of listings, filters and search, and its page says it has ended\n"
    ) in err


def test_report_formats(mini_catalogue: Path) -> None:
    set_fields(
        mini_catalogue, "eka", "last_reviewed: 2024-01-01\nowner: Maija\nvalidity: {until: 2025-07-01}\n"
    )
    set_fields(mini_catalogue, "toka", "validity: {until: 2025-01-01}\n")
    args = ("report", "--catalogue", str(mini_catalogue), "--today", "2025-06-15")
    code, text, _ = run(*args)
    assert code == 0
    eka, toka = mini_catalogue / "services" / "eka.yml", mini_catalogue / "services" / "toka.yml"
    reviewed = line_of(mini_catalogue, "eka", "last_reviewed:")
    until = line_of(mini_catalogue, "eka", "validity:")
    ended = line_of(mini_catalogue, "toka", "validity:")
    assert text == (
        "Freshness of Testimaa on 2025-06-15 (review interval 12 months)\n\n"
        "Maija\n"
        "  Review overdue\n"
        f"    {eka}:{reviewed}  Eka palvelu: last reviewed 2024-01-01, review was due 2025-01-01\n"
        "  Validity ends within 60 days\n"
        f"    {eka}:{until}  Eka palvelu: available until 2025-07-01\n\n"
        "(no owner)\n"
        "  Ended\n"
        f"    {toka}:{ended}  Toka palvelu: ended on 2025-01-01\n\n"
        "Summary: review overdue: 1, never reviewed: 0, validity ends within 60 days: 1, ended: 1\n"
    )
    data = json.loads(run(*args, "--format", "json")[1])
    assert data["summary"] == {"overdue": 1, "never-reviewed": 0, "ending-soon": 1, "ended": 1}
    assert [owner["owner"] for owner in data["owners"]] == ["Maija", NO_OWNER]
    assert data["owners"][1]["items"][0] | {"file": ""} == {
        "concern": "ended",
        "service": "toka",
        "name": "Toka palvelu",
        "file": "",
        "line": ended,
        "field": "validity.until",
        "date": "2025-01-01",
        "last_reviewed": None,
    }
    markdown = run(*args, "--format", "markdown")[1]
    assert "## Maija\n" in markdown and "| Review overdue | Eka palvelu |" in markdown


def test_report_on_a_broken_catalogue_fails(mini_catalogue: Path) -> None:
    (mini_catalogue / "services" / "eka.yml").write_text("name: [\n")
    code, _, err = run("report", "--catalogue", str(mini_catalogue))
    assert code == 1
    assert "has errors; run `tarjotin validate`" in err


def test_the_plugin_notes_ended_services_without_failing_strict(
    mini_project: Path, caplog: pytest.LogCaptureFixture
) -> None:
    set_fields(mini_project / "catalogue", "toka", "validity: {until: 2020-01-31}\n")
    config = load_config(str(mini_project / "mkdocs.yml"))
    plugin = config.plugins["tarjotin"]
    assert isinstance(plugin, TarjotinPlugin)
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.tarjotin"):
        plugin.on_config(config)  # type: ignore[arg-type]
    [record] = [r for r in caplog.records if "ended on" in r.getMessage()]
    assert record.levelno == logging.INFO  # a WARNING would fail `mkdocs build --strict`
    line = line_of(mini_project / "catalogue", "toka", "validity:")
    assert record.getMessage().startswith(f"catalogue/services/toka.yml:{line}: warning [validity.until]: ")


# --- what the pages say ------------------------------------------------------------------


def pages(catalogue: Catalogue, today: date) -> dict[str, str]:
    """Each page's Markdown with the Markdown escapes of plain text removed (``3\\.5\\.2024``)."""
    rendered = render_pages(catalogue, RenderOptions(today=today))
    return {page.path: re.sub(r"\\(.)", r"\1", page.markdown) for page in rendered}


def test_service_pages_show_review_and_validity_dates(mini_catalogue: Path) -> None:
    set_fields(
        mini_catalogue,
        "eka",
        "last_reviewed: 2024-05-03\nowner: Maija\nvalidity:\n  until: 2025-12-31\n  note: vuoden loppuun\n",
    )
    rendered = pages(load(mini_catalogue), TODAY)
    eka = rendered["palvelut/eka.md"]
    assert "Tiedot tarkistettu 3.5.2024 (Maija)." in eka
    assert "**Saatavilla**\n: 31.12.2025 asti (vuoden loppuun)" in eka
    assert "Tiedot tarkistettu" not in rendered["palvelut/toka.md"]
    assert "Saatavilla" not in rendered["palvelut/toka.md"]


def test_ended_services_leave_listings_and_keep_a_page_with_pointers(mini_catalogue: Path) -> None:
    set_fields(mini_catalogue, "eka", "validity: {until: 2025-06-14}\n")  # toka is related to eka
    path = mini_catalogue / "services" / "eka.yml"
    path.write_text(path.read_text() + "related: [toka]\n")
    rendered = pages(load(mini_catalogue), TODAY)
    for listing in ("palvelut/index.md", "teemat/kuntoutus.md", "kunnat/beta.md"):  # with the filters
        assert "Toka palvelu" in rendered[listing], listing
        assert "Eka palvelu" not in rendered[listing] and 'data-service="eka"' not in rendered[listing]
    eka = rendered["palvelut/eka.md"]
    assert '!!! warning "Palvelu on päättynyt"' in eka
    assert "se oli saatavilla 14.6.2025 asti. Katso myös liittyvät palvelut sivun lopussa." in eka
    assert "[teemoittain](../teemat/index.md)" in eka
    assert "[kaikkien palvelujen listasta](../palvelut/index.md)" in eka
    assert "## Liittyvät palvelut\n\n- [Toka palvelu](../palvelut/toka.md)" in eka
    assert "data-pagefind-body" not in eka  # left out of search
    assert "data-pagefind-body" in rendered["palvelut/toka.md"]
    assert "Eka palvelu" in pages(load(mini_catalogue), date(2025, 6, 14))["palvelut/index.md"]
