"""A build never replaces the wrong folder, never loses the site, and cleans up after itself.

Each test here failed on the build before these guarantees (commit 429d6b5): `--site-dir .`
deleted the project, a build killed between its two renames left no site, killed builds
left their staging folders behind, and a full disk ended in a traceback.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from generator.cli import main
from generator.write import site as site_module
from tests.helpers import build_arguments, tarjotin_build

MARKER = ".tarjotin-site"


# --- helpers ----------------------------------------------------------------------------


def _snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` with its content, except the build's own marker."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name != MARKER
    }


def _leftovers(parent: Path, name: str = "site") -> list[str]:
    return sorted(
        p.name for p in parent.iterdir() if p.name.startswith((f".{name}-building-", f".{name}-previous-"))
    )


def _clean_exit(result: Result) -> None:
    """The command ended through sys.exit: a message, no traceback."""
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output


def _build_command(project: Path, site: Path) -> list[str]:
    return [sys.executable, "-m", "generator", *build_arguments(project, site)]


@pytest.fixture
def project(mini_project: Path) -> Path:
    """The mini project with a few more services, so that each stage of a build lasts a moment."""
    services = mini_project / "catalogue" / "services"
    text = (services / "eka.yml").read_text(encoding="utf-8")
    for number in range(6):
        (services / f"lisa-{number}.yml").write_text(
            text.replace("name: Eka palvelu", f"name: Lisäpalvelu {number}"), encoding="utf-8"
        )
    return mini_project


@pytest.fixture
def built(mini_project: Path, tmp_path: Path) -> tuple[Path, dict[str, bytes]]:
    """A site built from the mini project, and its files."""
    site = tmp_path / "site"
    result = tarjotin_build(mini_project, site)
    assert result.exit_code == 0, result.output
    return site, _snapshot(site)


class RunningBuild:
    """`tarjotin build` in a process of its own, watched from outside and stopped by its PID."""

    def __init__(self, project: Path, site: Path, env: dict[str, str] | None = None) -> None:
        self.site = site
        self.process = subprocess.Popen(
            _build_command(project, site),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, **(env or {})},
        )

    def children(self) -> dict[int, str]:
        """The build's child processes (PID → command line), from /proc."""
        found = {}
        # A process may end while /proc is read.
        with contextlib.suppress(FileNotFoundError, ProcessLookupError):
            for task in Path(f"/proc/{self.process.pid}/task").iterdir():
                for pid in (task / "children").read_text().split():
                    with contextlib.suppress(FileNotFoundError, ProcessLookupError):
                        command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ")
                        found[int(pid)] = command.decode(errors="replace")
        return found

    def wait_for(self, condition: Callable[[], bool], what: str, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            assert self.process.poll() is None, f"the build ended before {what}: {self.communicate()}"
            assert time.monotonic() < deadline, f"timed out waiting for {what}"
            time.sleep(0.005)

    def staging(self) -> list[Path]:
        return list(self.site.parent.glob(f".{self.site.name}-building-*"))

    def communicate(self, timeout: float = 60) -> tuple[str, str]:
        return self.process.communicate(timeout=timeout)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.communicate()


@pytest.fixture
def running() -> Iterator[Callable[..., RunningBuild]]:
    started: list[RunningBuild] = []

    def start(project: Path, site: Path, env: dict[str, str] | None = None) -> RunningBuild:
        build = RunningBuild(project, site, env)
        started.append(build)
        return build

    yield start
    for build in started:
        build.stop()


def _gone(pid: int) -> bool:
    """Whether ``pid`` has ended (an orphan may stay a zombie when nothing reaps it)."""
    try:
        status = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return True
    return status.rsplit(")", 1)[1].split()[0] in ("Z", "X")


def _wait_until_gone(pids: list[int], timeout: float = 10) -> None:
    deadline = time.monotonic() + timeout
    while not all(map(_gone, pids)):
        assert time.monotonic() < deadline, f"still running: {[p for p in pids if not _gone(p)]}"
        time.sleep(0.02)


# --- 1. only a site is replaced -----------------------------------------------------------


@pytest.mark.parametrize(
    "target", [".", "docs", "catalogue", "catalogue/services", "..", ".git", ".git/site"]
)
def test_a_site_folder_over_the_projects_sources_is_refused(mini_project: Path, target: str) -> None:
    (mini_project / ".git").mkdir()
    (mini_project / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (mini_project / "docs" / "tietoa.md").write_text("# Tietoa\n")
    before = _snapshot(mini_project.parent)
    result = tarjotin_build(mini_project, mini_project / target)
    _clean_exit(result)
    assert result.exit_code == 2, result.output
    site = (mini_project / target).resolve()
    assert f"Sivustoa ei rakennettu: sivustokansio {site} " in result.output
    assert "Valitse toinen kansio (--site-dir)" in result.output
    assert _snapshot(mini_project.parent) == before, "nothing was written or removed"
    assert not list(mini_project.parent.rglob(".*-building-*"))


def test_a_folder_that_is_not_a_built_site_is_not_replaced(mini_project: Path, tmp_path: Path) -> None:
    folder = tmp_path / "photos"
    folder.mkdir()
    (folder / "holiday.jpg").write_bytes(b"\xff\xd8 not a site")
    result = tarjotin_build(mini_project, folder)
    _clean_exit(result)
    assert result.exit_code == 2
    assert f"kansio {folder} ei ole tyhjä eikä siinä ole rakennetun sivuston merkkitiedostoa" in result.output
    assert [p.name for p in folder.iterdir()] == ["holiday.jpg"]
    assert not (tmp_path / ".photos.lock").exists(), "nothing is written beside a refused folder"
    assert _leftovers(tmp_path, "photos") == []


def test_a_file_in_place_of_the_site_folder_is_refused(mini_project: Path, tmp_path: Path) -> None:
    (mini_project / "mkdocs.yml").write_text(
        (mini_project / "mkdocs.yml").read_text() + f"site_dir: {tmp_path / 'notes.txt'}\n"
    )
    (tmp_path / "notes.txt").write_text("muistiinpanot")
    result = CliRunner().invoke(
        main,
        ["build", "-f", str(mini_project / "mkdocs.yml"), "--catalogue", str(mini_project / "catalogue")],
    )
    _clean_exit(result)
    assert result.exit_code == 2
    assert f"{tmp_path / 'notes.txt'} on tiedosto eikä kansio" in result.output
    assert (tmp_path / "notes.txt").read_text() == "muistiinpanot"


def test_an_empty_folder_becomes_the_site_and_every_site_holds_the_marker(
    mini_project: Path, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    site.mkdir()
    result = tarjotin_build(mini_project, site)
    assert result.exit_code == 0, result.output
    assert (site / "index.html").is_file()
    assert (site / MARKER).read_text().startswith("palvelutarjotin site\npid ")
    assert tarjotin_build(mini_project, site).exit_code == 0  # a marked site is replaced
    assert _leftovers(tmp_path) == []


# --- 2. the swap cannot lose the site -------------------------------------------------------

DIE_BETWEEN_RENAMES = """\
import os, signal, sys
from pathlib import Path
import generator.write.site as site_module
site_module._exchange = lambda first, second: False  # the two-rename swap of other systems
rename = Path.rename
def dying_rename(self, target):
    result = rename(self, target)
    if self.name == "site" and Path(target).name.startswith(".site-previous-"):
        os.kill(os.getpid(), signal.SIGKILL)  # the old site is aside, the new one not yet in place
    return result
Path.rename = dying_rename
from generator.cli import main
main(sys.argv[1:], prog_name="tarjotin")
"""


def test_a_build_killed_between_the_renames_gets_the_old_site_back(
    mini_project: Path, built: tuple[Path, dict[str, bytes]], tmp_path: Path
) -> None:
    site, before = built
    command = [sys.executable, "-c", DIE_BETWEEN_RENAMES, *build_arguments(mini_project, site)]
    died = subprocess.run(command, capture_output=True, text=True, check=False, timeout=120)
    assert died.returncode == -signal.SIGKILL, died.stderr
    assert not site.exists()
    # The old site moved aside, and the new one that never made it into place.
    assert [name.split("-")[1] for name in _leftovers(tmp_path)] == ["building", "previous"]
    # The next build puts the old site back first, even though it then fails validation.
    (mini_project / "catalogue" / "services" / "eka.yml").write_text("name: [\n")
    result = tarjotin_build(mini_project, site)
    assert result.exit_code == 1 and "Mitään ei rakennettu." in result.output
    assert _snapshot(site) == before
    assert _leftovers(tmp_path) == []


def test_a_build_killed_after_the_exchange_leaves_the_new_site_and_the_next_build_clears_the_old(
    mini_project: Path, built: tuple[Path, dict[str, bytes]], tmp_path: Path
) -> None:
    site, before = built
    die_after_exchange = DIE_BETWEEN_RENAMES.replace(
        "site_module._exchange = lambda first, second: False",
        "exchange = site_module._exchange\n"
        "def dying_exchange(first, second):\n"
        "    assert exchange(first, second)\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
        "site_module._exchange = dying_exchange",
    )
    (mini_project / "docs" / "uusi.md").write_text("# Uusi sivu\n")
    command = [sys.executable, "-c", die_after_exchange, *build_arguments(mini_project, site)]
    died = subprocess.run(command, capture_output=True, text=True, check=False, timeout=120)
    assert died.returncode == -signal.SIGKILL, died.stderr
    assert (site / "uusi" / "index.html").is_file(), "the new site is in place"
    assert len(_leftovers(tmp_path)) == 1  # the old site, under the staging folder's name
    assert tarjotin_build(mini_project, site).exit_code == 0
    assert _leftovers(tmp_path) == []
    assert _pages(before) < _pages(_snapshot(site))


def _locked(path: Path) -> bool:
    """Whether another process holds the flock on ``path``."""
    if not path.exists():
        return False
    probe = os.open(path, os.O_RDONLY)
    try:
        fcntl.flock(probe, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(probe)  # also releases the probe's own lock at once
    return False


def test_a_second_build_of_the_same_folder_waits_then_gives_up_with_a_message(
    project: Path, tmp_path: Path, running: Callable[..., RunningBuild], monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    first = running(project, site)
    first.wait_for(lambda: _locked(tmp_path / ".site.lock"), "the first build to take the lock")
    monkeypatch.setattr(site_module, "LOCK_WAIT", 0.2, raising=False)
    second = tarjotin_build(project, site)
    _clean_exit(second)
    assert second.exit_code == 2, second.output
    assert f"toinen rakennus (prosessi {first.process.pid}) kirjoittaa jo kansioon {site}" in second.output
    assert "Yritä uudelleen, kun se on valmis." in second.output
    _, stderr = first.communicate()
    assert first.process.returncode == 0, stderr
    assert (site / "index.html").is_file() and _leftovers(tmp_path) == []


def test_a_second_build_waits_for_the_first_to_finish(mini_project: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    lock = os.open(tmp_path / ".site.lock", os.O_RDWR | os.O_CREAT)
    fcntl.flock(lock, fcntl.LOCK_EX)  # as another build would hold it
    release = threading.Timer(1.0, os.close, [lock])
    release.start()
    try:
        started = time.monotonic()
        result = tarjotin_build(mini_project, site)
    finally:
        release.join()
    assert result.exit_code == 0, result.output
    assert time.monotonic() - started >= 1.0
    assert (site / "index.html").is_file()


def test_two_builds_at_once_both_succeed_one_after_the_other(
    mini_project: Path,
    built: tuple[Path, dict[str, bytes]],
    tmp_path: Path,
    running: Callable[..., RunningBuild],
) -> None:
    site, before = built
    builds = [running(mini_project, site) for _ in range(2)]
    for build in builds:
        _, stderr = build.communicate(timeout=120)
        assert build.process.returncode == 0, stderr
        assert "Traceback" not in stderr
    # Rebuilt: the same pages (Pagefind's bundle names vary from build to build).
    assert _snapshot(site)["index.html"] == before["index.html"]
    assert _pages(_snapshot(site)) == _pages(before)
    assert _leftovers(tmp_path) == []


def _pages(snapshot: dict[str, bytes]) -> set[str]:
    return {path for path in snapshot if not path.startswith("pagefind/")}


# --- 3. interrupted and killed builds --------------------------------------------------------


def _exporting(build: RunningBuild) -> Callable[[], bool]:
    """The exports' process is running: a copy of the build that names itself (export/process.py)."""

    def exporting() -> bool:
        for pid in build.children():
            with contextlib.suppress(OSError):
                if Path(f"/proc/{pid}/comm").read_text().strip() == "tarjotin-export":
                    return True
        return False

    return exporting


#: Started with the build (``sitecustomize``): the exports wait a moment before writing, so
#: that a test can stop the build while they run. Forked from the loaded build, they
#: would otherwise be done in milliseconds.
SLOW_EXPORTS = """\
import time
import generator.export.writer as writer
_write = writer.write_exports
def write_exports(*args, **kwargs):
    time.sleep(3)
    return _write(*args, **kwargs)
writer.write_exports = write_exports
"""


@pytest.fixture
def slow_exports(tmp_path: Path) -> dict[str, str]:
    """The environment of a build whose exports take three seconds."""
    folder = tmp_path / "slow-exports"
    folder.mkdir()
    (folder / "sitecustomize.py").write_text(SLOW_EXPORTS, encoding="utf-8")
    return {"PYTHONPATH": os.pathsep.join(filter(None, [str(folder), os.environ.get("PYTHONPATH")]))}


def _indexing(build: RunningBuild) -> Callable[[], bool]:
    return lambda: any(command.rstrip().endswith("--service") for command in build.children().values())


def _bundle_written(build: RunningBuild) -> Callable[[], bool]:
    return lambda: any((staging / "pagefind" / "pagefind-entry.json").exists() for staging in build.staging())


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM])
def test_an_interrupted_build_stops_its_helpers_and_removes_its_folder(
    project: Path,
    tmp_path: Path,
    running: Callable[..., RunningBuild],
    stop: signal.Signals,
    slow_exports: dict[str, str],
) -> None:
    site = tmp_path / "site"
    assert tarjotin_build(project, site).exit_code == 0
    before = _snapshot(site)
    build = running(project, site, slow_exports)
    build.wait_for(_exporting(build), "the export process")
    helpers = list(build.children())
    os.kill(build.process.pid, stop)  # the build alone, not its process group
    _, stderr = build.communicate()
    assert build.process.returncode == 128 + stop, stderr
    assert f"Rakennus keskeytettiin ({stop.name})" in stderr and "Traceback" not in stderr
    _wait_until_gone(helpers)
    time.sleep(0.5)  # an export still running would now be writing into the removed folder
    assert _leftovers(tmp_path) == []
    assert _snapshot(site) == before


@pytest.mark.parametrize("moment", [_exporting, _indexing, _bundle_written, RunningBuild.staging])
def test_a_killed_build_keeps_the_old_site_and_the_next_build_cleans_up(
    project: Path,
    tmp_path: Path,
    running: Callable[..., RunningBuild],
    moment: Callable[[RunningBuild], object],
    slow_exports: dict[str, str],
) -> None:
    site = tmp_path / "site"
    assert tarjotin_build(project, site).exit_code == 0
    before = _snapshot(site)
    build = running(project, site, slow_exports)
    if moment is RunningBuild.staging:
        build.wait_for(lambda: bool(build.staging()), "the staging folder")
    else:
        build.wait_for(moment(build), moment.__name__)  # type: ignore[arg-type]
    helpers = list(build.children())
    build.process.kill()
    build.communicate()
    _wait_until_gone(helpers)  # orphaned helpers notice and end too
    assert _snapshot(site) == before
    result = tarjotin_build(project, site)
    assert result.exit_code == 0, result.output
    assert _leftovers(tmp_path) == []


def test_the_next_build_removes_only_leftovers_it_can_prove_are_dead_builds(
    mini_project: Path, built: tuple[Path, dict[str, bytes]], tmp_path: Path
) -> None:
    site, _ = built
    ended = subprocess.Popen([sys.executable, "-c", "pass"])
    ended.wait()
    alive = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        for name, pid in (("dead", ended.pid), ("alive", alive.pid)):
            folder = tmp_path / f".site-building-{name}"
            (folder / "palvelut").mkdir(parents=True)
            (folder / MARKER).write_text(f"palvelutarjotin site\npid {pid}\n")
        foreign = tmp_path / ".site-building-foreign"
        foreign.mkdir()
        (foreign / "tärkeä.txt").write_text("not made by a build")
        (tmp_path / ".site-previous-empty").mkdir()
        (tmp_path / ".site-building-partial").mkdir()  # killed while writing its marker
        (tmp_path / ".site-building-partial" / MARKER).write_text("")
        result = tarjotin_build(mini_project, site)
        assert result.exit_code == 0, result.output
        assert _leftovers(tmp_path) == [".site-building-alive", ".site-building-foreign"]
    finally:
        alive.kill()
        alive.wait()


# --- 4. system errors: one line, the old site kept ---------------------------------------------


def _fail_with(code: int) -> Callable[..., None]:
    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(code, os.strerror(code), str(args[-1]) if args else None)

    return fail


def _assert_refused(result: Result, site: Path, reason: str, before: dict[str, bytes]) -> None:
    _clean_exit(result)
    assert result.exit_code == 1, result.output
    message = f"Sivustoa ei voitu kirjoittaa kansioon {site}: {reason}; aiempi sivusto on ennallaan."
    assert message in result.output.splitlines()
    assert _snapshot(site) == before
    assert _leftovers(site.parent) == []


@pytest.mark.parametrize(
    ("where", "code", "reason"),
    [
        ("mkdocs.utils.write_file", errno.ENOSPC, "levy on täynnä (ENOSPC)"),  # writing a page
        ("generator.write.site.tempfile.mkdtemp", errno.EROFS, "levy on vain luettavissa (EROFS)"),
    ],
)
def test_a_full_disk_or_a_read_only_folder_is_one_line_and_keeps_the_site(
    mini_project: Path,
    built: tuple[Path, dict[str, bytes]],
    monkeypatch: pytest.MonkeyPatch,
    where: str,
    code: int,
    reason: str,
) -> None:
    site, before = built
    monkeypatch.setattr(where, _fail_with(code))
    _assert_refused(tarjotin_build(mini_project, site), site, reason, before)


@pytest.mark.parametrize("exchange", [True, False])
def test_a_busy_mount_point_is_one_line_and_keeps_the_site(
    mini_project: Path, built: tuple[Path, dict[str, bytes]], monkeypatch: pytest.MonkeyPatch, exchange: bool
) -> None:
    site, before = built
    rename = Path.rename

    def busy_rename(self: Path, target: Path) -> Path:
        if self == site:  # a mount point cannot be renamed
            raise OSError(errno.EBUSY, os.strerror(errno.EBUSY), str(self))
        return rename(self, target)

    monkeypatch.setattr(Path, "rename", busy_rename)
    swap = _fail_with(errno.EBUSY) if exchange else lambda first, second: False
    monkeypatch.setattr(site_module, "_exchange", swap, raising=False)
    reason = "kansio on käytössä, esimerkiksi liitospiste (mount point), jota ei voi korvata (EBUSY)"
    _assert_refused(tarjotin_build(mini_project, site), site, reason, before)


def test_a_failure_between_the_renames_puts_the_old_site_back(
    mini_project: Path, built: tuple[Path, dict[str, bytes]], monkeypatch: pytest.MonkeyPatch
) -> None:
    site, before = built
    rename = Path.rename

    def full_rename(self: Path, target: Path) -> Path:
        if self.name.startswith(".site-building-") and Path(target) == site:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(target))
        return rename(self, target)

    monkeypatch.setattr(Path, "rename", full_rename)
    monkeypatch.setattr(site_module, "_exchange", lambda first, second: False, raising=False)
    _assert_refused(tarjotin_build(mini_project, site), site, "levy on täynnä (ENOSPC)", before)


def test_the_export_command_reports_a_full_disk_in_one_line(
    mini_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("generator.export.writer.write_exports", _fail_with(errno.ENOSPC))
    site = tmp_path / "site"
    result = CliRunner().invoke(
        main, ["export", "--catalogue", str(mini_project / "catalogue"), "-d", str(site)]
    )
    _clean_exit(result)
    assert result.exit_code == 1
    assert f"✗ Avoimen datan tiedostoja ei voitu kirjoittaa kansioon {site}: levy on täynnä (ENOSPC)" in (
        result.output.splitlines()
    )


ORPHANED_EXPORT = """\
import os, subprocess, sys, time
watcher = "from generator.background import exit_with_parent; import time; "
child = subprocess.Popen([sys.executable, "-c", watcher + f"exit_with_parent({os.getpid()}); time.sleep(60)"])
print(child.pid, flush=True)
time.sleep(60)
"""


def test_an_export_whose_build_was_killed_ends_by_itself() -> None:
    build = subprocess.Popen([sys.executable, "-c", ORPHANED_EXPORT], stdout=subprocess.PIPE, text=True)
    try:
        assert build.stdout is not None
        export = int(build.stdout.readline())
        time.sleep(0.5)
        assert not _gone(export), "the export runs while its build does"
        build.kill()
        build.wait()
        _wait_until_gone([export], timeout=5)
    finally:
        build.kill()
        build.communicate()
