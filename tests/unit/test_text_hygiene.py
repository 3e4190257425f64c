"""Text hygiene: no invisible control characters anywhere, and one-line fields stay on one line.

Every catalogue file kind is tried, through a copy of the shipped catalogue, so a
file or field the checks do not reach fails here.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.load.yaml_source import FieldPath, read_yaml
from generator.model.entries import ServiceEntry
from generator.problems import Problem, Problems
from generator.validate.catalogue import load_catalogue

PROJECT = Path(__file__).parent.parent.parent

#: Every C0 and C1 control character but tab and line feed, DEL, and the Unicode
#: line and paragraph separators: the characters no text may hold.
FORBIDDEN = [chr(c) for c in (*range(0x00, 0x20), *range(0x7F, 0xA0)) if chr(c) not in "\t\n"] + [
    "\u2028",
    "\u2029",
]

#: One plain one-line value of each file kind (and some nested ones, and URLs).
TEXT_FIELDS: list[tuple[str, FieldPath]] = [
    ("region.yml", ("name",)),
    ("region.yml", ("site", "title")),
    ("region.yml", ("municipalities", 2, "name")),
    ("themes.yml", ("themes", 1, "name")),
    ("providers.yml", ("providers", 0, "name")),
    ("providers.yml", ("providers", 0, "url")),
    ("further-reading.yml", ("lists", 0, "links", 1, "title")),
    ("further-reading.yml", ("lists", 0, "links", 1, "url")),
    ("services/kela.yml", ("name",)),
    ("services/kela.yml", ("keywords", 0)),
    ("services/kela.yml", ("links", 0, "url")),
    ("professional/paths/tym.yml", ("name",)),
    ("professional/paths/tym.yml", ("phases", 1, "name")),
    ("professional/cases/maija.yml", ("name",)),
    ("professional/checklists/onko-asiakkaalla.yml", ("title",)),
    ("professional/glossary.yml", ("terms", 2, "expansion")),
    ("professional/participation.yml", ("table_title",)),
    ("professional/participation.yml", ("table", "columns", 1)),
    ("professional/work-ability-score.yml", ("name",)),
]


def _param_id(value: object) -> str:
    return value if isinstance(value, str) else ".".join(map(str, value))  # type: ignore[call-overload]


@pytest.fixture
def catalogue(tmp_path: Path) -> Path:
    """A copy of the shipped catalogue, which has every kind of file."""
    target = tmp_path / "catalogue"
    shutil.copytree(PROJECT / "catalogue", target)
    return target


def value_at(data: object, loc: FieldPath) -> object:
    for part in loc:
        data = data[part]  # type: ignore[index]
    return data


def rewrite(path: Path, loc: FieldPath, escaped: str) -> tuple[int, int]:
    """Write the plain one-line value at ``loc`` as a double-quoted one with ``escaped`` inside.

    Returns:
        The value's line and column.
    """
    document = read_yaml(path, Problems())
    assert document is not None
    value = value_at(document.data, loc)
    line, column = document.value_positions[loc]
    lines = path.read_text(encoding="utf-8").split("\n")
    text = lines[line - 1]
    end = column - 1 + len(str(value))
    assert isinstance(value, str) and text[column - 1 : end] == value, "the test needs a plain value"
    assert text[end:] in ("", ",", "]") or text[end] == ",", "the test needs a value on one line"
    lines[line - 1] = f'{text[: column - 1]}"{value[:3]}{escaped}{value[3:]}"{text[end:]}'
    path.write_text("\n".join(lines), encoding="utf-8")
    return line, column


def rejected(catalogue: Path) -> list[Problem]:
    loaded, problems = load_catalogue(catalogue)
    assert loaded is None, "expected the catalogue to be rejected"
    return problems.errors


def new_service(catalogue: Path, text: str) -> ServiceEntry:
    """Add ``services/uusi.yml``; the catalogue must be accepted. Returns its entry."""
    (catalogue / "services" / "uusi.yml").write_text(text, encoding="utf-8")
    loaded, problems = load_catalogue(catalogue)
    assert loaded is not None, [p.format() for p in problems.errors]
    return loaded.services_by_id["uusi"].entry


def test_the_shipped_catalogue_is_clean(catalogue: Path) -> None:
    loaded, problems = load_catalogue(catalogue)
    assert loaded is not None, [p.format() for p in problems.errors]


@pytest.mark.parametrize(("file", "loc"), TEXT_FIELDS, ids=_param_id)
def test_a_control_character_is_rejected_in_every_file_kind(
    catalogue: Path, file: str, loc: FieldPath
) -> None:
    path = catalogue / file
    line, column = rewrite(path, loc, "\\v")  # Word's manual line break
    [problem] = rejected(catalogue)
    assert (problem.file, problem.line, problem.column, problem.field) == (
        path,
        line,
        column,
        ".".join(map(str, loc)),
    )
    assert problem.message.startswith("tekstissä on näkymätön ohjausmerkki (U+000B) kohdan '")
    assert problem.message.endswith("' jälkeen; poista se")


def test_every_control_character_is_named_and_nothing_else_repeats_it(catalogue: Path) -> None:
    path = catalogue / "services" / "kela.yml"
    escapes = "".join(f"\\u{ord(c):04x}" for c in FORBIDDEN)
    rewrite(path, ("name",), escapes)
    [problem] = rejected(catalogue)
    assert problem.field == "name"
    named = problem.message.split("(", 1)[1].split(")", 1)[0].split(", ")
    assert named == [f"U+{ord(c):04X}" for c in FORBIDDEN]


@pytest.mark.parametrize("char", FORBIDDEN, ids=lambda c: f"U+{ord(c):04X}")
def test_each_control_character_is_rejected(catalogue: Path, char: str) -> None:
    rewrite(catalogue / "services" / "kela.yml", ("keywords", 0), f"\\u{ord(char):04x}")
    [problem] = rejected(catalogue)
    assert problem.field == "keywords.0"
    assert f"(U+{ord(char):04X})" in problem.message


def test_control_characters_in_markdown_and_non_text_fields_are_rejected(catalogue: Path) -> None:
    path = catalogue / "services" / "uusi.yml"
    path.write_text(
        'name: Uusi\nprovider: kela\narea: "reg\\x00ion"\nwhat: "Rivi\\n\\nToinen \\x1b[31m"\n',
        encoding="utf-8",
    )
    problems = rejected(catalogue)
    assert [(p.line, p.field) for p in problems] == [(3, "area"), (4, "what")]


def test_tab_and_line_breaks_in_markdown_are_kept(catalogue: Path) -> None:
    entry = new_service(
        catalogue,
        'name: "Uusi\\tpalvelu"\nprovider: kela\narea: region\n'
        "what: |\n  Eka rivi\n  toka rivi\n\n  - kohta\n",
    )
    assert entry.what == "Eka rivi\ntoka rivi\n\n- kohta"
    assert entry.name == "Uusi\tpalvelu"


def test_a_control_character_written_as_such_names_its_line_and_column(catalogue: Path) -> None:
    path = catalogue / "services" / "uusi.yml"
    path.write_text("name: Uusi\nprovider: kela\narea: region\nwhat: Äiti\x0bja lapsi\n", encoding="utf-8")
    [problem] = rejected(catalogue)
    assert (problem.file, problem.line, problem.column) == (path, 4, 11)
    assert problem.message == "tiedostossa on näkymätön ohjausmerkki (U+000B)"
    assert "YAML" not in problem.format()


@pytest.mark.parametrize(
    ("file", "loc"),
    [(file, loc) for file, loc in TEXT_FIELDS if loc[-1] != "url"],
    ids=_param_id,
)
def test_a_line_break_in_a_one_line_field_is_rejected(catalogue: Path, file: str, loc: FieldPath) -> None:
    path = catalogue / file
    line, column = rewrite(path, loc, "\\n")
    problems = rejected(catalogue)
    [problem] = [p for p in problems if p.file == path]
    # An entry that fails its model still defines its id: what names it is not "unknown".
    assert not [p for p in problems if p.message.startswith("tuntematon ")]
    assert problem.format(catalogue) == (
        f"{file}:{line}:{column}: virhe [{'.'.join(map(str, loc))}]: "
        "tekstissä on rivinvaihto, mutta tämä kenttä on yksirivinen; kirjoita teksti yhdelle riville"
    )


def test_a_block_scalar_in_a_one_line_field_is_rejected(catalogue: Path) -> None:
    path = catalogue / "services" / "uusi.yml"
    path.write_text(
        "name: |\n  Uusi\n  palvelu\nprovider: kela\narea: region\nwhat: Jotain.\n"
        "contacts:\n  - name: >\n      Toimisto\n\n      toinen kappale\n",
        encoding="utf-8",
    )
    assert [(p.line, p.field) for p in rejected(catalogue)] == [(1, "name"), (8, "contacts.0.name")]


def test_a_block_scalar_with_one_line_is_one_line(catalogue: Path) -> None:
    """The trailing line break of ``|`` or ``>`` is not a second line."""
    entry = new_service(
        catalogue,
        "name: |\n  Uusi palvelu\nsummary: >\n  Yksi\n  virke.\n"
        "provider: kela\narea: region\nwhat: Jotain.\n",
    )
    assert (entry.name, entry.summary) == ("Uusi palvelu", "Yksi virke.")
