"""The editors' field reference, generated from the JSON Schemas at build time.

The schemas come from the same models the validator uses, so the reference
page cannot disagree with what ``tarjotin validate`` accepts, and it cannot go
stale: nothing of it is committed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

import yaml
from markupsafe import Markup

from generator.model.entries import SLUG_PATTERN
from generator.model.schemas import SCHEMAS, schema_for

Schema = dict[str, Any]
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class FieldDoc:
    """One field of one kind of file.

    Attributes:
        path: Where the field sits: ``access.routes``; ``[]`` marks each item of a list.
        required: Whether every file of this kind must have it.
        kind: What kind of value it takes, in Finnish.
        description: What it means, in Finnish (from the model).
        example: One example as a line of YAML, or ``""``.
    """

    path: str
    required: bool
    kind: str
    description: str
    example: str


@dataclass(frozen=True)
class FileDoc:
    """The fields of one kind of file (one JSON Schema)."""

    title: str
    schema: str
    description: str
    fields: list[FieldDoc]


def inline_code(value: str) -> Markup:
    """``value`` as a Markdown code span (shown literally, whatever it contains)."""
    longest = max((len(run) for run in re.findall(r"`+", value)), default=0)
    fence = "`" * (longest + 1)
    padded = f" {value} " if value.startswith("`") or value.endswith("`") else value
    return Markup(f"{fence}{padded}{fence}")


def _with_dates(value: Any) -> Any:
    """JSON writes dates as ``"2025-01-31"``; in YAML they are plain dates, so show them so."""
    if isinstance(value, dict):
        return {key: _with_dates(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_with_dates(item) for item in value]
    if isinstance(value, str) and _ISO_DATE.match(value):
        return date.fromisoformat(value)
    return value


def _yaml_line(key: str, value: Any) -> str:
    """``key: value`` on one line; lists and mappings in flow style (``[a, b]``, ``{k: v}``)."""
    value = _with_dates(value)
    flow = isinstance(value, (dict, list))
    dumped = yaml.dump(  # libyaml's safe dumper: this runs for every field on every build
        {key: value},
        Dumper=yaml.CSafeDumper,
        default_flow_style=flow,
        allow_unicode=True,
        sort_keys=False,
        width=1_000_000,
    )
    line = dumped.strip()
    return line.removeprefix("{").removesuffix("}") if flow else line


class _Walker:
    def __init__(self, root: Schema) -> None:
        self.defs: dict[str, Schema] = root.get("$defs", {})

    def resolve(self, schema: Schema) -> Schema:
        """Follow ``$ref`` and drop the ``null`` that marks an optional field."""
        if "$ref" in schema:
            return self.resolve(self.defs[schema["$ref"].rsplit("/", 1)[-1]])
        options = [option for option in schema.get("anyOf", []) if option.get("type") != "null"]
        if "anyOf" in schema and len(options) == 1:
            return self.resolve(options[0])
        return schema

    def ordered(self, value: Any, schema: Schema) -> Any:
        """An example with its mappings' keys in field order (JSON Schema sorts them)."""
        schema = self.resolve(schema)
        if isinstance(value, dict):
            order = list(schema.get("properties", {}))
            keys = sorted(value, key=lambda k: order.index(k) if k in order else len(order))
            return {k: self.ordered(value[k], schema.get("properties", {}).get(k, {})) for k in keys}
        if isinstance(value, list):
            return [self.ordered(item, schema.get("items", {})) for item in value]
        return value

    def kind(self, schema: Schema) -> str:
        schema = self.resolve(schema)
        if "anyOf" in schema:
            return " tai ".join(
                self.kind(option) for option in schema["anyOf"] if option.get("type") != "null"
            )
        if "const" in schema:
            return f"'{schema['const']}'"
        if "enum" in schema:
            return "yksi näistä: " + ", ".join(str(value) for value in schema["enum"])
        kind = schema.get("type")
        if kind == "string":
            if schema.get("format") == "date":
                return "päivämäärä (VVVV-KK-PP)"
            if schema.get("pattern") == SLUG_PATTERN:
                return "tunniste"
            if schema.get("contentMediaType") == "text/markdown":
                return "Markdown-teksti"
            return "teksti"
        if kind == "integer":
            low, high = schema.get("minimum"), schema.get("maximum")
            return "kokonaisluku" + (f" {low}–{high}" if low is not None and high is not None else "")
        if kind == "boolean":
            return "true tai false"
        if kind == "array":
            return f"luettelo ({self.kind(schema.get('items', {}))})"
        if kind == "object" or "properties" in schema:
            return "kenttäryhmä (sen kentät alla)"
        return "arvo"

    def fields(self, schema: Schema, prefix: str = "") -> list[FieldDoc]:
        docs: list[FieldDoc] = []
        required = set(schema.get("required", []))
        for key, prop in schema.get("properties", {}).items():
            target = self.resolve(prop)
            examples = [self.ordered(e, prop) for e in prop.get("examples") or target.get("examples") or []]
            docs.append(
                FieldDoc(
                    path=f"{prefix}{key}",
                    required=key in required,
                    kind=self.kind(prop),
                    description=prop.get("description") or target.get("description", ""),
                    example=_yaml_line(key, examples[0]) if examples else "",
                )
            )
            if "properties" in target:
                docs.extend(self.fields(target, f"{prefix}{key}."))
            elif target.get("type") == "array":
                items = self.resolve(target.get("items", {}))
                if "properties" in items:
                    docs.extend(self.fields(items, f"{prefix}{key}[]."))
        return docs


def field_reference() -> list[FileDoc]:
    """Every kind of catalogue file with all its fields, nested ones included."""
    files = []
    for name, model in SCHEMAS.items():
        schema = schema_for(model)
        files.append(
            FileDoc(
                title=schema.get("title", name),
                schema=name,
                description=schema.get("description", ""),
                fields=_Walker(schema).fields(schema),
            )
        )
    return files
