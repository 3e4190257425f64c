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
from generator.i18n import _, ngettext
from generator.i18n.click_words import Command
from generator.i18n.options import language_option
from generator.load.layout import CatalogueLayout, UnsafePath, check_inside
from generator.model.entries import SLUG_PATTERN
from generator.problems import Problems, did_you_mean
from generator.reporting import echo_problems
from generator.validate.placeholders import PLACEHOLDER
from generator.validate.references import MUNICIPALITY, PROVIDER, THEME, Kind

T = TypeVar("T")
DEFAULT_CATALOGUE = Path("catalogue")


def _shown(path: Path) -> str:
    """A path as the editor typed it: relative to the working folder when inside it."""
    cwd = Path.cwd()
    return str(path.relative_to(cwd)) if path.is_absolute() and path.is_relative_to(cwd) else str(path)


def _refuse_link(unsafe: UnsafePath) -> typing.NoReturn:
    click.secho(
        _("✗ {path}: {message}; nothing was written ({suggestion}).").format(
            path=_shown(unsafe.path), message=unsafe.message, suggestion=unsafe.suggestion
        ),
        fg="red",
        err=True,
    )
    sys.exit(1)


# --- tarjotin new -----------------------------------------------------------------------


def _choose(value: str, known: list[str], kind: Kind) -> str:
    """``value`` if it is one of ``known``; otherwise a usage error that lists them."""
    if value in known:
        return value
    hint = did_you_mean(value, known)
    message = _(kind.unknown).format(value=value) + (f" ({hint})" if hint else "")
    raise click.BadParameter(
        _("{message}; {where} has: {ids}").format(message=message, where=kind.where, ids=", ".join(known))
    )


def _parse_themes(text: str, vocabularies: Vocabularies) -> list[str]:
    ids = [part.strip() for part in text.split(",") if part.strip()]
    return [_choose(theme, vocabularies.themes, THEME) for theme in ids]


def _parse_area(text: str, vocabularies: Vocabularies) -> Literal["region"] | list[str]:
    if text.strip() in ("", "region"):
        return "region"
    ids = [part.strip() for part in text.split(",") if part.strip()]
    return [_choose(m, vocabularies.municipalities, MUNICIPALITY) for m in ids]


def _ask(question: str, parse: Callable[[str], T], default: str | None = None) -> T:
    """Ask until ``parse`` accepts the answer; click shows its error and asks again."""

    def convert(answer: str) -> T:
        try:
            return parse(answer)
        except click.BadParameter as error:
            raise click.UsageError(error.message) from None

    answer: T = click.prompt(question, default=default, value_proc=convert, err=True)
    return answer


