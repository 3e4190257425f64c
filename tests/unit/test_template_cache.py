"""Compiled templates are cached where the temp folder allows it, and a build never needs the cache."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.render import environment, pages
from generator.validate.catalogue import require_catalogue


def test_the_cache_is_a_private_folder_of_this_user() -> None:
    cache = environment.bytecode_cache()
    assert cache is not None
    assert Path(cache.directory).is_dir()
    assert Path(cache.directory).stat().st_mode & 0o077 == 0, "no one else may read or write it"


def test_pages_render_without_a_usable_temp_folder(
    mini_catalogue: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unusable() -> None:
        raise RuntimeError("Cannot determine safe temp directory.")

    monkeypatch.setattr(environment, "FileSystemBytecodeCache", unusable)
    assert environment.bytecode_cache() is None
    catalogue, _ = require_catalogue(mini_catalogue)
    rendered = pages.render_pages(catalogue)
    assert any(page.kind == "service" for page in rendered)
