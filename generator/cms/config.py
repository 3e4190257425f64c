"""The form editor's configuration (Decap CMS ``config.yml``), generated from the models.

Nothing of it is written by hand: every collection is one catalogue file kind
(:data:`COLLECTIONS`), and every field of its model becomes a form field with
the model's Finnish description as its hint, a short Finnish label, and the
widget its type needs (Markdown for Markdown, a date picker for dates, a
select for enumerations, a relation for ids that point at other files).
``tests/cms/test_config.py`` walks every model field and fails when one has
no counterpart here.

The schema walked is the JSON Schema of :mod:`generator.model.schemas`, the
one editors' editors already read, so the form cannot disagree with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from pydantic import BaseModel

from generator.edit.kinds import schema_comment
from generator.i18n import _
from generator.model.entries import (
    SLUG_PATTERN,
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
from generator.model.schemas import SCHEMAS, schema_for
from generator.model.sections import SectionsFile
from generator.model.vocabulary import VocabularyFile
from generator.site import labels as site_labels

Schema = dict[str, Any]
Field = dict[str, Any]

#: The widget that edits a service's area: "region" or a list of municipality ids
#: (a union no stock widget writes); defined in ``static/tarjotin-cms.js``.
AREA_WIDGET = "tarjotin-area"
#: Name of the file collection holding the region's shared files.
SETTINGS = "asetukset"
PROFESSIONAL_FILES = "ammattilaisille"


@dataclass(frozen=True)
class FolderKind:
    """A folder of files of one kind, one file per entry, the file name its id."""

    name: str
    label: str
    label_singular: str
    folder: str  # below the catalogue folder
    model: type[BaseModel]
    identifier: str  # the field the file name is made from


@dataclass(frozen=True)
class FileKind:
    """One file of its own kind (region.yml, themes.yml …), in a file collection."""

    collection: str
    name: str
    label: str
    file: str  # below the catalogue folder
    model: type[BaseModel]


FOLDERS: tuple[FolderKind, ...] = (
    FolderKind("services", "Palvelut", "Palvelu", "services", ServiceEntry, "name"),
    FolderKind("paths", "Palvelupolut", "Palvelupolku", "professional/paths", PathFile, "name"),
    FolderKind("cases", "Asiakasesimerkit", "Asiakasesimerkki", "professional/cases", CaseFile, "name"),
    FolderKind(
        "checklists",
        "Tunnistamisen listat",
        "Tunnistamisen lista",
        "professional/checklists",
        ChecklistFile,
        "title",
    ),
)
FILES: tuple[FileKind, ...] = (
    FileKind(SETTINGS, "region", "Alue ja sivuston tekstit", "region.yml", RegionFile),
    FileKind(SETTINGS, "themes", "Teemat", "themes.yml", ThemesFile),
    FileKind(SETTINGS, "providers", "Tuottajat", "providers.yml", ProvidersFile),
    FileKind(
        SETTINGS, "further-reading", "Lisätietoa-sivun linkit", "further-reading.yml", FurtherReadingFile
    ),
    FileKind(SETTINGS, "sections", "Osiot", "sections.yml", SectionsFile),
    FileKind(SETTINGS, "vocabulary", "Hakusanasto", "vocabulary.yml", VocabularyFile),
    FileKind(
        PROFESSIONAL_FILES,
        "work-ability-score",
        "Työkykykysymys",
        "professional/work-ability-score.yml",
        WorkAbilityScoreFile,
    ),
    FileKind(
        PROFESSIONAL_FILES, "participation", "Osallisuus", "professional/participation.yml", ParticipationFile
    ),
    FileKind(PROFESSIONAL_FILES, "glossary", "Sanasto", "professional/glossary.yml", GlossaryFile),
)
_COLLECTION_LABELS = {SETTINGS: "Alueen asetukset", PROFESSIONAL_FILES: "Ammattilaisille"}


def _folder_relation(collection: str, display: str, *, multiple: bool) -> Field:
    """Pick entries of a folder collection; the value is the file name (the id)."""
    return {
        "widget": "relation",
        "collection": collection,
        "value_field": "{{slug}}",
        "search_fields": [display],
        "display_fields": [display],
        "multiple": multiple,
        "options_length": 200,
    }


def _file_relation(file: str, items: str, *, multiple: bool) -> Field:
    """Pick items of a list in one of the settings files (themes.yml …); the value is the item's id."""
    return {
        **_folder_relation(SETTINGS, f"{items}.*.name", multiple=multiple),
        "file": file,
        "value_field": f"{items}.*.id",
    }