@click.command(
    cls=Command,
    help=_(
        "Create services/<id>.yml for a new service NAME, with guidance for every field.\n\n"
        "Its comments (in Finnish) tell what to write in each field; `tarjotin validate` "
        "reports each TÄYDENNÄ placeholder still left as an error. An existing file is never "
        "overwritten."
    ),
)
@click.argument("name", metavar=_("NAME"))
@click.option(
    "--catalogue",
    type=click.Path(path_type=Path, file_okay=False),
    default=DEFAULT_CATALOGUE,
    show_default=True,
    help=_("The catalogue folder."),
)
@click.option("--id", "identifier", help=_("The file name without .yml (default: made from the name)."))
@click.option("--provider", help=_("Provider id from providers.yml (asked if not given)."))
@click.option(
    "--theme",
    "themes",
    multiple=True,
    help=_("Theme id from themes.yml; repeat for several (asked if none is given)."),
)
@click.option(
    "--area",
    help=_("'region' or municipality ids from region.yml separated by commas (asked if not given)."),
)
@language_option()
def new(
    name: str,
    catalogue: Path,
    identifier: str | None,
    provider: str | None,
    themes: tuple[str, ...],
    area: str | None,
) -> None:
    name = name.strip()
    if not name:
        raise click.BadParameter(_("the name is empty"), param_hint="NAME")
    identifier = identifier or service_id(name)
    if not re.match(SLUG_PATTERN, identifier):
        raise click.BadParameter(
            _("'{id}' is not a valid id: use lowercase letters a–z, digits and hyphens").format(
                id=identifier
            ),
            param_hint="--id" if identifier else "NAME",
        )
    path = CatalogueLayout(catalogue).services_dir / f"{identifier}.yml"
    try:
        check_inside(path, catalogue)
    except UnsafePath as unsafe:
        _refuse_link(unsafe)
    if path.exists():
        click.secho(
            _(
                "✗ {path} already exists; nothing was written. "
                "Edit that file, or choose another id with --id."
            ).format(path=_shown(path)),
            fg="red",
            err=True,
        )
        sys.exit(1)

    problems = Problems()
    vocabularies = read_vocabularies(catalogue, problems)
    if vocabularies is None:
        echo_problems(problems, Path.cwd())
        click.secho(_("✗ Fix these first: a new service refers to them."), fg="red", err=True)
        sys.exit(1)

    try:
        if provider is None:
            click.echo(_("Providers (providers.yml):"), err=True)
            width = max(len(provider_id) for provider_id in vocabularies.providers)
            for provider_id, provider_name in vocabularies.providers.items():
                click.echo(f"  {provider_id.ljust(width)}  {provider_name}", err=True)
            chosen_provider = _ask(
                _("Provider id"),
                lambda text: _choose(text.strip(), list(vocabularies.providers), PROVIDER),
            )
        else:
            chosen_provider = _choose(provider, list(vocabularies.providers), PROVIDER)
        if themes:
            chosen_themes = _parse_themes(",".join(themes), vocabularies)
        else:
            chosen_themes = _ask(
                _("Theme ids, separated by commas ({ids})").format(ids=", ".join(vocabularies.themes)),
                lambda text: _parse_themes(text, vocabularies),
                default="",
            )
        if area is None:
            chosen_area = _ask(
                _("Area: 'region' or municipality ids separated by commas"),
                lambda text: _parse_area(text, vocabularies),
                default="region",
            )
        else:
            chosen_area = _parse_area(area, vocabularies)
    except click.Abort:
        raise click.UsageError(
            _("no answer: give --provider, --theme and --area to run without questions")
        ) from None

    service = NewService(name=name, themes=chosen_themes, provider=chosen_provider, area=chosen_area)
    try:
        created = create_service(catalogue, service, identifier, today=date.today())
    except FileExistsError:
        click.secho(
            _("✗ {path} already exists; nothing was written.").format(path=_shown(path)), fg="red", err=True
        )
        sys.exit(1)
    except UnsafePath as unsafe:  # a link that appeared while the questions were asked
        _refuse_link(unsafe)
    click.secho(_("✓ Created {path}").format(path=_shown(created)), fg="green", err=True)
    click.echo(
        _(
            "Next: replace each {placeholder} and fill in the fields (the comments in the file tell what "
            "to write), then run `tarjotin validate` and preview with `tarjotin serve`."
        ).format(placeholder=PLACEHOLDER),
        err=True,
    )


# --- tarjotin fmt -----------------------------------------------------------------------


@click.command(
    cls=Command,
    help=_(
        "Put catalogue files in one layout (key order, indentation), keeping comments.\n\nA "
        "file that cannot be read safely, or whose data formatting would change, is reported "
        "and never written."
    ),
)
@click.argument("files", nargs=-1, metavar=_("[FILES]..."), type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--catalogue",
    type=click.Path(path_type=Path, file_okay=False),
    default=DEFAULT_CATALOGUE,
    show_default=True,
    help=_("The catalogue folder, formatted when no FILES are given."),
)
@click.option(
    "--check", is_flag=True, help=_("Only report files that would change (exit 1 if any); write nothing.")
)
@language_option()
def fmt(files: tuple[Path, ...], catalogue: Path, check: bool) -> None:
    if not files and not catalogue.is_dir():
        raise click.BadParameter(
            _("the catalogue folder '{folder}' does not exist").format(folder=catalogue),
            param_hint="--catalogue",
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
            click.secho(_("✗ {path}: not formatted").format(path=_shown(path)), fg="red", err=True)
        elif result.outcome is Outcome.CHANGED:
            changed += 1
            done = _("would reformat {path}") if check else _("reformatted {path}")
            click.echo(done.format(path=_shown(path)), err=True)
        else:
            unchanged += 1
    if check:
        summary = ngettext("{count} file would be reformatted", "{count} files would be reformatted", changed)
    else:
        summary = ngettext("{count} file reformatted", "{count} files reformatted", changed)
    parts = [summary.format(count=changed), _("{count} already formatted").format(count=unchanged)]
    if failed:
        parts.append(_("{count} could not be formatted").format(count=failed))
    summary = ", ".join(parts)
    ok = not failed and not (check and changed)
    click.secho(("✓ " if ok else "✗ ") + summary, fg="green" if ok else "red", err=True)
    if not ok:
        sys.exit(1)
