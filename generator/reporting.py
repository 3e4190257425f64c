"""Problems written out for people and for CI.

* ``text``: like a compiler, each problem with its source line and a caret
  (:meth:`~generator.problems.Problem.format_quoted`), for the terminal;
* ``short``: one line per problem (:meth:`~generator.problems.Problem.format`),
  for scripts and editors that jump to ``file:line:column``;
* ``github``: GitHub Actions workflow commands (``::error file=…,line=…::…``),
  which show each problem on the pull request's changed lines;
* ``markdown``: a table of problems per file, for a CI job summary;
* ``json``: every problem with its file, line, column, field and severity, for scripts;
* ``html``: the errors as a page, which the preview (``tarjotin serve``) shows in the
  browser instead of the site while the catalogue has errors (:func:`html_page`).

The formats themselves are :mod:`generator.report.render`'s, which ``tarjotin report``
and ``tarjotin links`` write through too.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import groupby
from pathlib import Path

import click

from generator.i18n import N_, _, ngettext
from generator.load.yaml_source import read_source
from generator.problems import Problem, Problems, Severity
from generator.report import html
from generator.report.formats import markdown_cell, markdown_code, relative_path
from generator.report.render import annotation, json_text, markdown_table, row_data

FORMATS = ("text", "short", "github", "markdown", "json")
#: The title of an annotation for a problem that names no field.
ANNOTATION_TITLE = "tarjotin validate"

#: Under the heading of the preview's error page.
PREVIEW_RELOADS = N_(
    "The preview shows the site again when the problems are fixed; this page reloads by itself."
)


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


def html_page(problems: Problems, root: Path, *, refresh: int | None = None) -> str:
    """The errors of ``problems`` as an HTML page: each with its file, line, quoted line and message.

    ``refresh``: the page reloads itself every so many seconds (where no live reload does).
    """
    errors = sorted(problems.errors, key=lambda p: (str(p.file), p.line or 0, p.column or 0))
    count = len(errors)
    sources = SourceLines()
    summary = ngettext("the catalogue has {count} error", "the catalogue has {count} errors", count)
    return html.problems_page(
        errors,
        root,
        heading=_("The catalogue has errors"),
        summary=_sentence(summary.format(count=count)) + " " + _(PREVIEW_RELOADS),
        source_line=lambda row: sources.line(row.file, row.line),
        refresh=refresh,
    )


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + "."


def build_error_page(messages: list[str], *, refresh: int | None = None) -> str:
    """An HTML page for a preview build that failed for another reason than the catalogue."""
    heading = _("The site could not be built")
    return html.message_page(messages, heading=heading, summary=_(PREVIEW_RELOADS), refresh=refresh)


def github_annotations(problems: Iterable[Problem], root: Path) -> list[str]:
    """GitHub Actions ``::error``/``::warning`` commands, one per problem."""
    return [annotation(problem, root, problem.field or ANNOTATION_TITLE) for problem in problems]


def markdown_summary(problems: list[Problem], root: Path, headline: str) -> str:
    """A heading, ``headline``, then one table of problems per file."""
    parts = ["## " + _("Catalogue check"), "", headline, ""]
    by_file = groupby(
        sorted(problems, key=lambda p: (str(p.file), p.line or 0, p.column or 0)), lambda p: p.file
    )
    for path, group in by_file:
        rows = []
        for problem in group:
            where = str(problem.line or "") + (
                f":{problem.column}" if problem.line and problem.column else ""
            )
            severity = ("❌ " if problem.severity is Severity.ERROR else "⚠️ ") + problem.severity.label
            field = markdown_code(problem.field, cell=True) if problem.field else ""
            rows.append(
                [
                    where,
                    severity,
                    field,
                    markdown_cell(problem.message),
                    markdown_cell(problem.suggestion or ""),
                ]
            )
        parts += [f"### {markdown_code(relative_path(path, root))}", ""]
        parts += markdown_table(
            [_("Line"), _("Severity"), _("Field"), _("Problem"), _("Suggestion")],
            rows,
            ["---:", "---", "---", "---", "---"],
        )
        parts.append("")
    return "\n".join(parts)


def json_summary(problems: Problems, root: Path, catalogue: Path) -> str:
    """Every problem as JSON, ordered by file and line, with the counts a script checks."""
    return json_text(
        {
            "catalogue": relative_path(catalogue, root),
            "valid": not problems.errors,
            "errors": len(problems.errors),
            "warnings": len(problems.warnings),
            "problems": [row_data(problem, root) for problem in problems.sorted()],
        }
    )


def echo_problems(problems: Problems, root: Path, output_format: str = "text") -> None:
    """Write every problem in ``output_format``.

    ``text`` and ``short`` go to stderr, coloured by severity; ``github``
    writes workflow commands to stdout, where GitHub Actions reads them;
    ``markdown`` and ``json`` write nothing here (the caller writes the summary).
    """
    ordered = problems.sorted()
    if output_format == "github":
        for command in github_annotations(ordered, root):
            click.echo(command)
        return
    if output_format in ("markdown", "json"):
        return
    blocks = quoted(ordered, root) if output_format == "text" else [p.format(root) for p in ordered]
    for problem, block in zip(ordered, blocks, strict=True):
        colour = "red" if problem.severity is Severity.ERROR else "yellow"
        heading, _newline, rest = block.partition("\n")
        click.secho(heading, fg=colour, bold=output_format == "text", err=True)
        if rest:
            click.echo(rest + "\n", err=True)
