"""Shared fixtures: small catalogues copied to a temporary folder per test."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

FIXTURES = Path(__file__).parent / "fixtures"
PROJECT = Path(__file__).parent.parent


CHROMIUM = "/usr/bin/chromium"
#: As root and on a closed network Chromium needs these (see the machine notes).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, one for the whole session (browser and form-editor tests).

    Defined here, once: a second session fixture of the same name in another folder
    would start a second Playwright, which its sync API refuses inside the first.
    """
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture(autouse=True)
def finnish_messages(monkeypatch: pytest.MonkeyPatch) -> None:
    """The tools speak Finnish in every test, whatever the developer's locale (LANG=en_US …)."""
    monkeypatch.setenv("TARJOTIN_LANG", "fi")


@pytest.fixture
def mini_project(tmp_path: Path) -> Path:
    """A copy of the two-service sample project (mkdocs.yml + catalogue/)."""
    target = tmp_path / "project"
    shutil.copytree(FIXTURES / "mini", target)
    return target


@pytest.fixture
def mini_catalogue(mini_project: Path) -> Path:
    return mini_project / "catalogue"


@pytest.fixture(scope="session")
def default_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The default Päijät-Häme site, built once per test session with `tarjotin build`."""
    from tests.helpers import tarjotin_build

    site = tmp_path_factory.mktemp("default") / "site"
    result = tarjotin_build(PROJECT, site)
    assert result.exit_code == 0, result.output
    return site


@pytest.fixture(scope="session")
def zensical_default_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The default site built with Zensical (`tarjotin build --engine zensical`), once per session."""
    from tests.helpers import tarjotin_build

    site = tmp_path_factory.mktemp("default-zensical") / "site"
    result = tarjotin_build(PROJECT, site, "--engine", "zensical")
    assert result.exit_code == 0, result.output
    return site


@pytest.fixture(scope="session")
def default_catalogue():  # type: ignore[no-untyped-def]
    from generator.validate.catalogue import require_catalogue

    catalogue, _ = require_catalogue(PROJECT / "catalogue")
    return catalogue
