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
    assert overdue.describe() == (
        "tarkistettu viimeksi 2024-06-14, seuraava tarkistus olisi pitänyt tehdä viimeistään 2025-06-14"
    )
    ended = items["toka", Concern.ENDED]
    line = line_of(mini_catalogue, "toka", "until: 2025-06-14")
    assert (ended.line, ended.field, ended.owner) == (line, "validity.until", "(ei vastuutahoa)")


def test_a_review_on_the_due_day_is_current_and_60_days_is_soon(mini_catalogue: Path) -> None:
    set_fields(mini_catalogue, "eka", "last_reviewed: 2024-06-15\nvalidity: {until: 2025-08-14}\n")
    set_fields(mini_catalogue, "toka", "last_reviewed: 2025-01-01\nvalidity: {until: 2025-08-15}\n")
    concerns = {(i.service.id, i.concern) for i in assess(load(mini_catalogue), TODAY)}
    assert concerns == {("eka", Concern.ENDING_SOON)}


def test_grouped_by_owner_with_no_owner_last(mini_catalogue: Path) -> None:
    set_fields(mini_catalogue, "toka", "owner: aino\n")
    groups = by_owner(assess(load(mini_catalogue), TODAY))
    assert list(groups) == ["aino", "(ei vastuutahoa)"]
    assert [i.concern for i in groups["(ei vastuutahoa)"]] == [Concern.NEVER_REVIEWED]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_validate_passes_without_review_dates_and_strict_fails(mini_catalogue: Path) -> None:
    code, _, err = run("validate", "--catalogue", str(mini_catalogue))
    assert code == 0, err
    assert err.endswith("\n  2 merkintää tarkistamatta – katso `tarjotin report`\n")
    code, _, err = run("validate", "--strict", "--catalogue", str(mini_catalogue))
    assert code == 1
    assert f"{mini_catalogue / 'services' / 'eka.yml'}: virhe [last_reviewed]\n" in err
    assert "= tietoja ei ole koskaan tarkistettu\n" in err
    assert (
        "= vihje: tarkista tiedot ja lisää sitten last_reviewed: VVVV-KK-PP "
        "(päivä, jona tarkistit ne) ja owner\n" in err
    )
    assert err.endswith(f"✗ {mini_catalogue}: 2 virhettä\n")  # no summary line: the errors say it all


def test_strict_fails_on_overdue_and_passes_when_current(mini_catalogue: Path) -> None:
    today = date.today()
    old = today - timedelta(days=400)
    set_fields(mini_catalogue, "eka", f"last_reviewed: {old}\nowner: Maija\n")
    set_fields(mini_catalogue, "toka", f"last_reviewed: {today}\nowner: Maija\n")
    code, _, err = run("validate", "--strict", "--catalogue", str(mini_catalogue))
    assert code == 1
    line = line_of(mini_catalogue, "eka", "last_reviewed:")
    assert f"eka.yml:{line}: virhe [last_reviewed]\n" in err
    assert f"= tarkistus on myöhässä: tarkistettu viimeksi {old}, seuraava tarkistus olisi pitänyt" in err
    assert "toka.yml" not in err
    path = mini_catalogue / "services" / "eka.yml"
    path.write_text(path.read_text().replace(str(old), str(today)))
    assert run("validate", "--strict", "--catalogue", str(mini_catalogue))[0] == 0


def test_validate_sums_up_ended_services_in_one_line_and_strict_fails_on_them(mini_catalogue: Path) -> None:
    """The to-do list is `tarjotin report`'s: plain validate says it once, briefly."""
    set_fields(mini_catalogue, "toka", "validity: {until: 2020-01-31}\n")
    code, _, err = run("validate", "--catalogue", str(mini_catalogue))
    assert code == 0
    assert "toka.yml" not in err  # no warning per ended service
    assert err.endswith(
        f"✓ {mini_catalogue}: 2 palvelua, 2 teemaa, 2 kuntaa, 1 varoitus\n"
        "  1 palvelu on päättynyt, 1 merkintä tarkistamatta – katso `tarjotin report`\n"
    )
    code, _, err = run("validate", "--strict", "--catalogue", str(mini_catalogue))
    assert code == 1
    line = line_of(mini_catalogue, "toka", "validity:")
    assert f"toka.yml:{line}: virhe [validity.until]\n" in err
    assert "= palvelu päättyi 2020-01-31, mutta sen tiedosto on yhä luettelossa\n" in err