#: Fields whose values are ids of other entries: (model, dotted path, ``*`` for
#: each list item) → the widget that picks them from the catalogue.
REFERENCES: dict[tuple[type[BaseModel], str], Field] = {
    (ServiceEntry, "themes"): _file_relation("themes", "themes", multiple=True),
    (ServiceEntry, "provider"): _file_relation("providers", "providers", multiple=False),
    (ServiceEntry, "related"): _folder_relation("services", "name", multiple=True),
    (FurtherReadingFile, "lists.*.theme"): _file_relation("themes", "themes", multiple=False),
    (SectionsFile, "sections.*.services"): _folder_relation("services", "name", multiple=True),
    (PathFile, "phases.*.services"): _folder_relation("services", "name", multiple=True),
    (PathFile, "case"): _folder_relation("cases", "name", multiple=False),
    (CaseFile, "services"): _folder_relation("services", "name", multiple=True),
    (ChecklistFile, "items.*.services"): _folder_relation("services", "name", multiple=True),
    (ChecklistFile, "services"): _folder_relation("services", "name", multiple=True),
    (ChecklistFile, "paths"): _folder_relation("paths", "name", multiple=True),
}

_ENUM_LABELS: dict[str, str] = {
    **{route: site_labels.FINNISH.access(route) for route in site_labels.ACCESS_ROUTES},
    **{b: site_labels.FINNISH.benefit(b) for b in ("tyomarkkinatuki", "peruspaivaraha", "ansiopaivaraha")},
    "toimeentulotuki": site_labels.FINNISH.benefit("toimeentulotuki"),
}
_FIRST_SENTENCE = re.compile(r"^(.*?)(?:[.:](?:\s|$)|,? esim\.|$)", re.DOTALL)
_MARKDOWN_BUTTONS = ["bold", "italic", "link", "bulleted-list", "numbered-list"]


def field_label(name: str, description: str) -> str:
    """A short Finnish label: the site's own word where it has one, else the description's first clause.

    The site's labels make the form say what the page says (``what`` is "Mitä?"
    on both); labels with placeholders (``{date} asti``) are phrases, not names.
    """
    if name in site_labels.KEYS:
        label = site_labels.default(name)
        if not site_labels.placeholders(label):
            return label
    match = _FIRST_SENTENCE.match(description.strip())
    text = (match.group(1) if match else description).strip()
    return text or name


