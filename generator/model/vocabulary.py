"""The shape of ``catalogue/vocabulary.yml``: the words people search with.

People search in their own words: *masennus* rather than *mielenterveys*,
*työkkäri* for the TE office, English or Swedish. Each entry names one of the
catalogue's own terms and the words that should find the services that use it.
It is search vocabulary, not facts about services: a word is added, with a low
weight, to the search index of every service whose text has the term. The
validator checks that every term is written in some service's text.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import ConfigDict, Field, model_validator

from generator.i18n import _
from generator.model.entries import Strict, Text

Words = Annotated[list[Text], Field(min_length=1)]


class VocabularyEntry(Strict):
    """One catalogue term and the words that should find it."""

    model_config = ConfigDict(
        json_schema_extra={
            "description": (
                "Palveluiden tekstien termi ja sanat, joilla ihmiset etsivät sitä: arkikieli, "
                "puhekieli, englanti ja ruotsi."
            )
        }
    )

    term: Text = Field(
        description=(
            "Termi niin kuin se on kirjoitettu jonkin palvelun nimessä, tiivistelmässä, teksteissä "
            "(Mitä, Miksi, Miten, Kenelle) tai hakusanoissa; myös osana pidempää sanaa käy. "
            "Sanat lisätään hakuun kaikille palveluille, joiden teksteissä termi on."
        ),
        examples=["mielenterveys"],
    )
    fi: Words | None = Field(
        None,
        description="Suomen arki- ja puhekielen sanat, joilla termiä haetaan.",
        examples=[["masennus", "ahdistus"]],
    )
    en: Words | None = Field(
        None, description="Englanninkieliset sanat tai ilmaukset.", examples=[["mental health", "depression"]]
    )
    sv: Words | None = Field(
        None, description="Ruotsinkieliset sanat tai ilmaukset.", examples=[["psykisk hälsa"]]
    )

    @model_validator(mode="after")
    def _has_words(self) -> VocabularyEntry:
        if not (self.fi or self.en or self.sv):
            raise ValueError(_("give at least one word in fi, en or sv"))
        return self

    @property
    def words(self) -> list[str]:
        """Every word of the entry, Finnish first."""
        return [*(self.fi or []), *(self.en or []), *(self.sv or [])]


class VocabularyFile(Strict):
    """The file ``catalogue/vocabulary.yml``."""

    model_config = ConfigDict(
        title="Hakusanasto",
        json_schema_extra={
            "description": (
                "Tiedosto catalogue/vocabulary.yml: arkikielen, puhekielen, englannin ja ruotsin "
                "sanat, joilla haku löytää palveluiden tekstien termit. Hakusanasto ei kerro "
                "palveluista mitään uutta. Tiedosto on valinnainen."
            )
        },
    )

    terms: Annotated[list[VocabularyEntry], Field(min_length=1)] = Field(
        description="Termit ja niiden hakusanat.",
        examples=[[{"term": "mielenterveys", "fi": ["masennus"], "en": ["mental health"]}]],
    )
