"""catalogue/vocabulary.yml: validated against the catalogue, and shipped for Päijät-Häme."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.validate.catalogue import load_catalogue


def _problems(catalogue: Path, vocabulary: str) -> list[Any]:
    (catalogue / "vocabulary.yml").write_text(vocabulary, encoding="utf-8")
    loaded, problems = load_catalogue(catalogue)
    assert loaded is None
    return [p for p in problems.errors if p.file.name == "vocabulary.yml"]


def test_a_term_must_be_in_some_services_text(mini_catalogue: Path) -> None:
    errors = _problems(
        mini_catalogue,
        "terms:\n  - term: palvelu\n    en: [service]\n  - term: hammaslääkäri\n    en: [dentist]\n",
    )
    assert [(e.line, e.field) for e in errors] == [(4, "terms.1.term")]
    assert errors[0].message == (
        "termiä 'hammaslääkäri' ei ole minkään palvelun tekstissä, joten sen hakusanat eivät löytäisi mitään"
    )
    assert errors[0].suggestion


def test_an_entry_needs_words(mini_catalogue: Path) -> None:
    errors = _problems(mini_catalogue, "terms:\n  - term: palvelu\n")
    assert [(e.line, e.field) for e in errors] == [(2, "terms.0")]
    assert "anna vähintään yksi sana kentässä fi, en tai sv" in errors[0].message


def test_a_word_belongs_to_one_term(mini_catalogue: Path) -> None:
    errors = _problems(
        mini_catalogue, "terms:\n  - term: asioita\n    fi: [juttu]\n  - term: eka\n    en: [Juttu]\n"
    )
    assert [(e.line, e.field) for e in errors] == [(5, "terms.1.en.0")]
    assert errors[0].message == "sana 'Juttu' on sekä termin 'asioita' että termin 'eka' alla"
    assert errors[0].suggestion == "kirjoita sana vain yhden termin alle"


def test_a_vocabulary_that_fits_the_catalogue_loads(mini_catalogue: Path) -> None:
    (mini_catalogue / "vocabulary.yml").write_text("terms:\n  - term: Asioita\n    fi: [juttuja]\n")
    loaded, problems = load_catalogue(mini_catalogue)
    assert loaded is not None, [p.message for p in problems.errors]
    assert [entry.words for entry in loaded.vocabulary] == [["juttuja"]]


def test_the_shipped_vocabulary_is_valid(default_catalogue: Any) -> None:
    terms = {entry.term for entry in default_catalogue.vocabulary}
    assert {"mielenterveys", "TE-toimisto", "Kela", "kuntoutus"} <= terms
    assert all(entry.words for entry in default_catalogue.vocabulary)
