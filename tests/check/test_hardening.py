"""`tarjotin links` ends whatever the other sites do, and stops cleanly on a signal.

Each run is a process of its own (``tarjotin links`` as a subprocess): a run that
hangs is then killed at a timeout and fails its test, and signals go to its PID.
Its TMPDIR is a folder of the test's own, so nothing the run leaves there hides
among other programs' files.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest

from generator.check.classify import classify
from generator.check.runner import CheckedUrl
from tests.check.conftest import LinkServer, copy_mini
from tests.check.test_classify import row
from tests.helpers import tarjotin_build

#: Quick, and never a request to a host that is not local.
SETTINGS = """\
      links:
        timeout: 1
        retries: 0
        retry_delay: 0
        max_requests_per_second: 50
        ignore: ['^https?://(?!127\\.0\\.0\\.1[:/])']
"""
#: The configured time limit of the endless-page run, and how much longer the run may take
#: (starting Python and reading the project, on a busy machine) without failing the test.
RUN_LIMIT = 8
GRACE = 30
#: Links on one page of the site: enough for its crawl to take seconds.
MANY_LINKS = 3000

PATHS = ["/ok", "/endless#kohta", "/huge", "/huge#end", "/huge-stream#end", "/moved-to-missing"]


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str
    seconds: float
    project: Path
    tmp: Path

    @property
    def report(self) -> dict[str, Any]:
        data: dict[str, Any] = json.loads((self.project / "report" / "links.json").read_text())
        return data

    def result(self, url: str) -> dict[str, Any]:
        [match] = [r for r in self.report["results"] if r["url"] == url]
        return match


def make_project(folder: Path, server: LinkServer, *, settings: str = "", docs: str = "") -> Path:
    """The sample project, its service linking to ``PATHS`` on ``server``."""
    project = copy_mini(folder)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - tarjotin\n", "  - tarjotin:\n" + SETTINGS + settings))
    entries = "".join(f"  - title: Linkki {i}\n    url: {server.url(path)}\n" for i, path in enumerate(PATHS))
    (project / "catalogue" / "services" / "eka.yml").write_text(
        "name: Eka palvelu\nsummary: Eka palvelu auttaa.\nthemes: [kuntoutus]\nprovider: kunta\n"
        f"area: region\nwhat: Palvelu tekee asioita.\naccess:\n  routes: [self]\nlinks:\n{entries}"
    )
    if docs:
        (project / "docs" / "paljon.md").write_text(docs)
    return project


def with_settings(project: Path, folder: Path, settings: str) -> Path:
    """A copy of ``project`` with more ``links:`` settings."""
    shutil.copytree(project, folder)
    config = folder / "mkdocs.yml"
    config.write_text(config.read_text().replace(SETTINGS, SETTINGS + settings))
    return folder


def command(project: Path, *extra: str) -> list[str]:
    return [
        sys.executable,
        "-c",
        "from generator.cli import main; main()",
        "links",
        "-f",
        str(project / "mkdocs.yml"),
        "--report-dir",
        str(project / "report"),
        *extra,
    ]


def environment(tmp: Path) -> dict[str, str]:
    tmp.mkdir(exist_ok=True)
    return os.environ | {"TMPDIR": str(tmp), "NO_COLOR": "1"}


def run_links(project: Path, *extra: str, timeout: float) -> Run:
    """Run `tarjotin links` to its end (or kill it at ``timeout`` and fail)."""
    tmp = project / "tmp"
    start = time.monotonic()
    try:
        done = subprocess.run(
            command(project, *extra),
            env=environment(tmp),
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired as error:
        pytest.fail(f"`tarjotin links` was still running after {timeout} s: {error.stderr!r}")
    return Run(done.returncode, done.stdout, done.stderr, time.monotonic() - start, project, tmp)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, link_server: LinkServer) -> tuple[Path, Path]:
    """The sample project linking to the test server, and its site built once."""
    folder = tmp_path_factory.mktemp("hardening")
    project = make_project(folder / "project", link_server)
    site = folder / "site"
    result = tarjotin_build(project, site)
    assert result.exit_code == 0, result.output
    return project, site


@pytest.fixture(scope="module")
def time_limited(built: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> Run:
    """A run whose only limit on the endless page is the run's time limit."""
    project, site = built
    folder = tmp_path_factory.mktemp("limited") / "p"
    copy = with_settings(project, folder, f"        max_run_seconds: {RUN_LIMIT}\n")
    return run_links(copy, "--external", "--site-dir", str(site), timeout=RUN_LIMIT + GRACE + 60)


