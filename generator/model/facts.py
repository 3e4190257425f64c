"""A service's labelled facts: declared once, on the model's field, shown and exported alike.

A simple optional field of a service (a short text, a number, a date or a list of
them) becomes a labelled fact by one marker in its annotation::

    cost: Annotated[Text | None, Fact("cost", hsds="fees_description")] = Field(
        None, description="Maksaako palvelu asiakkaalle jotakin."
    )

and then, with nothing else to change,

* the service page lists it among its facts, under the label ``Labels.cost``, and so
  does the printable tray (``card=True`` adds it to the service cards too);
* ``palvelut.csv`` has a column named after the field, ``palvelut.json`` has the
  field as written (as for every field);
* the HSDS service record fills the HSDS field named by ``hsds`` with the fact's
  text (``tests/unit/test_facts.py`` checks that it is a text field of HSDS 3.0's
  service that :mod:`generator.export.hsds` fills with nothing else);
* the editors' field reference (``toimittajille/kentat/``) and the JSON Schema
  describe it from the field's ``description``.

The facts the pages lay out by hand (area, provider, access, age, availability)
need wording of their own and stay in the templates; this is for the rest.
``developer-docs/architecture.md`` walks through adding one.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from pydantic import BaseModel

if TYPE_CHECKING:
    from generator.site.labels import Labels


@dataclass(frozen=True)
class Fact:
    """The marker: which label names the field, and where else it shows.

    Attributes:
        label: The key in :class:`generator.site.labels.Labels` of its Finnish name
            (a region may reword it with ``labels:`` in region.yml).
        card: Shown on the service cards of the listing pages too (keep cards short).
        hsds: The HSDS 3.0 service field its text fills, if any.
    """

    label: str
    card: bool = False
    hsds: str | None = None


@dataclass(frozen=True)
class FactValue:
    """One service's value of a fact, ready to show."""

    field: str
    fact: Fact
    label: str
    text: str


Value = str | int | date | list[str] | list[int]


def fact_fields(model: type[BaseModel]) -> Iterator[tuple[str, Fact]]:
    """The labelled fields of ``model``, in the model's order."""
    for name, info in model.model_fields.items():
        for marker in info.metadata:
            if isinstance(marker, Fact):
                yield name, marker


def display_text(value: Value, labels: Labels) -> str:
    """A value as a page shows it: a date in Finnish, a list as a comma-separated line."""
    if isinstance(value, date):
        return labels.date(value)
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return str(value)


def cell_text(value: Value | None) -> str:
    """A value as a CSV cell holds it: a date as ISO, a list one item a line, nothing as empty."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "\n".join(str(item) for item in value)
    return value.isoformat() if isinstance(value, date) else str(value)


def service_facts(entry: BaseModel, labels: Labels) -> list[FactValue]:
    """The labelled facts ``entry`` (a service file's model) has a value for."""
    found = []
    for name, fact in fact_fields(type(entry)):
        value = getattr(entry, name)
        if value is None or value == []:
            continue
        found.append(FactValue(name, fact, getattr(labels, fact.label), display_text(value, labels)))
    return found
