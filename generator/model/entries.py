"""The shape of each catalogue file, as typed models.

These models are the single source of truth for what a file may contain: the
validator checks files against them and the JSON Schemas editors get in their
editor are generated from them. Descriptions are Finnish because editors read
them; identifiers are English.
"""

from __future__ import annotations

import re
from datetime import date
from functools import partial
from typing import TYPE_CHECKING, Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StrictInt,
    StringConstraints,
    ValidationError,
    ValidatorFunctionWrapHandler,
    WrapValidator,
    create_model,
    model_validator,
)

from generator.i18n import _, decimal
from generator.render.safe_links import SAFE_SCHEMES, link_targets
from generator.site import labels as site_labels

# --- value types --------------------------------------------------------------

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

Slug = Annotated[
    str,
    StringConstraints(pattern=SLUG_PATTERN),
    Field(description="Tunniste: pienet kirjaimet a–z, numerot ja väliviivat, esim. 'kuntoutus'."),
]


def _check_one_line(value: str) -> str:
    # Every plain-text field is shown on one line (a heading, a card, a table cell, a
    # feed title); a line break there splits the heading or starts a Markdown code block.
    if len(value.splitlines()) > 1:
        raise ValueError(_("the text has a line break, but this field is one line; write it on one line"))
    return value


#: One line of plain text: names, titles, link texts, contacts, keywords. Text on
#: several lines is :data:`Markdown`.
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(_check_one_line)]

_RAW_HTML = re.compile(r"<(?:/?[A-Za-z][A-Za-z0-9-]*(?:\s|/?>)|!--)")
_MD_HEADING = re.compile(r"^ {0,3}#{1,6}(?:\s|$)", re.MULTILINE)
#: Absolute links only: SAFE_SCHEMES without "" (relative).
_SAFE_SCHEMES = SAFE_SCHEMES - {""}


def _check_url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in value):
        raise ValueError(
            _("'{value}' is not an absolute http(s) address; write it as https://example.fi/…").format(
                value=value
            )
        )
    return value


def _check_markdown(value: str) -> str:
    if _RAW_HTML.search(value):
        raise ValueError(
            _("raw HTML is not allowed in the text; use Markdown (lists with '-', links as [text](url))")
        )
    if _MD_HEADING.search(value):
        raise ValueError(_("headings ('#') are not allowed in a section; use paragraphs or lists"))
    # Links are found by parsing (link_targets: Python-Markdown, as the site renders),
    # not by patterns, which missed reference-style links, images and encoded schemes.
    for target, scheme in link_targets(value):
        if scheme and scheme not in _SAFE_SCHEMES:
            raise ValueError(
                _("the link '{target}' uses '{scheme}:'; links must be http(s)").format(
                    target=target, scheme=scheme
                )
            )
        if not scheme:
            # A relative link works on one page and breaks on another (the printable
            # tray gathers every service on one page), so only absolute ones are allowed.
            raise ValueError(
                _(
                    "the link '{target}' is relative; write a full https:// address, "
                    "or name other services under 'related'"
                ).format(target=target)
            )
    return value


Url = Annotated[
    str,
    AfterValidator(_check_url),
    Field(
        description="Täydellinen verkko-osoite, joka alkaa https:// tai http://",
        examples=["https://www.example.org/"],
    ),
]
Markdown = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1),
    AfterValidator(_check_markdown),
    Field(
        description=(
            "Tekstiä Markdown-muodossa: kappaleet tyhjällä rivillä erotettuina, "
            "luettelot viivalla (-), linkit muodossa [teksti](https://…). Ei HTML:ää."
        ),
        json_schema_extra={"contentMediaType": "text/markdown"},
    ),
]


def _area(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
    """Collapse the union's two error branches into one message an editor can use."""
    try:
        return handler(value)
    except ValidationError:
        raise ValueError(
            _(
                "the area should be 'region' (the whole region) or a list of municipality ids, "
                "e.g. [kunta-a, kunta-b]"
            )
        ) from None


Area = Annotated[
    Literal["region"] | Annotated[list[Slug], Field(min_length=1)],
    WrapValidator(_area),
    Field(
        description=(
            "Alue, jolla palvelu on saatavilla: 'region' (koko alue) tai luettelo kuntien tunnisteista."
        ),
        examples=["region", ["kunta-a", "kunta-b"]],
    ),
]

AccessRoute = Literal["self", "referral", "decision"]

LanguageCode = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z]{2,3}$"),
    Field(description="ISO 639-1- tai ISO 639-3-kielikoodi pienin kirjaimin, esim. 'fi', 'sv', 'en'."),
]

