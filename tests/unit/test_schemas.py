"""The committed JSON Schemas match the models, and every shipped file satisfies them."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from generator.model.schemas import SCHEMAS, render_schema

PROJECT = Path(__file__).parent.parent.parent
SCHEMA_DIR = PROJECT / "schemas"
CATALOGUE = PROJECT / "catalogue"

FILES = {
    "region.schema.json": [CATALOGUE / "region.yml"],
    "themes.schema.json": [CATALOGUE / "themes.yml"],
    "providers.schema.json": [CATALOGUE / "providers.yml"],
    "further-reading.schema.json": [CATALOGUE / "further-reading.yml"],
    "sections.schema.json": [CATALOGUE / "sections.yml"],
    "vocabulary.schema.json": [CATALOGUE / "vocabulary.yml"],
    "service.schema.json": sorted((CATALOGUE / "services").glob("*.yml")),
    "path.schema.json": sorted((CATALOGUE / "professional" / "paths").glob("*.yml")),
    "case.schema.json": sorted((CATALOGUE / "professional" / "cases").glob("*.yml")),
    "checklist.schema.json": sorted((CATALOGUE / "professional" / "checklists").glob("*.yml")),
    "work-ability-score.schema.json": [CATALOGUE / "professional" / "work-ability-score.yml"],
    "participation.schema.json": [CATALOGUE / "professional" / "participation.yml"],
    "glossary.schema.json": [CATALOGUE / "professional" / "glossary.yml"],
}


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_committed_schema_matches_the_model(name: str) -> None:
    committed = (SCHEMA_DIR / name).read_text(encoding="utf-8")
    assert committed == render_schema(SCHEMAS[name]), f"schemas/{name} is out of date: run `tarjotin schemas`"


def _as_json(value: Any) -> Any:
    """YAML dates become ISO strings, as an editor's schema validator sees them."""
    if isinstance(value, dict):
        return {k: _as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_json(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


@pytest.mark.parametrize("name", sorted(FILES))
def test_shipped_files_satisfy_their_schema(name: str) -> None:
    schema = json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    assert FILES[name], name
    for path in FILES[name]:
        text = path.read_text(encoding="utf-8")
        depth = len(path.relative_to(CATALOGUE).parts)  # services/x.yml → 2: ../../schemas
        relative = Path(*[".."] * depth)
        first_line = text.splitlines()[0]
        assert first_line == f"# yaml-language-server: $schema={relative.as_posix()}/schemas/{name}", path
        errors = [e.message for e in validator.iter_errors(_as_json(yaml.safe_load(text)))]
        assert errors == [], path


def test_schema_rejects_what_the_validator_rejects() -> None:
    schema = json.loads((SCHEMA_DIR / "service.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    bad = {
        "name": "X",
        "themes": ["Kuntoutus"],
        "provider": "p",
        "area": "region",
        "what": "x",
        "for_whome": "typo",
    }
    messages = sorted(e.message for e in validator.iter_errors(bad))
    assert any("for_whome" in m for m in messages)
    assert any("Kuntoutus" in m for m in messages)
