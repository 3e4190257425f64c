"""What every report writes: rows with a file, a place in it, a severity and a message.

:class:`generator.problems.Problem` is such a row; so is each freshness concern
of ``tarjotin report``, written as a warning on the service's file.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Protocol

from generator.i18n import _


class Severity(StrEnum):
    """How serious a row is. The value is GitHub's command name (``::error``, ``::warning``)."""

    ERROR = "error"
    WARNING = "warning"

    @property
    def label(self) -> str:
        """The severity in the editor's language (the value stays English for GitHub's commands)."""
        return _("error") if self is Severity.ERROR else _("warning")


class Row(Protocol):
    """One finding in one file, as every format writes it.

    Attributes:
        file: The file to fix.
        line: 1-based line, or ``None`` when the finding concerns the whole file.
        column: 1-based column, or ``None``.
        field: Dotted path of the field (``links.2.url``), or ``""``.
        message: What is wrong, in plain words.
        suggestion: What would be right, when it is known.
        severity: An error or a warning.
    """

    @property
    def file(self) -> Path: ...
    @property
    def line(self) -> int | None: ...
    @property
    def column(self) -> int | None: ...
    @property
    def field(self) -> str: ...
    @property
    def message(self) -> str: ...
    @property
    def suggestion(self) -> str | None: ...
    @property
    def severity(self) -> Severity: ...