Colour = Annotated[
    str,
    StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$"),
    Field(description="Väri muodossa #RRGGBB, esim. '#0b4f71'.", examples=["#0b4f71"]),
]


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2.1 contrast ratio of two ``#rrggbb`` colours (1 to 21)."""

    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


class Strict(BaseModel):
    """Base: unknown fields are errors (they are almost always typos)."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# --- shared pieces --------------------------------------------------------------


class Link(Strict):
    model_config = ConfigDict(json_schema_extra={"description": "Linkki: näkyvä teksti ja verkko-osoite."})

    title: Text = Field(
        description="Linkin teksti, esim. sivun otsikko.", examples=["Kuntouttava työtoiminta"]
    )
    url: Url


# --- a service --------------------------------------------------------------------


class Access(Strict):
    """How a client gets in to the service."""

    model_config = ConfigDict(
        json_schema_extra={
            "description": "Miten palveluun pääsee: itse, ohjauksella, lähetteellä tai palvelupäätöksellä."
        }
    )

    routes: Annotated[list[AccessRoute], Field(min_length=1)] = Field(
        description=(
            "Miten palveluun pääsee: self = asiakas voi ottaa itse yhteyttä (ei lähetettä), "
            "referral = ohjaus tai lähete ammattilaiselta, decision = tarvitaan palvelupäätös."
        ),
        examples=[["self"], ["referral", "decision"]],
    )
    referral_from: list[Text] | None = Field(
        None,
        description="Keneltä ohjaus tai lähete tulee (lähteen sanoin).",
        examples=[["lääkäri", "sote-ammattilainen"]],
    )
    decision_by: Text | None = Field(
        None, description="Kuka tekee päätöksen (lähteen sanoin).", examples=["sosiaalihuollon omatyöntekijä"]
    )
    note: Markdown | None = Field(
        None,
        description="Lähteen oma teksti palveluun pääsystä.",
        examples=["Palveluun tarvitaan sosiaalihuollon omatyöntekijän päätös."],
    )
    # A route listed twice is reported, at its line, by generator.validate.lists (every list).


Benefit = Literal["tyomarkkinatuki", "peruspaivaraha", "ansiopaivaraha", "toimeentulotuki"]


def _check_age_order(min_age: int | None, max_age: int | None) -> None:
    if min_age is not None and max_age is not None and min_age > max_age:
        raise ValueError(
            _("min_age {min_age} is greater than max_age {max_age}").format(min_age=min_age, max_age=max_age)
        )


class Criterion(Strict):
    """One rule of who qualifies, in the source's words plus what can be structured."""

    model_config = ConfigDict(
        json_schema_extra={
            "description": "Yksi ehto lähteen sanoin sekä ne ehdon osat, jotka voi kirjoittaa lukuina."
        }
    )

    text: Text = Field(description="Ehto lähteen omin sanoin.", examples=["on alle 30-vuotias"])
    min_age: StrictInt | None = Field(
        None, ge=0, le=120, description="Vähintään näin monta vuotta.", examples=[25]
    )
    max_age: StrictInt | None = Field(
        None, ge=0, le=120, description="Enintään näin monta vuotta.", examples=[29]
    )
    unemployed_months_min: StrictInt | None = Field(
        None,
        ge=1,
        le=240,
        description="Työttömänä yhtäjaksoisesti vähintään näin monta kuukautta.",
        examples=[12],
    )
    benefits: list[Benefit] | None = Field(
        None,
        description="Asiakas saa jotakin näistä etuuksista.",
        examples=[["tyomarkkinatuki", "toimeentulotuki"]],
    )
    benefit_days_min: StrictInt | None = Field(
        None, ge=1, le=2000, description="Etuutta saatu vähintään näin monta päivää.", examples=[300]
    )

    @model_validator(mode="after")
    def _ages_in_order(self) -> Criterion:
        _check_age_order(self.min_age, self.max_age)
        return self


