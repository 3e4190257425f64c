"""Check one file's data against its model, turning pydantic's errors into
problems that name the file, line and field in an editor's words."""

from __future__ import annotations

import re
import types
import typing
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from generator.i18n import N_, _, pgettext
from generator.load.yaml_source import FieldPath, YamlDocument, read_yaml, remembered
from generator.model.entries import SLUG_PATTERN
from generator.problems import Problems, did_you_mean
from generator.validate.characters import forbidden_characters, without_forbidden
from generator.validate.lists import check_repeated_items
from generator.validate.placeholders import check_placeholders

M = TypeVar("M", bound=BaseModel)

_TYPE_WORDS = {
    "string_type": N_("text"),
    "int_type": N_("a whole number"),
    "int_parsing": N_("a whole number"),
    "int_from_float": N_("a whole number"),
    "float_type": N_("a number"),
    "float_parsing": N_("a number"),
    "bool_type": N_("true or false"),
    "bool_parsing": N_("true or false"),
    "list_type": N_("a list"),
    "model_type": N_("a mapping of fields (key: value)"),
    "model_attributes_type": N_("a mapping of fields (key: value)"),
    "dict_type": N_("a mapping of fields (key: value)"),
    "date_type": N_("a date (YYYY-MM-DD)"),
    "date_parsing": N_("a date (YYYY-MM-DD)"),
    "date_from_datetime_parsing": N_("a date (YYYY-MM-DD)"),
    "date_from_datetime_inexact": N_("a date (YYYY-MM-DD)"),
}

#: What a value that fails a pattern should look like, by the pattern (see the models).
_PATTERN_WORDS = {
    SLUG_PATTERN: (
        N_("{value} is not a valid id"),
        N_("use lowercase letters a–z, digits and hyphens, e.g. 'kuntoutus'"),
    ),
    r"^#[0-9a-fA-F]{6}$": (N_("{value} is not a colour"), N_("write a colour as #RRGGBB, e.g. '#0b4f71'")),
    r"^\d{3}$": (N_("{value} is not a three-digit number"), N_('write three digits in quotes, e.g. "398"')),
    r"^[a-z0-9-]+/[a-z0-9-]+$": (
        N_("{value} is not an icon name"),
        N_("write an icon name such as material/school"),
    ),
    r"^[a-z]{2,3}$": (
        N_("{value} is not a language code"),
        N_("write a language code in lowercase letters, e.g. 'fi' or 'sv'"),
    ),
}

#: Field names as a Finnish editor may write them (folded: lowercase, no accents, spaces
#: as "_"), with the fields they may mean; the first that the mapping has is suggested.
_FINNISH_FIELDS: dict[str, tuple[str, ...]] = {
    "nimi": ("name",),
    "tiivistelma": ("summary",),
    "yhteenveto": ("summary",),
    "teemat": ("themes",),
    "teema": ("themes", "theme"),
    "tuottaja": ("provider",),
    "jarjestaja": ("provider",),
    "palveluntuottaja": ("provider",),
    "alue": ("area",),
    "kunnat": ("area", "municipalities"),
    "kunta": ("area",),
    "mita": ("what",),
    "miksi": ("why",),
    "miten": ("how",),
    "kenelle": ("for_whom",),
    "paasy": ("access",),
    "kuka_voi_kayttaa": ("eligibility",),
    "ehdot": ("conditions", "eligibility"),
    "yhteystiedot": ("contacts",),
    "yhteystieto": ("contacts",),
    "voimassa": ("validity",),
    "voimassaolo": ("validity",),
    "tarkistettu": ("last_reviewed",),
    "tarkistuspaiva": ("last_reviewed",),
    "paivitetty": ("last_reviewed",),
    "vastuutaho": ("owner",),
    "vastuuhenkilo": ("owner",),
    "omistaja": ("owner",),
    "liittyvat": ("related",),
    "liittyvat_palvelut": ("related",),
    "hakusanat": ("keywords",),
    "avainsanat": ("keywords",),
    "asiasanat": ("keywords",),
    "linkit": ("links",),
    "linkki": ("links", "url"),
    "kielet": ("languages",),
    "kieli": ("languages",),
    "otsikko": ("title",),
    "osoite": ("address", "url"),
    "kayntiosoite": ("address",),
    "verkkosivu": ("url",),
    "verkko_osoite": ("url",),
    "puhelin": ("phone",),
    "puhelinnumero": ("phone",),
    "sahkoposti": ("email",),
    "aukioloajat": ("opening_hours",),
    "aukiolo": ("opening_hours",),
    "reitit": ("routes",),
    "lahete": ("referral_from",),
    "paatos": ("decision_by",),
    "huomautus": ("note",),
    "lisatieto": ("note",),
    "lisatietoja": ("note",),
    "asti": ("until",),
    "paattyy": ("until",),
    "teksti": ("text",),
    "alaikaraja": ("min_age",),
    "ylaikaraja": ("max_age",),
    "vaatimukset": ("requirements",),
    "kriteerit": ("criteria",),
    "etuudet": ("benefits",),
    "kuvaus": ("description",),
    "kuvake": ("icon",),
    "tunniste": ("id",),
    "kuntanumero": ("code",),
    "johdanto": ("intro",),
    "varit": ("colors",),
    "lisenssi": ("data_licence",),
    "kayttolupa": ("data_licence",),
    "palvelut": ("services",),
    "vaiheet": ("phases",),
    "ika": ("age",),
    "tausta": ("background",),
    "tarpeet": ("needs",),
    "tavoitteet": ("goals",),
    "lahde": ("source",),
    "termi": ("term",),
    "termit": ("terms",),
    "maaritelma": ("definition",),
    "selitys": ("expansion",),
    "kysymys": ("question",),
    "osiot": ("sections",),
    "ylaosio": ("parent",),
}


