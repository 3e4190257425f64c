"""The shape of the material for professionals under ``catalogue/professional/``.

Service paths, client examples, recognition checklists, the work-ability
question, customer participation and the glossary. Like the service models,
these are the single source of truth for validation and the JSON Schemas.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, model_validator

from generator.model.entries import Link, Markdown, Slug, Strict, Text

SourceId = Annotated[
    str,
    Field(
        pattern=r"^\d{3}$",
        description='Lähdeaineiston numero (esim. "002"), josta tieto on peräisin.',
    ),
]


class Phase(Strict):
    """One phase of a service path."""

    name: Text = Field(description="Vaiheen nimi, esim. Tunnistaminen.")
    client: Markdown | None = Field(None, description="Asiakkaan näkökulma tähän vaiheeseen.")
    professional: Markdown | None = Field(None, description="Ammattilaisen näkökulma tähän vaiheeseen.")
    description: Markdown | None = Field(
        None, description="Vaiheen kuvaus, kun lähde ei erottele näkökulmia."
    )
    services: list[Slug] | None = Field(None, description="Vaiheessa mukana olevat palvelut.")

    @model_validator(mode="after")
    def _has_text(self) -> Phase:
        if not (self.client or self.professional or self.description):
            raise ValueError("a phase needs 'client', 'professional' or 'description' text")
        return self


class PathFile(Strict):
    """A service path: ``catalogue/professional/paths/<id>.yml``."""

    name: Text = Field(description="Palvelupolun nimi.")
    source: SourceId
    intro: Markdown | None = Field(None, description="Johdanto.")
    case: Slug | None = Field(None, description="Polkua havainnollistava asiakasesimerkki.")
    links: list[Link] | None = Field(None, description="Linkit, esim. esimerkkipolkujen PDF:t.")
    phases: Annotated[list[Phase], Field(min_length=1)] = Field(description="Vaiheet järjestyksessä.")


class CaseFile(Strict):
    """A client example: ``catalogue/professional/cases/<id>.yml``."""

    name: Text = Field(description="Asiakkaan etunimi esimerkissä.")
    age: int = Field(ge=0, le=120, description="Ikä vuosina.")
    source: SourceId
    background: Markdown = Field(description="Tausta.")
    needs: Markdown | None = Field(None, description="Tarpeet.")
    goals: Markdown | None = Field(None, description="Tavoitteet.")
    services: list[Slug] | None = Field(
        None, description="Palvelutarjottimen palvelut, joita asiakas käyttää."
    )
    other_services: list[Text] | None = Field(
        None, description="Muut esimerkissä mainitut palvelut ja keinot (lähteen sanoin)."
    )
    coordinator: Text | None = Field(None, description="Kuka koordinoi asiakkaan palveluja.")
    coordinator_tasks: Markdown | None = Field(None, description="Koordinoivan työntekijän tehtävät.")
    notes: Markdown | None = Field(None, description="Muut lähteen otsikoimat tiedot.")


class ChecklistItem(Strict):
    text: Text = Field(description="Tarkistettava asia.")
    services: list[Slug] | None = Field(None, description="Palvelut, jotka vastaavat tähän tilanteeseen.")


class ChecklistFile(Strict):
    """A recognition checklist: ``catalogue/professional/checklists/<id>.yml``."""

    title: Text = Field(description="Tarkistuslistan otsikko.")
    source: SourceId
    intro: Markdown | None = Field(None, description="Johdanto.")
    items: Annotated[list[ChecklistItem], Field(min_length=1)]
    guidance: Markdown | None = Field(None, description="Mitä tehdä, kun kohtia täyttyy.")
    services: list[Slug] | None = Field(
        None, description="Palvelut, joihin lista ohjaa, kun jokin kohta täyttyy."
    )
    paths: list[Slug] | None = Field(
        None, description="Palvelupolut, joihin lista ohjaa, kun jokin kohta täyttyy."
    )
    basis: Text | None = Field(None, description="Miksi lista ohjaa juuri näihin palveluihin ja polkuihin.")


class ScaleLabel(Strict):
    value: int
    text: Text


class Scale(Strict):
    min: int
    max: int

    @model_validator(mode="after")
    def _ordered(self) -> Scale:
        if self.min >= self.max:
            raise ValueError(f"scale min {self.min} must be below max {self.max}")
        return self


class WorkAbilityScoreFile(Strict):
    """The work-ability question: ``catalogue/professional/work-ability-score.yml``."""

    name: Text
    source: SourceId
    question: Markdown
    instructions: Markdown | None = None
    scale: Scale
    labels: list[ScaleLabel] | None = None
    threshold: int = Field(description="Tätä pienempi tai yhtä suuri vastaus kannattaa selvittää.")
    threshold_text: Text
    usage: Markdown | None = None
    links: list[Link] | None = None
    other_measures: list[Link] | None = None

    @model_validator(mode="after")
    def _threshold_on_scale(self) -> WorkAbilityScoreFile:
        if not self.scale.min <= self.threshold <= self.scale.max:
            raise ValueError(f"threshold {self.threshold} is outside the scale")
        return self


class Table(Strict):
    columns: Annotated[list[Text], Field(min_length=1)]
    rows: list[list[Text]]

    @model_validator(mode="after")
    def _rectangular(self) -> Table:
        for number, row in enumerate(self.rows, start=1):
            if len(row) != len(self.columns):
                raise ValueError(
                    f"row {number} has {len(row)} cells but there are {len(self.columns)} columns"
                )
        return self


class ParticipationFile(Strict):
    """Customer participation: ``catalogue/professional/participation.yml``."""

    title: Text
    source: SourceId
    intro: Markdown | None = None
    what: Markdown | None = None
    why: Markdown | None = None
    how: Markdown | None = None
    for_whom: Markdown | None = None
    links: list[Link] | None = None
    table_title: Text | None = None
    table: Table | None = None


class Term(Strict):
    term: Text = Field(description="Lyhenne tai käsite sellaisenaan kuin se teksteissä kirjoitetaan.")
    expansion: Text | None = Field(None, description="Lyhenteen auki kirjoitettu muoto.")
    definition: Text | None = Field(None, description="Lyhyt selitys.")
    source: SourceId | None = None


class GlossaryFile(Strict):
    """The glossary: ``catalogue/professional/glossary.yml``."""

    terms: Annotated[list[Term], Field(min_length=1)]