class Eligibility(Strict):
    """Who may use the service."""

    model_config = ConfigDict(
        json_schema_extra={"description": "Kuka voi käyttää palvelua: ikärajat ja muut ehdot."}
    )

    min_age: StrictInt | None = Field(None, ge=0, le=120, description="Alaikäraja vuosina.", examples=[18])
    max_age: StrictInt | None = Field(None, ge=0, le=120, description="Yläikäraja vuosina.", examples=[29])
    conditions: Markdown | None = Field(
        None, description="Muut ehdot lähteen sanoin.", examples=["Palvelu on tarkoitettu työttömille."]
    )
    requirements: list[Text] | None = Field(
        None,
        description="Ehdot, joiden kaikkien pitää täyttyä (lähteen sanoin).",
        examples=[["on työtön työnhakija"]],
    )
    criteria: list[Criterion] | None = Field(
        None,
        description="Vaihtoehtoiset ehdot: riittää, että yksi niistä täyttyy.",
        examples=[[{"text": "on alle 30-vuotias", "max_age": 29}]],
    )

    @model_validator(mode="after")
    def _ages_in_order(self) -> Eligibility:
        _check_age_order(self.min_age, self.max_age)
        return self


class Contact(Strict):
    model_config = ConfigDict(
        json_schema_extra={"description": "Yhteystiedot: paikka, osoite, puhelin, sähköposti ja aukioloajat."}
    )

    name: Text = Field(description="Paikan tai yhteystahon nimi.", examples=["Työllisyyspalvelujen neuvonta"])
    address: Text | None = Field(
        None, description="Käyntiosoite.", examples=["Esimerkkikatu 1, 00100 Kaupunki"]
    )
    phone: Text | None = Field(None, description="Puhelinnumero.", examples=["040 123 4567"])
    email: Text | None = Field(None, description="Sähköpostiosoite.", examples=["neuvonta@example.org"])
    url: Url | None = Field(
        None, description="Yhteystahon verkkosivu.", examples=["https://www.example.org/neuvonta"]
    )
    opening_hours: list[Text] | None = Field(
        None,
        description="Aukioloajat, yksi rivi kerrallaan.",
        examples=[["ma, ti, to klo 14–16", "pe klo 13–15"]],
    )


class Validity(Strict):
    model_config = ConfigDict(
        json_schema_extra={"description": "Palvelu on saatavilla vain tiettyyn päivään asti."}
    )

    until: date = Field(
        description="Viimeinen päivä, jona palvelu on saatavilla (VVVV-KK-PP).", examples=[date(2025, 12, 31)]
    )
    note: Text | None = Field(
        None,
        description="Lähteen oma ilmaus, esim. 'vuoden 2023 loppuun asti'.",
        examples=["vuoden 2025 loppuun asti"],
    )


