"""The mistakes editors make, each reproduced in a copy of the shipped catalogue.

Every test asserts the Finnish message verbatim, with the file, the line and the
field it names, and that nothing else is reported: no false errors in files the
editor never touched (on a pull request they would become annotations on other
people's files), and every real error of a file in the same run.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.problems import Problem
from generator.validate.catalogue import load_catalogue
from tests.editor.conftest import Run

SERVICES = Path("catalogue") / "services"
#: The region's municipalities, as region.yml lists them.
MUNICIPALITIES = ", ".join(
    [
        "asikkala",
        "hartola",
        "heinola",
        "hollola",
        "iitti",
        "karkola",
        "lahti",
        "myrskyla",
        "orimattila",
        "padasjoki",
        "pukkila",
        "sysma",
    ]
)


def edit(project: Path, name: str, old: str, new: str) -> Path:
    """Replace ``old`` (which must be there once) with ``new`` in a service file."""
    path = project / SERVICES / name
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def line_of(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if text in line)


def errors(project: Path) -> list[Problem]:
    catalogue, problems = load_catalogue(project / "catalogue")
    assert catalogue is None
    return problems.sorted()


def where(problem: Problem) -> tuple[str, int | None, int | None, str]:
    return problem.file.name, problem.line, problem.column, problem.field


# --- one typo, one error --------------------------------------------------------------------


def test_a_finnish_date_in_kela_is_one_error_not_twenty_two(run: Run, project: Path) -> None:
    """A file with a field error still defines its id: no "unknown service 'kela'" elsewhere."""
    path = edit(project, "kela.yml", "area: region\n", "area: region\nlast_reviewed: 1.1.2026\n")
    [problem] = errors(project)
    assert where(problem) == ("kela.yml", line_of(path, "last_reviewed"), 16, "last_reviewed")
    assert problem.message == "pitäisi olla päivämäärä (VVVV-KK-PP), ei '1.1.2026'"
    assert problem.suggestion == "kirjoita 2026-01-01: päivämäärä kirjoitetaan vuosi ensin, VVVV-KK-PP"
    # On a pull request: one annotation, on the file the editor changed.
    result = run("validate", "--format", "github")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"::error file=catalogue/services/kela.yml,line={problem.line},col=16,title=last_reviewed::"
        "pitäisi olla päivämäärä (VVVV-KK-PP), ei '1.1.2026' "
        "(kirjoita 2026-01-01: päivämäärä kirjoitetaan vuosi ensin, VVVV-KK-PP)"
    ]


def test_a_date_that_does_not_exist_is_not_rewritten(project: Path) -> None:
    edit(project, "kela.yml", "area: region\n", "area: region\nlast_reviewed: 31.2.2026\n")
    [problem] = errors(project)
    assert problem.suggestion == "31.2.2026 ei ole oikea päivämäärä; kirjoita päivämäärä muodossa VVVV-KK-PP"


# --- every problem of a file in one run ----------------------------------------------------


def test_every_mistake_of_a_file_comes_in_one_run(run: Run, project: Path) -> None:
    """Field errors do not hide the references, and a list reports each bad item."""
    path = edit(
        project,
        "typ.yml",
        "themes: [tyollistyminen]\n",
        "themes: [tyollistyminen, kuntotus]\nmitä: Palvelu.\nlast_reviewed: 30.11.2026\n",
    )
    edit(project, "typ.yml", "area: [lahti]\n", "area: [lahti, nastola]\n")
    edit(
        project,
        "typ.yml",
        "related: [te-palvelut, kuntakokeilu, kela]",
        "related: [Kela, te-palvelu, tyoterveys-x]",
    )
    problems = errors(project)
    related = line_of(path, "related:")
    assert [(where(p), p.message, p.suggestion) for p in problems] == [
        (("typ.yml", 5, 26, "themes.1"), "tuntematon teema 'kuntotus'", 'tarkoititko "kuntoutus"?'),
        (
            ("typ.yml", 6, 1, "mitä"),
            "tuntematon kenttä 'mitä'",
            'kenttien nimet ovat englanniksi: "mitä" on `what`',
        ),
        (
            ("typ.yml", 7, 16, "last_reviewed"),
            "pitäisi olla päivämäärä (VVVV-KK-PP), ei '30.11.2026'",
            "kirjoita 2026-11-30: päivämäärä kirjoitetaan vuosi ensin, VVVV-KK-PP",
        ),
        (
            ("typ.yml", 9, 15, "area.1"),
            "'nastola' ei ole alueen kunta",
            f"valitse jokin näistä: {MUNICIPALITIES} (region.yml)",
        ),
        (
            ("typ.yml", related, 11, "related.0"),
            "'Kela' ei kelpaa tunnisteeksi",
            "käytä pieniä kirjaimia a–z, numeroita ja väliviivoja, esim. 'kuntoutus'",
        ),
        (
            ("typ.yml", related, 17, "related.1"),
            "tuntematon palvelu 'te-palvelu'",
            'tarkoititko "te-palvelut"?',
        ),
        (
            ("typ.yml", related, 29, "related.2"),
            "tuntematon palvelu 'tyoterveys-x'",
            "katso luettelo: catalogue/services/",
        ),
    ]
    result = run("validate")
    assert result.exit_code == 1
    assert result.stderr.endswith("✗ catalogue: 7 virhettä\n")


def test_nastola_is_not_suggested_to_be_hartola(project: Path) -> None:
    """Only what is close enough to help: Nastola is two letters of seven away from Hartola."""
    edit(project, "typ.yml", "area: [lahti]\n", "area: [nastola]\n")
    [problem] = errors(project)
    assert 'hartola"?' not in (problem.suggestion or "")
    assert (problem.message, problem.suggestion) == (
        "'nastola' ei ole alueen kunta",
        f"valitse jokin näistä: {MUNICIPALITIES} (region.yml)",
    )


@pytest.mark.parametrize(
    ("written", "field"),
    [
        ("mita", "what"),
        ("Mitä?", "what"),
        ("miksi", "why"),
        ("miten", "how"),
        ("kenelle", "for_whom"),
        ("nimi", "name"),
        ("tiivistelmä", "summary"),
        ("teemat", "themes"),
        ("alue", "area"),
        ("linkit", "links"),
        ("hakusanat", "keywords"),
        ("tarkistettu", "last_reviewed"),
    ],
)
def test_a_field_name_in_finnish_names_the_english_one(project: Path, written: str, field: str) -> None:
    path = edit(project, "kela.yml", "area: region\n", f"area: region\n{written}: x\n")
    [problem] = errors(project)
    assert where(problem) == ("kela.yml", line_of(path, f"{written}:"), 1, written)
    assert problem.message == f"tuntematon kenttä '{written}'"
    assert problem.suggestion == f'kenttien nimet ovat englanniksi: "{written}" on `{field}`'


def test_a_finnish_field_name_inside_a_link(project: Path) -> None:
    path = edit(
        project,
        "kela.yml",
        "    url: https://www.kela.fi/kuntoutus\n",
        "    osoite: https://www.kela.fi/kuntoutus\n",
    )
    problems = errors(project)
    assert [(where(p), p.message, p.suggestion) for p in problems] == [
        (
            ("kela.yml", line_of(path, "title: Kuntoutus"), 5, "links.0.url"),
            "pakollinen kenttä 'url' puuttuu",
            None,
        ),
        (
            ("kela.yml", line_of(path, "osoite:"), 5, "links.0.osoite"),
            "tuntematon kenttä 'osoite'",
            'kenttien nimet ovat englanniksi: "osoite" on `url`',
        ),
    ]


# --- YAML explained where the editor must act ----------------------------------------------


def test_a_misindented_url_is_an_indentation_error_at_its_line(run: Run, project: Path) -> None:
    edit(
        project,
        "kela.yml",
        "    url: https://www.kela.fi/kuntoutus\n",
        "     url: https://www.kela.fi/kuntoutus\n",
    )
    result = run("validate")
    assert result.exit_code == 1
    path = project / SERVICES / "kela.yml"
    line = line_of(path, "url: https://www.kela.fi/kuntoutus")
    title = line - 1
    assert result.stderr == (
        f"catalogue/services/kela.yml:{line}:6: virhe\n"
        f" {line} |      url: https://www.kela.fi/kuntoutus\n"
        "    |      ^\n"
        "    = tämän rivin sisennys ei vastaa yläpuolella olevien kenttien sisennystä\n"
        f"    = vihje: aloita `url:` samasta sarakkeesta kuin `title:` rivillä {title} "
        "(4 välilyöntiä rivin alusta)\n"
        "\n"
        "✗ catalogue: 1 virhe\n"
    )


def test_unindented_text_under_a_block_is_reported_at_the_text_not_below(run: Run, project: Path) -> None:
    path = edit(
        project,
        "kela.yml",
        "what: |\n  Kela järjestää kuntoutusta",
        "what: |\nKela järjestää kuntoutusta",
    )
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("why: |\n", "\n# Miksi?\nwhy: |\n"), encoding="utf-8")
    [problem] = errors(project)
    line = line_of(path, "what: |") + 1  # the text's own line, not the comment below it
    assert path.read_text(encoding="utf-8").splitlines()[line - 1].startswith("Kela järjestää")
    assert where(problem) == ("kela.yml", line, 1, "")
    assert problem.message == "kentän `what: |` alla oleva teksti pitää sisentää"
    assert problem.suggestion == "sisennä tekstin jokainen rivi kaksi välilyöntiä enemmän kuin `what:`"


@pytest.mark.parametrize(
    ("old", "new", "message", "suggestion", "at"),
    [
        (
            "name: Kela\n",
            "name: Kela: kuntoutus\n",
            "arvossa on kaksoispiste ja sen perässä välilyönti, jonka YAML lukee uuden kentän aluksi",
            'kirjoita arvo lainausmerkkeihin: `name: "Kela: kuntoutus"`',
            (2, 11),
        ),
        (
            "provider: kela\n",
            "provider:kela\n",
            "kentän `provider:` kaksoispisteen jäljestä puuttuu välilyönti",
            "kirjoita `provider: kela`",
            None,
        ),
        (
            "themes: [kuntoutus, toimeentulo]\n",
            "themes: [kuntoutus, toimeentulo\n",
            "tässä alkavaa merkkiä '[' ei suljeta merkillä ']' samalla rivillä",
            "päätä se merkkiin ']' ja erota kohdat pilkuilla",
            None,
        ),
        (
            "name: Kela\n",
            "name: 'Kelan' palvelut\n",
            "teksti jatkuu lopettavan lainausmerkin jälkeen",
            "kirjoita koko arvo lainausmerkkeihin: `name: \"'Kelan' palvelut\"`",
            (2, 15),
        ),
        (
            "name: Kela\n",
            "name: @Kela\n",
            "arvo ei voi alkaa merkillä '@' ilman lainausmerkkejä",
            'kirjoita arvo lainausmerkkeihin: `name: "@Kela"`',
            (2, 7),
        ),
    ],
)
def test_yaml_mistakes_are_explained_in_plain_words(
    project: Path, old: str, new: str, message: str, suggestion: str, at: tuple[int, int] | None
) -> None:
    path = edit(project, "kela.yml", old, new)
    [problem] = errors(project)
    assert (problem.message, problem.suggestion) == (message, suggestion)
    written = line_of(path, new.strip())
    assert problem.line == (at[0] if at else written)
    if at:
        assert problem.column == at[1]
    assert not re.search(r"while (parsing|scanning)|did not find|expected", problem.message)


# --- half-finished entries ------------------------------------------------------------------


def test_a_placeholder_left_in_any_field_is_an_error_at_the_word(project: Path) -> None:
    path = edit(project, "kela.yml", "name: Kela\n", "name: Kela TÄYDENNÄ\n")
    [problem] = errors(project)
    assert where(problem) == ("kela.yml", line_of(path, "name:"), 12, "name")
    assert problem.message == "tekstinä on yhä komennon `tarjotin new` paikkamerkki TÄYDENNÄ"


def test_two_services_with_the_same_name_are_an_error(project: Path) -> None:
    path = edit(
        project, "typ.yml", "name: Työllistymistä edistävä monialainen yhteispalvelu TYP\n", "name: kela\n"
    )
    [problem] = errors(project)
    assert where(problem) == ("typ.yml", line_of(path, "name: kela"), 7, "name")
    assert problem.message == "toisella palvelulla on jo nimi 'kela': services/kela.yml:2"
    assert problem.suggestion == (
        "anna jokaiselle palvelulle oma nimi, tai jos kyse on samasta palvelusta, "
        "säilytä vain toinen tiedosto"
    )


# --- the to-do list is said once ---------------------------------------------------------------


def test_validate_says_the_freshness_once_and_strict_fails_honestly(run: Run, project: Path) -> None:
    """The shipped catalogue was never reviewed: plain validate passes, --strict fails on each entry."""
    result = run("validate")
    assert result.exit_code == 0
    assert "päättyi" not in result.stderr
    assert result.stderr.endswith(
        "✓ catalogue: 26 palvelua, 6 teemaa, 12 kuntaa, 1 varoitus\n"
        "  2 palvelua on päättynyt, 24 merkintää tarkistamatta – katso `tarjotin report`\n"
    )
    strict = run("validate", "--strict", "--format", "short")
    assert strict.exit_code == 1
    lines = strict.stderr.splitlines()
    assert lines[-1] == "✗ catalogue: 26 virhettä"
    never = [
        line
        for line in lines
        if line.endswith(
            ": tietoja ei ole koskaan tarkistettu (tarkista tiedot ja lisää sitten last_reviewed: "
            "VVVV-KK-PP (päivä, jona tarkistit ne) ja owner)"
        )
    ]
    ended = [line for line in lines if "mutta sen tiedosto on yhä luettelossa" in line]
    assert (len(never), len(ended)) == (24, 2)
    assert ended[0].startswith("catalogue/services/terveydenhuollon-sosiaaliohjaaja.yml:")
    assert (
        ": virhe [validity.until]: palvelu päättyi 2023-12-31, mutta sen tiedosto on yhä luettelossa"
        in ended[0]
    )
