"""The loader against hostile or careless catalogues (issue 11).

* symbolic links are refused and never followed, whatever reads the file;
* an explicit YAML tag with an impossible value is a problem, not a traceback;
* YAML 1.1 number forms (0025, 1:30, 0x1A …) are not silently converted;
* a value repeated in a list of plain values is an error.

Every case is also run through ``tarjotin validate``: the editor gets file and
line, the command fails, and no traceback is printed.
"""

from __future__ import annotations

import itertools
import time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from generator.check.sources import SourceIndex
from generator.cli import main
from generator.load.layout import UnsafePath, check_inside
from generator.load.yaml_source import parse_yaml, read_yaml
from generator.model.entries import ServiceEntry
from generator.problems import Problem, Problems
from generator.reporting import quoted
from generator.validate.catalogue import load_catalogue
from generator.validate.fields import check_fields
from generator.validate.lists import check_repeated_items
from tests.unit.test_validation import BASE

#: A valid service of the mini catalogue (tests/fixtures/mini), six lines long.
SERVICE = BASE + 'links: [{title: Kotisivu, url: "https://example.org/salaisuus"}]\n'
SECRET = "SALAINEN-SISÄLTÖ"


def validate(catalogue: Path) -> Result:
    """``tarjotin validate`` on ``catalogue``; it must fail cleanly, without a traceback."""
    result = CliRunner().invoke(main, ["validate", "--catalogue", str(catalogue)])
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result


def service(catalogue: Path, text: str, name: str = "kolmas.yml") -> Path:
    path = catalogue / "services" / name
    path.write_text(text, encoding="utf-8")
    return path


def errors_of(catalogue: Path) -> list[Problem]:
    loaded, problems = load_catalogue(catalogue)
    assert loaded is None, "expected the catalogue to be rejected"
    return problems.sorted()