class ServiceEntry(Strict):
    """One service: the file ``catalogue/services/<id>.yml``."""

    model_config = ConfigDict(
        title="Palvelu",
        json_schema_extra={
            "description": (
                "Yksi palvelu: tiedosto catalogue/services/<tunniste>.yml. "
                "Tiedoston nimi on palvelun pysyvä tunniste."
            )
        },
    )

    name: Text = Field(description="Palvelun nimi.", examples=["Kuntouttava työtoiminta"])
    summary: Text | None = Field(
        None,
        description="Yksi selkokielinen virke palvelusta asukkaalle.",
        examples=["Saat tukea työllistymiseen ja arjen taitoihin."],
    )
    # Optional because some of the source's cards carry no theme tag, and we do not
    # invent one: such a service is listed everywhere except on the theme pages.
    themes: Annotated[list[Slug], Field(min_length=1)] | None = Field(
        None,
        description=(
            "Teemat (themes.yml), joihin palvelu kuuluu. Jätä pois, jos lähde ei kerro teemaa: "
            "palvelu näkyy silloin kaikkialla paitsi teemasivuilla."
        ),
        examples=[["kuntoutus", "tyollistyminen"]],
    )
    provider: Slug = Field(description="Palvelun tuottaja (providers.yml).", examples=["hyvinvointialue"])
    area: Area
    what: Markdown = Field(
        description="Mitä? Mikä palvelu on.",
        examples=["Kuntouttava työtoiminta on työtä tai muuta toimintaa, joka tukee kuntoutumista."],
    )
    why: Markdown | None = Field(
        None,
        description="Miksi? Mihin palvelu pyrkii.",
        examples=["Palvelu tukee sinua, jotta pääsisit töihin tai koulutukseen."],
    )
    how: Markdown | None = Field(
        None,
        description="Miten? Miten palvelu toimii ja miten sinne pääsee.",
        examples=["Sovitte yhdessä, mitä teet ja kuinka monta päivää viikossa."],
    )
    for_whom: Markdown | None = Field(
        None,
        description="Kenelle? Kenelle palvelu on tarkoitettu.",
        examples=["Työttömälle, joka tarvitsee tukea työllistymiseen."],
    )
    access: Access | None = Field(
        None,
        description="Miten palveluun pääsee.",
        examples=[{"routes": ["decision"], "decision_by": "sosiaalihuollon omatyöntekijä"}],
    )
    eligibility: Eligibility | None = Field(
        None,
        description="Kuka voi käyttää palvelua.",
        examples=[{"min_age": 25, "conditions": "Palvelu on tarkoitettu työttömille."}],
    )
    contacts: list[Contact] | None = Field(
        None,
        description="Yhteystiedot ja aukioloajat.",
        examples=[[{"name": "Työllisyyspalvelujen neuvonta", "opening_hours": ["ma–pe klo 9–15"]}]],
    )
    validity: Validity | None = Field(
        None,
        description="Jos palvelu on tarjolla vain tiettyyn päivään asti: viimeinen päivä ja lähteen ilmaus.",
        examples=[{"until": date(2025, 12, 31), "note": "vuoden 2025 loppuun asti"}],
    )
    last_reviewed: date | None = Field(
        None,
        description=(
            "Päivä, jona ihminen viimeksi tarkisti tiedot (VVVV-KK-PP). "
            "Tiedot tarkistanut henkilö kirjoittaa tähän tarkistuspäivän."
        ),
        examples=[date(2025, 1, 31)],
    )
    owner: Text | None = Field(
        None,
        description="Kuka vastaa tietojen tarkistamisesta, esim. tiimi tai yksikkö.",
        examples=["Työkyvyn tuen tiimi"],
    )
    related: list[Slug] | None = Field(
        None,
        description="Liittyvät palvelut (tiedostonimet ilman .yml).",
        examples=[["sosiaalihuollon-omatyontekija"]],
    )
    keywords: list[Text] | None = Field(
        None,
        description="Hakusanoja ja synonyymejä, joilla asukas voi etsiä palvelua.",
        examples=[["työtön", "aktivointisuunnitelma"]],
    )
    links: list[Link] | None = Field(
        None,
        description="Linkit lisätietoihin.",
        examples=[
            [{"title": "Kuntouttava työtoiminta", "url": "https://www.example.org/kuntouttava-tyotoiminta"}]
        ],
    )
    languages: list[LanguageCode] | None = Field(
        None,
        description="Kielet, joilla palvelua saa (ISO 639 -kielikoodit). Jätä pois, jos lähde ei kerro.",
        examples=[["fi", "sv"]],
    )


# --- shared vocabularies ------------------------------------------------------------


class Theme(Strict):
    model_config = ConfigDict(json_schema_extra={"description": "Teema, jonka mukaan palvelut ryhmitellään."})

    id: Slug = Field(
        description="Teeman tunniste, jota palvelujen themes-kenttä käyttää.", examples=["kuntoutus"]
    )
    name: Text = Field(description="Teeman nimi.", examples=["Kuntoutus"])
    description: Text = Field(
        description="Yhden rivin kuvaus teemasta.",
        examples=["Palvelut, jotka tukevat kuntoutumista sekä työ- ja toimintakykyä."],
    )
    icon: Annotated[str, StringConstraints(pattern=r"^[a-z0-9-]+/[a-z0-9-]+$")] = Field(
        description="Material-kuvakkeen nimi, esim. material/school.",
        examples=["material/human-cane"],
    )


class ThemesFile(Strict):
    """The file ``catalogue/themes.yml``."""

    model_config = ConfigDict(
        title="Teemat",
        json_schema_extra={
            "description": "Tiedosto catalogue/themes.yml: teemat, joiden mukaan palvelut ryhmitellään."
        },
    )

    themes: Annotated[list[Theme], Field(min_length=1)] = Field(
        description="Teemat siinä järjestyksessä, jossa ne näkyvät sivustolla.",
        examples=[
            [
                {
                    "id": "kuntoutus",
                    "name": "Kuntoutus",
                    "description": "Palvelut, jotka tukevat kuntoutumista sekä työ- ja toimintakykyä.",
                    "icon": "material/human-cane",
                }
            ]
        ],
    )


