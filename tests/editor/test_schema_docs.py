"""The JSON Schemas explain every field in Finnish, with an example, for editors' completion."""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from typing import Any

import pytest
from pydantic import BaseModel

from generator.model import entries, professional
from generator.model.schemas import SCHEMAS, schema_for

#: English docstrings of the models: they must never reach an editor's tooltip.
DOCSTRINGS = {
    inspect.cleandoc(model.__doc__)
    for module in (entries, professional)
    for model in vars(module).values()
    if isinstance(model, type) and issubclass(model, BaseModel) and model.__doc__
}


def properties(schema: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every property of the schema and of its definitions, as (where, schema)."""
    for name, prop in schema.get("properties", {}).items():
        yield name, prop
    for definition, sub in schema.get("$defs", {}).items():
        for name, prop in sub.get("properties", {}).items():
            yield f"{definition}.{name}", prop


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_every_property_has_a_description_and_an_example(name: str) -> None:
    schema = schema_for(SCHEMAS[name])
    undescribed = [where for where, prop in properties(schema) if not prop.get("description")]
    without_example = [where for where, prop in properties(schema) if not prop.get("examples")]
    assert undescribed == [], f"{name}: no description"
    assert without_example == [], f"{name}: no example"


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_the_file_and_every_definition_are_described_in_finnish(name: str) -> None:
    schema = schema_for(SCHEMAS[name])
    described = {"(the file)": schema, **schema.get("$defs", {})}
    missing = [where for where, sub in described.items() if not sub.get("description")]
    english = [where for where, sub in described.items() if sub.get("description") in DOCSTRINGS]
    assert missing == []
    assert english == [], "a class docstring leaked into the schema"
    assert schema["title"] != SCHEMAS[name].__name__, "the file's title should be Finnish"


def test_a_description_reads_as_the_editor_sees_it() -> None:
    schema = schema_for(entries.ServiceEntry)
    assert schema["title"] == "Palvelu"
    assert schema["$defs"]["Access"]["description"] == (
        "Miten palveluun pääsee: itse, ohjauksella, lähetteellä tai palvelupäätöksellä."
    )
    assert schema["properties"]["validity"]["examples"] == [
        {"note": "vuoden 2025 loppuun asti", "until": "2025-12-31"}
    ]
    assert schema["properties"]["what"]["contentMediaType"] == "text/markdown"


def test_the_region_file_lists_its_short_settings_before_the_municipalities() -> None:
    """region.yml is written so; fmt keeps the model's order, so the model follows the file."""
    fields = list(entries.RegionFile.model_fields)
    assert fields.index("review_interval_months") < fields.index("municipalities") == len(fields) - 1
