"""The shape of the material for professionals under ``catalogue/professional/``.

Service paths, client examples, recognition checklists, the work-ability
question, customer participation and the glossary. Like the service models,
these are the single source of truth for validation and the JSON Schemas, so
every field carries a Finnish description and an example for editors.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import ConfigDict, Field, StrictInt, model_validator

from generator.i18n import _
from generator.model.entries import Link, Markdown, Slug, Strict, Text

SourceId = Annotated[
    str,
    Field(
        pattern=r"^\d{3}$",
        description='Lähdeaineiston numero (esim. "002"), josta tieto on peräisin.',
        examples=["002"],
    ),
]

_LINKS_EXAMPLE = [[{"title": "Esimerkkipolku (PDF)", "url": "https://example.fi/polku.pdf"}]]


def _described(description: str, title: str | None = None) -> ConfigDict:
    """A model's Finnish description (and title) for the JSON Schema; docstrings stay English."""
    extra: dict[str, Any] = {"description": description}
    if title:
        extra["title"] = title
    return ConfigDict(json_schema_extra=extra, title=title)


class Phase(Strict):
    """One phase of a service path."""

    model_config = _described("Palvelupolun vaihe: asiakkaan ja ammattilaisen näkökulma.")

    name: Text = Field(description="Vaiheen nimi.", examples=["Tunnistaminen"])
    client: Markdown | None = Field(
        None,
        description="Asiakkaan näkökulma tähän vaiheeseen.",
        examples=["Asiakas tuo esille tuen tarpeen."],
    )
    professional: Markdown | None = Field(
        None,
        description="Ammattilaisen näkökulma tähän vaiheeseen.",
        examples=["Työntekijä arvioi työkyvyn tuen tarvetta."],
    )
    description: Markdown | None = Field(
        None,
        description="Vaiheen kuvaus, kun lähde ei erottele näkökulmia.",
        examples=["- asiakkaille kerrotaan palveluista"],
    )
    services: list[Slug] | None = Field(
        None, description="Vaiheessa mukana olevat palvelut (tiedostonimet ilman .yml).", examples=[["kela"]]
    )

    @model_validator(mode="after")
    def _has_text(self) -> Phase:
        if not (self.client or self.professional or self.description):
            raise ValueError(_("a phase needs 'client', 'professional' or 'description' text"))
        return self


class PathFile(Strict):
    """A service path: ``catalogue/professional/paths/<id>.yml``."""

    model_config = _described(
        "Palvelupolku: miten asiakas etenee palveluissa vaihe vaiheelta.", title="Palvelupolku"
    )

    name: Text = Field(description="Palvelupolun nimi.", examples=["Työkyvyn tuki sote-keskuksessa"])
    source: SourceId
    intro: Markdown | None = Field(
        None, description="Johdanto.", examples=["Mallia on kehitetty sote-keskuksissa."]
    )
    case: Slug | None = Field(
        None,
        description="Polkua havainnollistava asiakasesimerkki (cases/-kansion tiedostonimi).",
        examples=["maija"],
    )
    links: list[Link] | None = Field(
        None, description="Linkit, esim. esimerkkipolkujen PDF:t.", examples=_LINKS_EXAMPLE
    )
    phases: Annotated[list[Phase], Field(min_length=1)] = Field(
        description="Vaiheet järjestyksessä.",
        examples=[[{"name": "Tunnistaminen", "client": "Asiakas tuo esille tuen tarpeen."}]],
    )


class CaseFile(Strict):
    """A client example: ``catalogue/professional/cases/<id>.yml``."""

    model_config = _described(
        "Asiakasesimerkki: tausta, tarpeet, palvelut ja kuka koordinoi.", title="Asiakasesimerkki"
    )

    name: Text = Field(description="Asiakkaan etunimi esimerkissä.", examples=["Maija"])
    age: StrictInt = Field(ge=0, le=120, description="Ikä vuosina.", examples=[27])
    source: SourceId
    background: Markdown = Field(description="Tausta.", examples=["- asuu perheen kanssa"])
    needs: Markdown | None = Field(None, description="Tarpeet.", examples=["- työllistymisen tuki"])
    goals: Markdown | None = Field(None, description="Tavoitteet.", examples=["Toiveena on palkkatyö."])
    services: list[Slug] | None = Field(
        None,
        description="Palvelutarjottimen palvelut, joita asiakas käyttää.",
        examples=[["kela", "laakari"]],
    )
    other_services: list[Text] | None = Field(
        None,
        description="Muut esimerkissä mainitut palvelut ja keinot (lähteen sanoin).",
        examples=[["Talousneuvonta"]],
    )
    coordinator: Text | None = Field(
        None, description="Kuka koordinoi asiakkaan palveluja.", examples=["sosiaalihuollon omatyöntekijä"]
    )
    coordinator_tasks: Markdown | None = Field(
        None,
        description="Koordinoivan työntekijän tehtävät.",
        examples=["- verkostopalaverien koolle kutsuminen"],
    )
    notes: Markdown | None = Field(
        None,
        description="Muut lähteen otsikoimat tiedot.",
        examples=["**Aiemmat kokemukset**\n\n- työkokeilu"],
    )


