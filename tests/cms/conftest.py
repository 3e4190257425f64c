"""Fixtures for the form editor: the pinned bundle, a throwaway repository, the local editor.

The catalogue is copied into a temporary git repository, so saving through
the form never touches the project's own files; the site is a folder with the
site's stylesheets (for the preview) and ``yllapito/`` written as
``tarjotin edit install`` writes it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from generator.cms.bundle import Bundle, ensure_bundle
from generator.cms.local import LocalEditor, run_local_editor
from generator.cms.site import write_admin
from generator.validate.catalogue import load_catalogue
from tests.helpers import PROJECT

#: Where the editors' guide keeps its screenshots (written when TARJOTIN_UPDATE_SCREENSHOTS=1).
GUIDE_IMAGES = PROJECT / "docs" / "toimittajille" / "kuvat"
ARTIFACTS = PROJECT / "test-artifacts" / "cms"
GIT = ["git", "-c", "user.name=Testi", "-c", "user.email=testi@example.org", "-c", "commit.gpgsign=false"]


@pytest.fixture(scope="session")
def cms_bundle() -> Bundle:
    return ensure_bundle(PROJECT / ".tarjotin-cache" / "cms")


def make_repository(folder: Path) -> Path:
    folder.mkdir(parents=True)
    shutil.copytree(PROJECT / "catalogue", folder / "catalogue")
    shutil.copytree(PROJECT / "schemas", folder / "schemas")
    subprocess.run([*GIT, "init", "-q", "-b", "main"], cwd=folder, check=True)
    subprocess.run([*GIT, "add", "catalogue", "schemas"], cwd=folder, check=True)
    subprocess.run([*GIT, "commit", "-q", "-m", "Luettelo"], cwd=folder, check=True)
    return folder


def make_site(folder: Path, repository: Path, bundle: Bundle) -> Path:
    styles = folder / "assets" / "stylesheets"
    styles.mkdir(parents=True)
    material = Path(str(__import__("material").__file__)).parent / "templates" / "assets" / "stylesheets"
    for css in material.glob("main.*.min.css"):
        shutil.copyfile(css, styles / css.name)
    shutil.copyfile(PROJECT / "docs" / "assets" / "stylesheets" / "tarjotin.css", styles / "tarjotin.css")
    (folder / "index.html").write_text("<!doctype html><title>Sivusto</title>\n", encoding="utf-8")
    catalogue, problems = load_catalogue(repository / "catalogue")
    assert catalogue is not None, problems
    write_admin(folder, catalogue, Path("catalogue"), {}, bundle)
    return folder


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    return make_repository(tmp_path / "repo")


@pytest.fixture
def site(tmp_path: Path, repository: Path, cms_bundle: Bundle) -> Path:
    return make_site(tmp_path / "site", repository, cms_bundle)


@pytest.fixture
def editor(site: Path, repository: Path, cms_bundle: Bundle, tmp_path: Path) -> Iterator[LocalEditor]:
    """The form in fs mode: a save writes the file into the repository folder."""
    with run_local_editor(site, repository, cms_bundle, log=tmp_path / "proxy.log") as running:
        yield running


@pytest.fixture
def workflow_editor(
    site: Path, repository: Path, cms_bundle: Bundle, tmp_path: Path
) -> Iterator[LocalEditor]:
    """The form in git mode with the editorial workflow: a save is a commit on a branch."""
    with run_local_editor(site, repository, cms_bundle, workflow=True, log=tmp_path / "proxy.log") as running:
        yield running


@pytest.fixture
def cms_page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(locale="fi-FI", viewport={"width": 1200, "height": 800})
    # Decap's bundle is 5 MB of JavaScript and the machine may be busy: be patient.
    context.set_default_navigation_timeout(120_000)
    context.set_default_timeout(30_000)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    JS_ERRORS[id(page)] = errors
    try:
        yield page
    finally:
        context.close()
        del JS_ERRORS[id(page)]
    assert errors == [], f"JavaScript errors: {errors}"


#: The JavaScript errors of each open page, so a test can take out the one it expects.
JS_ERRORS: dict[int, list[str]] = {}


def expect_rejected_save(page: Page) -> None:
    """Decap rejects the save of a form with a missing required field with ``Promise.reject()``
    (an "undefined" page error) after showing its message; that one is expected."""
    errors = JS_ERRORS[id(page)]
    assert "undefined" in errors
    errors.remove("undefined")


def screenshot(page: Page, name: str) -> Path:
    """Save a screenshot for people to look at; into the editors' guide when asked to."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / name
    page.screenshot(path=str(path))
    if os.environ.get("TARJOTIN_UPDATE_SCREENSHOTS") == "1":
        GUIDE_IMAGES.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, GUIDE_IMAGES / name)
    return path
