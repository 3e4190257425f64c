"""The formats `validate` and `report` share: ``--format json`` for validate, short and github for report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from generator.cli import main
from generator.report.formats import relative_path


def tarjotin(*args: str) -> Result:
    return CliRunner().invoke(main, ["--lang", "en", *args])


def add(catalogue: Path, service: str, text: str) -> int:
    """Append ``text`` to a service's file; returns the line it starts on."""
    path = catalogue / "services" / f"{service}.yml"
    before = path.read_text(encoding="utf-8")
    path.write_text(before + text, encoding="utf-8")
    return len(before.splitlines()) + 1


@pytest.fixture
def stale(mini_catalogue: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Eka is overdue for review; toka has ended (on 2025-06-15)."""
    monkeypatch.chdir(mini_catalogue.parent)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    add(mini_catalogue, "eka", "last_reviewed: 2024-01-01\nowner: Maija\n")
    add(mini_catalogue, "toka", "validity: {until: 2025-01-01}\n")
    return mini_catalogue


def test_validate_writes_every_problem_as_json(mini_catalogue: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(mini_catalogue.parent)
    line = add(mini_catalogue, "eka", "owner: [Maija]\n")
    (mini_catalogue / "services" / "tyhja.yml").write_text("", encoding="utf-8")
    result = tarjotin("validate", "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)  # the problems go to stdout only, as JSON
    assert {key: data[key] for key in ("catalogue", "valid", "errors", "warnings")} == {
        "catalogue": "catalogue",
        "valid": False,
        "errors": 2,
        "warnings": 0,
    }
    first, second = data["problems"]
    assert (first["file"], first["line"], first["column"], first["field"], first["severity"]) == (
        "catalogue/services/eka.yml",
        line,
        8,
        "owner",
        "error",
    )
    assert first["message"] and second["file"] == "catalogue/services/tyhja.yml" and second["line"] is None
    assert result.stderr.startswith("✗ catalogue: 2 errors")  # the headline stays on stderr


def test_validate_json_of_a_valid_catalogue(mini_catalogue: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(mini_catalogue.parent)
    result = tarjotin("validate", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["valid"], data["errors"]) == (True, 0)
    # The sample catalogue names no data licence: a warning, which does not make it invalid.
    assert data["warnings"] == len(data["problems"]) == 1
    assert data["problems"][0]["severity"] == "warning"
    assert data["problems"][0]["file"] == "catalogue/region.yml"


def test_report_short_is_one_line_per_concern(stale: Path) -> None:
    result = tarjotin("report", "--format", "short", "--today", "2025-06-15")
    assert result.exit_code == 0, result.output
    eka, toka = (relative_path(stale / "services" / f"{s}.yml", stale.parent) for s in ("eka", "toka"))
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    assert (
        lines[0].startswith(f"{eka}:")
        and " [last_reviewed]: Eka palvelu: last reviewed 2024-01-01" in lines[0]
    )
    assert (
        lines[1].startswith(f"{toka}:") and " [validity.until]: Toka palvelu: ended on 2025-01-01" in lines[1]
    )


def test_report_github_annotates_and_writes_the_job_summary(
    stale: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = tarjotin("report", "--format", "github", "--today", "2025-06-15")
    assert result.exit_code == 0, result.output
    overdue, ended = result.stdout.splitlines()
    assert overdue.startswith("::warning file=catalogue/services/eka.yml,line=")
    assert (
        ",title=Review overdue::Eka palvelu: last reviewed 2024-01-01, review was due 2025-01-01" in overdue
    )
    assert ended.startswith("::warning file=catalogue/services/toka.yml,line=")
    assert ended.endswith(",title=Ended::Toka palvelu: ended on 2025-01-01")
    written = summary.read_text(encoding="utf-8")
    assert written.startswith("# Freshness of Testimaa on 2025-06-15")
    assert "| Review overdue | Eka palvelu | `catalogue/services/eka.yml:" in written
