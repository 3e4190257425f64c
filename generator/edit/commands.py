"""The editors' commands, ``tarjotin new`` and ``tarjotin fmt`` (added to the CLI in ``generator.cli``)."""

from __future__ import annotations

import re
import sys
import typing
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Literal, TypeVar

import click

from generator.edit.formatting import (
    FormatResult,
    Outcome,
    catalogue_files,
    format_file,
    write_atomically,
)
from generator.edit.scaffold import NewService, Vocabularies, create_service, read_vocabularies, service_id
from generator.load.layout import CatalogueLayout, UnsafePath, check_inside
from generator.model.entries import SLUG_PATTERN
from generator.problems import Problems, did_you_mean
from generator.reporting import echo_problems

T = TypeVar("T")
DEFAULT_CATALOGUE = Path("catalogue")


def _shown(path: Path) -> str:
    """A path as the editor typed it: relative to the working folder when inside it."""
    cwd = Path.cwd()
    return str(path.relative_to(cwd)) if path.is_absolute() and path.is_relative_to(cwd) else str(path)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _refuse_link(unsafe: UnsafePath) -> typing.NoReturn:
    click.secho(
        f"✗ {_shown(unsafe.path)}: {unsafe.message}; nothing was written ({unsafe.suggestion}).",
        fg="red",
        err=True,
    )
    sys.exit(1)


# --- tarjotin new -----------------------------------------------------------------------


def _choose(value: str, known: list[str], what: str, where: str) -> str:
    """``value`` if it is one of ``known``; otherwise a usage error that lists them."""
    if value in known:
        return value
    hint = did_you_mean(value, known)
    raise click.BadParameter(
        f"unknown {what} '{value}'" + (f" ({hint})" if hint else "") + f"; {where} has: {', '.join(known)}"
    )


def _parse_themes(text: str, vocabularies: Vocabularies) -> list[str]:
    ids = [part.strip() for part in text.split(",") if part.strip()]
    return [_choose(theme, vocabularies.themes, "theme", "themes.yml") for theme in ids]


def _parse_area(text: str, vocabularies: Vocabularies) -> Literal["region"] | list[str]:
    if text.strip() in ("", "region"):
        return "region"
    ids = [part.strip() for part in text.split(",") if part.strip()]
    return [_choose(m, vocabularies.municipalities, "municipality", "region.yml") for m in ids]


def _ask(question: str, parse: Callable[[str], T], default: str | None = None) -> T:
    """Ask until ``parse`` accepts the answer; click shows its error and asks again."""

    def convert(answer: str) -> T:
        try:
            return parse(answer)
        except click.BadParameter as error:
            raise click.UsageError(error.message) from None

    answer: T = click.prompt(question, default=default, value_proc=convert, err=True)
    return answer


