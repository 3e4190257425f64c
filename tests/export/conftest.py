"""Fixtures for the open-data tests: a small catalogue that uses every field, and the HSDS schemas."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from generator.model.catalogue import Catalogue
from generator.validate.catalogue import require_catalogue

PROJECT = Path(__file__).resolve().parents[2]

#: A service that fills every field the exports map.
FULL_SERVICE = """\
name: "Kolmas palvelu: <b>kaikki</b> & 'lainaus'"
summary: Kolmas palvelu kokeilee kaikkia kenttiä.
themes: [kuntoutus]
provider: kunta
area: [alfa]
what: Palvelu tekee *kaikkea*.
why: Koska voi.
how: Soita ensin.
for_whom: Aikuisille.
access:
  routes: [referral, decision]
  referral_from: [lääkäri, terveydenhoitaja]
  decision_by: sosiaalityöntekijä
  note: Kysy lisää omalta työntekijältä.
eligibility:
  min_age: 18
  max_age: 64
  conditions: Asuu alueella.
contacts:
  - name: Toimisto
    address: Katu 1, 00100 Alfa
    phone: 040 123 4567
    email: toimisto@example.org
    url: https://example.org/toimisto
    opening_hours: ["ma klo 9–12", "ke klo 12–15"]
validity:
  until: 2099-12-31
  note: toistaiseksi
last_reviewed: 2025-02-03
owner: Testaaja
languages: [fi, sv]
keywords: [kaikki, kentät]
links:
  - title: Lisää
    url: https://example.org/kolmas
related: [eka]
"""

#: A service whose validity has passed.
ENDED_SERVICE = """\
name: Päättynyt palvelu
themes: [koulutus]
provider: kunta
area: region
what: Ei enää tarjolla.
validity:
  until: 2020-01-31
last_reviewed: 2019-06-01
"""


@pytest.fixture
def rich_project(mini_project: Path) -> Path:
    """The mini project plus a service using every field and an ended one."""
    services = mini_project / "catalogue" / "services"
    (services / "kolmas.yml").write_text(FULL_SERVICE, encoding="utf-8")
    (services / "paattynyt.yml").write_text(ENDED_SERVICE, encoding="utf-8")
    return mini_project


@pytest.fixture
def rich_catalogue(rich_project: Path) -> Catalogue:
    catalogue, _ = require_catalogue(rich_project / "catalogue")
    return catalogue


class _Head(HTMLParser):
    """The <script> elements of a page with their type and text."""

    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[tuple[str | None, str]] = []
        self._type: str | None = None
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self._in_script, self._type = True, dict(attrs).get("type")
            self.scripts.append((self._type, ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            kind, text = self.scripts[-1]
            self.scripts[-1] = (kind, text + data)


def json_ld_of(page: Path) -> list[dict[str, Any]]:
    """The JSON-LD documents in a built page's <head>."""
    parser = _Head()
    html = page.read_text(encoding="utf-8")
    parser.feed(html[: html.index("</head>")])
    return [json.loads(text) for kind, text in parser.scripts if kind == "application/ld+json"]
