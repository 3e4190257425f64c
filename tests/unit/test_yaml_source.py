"""Reading hostile or broken YAML: a clear problem naming file and line, never a crash."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from generator.load.yaml_source import MAX_FILE_BYTES, read_yaml
from generator.problems import Problems


def read(tmp_path: Path, content: str | bytes) -> tuple[object, Problems]:
    path = tmp_path / "entry.yml"
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    problems = Problems()
    document = read_yaml(path, problems)
    return document, problems


def only(problems: Problems) -> tuple[int | None, str, str | None]:
    assert len(problems) == 1, [p.format() for p in problems]
    problem = problems.items[0]
    assert problem.file.name == "entry.yml"
    return problem.line, problem.message, problem.suggestion


def test_reads_values_with_positions(tmp_path: Path) -> None:
    document, problems = read(tmp_path, "name: Kela\nlinks:\n  - title: A\n    url: https://a.fi/\n")
    assert not problems
    assert document.data == {"name": "Kela", "links": [{"title": "A", "url": "https://a.fi/"}]}
    assert document.locate(("links", 0, "url")) == (4, 10)
    assert document.locate(("links", 0, "url"), key=True) == (4, 5)
    assert document.locate(("links", 5, "missing")) == (3, 3)


def test_dates_are_dates(tmp_path: Path) -> None:
    document, problems = read(tmp_path, "until: 2023-12-31\n")
    assert not problems
    assert document.data == {"until": date(2023, 12, 31)}


def test_impossible_date(tmp_path: Path) -> None:
    _, problems = read(tmp_path, "name: x\nuntil: 2023-02-30\n")
    assert only(problems) == (
        2,
        "'2023-02-30' ei ole oikea päivämäärä",
        "kirjoita päivämäärä muodossa VVVV-KK-PP",
    )


def test_duplicate_key(tmp_path: Path) -> None:
    _, problems = read(tmp_path, "name: A\nwhat: x\nname: B\n")
    assert only(problems) == (
        3,
        "kenttä 'name' on kirjoitettu kahdesti (ensimmäisen kerran rivillä 1)",
        "säilytä niistä yksi; YAML käyttäisi huomaamatta vain viimeistä",
    )


def test_alias_bomb_is_refused_quickly(tmp_path: Path) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i, name in enumerate("bcdefghi"):
        previous = "abcdefghi"[i]
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    _, problems = read(tmp_path, "\n".join(lines) + "\n")
    line, message, suggestion = only(problems)
    assert line == 2
    assert message == "YAML-ankkurit ja -viittaukset (&nimi / *nimi) eivät ole sallittuja"
    assert suggestion == "kirjoita arvo kokonaan näkyviin"


def test_python_tag_is_refused_and_not_run(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    _, problems = read(tmp_path, f"name: !!python/object/apply:os.system ['touch {marker}']\n")
    line, message, _ = only(problems)
    assert line == 1
    assert message == "YAML-tunniste 'tag:yaml.org,2002:python/object/apply:os.system' ei ole sallittu"
    assert not marker.exists()


def test_custom_local_tag(tmp_path: Path) -> None:
    _, problems = read(tmp_path, "name: !secret x\n")
    assert only(problems)[1] == "YAML-tunniste '!secret' ei ole sallittu"


def test_file_too_large(tmp_path: Path) -> None:
    _, problems = read(tmp_path, "a: " + "x" * (10 * MAX_FILE_BYTES) + "\n")
    assert only(problems) == (
        None,
        "tiedoston koko on 10,0 Mt; enimmäiskoko on 1 Mt",
        "onko tämä varmasti luettelon tiedosto?",
    )


def test_invalid_utf8(tmp_path: Path) -> None:
    _, problems = read(tmp_path, b"name: ok\nwhat: caf\xe9 au lait\n")
    problem = problems.items[0]
    assert only(problems) == (
        2,
        "tiedosto ei ole kelvollista UTF-8-tekstiä (tavu 0xe9)",
        "tallenna tiedosto UTF-8-muodossa",
    )
    assert problem.column == 10


def test_tab_indentation(tmp_path: Path) -> None:
    _, problems = read(tmp_path, "links:\n\t- title: x\n")
    assert only(problems) == (
        2,
        "sisennyksessä on sarkainmerkki (tab)",
        "sisennä välilyönneillä, ei sarkaimella",
    )


@pytest.mark.parametrize("content", ["", "\n\n", "# only a comment\n"])
def test_empty_file(tmp_path: Path, content: str) -> None:
    _, problems = read(tmp_path, content)
    assert only(problems) == (None, "tiedosto on tyhjä", "poista tiedosto tai täytä kentät")


def test_two_documents(tmp_path: Path) -> None:
    _, problems = read(tmp_path, "name: a\n---\nname: b\n")
    assert only(problems)[1:] == (
        "tiedostossa on useampi kuin yksi YAML-dokumentti",
        "poista erotinrivi '---'",
    )


def test_unquoted_colon_in_value(tmp_path: Path) -> None:
    _, problems = read(tmp_path, "name: Kela\nwhat: Huom: tärkeää: x\n")
    line, message, suggestion = only(problems)
    assert (line, message) == (
        2,
        "arvossa on kaksoispiste ja sen perässä välilyönti, jonka YAML lukee uuden kentän aluksi",
    )
    assert suggestion == 'kirjoita arvo lainausmerkkeihin: `what: "Huom: tärkeää: x"`'


def test_deep_nesting(tmp_path: Path) -> None:
    _, problems = read(tmp_path, "a: " + "[" * 40 + "]" * 40 + "\n")
    assert only(problems)[1] == "sisäkkäisiä tasoja on enemmän kuin 32"


def test_complex_key(tmp_path: Path) -> None:
    _, problems = read(tmp_path, "? [a, b]\n: c\n")
    assert only(problems)[:2] == (1, "kentän nimen pitää olla tavallinen sana")


def test_unreadable_path(tmp_path: Path) -> None:
    problems = Problems()
    assert read_yaml(tmp_path / "missing.yml", problems) is None
    assert problems.items[0].message.startswith("tiedostoa ei voi lukea: ")
