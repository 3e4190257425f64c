"""Click's own words (the help's headings, the usage errors) in the editors' language."""

from __future__ import annotations

import importlib
from pathlib import Path

import click
from babel.messages.extract import extract_from_dir
from click.testing import CliRunner

from generator.cli import main
from generator.i18n import _, click_words, ngettext, set_language

CLICK = Path(click.__file__).parent
#: Click's modules that import gettext and are left alone, with the reason.
LEFT_ALONE = {
    "click._winconsole": "Windows only",
    "click._termui_impl": "only the external editor's and the pager's failures",
    "click.shell_completion": "only the shell completion's set-up",
}


def _click_messages() -> set[str | tuple[str, str]]:
    found: set[str | tuple[str, str]] = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(CLICK), method_map=[("**.py", "python")], keywords={"_": None, "ngettext": (1, 2)}
    ):
        found.add(tuple(message) if isinstance(message, tuple) else message)  # type: ignore[arg-type]
    return found


def test_every_text_translated_is_still_one_of_clicks() -> None:
    """An upgrade of Click that rewords a text would leave it in English: this notices."""
    messages = _click_messages()
    missing = [text for text in (*click_words.TEXTS, *click_words.PLURAL_TEXTS) if text not in messages]
    assert not missing, f"Click no longer has these texts; update generator/i18n/click_words.py: {missing}"
    source = (CLICK / "core.py").read_text(encoding="utf-8")
    assert all(f'"{text}"' in source for text in click_words.LOOKED_UP_TEXTS)


def test_every_click_module_that_looks_texts_up_asks_ours() -> None:
    looking_up = {
        "click." + path.stem
        for path in CLICK.glob("*.py")
        if "from gettext import" in path.read_text(encoding="utf-8")
    }
    assert looking_up == set(click_words.CLICK_MODULES) | set(LEFT_ALONE)
    for name in click_words.CLICK_MODULES:
        module = importlib.import_module(name)
        assert getattr(module, "_", _) is _ and getattr(module, "ngettext", ngettext) is ngettext, name


def test_the_help_is_in_finnish_throughout() -> None:
    result = CliRunner().invoke(main, prog_name="tarjotin", args=["--help"])
    assert result.exit_code == 0
    assert result.output.startswith("Käyttö: tarjotin [VALITSIMET] KOMENTO [ARGUMENTIT]...\n")
    assert "\nValitsimet:\n" in result.output and "\nKomennot:\n" in result.output
    assert "Näytä tämä ohje ja lopeta." in result.output
    for english in ("Usage:", "Options:", "Commands:", "Show this message"):
        assert english not in result.output


def test_a_mistyped_option_or_command_is_told_in_finnish() -> None:
    result = CliRunner().invoke(main, prog_name="tarjotin", args=["build", "--nope"])
    assert result.exit_code == 2
    assert result.output == (
        "Käyttö: tarjotin build [VALITSIMET]\n"
        "Ohjeen saat komennolla 'tarjotin build --help'.\n\n"
        "Virhe: Valitsinta '--nope' ei ole.\n"
    )
    result = CliRunner().invoke(main, prog_name="tarjotin", args=["buld"])
    assert result.exit_code == 2
    assert result.output.endswith("Virhe: Komentoa 'buld' ei ole. Tarkoititko 'build'?\n")
    result = CliRunner().invoke(main, prog_name="tarjotin", args=["build", "--engine", "jekyll"])
    assert result.exit_code == 2
    assert result.output.endswith(
        "Virhe: Virheellinen arvo kohdassa '--engine': 'jekyll' ei ole mikään näistä: 'mkdocs', 'zensical'.\n"
    )


def test_english_on_request() -> None:
    try:
        result = CliRunner().invoke(main, prog_name="tarjotin", args=["--lang", "en", "build", "--nope"])
    finally:
        set_language(None)  # --lang stays chosen after the run, as it does in a real process
    assert result.exit_code == 2
    assert result.output.endswith(
        "Try 'tarjotin build --help' for help.\n\nError: No such option '--nope'.\n"
    )