def test_validate_in_english(mini_catalogue: Path) -> None:
    set_fields(mini_catalogue, "toka", "validity: {until: 2020-01-31}\n")
    code, _, err = run("--lang", "en", "validate", "--catalogue", str(mini_catalogue))
    assert code == 0
    assert err.endswith(
        f"✓ {mini_catalogue}: 2 services, 2 themes, 2 municipalities, 1 warning\n"
        "  1 service has ended, 1 entry never reviewed – see `tarjotin report`\n"
    )


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
        "Tietojen ajantasaisuus: Testimaa 2025-06-15 (tarkistusväli 12 kuukautta)\n\n"
        "Maija\n"
        "  Tarkistus myöhässä\n"
        f"    {eka}:{reviewed}  Eka palvelu: tarkistettu viimeksi 2024-01-01, seuraava tarkistus olisi "
        "pitänyt tehdä viimeistään 2025-01-01\n"
        "  Päättyy 60 päivän kuluessa\n"
        f"    {eka}:{until}  Eka palvelu: saatavilla 2025-07-01 asti\n\n"
        "(ei vastuutahoa)\n"
        "  Päättynyt\n"
        f"    {toka}:{ended}  Toka palvelu: päättyi 2025-01-01\n\n"
        "Yhteenveto: tarkistus myöhässä: 1, ei koskaan tarkistettu: 0, päättyy 60 päivän kuluessa: 1, "
        "päättynyt: 1\n"
    )
    data = json.loads(run(*args, "--format", "json")[1])
    assert data["summary"] == {"overdue": 1, "never-reviewed": 0, "ending-soon": 1, "ended": 1}
    assert [owner["owner"] for owner in data["owners"]] == ["Maija", "(ei vastuutahoa)"]
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
    assert "## Maija\n" in markdown and "| Tarkistus myöhässä | Eka palvelu |" in markdown
    assert "| huomio | palvelu | tiedosto | tiedot |" in markdown


def test_report_on_a_broken_catalogue_fails(mini_catalogue: Path) -> None:
    (mini_catalogue / "services" / "eka.yml").write_text("name: [\n")
    code, _, err = run("report", "--catalogue", str(mini_catalogue))
    assert code == 1
    assert err.endswith(f"✗ Kansiossa {mini_catalogue} on virheitä; aja `tarjotin validate`\n")


def test_the_plugin_notes_ended_services_without_failing_strict(
    mini_project: Path, caplog: pytest.LogCaptureFixture
) -> None:
    set_fields(mini_project / "catalogue", "toka", "validity: {until: 2020-01-31}\n")
    config = load_config(str(mini_project / "mkdocs.yml"))
    plugin = config.plugins["tarjotin"]
    assert isinstance(plugin, TarjotinPlugin)
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.tarjotin"):
        plugin.on_config(config)  # type: ignore[arg-type]
    [record] = [r for r in caplog.records if "päättyi 2020-01-31" in r.getMessage()]
    assert record.levelno == logging.INFO  # a WARNING would fail `mkdocs build --strict`
    line = line_of(mini_project / "catalogue", "toka", "validity:")
    assert record.getMessage().startswith(f"catalogue/services/toka.yml:{line}: varoitus [validity.until]: ")


# --- what the pages say ------------------------------------------------------------------


def pages(catalogue: Catalogue, today: date) -> dict[str, str]:
    """Each page's Markdown with the Markdown escapes of plain text removed (``3\\.5\\.2024``)."""
    rendered = render_pages(catalogue, RenderOptions(today=today))
    return {page.path: re.sub(r"\\(.)", r"\1", page.full_markdown) for page in rendered}


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
    assert "**Liittyvät palvelut:**\n\n- [Toka palvelu](../palvelut/toka.md)" in eka
    assert "data-pagefind-body" not in eka  # left out of search
    assert "data-pagefind-body" in rendered["palvelut/toka.md"]
    assert "Eka palvelu" in pages(load(mini_catalogue), date(2025, 6, 14))["palvelut/index.md"]
