"""Problems found in the catalogue, collected and reported together.

Every stage of the pipeline appends to one :class:`Problems` list instead of
raising on the first error, so an editor sees everything wrong in one run.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from generator.i18n import _, ngettext
from generator.report import render
from generator.report.rows import Severity

__all__ = ["CatalogueError", "Problem", "Problems", "Severity", "closest", "did_you_mean"]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one file.

    Attributes:
        file: The file the problem is in.
        line: 1-based line, or ``None`` when the problem concerns the whole file.
        column: 1-based column, or ``None``.
        field: Dotted path of the offending field (``links.2.url``), or ``""``.
        message: What is wrong, in plain words.
        suggestion: What would be right, when we can tell.
        severity: Errors stop a build; warnings do not.
    """

    file: Path
    line: int | None
    column: int | None
    field: str
    message: str
    suggestion: str | None = None
    severity: Severity = Severity.ERROR

    def location(self, root: Path | None = None) -> str:
        """``file:line:column``, the file relative to ``root``."""
        return render.location(self, root)

    def format(self, root: Path | None = None) -> str:
        """One line, ``file:line:column: error [field]: message (suggestion)``, for tools and logs."""
        return render.short_line(self, root)

    def format_quoted(self, root: Path | None = None, source_line: str | None = None) -> str:
        """Like a compiler: the location, the offending line with a caret, the message, the help.

        Args:
            root: Show the file's path relative to this folder.
            source_line: The text of line ``self.line`` of the file, when it could be read.
        """
        return render.quoted_block(self, root, source_line)


@dataclass
class Problems:
    """An ordered collection of problems."""

    items: list[Problem] = field(default_factory=list)

    def add(
        self,
        file: Path,
        message: str,
        *,
        line: int | None = None,
        column: int | None = None,
        field: str = "",
        suggestion: str | None = None,
        severity: Severity = Severity.ERROR,
    ) -> None:
        self.items.append(Problem(file, line, column, field, message, suggestion, severity))

    def extend(self, problems: Iterable[Problem]) -> None:
        self.items.extend(problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.severity is Severity.WARNING]

    def sorted(self) -> list[Problem]:
        return sorted(self.items, key=lambda p: (str(p.file), p.line or 0, p.column or 0))

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __bool__(self) -> bool:
        return bool(self.items)


def _edits(a: str, b: str) -> int:
    """Letters to add, delete, change or swap to turn ``a`` into ``b`` (optimal string alignment)."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y))
            if i > 1 and j > 1 and x == b[j - 2] and a[i - 2] == y:
                cost = min(cost, previous2[j - 2] + 1)
            current.append(cost)
        previous2, previous = previous, current
    return previous[-1]


def closest(value: str, choices: Iterable[str]) -> str | None:
    """The one of ``choices`` that ``value`` is most likely a typo of, if any is close enough.

    Close enough means one slip per five letters (at least one): "kuntotus" finds
    "kuntoutus", but "nastola" does not find "hartola", which differs in two of seven
    letters and would only mislead. Comparison ignores case ("Kuntotus").
    """
    folded = value.casefold()
    allowed = max(1, len(folded) // 5)
    best: tuple[int, str] | None = None
    for choice in choices:
        distance = _edits(folded, choice.casefold())
        if distance <= allowed and (best is None or distance < best[0]):
            best = (distance, choice)
    return best[1] if best else None


def did_you_mean(value: str, choices: Iterable[str]) -> str | None:
    """ "did you mean "x"?" for the closest of ``choices`` to a mistyped ``value`` (see :func:`closest`)."""
    match = closest(value, choices)
    return _('did you mean "{choice}"?').format(choice=match) if match else None


class CatalogueError(Exception):
    """Raised when a catalogue cannot be used because it has errors."""

    def __init__(self, problems: Problems) -> None:
        self.problems = problems
        count = len(problems.errors)
        super().__init__(
            ngettext("the catalogue has {count} error", "the catalogue has {count} errors", count).format(
                count=count
            )
        )
