"""The shape of each catalogue file, as typed models.

These models are the single source of truth for what a file may contain: the
validator checks files against them and the JSON Schemas editors get in their
editor are generated from them. Descriptions are Finnish because editors read
them; identifiers are English.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    ValidatorFunctionWrapHandler,
    WrapValidator,
    model_validator,
)

# --- value types --------------------------------------------------------------

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

Slug = Annotated[
    str,
    StringConstraints(pattern=SLUG_PATTERN),
    Field(description="Tunniste: pienet kirjaimet a–z, numerot ja väliviivat, esim. 'kuntoutus'."),
]

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]

_RAW_HTML = re.compile(r"<(?:/?[A-Za-z][A-Za-z0-9-]*(?:\s|/?>)|!--)")
_MD_LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]*)")
_MD_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]*:[^>\s]*)>")
_MD_HEADING = re.compile(r"^ {0,3}#{1,6}(?:\s|$)", re.MULTILINE)
_SAFE_SCHEMES = {"http", "https", "mailto", "tel"}


def _check_url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in value):
        raise ValueError(f"'{value}' is not an absolute http(s) address; write it as https://example.fi/…")
    return value


def _check_markdown(value: str) -> str:
    if _RAW_HTML.search(value):
        raise ValueError(
            "raw HTML is not allowed in the text; use Markdown (lists with '-', links as [text](url))"
        )
    if _MD_HEADING.search(value):
        raise ValueError("headings ('#') are not allowed in a section; use paragraphs or lists")
    for pattern in (_MD_LINK_TARGET, _MD_AUTOLINK):
        for target in pattern.findall(value):
            scheme = urlsplit(target).scheme.lower()
            if scheme and scheme not in _SAFE_SCHEMES:
                raise ValueError(f"the link '{target}' uses '{scheme}:'; links must be http(s)")
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
        )
    ),
]


def _area(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
    """Collapse the union's two error branches into one message an editor can use."""
    try:
        return handler(value)
    except ValidationError:
        raise ValueError(
            "the area should be 'region' (the whole region) or a list of municipality ids, "
            "e.g. [kunta-a, kunta-b]"
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
    title: Text = Field(description="Linkin teksti, esim. sivun otsikko.")
    url: Url


#: The data licence a region gets unless its region.yml names another (the project's choice).
CC_BY_4 = Link(
    title="Creative Commons Nimeä 4.0 Kansainvälinen (CC BY 4.0)",
    url="https://creativecommons.org/licenses/by/4.0/deed.fi",
)


# --- a service --------------------------------------------------------------------


class Access(Strict):
    """How a client gets in to the service."""

    routes: Annotated[list[AccessRoute], Field(min_length=1)] = Field(
        description=(
            "Miten palveluun pääsee: self = asiakas voi ottaa itse yhteyttä (ei lähetettä), "
            "referral = ohjaus tai lähete ammattilaiselta, decision = tarvitaan palvelupäätös."
        ),
        examples=[["self"], ["referral", "decision"]],
    )
    referral_from: list[Text] | None = Field(
        None, description="Keneltä ohjaus tai lähete tulee (lähteen sanoin)."
    )
    decision_by: Text | None = Field(None, description="Kuka tekee päätöksen (lähteen sanoin).")
    note: Markdown | None = Field(None, description="Lähteen oma teksti palveluun pääsystä.")

    @model_validator(mode="after")
    def _unique_routes(self) -> Access:
        if len(set(self.routes)) != len(self.routes):
            raise ValueError("a route is listed twice in 'routes'")
        return self


Benefit = Literal["tyomarkkinatuki", "peruspaivaraha", "ansiopaivaraha", "toimeentulotuki"]


def _check_age_order(min_age: int | None, max_age: int | None) -> None:
    if min_age is not None and max_age is not None and min_age > max_age:
        raise ValueError(f"min_age {min_age} is greater than max_age {max_age}")


class Criterion(Strict):
    """One rule of who qualifies, in the source's words plus what can be structured."""

    text: Text = Field(description="Ehto lähteen omin sanoin.")
    min_age: int | None = Field(None, ge=0, le=120, description="Vähintään näin monta vuotta.")
    max_age: int | None = Field(None, ge=0, le=120, description="Enintään näin monta vuotta.")
    unemployed_months_min: int | None = Field(
        None, ge=1, le=240, description="Työttömänä yhtäjaksoisesti vähintään näin monta kuukautta."
    )
    benefits: list[Benefit] | None = Field(None, description="Asiakas saa jotakin näistä etuuksista.")
    benefit_days_min: int | None = Field(
        None, ge=1, le=2000, description="Etuutta saatu vähintään näin monta päivää."
    )

    @model_validator(mode="after")
    def _ages_in_order(self) -> Criterion:
        _check_age_order(self.min_age, self.max_age)
        return self


class Eligibility(Strict):
    """Who may use the service."""

    min_age: int | None = Field(None, ge=0, le=120, description="Alaikäraja vuosina.")
    max_age: int | None = Field(None, ge=0, le=120, description="Yläikäraja vuosina.")
    conditions: Markdown | None = Field(None, description="Muut ehdot lähteen sanoin.")
    requirements: list[Text] | None = Field(
        None, description="Ehdot, joiden kaikkien pitää täyttyä (lähteen sanoin)."
    )
    criteria: list[Criterion] | None = Field(
        None, description="Vaihtoehtoiset ehdot: riittää, että yksi niistä täyttyy."
    )

    @model_validator(mode="after")
    def _ages_in_order(self) -> Eligibility:
        _check_age_order(self.min_age, self.max_age)
        return self


class Contact(Strict):
    name: Text = Field(description="Paikan tai yhteystahon nimi.")
    address: Text | None = Field(None, description="Käyntiosoite.")
    phone: Text | None = Field(None, description="Puhelinnumero.")
    email: Text | None = Field(None, description="Sähköpostiosoite.")
    url: Url | None = None
    opening_hours: list[Text] | None = Field(
        None,
        description="Aukioloajat, yksi rivi kerrallaan.",
        examples=[["ma, ti, to klo 14–16", "pe klo 13–15"]],
    )


class Validity(Strict):
    until: date = Field(description="Viimeinen päivä, jona palvelu on saatavilla (VVVV-KK-PP).")
    note: Text | None = Field(None, description="Lähteen oma ilmaus, esim. 'vuoden 2023 loppuun asti'.")


class ServiceEntry(Strict):
    """One service: the file ``catalogue/services/<id>.yml``."""

    name: Text = Field(description="Palvelun nimi.", examples=["Kuntouttava työtoiminta"])
    summary: Text | None = Field(None, description="Yksi selkokielinen virke palvelusta asukkaalle.")
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
    provider: Slug = Field(description="Palvelun tuottaja (providers.yml).")
    area: Area
    what: Markdown = Field(description="Mitä? Mikä palvelu on.")
    why: Markdown | None = Field(None, description="Miksi? Mihin palvelu pyrkii.")
    how: Markdown | None = Field(None, description="Miten? Miten palvelu toimii ja miten sinne pääsee.")
    for_whom: Markdown | None = Field(None, description="Kenelle? Kenelle palvelu on tarkoitettu.")
    access: Access | None = None
    eligibility: Eligibility | None = None
    contacts: list[Contact] | None = None
    validity: Validity | None = None
    last_reviewed: date | None = Field(
        None, description="Päivä, jona ihminen viimeksi tarkisti tiedot (VVVV-KK-PP)."
    )
    owner: Text | None = Field(None, description="Kuka vastaa tietojen tarkistamisesta.")
    related: list[Slug] | None = Field(None, description="Liittyvät palvelut (tiedostonimet ilman .yml).")
    keywords: list[Text] | None = Field(
        None, description="Hakusanoja ja synonyymejä, joilla asukas voi etsiä palvelua."
    )
    links: list[Link] | None = Field(None, description="Linkit lisätietoihin.")
    languages: list[LanguageCode] | None = Field(
        None,
        description="Kielet, joilla palvelua saa (ISO 639 -kielikoodit). Jätä pois, jos lähde ei kerro.",
        examples=[["fi", "sv"]],
    )


# --- shared vocabularies ------------------------------------------------------------


class Theme(Strict):
    id: Slug
    name: Text = Field(description="Teeman nimi.")
    description: Text = Field(description="Yhden rivin kuvaus teemasta.")
    icon: Annotated[str, StringConstraints(pattern=r"^[a-z0-9-]+/[a-z0-9-]+$")] = Field(
        description="Material-kuvakkeen nimi, esim. material/school.",
    )


class ThemesFile(Strict):
    """The file ``catalogue/themes.yml``."""

    themes: Annotated[list[Theme], Field(min_length=1)]


class Municipality(Strict):
    id: Slug
    name: Text
    code: Annotated[str, StringConstraints(pattern=r"^\d{3}$")] = Field(
        description='Tilastokeskuksen kolminumeroinen kuntanumero merkkijonona, esim. "398".',
    )
    employment_services: Link | None = Field(None, description="Kunnan oma työllisyyspalvelujen sivu.")


class SiteColors(Strict):
    """The region's colours; text colours need 4.5:1 contrast (WCAG 2.1 AA) where they are used."""

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
        for name, colour, background in pairs:
            ratio = contrast_ratio(colour, background)
            if ratio < 4.5:
                raise ValueError(
                    f"{name} {colour} has contrast {ratio:.1f}:1 against {background}; "
                    "it needs at least 4.5:1 (WCAG 2.1 AA)"
                )
        return self


class SiteTexts(Strict):
    title: Text = Field(description="Sivuston otsikko.")
    description: Text = Field(description="Lyhyt kuvaus hakukoneille ja jakamiseen.")
    intro: Markdown = Field(description="Etusivun johdanto.")
    colors: SiteColors | None = Field(
        None, description="Alueen värit. Ilman niitä sivusto käyttää neutraaleja oletusvärejä."
    )


class RegionFile(Strict):
    """The file ``catalogue/region.yml``."""

    id: Slug
    name: Text
    site: SiteTexts
    municipalities: Annotated[list[Municipality], Field(min_length=1)]
    review_interval_months: int = Field(
        12, ge=1, le=60, description="Kuinka usein palvelun tiedot tarkistetaan (kuukausina)."
    )
    data_licence: Link = Field(
        default=CC_BY_4,
        description="Avoimen datan lisenssi, jolla luettelon tiedot julkaistaan (oletus CC BY 4.0).",
    )


class Provider(Strict):
    id: Slug
    name: Text
    url: Url | None = None


class ProvidersFile(Strict):
    """The file ``catalogue/providers.yml``."""

    providers: Annotated[list[Provider], Field(min_length=1)]


class LinkList(Strict):
    theme: Slug = Field(description="Teema, jonka alle linkit kuuluvat.")
    title: Text | None = None
    links: Annotated[list[Link], Field(min_length=1)]


class FurtherReadingFile(Strict):
    """The file ``catalogue/further-reading.yml`` ("Lisätietoa")."""

    lists: list[LinkList]
