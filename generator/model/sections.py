"""The shape of ``catalogue/sections.yml``: the tray's sections and the services in each.

A region's source may group its services into sections, each with an
introduction, and a section may sit under another (e.g. employment support
under social and health services). The file lists each section's services in the source's order, so
the order survives and one file shows the whole grouping; the validator
checks that every service is in one section at most, and warns about those in
none. Like the other models these are the single source of truth for
validation and the JSON Schema, so every field carries a Finnish description.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import ConfigDict, Field

from generator.model.entries import Link, Markdown, Slug, Strict, Text


class SectionEntry(Strict):
    """One section of the tray."""

    model_config = ConfigDict(
        json_schema_extra={
            "description": "Palvelutarjottimen osio: nimi, lähteen johdantoteksti ja osion palvelut."
        }
    )

    id: Slug = Field(description="Osion pysyvä tunniste.", examples=["tyollistymisen-tuki"])
    name: Text = Field(description="Osion nimi lähteen sanoin.", examples=["Työllistymisen tuki"])
    parent: Slug | None = Field(
        None,
        description=(
            "Ylempi osio (sen tunniste), jos osio on toisen osion alla. "
            "Vain yksi taso: ylemmällä osiolla ei voi olla omaa ylempää osiota."
        ),
        examples=["sosiaali-ja-terveyspalvelut"],
    )
    intro: Markdown | None = Field(
        None,
        description="Osion johdanto lähteen sanoin.",
        examples=["- Työllistymisen tuen palvelujen tarkoituksena on tukea asiakkaiden hyvinvointia."],
    )
    links: list[Link] | None = Field(
        None,
        description="Osion linkit lähteen mukaan.",
        examples=[[{"title": "Sosiaalipalvelut", "url": "https://www.example.org/sosiaalipalvelut"}]],
    )
    services: list[Slug] | None = Field(
        None,
        description=(
            "Osion palvelut (tiedostonimet ilman .yml) siinä järjestyksessä kuin lähde ne esittää. "
            "Kukin palvelu kuuluu enintään yhteen osioon."
        ),
        examples=[["sosiaalihuollon-omatyontekija", "kuntouttava-tyotoiminta"]],
    )


class SectionsFile(Strict):
    """The file ``catalogue/sections.yml``."""

    model_config = ConfigDict(
        title="Osiot",
        json_schema_extra={
            "description": (
                "Tiedosto catalogue/sections.yml: palvelutarjottimen osiot johdantoineen ja "
                "kunkin osion palvelut. Tiedosto on valinnainen."
            )
        },
    )

    sections: Annotated[list[SectionEntry], Field(min_length=1)] = Field(
        description="Osiot siinä järjestyksessä kuin lähde ne esittää.",
        examples=[
            [
                {
                    "id": "tyollistymisen-tuki",
                    "name": "Työllistymisen tuki",
                    "intro": "- Työllistymisen tuen palveluilla tuetaan asiakkaiden hyvinvointia.",
                    "services": ["sosiaalihuollon-omatyontekija"],
                }
            ]
        ],
    )
