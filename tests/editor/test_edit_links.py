"""`tarjotin fmt` and `tarjotin new` never follow, replace or write through a symbolic link."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import Result

from generator.edit.formatting import Outcome, format_file, write_atomically
from generator.load.layout import UnsafePath
from tests.editor.conftest import Run

#: A valid service that fmt would reformat (keys out of order, odd indentation).
UNTIDY = """\
what: Jotain.
name: Linkattu palvelu
provider: kela
area: region
themes:
    - kuntoutus
"""

NEW = ("new", "Uusi palvelu", "--provider", "kela", "--theme", "kuntoutus", "--area", "region")


def assert_clean_failure(result: Result) -> None:
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    folder = tmp_path / "outside"
    folder.mkdir()
    (folder / "linkattu.yml").write_text(UNTIDY, encoding="utf-8")
    return folder


def test_fmt_neither_follows_nor_replaces_a_linked_file(run: Run, project: Path, outside: Path) -> None:
    link = project / "catalogue" / "services" / "linkattu.yml"
    link.symlink_to(outside / "linkattu.yml")
    result = run("fmt")
    assert_clean_failure(result)
    assert "catalogue/services/linkattu.yml: virhe" in result.stderr
    assert "tämä tiedosto on symbolinen linkki" in result.stderr
    assert "✗ catalogue/services/linkattu.yml: ei siistitty" in result.stderr
    assert link.is_symlink()  # not replaced by a file
    assert (outside / "linkattu.yml").read_text(encoding="utf-8") == UNTIDY  # nor the target rewritten


def test_fmt_given_a_linked_file_refuses_it(run: Run, project: Path, outside: Path) -> None:
    link = project / "catalogue" / "services" / "linkattu.yml"
    link.symlink_to(outside / "linkattu.yml")
    result = run("fmt", "catalogue/services/linkattu.yml")
    assert_clean_failure(result)
    assert "tämä tiedosto on symbolinen linkki" in result.stderr
    assert link.is_symlink()
    assert (outside / "linkattu.yml").read_text(encoding="utf-8") == UNTIDY


def test_fmt_does_not_enter_a_linked_folder(run: Run, project: Path, outside: Path) -> None:
    link = project / "catalogue" / "muualla"
    link.symlink_to(outside, target_is_directory=True)
    for args in [(), ("catalogue/muualla/linkattu.yml",)]:
        result = run("fmt", *args)
        assert_clean_failure(result)
        assert "catalogue/muualla: virhe" in result.stderr
        assert "tämä kansio on symbolinen linkki" in result.stderr
    assert (outside / "linkattu.yml").read_text(encoding="utf-8") == UNTIDY


def test_an_ordinary_untidy_file_is_still_formatted(project: Path) -> None:
    path = project / "catalogue" / "services" / "siisti.yml"
    path.write_text(UNTIDY, encoding="utf-8")
    assert format_file(path, project / "catalogue").outcome is Outcome.CHANGED


def test_writing_refuses_a_link(tmp_path: Path, outside: Path) -> None:
    link = tmp_path / "link.yml"
    link.symlink_to(outside / "linkattu.yml")
    with pytest.raises(UnsafePath):
        write_atomically(link, "name: x\n")
    assert link.is_symlink()
    assert (outside / "linkattu.yml").read_text(encoding="utf-8") == UNTIDY


def test_new_does_not_write_into_a_linked_services_folder(run: Run, project: Path, tmp_path: Path) -> None:
    services = project / "catalogue" / "services"
    services.rename(tmp_path / "services-real")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    services.symlink_to(elsewhere, target_is_directory=True)
    result = run(*NEW)
    assert_clean_failure(result)
    assert "catalogue/services: tämä kansio on symbolinen linkki" in result.stderr
    assert "; mitään ei kirjoitettu (korvaa linkki itse kansiolla).\n" in result.stderr
    assert list(elsewhere.iterdir()) == []


def test_new_does_not_write_through_a_link_at_the_new_name(run: Run, project: Path, tmp_path: Path) -> None:
    target = tmp_path / "kohde.yml"
    link = project / "catalogue" / "services" / "uusi-palvelu.yml"
    link.symlink_to(target)  # dangling: exists() is False, yet writing would create the target
    result = run(*NEW)
    assert_clean_failure(result)
    assert "catalogue/services/uusi-palvelu.yml: tämä tiedosto on symbolinen linkki" in result.stderr
    assert not target.exists()
    assert link.is_symlink()


def test_new_refuses_a_linked_vocabulary(run: Run, project: Path, tmp_path: Path) -> None:
    themes = project / "catalogue" / "themes.yml"
    themes.rename(tmp_path / "themes.yml")
    themes.symlink_to(tmp_path / "themes.yml")
    result = run(*NEW)
    assert_clean_failure(result)
    assert "catalogue/themes.yml: virhe" in result.stderr
    assert "tämä tiedosto on symbolinen linkki" in result.stderr
