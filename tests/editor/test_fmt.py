"""`tarjotin fmt`: model key order and one indentation style, comments kept, never a broken write."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, create_model

import generator.edit.formatting as formatting
from generator.edit.formatting import Outcome, catalogue_files, format_file, format_text
from generator.edit.key_order import reorder_keys
from generator.edit.kinds import kind_of
from tests.editor.conftest import PROJECT, Run

SERVICES = Path("catalogue/services")

#: Keys out of order, odd indentation and comments in every position a comment can be.
MESSY = """\
# yaml-language-server: $schema=../../schemas/service.schema.json
# Tämä tiedosto on testi.

# Lyhyt kuvaus.
summary: Lyhyt.   # rivin lopun kommentti
name: Sotkuinen palvelu
access:
    # reitin selitys
    note: Huom.
    routes: [self]  # itse
    # accessin loppu
# ennen mitä-osiota
what: |
  Teksti.

  Toinen kappale.
links:
- url: https://example.org/a
  # otsikon selitys
  title: A
# toinen linkki
- {url: https://example.org/b, title: B}
contacts: [{opening_hours: [ma klo 9–15], name: Neuvonta}]
provider: kela
area: region
# loppu
"""

TIDY = """\
# yaml-language-server: $schema=../../schemas/service.schema.json
# Tämä tiedosto on testi.

name: Sotkuinen palvelu
# Lyhyt kuvaus.
summary: Lyhyt.   # rivin lopun kommentti
provider: kela
area: region
# ennen mitä-osiota
what: |
  Teksti.

  Toinen kappale.
access:
  routes: [self]  # itse
  # reitin selitys
  note: Huom.
  # accessin loppu
contacts: [{name: Neuvonta, opening_hours: [ma klo 9–15]}]
links:
  # otsikon selitys
  - title: A
    url: https://example.org/a
  # toinen linkki
  - {title: B, url: https://example.org/b}
# loppu
"""


def write(project: Path, name: str, text: str) -> Path:
    path = project / SERVICES / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_shipped_catalogue_is_already_formatted(run: Run, project: Path) -> None:
    count = len(catalogue_files(project / "catalogue"))
    result = run("fmt", "--check")
    assert result.exit_code == 0, result.output
    assert result.stderr == f"✓ 0 tiedostoa siistittäisiin, {count} oli jo siisti\n"


def test_fmt_orders_keys_and_keeps_every_comment(run: Run, project: Path) -> None:
    path = write(project, "sotkuinen.yml", MESSY)
    result = run("fmt")
    assert result.exit_code == 0, result.output
    assert "siistitty: catalogue/services/sotkuinen.yml\n" in result.stderr
    assert path.read_text(encoding="utf-8") == TIDY
    assert run("validate").exit_code == 0


def test_fmt_is_idempotent(run: Run, project: Path) -> None:
    path = write(project, "sotkuinen.yml", MESSY)
    assert run("fmt", str(path)).exit_code == 0
    again = run("fmt", "--check", str(path))
    assert again.exit_code == 0, again.output
    assert again.stderr == "✓ 0 tiedostoa siistittäisiin, 1 oli jo siisti\n"


def test_check_reports_without_writing(run: Run, project: Path) -> None:
    path = write(project, "sotkuinen.yml", MESSY)
    result = run("fmt", "--check")
    assert result.exit_code == 1
    assert "siistittäisiin: catalogue/services/sotkuinen.yml\n" in result.stderr
    count = len(catalogue_files(project / "catalogue")) - 1
    assert result.stderr.endswith(f"✗ 1 tiedosto siistittäisiin, {count} oli jo siisti\n")
    assert path.read_text(encoding="utf-8") == MESSY


def test_indentation_is_evened_out(project: Path) -> None:
    path = write(
        project,
        "sisennys.yml",
        "name: A\nprovider: kela\narea: region\nwhat: x\naccess:\n      routes: [self]\n"
        "keywords:\n- yksi\n-   kaksi\n",
    )
    result = format_file(path)
    assert result.outcome is Outcome.CHANGED
    assert result.text.endswith("access:\n  routes: [self]\nkeywords:\n  - yksi\n  - kaksi\n")


def test_a_catalogue_file_gets_its_schema_line(project: Path) -> None:
    path = write(project, "ilman.yml", "name: A\nprovider: kela\narea: region\nwhat: x\n")
    result = format_file(path)
    assert result.text == (
        "# yaml-language-server: $schema=../../schemas/service.schema.json\n"
        "name: A\nprovider: kela\narea: region\nwhat: x\n"
    )


def test_a_list_inside_a_list_keeps_its_compact_style(project: Path) -> None:
    path = project / "catalogue" / "taulukko.yml"
    text = "rows:\n  - - >-\n      Pitkä teksti,\n      kahdella rivillä.\n    - b\n  - - c\n    - d\n"
    path.write_text(text, encoding="utf-8")
    assert format_file(path).outcome is Outcome.UNCHANGED


def test_files_that_cannot_be_read_safely_are_never_written(run: Run, project: Path) -> None:
    duplicate = write(project, "kaksi.yml", "name: A\nname: B\nprovider: kela\narea: region\nwhat: x\n")
    syntax = write(project, "rikki.yml", "name: [A\n")
    messy = write(project, "sotkuinen.yml", MESSY)
    result = run("fmt")
    assert result.exit_code == 1
    assert (
        "catalogue/services/kaksi.yml:2:1: virhe\n"
        " 2 | name: B\n"
        "   | ^\n"
        "   = kenttä 'name' on kirjoitettu kahdesti (ensimmäisen kerran rivillä 1)\n"
        "   = vihje: säilytä niistä yksi; YAML käyttäisi huomaamatta vain viimeistä\n"
        "\n"
        "✗ catalogue/services/kaksi.yml: ei siistitty\n"
    ) in result.stderr
    assert "✗ catalogue/services/rikki.yml: ei siistitty\n" in result.stderr
    count = len(catalogue_files(project / "catalogue")) - 3
    assert result.stderr.endswith(f"✗ 1 tiedosto siistitty, {count} oli jo siisti, 2 ei voitu siistiä\n")
    assert (
        duplicate.read_text(encoding="utf-8") == "name: A\nname: B\nprovider: kela\narea: region\nwhat: x\n"
    )
    assert syntax.read_text(encoding="utf-8") == "name: [A\n"
    assert messy.read_text(encoding="utf-8") == TIDY, "the other files are still formatted"


def test_a_missing_file_is_reported(run: Run) -> None:
    result = run("fmt", "catalogue/services/ei-ole.yml")
    assert result.exit_code == 1
    assert (
        "catalogue/services/ei-ole.yml: virhe\n  = tiedostoa ei voi lukea: No such file or directory\n"
        in (result.stderr)
    )


def test_formatting_that_would_change_the_data_is_refused(
    run: Run, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(project, "sotkuinen.yml", MESSY)

    def lossy(text: str, model: object) -> str:
        return text.replace("Sotkuinen palvelu", "Toinen palvelu")

    monkeypatch.setattr(formatting, "reorder_keys", lossy)
    result = run("fmt", str(path))
    assert result.exit_code == 1
    assert "= siistiminen muuttaisi tiedoston tietoja, joten tiedosto jätettiin ennalleen\n" in result.stderr
    assert path.read_text(encoding="utf-8") == MESSY


def test_crlf_line_endings_are_normalised(project: Path) -> None:
    path = project / SERVICES / "kela.yml"
    original = path.read_text(encoding="utf-8")
    path.write_bytes(original.replace("\n", "\r\n").encode("utf-8"))
    result = format_file(path)
    assert result.outcome is Outcome.CHANGED
    assert result.text == original


def _reversed(model: type[BaseModel]) -> type[BaseModel]:
    """The model with its top-level fields in reverse order, to scramble a file."""
    fields: dict[str, Any] = {name: (info.annotation, info) for name, info in model.model_fields.items()}
    return create_model(f"Reversed{model.__name__}", **dict(reversed(fields.items())))


SHIPPED = [*sorted((PROJECT / "catalogue" / "services").glob("*.yml")), PROJECT / "catalogue" / "region.yml"]


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_a_scrambled_shipped_file_formats_back_to_itself(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    kind = kind_of(path, text)
    assert kind is not None
    scrambled = reorder_keys(text, _reversed(kind.model))
    assert scrambled != text
    assert format_text(path, scrambled, kind) == text
