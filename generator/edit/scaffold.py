"""``tarjotin new``: a new service file that explains itself.

The file holds the fields every service needs (name, themes, provider, area
and a placeholder for *Mitä?*, which ``tarjotin validate`` reports as an error
until the editor writes the text) and, commented out, every optional field of
:class:`~generator.model.entries.ServiceEntry` with its Finnish description and
an example. Both come from the model, so the scaffold never falls behind it.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel
from slugify import slugify

from generator.edit.formatting import format_text
from generator.edit.kinds import SERVICE_SCHEMA, FileKind, schema_comment
from generator.i18n import _
from generator.load.layout import CatalogueLayout, check_inside
from generator.load.yaml_source import read_yaml
from generator.model.entries import ProvidersFile, RegionFile, ServiceEntry, ThemesFile
from generator.problems import Problems
from generator.validate.fields import check_fields
from generator.validate.placeholders import PLACEHOLDER

_HEADER = f"""\
#
# Uusi palvelu. Täydennä tiedot lähteen mukaan ja korvaa tekstit {PLACEHOLDER}:
# tarkistus (tarjotin validate) ilmoittaa virheenä jokaisen, joka on vielä jäljellä.
# Kirjoita selkeää kieltä: lyhyitä virkkeitä, puhuttele lukijaa sinä-muodossa
# ja selitä lyhenteet. Älä keksi tietoja: jätä pois kenttä, josta lähde ei kerro.
#
# Vapaaehtoiset kentät ovat alla kommentteina, ja niissä on esimerkkiarvo.
# Ota kenttä käyttöön poistamalla rivien alusta merkit "# " ja kirjoita oma
# tekstisi esimerkin tilalle.
#
# Tarkista tiedosto: tarjotin validate
# Esikatsele sivustoa: tarjotin serve
# Ohje toimittajille: docs/toimittajille/index.md
"""

_WHAT_PLACEHOLDER = f"{PLACEHOLDER}: kerro lyhyesti, mitä palvelu on.\n"
_COMMENT_WIDTH = 78


@dataclass(frozen=True)
class Vocabularies:
    """The ids a new service may refer to, in the catalogue's order."""

    themes: list[str]
    providers: dict[str, str]
    municipalities: list[str]


@dataclass(frozen=True)
class NewService:
    """What the editor told ``tarjotin new``."""

    name: str
    themes: list[str]
    provider: str
    area: Literal["region"] | list[str]


def service_id(name: str) -> str:
    """The file name (without ``.yml``) for a service called ``name``.

    python-slugify transliterates (ä → a, ö → o, å → a), lowercases and joins
    words with hyphens, which is exactly the catalogue's id pattern.
    """
    return slugify(name)


def read_vocabularies(catalogue: Path, problems: Problems) -> Vocabularies | None:
    """The theme, provider and municipality ids, or ``None`` if those files have errors.

    Only the three vocabulary files are read, so a broken service file
    elsewhere does not stop anyone from adding a new one.
    """
    layout = CatalogueLayout(catalogue)
    models: dict[Path, type[BaseModel]] = {
        layout.themes: ThemesFile,
        layout.providers: ProvidersFile,
        layout.region: RegionFile,
    }
    checked: dict[Path, Any] = {}
    for path, model in models.items():
        if not path.is_file():
            problems.add(path, _("the file is missing"), suggestion=_("every catalogue needs it"))
            continue
        document = read_yaml(path, problems, root=catalogue)
        if document is not None:
            checked[path] = check_fields(document, model, problems)
    if problems.errors:
        return None
    return Vocabularies(
        themes=[theme.id for theme in checked[layout.themes].themes],
        providers={provider.id: provider.name for provider in checked[layout.providers].providers},
        municipalities=[m.id for m in checked[layout.region].municipalities],
    )


def _flow(value: Any) -> str:
    """A scalar, or a list of scalars, as one line of YAML (``[a, b]``)."""
    dumped = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=1_000_000)
    return dumped.removesuffix("\n").removesuffix("\n...").strip()


def _lines(key: str, value: Any, indent: int = 0) -> list[str]:
    """``key: value`` as block YAML lines in the catalogue's style."""
    pad = " " * indent
    if isinstance(value, dict):
        return [f"{pad}{key}:"] + [line for k, v in value.items() for line in _lines(k, v, indent + 2)]
    if isinstance(value, list) and any(isinstance(item, dict) for item in value):
        lines = [f"{pad}{key}:"]
        for item in value:
            item_lines = [line for k, v in item.items() for line in _lines(k, v, indent + 4)]
            item_lines[0] = f"{pad}  - {item_lines[0][indent + 4 :]}"
            lines.extend(item_lines)
        return lines
    if isinstance(value, str) and "\n" in value:
        body = [f"{pad}  {line}" if line else "" for line in value.strip("\n").split("\n")]
        return [f"{pad}{key}: |", *body]
    return [f"{pad}{key}: {_flow(value)}"]


def _comment(text: str) -> list[str]:
    return ["# " + line for line in textwrap.wrap(text, _COMMENT_WIDTH - 2)]


def _commented(lines: list[str]) -> list[str]:
    return [f"# {line}" if line else "#" for line in lines]


def service_text(path: Path, service: NewService, *, today: date) -> str:
    """The text of a new service file at ``path``."""
    values: dict[str, Any] = {
        "name": service.name,
        "themes": service.themes or None,
        "provider": service.provider,
        "area": service.area,
        "what": _WHAT_PLACEHOLDER,
    }
    #: Examples that should not be copied from the schema.
    examples: dict[str, Any] = {"last_reviewed": today}
    out = [schema_comment(path, SERVICE_SCHEMA), *_HEADER.splitlines()]
    for key, info in ServiceEntry.model_fields.items():
        out.append("")
        if info.description:
            out.extend(_comment(info.description))
        if values.get(key) is not None:
            out.extend(_lines(key, values[key]))
            continue
        if info.is_required():
            raise ValueError(f"tarjotin new has no value for the required field '{key}'")
        example = examples.get(key, info.examples[0] if info.examples else PLACEHOLDER)
        out.extend(_commented(_lines(key, example)))
    text = "\n".join(out) + "\n"
    return format_text(path, text, FileKind(SERVICE_SCHEMA, ServiceEntry))


def create_service(catalogue: Path, service: NewService, identifier: str, *, today: date) -> Path:
    """Write ``services/<identifier>.yml``; raise :class:`FileExistsError` if it exists.

    Raises :class:`~generator.load.layout.UnsafePath` instead of writing
    through a link (``services`` linked elsewhere, or a link at the new name).
    """
    path = CatalogueLayout(catalogue).services_dir / f"{identifier}.yml"
    check_inside(path, catalogue)
    if path.exists():
        raise FileExistsError(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = service_text(path, service, today=today)
    # Exclusive creation: a file that appeared meanwhile is not overwritten either.
    with path.open("x", encoding="utf-8", newline="\n") as stream:
        stream.write(text)
    return path