@dataclass
class _Walker:
    root: Schema
    model: type[BaseModel]

    def resolve(self, schema: Schema) -> Schema:
        if "$ref" in schema:
            name = schema["$ref"].rsplit("/", 1)[-1]
            return self.resolve(self.root["$defs"][name])
        return schema

    def optional_inner(self, schema: Schema) -> Schema:
        """The non-null branch of ``X | None``."""
        schema = self.resolve(schema)
        options = [o for o in schema.get("anyOf", []) if self.resolve(o).get("type") != "null"]
        if "anyOf" in schema and len(options) == 1:
            merged = {k: v for k, v in schema.items() if k != "anyOf"}
            return {**self.resolve(options[0]), **{k: v for k, v in merged.items() if k == "description"}}
        return schema

    def fields(self, schema: Schema, path: str, *, in_optional: bool = False) -> list[Field]:
        """The form fields of an object's properties.

        ``in_optional``: the object itself may be left out. Decap checks a required
        field even inside an object left empty, so there the model's "required when
        the object is given" is left to ``tarjotin validate`` (and said in the hint).
        """
        schema = self.resolve(schema)
        required = set(schema.get("required", []))
        return [
            self.field(name, prop, f"{path}.{name}" if path else name, name in required, in_optional)
            for name, prop in schema.get("properties", {}).items()
        ]

    def field(self, name: str, schema: Schema, path: str, required: bool, in_optional: bool = False) -> Field:
        description = schema.get("description") or self.resolve(schema).get("description", "")
        inner = self.optional_inner(schema)
        description = description or inner.get("description", "")
        out: Field = {
            "name": name,
            "label": field_label(name, description),
            "required": required and not in_optional,
        }
        if description and description.rstrip(".") != out["label"]:
            out["hint"] = description
        if required and in_optional:
            out["hint"] = f"{description} Pakollinen, jos tämä kokonaisuus täytetään.".strip()
        out.update(self.widget(inner, path, name, optional=in_optional or not required))
        return out

    def widget(self, schema: Schema, path: str, name: str, *, optional: bool = False) -> Field:
        reference = REFERENCES.get((self.model, path))
        if reference is not None:
            extra: Field = dict(reference)
            if reference.get("multiple") and "minItems" in schema:
                extra["min"] = schema["minItems"]
            return extra
        if self.model is ServiceEntry and path == "area":
            # Its choices (the region's municipalities) come with the form's data file.
            return {"widget": AREA_WIDGET}
        kind = schema.get("type")
        if kind == "object" and "properties" in schema:
            return {
                "widget": "object",
                "collapsed": False,
                "fields": self.fields(schema, path, in_optional=optional),
            }
        if kind == "array":
            return self.array(schema, path, name)
        if "enum" in schema:
            return {"widget": "select", "options": self.options(schema["enum"])}
        if kind == "integer":
            extra = {"widget": "number", "value_type": "int"}
            for key, option in (("minimum", "min"), ("maximum", "max")):
                if key in schema:
                    extra[option] = schema[key]
            return extra
        if kind == "boolean":
            return {"widget": "boolean"}
        if schema.get("format") == "date":
            return {
                "widget": "datetime",
                "format": "YYYY-MM-DD",
                "date_format": "D.M.YYYY",
                "time_format": False,
                "picker_utc": True,
            }
        if schema.get("contentMediaType") == "text/markdown":
            return {
                "widget": "markdown",
                "modes": ["raw", "rich_text"],
                "buttons": list(_MARKDOWN_BUTTONS),
                "editor_components": [],
                "minimal": True,
            }
        extra = {"widget": "string"}
        if "pattern" in schema:
            extra["pattern"] = [schema["pattern"], self.pattern_message(schema)]
        return extra

    def array(self, schema: Schema, path: str, name: str) -> Field:
        items = self.optional_inner(schema.get("items", {}))
        out: Field = {"widget": "list"}
        if "minItems" in schema:
            out["min"] = schema["minItems"]
        if "enum" in items:
            return {**out, "widget": "select", "multiple": True, "options": self.options(items["enum"])}
        if items.get("type") == "object":
            fields = self.fields(items, f"{path}.*")
            out.update({"collapsed": True, "fields": fields})
            first = fields[0]["name"]
            out["summary"] = "{{fields." + first + "}}"
            return out
        # A list of plain values (or of lists): one form field per item.
        item = self.widget(items, f"{path}.*", name)
        out["field"] = {"name": "item", "label": field_label(name, ""), **item}
        return out

    @staticmethod
    def options(values: list[str]) -> list[dict[str, str]]:
        return [{"label": _ENUM_LABELS.get(value, value), "value": value} for value in values]

    @staticmethod
    def pattern_message(schema: Schema) -> str:
        if schema["pattern"] == SLUG_PATTERN:
            return "Tunniste: pienet kirjaimet a–z, numerot ja väliviivat, esim. 'kuntoutus'."
        return schema.get("description", _("the value is not in the right form"))


