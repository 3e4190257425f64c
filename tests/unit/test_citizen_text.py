"""The citizens' pages' words: readable link texts, abbreviations written out, ways in."""

from __future__ import annotations

import pytest

from generator.render.glossary import Explainer, expansions
from generator.render.link_text import link_text, separate_links
from generator.site.labels import FINNISH


@pytest.mark.parametrize(
    ("title", "shown"),
    [
        # The home-page word moves to the end, in lower case.
        ("Etusivu - Kiipula", "Kiipula – etusivu"),
        ("Etusivu | Päijäthämäläiset", "Päijäthämäläiset – etusivu"),
        (
            "Lahden Hierojakoulu / Joensuun Hierojakoulu / Lappeenrannan Hierojakoulu - Etusivu",
            "Lahden Hierojakoulu – Joensuun Hierojakoulu – Lappeenrannan Hierojakoulu – etusivu",
        ),
        # A breadcrumb between pipes goes; the page and the site stay.
        ("Kuntoutus | Henkilöasiakkaat | Kela", "Kuntoutus – Kela"),
        # A repeated part and a bracketed note go.
        ("Päijät-Hämeen hyvinvointialue - Päijät-Hämeen hyvinvointialue", "Päijät-Hämeen hyvinvointialue"),
        (
            "Verkostowiki [licensed for non-commercial use only] / Palvelukartoitus",
            "Verkostowiki – Palvelukartoitus",
        ),
        # An address shows its host.
        ("https://www.sysma.fi/", "sysma.fi"),
        # Hyphens inside words are not separators, and the order of the parts is kept.
        ("Sote-keskusten terveyspalvelut - Päijät-Sote", "Sote-keskusten terveyspalvelut – Päijät-Sote"),
        ("Koulutuskeskus Salpaus - Ole hyvä.", "Koulutuskeskus Salpaus – Ole hyvä."),
        ("Lahden kansanopisto", "Lahden kansanopisto"),
        ("Etusivu", "Etusivu"),
    ],
)
def test_link_titles_become_readable_link_texts(title: str, shown: str) -> None:
    assert link_text(title) == shown


def test_links_that_run_together_get_a_comma() -> None:
    text = "Lisätietoja [A - B](https://a.fi/) [C](<https://c.fi/>) ja [D](https://d.fi/)\n[E](e.md)"
    assert separate_links(text) == (
        "Lisätietoja [A - B](https://a.fi/), [C](<https://c.fi/>) ja [D](https://d.fi/)\n[E](e.md)"
    )


TERMS = {
    "TYP": "Työllistymistä edistävä monialainen yhteispalvelu",
    "TE": "työ- ja elinkeino-",
    "TE-palvelut": "työ- ja elinkeinopalvelut",
    "Kela": "Kansaneläkelaitos",
    "B-lausunto": "lääkärinlausunto",
}


def test_the_first_occurrence_of_each_term_is_written_out_and_the_rest_are_left_alone() -> None:
    page = (
        '---\njson_ld: \'{"name": "TYP"}\'\n---\n\n'
        "# TYP ja Kela\n\n"
        "TYP auttaa. TYP:n kautta ja Kelan kanssa; B\\-lausunto ja TE\\-asiantuntija.\n\n"
        "- TYP, Kela ja TE\\-palvelut\n"
        '<p hidden data-x="Kela">TE</p>\n'
        "[Päijät-Hämeen TYP](https://x.fi/TYP) `TE` {: .TYP }\n"
    )
    assert Explainer(TERMS).explain(page) == (
        '---\njson_ld: \'{"name": "TYP"}\'\n---\n\n'
        "# TYP ja Kela\n\n"
        "TYP (Työllistymistä edistävä monialainen yhteispalvelu) auttaa. TYP:n kautta ja "
        "Kelan (Kansaneläkelaitos) kanssa; B\\-lausunto (lääkärinlausunto) ja "
        "TE\\-asiantuntija (TE: työ\\- ja elinkeino\\-).\n\n"
        "- TYP, Kela ja TE\\-palvelut (työ\\- ja elinkeinopalvelut)\n"
        '<p hidden data-x="Kela">TE</p>\n'
        "[Päijät-Hämeen TYP](https://x.fi/TYP) `TE` {: .TYP }\n"
    )


def test_a_term_the_page_has_already_written_out_is_not_explained_again() -> None:
    page = "# Työllistymistä edistävä monialainen yhteispalvelu TYP\n\nTYP auttaa.\n"
    assert Explainer(TERMS).explain(page) == page


def test_an_explanation_from_yaml_is_plain_text_in_the_markdown() -> None:
    explained = Explainer({"XY": "<b>*lihava*</b> [linkki](javascript:x)"}).explain("XY on tässä.\n")
    assert explained == "XY (&lt;b&gt;\\*lihava\\*&lt;/b&gt; \\[linkki\\]\\(javascript:x\\)) on tässä.\n"


def test_an_expansion_that_spells_out_compounds_gives_each_its_own(default_catalogue) -> None:  # type: ignore[no-untyped-def]
    found = expansions(default_catalogue.professional.glossary)
    assert found["TE"] == "työ- ja elinkeino-"
    assert found["TE-toimisto"] == "työ- ja elinkeinotoimisto"
    assert found["TE-palvelut"] == "työ- ja elinkeinopalvelut"
    # Parentheses that spell nothing out stay part of the expansion.
    assert found["EHL"] == "erityishuoltolaki (laki kehitysvammaisten erityishuollosta)"
    assert "Keva" not in found  # a definition only: on the glossary page, not in a sentence


@pytest.mark.parametrize(
    ("routes", "sentence"),
    [
        (["self"], "Palveluun pääsee ottamalla itse yhteyttä."),
        (["decision"], "Palveluun pääsee palvelupäätöksellä."),
        (["referral", "self"], "Palveluun pääsee ottamalla itse yhteyttä tai ammattilaisen ohjaamana."),
        (
            ["self", "referral", "decision"],
            "Palveluun pääsee ottamalla itse yhteyttä, ammattilaisen ohjaamana tai palvelupäätöksellä.",
        ),
        ([], ""),
    ],
)
def test_the_ways_in_read_as_alternatives(routes: list[str], sentence: str) -> None:
    assert FINNISH.access_sentence(routes) == sentence
