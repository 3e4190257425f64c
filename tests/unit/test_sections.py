"""sections.yml: sections with their services resolved, and every wrong id reported with its line."""

from __future__ import annotations

from pathlib import Path

from generator.problems import Severity
from generator.validate.catalogue import load_catalogue

GOOD = """\
sections:
  - id: ylempi
    name: Ylempi osio
    intro: |
      Osion johdanto.
  - id: alempi
    name: Alempi osio
    parent: ylempi
    services: [toka, eka]
"""


def write_sections(catalogue: Path, text: str) -> Path:
    path = catalogue / "sections.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_sections_are_resolved_in_the_files_order(mini_catalogue: Path) -> None:
    write_sections(mini_catalogue, GOOD)
    catalogue, problems = load_catalogue(mini_catalogue)
    assert catalogue is not None, [p.format() for p in problems]
    assert not problems
    upper, lower = catalogue.sections
    assert [s.id for s in lower.services] == ["toka", "eka"]  # the file's order, not the names'
    assert lower.parent is upper and upper.children == [lower]
    assert [s.id for s in upper.all_services()] == ["toka", "eka"]
    assert catalogue.section_of(catalogue.services_by_id["eka"]) is lower
    assert upper.entry.intro == "Osion johdanto."


def test_without_the_file_there_are_no_sections(mini_catalogue: Path) -> None:
    catalogue, problems = load_catalogue(mini_catalogue)
    assert catalogue is not None and not problems
    assert catalogue.sections == []


def test_every_wrong_id_is_an_error_with_its_line(mini_catalogue: Path) -> None:
    path = write_sections(
        mini_catalogue,
        """\
sections:
  - id: ylempi
    name: Ylempi
    parent: alempi
    services: [eka]
  - id: alempi
    name: Alempi
    parent: ylempi
    services: [tokka, eka]
  - id: kolmas
    name: Kolmas
    parent: kolmas
  - id: neljas
    name: Neljäs
    parent: viides
  - id: ylempi
    name: Taas ylempi
""",
    )
    catalogue, problems = load_catalogue(mini_catalogue)
    assert catalogue is None
    found = [(p.file, p.line, p.field, p.message) for p in problems.sorted()]
    assert found == [
        (
            path,
            4,
            "sections.0.parent",
            "osio 'alempi' on itse osion 'ylempi' alla; osioita voi olla toistensa alla vain yksi taso",
        ),
        (
            path,
            8,
            "sections.1.parent",
            "osio 'ylempi' on itse osion 'alempi' alla; osioita voi olla toistensa alla vain yksi taso",
        ),
        (path, 9, "sections.1.services.0", "tuntematon palvelu 'tokka'"),
        (
            path,
            9,
            "sections.1.services.1",
            "palvelu 'eka' on jo osiossa 'ylempi' (rivillä 5)",
        ),
        (path, 12, "sections.2.parent", "osio ei voi olla itsensä ylempi osio"),
        (path, 15, "sections.3.parent", "tuntematon osio 'viides'"),
        (
            path,
            16,
            "sections.4.id",
            "osion tunniste 'ylempi' on käytössä kahdesti (ensimmäisen kerran rivillä 2)",
        ),
    ]
    unknown = next(p for p in problems if p.field == "sections.1.services.0")
    assert unknown.suggestion == 'tarkoititko "toka"?'
    assert all(p.severity is Severity.ERROR for p in problems)


def test_a_service_in_no_section_is_a_warning(mini_catalogue: Path) -> None:
    path = write_sections(mini_catalogue, GOOD.replace("[toka, eka]", "[toka]"))
    catalogue, problems = load_catalogue(mini_catalogue)
    assert catalogue is not None  # still usable: the service is on every other page
    [problem] = problems
    assert (problem.file, problem.severity, problem.field) == (path, Severity.WARNING, "sections")
    assert problem.message == "palvelu 'eka' ei ole missään osiossa"
    assert catalogue.section_of(catalogue.services_by_id["eka"]) is None


def test_the_file_is_checked_against_its_model(mini_catalogue: Path) -> None:
    path = write_sections(mini_catalogue, "sections:\n  - id: osio\n    nimi: Osio\n")
    catalogue, problems = load_catalogue(mini_catalogue)
    assert catalogue is None
    messages = sorted((p.file, p.line, p.message) for p in problems)
    assert messages == [(path, 2, "pakollinen kenttä 'name' puuttuu"), (path, 3, "tuntematon kenttä 'nimi'")]


def test_a_linked_file_is_refused_not_skipped(mini_catalogue: Path, tmp_path: Path) -> None:
    outside = tmp_path / "muualla.yml"
    outside.write_text(GOOD, encoding="utf-8")
    (mini_catalogue / "sections.yml").symlink_to(outside)
    catalogue, problems = load_catalogue(mini_catalogue)
    assert catalogue is None
    [problem] = problems
    assert problem.file == mini_catalogue / "sections.yml"
    assert problem.message == (
        "tämä tiedosto on symbolinen linkki; luettelo luetaan vain sen sisällä olevista tavallisista "
        "tiedostoista ja kansioista, joten linkkiä ei seurattu"
    )
