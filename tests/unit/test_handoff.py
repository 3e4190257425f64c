"""`tarjotin build` checks the catalogue once: the plugin reuses what the command loaded."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.engines import mkdocs_plugin
from generator.validate import handoff
from generator.validate.catalogue import load_catalogue


def test_a_kept_catalogue_is_taken_once(mini_catalogue: Path) -> None:
    catalogue, problems = load_catalogue(mini_catalogue)
    assert catalogue is not None
    handoff.keep(mini_catalogue, catalogue, problems)
    taken = handoff.take(mini_catalogue / ".." / "catalogue")
    assert taken is not None and taken[0] is catalogue
    assert handoff.take(mini_catalogue) is None


def test_a_changed_file_is_read_again(mini_catalogue: Path) -> None:
    catalogue, problems = load_catalogue(mini_catalogue)
    assert catalogue is not None
    handoff.keep(mini_catalogue, catalogue, problems)
    service = mini_catalogue / "services" / "eka.yml"
    service.write_text(service.read_text(encoding="utf-8") + "keywords: [uusi]\n", encoding="utf-8")
    assert handoff.take(mini_catalogue) is None


def test_the_build_reads_the_catalogue_once(
    mini_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads: list[Path] = []

    def counting(root: Path):  # type: ignore[no-untyped-def]
        reads.append(root)
        return load_catalogue(root)

    monkeypatch.setattr(mkdocs_plugin, "load_catalogue", counting)
    arguments = [
        "build",
        "-f",
        str(mini_project / "mkdocs.yml"),
        "--catalogue",
        str(mini_project / "catalogue"),
    ]
    result = CliRunner().invoke(main, [*arguments, "--site-dir", str(tmp_path / "site")])
    assert result.exit_code == 0, result.output
    assert reads == [], "the plugin took the catalogue the command had checked"
    assert (tmp_path / "site" / "palvelut" / "eka" / "index.html").is_file()