@pytest.fixture(scope="module")
def download_limited(built: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> Run:
    """A run that cuts each page's download at 1 s, with time enough for everything."""
    project, site = built
    folder = tmp_path_factory.mktemp("download") / "p"
    copy = with_settings(project, folder, "        max_download_seconds: 1\n        max_run_seconds: 600\n")
    return run_links(copy, "--external", "--site-dir", str(site), timeout=120)


def leftovers(tmp: Path) -> list[str]:
    """What a run left in its temp folder, but Jinja's cache of compiled templates (kept on purpose)."""
    return sorted(path.name for path in tmp.iterdir() if not path.name.startswith("_jinja2-cache-"))


def no_traceback(run: Run) -> None:
    assert "Traceback" not in run.stdout + run.stderr, run.stderr
    assert "internal error" not in run.stdout + run.stderr, run.stderr


def test_an_endless_page_ends_at_the_time_limit(time_limited: Run, link_server: LinkServer) -> None:
    run = time_limited
    assert run.seconds < RUN_LIMIT + GRACE, run.stderr
    no_traceback(run)
    endless = run.result(link_server.url("/endless#kohta"))
    assert endless["status"] == "could-not-verify", run.stdout
    assert endless["reason"] == f"ei tarkistettu: aikaraja täyttyi (max_run_seconds = {RUN_LIMIT})"
    assert run.report["summary"]["time_limit_reached"] is True
    assert "aikaraja (max_run_seconds) täyttyi" in run.stdout
    assert leftovers(run.tmp) == []


def test_a_page_download_is_cut_at_its_own_limit(download_limited: Run, link_server: LinkServer) -> None:
    run = download_limited
    assert run.seconds < 60, run.stderr
    assert run.code == 1, run.stdout  # /moved-to-missing is broken
    no_traceback(run)
    endless = run.result(link_server.url("/endless#kohta"))
    assert endless["status"] == "could-not-verify"
    assert endless["reason"] == (
        "sivun kohtaa #kohta ei voitu tarkistaa: sivun lataaminen kesti kauemmin kuin max_download_seconds"
    )
    assert run.report["summary"]["time_limit_reached"] is False
    assert run.report["summary"]["complete"] is True
    assert run.result(link_server.url("/ok"))["status"] == "ok"


def test_an_anchor_on_a_page_too_big_to_read_is_not_ok(
    download_limited: Run, link_server: LinkServer
) -> None:
    run = download_limited
    for path in ("/huge#end", "/huge-stream#end"):  # with a Content-Length, and without one
        result = run.result(link_server.url(path))
        assert result["status"] == "could-not-verify", path
        assert (
            result["reason"]
            == "sivun kohtaa #end ei voitu tarkistaa: sivu on suurempi kuin max_download_bytes"
        )
    assert run.result(link_server.url("/huge"))["status"] == "ok"  # without an anchor it need not be read


def test_a_redirect_to_a_missing_page_is_broken_without_a_suggestion(
    download_limited: Run, link_server: LinkServer
) -> None:
    run = download_limited
    result = run.result(link_server.url("/moved-to-missing"))
    assert result["status"] == "broken"
    assert result["reason"] == "404 Not Found uudelleenohjauksen jälkeen (301)"
    assert result["suggested_url"] is None
    assert result["final_url"] == link_server.url("/missing")
    assert f"vaihda osoitteeksi {link_server.url('/missing')}" not in run.stdout
    assert f"se ohjaa osoitteeseen {link_server.url('/missing')}" in run.stdout
    markdown = (run.project / "report" / "links.md").read_text()
    assert f"vaihda linkin osoitteeksi {link_server.url('/missing')}" not in markdown
    assert f"; se ohjaa osoitteeseen {link_server.url('/missing')} |" in markdown


def test_settings_of_the_limits_are_checked(
    built: tuple[Path, Path], tmp_path: Path, link_server: LinkServer
) -> None:
    project, site = built
    copy = with_settings(
        project, tmp_path / "p", "        max_download_bytes: 0\n        max_run_seconds: 0\n"
    )
    run = run_links(copy, "--site-dir", str(site), timeout=120)
    assert run.code == 2
    assert (
        "max_download_bytes = 0 on sallitun alueen ulkopuolella: arvon pitää olla vähintään 1; "
        "max_run_seconds = 0 on sallitun alueen ulkopuolella: arvon pitää olla suurempi kuin 0"
    ) in run.stderr


def unread(message: str, *, anchor: str = "kohta", too_big: bool = False) -> CheckedUrl:
    """A page LinkChecker answered 200 for, but did not read to its end (``message``: why)."""
    warnings = (("url-error-getting-content", f"could not get content: {message}"),) if message else ()
    return replace(row("200 OK", warnings=warnings), anchor=anchor, too_big=too_big)


@pytest.mark.parametrize(
    "row, reason",
    [
        (
            unread("LinkCheckerError: download cut short after 30 s"),
            "sivun lataaminen kesti kauemmin kuin max_download_seconds",
        ),
        (
            unread("ReadTimeoutError: read timed out"),
            "sivua ei voitu lukea (could not get content: ReadTimeout",
        ),
        (unread("", too_big=True), "sivu on suurempi kuin max_download_bytes"),
    ],
)
def test_an_anchor_on_a_page_not_read_to_its_end_is_not_verified(row: CheckedUrl, reason: str) -> None:
    outcome = classify(row, external=True)
    assert outcome.status.value == "could-not-verify"
    assert outcome.reason.startswith(f"sivun kohtaa #kohta ei voitu tarkistaa: {reason}")


def test_a_page_not_read_matters_only_for_its_anchor() -> None:
    assert (
        classify(unread("LinkCheckerError: File size too large", anchor=""), external=True).status.value
        == "ok"
    )
    # The site's own anchors are looked for in the built files, not by LinkChecker.
    assert classify(unread("LinkCheckerError: File size too large"), external=False).status.value == "ok"


# --- signals ---------------------------------------------------------------------------------


class Started:
    """`tarjotin links` running in the background, its stderr read as it comes."""

    def __init__(self, project: Path, *extra: str) -> None:
        self.project = project
        self.tmp = project / "tmp"
        self.process = subprocess.Popen(
            command(project, *extra),
            env=environment(self.tmp),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.lines: list[str] = []
        assert self.process.stderr is not None
        stderr = self.process.stderr
        self.reader = threading.Thread(target=lambda: self.lines.extend(stderr), daemon=True)
        self.reader.start()

    def __enter__(self) -> Started:
        return self

    def __exit__(self, *exc: object) -> None:
        """Never leave the run behind, nor its pipes open (whatever the test found)."""
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.reader.join(timeout=10)
        for pipe in (self.process.stdout, self.process.stderr):
            if pipe is not None:
                pipe.close()

    def wait_for(self, ready: Callable[[], bool], what: str, timeout: float = 120) -> None:
        end = time.monotonic() + timeout
        while not ready():
            assert self.process.poll() is None, f"ended before {what}: {''.join(self.lines)}"
            assert time.monotonic() < end, f"no {what} within {timeout} s: {''.join(self.lines)}"
            time.sleep(0.1)

    def said(self, text: str) -> Callable[[], bool]:
        return lambda: any(text in line for line in self.lines)

    def stop(self, number: int) -> tuple[int, str]:
        """Send signal ``number``; the exit status and everything the run printed."""
        assert self.process.poll() is None, "the run ended before the signal: " + "".join(self.lines)
        os.kill(self.process.pid, number)
        try:
            self.process.wait(timeout=60)  # (its stdout is short: the pipe cannot fill up)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            pytest.fail(f"still running 60 s after the signal: {''.join(self.lines)}")
        self.reader.join(timeout=10)
        assert self.process.stdout is not None
        return self.process.returncode, self.process.stdout.read() + "".join(self.lines)


def seed_cache(project: Path, server: LinkServer) -> Path:
    cache = project / ".tarjotin-cache" / "links.json"
    cache.parent.mkdir(parents=True)
    entry = {"status": "ok", "reason": "200 OK", "code": 200, "checked_at": "2020-01-01T00:00:00+00:00"}
    cache.write_text(json.dumps({"version": 1, "results": {server.url("/vanha"): entry}}))
    return cache


@pytest.mark.parametrize("number", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_a_signal_during_the_crawl_stops_the_run_cleanly(
    number: signal.Signals, tmp_path: Path, link_server: LinkServer
) -> None:
    links = "".join(f"[{i}](../palvelut/?teema={i})\n" for i in range(MANY_LINKS))
    project = make_project(tmp_path / "project", link_server, docs=f"# Paljon\n\n{links}")
    cache = seed_cache(project, link_server)
    before = cache.read_bytes()
    with Started(project, "--external") as run:
        run.wait_for(run.said("Tarkistetaan sivuston sivuja…"), "crawl")
        time.sleep(1)  # well into the crawl
        assert [name for name in leftovers(run.tmp) if name.startswith("tarjotin-links-")], "no built site"
        code, output = run.stop(number)
    assert code == 128 + number, output
    assert (
        f"Tarkistus keskeytettiin ({number.name}) ennen kuin se valmistui: raporttia ei kirjoitettu. "
        "Loppuun asti tarkistetut linkit jäävät välimuistiin.\n"
    ) in output
    assert "Traceback" not in output
    assert not (project / "report").exists()
    assert cache.read_bytes() == before  # nothing was checked to the end: nothing to add
    assert leftovers(run.tmp) == []  # the site built into tarjotin-links-… is gone


def test_an_interrupted_check_keeps_what_it_finished_in_the_cache(
    built: tuple[Path, Path], tmp_path: Path, link_server: LinkServer
) -> None:
    project, site = built
    copy = with_settings(project, tmp_path / "p", "        max_download_seconds: 120\n")
    cache = seed_cache(copy, link_server)
    hits, before = link_server.hits, link_server.hits.copy()
    expected = [("/moved-to-missing", 1), ("/huge", 2), ("/endless", 1)]
    with Started(copy, "--external", "--site-dir", str(site)) as run:
        run.wait_for(run.said("Tarkistetaan ulkoisia linkkejä…"), "external check")
        run.wait_for(lambda: all(hits[p] - before[p] >= n for p, n in expected), "requests to the server")
        time.sleep(1)  # those checks end; the endless page is still being read
        code, output = run.stop(signal.SIGINT)
    assert code == 130, output
    assert "Traceback" not in output
    assert not (copy / "report").exists()
    results = json.loads(cache.read_text())["results"]
    assert results[link_server.url("/moved-to-missing")]["status"] == "broken"
    assert results[link_server.url("/huge")]["status"] == "ok"
    assert link_server.url("/vanha") in results
    assert link_server.url("/endless#kohta") not in results
    assert [path.name for path in cache.parent.iterdir()] == ["links.json"]  # no half-written file
    assert leftovers(run.tmp) == []