class Municipality(Strict):
    model_config = ConfigDict(json_schema_extra={"description": "Yksi alueen kunta."})

    id: Slug = Field(
        description="Kunnan tunniste, jota palvelujen area-kenttä käyttää.", examples=["kunta-a"]
    )
    name: Text = Field(description="Kunnan nimi.", examples=["Esimerkkilä"])
    code: Annotated[str, StringConstraints(pattern=r"^\d{3}$")] = Field(
        description='Tilastokeskuksen kolminumeroinen kuntanumero merkkijonona, esim. "398".',
        examples=["001"],
    )
    employment_services: Link | None = Field(
        None,
        description="Kunnan oma työllisyyspalvelujen sivu.",
        examples=[{"title": "Työllisyyspalvelut", "url": "https://www.example.org/tyollisyyspalvelut"}],
    )


class SiteColors(Strict):
    """The region's colours; text colours need 4.5:1 contrast (WCAG 2.1 AA) where they are used."""

    model_config = ConfigDict(
        json_schema_extra={
            "description": (
                "Alueen värit muodossa #RRGGBB. Tekstin värin kontrasti taustaa vasten "
                "on oltava vähintään 4,5:1 (WCAG 2.1 AA)."
            )
        }
    )

    primary: Colour = Field(description="Pääväri: yläpalkki ja painikkeet (valkoinen teksti päällä).")
    primary_light: Colour = Field(description="Pääväristä vaaleampi sävy.")
    primary_dark: Colour = Field(description="Pääväristä tummempi sävy (painikkeen kohdistus).")
    accent: Colour = Field(description="Korostusväri.")
    link: Colour = Field(description="Linkkien väri.")
    tint: Colour = Field(description="Vaalea taustasävy laatikoille ja suodattimille.")

    @model_validator(mode="after")
    def _readable(self) -> SiteColors:
        on_white = ("primary", "primary_light", "primary_dark", "accent", "link")
        pairs = [(name, getattr(self, name), "#ffffff") for name in on_white]
        pairs.append(("link", self.link, self.tint))
        too_faint = [
            _("{name} {colour} has contrast {ratio}:1 against {background}").format(
                name=name,
                colour=colour,
                ratio=decimal(contrast_ratio(colour, background)),
                background=background,
            )
            for name, colour, background in pairs
            if contrast_ratio(colour, background) < 4.5
        ]
        if too_faint:
            raise ValueError("; ".join(too_faint) + _("; text needs at least 4.5:1 (WCAG 2.1 AA)"))
        return self


class SourceDocument(Strict):
    model_config = ConfigDict(
        json_schema_extra={"description": "Lähdeaineisto, josta palvelujen tiedot on koottu."}
    )

    title: Text = Field(
        description="Lähdeaineiston nimi sellaisena kuin aineisto sen kertoo.",
        examples=["Työkyvyn ja työllistymisen tuen palvelutarjotin"],
    )
    year: int = Field(ge=1900, le=2100, description="Vuosi, jolta aineisto on.", examples=[2023])