class ChecklistItem(Strict):
    """One item of a checklist."""

    model_config = _described("Tarkistuslistan kohta.")

    text: Text = Field(description="Tarkistettava asia.", examples=["riippuvuudet"])
    services: list[Slug] | None = Field(
        None, description="Palvelut, jotka vastaavat tähän tilanteeseen.", examples=[["kela"]]
    )


class ChecklistFile(Strict):
    """A recognition checklist: ``catalogue/professional/checklists/<id>.yml``."""

    model_config = _described(
        "Tunnistamisen tarkistuslista: valitut kohdat ohjaavat palveluihin ja polkuihin.",
        title="Tarkistuslista",
    )

    title: Text = Field(description="Tarkistuslistan otsikko.", examples=["Onko asiakkaalla"])
    source: SourceId
    intro: Markdown | None = Field(
        None, description="Johdanto.", examples=["Listassa on tilanteita, joissa…"]
    )
    items: Annotated[list[ChecklistItem], Field(min_length=1)] = Field(
        description="Kohdat järjestyksessä.", examples=[[{"text": "pitkittynyt työttömyys"}]]
    )
    guidance: Markdown | None = Field(
        None, description="Mitä tehdä, kun kohtia täyttyy.", examples=["Arvioi tuen tarve monialaisesti."]
    )
    services: list[Slug] | None = Field(
        None, description="Palvelut, joihin lista ohjaa, kun jokin kohta täyttyy.", examples=[["typ"]]
    )
    paths: list[Slug] | None = Field(
        None, description="Palvelupolut, joihin lista ohjaa, kun jokin kohta täyttyy.", examples=[["tym"]]
    )
    basis: Text | None = Field(
        None,
        description="Miksi lista ohjaa juuri näihin palveluihin ja polkuihin.",
        examples=["Lähteen ohjeen mukaan arviointi tehdään monialaisesti."],
    )


class ScaleLabel(Strict):
    """A label for one value of the scale."""

    model_config = _described("Asteikon arvon selite.")

    value: StrictInt = Field(description="Asteikon arvo.", examples=[0])
    text: Text = Field(description="Arvon selite.", examples=["en pysty lainkaan työhön"])


class Scale(Strict):
    """The range of answers."""

    model_config = _described("Vastausasteikko.")

    min: StrictInt = Field(description="Pienin arvo.", examples=[0])
    max: StrictInt = Field(description="Suurin arvo.", examples=[10])

    @model_validator(mode="after")
    def _ordered(self) -> Scale:
        if self.min >= self.max:
            raise ValueError(_("scale min {min} must be below max {max}").format(min=self.min, max=self.max))
        return self


class WorkAbilityScoreFile(Strict):
    """The work-ability question: ``catalogue/professional/work-ability-score.yml``."""

    model_config = _described("Työkykykysymys (0–10) ja sen tulkinta.", title="Työkykykysymys")

    name: Text = Field(description="Otsikko.", examples=["Työkykykysymys"])
    source: SourceId
    question: Markdown = Field(
        description="Kysymys asiakkaalle.", examples=["Minkä pistemäärän antaisit työkyvyllesi?"]
    )
    instructions: Markdown | None = Field(
        None, description="Ohje vastaamiseen.", examples=["Jos et ole töissä, arvioi viimeisintä työtäsi."]
    )
    scale: Scale = Field(
        description="Vastausasteikon pienin ja suurin arvo.", examples=[{"min": 0, "max": 10}]
    )
    labels: list[ScaleLabel] | None = Field(
        None, description="Asteikon ääripäiden selitteet.", examples=[[{"value": 10, "text": "paras"}]]
    )
    threshold: StrictInt = Field(
        description="Tätä pienempi tai yhtä suuri vastaus kannattaa selvittää tarkemmin.", examples=[7]
    )
    threshold_text: Text = Field(
        description="Mitä rajan alittava vastaus tarkoittaa (lähteen sanoin).",
        examples=["Vastauksen ollessa 7 tai alempi, työkykyä kannattaa selvittää tarkemmin."],
    )
    usage: Markdown | None = Field(
        None,
        description="Milloin kysymystä käytetään.",
        examples=["Nopea väline tuen tarpeen tunnistamiseen."],
    )
    links: list[Link] | None = Field(None, description="Lähteet ja lisätietoa.", examples=_LINKS_EXAMPLE)
    other_measures: list[Link] | None = Field(None, description="Muut mittarit.", examples=_LINKS_EXAMPLE)

    @model_validator(mode="after")
    def _threshold_on_scale(self) -> WorkAbilityScoreFile:
        if not self.scale.min <= self.threshold <= self.scale.max:
            raise ValueError(_("threshold {threshold} is outside the scale").format(threshold=self.threshold))
        return self


