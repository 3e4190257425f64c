"""Problems reported like a compiler's, and for CI: short lines, GitHub annotations, Markdown."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.problems import Problem
from generator.reporting import github_annotations, markdown_summary
from tests.editor.conftest import Run

BROKEN = {
    "kolmas.yml": "name: Kolmas palvelu\nthemes: [kuntotus]\nprovider: kela\narea: region\nwhat: Jotain.\n",
    "neljas.yml": "name: Neljäs\n\tprovider: kela\n",
    "viides.yml": "",
}


@pytest.fixture
def broken(project: Path) -> Path:
    services = project / "catalogue" / "services"
    for name, text in BROKEN.items():
        (services / name).write_text(text, encoding="utf-8")
    return services


def test_validate_quotes_the_line_with_a_caret(run: Run, broken: Path) -> None:
    result = run("validate")
    assert result.exit_code == 1
    assert result.stderr == (
        "catalogue/services/kolmas.yml:2:10: virhe [themes.0]\n"
        " 2 | themes: [kuntotus]\n"
        "   |          ^\n"
        "   = tuntematon teema 'kuntotus'\n"
        '   = vihje: tarkoititko "kuntoutus"?\n'
        "\n"
        "catalogue/services/neljas.yml:2:1: virhe\n"
        " 2 | \tprovider: kela\n"
        "   | ^\n"
        "   = sisennyksessä on sarkainmerkki (tab)\n"
        "   = vihje: sisennä välilyönneillä, ei sarkaimella\n"
        "\n"
        "catalogue/services/viides.yml: virhe\n"
        "  = tiedosto on tyhjä\n"
        "  = vihje: poista tiedosto tai täytä kentät\n"
        "\n"
        "✗ catalogue: 3 virhettä\n"
    )


def test_validate_in_english_with_lang(run: Run, broken: Path) -> None:
    for args in (("--lang", "en", "validate"), ("validate", "--lang", "en")):
        result = run(*args)
        assert result.exit_code == 1
        assert result.stderr.startswith(
            "catalogue/services/kolmas.yml:2:10: error [themes.0]\n"
            " 2 | themes: [kuntotus]\n"
            "   |          ^\n"
            "   = unknown theme 'kuntotus'\n"
            '   = help: did you mean "kuntoutus"?\n'
        )
        assert result.stderr.endswith(
            "catalogue/services/viides.yml: error\n"
            "  = the file is empty\n"
            "  = help: remove it, or fill in the fields\n"
            "\n"
            "✗ catalogue: 3 errors\n"
        )
    # The next run starts from the environment again: Finnish.
    assert run("validate").stderr.endswith("✗ catalogue: 3 virhettä\n")


def test_the_locale_can_ask_for_english(run: Run, broken: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TARJOTIN_LANG")
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert run("validate").stderr.endswith("✗ catalogue: 3 errors\n")
    monkeypatch.setenv("LANG", "fi_FI.UTF-8")
    assert run("validate").stderr.endswith("✗ catalogue: 3 virhettä\n")
    monkeypatch.setenv("LANG", "C.UTF-8")  # servers and CI: no language, so Finnish
    assert run("validate").stderr.endswith("✗ catalogue: 3 virhettä\n")


def test_short_format_keeps_one_line_per_problem(run: Run, broken: Path) -> None:
    result = run("validate", "--format", "short")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "catalogue/services/kolmas.yml:2:10: virhe [themes.0]: tuntematon teema 'kuntotus' "
        '(tarkoititko "kuntoutus"?)',
        "catalogue/services/neljas.yml:2:1: virhe: sisennyksessä on sarkainmerkki (tab) "
        "(sisennä välilyönneillä, ei sarkaimella)",
        "catalogue/services/viides.yml: virhe: tiedosto on tyhjä (poista tiedosto tai täytä kentät)",
        "✗ catalogue: 3 virhettä",
    ]


def test_caret_copies_tabs_and_counts_wide_line_numbers() -> None:
    problem = Problem(Path("a.yml"), 120, 4, "what", "something is wrong", None)
    assert problem.format_quoted(None, "\tx: y") == (
        "a.yml:120:4: virhe [what]\n 120 | \tx: y\n     | \t  ^\n     = something is wrong"
    )


def test_a_line_that_cannot_be_read_is_not_quoted(project: Path) -> None:
    problem = Problem(project / "missing.yml", 3, 1, "", "gone", "put it back")
    assert problem.format_quoted(project, None) == "missing.yml:3:1: virhe\n  = gone\n  = vihje: put it back"


def test_markdown_format_writes_a_table_per_file(run: Run, broken: Path) -> None:
    result = run("validate", "--format", "markdown")
    assert result.exit_code == 1
    assert result.stdout == (
        "## Luettelon tarkistus\n"
        "\n"
        "✗ catalogue: 3 virhettä\n"
        "\n"
        "### `catalogue/services/kolmas.yml`\n"
        "\n"
        "| Rivi | Vakavuus | Kenttä | Ongelma | Ehdotus |\n"
        "| ---: | --- | --- | --- | --- |\n"
        "| 2:10 | ❌ virhe | `themes.0` | tuntematon teema 'kuntotus' | tarkoititko \"kuntoutus\"? |\n"
        "\n"
        "### `catalogue/services/neljas.yml`\n"
        "\n"
        "| Rivi | Vakavuus | Kenttä | Ongelma | Ehdotus |\n"
        "| ---: | --- | --- | --- | --- |\n"
        "| 2:1 | ❌ virhe |  | sisennyksessä on sarkainmerkki (tab) "
        "| sisennä välilyönneillä, ei sarkaimella |\n"
        "\n"
        "### `catalogue/services/viides.yml`\n"
        "\n"
        "| Rivi | Vakavuus | Kenttä | Ongelma | Ehdotus |\n"
        "| ---: | --- | --- | --- | --- |\n"
        "|  | ❌ virhe |  | tiedosto on tyhjä | poista tiedosto tai täytä kentät |\n"
        "\n"
    )


def test_github_format_annotates_and_writes_the_job_summary(
    run: Run, broken: Path, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    summary = project / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = run("validate", "--format", "github")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "::error file=catalogue/services/kolmas.yml,line=2,col=10,title=themes.0::"
        "tuntematon teema 'kuntotus' (tarkoititko \"kuntoutus\"?)",
        "::error file=catalogue/services/neljas.yml,line=2,col=1,title=tarjotin validate::"
        "sisennyksessä on sarkainmerkki (tab) (sisennä välilyönneillä, ei sarkaimella)",
        "::error file=catalogue/services/viides.yml,title=tarjotin validate::"
        "tiedosto on tyhjä (poista tiedosto tai täytä kentät)",
    ]
    written = summary.read_text(encoding="utf-8")
    assert written.startswith("earlier step\n## Luettelon tarkistus\n\n✗ catalogue: 3 virhettä\n")
    assert "### `catalogue/services/kolmas.yml`" in written


def test_a_valid_catalogue_gets_a_summary_without_errors(run: Run) -> None:
    result = run("validate", "--format", "markdown")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("## Luettelon tarkistus\n\n✓ catalogue: 26 palvelua, 6 teemaa, 12 kuntaa")
    assert "❌" not in result.stdout
    # The to-do list's one line goes into the job summary too.
    assert (
        "\n\n2 palvelua on päättynyt, 24 merkintää tarkistamatta – katso `tarjotin report`\n" in result.stdout
    )


def test_annotations_and_tables_escape_what_would_break_them(tmp_path: Path) -> None:
    problem = Problem(tmp_path / "a,b:c.yml", 1, 2, "x", "50% done\nnext | <b>", "use a | b")
    assert github_annotations([problem], tmp_path) == [
        "::error file=a%2Cb%3Ac.yml,line=1,col=2,title=x::50%25 done%0Anext | <b> (use a | b)"
    ]
    table_row = markdown_summary([problem], tmp_path, "✗").splitlines()[-1]
    assert table_row == "| 1:2 | ❌ virhe | `x` | 50% done<br>next \\| &lt;b> | use a \\| b |"
