"""The pure parts of the site folder's safety: which folders a build may replace, markers, errors."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.site.project import read_project
from generator.write import site as site_module
from generator.write.os_errors import os_error_reason
from generator.write.site import (
    MARKER,
    BuildInterrupted,
    SiteError,
    SiteWriteError,
    Source,
    check_site_dir,
    project_sources,
    stop_on_signals,
)

PROJECT = Path("/p/project")
SOURCES = [
    Source("mkdocs.yml:n kansio", PROJECT, may_hold_site=True),
    Source("sivujen lähteet, docs_dir", PROJECT / "docs"),
    Source("palveluluettelo, catalogue", PROJECT / "catalogue"),
    Source("Git-tietovarasto", PROJECT / ".git"),
]


@pytest.mark.parametrize(
    ("site", "expected"),
    [
        (PROJECT, "on projektin lähdekansio (mkdocs.yml:n kansio)"),
        (PROJECT.parent, "sisältää projektin lähteitä (mkdocs.yml:n kansio: /p/project)"),
        (Path("/"), "sisältää projektin lähteitä"),
        (PROJECT / "docs", "on projektin lähdekansio (sivujen lähteet, docs_dir)"),
        (
            PROJECT / "docs" / "site",
            "on projektin lähdekansion sisällä (sivujen lähteet, docs_dir: /p/project/docs)",
        ),
        (PROJECT / "catalogue", "on projektin lähdekansio (palveluluettelo, catalogue)"),
        (PROJECT / "catalogue" / "services", "palveluluettelo, catalogue"),
        (PROJECT / ".git", "Git-tietovarasto"),
        (PROJECT / ".git" / "site", "on projektin lähdekansion sisällä (Git-tietovarasto"),
    ],
)
def test_a_site_folder_overlapping_the_sources_is_refused(site: Path, expected: str) -> None:
    with pytest.raises(SiteError) as raised:
        check_site_dir(site, SOURCES)
    message = raised.value.message
    assert message.startswith(f"Sivustoa ei rakennettu: sivustokansio {site} ")
    assert expected in message
    assert "Valitse toinen kansio (--site-dir)" in message and "\n" not in message
    assert raised.value.exit_code == 2


@pytest.mark.parametrize("site", [PROJECT / "site", PROJECT / "build" / "site", Path("/p/elsewhere/site")])
def test_a_site_folder_clear_of_the_sources_is_allowed(site: Path) -> None:
    check_site_dir(site, SOURCES)


def test_project_sources_name_every_folder_a_build_must_not_replace(tmp_path: Path) -> None:
    project = tmp_path / "repo" / "project"
    for folder in ("docs", "overrides", "catalogue-x", "page-templates"):
        (project / folder).mkdir(parents=True)
    (tmp_path / "repo" / ".git").mkdir()  # the repository is above the project
    (project / "mkdocs.yml").write_text(
        "site_name: T\ntheme:\n  name: material\n  custom_dir: overrides\n"
        "plugins:\n  - tarjotin:\n      catalogue: catalogue-x\n      templates: page-templates\n"
    )
    # `--catalogue` names another catalogue: both that one and mkdocs.yml's are protected.
    config = read_project(project / "mkdocs.yml", catalogue=tmp_path / "given-catalogue")
    sources = {source.path: source for source in project_sources(config, [tmp_path / "other-catalogue"])}
    for path in (
        project,
        project / "docs",
        project / "overrides",
        project / "catalogue-x",
        project / "page-templates",
        tmp_path / "repo" / ".git",
        tmp_path / "other-catalogue",
        tmp_path / "given-catalogue",
        Path(site_module.generator.__file__).resolve().parent,
    ):
        assert path.resolve() in sources, path
    assert [s.path for s in sources.values() if s.may_hold_site] == [project.resolve()]


def test_the_marker_names_the_building_process(tmp_path: Path) -> None:
    site_module._write_marker(tmp_path)
    assert (tmp_path / MARKER).read_text() == f"palvelutarjotin site\npid {os.getpid()}\n"
    assert site_module._marker_pid(tmp_path) == os.getpid()
    (tmp_path / MARKER).write_text("something else\n")
    assert site_module._marker_pid(tmp_path) is None
    assert site_module._marker_pid(tmp_path / "missing") is None


def test_a_process_that_ended_is_not_running() -> None:
    ended = subprocess.Popen([sys.executable, "-c", "pass"])
    ended.wait()
    alive = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        assert not site_module._is_running(ended.pid)
        assert site_module._is_running(alive.pid)
        assert not site_module._is_running(os.getpid())  # the lock holder's own leftovers
    finally:
        alive.kill()
        alive.wait()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="renameat2 is Linux's")
def test_exchange_swaps_two_folders_in_one_step(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "from-a").touch()
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "from-b").touch()
    assert site_module._exchange(tmp_path / "a", tmp_path / "b")
    assert [p.name for p in (tmp_path / "a").iterdir()] == ["from-b"]
    assert [p.name for p in (tmp_path / "b").iterdir()] == ["from-a"]
    with pytest.raises(OSError) as raised:
        site_module._exchange(tmp_path / "a", tmp_path / "missing")
    assert raised.value.errno == errno.ENOENT


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        (errno.ENOSPC, "levy on täynnä (ENOSPC)"),
        (errno.EROFS, "levy on vain luettavissa (EROFS)"),
        (
            errno.EBUSY,
            "kansio on käytössä, esimerkiksi liitospiste (mount point), jota ei voi korvata (EBUSY)",
        ),
        (errno.EACCES, "ei kirjoitusoikeutta (EACCES)"),
    ],
)
def test_system_errors_are_explained_in_finnish(code: int, reason: str) -> None:
    error = OSError(code, os.strerror(code), "/x/site/index.html")
    assert os_error_reason(error) == reason
    assert SiteWriteError(Path("/x/site"), error).message == (
        f"Sivustoa ei voitu kirjoittaa kansioon /x/site: {reason}; aiempi sivusto on ennallaan."
    )


def test_an_unlisted_system_error_keeps_the_systems_words() -> None:
    assert os_error_reason(OSError(errno.ELOOP, "Too many levels of symbolic links")) == (
        "Too many levels of symbolic links (ELOOP)"
    )


def test_sigterm_becomes_an_exception_once_so_that_cleanup_runs() -> None:
    cleaned = []
    with pytest.raises(BuildInterrupted) as raised, stop_on_signals():
        try:
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(5)  # the signal interrupts this
        finally:
            os.kill(os.getpid(), signal.SIGTERM)  # a second signal must not break the cleanup
            time.sleep(0.05)
            cleaned.append(True)
    assert raised.value.signum == signal.SIGTERM and raised.value.name == "SIGTERM"
    assert cleaned == [True]
    assert signal.getsignal(signal.SIGTERM) == signal.SIG_DFL  # the handlers are put back


def _earlier_site(folder: Path) -> Path:
    """The files every build wrote before sites carried a marker."""
    (folder / "avoin-data").mkdir(parents=True)
    (folder / "pagefind").mkdir()
    (folder / "index.html").write_text("<html></html>", encoding="utf-8")
    (folder / "avoin-data" / "palvelut.json").write_text("{}", encoding="utf-8")
    (folder / "pagefind" / "pagefind.js").write_text("", encoding="utf-8")
    return folder


def test_a_site_built_before_markers_may_be_replaced(tmp_path: Path) -> None:
    site_module._check_replaceable(_earlier_site(tmp_path / "site"))


@pytest.mark.parametrize("source", ["mkdocs.yml", ".git", "catalogue", "docs"])
def test_a_folder_with_sources_is_no_earlier_site(tmp_path: Path, source: str) -> None:
    site = _earlier_site(tmp_path / "site")
    (site / source).mkdir()
    with pytest.raises(SiteError):
        site_module._check_replaceable(site)