class SiteTexts(Strict):
    model_config = ConfigDict(
        json_schema_extra={
            "description": "Sivuston tekstit: otsikko, kuvaus ja etusivun johdanto, sekä värit."
        }
    )

    title: Text = Field(
        description="Sivuston otsikko.", examples=["Työkyvyn ja työllistymisen tuen palvelut"]
    )
    description: Text = Field(
        description="Lyhyt kuvaus hakukoneille ja jakamiseen.",
        examples=["Alueen työkyvyn ja työllistymisen tuen palvelut teemoittain ja kunnittain."],
    )
    intro: Markdown = Field(
        description="Etusivun johdanto.",
        examples=["Täältä löydät alueen työkyvyn ja työllistymisen tuen palvelut."],
    )
    # The header and footer show these (theme_overrides); without them the header shows
    # the site's name from mkdocs.yml and names no owner.
    short_name: Text | None = Field(
        None,
        description=(
            "Sivuston lyhyt nimi yläpalkkiin, esim. Palvelutarjotin. Pitkä nimi ei mahdu "
            "puhelimen näytölle. Ilman kenttää yläpalkissa näkyy mkdocs.yml-tiedoston site_name."
        ),
        examples=["Palvelutarjotin"],
    )
    owner: Text | None = Field(
        None,
        description=(
            "Sivuston ylläpitäjä: organisaatio, joka vastaa sivustosta ja sen tiedoista. Näkyy "
            "yläpalkissa ja alatunnisteessa. Jätä pois, jos ylläpitäjästä ei ole päätetty."
        ),
        examples=["Esimerkkialueen hyvinvointialue, työllisyyspalvelut"],
    )
    # Service pages say where unreviewed information comes from, and end with the
    # region's general guidance as the last next step (generator/render/next_steps.py).
    source: SourceDocument | None = Field(
        None,
        description=(
            "Lähdeaineisto, josta palvelujen tiedot on koottu: nimi ja vuosi. Palvelusivu ja etusivu "
            "kertovat sen, kun palvelun tietoja ei ole tarkistettu (last_reviewed puuttuu)."
        ),
        examples=[{"title": "Työkyvyn ja työllistymisen tuen palvelutarjotin", "year": 2023}],
    )
    guidance_link: Link | None = Field(
        None,
        description=(
            "Alueen yleinen neuvonta, jonka puoleen voi kääntyä, kun ei tiedä, mikä palvelu sopii. "
            "Linkki näkyy jokaisen palvelusivun lopussa viimeisenä seuraavana askeleena."
        ),
        examples=[{"title": "Sosiaalihuollon ohjaus ja neuvonta", "url": "https://www.example.org/neuvonta"}],
    )
    colors: SiteColors | None = Field(
        None,
        description="Alueen värit. Ilman niitä sivusto käyttää neutraaleja oletusvärejä.",
        examples=[
            {
                "primary": "#0b4f71",
                "primary_light": "#2f6f90",
                "primary_dark": "#08374f",
                "accent": "#1f6b3a",
                "link": "#0a5a85",
                "tint": "#eef5f9",
            }
        ],
    )


def _keeps_placeholders(key: str, value: str) -> str:
    """A region's wording of a label must keep the label's placeholders, and add none."""
    default = site_labels.default(key)
    expected, written = site_labels.placeholders(default), site_labels.placeholders(value)
    if written != expected:
        wanted = ", ".join(f"{{{name}}}" for name in sorted(expected)) or "no placeholders"
        raise ValueError(f"this label needs {wanted}, like its default '{default}'")
    return value


class _LabelTexts(Strict):
    model_config = ConfigDict(
        title="Tekstit",
        json_schema_extra={
            "description": (
                "Sivuston ja avoimen datan lyhyet tekstit, jos alue haluaa ne toisin kuin oletus. "
                "Tekstin kohta {nimi} (esim. {date}) korvataan arvolla; pidä samat kohdat."
            )
        },
    )


if TYPE_CHECKING:
    LabelTexts = _LabelTexts
else:
    # One optional field per label of generator.site.labels, so an unknown key is an
    # "unknown field" with a did-you-mean, and editors get every key with its default.
    LabelTexts = create_model(
        "LabelTexts",
        __base__=_LabelTexts,
        **{
            key: (
                Annotated[Text, AfterValidator(partial(_keeps_placeholders, key))] | None,
                Field(
                    None,
                    description=f"Oletus: {site_labels.default(key)}",
                    examples=[site_labels.default(key)],
                ),
            )
            for key in site_labels.KEYS
        },
    )


