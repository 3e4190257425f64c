"""Which model (and JSON Schema) a catalogue file follows.

A file says so itself in its first line, ``# yaml-language-server:
$schema=…/schemas/service.schema.json``, which editors such as VS Code read
too. A file without that line is recognised by where it lives in the
catalogue (``services/<id>.yml``, ``region.yml`` …).
"""

from __future__ import annotations

import os
import re
import types
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from generator.load.layout import (
    FURTHER_READING_FILE,
    PROVIDERS_FILE,
    REGION_FILE,
    SERVICES_DIR,
    THEMES_FILE,
)
from generator.model.schemas import SCHEMAS

SCHEMA_COMMENT = re.compile(r"^#\s*yaml-language-server:\s*\$schema=(\S+)\s*$")

#: Schema of each file the catalogue layout names, for files that do not declare one.
_SCHEMA_BY_FILE_NAME = {
    REGION_FILE: "region.schema.json",
    THEMES_FILE: "themes.schema.json",
    PROVIDERS_FILE: "providers.schema.json",
    FURTHER_READING_FILE: "further-reading.schema.json",
}
SERVICE_SCHEMA = "service.schema.json"


@dataclass(frozen=True)
class FileKind:
    """A kind of catalogue file.

    Attributes:
        schema: File name of its JSON Schema in ``schemas/``.
        model: The pydantic model its data must satisfy.
    """

    schema: str
    model: type[BaseModel]


def declared_schema(text: str) -> str | None:
    """The schema path a file's first line declares, if it declares one."""
    first_line = text.split("\n", 1)[0].lstrip("\ufeff").rstrip("\r")
    match = SCHEMA_COMMENT.match(first_line)
    return match.group(1) if match else None


def schema_by_location(path: Path) -> str | None:
    """The schema a file at ``path`` follows by where it lives in the catalogue."""
    if path.parent.name == SERVICES_DIR:
        return SERVICE_SCHEMA
    return _SCHEMA_BY_FILE_NAME.get(path.name)


def kind_of(path: Path, text: str) -> FileKind | None:
    """The kind of file ``path`` (with contents ``text``) is, or ``None`` if unknown."""
    declared = declared_schema(text)
    name = declared.rsplit("/", 1)[-1] if declared else schema_by_location(path)
    if name is None or name not in SCHEMAS:
        return None
    return FileKind(name, SCHEMAS[name])


def schema_comment(path: Path, schema: str) -> str:
    """The ``# yaml-language-server`` line for a file at its place in the catalogue.

    The schemas folder sits next to the catalogue folder, so the relative path
    depends on how deep the file is: ``../schemas/…`` for ``region.yml``,
    ``../../schemas/…`` for ``services/<id>.yml``.
    """
    root = path.parent.parent if path.parent.name == SERVICES_DIR else path.parent
    target = root.parent / "schemas" / schema
    relative = Path(os.path.relpath(target, path.parent)).as_posix()
    return f"# yaml-language-server: $schema={relative}"


def child_model(model: type[BaseModel] | None, key: str) -> type[BaseModel] | None:
    """The model of the value under ``key`` (itself, or of its list items), if it has one."""
    if model is None or key not in model.model_fields:
        return None
    return _model_in(model.model_fields[key].annotation)


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """Find the model class inside ``X | None``, ``list[X]`` and ``Annotated[...]``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (typing.Annotated, list, typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            found = _model_in(arg)
            if found is not None:
                return found
    return None
