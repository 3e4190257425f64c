"""The placeholder ``tarjotin new`` writes where the editor must still write text.

A new service file is a form to fill in: its required text is ``TÄYDENNÄ: kerro
lyhyesti, mitä palvelu on.`` A file that still holds the word is unfinished, and
publishing it would show the instruction to citizens, so every string of every
file is checked for it, whatever its field, and each one is an error at its line.
"""

from __future__ import annotations

from generator.i18n import _
from generator.load.yaml_source import YamlDocument
from generator.problems import Problems
from generator.validate.characters import strings

#: Marks text the editor must replace; the new file's header tells them so.
PLACEHOLDER = "TÄYDENNÄ"


def check_placeholders(document: YamlDocument, problems: Problems) -> None:
    """An error at each value of ``document`` that still holds :data:`PLACEHOLDER`."""
    for loc, text in strings(document.data):
        offset = text.find(PLACEHOLDER)
        if offset < 0:
            continue
        position = document.locate_in_text(loc, offset)
        line, column = position if position else (None, None)
        problems.add(
            document.path,
            _("the text is still the placeholder {placeholder} from `tarjotin new`").format(
                placeholder=PLACEHOLDER
            ),
            line=line,
            column=column,
            field=".".join(str(part) for part in loc),
            suggestion=_(
                "write the text from the source in its place, or remove the field if it is optional"
            ),
        )
