"""The structured criteria say what the services' own texts say.

"Sopiiko asiakkaalle?" compares a client with ``eligibility`` (ages, unemployment
months, benefits, benefit days, requirements) and ``area``; the services' Kenelle?
and Mitä? texts, transcribed from the source, remain the authority. These tests read
the numbers, benefits and municipalities out of the texts and find each in the
structured fields, and each structured number in the texts, so neither can drift
or be invented.
"""

from __future__ import annotations

import re
import typing

import pytest

from generator.model.catalogue import Catalogue, Service
from generator.model.entries import Benefit, Criterion

#: How the texts write each benefit (any inflection).
BENEFIT_STEMS: dict[str, str] = {
    "tyomarkkinatuki": "työmarkkinatu",
    "peruspaivaraha": "peruspäivära",
    "ansiopaivaraha": "ansiopäivära",
    "toimeentulotuki": "toimeentulotu",
}
#: A benefit named as one the client does not have ("ei ole oikeutta ansiopäivärahaan").
NEGATED = re.compile(r"ei ole oikeutta (\w+)")


def texts(service: Service) -> str:
    """What the service says of whom it is for: summary, Mitä?, Kenelle?, its conditions."""
    entry = service.entry
    parts = [entry.summary, entry.what, entry.for_whom]
    if entry.eligibility:
        parts.append(entry.eligibility.conditions)
    if entry.validity:
        parts.append(entry.validity.note)
    return "\n".join(part for part in parts if part)


def criteria(service: Service) -> list[Criterion]:
    e = service.entry.eligibility
    return list(e.criteria or []) if e else []


def structured_ages(service: Service) -> set[tuple[int | None, int | None]]:
    e = service.entry.eligibility
    ages = {(c.min_age, c.max_age) for c in criteria(service)}
    if e:
        ages.add((e.min_age, e.max_age))
    return {age for age in ages if age != (None, None)}


def written_ages(text: str) -> set[tuple[int | None, int | None]]:
    """Every age limit the text states, as (min, max): "15-29-vuotiaille", "alle 25-vuotias" …"""
    found: set[tuple[int | None, int | None]] = set()
    for low, high in re.findall(r"(\d+)\s*[-–]\s*(\d+)\s*-?\s*vuotia", text):
        found.add((int(low), int(high)))
    for high in re.findall(r"alle (\d+)\s*[-–]?\s*-?\s*vuotia", text):
        found.add((None, int(high) - 1))
    for low in re.findall(r"(\d+) vuotta täyttän|täyttänyt (\d+) vuotta", text):
        found.add((int(next(n for n in low if n)), None))
    return found


def test_every_age_in_the_texts_is_structured_and_every_structured_age_is_written(
    default_catalogue: Catalogue,
) -> None:
    for service in default_catalogue.services:
        written = written_ages(texts(service))
        assert structured_ages(service) == written, f"{service.id}: the text says ages {written}"


def test_unemployment_months_and_benefit_days_agree(default_catalogue: Catalogue) -> None:
    for service in default_catalogue.services:
        text = texts(service)
        months = {int(n) for n in re.findall(r"yhtäjaksoisesti (\d+) kuukautta", text)}
        days = {int(n) for n in re.findall(r"(\d+) päivää", text)}
        assert months == {c.unemployed_months_min for c in criteria(service) if c.unemployed_months_min}, (
            service.id
        )
        assert days == {c.benefit_days_min for c in criteria(service) if c.benefit_days_min}, service.id


def test_benefits_agree(default_catalogue: Catalogue) -> None:
    assert set(BENEFIT_STEMS) == set(typing.get_args(Benefit))
    for service in default_catalogue.services:
        for_whom = (service.entry.for_whom or "").lower()
        negated = " ".join(NEGATED.findall(for_whom))
        named = {b for b, stem in BENEFIT_STEMS.items() if stem in for_whom and stem not in negated}
        structured = {b for c in criteria(service) for b in (c.benefits or [])}
        assert named == structured, f"{service.id}: the text names {named}, the criteria {structured}"


