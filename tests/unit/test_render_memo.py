"""The preview's memo (generator/memo.py, render/memo.py, ReadMemo): the plan it makes
after any kind of change is the plan a fresh build makes, and it renders again only
what the change touched."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from generator.load.yaml_source import ReadMemo
from generator.memo import RoundMemo, digest, plain
from generator.model.catalogue import Service
from generator.render.memo import RenderMemo
from generator.render.site_plan import PlanOptions, plan_site
from generator.site.plan import Page, SitePlan
from generator.validate.catalogue import load_catalogue
from tests.helpers import PROJECT

TODAY = date(2026, 12, 1)


class Preview:
    """Plans a copied catalogue as ``tarjotin serve`` does, and as a fresh build does."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.files = ReadMemo()
        self.rendered = RenderMemo()
        self.today = TODAY

    def _plan(self, files: ReadMemo | None, rendered: RenderMemo | None) -> SitePlan:
        catalogue, problems = load_catalogue(self.root, files)
        assert catalogue is not None, [p.message for p in problems.errors]
        options = PlanOptions(today=self.today, engine="mkdocs", docs_dir=PROJECT / "docs")
        return plan_site(catalogue, options, rendered)

    def memoized(self) -> dict[str, Page]:
        return {page.path: page for page in self._plan(self.files, self.rendered).pages}

    def fresh(self) -> dict[str, Page]:
        return {page.path: page for page in self._plan(None, None).pages}

    def edit(self, relative: str, pattern: str, replacement: str) -> None:
        path = self.root / relative
        text, count = re.subn(pattern, replacement, path.read_text(encoding="utf-8"), count=1, flags=re.M)
        assert count == 1, f"{relative}: {pattern!r} not found"
        path.write_text(text, encoding="utf-8")


@pytest.fixture
def preview(tmp_path: Path) -> Preview:
    root = tmp_path / "catalogue"
    shutil.copytree(PROJECT / "catalogue", root)
    return Preview(root)


def _same_as_fresh(preview: Preview) -> dict[str, Page]:
    memoized, fresh = preview.memoized(), preview.fresh()
    assert memoized.keys() == fresh.keys()
    for path, page in fresh.items():
        assert (memoized[path].markdown, memoized[path].fragments) == (page.markdown, page.fragments), path
    return memoized


#: One of each kind of change an editor makes, applied one after the other: (file,
#: pattern, replacement).
CHANGES = [
    # A service's own text: its page and the pages that show its card or its tray entry.
    ("services/kuntouttava-tyotoiminta.yml", r"^(what: \|\n  Kuntouttavan)", r"\1 (muutettu)"),
    # A rename: the pages that name it (its related services' next steps) change too.
    ("services/te-palvelut.yml", r"^name: (.*)$", r"name: \1 uusi"),
    # A service now named as another's referrer: that service's next step links to it.
    ("services/laakari.yml", r"^name: .*$", "name: Sote-ammattilainen"),
    # Shared files: a theme, a municipality, the glossary, a case, a section.
    ("themes.yml", r"^    name: Kuntoutus$", "    name: Kuntoutus ja hoito"),
    ("region.yml", r"^(    name: )Lahti$", r"\1Lahden kaupunki"),
    ("professional/glossary.yml", r"^(    expansion: )Kansaneläkelaitos$", r"\1Kansaneläkelaitos (Kela)"),
    ("professional/cases/jaakko.yml", r"^name: Jaakko$", "name: Jaakko K."),
    ("sections.yml", r"^(    name: )(.*)$", r"\1\2 (osio)"),
]


def test_every_kind_of_change_plans_as_a_fresh_build_does(preview: Preview) -> None:
    before = _same_as_fresh(preview)
    for file, pattern, replacement in CHANGES:
        preview.edit(file, pattern, replacement)
        after = _same_as_fresh(preview)
        assert any(after[path].full_markdown != before[path].full_markdown for path in after), file
        before = after
    # Another day: the services that ended in 2023 are on offer again.
    preview.today = date(2023, 6, 1)
    _same_as_fresh(preview)