def model_fields(model: type[BaseModel]) -> list[Field]:
    """The form fields of one model, in the model's field order."""
    root = schema_for(model)
    return _Walker(root, model).fields(root, "")


def _posix(path: Path) -> str:
    return PurePosixPath(path.as_posix()).as_posix()


@dataclass(frozen=True)
class Backend:
    """Where the CMS reads and writes: a GitHub repository's branch.

    Attributes:
        repo: ``owner/name`` (from mkdocs.yml's ``repo_url``); empty when the site names none.
        branch: The branch pull requests go to.
        base_url: The OAuth proxy that signs editors in (see the editors' guide).
    """

    repo: str = ""
    branch: str = "main"
    base_url: str = ""


def schema_comments(catalogue: Path) -> dict[str, str]:
    """The ``# yaml-language-server`` line of each kind of file, keyed by its fields.

    The form's YAML format puts it on the first line of a file it creates.
    """
    comments = {}
    for kind in FOLDERS:
        path = catalogue / kind.folder / "x.yml"
        comments[",".join(kind.model.model_fields)] = schema_comment(path, _schema_name(kind.model))
    for file_kind in FILES:
        path = catalogue / file_kind.file
        comments[",".join(file_kind.model.model_fields)] = schema_comment(path, _schema_name(file_kind.model))
    return comments


def _schema_name(model: type[BaseModel]) -> str:
    return next(name for name, candidate in SCHEMAS.items() if candidate is model)


def cms_config(
    catalogue: Path,
    *,
    backend: Backend,
    site_url: str = "",
) -> dict[str, Any]:
    """The whole Decap CMS configuration.

    Args:
        catalogue: The catalogue folder, relative to the repository's root (paths
            in the configuration are relative to it).
        backend: The repository and its sign-in.
        site_url: The public site, for the CMS's link back to it.
    """
    root = _posix(catalogue)
    github: dict[str, Any] = {
        "name": "github",
        "repo": backend.repo or "OMISTAJA/REPOSITORIO",
        "branch": backend.branch,
        "open_authoring": True,
        "squash_merges": True,
        "commit_messages": {
            "create": "Lisää {{collection}}: {{slug}}",
            "update": "Päivitä {{collection}}: {{slug}}",
            "delete": "Poista {{collection}}: {{slug}}",
            "uploadMedia": "Lisää tiedosto {{path}}",
            "deleteMedia": "Poista tiedosto {{path}}",
            "openAuthoring": "{{message}}",
        },
    }
    if backend.base_url:
        github["base_url"] = backend.base_url
    collections: list[dict[str, Any]] = []
    for kind in FOLDERS:
        collections.append(
            {
                "name": kind.name,
                "label": kind.label,
                "label_singular": kind.label_singular,
                "folder": f"{root}/{kind.folder}",
                "extension": "yml",
                "format": "yaml",
                "create": True,
                "delete": False,
                "identifier_field": kind.identifier,
                "slug": "{{" + kind.identifier + " | lower}}",
                "summary": "{{" + kind.identifier + "}}",
                "sortable_fields": [kind.identifier],
                "fields": model_fields(kind.model),
            }
        )
    for collection in (SETTINGS, PROFESSIONAL_FILES):
        collections.append(
            {
                "name": collection,
                "label": _COLLECTION_LABELS[collection],
                "format": "yaml",
                "extension": "yml",
                "editor": {"preview": False},
                "files": [
                    {
                        "name": kind.name,
                        "label": kind.label,
                        "file": f"{root}/{kind.file}",
                        "fields": model_fields(kind.model),
                    }
                    for kind in FILES
                    if kind.collection == collection
                ],
            }
        )
    config: dict[str, Any] = {
        "backend": github,
        "publish_mode": "editorial_workflow",
        "locale": "fi",
        # No field takes images or files, but Decap needs a folder for its media library.
        "media_folder": "docs/assets/lataukset",
        "public_folder": "/assets/lataukset",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": collections,
    }
    if site_url:
        config["site_url"] = site_url
        config["display_url"] = site_url
    return config
