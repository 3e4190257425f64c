"""Ids the site needs for its own pages are refused by validation, where they are written."""

from __future__ import annotations

import posixpath
import shutil
from collections import defaultdict
from pathlib import Path

import pytest

from generator.model.catalogue import Catalogue
from generator.problems import Problem
from generator.render.pages import render_pages
from generator.validate.catalogue import load_catalogue
from generator.validate.reserved import RESERVED_IDS

PROJECT = Path(__file__).parent.parent.parent

#: The kinds of page named by an entry's id (``Page.kind``).
ENTRY_KINDS = ("service", "theme", "municipality", "path", "case", "checklist")


@pytest.fixture
def catalogue(tmp_path: Path) -> Path:
    """A copy of the shipped catalogue, which has every kind of entry."""
    target = tmp_path / "catalogue"
    shutil.copytree(PROJECT / "catalogue", target)
    return target


def copy_service(source: Path, target: Path) -> None:
    """A copy of a service file under another id, and another name (two services may not share one)."""
    text = source.read_text(encoding="utf-8")
    target.write_text(text.replace("\nname: ", f"\nname: {target.stem} – ", 1), encoding="utf-8")


def errors_of(catalogue: Path) -> list[Problem]:
    loaded, problems = load_catalogue(catalogue)
    assert loaded is None, "expected the catalogue to be rejected"
    return problems.errors


def test_the_reserved_ids_are_the_names_of_the_sites_own_pages_beside_the_entries(
    default_catalogue: Catalogue,
) -> None:
    """Derived from the rendered pages: what else the folders of entry pages hold."""
    pages = render_pages(default_catalogue)
    folders = {kind: {posixpath.dirname(p.path) for p in pages if p.kind == kind} for kind in ENTRY_KINDS}
    assert all(len(found) == 1 for found in folders.values()), folders
    own: dict[str, set[str]] = defaultdict(set)
    for page in pages:
        folder, name = posixpath.split(page.path)
        for kind, entry_folders in folders.items():
            if folder in entry_folders and page.kind != kind:
                own[kind].add(posixpath.splitext(name)[0])
    assert set().union(*own.values()) == RESERVED_IDS
    assert dict(own) == {kind: {"index"} for kind in ENTRY_KINDS}


def test_a_service_file_called_index_is_refused_at_its_first_line(catalogue: Path) -> None:
    path = catalogue / "services" / "index.yml"
    copy_service(catalogue / "services" / "kela.yml", path)
    [problem] = errors_of(catalogue)
    assert problem.format(catalogue) == (
        "services/index.yml:1: virhe: tunniste 'index' on varattu: sen niminen palvelu korvaisi "
        "sivuston oman palveluluettelon (nimeä tiedosto palvelun nimen mukaan)"
    )


def test_a_municipality_called_index_is_refused_at_its_id(catalogue: Path) -> None:
    region = catalogue / "region.yml"
    text = region.read_text(encoding="utf-8")
    lines = text.split("\n")
    number = next(i for i, line in enumerate(lines, start=1) if line == "  - id: asikkala")
    region.write_text(text.replace("  - id: asikkala\n", "  - id: index\n"), encoding="utf-8")
    problems = errors_of(catalogue)
    reserved = [p for p in problems if "varattu" in p.message]
    assert [p.format(catalogue) for p in reserved] == [
        f"region.yml:{number}:9: virhe [municipalities.0.id]: tunniste 'index' on varattu: sen niminen "
        "kunta korvaisi sivuston oman kuntaluettelon (anna kunnalle tunniste sen nimestä)"
    ]
    # The rest are the services that name the old id: real, and each at its own line.
    assert all(p.message == "'asikkala' ei ole alueen kunta" for p in problems if p not in reserved)


def test_a_theme_called_index_is_refused_at_its_id(catalogue: Path) -> None:
    themes = catalogue / "themes.yml"
    themes.write_text(
        themes.read_text(encoding="utf-8").replace("  - id: kuntoutus\n", "  - id: index\n"), encoding="utf-8"
    )
    [problem] = [p for p in errors_of(catalogue) if "varattu" in p.message]
    assert (problem.file, problem.line, problem.field) == (themes, 3, "themes.0.id")
    assert problem.message.endswith("sen niminen teema korvaisi sivuston oman teemaluettelon")


@pytest.mark.parametrize(
    ("folder", "example", "what"),
    [
        ("paths", "tym.yml", "palvelupolku korvaisi sivuston oman palvelupolkujen luettelon"),
        ("cases", "maija.yml", "asiakasesimerkki korvaisi sivuston oman asiakasesimerkkien luettelon"),
        (
            "checklists",
            "onko-asiakkaalla.yml",
            "tarkistuslista korvaisi sivuston oman tarkistuslistojen luettelon",
        ),
    ],
)
def test_professional_entries_called_index_are_refused(
    catalogue: Path, folder: str, example: str, what: str
) -> None:
    path = catalogue / "professional" / folder / "index.yml"
    shutil.copy(path.with_name(example), path)
    [problem] = errors_of(catalogue)
    assert (problem.file, problem.line, problem.field) == (path, 1, "")
    assert problem.message == f"tunniste 'index' on varattu: sen niminen {what}"


def test_ids_that_only_look_like_the_sites_pages_are_fine(catalogue: Path) -> None:
    """The site's own pages outside the entries' folders take no id away."""
    for name in ("haku", "tulosta", "avoin-data", "assets", "pagefind", "kunnat", "404"):
        copy_service(catalogue / "services" / "kela.yml", catalogue / "services" / f"{name}.yml")
    loaded, problems = load_catalogue(catalogue)
    assert loaded is not None, [p.format() for p in problems.errors]
    paths = [page.path for page in render_pages(loaded)]
    assert len(set(paths)) == len(paths), "no two pages share a path"
    assert "palvelut/haku.md" in paths
