"""Check one file's data against its model, turning pydantic's errors into
problems that name the file, line and field in an editor's words."""

from __future__ import annotations

import re
import types
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from generator.load.yaml_source import FieldPath, YamlDocument, read_yaml
from generator.problems import Problems, did_you_mean
from generator.validate.characters import forbidden_characters, without_forbidden
from generator.validate.lists import check_repeated_items

M = TypeVar("M", bound=BaseModel)

_TYPE_WORDS = {
    "string_type": "text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "list_type": "a list",
    "model_type": "a mapping of fields (key: value)",
    "model_attributes_type": "a mapping of fields (key: value)",
    "dict_type": "a mapping of fields (key: value)",
    "date_type": "a date (YYYY-MM-DD)",
    "date_parsing": "a date (YYYY-MM-DD)",
    "date_from_datetime_parsing": "a date (YYYY-MM-DD)",
    "date_from_datetime_inexact": "a date (YYYY-MM-DD)",
}


def _field_name(loc: FieldPath) -> str:
    return ".".join(str(part) for part in loc)


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    text = repr(value) if not isinstance(value, str) else f"'{value}'"
    return text if len(text) <= 60 else text[:57] + "…'"


def _model_at(model: type[BaseModel], loc: FieldPath) -> type[BaseModel] | None:
    """The model class that describes the mapping at ``loc`` (for suggestions)."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        info = current.model_fields.get(part)
        if info is None:
            return None
        current = _unwrap(info.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _unwrap(annotation: Any) -> Any:
    """Find the model class inside ``X | None``, ``list[X]`` and ``Annotated[...]``."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (list, typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            found = _unwrap(arg)
            if isinstance(found, type) and issubclass(found, BaseModel):
                return found
        return None
    return annotation


#: YAML 1.1 number forms the loader keeps as text (see :mod:`generator.load.yaml_source`).
_LEADING_ZEROS = re.compile(r"[-+]?0[0-9_]+")
_BASES = {"0x": 16, "0o": 8, "0b": 2}


def _number_hint(value: Any) -> str | None:
    """What to write instead of a value that only looks like a whole number."""
    if isinstance(value, bool):
        return "write a number; true and false are not numbers"
    if isinstance(value, float) and value.is_integer():
        return f"write {int(value)}"
    if not isinstance(value, str):
        return None
    text = value.strip()
    try:
        if _LEADING_ZEROS.fullmatch(text):
            # YAML 1.1 would read 0025 as octal (21): the editor certainly meant 25.
            return f"write {int(text.replace('_', ''), 10)} without the leading zero"
        prefix = text.lstrip("+-")[:2].lower()
        if prefix in _BASES:
            number = int(text.replace("_", ""), _BASES[prefix])
            return f"write {number}, the number in ordinary decimal digits"
        if ":" in text:
            return "write one whole number; a value like 1:30 is not a number"
        number = int(text, 10)  # digits, perhaps with _ separators or in quotes
    except ValueError:
        return None
    return f"write {number}" + (" without quotes" if text == str(number) else "")


def _message(model: type[BaseModel], error: ErrorDetails) -> tuple[str, str | None]:
    kind = error["type"]
    loc = tuple(error["loc"])
    name = str(loc[-1]) if loc else ""
    if kind == "missing":
        return f"required field '{name}' is missing", None
    if kind == "extra_forbidden":
        owner = _model_at(model, loc[:-1])
        suggestion = did_you_mean(name, owner.model_fields) if owner else None
        return f"unknown field '{name}'", suggestion
    if kind in _TYPE_WORDS:
        hint = _number_hint(error["input"]) if kind.startswith("int_") else None
        return f"should be {_TYPE_WORDS[kind]}, not {_describe(error['input'])}", hint
    if kind == "string_pattern_mismatch":
        return (
            f"{_describe(error['input'])} is not a valid id",
            "use lowercase letters a–z, digits and hyphens, e.g. 'kuntoutus'",
        )
    if kind in ("string_too_short", "too_short"):
        return "must not be empty", None
    if kind == "value_error":
        return str(error["ctx"]["error"]), None
    if kind == "literal_error":
        return f"{_describe(error['input'])} is not allowed here; expected {error['ctx']['expected']}", None
    message = error["msg"]
    if message.startswith("Input should be"):
        message = f"{_describe(error['input'])} should be" + message[len("Input should be") :]
    return message, None


def check_fields(document: YamlDocument, model: type[M], problems: Problems) -> M | None:
    """Validate ``document.data`` against ``model``; record every problem found."""
    if not isinstance(document.data, dict):
        problems.add(
            document.path,
            f"the file should be a mapping of fields (key: value), not {_describe(document.data)}",
            line=1,
        )
        return None
    # Invisible control characters are looked for in every string, whatever its field's
    # type (see generator.validate.characters). The model checks the text without them:
    # an editor sees every other problem in one run, and a file fine but for these is
    # still returned, so its id stays known to the references (no "unknown service"
    # elsewhere); these errors keep the catalogue from being built.
    unreadable = False
    for loc, message in forbidden_characters(document.data):
        unreadable = True
        position = document.locate(loc)
        line, column = position if position else (None, None)
        problems.add(document.path, message, line=line, column=column, field=_field_name(loc))
    check_repeated_items(document, problems)
    try:
        return model.model_validate(without_forbidden(document.data) if unreadable else document.data)
    except ValidationError as exc:
        for error in exc.errors(include_url=False):
            loc = tuple(error["loc"])
            message, suggestion = _message(model, error)
            position = document.locate(loc, key=error["type"] == "extra_forbidden")
            line, column = position if position else (None, None)
            problems.add(
                document.path,
                message,
                line=line,
                column=column,
                field=_field_name(loc),
                suggestion=suggestion,
            )
        return None


@dataclass
class Checked(Generic[M]):
    """A file that passed its model: the document (for positions) and the model."""

    document: YamlDocument
    model: M

    @property
    def id(self) -> str:
        """The entry's id: its file name without ``.yml``."""
        return self.document.path.stem


def read_checked(
    path: Path, model: type[M], problems: Problems, root: Path | None = None
) -> Checked[M] | None:
    """Read ``path`` and check it against ``model``; ``None`` (and problems) if either fails.

    ``root`` is the catalogue folder: nothing is read through a link below it
    (see :func:`~generator.load.yaml_source.read_source`).
    """
    document = read_yaml(path, problems, root=root)
    if document is None:
        return None
    checked = check_fields(document, model, problems)
    return Checked(document, checked) if checked is not None else None
