"""The message catalogue: every message of the editors' tools has its Finnish text, compiled.

Messages are written once, in English, in the code, and translated in
``generator/i18n/locale/fi/LC_MESSAGES/tarjotin.po`` (``scripts/messages``
extracts, merges and compiles them with Babel). These tests fail when a message
in the code has no Finnish text, when the ``.po`` holds a message the code no
longer has, when a translation drops or adds a ``{placeholder}``, and when the
committed ``.mo`` (what the tools read) is not the compiled ``.po``.
"""

from __future__ import annotations

import ast
import gettext
import string
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from generator import i18n
from generator.i18n import LOCALE_DIR, _, language_from_environment, use_language

PROJECT = Path(__file__).resolve().parent.parent.parent
PO = LOCALE_DIR / "fi" / "LC_MESSAGES" / "tarjotin.po"
MO = PO.with_suffix(".mo")
#: As scripts/messages passes them to `pybabel extract`.
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "N_plural": (1, 2), "pgettext": ((1, "c"), 2)}


def _key(message_id: str | tuple[str, ...], context: str | None) -> tuple[str | None, str]:
    singular = message_id[0] if isinstance(message_id, tuple) else message_id
    return context, singular


@pytest.fixture(scope="module")
def catalogue():  # type: ignore[no-untyped-def]
    with PO.open("rb") as stream:
        return read_po(stream)


def _in_code() -> dict[tuple[str | None, str], str]:
    found = {}
    for filename, _line, message, _comments, context in extract_from_dir(
        str(PROJECT / "generator"), method_map=[("**.py", "python")], keywords=KEYWORDS
    ):
        found[_key(message, context)] = filename
    return found


def test_every_message_in_the_code_has_a_finnish_translation(catalogue) -> None:  # type: ignore[no-untyped-def]
    translated = {_key(m.id, m.context) for m in catalogue if m.id and all(m.string) and not m.fuzzy}
    code = _in_code()
    missing = {key: path for key, path in code.items() if key not in translated}
    assert not missing, f"run scripts/messages and translate these in {PO.name}: {missing}"
    stale = {_key(m.id, m.context) for m in catalogue if m.id} - set(code)
    assert not stale, f"no longer in the code (run scripts/messages): {stale}"


def test_no_message_is_hidden_in_an_f_string() -> None:
    """``f"# {_('Link report')}"`` runs, but ``pybabel extract`` does not see the message inside."""
    hidden = []
    for path in sorted((PROJECT / "generator").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.JoinedStr):
                continue
            for call in ast.walk(node):
                if (
                    isinstance(call, ast.Call)
                    and isinstance(call.func, ast.Name)
                    and call.func.id in KEYWORDS
                    and any(isinstance(arg, ast.Constant) for arg in call.args)
                ):
                    hidden.append(f"{path.relative_to(PROJECT)}:{call.lineno}")
    assert not hidden, f"move these messages out of the f-strings, or scripts/messages misses them: {hidden}"


def test_translations_keep_the_placeholders(catalogue) -> None:  # type: ignore[no-untyped-def]
    def fields(text: str) -> set[str]:
        return {name for _text, name, _spec, _conv in string.Formatter().parse(text) if name is not None}

    for message in catalogue:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        texts = message.string if isinstance(message.string, tuple) else (message.string,)
        # Finnish has English's two forms: the singular's text keeps the singular's
        # placeholders and the plural's the plural's (Click's "Did you mean {possibility}?"
        # has another placeholder than its plural).
        for form, text in enumerate(texts):
            assert fields(text) == fields(ids[min(form, len(ids) - 1)]), (message.id, text)


def test_the_committed_mo_is_the_compiled_po(catalogue) -> None:  # type: ignore[no-untyped-def]
    with MO.open("rb") as stream:
        compiled = gettext.GNUTranslations(stream)
    for message in catalogue:
        if not message.id:
            continue
        if isinstance(message.id, tuple):
            singular, plural = message.id
            assert compiled.ngettext(singular, plural, 1) == message.string[0], message.id
            assert compiled.ngettext(singular, plural, 2) == message.string[1], message.id
        elif message.context:
            assert compiled.pgettext(message.context, message.id) == message.string, message.id
        else:
            assert compiled.gettext(message.id) == message.string, f"run scripts/messages: {message.id!r}"
    entries = sum(1 for m in catalogue if m.id)
    assert len(compiled._catalog) - 1 == sum(  # type: ignore[attr-defined]  # minus the header
        2 if isinstance(m.id, tuple) else 1 for m in catalogue if m.id
    ), f"the .mo has other messages than the {entries} of the .po: run scripts/messages"


def test_finnish_is_the_default_and_english_is_the_message_id() -> None:
    assert _("the file is empty") == "tiedosto on tyhjä"
    with use_language("en"):
        assert _("the file is empty") == "the file is empty"
    assert i18n.ngettext("{count} service", "{count} services", 2) == "{count} palvelua"


@pytest.mark.parametrize(
    ("environment", "language"),
    [
        ({}, "fi"),
        ({"LANG": "C.UTF-8"}, "fi"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "sv_FI.UTF-8"}, "fi"),
        ({"LC_MESSAGES": "en_GB.UTF-8", "LANG": "fi_FI.UTF-8"}, "en"),
        ({"LC_ALL": "fi_FI.UTF-8", "LANG": "en_US.UTF-8"}, "fi"),
        ({"LANGUAGE": "en_GB:fi", "LANG": "fi_FI.UTF-8"}, "en"),
        ({"TARJOTIN_LANG": "fi", "LANGUAGE": "en"}, "fi"),
        ({"TARJOTIN_LANG": "en", "LANG": "fi_FI.UTF-8"}, "en"),
    ],
)
def test_the_environment_chooses_the_language(environment: dict[str, str], language: str) -> None:
    assert language_from_environment(environment) == language
