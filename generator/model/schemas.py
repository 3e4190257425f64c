"""JSON Schemas for editors, generated from the same models the validator uses.

The schemas are committed under ``schemas/`` so editors (VS Code with the YAML
extension, and others that read ``# yaml-language-server: $schema=…``) offer
completion and inline errors; a test keeps them identical to the models.
"""

from __future__ import annotations

import copy
import functools
import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from generator.model.entries import (
    FurtherReadingFile,
    ProvidersFile,
    RegionFile,
    ServiceEntry,
    ThemesFile,
)
from generator.model.professional import (
    CaseFile,
    ChecklistFile,
    GlossaryFile,
    ParticipationFile,
    PathFile,
    WorkAbilityScoreFile,
)
from generator.model.sections import SectionsFile
from generator.model.vocabulary import VocabularyFile

#: File name of each schema → the model it describes.
SCHEMAS: dict[str, type[BaseModel]] = {
    "service.schema.json": ServiceEntry,
    "region.schema.json": RegionFile,
    "themes.schema.json": ThemesFile,
    "providers.schema.json": ProvidersFile,
    "further-reading.schema.json": FurtherReadingFile,
    "sections.schema.json": SectionsFile,
    "vocabulary.schema.json": VocabularyFile,
    "path.schema.json": PathFile,
    "case.schema.json": CaseFile,
    "checklist.schema.json": ChecklistFile,
    "work-ability-score.schema.json": WorkAbilityScoreFile,
    "participation.schema.json": ParticipationFile,
    "glossary.schema.json": GlossaryFile,
}


@functools.cache
def _model_schema(model: type[BaseModel]) -> dict[str, Any]:
    # Made once per process: every build's field reference page reads them (0.1 s a build).
    return model.model_json_schema(mode="validation")


def schema_for(model: type[BaseModel]) -> dict[str, Any]:
    schema = copy.deepcopy(_model_schema(model))
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def render_schema(model: type[BaseModel]) -> str:
    return json.dumps(schema_for(model), ensure_ascii=False, indent=2) + "\n"


def write_schemas(folder: Path) -> list[Path]:
    """Write every schema into ``folder``; return the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, model in SCHEMAS.items():
        path = folder / name
        path.write_text(render_schema(model), encoding="utf-8")
        written.append(path)
    return written
