"""``--lang``: the language of the editors' commands, on the group and on each command."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from generator.i18n import LANGUAGES, _, set_language

F = TypeVar("F", bound=Callable[..., Any])


def _choose(_context: click.Context, _parameter: click.Parameter, value: str | None) -> None:
    # On a command, only a language actually given counts: `tarjotin --lang en validate`
    # keeps the group's choice. The group's own option always sets it, so each run
    # (and each test invoking the command) starts from the environment again.
    if value is not None:
        set_language(value)


def _reset(_context: click.Context, _parameter: click.Parameter, value: str | None) -> None:
    set_language(value)


def language_option(*, group: bool = False) -> Callable[[F], F]:
    """The ``--lang fi|en`` option; eager, so that even the prompts and usage errors follow it."""
    return click.option(
        "--lang",
        type=click.Choice(LANGUAGES),
        callback=_reset if group else _choose,
        expose_value=False,
        is_eager=True,
        help=_(
            "Language of the messages: fi (default) or en; also TARJOTIN_LANG or the locale "
            "(LANG), which --help follows."
        ),
    )
