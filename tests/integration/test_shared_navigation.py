"""The navigation the MkDocs plugin renders once for the pages outside it
(``TarjotinPlugin._shared_nav``, ``theme_overrides/main.html``) is the navigation
Material renders for each of them."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest

from generator.engines.mkdocs_plugin import TarjotinPlugin
from tests.conftest import PROJECT
from tests.helpers import tarjotin_build

_NAVIGATION = re.compile(r'<nav class="md-nav md-nav--primary".*?</nav>\s*</div>', re.S)


def _pages(site: Path) -> dict[str, str]:
    return {
        path.relative_to(site).as_posix(): " ".join(path.read_text(encoding="utf-8").split())
        for path in site.rglob("*.html")
    }


def test_every_page_is_as_material_renders_it(
    default_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(TarjotinPlugin, "_shared_nav", lambda self, page, caller: caller())
    result = tarjotin_build(PROJECT, tmp_path / "site")
    assert result.exit_code == 0, result.output
    shared, each = _pages(default_site), _pages(tmp_path / "site")
    assert shared.keys() == each.keys()
    assert [path for path in each if shared[path] != each[path]] == []
    kela = shared["palvelut/kela/index.html"]
    assert len(_NAVIGATION.findall(kela)) == 1 and "teemat/" in _NAVIGATION.findall(kela)[0]


def _page(src_uri: str, url: str) -> SimpleNamespace:
    return SimpleNamespace(file=SimpleNamespace(src_uri=src_uri), url=url)


def test_one_rendering_per_folder_outside_the_navigation() -> None:
    plugin = TarjotinPlugin()
    plugin.rank = {"index.md": 0, "palvelut/index.md": 1}
    rendered: list[str] = []

    def render(name: str) -> str:
        rendered.append(name)
        return f"<nav>{name}</nav>"

    pages = [
        _page("palvelut/kela.md", "palvelut/kela/"),
        _page("palvelut/te-palvelut.md", "palvelut/te-palvelut/"),
        _page("ammattilaisille/asiakasesimerkit/jaakko.md", "ammattilaisille/asiakasesimerkit/jaakko/"),
        _page("palvelut/index.md", "palvelut/"),  # in the navigation: its entry is active
        _page("palvelut/index.md", "palvelut/"),
    ]
    shown = [plugin._shared_nav(page, lambda page=page: render(page.url)) for page in pages]  # type: ignore[arg-type]
    assert shown[0] == shown[1] == "<nav>palvelut/kela/</nav>"
    assert rendered == [
        "palvelut/kela/",
        "ammattilaisille/asiakasesimerkit/jaakko/",
        "palvelut/",
        "palvelut/",
    ]