@click.command()
@click.argument("name")
@click.option(
    "--catalogue",
    type=click.Path(path_type=Path, file_okay=False),
    default=DEFAULT_CATALOGUE,
    show_default=True,
    help="The catalogue folder.",
)
@click.option("--id", "identifier", help="The file name without .yml (default: made from the name).")
@click.option("--provider", help="Provider id from providers.yml (asked if not given).")
@click.option(
    "--theme",
    "themes",
    multiple=True,
    help="Theme id from themes.yml; repeat for several (asked if none is given).",
)
@click.option(
    "--area",
    help="'region' or municipality ids from region.yml separated by commas (asked if not given).",
)
def new(
    name: str,
    catalogue: Path,
    identifier: str | None,
    provider: str | None,
    themes: tuple[str, ...],
    area: str | None,
) -> None:
    """Create services/<id>.yml for a new service NAME, with guidance for every field.

    The new file validates as it is; its comments (in Finnish) tell what to write
    in each field. An existing file is never overwritten.
    """
    name = name.strip()
    if not name:
        raise click.BadParameter("the name is empty", param_hint="NAME")
    identifier = identifier or service_id(name)
    if not re.match(SLUG_PATTERN, identifier):
        raise click.BadParameter(
            f"'{identifier}' is not a valid id: use lowercase letters a–z, digits and hyphens",
            param_hint="--id" if identifier else "NAME",
        )
    path = CatalogueLayout(catalogue).services_dir / f"{identifier}.yml"
    try:
        check_inside(path, catalogue)
    except UnsafePath as unsafe:
        _refuse_link(unsafe)
    if path.exists():
        click.secho(
            f"✗ {_shown(path)} already exists; nothing was written. "
            "Edit that file, or choose another id with --id.",
            fg="red",
            err=True,
        )
        sys.exit(1)

    problems = Problems()
    vocabularies = read_vocabularies(catalogue, problems)
    if vocabularies is None:
        echo_problems(problems, Path.cwd())
        click.secho("✗ Fix these first: a new service refers to them.", fg="red", err=True)
        sys.exit(1)

    try:
        if provider is None:
            click.echo("Providers (providers.yml):", err=True)
            width = max(len(provider_id) for provider_id in vocabularies.providers)
            for provider_id, provider_name in vocabularies.providers.items():
                click.echo(f"  {provider_id.ljust(width)}  {provider_name}", err=True)
            chosen_provider = _ask(
                "Provider id",
                lambda text: _choose(text.strip(), list(vocabularies.providers), "provider", "providers.yml"),
            )
        else:
            chosen_provider = _choose(provider, list(vocabularies.providers), "provider", "providers.yml")
        if themes:
            chosen_themes = _parse_themes(",".join(themes), vocabularies)
        else:
            chosen_themes = _ask(
                f"Theme ids, separated by commas ({', '.join(vocabularies.themes)})",
                lambda text: _parse_themes(text, vocabularies),
                default="",
            )
        if area is None:
            chosen_area = _ask(
                "Area: 'region' or municipality ids separated by commas",
                lambda text: _parse_area(text, vocabularies),
                default="region",
            )
        else:
            chosen_area = _parse_area(area, vocabularies)
    except click.Abort:
        raise click.UsageError(
            "no answer: give --provider, --theme and --area to run without questions"
        ) from None

    service = NewService(name=name, themes=chosen_themes, provider=chosen_provider, area=chosen_area)
    try:
        created = create_service(catalogue, service, identifier, today=date.today())
    except FileExistsError:
        click.secho(f"✗ {_shown(path)} already exists; nothing was written.", fg="red", err=True)
        sys.exit(1)
    except UnsafePath as unsafe:  # a link that appeared while the questions were asked
        _refuse_link(unsafe)
    click.secho(f"✓ Created {_shown(created)}", fg="green", err=True)
    click.echo(
        "Next: fill in the fields (the comments in the file tell what to write), then run "
        "`tarjotin validate` and preview with `tarjotin serve`.",
        err=True,
    )


# --- tarjotin fmt -----------------------------------------------------------------------


@click.command()
@click.argument("files", nargs=-1, type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--catalogue",
    type=click.Path(path_type=Path, file_okay=False),
    default=DEFAULT_CATALOGUE,
    show_default=True,
    help="The catalogue folder, formatted when no FILES are given.",
)
@click.option(
    "--check", is_flag=True, help="Only report files that would change (exit 1 if any); write nothing."
)
def fmt(files: tuple[Path, ...], catalogue: Path, check: bool) -> None:
    """Put catalogue files in one layout (key order, indentation), keeping comments.

    A file that cannot be read safely, or whose data formatting would change,
    is reported and never written.
    """
    if not files and not catalogue.is_dir():
        raise click.BadParameter(
            f"the catalogue folder '{catalogue}' does not exist", param_hint="--catalogue"
        )
    targets = list(files) or catalogue_files(catalogue)
    changed = unchanged = failed = 0
    for path in targets:
        # A file inside the catalogue folder is checked for links from the folder down.
        inside = path.absolute().is_relative_to(catalogue.absolute())
        result = format_file(path, catalogue if inside else None)
        if result.outcome is Outcome.CHANGED and not check:
            try:
                write_atomically(path, result.text)
            except UnsafePath as unsafe:  # it became a link after it was read
                result = FormatResult(path, Outcome.FAILED)
                unsafe.report(result.problems)
        if result.outcome is Outcome.FAILED:
            failed += 1
            echo_problems(result.problems, Path.cwd())
            click.secho(f"✗ {_shown(path)}: not formatted", fg="red", err=True)
        elif result.outcome is Outcome.CHANGED:
            changed += 1
            click.echo(f"{'would reformat' if check else 'reformatted'} {_shown(path)}", err=True)
        else:
            unchanged += 1
    verb = "would be reformatted" if check else "reformatted"
    summary = f"{_plural(changed, 'file')} {verb}, {unchanged} already formatted"
    if failed:
        summary += f", {failed} could not be formatted"
    ok = not failed and not (check and changed)
    click.secho(("✓ " if ok else "✗ ") + summary, fg="green" if ok else "red", err=True)
    if not ok:
        sys.exit(1)