def _folded(word: str) -> str:
    """``Mitä?`` → ``mita``: lowercase, without accents or punctuation, spaces and hyphens as ``_``."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
    return re.sub(r"[\s-]+", "_", plain.casefold().strip(" ?!.:"))


def _finnish_hint(word: str, fields: Iterable[str]) -> str | None:
    """``field names are in English: "mitä" is `what``` when a Finnish word names a field here."""
    available = set(fields)
    for meant in _FINNISH_FIELDS.get(_folded(word), ()):
        if meant in available:
            return _('field names are in English: "{word}" is `{field}`').format(word=word, field=meant)
    return None


#: ``30.11.2026``: a date the Finnish way, day first.
_FINNISH_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})\.?")


def _date_hint(value: Any) -> str | None:
    """``write 2026-11-30`` for ``30.11.2026``."""
    found = _FINNISH_DATE.fullmatch(value.strip()) if isinstance(value, str) else None
    if found is None:
        return None
    day, month, year = (int(part) for part in found.groups())
    try:
        written = date(year, month, day).isoformat()
    except ValueError:
        return _("{value} is not a real date; write a date as YYYY-MM-DD").format(value=value.strip())
    return _("write {date}: a date is written year first, YYYY-MM-DD").format(date=written)


def _field_name(loc: FieldPath) -> str:
    return ".".join(str(part) for part in loc)


def _describe(value: Any) -> str:
    # "not a list": a context of its own, as Finnish words it differently ("ei luetteloa").
    if isinstance(value, dict):
        return pgettext("not", "a mapping")
    if isinstance(value, list):
        return pgettext("not", "a list")
    if isinstance(value, bool):  # as YAML writes it
        return "true" if value else "false"
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
        return _("write a number; true and false are not numbers")
    if isinstance(value, float) and value.is_integer():
        return _("write {number}").format(number=int(value))
    if not isinstance(value, str):
        return None
    text = value.strip()
    try:
        if _LEADING_ZEROS.fullmatch(text):
            # YAML 1.1 would read 0025 as octal (21): the editor certainly meant 25.
            number = int(text.replace("_", ""), 10)
            return _("write {number} without the leading zero").format(number=number)
        prefix = text.lstrip("+-")[:2].lower()
        if prefix in _BASES:
            number = int(text.replace("_", ""), _BASES[prefix])
            return _("write {number}, the number in ordinary decimal digits").format(number=number)
        if ":" in text:
            return _("write one whole number; a value like 1:30 is not a number")
        number = int(text, 10)  # digits, perhaps with _ separators or in quotes
    except ValueError:
        return None
    if text == str(number):
        return _("write {number} without quotes").format(number=number)
    return _("write {number}").format(number=number)


def _limit(error: ErrorDetails) -> tuple[str, str | None] | None:
    """Messages for a number out of range or a list or text too long."""
    kind, ctx, shown = error["type"], error.get("ctx", {}), _describe(error["input"])
    messages = {
        "greater_than_equal": (N_("{value} is too small: the least allowed is {limit}"), "ge"),
        "greater_than": (N_("{value} is too small: it must be more than {limit}"), "gt"),
        "less_than_equal": (N_("{value} is too large: the most allowed is {limit}"), "le"),
        "less_than": (N_("{value} is too large: it must be less than {limit}"), "lt"),
        "too_long": (N_("the list is too long: at most {limit} items are allowed"), "max_length"),
        "string_too_long": (N_("the text is too long: at most {limit} characters are allowed"), "max_length"),
    }
    if kind not in messages:
        return None
    message, key = messages[kind]
    return _(message).format(value=shown, limit=ctx.get(key, "?")), None


def _message(model: type[BaseModel], error: ErrorDetails) -> tuple[str, str | None]:
    kind = error["type"]
    loc = tuple(error["loc"])
    name = str(loc[-1]) if loc else ""
    if kind == "missing":
        return _("required field '{name}' is missing").format(name=name), None
    if kind == "extra_forbidden":
        owner = _model_at(model, loc[:-1])
        fields = list(owner.model_fields) if owner else []
        suggestion = _finnish_hint(name, fields) or did_you_mean(name, fields)
        return _("unknown field '{name}'").format(name=name), suggestion
    if kind in _TYPE_WORDS:
        if kind.startswith("int_"):
            hint = _number_hint(error["input"])
        elif kind.startswith("date_"):
            hint = _date_hint(error["input"])
        else:
            hint = None
        message = _("should be {kind}, not {value}").format(
            kind=_(_TYPE_WORDS[kind]), value=_describe(error["input"])
        )
        return message, hint
    if kind == "string_pattern_mismatch":
        message, suggestion = _PATTERN_WORDS.get(
            error.get("ctx", {}).get("pattern", ""),
            (N_("{value} is not written as this field requires"), None),
        )
        return _(message).format(value=_describe(error["input"])), _(suggestion) if suggestion else None
    if kind in ("string_too_short", "too_short"):
        return _("must not be empty"), None
    if kind == "value_error":
        return str(error["ctx"]["error"]), None
    if kind == "literal_error":
        expected = str(error["ctx"]["expected"]).replace(" or ", _(" or "))
        return _("{value} is not allowed here; expected {expected}").format(
            value=_describe(error["input"]), expected=expected
        ), None
    if (limit := _limit(error)) is not None:
        return limit
    message = error["msg"]
    if message.startswith("Input should be"):
        message = f"{_describe(error['input'])} should be" + message[len("Input should be") :]
    return message, None


def check_fields(document: YamlDocument, model: type[M], problems: Problems) -> M | None:
    """Validate ``document.data`` against ``model``; record every problem found.

    A document read again from the same bytes is not checked again while the preview
    reuses what it read (:func:`~generator.load.yaml_source.reusing`).
    """
    if not document.digest:
        return _check_fields(document, model, problems)
    key = ("fields", document.path, document.digest, model)
    return remembered(key, lambda found: _check_fields(document, model, found), problems)


def _check_fields(document: YamlDocument, model: type[M], problems: Problems) -> M | None:
    if not isinstance(document.data, dict):
        problems.add(
            document.path,
            _("the file should be a mapping of fields (key: value), not {value}").format(
                value=_describe(document.data)
            ),
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
    check_placeholders(document, problems)
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


def read_entry(
    path: Path, model: type[M], problems: Problems, root: Path | None = None
) -> tuple[YamlDocument | None, M | None]:
    """Read ``path`` and check it against ``model``: the document, if it is YAML, and the model, if valid.

    A document whose fields have errors is still returned, so that the ids it
    defines and the references it writes are checked in the same run.
    """
    document = read_yaml(path, problems, root=root)
    if document is None:
        return None, None
    return document, check_fields(document, model, problems)


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
