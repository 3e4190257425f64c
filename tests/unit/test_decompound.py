"""Finnish compound splitting and base forms for the search index (Voikko), and the build without it.

scripts/test installs Voikko (libvoikko1, voikko-fi), so these tests require it: a
machine without it fails here instead of silently testing nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.i18n import use_language
from generator.model.entries import ServiceEntry
from generator.model.vocabulary import VocabularyEntry
from generator.search import morphology
from generator.search.morphology import Morphology, load_morphology, words
from generator.search.terms import TERMS_CLASS, search_terms, terms_html
from tests.helpers import tarjotin_build


@pytest.fixture(scope="module")
def voikko() -> Morphology:
    available = load_morphology()
    assert available.morphology is not None, f"Voikko is needed for these tests: {available.warning}"
    return available.morphology


@pytest.fixture
def without_voikko(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv(morphology.SWITCH, "off")
    load_morphology.cache_clear()
    try:
        yield
    finally:
        monkeypatch.delenv(morphology.SWITCH)
        load_morphology.cache_clear()


@pytest.mark.parametrize(
    "word, expected",
    [
        # the parts, in base form, and the tails of a compound
        ("päihdesairaanhoitaja", {"päihde", "sairas", "hoitaja", "sairaanhoitaja"}),
        ("mielenterveyspalvelut", {"mielenterveyspalvelu", "mieli", "terveys", "palvelu", "terveyspalvelu"}),
        # a stem change that Pagefind's stemmer does not see through
        ("sosiaalihuollon", {"sosiaalihuolto", "huolto"}),
        ("nuorille", {"nuori"}),
        # a compound Voikko does not know: split into two words it does know
        ("työhönvalmentaja", {"työhön", "valmentaja"}),
        # hyphens
        ("b-lausunnon", {"b-lausunto", "lausunto"}),
        ("te-palvelut", {"palvelu"}),
    ],
)
def test_a_word_is_found_by_its_parts_and_base_forms(
    voikko: Morphology, word: str, expected: set[str]
) -> None:
    terms = set(voikko.index_terms(word))
    assert expected <= terms, terms
    assert word not in terms


def test_short_parts_unknown_words_and_odd_readings_add_nothing(voikko: Morphology) -> None:
    assert voikko.index_terms("työ") == ()  # shorter than a word worth analysing
    assert voikko.index_terms("xyzzyq") == ()
    assert "työ" not in voikko.index_terms("työhönvalmentaja")  # parts under four letters
    # The reading with the fewest parts: asian|tuntija, not asian|tunti|jana.
    assert {"tunti", "jana"}.isdisjoint(voikko.index_terms("asiantuntijana"))


def test_genitives_of_us_nouns(voikko: Morphology) -> None:
    assert voikko.genitives("masennus") == ("masennuksen",)
    assert voikko.genitives("terveys") == ("terveyden",)
    assert voikko.genitives("lääkäri") == ()


class _CountingVoikko:
    def __init__(self, real: Any) -> None:
        self.real = real
        self.calls: list[str] = []

    def analyze(self, word: str) -> Any:
        self.calls.append(word)
        return self.real.analyze(word)


def test_each_word_is_analysed_once(voikko: Morphology) -> None:
    counting = _CountingVoikko(voikko.voikko)
    fresh = Morphology(counting)
    first = fresh.index_terms("päihdesairaanhoitaja")
    analysed = len(counting.calls)
    assert fresh.index_terms("päihdesairaanhoitaja") == first
    assert len(counting.calls) == analysed  # the second time from the cache


def _entry(**fields: Any) -> ServiceEntry:
    return ServiceEntry.model_validate(
        {"name": "Palvelu", "provider": "kunta", "area": "region", "what": "Teksti.", **fields}
    )


VOCABULARY = [
    VocabularyEntry(term="työkyky", en=["work ability"], sv=["arbetsförmåga"]),
    VocabularyEntry(term="mielenterveys", fi=["masennus"]),
]


def test_terms_by_where_the_catalogue_has_them(voikko: Morphology) -> None:
    named = _entry(name="Työkyvyn tuki", keywords=["työkyky"], what="Päihdesairaanhoitaja auttaa.")
    terms = search_terms(named, VOCABULARY, voikko)
    # the term as a keyword of its own: its words rank with the name
    assert {"work ability", "arbetsförmåga"} <= set(terms.strong)
    # a part of a word in the sections: low weight
    assert {"sairaanhoitaja", "hoitaja"} <= set(terms.weak)
    # words the page already has are not repeated
    assert "työkyky" not in terms.strong + terms.middle + terms.weak

    inside = _entry(summary="Tekee työkykykartoituksen.", what="Mielenterveyden tukea.")
    terms = search_terms(inside, VOCABULARY, voikko)
    assert "arbetsförmåga" in terms.middle  # only inside a longer word of the summary
    # mielenterveyden: the term is only in the sections, where it adds its parts but no vocabulary words
    assert {"mieli", "terveys"} <= set(terms.weak)
    assert "masennus" not in terms.strong + terms.middle + terms.weak


def test_terms_pagefind_finds_anyway_are_left_out(voikko: Morphology) -> None:
    entry = _entry(
        name="Nuorten työpaja",
        summary="Työeläkelaitokset tarjoavat tukea.",
        what="Päihdesairaanhoitaja auttaa nuoria. Tietoa niistä.",
    )
    terms = search_terms(entry, [], voikko)
    everything = terms.strong + terms.middle + terms.weak
    # base forms and parts of the name and summary
    assert {"nuori", "paja", "tuki", "työeläkelaitos", "eläkelaitos"} <= set(terms.strong)
    # the parts of a compound in the sections
    assert {"sairaanhoitaja", "sairas", "hoitaja"} <= set(terms.weak)
    # Pagefind's prefix match finds the page by a term whose stem starts a longer one of the page
    assert "päihde" not in everything  # päihdesairaanhoitaja
    assert "sairaan" not in everything  # sairaanhoitaja
    # base forms of the sections' words: Pagefind's stemmer finds their inflected forms
    assert "tieto" not in everything
    # base forms Voikko reads only as a verb or a pronoun: tarjoavat → tarjota, niistä → niistää
    assert {"tarjota", "niistää"}.isdisjoint(everything)


def test_terms_html_is_hidden_escaped_and_weighted() -> None:
    html = terms_html(search_terms(_entry(keywords=["<b>työkyky</b>"]), VOCABULARY, None))
    assert html.count(f'class="{TERMS_CLASS}" hidden data-pagefind-weight="2"') == 1
    assert "&lt;b&gt;" not in html and "<b>" not in html  # the words of the keyword, not its markup
    assert "work ability" in html


def test_without_voikko_only_the_vocabulary_is_added(without_voikko: None) -> None:
    assert load_morphology().morphology is None
    assert "TARJOTIN_VOIKKO=off" in load_morphology().warning
    terms = search_terms(_entry(keywords=["työkyky"], what="Päihdesairaanhoitaja."), VOCABULARY, None)
    assert set(terms.strong) == {"work ability", "arbetsförmåga"}
    assert terms.weak == ()


def test_the_warning_without_voikko_is_finnish_or_english() -> None:
    missing = morphology.Availability(None, "Voikko has no Finnish dictionary ({error})", "no fi")
    assert missing.warning == (
        "Voikko ei ole käytettävissä (Voikolla ei ole suomen kielen sanastoa (no fi)): haku rakennetaan "
        "jakamatta yhdyssanoja osiin ja ilman sanojen perusmuotoja, joten esimerkiksi haku 'valmentaja' "
        "ei löydä sanaa 'työhönvalmentaja'; asenna Debianin paketit libvoikko1 ja voikko-fi "
        "(scripts/build ja scripts/test asentavat ne), niin haku jakaa yhdyssanat osiin"
    )
    with use_language("en"):
        assert missing.warning == (
            "Voikko is not available (Voikko has no Finnish dictionary (no fi)): search is built without "
            "compound splitting and base forms, so e.g. 'valmentaja' does not find 'työhönvalmentaja'; "
            "install Debian's packages libvoikko1 and voikko-fi (scripts/build and scripts/test do) "
            "to split compound words for search"
        )


def _page(site: Path, service: str) -> str:
    return (site / "palvelut" / service / "index.html").read_text(encoding="utf-8")


def test_the_site_builds_with_the_terms(mini_project: Path, tmp_path: Path, voikko: Morphology) -> None:
    service = mini_project / "catalogue" / "services" / "eka.yml"
    text = service.read_text(encoding="utf-8")
    service.write_text(text.replace("Palvelu tekee", "Päihdesairaanhoitaja tekee"), encoding="utf-8")
    site = tmp_path / "site"
    result = tarjotin_build(mini_project, site)
    assert result.exit_code == 0, result.output
    assert "Voikko ei ole käytettävissä" not in result.output
    blocks = re.findall(rf'class="{TERMS_CLASS}"[^>]*>([^<]*)<', _page(site, "eka"))
    assert "sairaanhoitaja" in ", ".join(blocks).split(", ")  # a part of päihdesairaanhoitaja


def test_the_site_builds_without_voikko_and_says_so(
    mini_project: Path, tmp_path: Path, without_voikko: None
) -> None:
    site = tmp_path / "site"
    result = tarjotin_build(mini_project, site)
    assert result.exit_code == 0, result.output
    assert "Voikko ei ole käytettävissä (TARJOTIN_VOIKKO=off): " in result.output
    assert "haku rakennetaan jakamatta yhdyssanoja osiin" in result.output
    assert TERMS_CLASS not in _page(site, "eka")
    assert (site / "pagefind" / "pagefind-entry.json").is_file()


def test_words_are_lowercase_letters_with_inner_hyphens() -> None:
    found = words("TE-palvelut, B-lausunto! 15-29-vuotiaille -x")
    assert found == ["te-palvelut", "b-lausunto", "vuotiaille", "x"]
