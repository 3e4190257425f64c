"""The link report's words: Finnish by default, English on request, from one catalogue."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime
from pathlib import Path

from generator.check.reports import csv_report, json_report, markdown_report, summary_line, terminal_lines
from generator.check.results import LinkReport, LinkResult, Location, Outcome, PageRef, Status
from generator.i18n import use_language

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


def sample(root: Path) -> LinkReport:
    """One broken link in a service file, and one moved link that a template writes on five pages."""
    broken = LinkResult(
        "https://a.fi/poissa",
        external=True,
        outcome=Outcome(Status.BROKEN, "404 Not Found", code=404),
        checked_at=NOW,
        locations=[
            Location(root / "catalogue" / "services" / "eka.yml", 12, 9, "links.0.url", "Eka palvelu")
        ],
    )
    moved = LinkResult(
        "https://b.fi/",
        external=True,
        outcome=Outcome(
            Status.MOVED, "siirtynyt pysyvästi (301)", code=200, suggested_url="https://b.fi/uusi"
        ),
        checked_at=NOW,
        pages=[PageRef(f"/sivu-{number}/") for number in range(5)],
    )
    return LinkReport(
        [broken, moved],
        internal_checked=40,
        external_checked=2,
        external_skipped=1,
        root=root,
        time_limit_reached=True,
    )


def test_the_report_is_in_finnish(tmp_path: Path) -> None:
    report = sample(tmp_path)
    assert summary_line(report) == (
        "1 rikkinäinen, 1 siirtynyt, 0 ei voitu tarkistaa "
        "(40 sisäistä linkkiä tarkistettu, 2 ulkoista linkkiä (0 välimuistista), "
        "1 ulkoinen linkki jäi tarkistamatta); "
        "aikaraja (max_run_seconds) täyttyi: tarkistamatta jääneet linkit ovat kohdassa "
        "”Linkit, joita ei voitu tarkistaa”"
    )
    lines = [text for text, _colour in terminal_lines(report)]
    assert "   12:9  rikki: https://a.fi/poissa (Eka palvelu)" in lines
    assert "         siirtynyt: https://b.fi/" in lines
    assert "sivuston sivupohjat ja teema" in lines
    assert (
        "         siirtynyt pysyvästi (301); vaihda osoitteeksi https://b.fi/uusi; "
        "sivuilla /sivu-0/, /sivu-1/, /sivu-2/ ja 2 muuta sivua"
    ) in lines
    markdown = markdown_report(report)
    assert markdown.startswith("# Linkkiraportti\n")
    assert "## Rikkinäiset linkit\n" in markdown and "## Siirtyneet linkit\n" in markdown
    assert "| rivi | nimi | linkki | mitä tapahtui | mitä tehdä |" in markdown
    assert "| etsi sivun uusi osoite tai poista linkki |" in markdown


def test_the_report_is_in_english_on_request(tmp_path: Path) -> None:
    report = sample(tmp_path)
    with use_language("en"):
        summary = summary_line(report)
        markdown = markdown_report(report)
    assert summary == (
        "1 broken, 1 moved, 0 could not verify "
        "(40 internal links checked, 2 external URLs (0 from the cache), 1 external URL not checked); "
        'the time limit (max_run_seconds) ran out: the links not checked are under "Could not verify"'
    )
    assert markdown.startswith("# Link report\n")
    assert "## Broken\n" in markdown and "| line | name | link | what happened | what to do |" in markdown


def test_the_data_reports_keep_their_keys_in_every_language(tmp_path: Path) -> None:
    """JSON and CSV are for scripts: their keys and result classes do not follow the language."""
    report = sample(tmp_path)
    finnish = (json_report(report), csv_report(report))
    with use_language("en"):
        assert (json_report(report), csv_report(report)) == finnish
    assert json.loads(finnish[0])["summary"]["broken"] == 1
    rows = list(csv.DictReader(io.StringIO(finnish[1])))
    assert [(row["status"], row["file"]) for row in rows] == [
        ("broken", "catalogue/services/eka.yml"),
        ("moved", ""),
    ]
