"""The catalogue's services as one CSV table (``palvelut.csv``), one row per service.

For spreadsheets: UTF-8 with a byte-order mark (so Excel reads ä and ö
right), comma-separated, RFC 4180 quoting. A list in one cell has one item per
line; Markdown sections are kept as written. Nested details that do not fit a
table (contact details beyond one line each) are complete in ``palvelut.json``.

A spreadsheet runs a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return as a formula (``=HYPERLINK(…)`` turns a service's name into a link
anywhere), so such a cell gets a leading apostrophe, as OWASP's "CSV Injection"
advises, and shows as text. A Markdown list (``- …``) starts that way too. The JSON
files keep the exact text.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable
from datetime import date

from generator.export.records import status
from generator.export.site_urls import SiteUrls
from generator.model.catalogue import Catalogue, Service
from generator.model.entries import Contact
from generator.model.facts import cell_text, fact_fields
from generator.report.formats import FORMULA_STARTS
from generator.report.formats import csv_cell as cell
from generator.site import urls as paths

#: Excel needs the byte-order mark to read UTF-8.
ENCODING = "utf-8-sig"

__all__ = ["COLUMNS", "ENCODING", "FORMULA_STARTS", "catalogue_csv", "cell", "columns"]


def _lines(values: Iterable[object] | None) -> str:
    return "\n".join(str(v) for v in values or [])


def _optional(value: object | None) -> str:
    return "" if value is None else str(value)


def _contact(contact: Contact) -> str:
    parts = [contact.name, contact.address, contact.phone, contact.email, contact.url]
    parts += contact.opening_hours or []
    return "; ".join(p for p in parts if p)


Column = tuple[str, Callable[[Service], str]]

COLUMNS: list[Column] = [
    ("name", lambda s: s.name),
    ("summary", lambda s: _optional(s.entry.summary)),
    ("themes", lambda s: _lines(t.name for t in s.themes)),
    ("theme_ids", lambda s: _lines(t.id for t in s.themes)),
    ("provider", lambda s: s.provider.name),
    ("provider_id", lambda s: s.provider.id),
    ("region_wide", lambda s: "yes" if s.region_wide else "no"),
    ("municipalities", lambda s: _lines(m.name for m in s.municipalities)),
    ("municipality_codes", lambda s: _lines(m.code for m in s.municipalities)),
    ("access_routes", lambda s: _lines(s.access_routes)),
    ("referral_from", lambda s: _lines(s.entry.access.referral_from if s.entry.access else None)),
    ("decision_by", lambda s: _optional(s.entry.access.decision_by if s.entry.access else None)),
    ("access_note", lambda s: _optional(s.entry.access.note if s.entry.access else None)),
    ("min_age", lambda s: _optional(s.entry.eligibility.min_age if s.entry.eligibility else None)),
    ("max_age", lambda s: _optional(s.entry.eligibility.max_age if s.entry.eligibility else None)),
    (
        "eligibility_conditions",
        lambda s: _optional(s.entry.eligibility.conditions if s.entry.eligibility else None),
    ),
    ("what", lambda s: s.entry.what),
    ("why", lambda s: _optional(s.entry.why)),
    ("how", lambda s: _optional(s.entry.how)),
    ("for_whom", lambda s: _optional(s.entry.for_whom)),
    ("contacts", lambda s: _lines(_contact(c) for c in s.entry.contacts or [])),
    ("valid_until", lambda s: _optional(s.entry.validity.until if s.entry.validity else None)),
    ("last_reviewed", lambda s: _optional(s.entry.last_reviewed)),
    ("owner", lambda s: _optional(s.entry.owner)),
    ("languages", lambda s: _lines(s.entry.languages)),
    ("keywords", lambda s: _lines(s.entry.keywords)),
    ("links", lambda s: _lines(link.url for link in s.entry.links or [])),
    ("related", lambda s: _lines(r.id for r in s.related)),
]


def _fact_column(name: str) -> Column:
    return name, lambda s: cell_text(getattr(s.entry, name, None))


def columns(catalogue: Catalogue) -> list[Column]:
    """:data:`COLUMNS`, then one for each labelled fact of the services' model
    (generator/model/facts.py), named after its field."""
    names: dict[str, None] = {}
    for service in catalogue.services:
        names.update((name, None) for name, _ in fact_fields(type(service.entry)))
    return COLUMNS + [_fact_column(name) for name in names]


def catalogue_csv(catalogue: Catalogue, urls: SiteUrls, today: date) -> str:
    """The CSV text: a header row, then every service (ended ones too) in name order."""
    here = paths.open_data_file(paths.CATALOGUE_CSV)
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    table = columns(catalogue)
    writer.writerow(["id", "url", "status", *(name for name, _ in table)])
    for service in catalogue.services:
        row = [service.id, urls.service(service, here), status(service, today)]
        writer.writerow([cell(text) for text in row + [value(service) for _, value in table]])
    return out.getvalue()