@pytest.fixture
def rendered(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the services whose page is rendered."""
    from generator.render import service_pages

    ids: list[str] = []
    real = service_pages._render_service_page

    def recording(renderer: object, service: Service, steps: object) -> Page:
        ids.append(service.id)
        return real(renderer, service, steps)  # type: ignore[arg-type]

    monkeypatch.setattr(service_pages, "_render_service_page", recording)
    return ids


def test_a_service_edit_renders_only_that_service_again(preview: Preview, rendered: list[str]) -> None:
    preview.memoized()
    assert len(rendered) == len(list((preview.root / "services").glob("*.yml")))
    rendered.clear()
    preview.edit("services/kuntouttava-tyotoiminta.yml", r"^(what: \|\n  Kuntouttavan)", r"\1 (muutettu)")
    preview.memoized()
    assert rendered == ["kuntouttava-tyotoiminta"]


def test_a_rename_renders_again_the_pages_that_name_the_service(
    preview: Preview, rendered: list[str]
) -> None:
    first = preview.memoized()
    rendered.clear()
    preview.edit("services/te-palvelut.yml", r"^name: (.*)$", r"name: \1 uusi")
    second = preview.memoized()
    naming = {
        Path(path).stem
        for path, page in first.items()
        if path.startswith("palvelut/")
        and path != "palvelut/index.md"
        and "palvelut/te-palvelut.md" in page.markdown
    }
    assert naming
    assert set(rendered) == naming | {"te-palvelut"}
    assert {path: page.full_markdown for path, page in second.items()} == {
        path: page.full_markdown for path, page in preview.fresh().items()
    }


def test_an_unchanged_file_is_not_parsed_again(preview: Preview, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.load import yaml_source

    parsed: list[Path] = []
    real = yaml_source._parse

    def counting(path: Path, *args: object) -> object:
        parsed.append(path)
        return real(path, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(yaml_source, "_parse", counting)
    preview.memoized()
    assert len(parsed) > 20
    parsed.clear()
    preview.edit("services/kuntouttava-tyotoiminta.yml", r"^(what: \|\n  Kuntouttavan)", r"\1 (muutettu)")
    preview.memoized()
    assert parsed == [preview.root / "services/kuntouttava-tyotoiminta.yml"]


def test_a_broken_file_is_reported_every_time_until_fixed(preview: Preview) -> None:
    preview.memoized()
    preview.edit("services/laakari.yml", r"^name: (.*)$", "name: [rikki")
    for _attempt in range(2):
        catalogue, problems = load_catalogue(preview.root, preview.files)
        assert catalogue is None
        assert [p.file.name for p in problems.errors] == ["laakari.yml"]


def test_a_project_with_its_own_templates_is_not_memoized(preview: Preview, tmp_path: Path) -> None:
    catalogue, _problems = load_catalogue(preview.root)
    assert catalogue is not None
    (tmp_path / "templates").mkdir()
    options = PlanOptions(today=TODAY, engine="mkdocs", template_dirs=[tmp_path / "templates"])
    memo = RenderMemo()
    plan_site(catalogue, options, memo)
    assert len(memo.fragments) == 0 and len(memo.pages) == 0


def test_round_memo_keeps_what_the_last_round_used() -> None:
    memo: RoundMemo[int] = RoundMemo()
    made: list[str] = []

    def make(key: str) -> int:
        made.append(key)
        return len(made)

    assert memo.get("a", lambda: make("a")) == 1
    assert memo.get("b", lambda: make("b")) == 2
    memo.round_done()
    assert memo.get("a", lambda: make("a")) == 1  # kept
    memo.round_done()
    assert memo.get("b", lambda: make("b")) == 3  # the last round did not use it
    assert made == ["a", "b", "b"]


def test_plain_form_follows_cycles_and_refuses_the_unknown() -> None:
    from dataclasses import dataclass, field

    @dataclass(eq=False)
    class Node:
        name: str
        children: list[Node] = field(default_factory=list)
        parent: Node | None = None

    root = Node("a")
    root.children.append(Node("b", parent=root))
    assert plain(root) == ("Node", "a", (("Node", "b", (), ("seen", "Node", 0)),), None)
    assert digest(root) != digest(Node("a"))
    with pytest.raises(TypeError, match="no plain form for object"):
        plain(object())