class Table(Strict):
    """A table of text: columns and rows of cells."""

    model_config = _described("Taulukko: sarakkeet ja rivit.")

    columns: Annotated[list[Text], Field(min_length=1)] = Field(
        description="Sarakkeiden otsikot.", examples=[["Tunnistaminen", "Toteutus"]]
    )
    rows: list[list[Text]] = Field(
        description="Rivit; jokaisella rivillä yhtä monta solua kuin sarakkeita.",
        examples=[[["Asiakas tulee kuulluksi.", "Asiakas osallistuu."]]],
    )

    @model_validator(mode="after")
    def _rectangular(self) -> Table:
        for number, row in enumerate(self.rows, start=1):
            if len(row) != len(self.columns):
                raise ValueError(
                    _("row {number} has {cells} cells but there are {columns} columns").format(
                        number=number, cells=len(row), columns=len(self.columns)
                    )
                )
        return self


class ParticipationFile(Strict):
    """Customer participation: ``catalogue/professional/participation.yml``."""

    model_config = _described("Asiakasosallisuus palveluissa ja palvelupolulla.", title="Asiakasosallisuus")

    title: Text = Field(description="Sivun otsikko.", examples=["Asiakasosallisuus"])
    source: SourceId
    intro: Markdown | None = Field(
        None, description="Johdanto.", examples=["Asiakas osallisena palveluissaan."]
    )
    what: Markdown | None = Field(None, description="Mitä?", examples=["Asiakasosallisuudella tarkoitetaan…"])
    why: Markdown | None = Field(None, description="Miksi?", examples=["Osallisuus lisää hyvinvointia."])
    how: Markdown | None = Field(None, description="Miten?", examples=["Palautteella ja vuoropuhelulla."])
    for_whom: Markdown | None = Field(
        None, description="Kenelle?", examples=["Palvelujen käyttäjät ja läheiset."]
    )
    links: list[Link] | None = Field(None, description="Lisätietoa.", examples=_LINKS_EXAMPLE)
    table_title: Text | None = Field(
        None, description="Taulukon otsikko.", examples=["Asiakasosallisuus palvelupolulla"]
    )
    table: Table | None = Field(
        None,
        description="Osallisuus palvelupolun vaiheissa.",
        examples=[{"columns": ["Tunnistaminen"], "rows": [["Asiakas tulee kuulluksi."]]}],
    )


class Term(Strict):
    """One glossary entry."""

    model_config = _described("Sanaston lyhenne tai käsite.")

    term: Text = Field(
        description="Lyhenne tai käsite sellaisenaan kuin se teksteissä kirjoitetaan.", examples=["TYP"]
    )
    expansion: Text | None = Field(
        None,
        description="Lyhenteen auki kirjoitettu muoto.",
        examples=["Työllistymistä edistävä monialainen yhteispalvelu"],
    )
    definition: Text | None = Field(
        None,
        description="Lyhyt selitys lähteen mukaan.",
        examples=["Kela järjestää kuntoutusta kaikenikäisille."],
    )
    source: SourceId | None = Field(
        None, description="Lähdeaineisto, jossa termiä käytetään tai se selitetään.", examples=["002"]
    )
    general_knowledge: bool = Field(
        False,
        strict=True,  # YAML's yes/no are text here; only true/false are a yes or a no
        description=(
            "true, kun auki kirjoitettu muoto (expansion) on yleistietoa eikä lähdeaineiston sanoja: "
            "source kertoo silloin vain, missä aineistossa termiä käytetään. Selitys (definition) "
            "on aina lähteen mukainen."
        ),
        examples=[True],
    )

    @model_validator(mode="after")
    def _general_needs_expansion(self) -> Term:
        # The flag says where the expansion comes from; without one it would claim nothing.
        if self.general_knowledge and self.expansion is None:
            raise ValueError(
                _("'general_knowledge' describes the expansion, but the term has no 'expansion'")
            )
        return self


class GlossaryFile(Strict):
    """The glossary: ``catalogue/professional/glossary.yml``."""

    model_config = _described("Sanasto: lyhenteet ja käsitteet selityksineen.", title="Sanasto")

    terms: Annotated[list[Term], Field(min_length=1)] = Field(
        description="Termit.", examples=[[{"term": "Kela", "expansion": "Kansaneläkelaitos"}]]
    )
