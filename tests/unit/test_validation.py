"""Catalogue validation: every problem reported at once, with file, line, field and a hint."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from generator.cli import main
from generator.problems import Problem
from generator.validate.catalogue import load_catalogue


def problems_of(catalogue: Path) -> list[Problem]:
    loaded, problems = load_catalogue(catalogue)
    assert loaded is None, "expected the catalogue to be rejected"
    return problems.sorted()


def write_service(catalogue: Path, name: str, text: str) -> Path:
    path = catalogue / "services" / name
    path.write_text(text, encoding="utf-8")
    return path


BASE = """\
name: Kolmas palvelu
themes: [kuntoutus]
provider: kunta
area: region
what: Jotain.
"""


def test_the_sample_catalogue_is_valid(mini_catalogue: Path) -> None:
    catalogue, problems = load_catalogue(mini_catalogue)
    assert not problems
    assert catalogue is not None
    assert [s.id for s in catalogue.services] == ["eka", "toka"]
    toka = catalogue.services_by_id["toka"]
    assert [t.id for t in toka.themes] == ["kuntoutus", "koulutus"]  # themes.yml order
    assert [m.id for m in toka.municipalities] == ["beta"]
    assert toka.related[0].id == "eka"
    assert catalogue.services_by_id["eka"].region_wide


def test_unknown_theme_suggests_the_closest(mini_catalogue: Path) -> None:
    path = write_service(mini_catalogue, "kolmas.yml", BASE.replace("[kuntoutus]", "[Kuntotus]"))
    [problem] = problems_of(mini_catalogue)
    assert (problem.file, problem.line, problem.column, problem.field) == (path, 2, 10, "themes.0")
    assert problem.message == "'Kuntotus' ei kelpaa tunnisteeksi"


def test_unknown_theme_id_suggests_the_closest(mini_catalogue: Path) -> None:
    path = write_service(mini_catalogue, "kolmas.yml", BASE.replace("[kuntoutus]", "[kuntotus]"))
    [problem] = problems_of(mini_catalogue)
    assert problem.format(mini_catalogue) == (
        "services/kolmas.yml:2:10: virhe [themes.0]: tuntematon teema 'kuntotus' (tarkoititko \"kuntoutus\"?)"
    )
    assert problem.file == path


def test_missing_required_field(mini_catalogue: Path) -> None:
    write_service(mini_catalogue, "kolmas.yml", BASE.replace("what: Jotain.\n", ""))
    [problem] = problems_of(mini_catalogue)
    assert (problem.line, problem.field, problem.message) == (1, "what", "pakollinen kenttä 'what' puuttuu")


def test_unknown_field_is_a_typo(mini_catalogue: Path) -> None:
    write_service(mini_catalogue, "kolmas.yml", BASE + "for_whome: Kaikille.\n")
    [problem] = problems_of(mini_catalogue)
    assert (problem.line, problem.column, problem.field) == (6, 1, "for_whome")
    assert problem.message == "tuntematon kenttä 'for_whome'"
    assert problem.suggestion == 'tarkoititko "for_whom"?'


def test_unknown_nested_field(mini_catalogue: Path) -> None:
    write_service(mini_catalogue, "kolmas.yml", BASE + "links:\n  - title: A\n    ulr: https://a.fi/\n")
    problems = problems_of(mini_catalogue)
    assert [(p.line, p.field, p.message, p.suggestion) for p in problems] == [
        (7, "links.0.url", "pakollinen kenttä 'url' puuttuu", None),
        (8, "links.0.ulr", "tuntematon kenttä 'ulr'", 'tarkoititko "url"?'),
    ]


def test_wrong_type(mini_catalogue: Path) -> None:
    write_service(mini_catalogue, "kolmas.yml", BASE + "eligibility:\n  min_age: kaksikymmentä\n")
    [problem] = problems_of(mini_catalogue)
    assert (problem.line, problem.field) == (7, "eligibility.min_age")
    assert problem.message == "pitäisi olla kokonaisluku, ei 'kaksikymmentä'"


def test_list_where_a_mapping_belongs(mini_catalogue: Path) -> None:
    write_service(mini_catalogue, "kolmas.yml", "- name: x\n- name: y\n")
    [problem] = problems_of(mini_catalogue)
    assert (problem.line, problem.message) == (
        1,
        "tiedostossa pitäisi olla kenttiä (avain: arvo), ei luetteloa",
    )


def test_relative_url(mini_catalogue: Path) -> None:
    write_service(mini_catalogue, "kolmas.yml", BASE + "links:\n  - title: A\n    url: www.kela.fi\n")
    [problem] = problems_of(mini_catalogue)
    assert (problem.line, problem.column, problem.field) == (8, 10, "links.0.url")
    assert problem.message == (
        "'www.kela.fi' ei ole täydellinen http(s)-osoite; kirjoita se muodossa https://example.fi/…"
    )


def test_unknown_municipality_and_provider(mini_catalogue: Path) -> None:
    text = BASE.replace("area: region", "area: [alfa, gamma]").replace("provider: kunta", "provider: kuntaa")
    write_service(mini_catalogue, "kolmas.yml", text)
    problems = problems_of(mini_catalogue)
    assert [(p.line, p.field, p.message, p.suggestion) for p in problems] == [
        (3, "provider", "tuntematon tuottaja 'kuntaa'", 'tarkoititko "kunta"?'),
        (4, "area.1", "'gamma' ei ole alueen kunta", "valitse jokin näistä: alfa, beta (region.yml)"),
    ]


def test_area_must_be_region_or_list(mini_catalogue: Path) -> None:
    write_service(mini_catalogue, "kolmas.yml", BASE.replace("area: region", "area: koko alue"))
    [problem] = problems_of(mini_catalogue)
    assert (problem.line, problem.field) == (4, "area")
    assert problem.message == (
        "alueen pitää olla 'region' (koko alue) tai luettelo kuntien tunnisteista, esim. [kunta-a, kunta-b]"
    )


def test_unresolvable_related_service(mini_catalogue: Path) -> None:
    write_service(mini_catalogue, "kolmas.yml", BASE + "related: [ekaa]\n")
    [problem] = problems_of(mini_catalogue)
    assert (problem.line, problem.message, problem.suggestion) == (
        6,
        "tuntematon palvelu 'ekaa'",
        'tarkoititko "eka"?',
    )


def test_invalid_date_value(mini_catalogue: Path) -> None:
    write_service(mini_catalogue, "kolmas.yml", BASE + "last_reviewed: 2024-13-01\n")
    [problem] = problems_of(mini_catalogue)
    assert (problem.line, problem.message) == (6, "'2024-13-01' ei ole oikea päivämäärä")


def test_date_must_be_a_date(mini_catalogue: Path) -> None:
    write_service(mini_catalogue, "kolmas.yml", BASE + "validity:\n  until: ensi vuonna\n")
    [problem] = problems_of(mini_catalogue)
    assert (problem.field, problem.message) == (
        "validity.until",
        "pitäisi olla päivämäärä (VVVV-KK-PP), ei 'ensi vuonna'",
    )


def test_raw_html_is_refused(mini_catalogue: Path) -> None:
    write_service(mini_catalogue, "kolmas.yml", BASE.replace("Jotain.", "<script>alert(1)</script>"))
    [problem] = problems_of(mini_catalogue)
    assert (problem.line, problem.field) == (5, "what")
    assert problem.message == (
        "tekstissä ei saa olla HTML:ää; käytä Markdownia "
        "(luettelot viivalla '-', linkit muodossa [teksti](osoite))"
    )


def test_javascript_link_is_refused(mini_catalogue: Path) -> None:
    write_service(
        mini_catalogue, "kolmas.yml", BASE.replace("Jotain.", "'Katso [tästä](javascript:alert(1))'")
    )
    [problem] = problems_of(mini_catalogue)
    assert (
        problem.message
        == "linkki 'javascript:alert(1)' käyttää muotoa 'javascript:'; linkkien pitää olla http(s)-osoitteita"
    )


def test_duplicate_theme_ids(mini_catalogue: Path) -> None:
    themes = mini_catalogue / "themes.yml"
    themes.write_text(
        themes.read_text() + "  - id: koulutus\n    name: X\n    description: Y\n    icon: material/school\n"
    )
    [problem] = problems_of(mini_catalogue)
    assert (problem.file, problem.line) == (themes, 10)
    assert problem.message == "teeman tunniste 'koulutus' on käytössä kahdesti (ensimmäisen kerran rivillä 6)"


def test_bad_file_names(mini_catalogue: Path) -> None:
    write_service(mini_catalogue, "Kolmas Palvelu.yml", BASE)
    write_service(mini_catalogue, "neljas.yaml", BASE)
    problems = problems_of(mini_catalogue)
    assert [(p.file.name, p.message, p.suggestion) for p in problems] == [
        (
            "Kolmas Palvelu.yml",
            "tiedostonimi 'Kolmas Palvelu.yml' ei kelpaa tunnisteeksi",
            "käytä pieniä kirjaimia a–z, numeroita ja väliviivoja, esim. kuntouttava-tyotoiminta.yml",
        ),
        ("neljas.yaml", "palvelun tiedoston nimen pitää päättyä .yml", "nimeä se uudelleen: neljas.yml"),
    ]


def test_missing_vocabulary_file(mini_catalogue: Path) -> None:
    (mini_catalogue / "themes.yml").unlink()
    problems = problems_of(mini_catalogue)
    assert [(p.file.name, p.message) for p in problems] == [("themes.yml", "tiedosto puuttuu")]


def test_every_error_in_one_run(mini_catalogue: Path) -> None:
    write_service(mini_catalogue, "a.yml", BASE.replace("[kuntoutus]", "[kuntotus]"))
    write_service(mini_catalogue, "b.yml", "name: [\n")
    write_service(mini_catalogue, "c.yml", "")
    write_service(mini_catalogue, "d.yml", BASE + "name: again\n")
    problems = problems_of(mini_catalogue)
    assert [p.file.name for p in problems] == ["a.yml", "b.yml", "c.yml", "d.yml"]


def test_cli_validate_reports_and_fails(mini_catalogue: Path) -> None:
    write_service(mini_catalogue, "a.yml", BASE.replace("[kuntoutus]", "[kuntotus]"))
    write_service(mini_catalogue, "b.yml", BASE.replace("Kolmas", "Neljäs") + "for_whome: x\n")
    result = CliRunner().invoke(main, ["validate", "--catalogue", str(mini_catalogue), "--format", "short"])
    assert result.exit_code == 1
    expected = f"{mini_catalogue}/services/a.yml:2:10: virhe [themes.0]: tuntematon teema 'kuntotus'"
    assert expected in result.output
    assert "tuntematon kenttä 'for_whome' (tarkoititko \"for_whom\"?)" in result.output
    assert f"✗ {mini_catalogue}: 2 virhettä" in result.output


def test_cli_validate_passes(mini_catalogue: Path) -> None:
    result = CliRunner().invoke(main, ["validate", "--catalogue", str(mini_catalogue)])
    assert result.exit_code == 0, result.output
    assert f"✓ {mini_catalogue}: 2 palvelua, 2 teemaa, 2 kuntaa, 1 varoitus\n" in result.output


def test_relative_link_in_text_is_refused(mini_catalogue: Path) -> None:
    write_service(mini_catalogue, "kolmas.yml", BASE.replace("Jotain.", "'Katso [Kela](../kela/).'"))
    [problem] = problems_of(mini_catalogue)
    assert (problem.line, problem.field) == (5, "what")
    assert problem.message == (
        "linkki '../kela/' on suhteellinen; kirjoita täydellinen https://-osoite, "
        "tai nimeä muut palvelut kentässä 'related'"
    )