# --- 1. symbolic links ------------------------------------------------------------------


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A folder beside the catalogue holding a perfectly valid service with a secret in it."""
    folder = tmp_path / "outside"
    folder.mkdir()
    (folder / "salainen-palvelu.yml").write_text(SERVICE.replace("Kolmas palvelu", SECRET), encoding="utf-8")
    return folder


def assert_refused(result: Result, shown: str) -> None:
    assert f"{shown}: virhe" in result.stderr
    assert "on symbolinen linkki; luettelo luetaan vain" in result.stderr
    assert SECRET not in result.output  # the target was never read, nor quoted
    assert "salainen-palvelu" not in result.output  # nor its name listed


def test_a_linked_service_file_is_refused_unread(mini_catalogue: Path, outside: Path) -> None:
    link = mini_catalogue / "services" / "kolmas.yml"
    link.symlink_to(outside / "salainen-palvelu.yml")
    [problem] = errors_of(mini_catalogue)
    assert (problem.file, problem.line) == (link, None)
    assert problem.message.startswith("tämä tiedosto on symbolinen linkki; ")
    assert_refused(validate(mini_catalogue), str(link))


def test_a_link_to_a_system_file_is_not_quoted(mini_catalogue: Path) -> None:
    link = mini_catalogue / "services" / "x.yml"
    link.symlink_to("/etc/passwd")
    result = validate(mini_catalogue)
    assert f"{link}: virhe" in result.stderr
    assert "root:" not in result.output


def test_a_linked_services_folder_is_not_listed(mini_catalogue: Path, outside: Path) -> None:
    services = mini_catalogue / "services"
    for path in services.iterdir():
        path.rename(outside / path.name)
    services.rmdir()
    services.symlink_to(outside, target_is_directory=True)
    problems = errors_of(mini_catalogue)
    assert [(p.file, p.message.split(";")[0]) for p in problems] == [
        (services, "tämä kansio on symbolinen linkki"),
        (services, "palvelujen tiedostoja ei ole"),
    ]
    assert_refused(validate(mini_catalogue), str(services))


@pytest.mark.parametrize("name", ["region.yml", "themes.yml", "providers.yml"])
def test_a_linked_vocabulary_file_is_refused(mini_catalogue: Path, tmp_path: Path, name: str) -> None:
    real = tmp_path / name
    (mini_catalogue / name).rename(real)
    (mini_catalogue / name).symlink_to(real)
    problems = errors_of(mini_catalogue)
    assert [p.file for p in problems if "symbolinen linkki" in p.message] == [mini_catalogue / name]
    validate(mini_catalogue)


def test_a_linked_professional_folder_is_reported_once(mini_catalogue: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "paths").mkdir(parents=True)
    (elsewhere / "paths" / "polku.yml").write_text(f"name: {SECRET}\n", encoding="utf-8")
    (elsewhere / "glossary.yml").write_text(f"terms: [{{term: {SECRET}}}]\n", encoding="utf-8")
    (mini_catalogue / "professional").symlink_to(elsewhere, target_is_directory=True)
    [problem] = errors_of(mini_catalogue)
    assert problem.file == mini_catalogue / "professional"
    assert problem.message.startswith("tämä kansio on symbolinen linkki; ")
    assert SECRET not in validate(mini_catalogue).output


def test_a_catalogue_folder_reached_through_a_link_is_fine(mini_catalogue: Path, tmp_path: Path) -> None:
    """The catalogue folder itself may be a link (a checkout under /tmp on macOS is one)."""
    linked = tmp_path / "linked-catalogue"
    linked.symlink_to(mini_catalogue, target_is_directory=True)
    catalogue, problems = load_catalogue(linked)
    assert catalogue is not None, [p.format() for p in problems]


def test_a_path_out_of_the_catalogue_is_refused(mini_catalogue: Path) -> None:
    with pytest.raises(UnsafePath, match="tiedosto on luettelokansion ulkopuolella"):
        check_inside(mini_catalogue / "services" / ".." / ".." / "project" / "mkdocs.yml", mini_catalogue)
    check_inside(mini_catalogue / "services" / "eka.yml", mini_catalogue)  # an ordinary file passes


def test_a_problem_at_a_link_quotes_nothing(mini_catalogue: Path) -> None:
    """Even with a line number, the reporter does not read a linked file to quote it."""
    link = mini_catalogue / "services" / "x.yml"
    link.symlink_to("/etc/passwd")
    [block] = quoted([Problem(link, 1, 1, "", "a message")], mini_catalogue)
    assert "root" not in block
    assert "a message" in block


def test_the_link_checker_does_not_follow_links(mini_catalogue: Path, outside: Path) -> None:
    (mini_catalogue / "services" / "kolmas.yml").symlink_to(outside / "salainen-palvelu.yml")
    index = SourceIndex(mini_catalogue)
    assert index.locate("https://example.org/salaisuus") == []
    assert index.locate("https://example.org/eka")  # the ordinary files are still traced


# --- 2. explicit tags with impossible values --------------------------------------------

IMPOSSIBLE = [
    "!!timestamp x",
    "!!bool x",
    '!!bool ""',
    "!!float",
    "!!int",
    "!!seq x",
    "!!map x",
    "!!int 0x",
    "!!timestamp 2026-13-45",
    "!!null x",
    "!!int '5'",
    "!!str {a: 1}",
    "!!map [a]",
    "!!seq {a: 1}",
    "!<tag:yaml.org,2002:bool> maybe",
]


@pytest.mark.parametrize("value", IMPOSSIBLE)
def test_an_impossible_tag_is_a_problem_with_a_line(mini_catalogue: Path, value: str) -> None:
    path = service(mini_catalogue, SERVICE + f"owner: {value}\n")
    [problem] = errors_of(mini_catalogue)
    assert (problem.file, problem.line, problem.column) == (path, 7, 8)
    assert "!!" in problem.message or "päivämäärä" in problem.message
    assert "services/kolmas.yml:7" in validate(mini_catalogue).stderr


TAGS = ["!!str", "!!int", "!!float", "!!bool", "!!null", "!!timestamp", "!!seq", "!!map", "!!binary", "!!set"]
TAGS += ["!!omap", "!", "!local", "!<tag:yaml.org,2002:int>", "!!python/none"]
VALUES = ["", "x", "0x", "0x1A", "0o17", "0025", "1:30", "1_000", "+5", "-", ".inf", ".nan", "1e400", "~"]
VALUES += ["true", "yes", "2026-13-45", "2026-02-30", "2026-01-01", "2026-01-01T25:61:00", "99999-01-01"]
VALUES += ["'quoted'", '"\\x00"', "[a, b]", "{a: 1}", "[]", "{}", "|\n  block"]
SHAPES = ["key: {tag} {value}\n", "- {tag} {value}\n", "key: [{tag} {value}]\n", "{tag} {value}: x\n"]


def test_no_tag_and_value_makes_the_loader_raise(tmp_path: Path) -> None:
    """A small fuzz: every tag with every value in every position gives data or a problem."""
    path = tmp_path / "entry.yml"
    for tag, value, shape in itertools.product(TAGS, VALUES, SHAPES):
        text = shape.format(tag=tag, value=value)
        problems = Problems()
        document = parse_yaml(path, text.encode("utf-8"), problems)  # read_yaml's parsing; must not raise
        assert (document is None) == bool(problems), text
        assert all(p.file == path for p in problems), text
        if document is not None:
            check_fields(document, ServiceEntry, Problems())  # the data is plain: the model copes too
            assert not any(isinstance(v, type(iter([]))) for v in _leaves(document.data)), text


def _leaves(data: object) -> list[object]:
    if isinstance(data, dict):
        return [leaf for value in data.values() for leaf in _leaves(value)]
    if isinstance(data, list):
        return [leaf for value in data for leaf in _leaves(value)]
    return [data]


# --- 3. YAML 1.1 number forms -----------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        ("0025", "kirjoita 25 ilman etunollaa"),  # YAML 1.1: octal, 21
        ("1:30", "kirjoita yksi kokonaisluku; arvo kuten 1:30 ei ole luku"),  # YAML 1.1: 90
        ("0x1A", "kirjoita 26, luku tavallisin numeroin"),
        ("0o17", "kirjoita 15, luku tavallisin numeroin"),
        ("1_000", "kirjoita 1000"),
        ("true", "kirjoita luku; true ja false eivät ole lukuja"),  # lax pydantic: 1
        ('"25"', "kirjoita 25 ilman lainausmerkkejä"),
        (".inf", None),
        ("yes", None),
    ],
)
def test_a_number_in_a_yaml_11_form_is_refused(mini_catalogue: Path, written: str, hint: str | None) -> None:
    path = service(mini_catalogue, SERVICE + f"eligibility:\n  min_age: {written}\n")
    [problem] = errors_of(mini_catalogue)
    assert (problem.file, problem.line, problem.column, problem.field) == (path, 8, 12, "eligibility.min_age")
    assert problem.message.startswith("pitäisi olla kokonaisluku, ei ")
    assert problem.suggestion == hint
    assert "services/kolmas.yml:8:12: virhe [eligibility.min_age]" in validate(mini_catalogue).stderr


def test_plain_decimal_numbers_still_read(mini_catalogue: Path) -> None:
    service(mini_catalogue, SERVICE + "eligibility: {min_age: +18, max_age: 29}\n")
    catalogue, problems = load_catalogue(mini_catalogue)
    assert catalogue is not None, [p.format() for p in problems]
    eligibility = catalogue.services_by_id["kolmas"].entry.eligibility
    assert eligibility is not None
    assert (eligibility.min_age, eligibility.max_age) == (18, 29)


def test_yaml_11_words_and_times_stay_text(mini_catalogue: Path) -> None:
    """YAML 1.2: only true/false are booleans, and 8:00 is not 480."""
    text = SERVICE.replace("name: Kolmas palvelu", "name: no")
    text += "keywords: [yes, on, off, 0025]\ncontacts: [{name: Neuvonta, opening_hours: [8:00]}]\n"
    service(mini_catalogue, text)
    catalogue, problems = load_catalogue(mini_catalogue)
    assert catalogue is not None, [p.format() for p in problems]
    entry = catalogue.services_by_id["kolmas"].entry
    assert entry.name == "no"
    assert entry.keywords == ["yes", "on", "off", "0025"]
    assert entry.contacts is not None and entry.contacts[0].opening_hours == ["8:00"]


# --- 4. repeated values in lists --------------------------------------------------------


def test_a_municipality_listed_twice(mini_catalogue: Path) -> None:
    path = service(mini_catalogue, SERVICE.replace("area: region", "area:\n  - alfa\n  - beta\n  - alfa"))
    [problem] = errors_of(mini_catalogue)
    assert (problem.file, problem.line, problem.column, problem.field) == (path, 7, 5, "area.2")
    assert problem.message == "'alfa' on luettelossa area 2 kertaa (ensimmäisen kerran rivillä 5)"
    assert "services/kolmas.yml:7:5: virhe [area.2]" in validate(mini_catalogue).stderr


@pytest.mark.parametrize(
    ("line", "field"),
    [
        ("themes: [kuntoutus, koulutus, kuntoutus]", "themes.2"),
        ("related: [eka, toka, eka]", "related.2"),
        ("keywords: [työtön, työtön]", "keywords.1"),
        ("access: {routes: [self, referral, self]}", "access.routes.2"),
        ("languages: [fi, sv, fi]", "languages.2"),
    ],
)
def test_every_list_of_plain_values_is_checked(mini_catalogue: Path, line: str, field: str) -> None:
    text = SERVICE.replace("themes: [kuntoutus]\n", "") + line + "\n"
    path = service(mini_catalogue, text if line.startswith("themes") else text + "themes: [kuntoutus]\n")
    [problem] = errors_of(mini_catalogue)  # one problem: the theme check does not repeat it
    assert (problem.file, problem.line, problem.field) == (path, 6, field)
    assert f" on luettelossa {field.rsplit('.', 1)[0]} 2 kertaa " in problem.message
    assert "(ensimmäisen kerran rivillä 6)" in problem.message


def test_a_value_pasted_100000_times_is_one_problem(mini_catalogue: Path) -> None:
    area = "area: [" + ", ".join(["alfa"] * 100_000) + "]"
    service(mini_catalogue, SERVICE.replace("area: region", area))
    started = time.perf_counter()
    [problem] = errors_of(mini_catalogue)
    assert time.perf_counter() - started < 20
    assert problem.message == "'alfa' on luettelossa area 100000 kertaa (ensimmäisen kerran rivillä 4)"
    assert (problem.line, problem.column, problem.field) == (4, 14, "area.1")


def test_rows_of_a_table_may_repeat_a_cell(tmp_path: Path) -> None:
    path = tmp_path / "entry.yml"
    path.write_text("columns: [a, b]\nrows:\n  - [kyllä, kyllä]\n  - [kyllä, kyllä]\n", encoding="utf-8")
    problems = Problems()
    document = read_yaml(path, problems)
    assert document is not None
    check_repeated_items(document, problems)
    assert not problems
