"""The preview's cards and service pages, rendered again only when what they show changed.

After every change ``tarjotin serve`` plans the whole site again, and at 1,000
services rendering each service's page and card was most of that time, though an
edit changes one service. The keys say everything a card or a service page is made
from (``generator.memo``):

* the **shared** part: the render options, the templates' text, and the whole
  catalogue but its list of services (the region and its labels, themes, providers,
  sections, the professionals' data, the glossary, the vocabulary), a service found
  inside these standing for its id (a section lists services by id);
* the service's **own** file: its fields (its themes, provider, area and related
  services are ids there, resolved in the shared part);
* for a service page, its **next step** (``render/next_steps.py``) as computed
  for this plan: the id and name of every other service it names (a related service
  renamed, or one now named like a referrer, changes the step), its section.

A project with templates of its own is not memoized: its templates may show anything
of the catalogue. A test renders the default catalogue after each kind of change,
with and without the memo, and compares every page.
"""

from __future__ import annotations

import dataclasses
from functools import cache
from pathlib import Path
from typing import Any

from markupsafe import Markup

from generator.memo import RoundMemo, digest, plain
from generator.model.catalogue import Catalogue, Service
from generator.site.plan import Page

__all__ = ["RenderMemo"]


class RenderMemo:
    """The services' fragments (cards, tray entries, table rows) and pages from the last plan,
    by what they were made from."""

    def __init__(self) -> None:
        self.fragments: RoundMemo[Markup] = RoundMemo()
        self.pages: RoundMemo[Page] = RoundMemo()

    def plan_done(self) -> None:
        """A plan has been made: keep only what it used."""
        self.fragments.round_done()
        self.pages.round_done()


def _service_id(value: Any) -> Any:
    return ("service", value.id) if isinstance(value, Service) else None


def _service_named(value: Any) -> Any:
    return ("service", value.id, value.name) if isinstance(value, Service) else None


@cache
def _builtin_templates() -> bytes:
    """The package's own templates: they change only with the package."""
    folder = Path(__file__).parent / "templates"
    return digest(
        [
            (path.relative_to(folder).as_posix(), path.read_bytes())
            for path in sorted(folder.rglob("*"))
            if path.is_file()
        ]
    )


def shared_key(catalogue: Catalogue, options: Any) -> bytes:
    """What every card and service page of this plan is made from besides its own service."""
    rest = {f.name: getattr(catalogue, f.name) for f in dataclasses.fields(catalogue) if f.name != "services"}
    return digest(repr(options), _builtin_templates(), plain(rest, _service_id))


def own_key(service: Service) -> bytes:
    """What the service's own file gives its card and page.

    Its fields as read; its themes, provider and area are these fields resolved in the
    shared files (:func:`shared_key`), and its related services are ids in them.
    """
    return digest(service.id, str(service.source), service.entry.model_dump_json(), service.lines)


def steps_key(steps: Any) -> bytes:
    """A service page's next step as this plan computed it (``next_steps.NextSteps``)."""
    return digest(plain(steps, _service_named))
