"""Editor-facing messages in Finnish, or English on request, from one gettext catalogue.

Every message the editors' tools print is written once, in English, in the code
(``_("unknown theme '{value}'")``) and translated to Finnish in
``locale/fi/LC_MESSAGES/tarjotin.po``; the English text is the message id, so
English needs no catalogue of its own. Finnish is the default: the editors of
a Finnish region read Finnish. English is chosen with ``tarjotin --lang en``,
or from the environment (``TARJOTIN_LANG``, then gettext's usual ``LANGUAGE``,
``LC_ALL``, ``LC_MESSAGES`` and ``LANG``).

The catalogue is maintained with Babel, the standard Python gettext tooling
(``scripts/messages``: ``pybabel extract`` → ``update`` → ``compile``); the
compiled ``.mo`` file is committed beside its ``.po`` source, as Django does,
so that an editable install, a wheel and a plain checkout all read the same
file with nothing but the standard library's :mod:`gettext`, and no build step
can be skipped. ``tests/unit/test_messages.py`` fails when the ``.mo`` differs
from the ``.po``, or when a message in the code has no Finnish translation.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from functools import cache
from pathlib import Path

DOMAIN = "tarjotin"
LOCALE_DIR = Path(__file__).parent / "locale"
#: The languages the tools speak; the first is the default.
LANGUAGES = ("fi", "en")
DEFAULT_LANGUAGE = LANGUAGES[0]
#: The environment variables that may choose the language, in the order they are read.
ENVIRONMENT = ("TARJOTIN_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

_chosen: str | None = None


def language_from_environment(environ: Mapping[str, str] | None = None) -> str:
    """The language the environment asks for: the first of :data:`ENVIRONMENT` that names one.

    ``C`` and ``POSIX`` (the defaults of servers and CI) name no language, and a
    language the tools do not speak (``sv_FI``) falls back to Finnish.
    """
    environ = os.environ if environ is None else environ
    for name in ENVIRONMENT:
        value = environ.get(name, "")
        # LANGUAGE is a list (``en_GB:fi``); the others hold one locale (``fi_FI.UTF-8``).
        for locale_name in value.split(":") if name == "LANGUAGE" else [value]:
            code = locale_name.split(".")[0].split("@")[0].split("_")[0].lower()
            if code in ("", "c", "posix"):
                continue
            return code if code in LANGUAGES else DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE


def language() -> str:
    """The language messages are written in now."""
    return _chosen or language_from_environment()


def set_language(code: str | None) -> None:
    """Write messages in ``code`` from now on; ``None`` goes back to the environment's choice."""
    if code is not None and code not in LANGUAGES:
        raise ValueError(f"unsupported language {code!r}; choose one of {', '.join(LANGUAGES)}")
    global _chosen
    _chosen = code


@contextmanager
def use_language(code: str) -> Iterator[None]:
    """Write messages in ``code`` inside the ``with`` block."""
    global _chosen
    before = _chosen
    set_language(code)
    try:
        yield
    finally:
        _chosen = before


@cache
def _translations(code: str) -> gettext.NullTranslations:
    if code == "en":  # the message ids are the English texts
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[code])


def _(message: str) -> str:
    """``message`` in the current language (see :func:`language`)."""
    return _translations(language()).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of a message that fits ``count`` (Finnish and English both have two)."""
    return _translations(language()).ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    """``message`` in the current language, where ``context`` tells two uses of one English text apart."""
    return _translations(language()).pgettext(context, message)


def decimal(value: float, digits: int = 1) -> str:
    """``value`` with ``digits`` decimals, with the current language's decimal mark (Finnish 4,5)."""
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if language() == "fi" else text


def N_(message: str) -> str:
    """Mark ``message`` for translation where it is defined; translate it with :func:`_` when used."""
    return message


def N_plural(singular: str, plural: str) -> tuple[str, str]:
    """Mark a message with a plural form for translation; translate it with :func:`ngettext` when used."""
    return singular, plural