class RegionFile(Strict):
    """The file ``catalogue/region.yml``."""

    model_config = ConfigDict(
        title="Alue",
        json_schema_extra={
            "description": (
                "Tiedosto catalogue/region.yml: alueen nimi, sivuston tekstit, tietojen tarkistusväli "
                "ja alueen kunnat."
            )
        },
    )

    id: Slug = Field(description="Alueen tunniste.", examples=["esimerkkimaakunta"])
    name: Text = Field(description="Alueen nimi.", examples=["Esimerkkimaakunta"])
    site: SiteTexts = Field(
        description="Sivuston tekstit ja värit.",
        examples=[
            {
                "title": "Työkyvyn ja työllistymisen tuen palvelut",
                "description": "Alueen työkyvyn ja työllistymisen tuen palvelut teemoittain ja kunnittain.",
                "intro": "Täältä löydät alueen työkyvyn ja työllistymisen tuen palvelut.",
            }
        ],
    )
    review_interval_months: StrictInt = Field(
        12,
        ge=1,
        le=60,
        description="Kuinka usein palvelun tiedot tarkistetaan (kuukausina).",
        examples=[12],
    )
    # No default: the licence is the region's decision (the content may be transcribed from
    # others' material), so without one the site and the exports say none has been stated.
    data_licence: Link | None = Field(
        None,
        description=(
            "Avoimen datan lisenssi (käyttölupa), jolla alue julkaisee luettelon tiedot, esim. "
            "CC BY 4.0. Lisenssistä päättää alue. Jos kenttä puuttuu, sivusto ja avoimen datan "
            "tiedostot kertovat, ettei käyttölupaa ole ilmoitettu, eikä tietoja saa käyttää "
            "uudelleen ilman lupaa."
        ),
        examples=[
            {
                "title": "Creative Commons Nimeä 4.0 Kansainvälinen (CC BY 4.0)",
                "url": "https://creativecommons.org/licenses/by/4.0/deed.fi",
            }
        ],
    )
    labels: LabelTexts | None = Field(
        None,
        description=(
            "Sivuston lyhyet tekstit alueen omin sanoin, esim. miten palveluun pääsee. "
            "Jätä pois tekstit, joiden oletus sopii."
        ),
        examples=[{"access_self": "Ota itse yhteyttä"}],
    )
    # Last, as region.yml writes it: the long list after the short settings.
    municipalities: Annotated[list[Municipality], Field(min_length=1)] = Field(
        description="Alueen kunnat siinä järjestyksessä, jossa ne näkyvät sivustolla.",
        examples=[[{"id": "kunta-a", "name": "Esimerkkilä", "code": "001"}]],
    )

    @property
    def label_overrides(self) -> dict[str, str]:
        """The labels region.yml words its own way (``labels:``), by key."""
        return self.labels.model_dump(exclude_none=True) if self.labels else {}


class Provider(Strict):
    model_config = ConfigDict(json_schema_extra={"description": "Palvelun järjestäjä tai tuottaja."})

    id: Slug = Field(
        description="Tuottajan tunniste, jota palvelujen provider-kenttä käyttää.",
        examples=["hyvinvointialue"],
    )
    name: Text = Field(
        description="Tuottajan nimi sellaisena kuin se näkyy sivustolla.",
        examples=["Esimerkkilän hyvinvointialue"],
    )
    url: Url | None = Field(None, description="Tuottajan verkkosivu.", examples=["https://www.example.org/"])


class ProvidersFile(Strict):
    """The file ``catalogue/providers.yml``."""

    model_config = ConfigDict(
        title="Tuottajat",
        json_schema_extra={
            "description": "Tiedosto catalogue/providers.yml: palvelujen järjestäjät ja tuottajat."
        },
    )

    providers: Annotated[list[Provider], Field(min_length=1)] = Field(
        description="Tuottajat.",
        examples=[
            [
                {
                    "id": "hyvinvointialue",
                    "name": "Esimerkkilän hyvinvointialue",
                    "url": "https://www.example.org/",
                }
            ]
        ],
    )


class LinkList(Strict):
    model_config = ConfigDict(json_schema_extra={"description": "Yhden teeman linkit Lisätietoa-sivulla."})

    theme: Slug = Field(description="Teema, jonka alle linkit kuuluvat.", examples=["kuntoutus"])
    title: Text | None = Field(
        None, description="Luettelon otsikko, jos se on eri kuin teeman nimi.", examples=["Kuntoutus"]
    )
    links: Annotated[list[Link], Field(min_length=1)] = Field(
        description="Linkit.",
        examples=[[{"title": "Kuntoutus", "url": "https://www.example.org/kuntoutus"}]],
    )


class FurtherReadingFile(Strict):
    """The file ``catalogue/further-reading.yml`` ("Lisätietoa")."""

    model_config = ConfigDict(
        title="Lisätietoa",
        json_schema_extra={
            "description": "Tiedosto catalogue/further-reading.yml: Lisätietoa-sivun linkit teemoittain."
        },
    )

    lists: list[LinkList] = Field(
        description="Linkkiluettelot, yksi kullekin teemalle.",
        examples=[
            [
                {
                    "theme": "kuntoutus",
                    "links": [{"title": "Kuntoutus", "url": "https://www.example.org/kuntoutus"}],
                }
            ]
        ],
    )
