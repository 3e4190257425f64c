"""Click's own words in the editors' language: the help's headings and the usage errors.

Click marks its texts for gettext, but each of its modules looks them up with the
standard library's process-wide ``gettext.gettext``, whose language comes from the
environment alone. Around our Finnish help texts ``tarjotin --help`` therefore said
"Usage:", "Options:" and "Show this message and exit.", and a mistyped option got
"Error: No such option", on every machine whose locale is not Finnish (CI's is ``C``).

Importing this module points Click's lookups at ours (:func:`generator.i18n._` and
:func:`~generator.i18n.ngettext`), so they follow ``--lang``, ``TARJOTIN_LANG`` and the
Finnish default like every other message. The texts an editor can meet are listed below
with their Finnish in the project's catalogue; a text not listed stays as Click writes
it. ``tests/unit/test_click_words.py`` checks that each listed text is still one of
Click's, so an upgrade that rewords one is noticed.

:class:`Group` and :class:`Command` put the usage line's placeholders
(``[OPTIONS]``, ``COMMAND [ARGS]...``) into words the same way; Click takes those as
settings of a command, not through gettext.
"""

from __future__ import annotations

import importlib
from typing import Any

import click

from generator.i18n import N_, N_plural, _, ngettext

#: Click's modules that look texts up (each imports ``gettext`` and ``ngettext`` itself).
CLICK_MODULES = (
    "click.core",
    "click.decorators",
    "click.exceptions",
    "click.formatting",
    "click.parser",
    "click.termui",
    "click.types",
    "click.utils",
)

#: The texts of Click's that an editor can meet, with a Finnish translation.
TEXTS = (
    N_("Usage:"),
    N_("Options"),
    N_("Commands"),
    N_("Show this message and exit."),
    N_("Show the version and exit."),
    N_("%(prog)s, version %(version)s"),
    N_("Error: {message}"),
    N_("Try '{command} {option}' for help."),
    N_("No such option {name!r}."),
    N_("No such command {name!r}."),
    N_("Missing argument"),
    N_("Missing option"),
    N_("Missing parameter"),
    N_("Missing parameter: {param_name}"),
    N_("Missing command."),
    N_("Invalid value: {message}"),
    N_("Invalid value for {param_hint}: {message}"),
    N_("Option {name!r} does not take a value."),
    N_("Aborted!"),
    N_("default: {default}"),
    N_("env var: {var}"),
    N_("(dynamic)"),
    N_("{value} is not in the range {range}."),
    N_("{value!r} is not a valid boolean. Recognized values: {states}"),
    N_("file"),
    N_("directory"),
    N_("path"),
    N_("{name} {filename!r} does not exist."),
    N_("{name} {filename!r} is a file."),
    N_("{name} {filename!r} is a directory."),
    N_("{name} {filename!r} is not readable."),
    N_("{name} {filename!r} is not writable."),
    N_("{name} {filename!r} is not executable."),
    N_("Could not open file {filename!r}: {message}"),
    N_("Do you want to continue?"),
    N_("Repeat for confirmation"),
    N_("Error: The two entered values do not match."),
    N_("Error: invalid input"),
    N_("Choose from:\n\t{choices}"),
)

#: Click's texts that it looks up from a variable, not as written in the call.
LOOKED_UP_TEXTS = (
    N_("required"),  # the help's "[required]" (Option.get_help_extra)
)

#: The same for Click's texts with a plural form: (singular, plural).
PLURAL_TEXTS = (
    N_plural("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"),
    N_plural("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"),
    N_plural("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."),
    N_plural("{value!r} is not {choice}.", "{value!r} is not one of {choices}."),
)


def _speak_ours() -> None:
    for name in CLICK_MODULES:
        module = importlib.import_module(name)
        if hasattr(module, "_"):
            module._ = _  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext  # type: ignore[attr-defined]


_speak_ours()


class Command(click.Command):
    """A command whose usage line names its options in the editors' language."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", _("[OPTIONS]"))
        super().__init__(*args, **kwargs)


class Group(Command, click.Group):
    """The command group: its usage line in words too, and its commands :class:`Command`."""

    command_class = Command

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("subcommand_metavar", _("COMMAND [ARGS]..."))
        super().__init__(*args, **kwargs)
