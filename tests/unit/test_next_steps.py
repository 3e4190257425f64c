"""The index of services on offer that every service page's next step asks."""

from __future__ import annotations

from dataclasses import replace

from generator.model.catalogue import Catalogue
from generator.render.next_steps import OnOffer


def test_a_name_finds_the_first_service_of_that_name_but_never_the_asking_one(
    default_catalogue: Catalogue,
) -> None:
    doctor = default_catalogue.services_by_id["laakari"]
    nurse = default_catalogue.services_by_id["psykiatrinen-sairaanhoitaja"]
    namesake = replace(nurse, entry=nurse.entry.model_copy(update={"name": "LÄÄKÄRI "}))
    on_offer = OnOffer([nurse, doctor, namesake])
    assert on_offer.named(" lääkäri", besides=nurse) is doctor, "case and spaces aside"
    assert on_offer.named("lääkäri", besides=doctor) is namesake, "never the page itself"
    assert OnOffer([nurse, namesake, doctor]).named("Lääkäri", besides=nurse) is namesake, "the first"
    assert on_offer.named("hammaslääkäri", besides=nurse) is None


def test_a_service_is_on_offer_by_identity_and_never_for_itself(default_catalogue: Catalogue) -> None:
    doctor = default_catalogue.services_by_id["laakari"]
    nurse = default_catalogue.services_by_id["psykiatrinen-sairaanhoitaja"]
    on_offer = OnOffer([doctor])
    assert on_offer.has(doctor, besides=nurse)
    assert not on_offer.has(doctor, besides=doctor)
    assert not on_offer.has(nurse, besides=doctor)
    assert not on_offer.has(replace(doctor), besides=nurse), "a copy is another service"
