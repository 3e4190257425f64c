"""A labelled fact declared on the model shows on every layout of a service and in the exports.

This is the change ``developer-docs/architecture.md`` walks through ("Adding an optional
field"): one field with a :class:`~generator.model.facts.Fact` marker on the service
model and its label, and nothing else. Here the field is added to a subclass of the
model and the label to a subclass of the labels, which is what the two edits do.
"""

from __future__ import annotations

import csv
import dataclasses
import io
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import jsonschema
import pytest
from pydantic import Field

from generator.export.csv_table import catalogue_csv
from generator.export.hsds import HsdsExport
from generator.export.site_urls import SiteUrls
from generator.model.catalogue import Catalogue
from generator.model.entries import ServiceEntry, Text
from generator.model.facts import Fact, FactValue, fact_fields, service_facts
from generator.render.pages import RenderOptions, render_pages
from generator.site import urls
from generator.site.labels import FINNISH, Labels
from generator.validate.catalogue import require_catalogue
from tests.helpers import hsds_schema

TODAY = date(2025, 6, 1)


class WithCost(ServiceEntry):
    """The service model after step 1: one optional field, marked as a fact."""

    cost: Annotated[Text | None, Fact("cost", hsds="fees_description")] = Field(
        None, description="Maksaako palvelu asiakkaalle jotakin."
    )
    review_date: Annotated[date | None, Fact("cost_checked", card=True)] = None


@dataclasses.dataclass(frozen=True)
class LabelsWithCost(Labels):
    """The labels after step 2."""

    cost: str = "Hinta"
    cost_checked: str = "Hinta tarkistettu"


LABELS = LabelsWithCost()


@pytest.fixture
def catalogue(mini_catalogue: Path, monkeypatch: pytest.MonkeyPatch) -> Catalogue:
    for module in ("generator.render.renderer", "generator.export.hsds"):
        monkeypatch.setattr(f"{module}.labels_for", lambda overrides=None: LABELS)
    loaded, _ = require_catalogue(mini_catalogue)
    service = loaded.services[0]
    written = service.entry.model_dump(exclude_none=True)
    service.entry = WithCost.model_validate(written | {"cost": "Maksuton", "review_date": date(2025, 5, 2)})
    return loaded


def test_the_marker_is_found_on_the_model() -> None:
    assert [(name, fact.label) for name, fact in fact_fields(WithCost)] == [
        ("cost", "cost"),
        ("review_date", "cost_checked"),
    ]


def test_a_fact_is_shown_with_its_label_and_left_out_without_a_value() -> None:
    entry = WithCost(name="X", provider="p", area="region", what="Jotain.", cost="Maksuton", review_date=None)
    assert service_facts(entry, LABELS) == [
        FactValue("cost", Fact("cost", hsds="fees_description"), "Hinta", "Maksuton")
    ]


def test_the_service_page_the_print_view_and_only_asked_for_cards_show_it(catalogue: Catalogue) -> None:
    service = catalogue.services[0]
    pages = {page.path: page.full_markdown for page in render_pages(catalogue, RenderOptions(today=TODAY))}
    own = pages[urls.service(service.id)]
    assert "**Hinta**\n: Maksuton\n" in own
    # Dates as Finnish pages write them; text from YAML is escaped as Markdown text.
    assert "**Hinta tarkistettu**\n: 2\\.5\\.2025\n" in own
    tray = pages[urls.TRAY]
    assert "**Hinta:** Maksuton" in tray and "**Hinta tarkistettu:** 2\\.5\\.2025" in tray
    cards = pages[urls.SERVICES]
    assert "**Hinta tarkistettu:** 2\\.5\\.2025" in cards  # card=True
    assert "Maksuton" not in cards  # the cost is not on the cards
    other = pages[urls.service(catalogue.services[1].id)]
    assert "Hinta" not in other  # no value, no label


def test_the_csv_has_a_column_named_after_the_field(catalogue: Catalogue) -> None:
    rows = list(csv.DictReader(io.StringIO(catalogue_csv(catalogue, SiteUrls(), TODAY))))
    assert rows[0].keys() >= {"cost", "review_date"}
    by_id = {row["id"]: row for row in rows}
    assert by_id[catalogue.services[0].id]["cost"] == "Maksuton"
    assert by_id[catalogue.services[0].id]["review_date"] == "2025-05-02"  # ISO in data
    assert by_id[catalogue.services[1].id]["cost"] == ""


def test_hsds_fills_the_field_named_and_still_validates(catalogue: Catalogue) -> None:
    records = HsdsExport(catalogue, SiteUrls(), TODAY).services_page()["contents"]
    first = next(r for r in records if r["name"] == catalogue.services[0].name)
    assert first["fees_description"] == "Maksuton"
    validator = jsonschema.Draft202012Validator(hsds_schema("service.json"))
    assert [e.message for r in records for e in validator.iter_errors(r)] == []


def _hsds_fields_filled_otherwise(catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch) -> set[str]:
    """Every field the HSDS export fills for the default catalogue, leaving the facts out."""
    with monkeypatch.context() as patch:
        patch.setattr("generator.export.hsds.service_facts", lambda entry, labels: [])
        records = HsdsExport(catalogue, SiteUrls("https://example.org/"), TODAY).services_page()["contents"]
    return {key for record in records for key in record}


@pytest.mark.parametrize("model", [ServiceEntry, WithCost])
def test_every_fact_names_a_label_and_a_free_hsds_field(
    model: Any, default_catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The checks a new fact must pass: run on the real model, and on the example above."""
    labels = LABELS if model is WithCost else FINNISH
    properties = hsds_schema("service.json")["properties"]
    taken = _hsds_fields_filled_otherwise(default_catalogue, monkeypatch)
    for name, fact in fact_fields(model):
        assert isinstance(getattr(labels, fact.label, None), str), f"{name}: no label {fact.label!r}"
        if fact.hsds:
            assert properties.get(fact.hsds, {}).get("type") == "string", f"{name}: {fact.hsds}"
            assert fact.hsds not in taken, f"{name}: hsds.py already fills {fact.hsds}"
