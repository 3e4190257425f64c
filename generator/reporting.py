"""Problems written out for people and for CI.

* ``text``: like a compiler, each problem with its source line and a caret
  (:meth:`~generator.problems.Problem.format_quoted`), for the terminal;
* ``short``: one line per problem (:meth:`~generator.problems.Problem.format`),
  for scripts and editors that jump to ``file:line:column``;
* ``github``: GitHub Actions workflow commands (``::error file=…,line=…::…``),
  which show each problem on the pull request's changed lines;
* ``markdown``: a table of problems per file, for a CI job summary.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import groupby
from pathlib import Path

import click

from generator.i18n import _
from generator.load.yaml_source import read_source
from generator.problems import Problem, Problems, Severity

FORMATS = ("text", "short", "github", "markdown")


class SourceLines:
    """Reads each file once to quote its lines; unreadable files quote nothing."""

    def __init__(self) -> None:
        self._files: dict[Path, list[str] | None] = {}

    def line(self, path: Path, number: int | None) -> str | None:
        if number is None:
            return None
        if path not in self._files:
            self._files[path] = self._read(path)
        lines = self._files[path]
        if lines is None or not 1 <= number <= len(lines):
            return None
        return lines[number - 1]

    @staticmethod
    def _read(path: Path) -> list[str] | None:
        # The catalogue's guarded reader: a linked file is never quoted (its target is not read).
        raw = read_source(path, Problems()) if path.is_file() else None
        return None if raw is None else raw.decode("utf-8-sig", errors="replace").splitlines()


def quoted(problems: Iterable[Problem], root: Path) -> list[str]:
    """Each problem as a compiler-style block (see :meth:`Problem.format_quoted`)."""
    sources = SourceLines()
    return [problem.format_quoted(root, sources.line(problem.file, problem.line)) for problem in problems]


def _relative(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotations(problems: Iterable[Problem], root: Path) -> list[str]:
    """GitHub Actions ``::error``/``::warning`` commands, one per problem."""
    commands = []
    for problem in problems:
        properties = [f"file={_escape_property(_relative(problem.file, root))}"]
        if problem.line is not None:
            properties.append(f"line={problem.line}")
            if problem.column is not None:
                properties.append(f"col={problem.column}")
        properties.append(f"title={_escape_property(problem.field or 'tarjotin validate')}")
        message = problem.message + (f" ({problem.suggestion})" if problem.suggestion else "")
        commands.append(f"::{problem.severity.value} {','.join(properties)}::{_escape_data(message)}")
    return commands


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace("|", "\\|").replace("\n", "<br>")


def markdown_summary(problems: list[Problem], root: Path, headline: str) -> str:
    """A heading, ``headline``, then one table of problems per file."""
    parts = ["## " + _("Catalogue check"), "", headline, ""]
    by_file = groupby(
        sorted(problems, key=lambda p: (str(p.file), p.line or 0, p.column or 0)), lambda p: p.file
    )
    for path, group in by_file:
        parts += [
            f"### `{_relative(path, root)}`",
            "",
            "| {} | {} | {} | {} | {} |".format(
                _("Line"), _("Severity"), _("Field"), _("Problem"), _("Suggestion")
            ),
            "| ---: | --- | --- | --- | --- |",
        ]
        for problem in group:
            where = str(problem.line or "") + (
                f":{problem.column}" if problem.line and problem.column else ""
            )
            severity = ("❌ " if problem.severity is Severity.ERROR else "⚠️ ") + problem.severity.label
            field = f"`{problem.field}`" if problem.field else ""
            cells = [where, severity, field, _cell(problem.message), _cell(problem.suggestion or "")]
            parts.append("| " + " | ".join(cells) + " |")
        parts.append("")
    return "\n".join(parts)


def echo_problems(problems: Problems, root: Path, output_format: str = "text") -> None:
    """Write every problem in ``output_format``.

    ``text`` and ``short`` go to stderr, coloured by severity; ``github``
    writes workflow commands to stdout, where GitHub Actions reads them;
    ``markdown`` writes nothing here (the caller writes the summary).
    """
    ordered = problems.sorted()
    if output_format == "github":
        for command in github_annotations(ordered, root):
            click.echo(command)
        return
    if output_format == "markdown":
        return
    blocks = quoted(ordered, root) if output_format == "text" else [p.format(root) for p in ordered]
    for problem, block in zip(ordered, blocks, strict=True):
        colour = "red" if problem.severity is Severity.ERROR else "yellow"
        heading, _newline, rest = block.partition("\n")
        click.secho(heading, fg=colour, bold=output_format == "text", err=True)
        if rest:
            click.echo(rest + "\n", err=True)