def municipality_named(name: str, text: str) -> bool:
    """Whether ``text`` names the municipality in any inflection (Lahti: lahtelaisille …)."""
    stem = name.lower()[: max(4, len(name) - 2)]
    return re.search(r"\b" + re.escape(stem), text.lower()) is not None


def test_a_local_service_names_its_municipalities_and_only_those(default_catalogue: Catalogue) -> None:
    checked = []
    for service in default_catalogue.services:
        if service.region_wide:
            continue
        text = texts(service)
        named = {m.id for m in default_catalogue.municipalities if municipality_named(m.name, text)}
        assert named == {m.id for m in service.municipalities}, service.id
        checked.append(service.id)
    assert {"typ", "ohjaamo-lahti", "kuntakokeilu", "terveydenhuollon-sosiaaliohjaaja"} <= set(checked)


@pytest.mark.parametrize(
    ("service_id", "phrase", "ages", "months", "benefits", "days", "area"),
    [
        (
            "kuntouttava-tyotoiminta",
            "Työttömälle, 25 vuotta täyttäneelle, työmarkkinatukeen oikeutetulle",
            {(25, None), (None, 24)},
            set(),
            {"tyomarkkinatuki", "toimeentulotuki"},
            set(),
            None,
        ),
        (
            "typ",
            "on saanut työmarkkinatukea 300 päivää tai on täyttänyt 25 vuotta",
            {(25, None), (None, 24)},
            {12, 6},
            {"tyomarkkinatuki"},
            {300},
            {"lahti"},
        ),
        (
            "kuntakokeilu",
            "on alle 30-vuotias",
            {(None, 29)},
            set(),
            {"tyomarkkinatuki", "peruspaivaraha"},
            set(),
            {"lahti", "asikkala", "hollola", "karkola", "orimattila"},
        ),
        ("ohjaamo-lahti", "15-29-vuotiaille lahtelaisille", {(15, 29)}, set(), set(), set(), {"lahti"}),
        (
            "terveydenhuollon-sosiaaliohjaaja",
            "saatavilla Hollolan, Asikkalan ja Padasjoen Sote-keskuksissa",
            set(),
            set(),
            set(),
            set(),
            {"hollola", "asikkala", "padasjoki"},
        ),
    ],
)
def test_the_sources_numbers_are_structured(
    default_catalogue: Catalogue,
    service_id: str,
    phrase: str,
    ages: set[tuple[int | None, int | None]],
    months: set[int],
    benefits: set[str],
    days: set[int],
    area: set[str] | None,
) -> None:
    """The services whose source gives numbers: the text has them and so do the fields."""
    service = default_catalogue.services_by_id[service_id]
    assert phrase in texts(service)
    assert structured_ages(service) == ages
    assert {c.unemployed_months_min for c in criteria(service) if c.unemployed_months_min} == months
    assert {b for c in criteria(service) for b in (c.benefits or [])} == benefits
    assert {c.benefit_days_min for c in criteria(service) if c.benefit_days_min} == days
    assert (None if service.region_wide else {m.id for m in service.municipalities}) == area


@pytest.mark.parametrize(
    ("service_id", "phrase", "requirements"),
    [
        ("tyottomien-terveydenhoitaja", "on kaikilla työttömillä", ["työtön"]),
        ("kuntien-tyollisyyspalvelut", "Kunnan työttömät henkilöt", ["työtön"]),
        (
            "laakari",
            "Työttömille työnhakijoille, jotka tarvitsevat tarkemman selvityksen työkyvystä",
            ["työtön työnhakija", "tarvitsee tarkemman selvityksen työkyvystä"],
        ),
        ("kuntouttava-tyotoiminta", "Työttömälle", ["työtön"]),
        # "lahtelaiset työttömät": the municipality is the service's area, not a condition.
        ("typ", "ne lahtelaiset työttömät", ["työtön"]),
    ],
)
def test_whom_a_service_is_for_is_a_requirement_where_the_text_names_only_that(
    default_catalogue: Catalogue, service_id: str, phrase: str, requirements: list[str]
) -> None:
    service = default_catalogue.services_by_id[service_id]
    assert phrase in (service.entry.for_whom or "")
    eligibility = service.entry.eligibility
    assert eligibility is not None
    assert list(eligibility.requirements or [])[: len(requirements)] == requirements
