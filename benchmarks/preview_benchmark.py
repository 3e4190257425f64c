"""Edit-to-visible time of the preview: how long after saving a service file its page shows the change.

Starts ``tarjotin serve`` on a copy of the default project (or, with ``--services N``,
on a synthetic catalogue of N services, ``synthetic_catalogue.py``) on a free port of
127.0.0.1, changes one word of one service's name, and asks for that service's page
until it shows the new name; the time from the write to that answer is one edit. The
first answer after a rebuild is what a browser tab gets when live reload reloads it.
With ``--browser`` (MkDocs only) the page is open in Chromium instead, and an edit is
visible when the tab, reloaded by MkDocs's live-reload script, shows the new name.
After the edits, one break and fix: a tab put into the file's indentation, timed until
the page shows the error ("Luettelossa on virheitä"), then the file fixed, timed until
the page shows the service again. Reports each edit, the median, and the break and fix::

    .venv/bin/python benchmarks/preview_benchmark.py [--edits 5] [--services 1000] [--browser]
    .venv/bin/python benchmarks/preview_benchmark.py --engine zensical

The target (issue 17): at most 2 s for today's catalogue with MkDocs.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic_catalogue import write_catalogue  # noqa: E402

#: The service edited in the default catalogue, and in a synthetic one.
DEFAULT_SERVICE = "kela"
SYNTHETIC_SERVICE = "palvelu-00001"
TARGET_SECONDS = 2.0
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


class _Tab:
    """A Chromium tab on the page, reloaded by live reload alone."""

    def __init__(self, url: str) -> None:
        from playwright.sync_api import sync_playwright

        self._playwright = sync_playwright().start()
        self._browser = self._playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        self.page = self._browser.new_page()
        self.page.goto(url)

    def shows(self, text: str) -> bool:
        try:
            return text in self.page.content()
        except Exception:  # reloading just then
            return False

    def close(self) -> None:
        self._browser.close()
        self._playwright.stop()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=120) as answer:
            return str(answer.read().decode("utf-8"))
    except urllib.error.HTTPError as error:  # the preview's error page is a 500
        return str(error.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def make_project(root: Path, services: int | None) -> tuple[Path, str]:
    """A copy of the project under ``root``; its mkdocs.yml and the id of the service to edit."""
    for name in ("docs", "theme_overrides"):
        shutil.copytree(PROJECT / name, root / name, symlinks=True)
    shutil.copy2(PROJECT / "mkdocs.yml", root / "mkdocs.yml")
    if services is None:
        shutil.copytree(PROJECT / "catalogue", root / "catalogue")
        return root / "mkdocs.yml", DEFAULT_SERVICE
    write_catalogue(root / "catalogue", services)
    return root / "mkdocs.yml", SYNTHETIC_SERVICE


def _rename(path: Path, name: str) -> None:
    text = path.read_text(encoding="utf-8")
    changed, count = re.subn(r"(?m)^name: .*$", f"name: {name}", text, count=1)
    assert count == 1, f"{path} has no name line"
    path.write_text(changed, encoding="utf-8")


#: What the preview's error page says (the Finnish heading, generator/i18n).
ERROR_HEADING = "Luettelossa on virheitä"


def measure(
    config: Path, service: str, edits: int, engine: str, start_timeout: float, browser: bool = False
) -> tuple[list[float], float, float]:
    """Start the preview, make ``edits`` edits of ``service``'s name, then break and fix the file.

    Returns each edit's seconds, the seconds until the error showed, and until the fix did.
    """
    port = _free_port()
    page = f"http://127.0.0.1:{port}/palvelut/{service}/"
    path = config.parent / "catalogue" / "services" / f"{service}.yml"
    original = path.read_text(encoding="utf-8")
    first_name = re.search(r"(?m)^name: (.*)$", original)
    assert first_name is not None
    command = [sys.executable, "-m", "generator", "serve", "-f", str(config), "-a", f"127.0.0.1:{port}"]
    # The server's log goes to a file: a pipe nobody reads fills up and stops the server.
    log = tempfile.TemporaryFile(mode="w+", encoding="utf-8")  # noqa: SIM115 - closed below
    server = subprocess.Popen(
        [*command, "--engine", engine],
        stdout=subprocess.DEVNULL,
        stderr=log,
        text=True,
        env={**os.environ, "TARJOTIN_LANG": "fi"},
    )
    times: list[float] = []
    tab: _Tab | None = None
    try:
        deadline = time.monotonic() + start_timeout
        while first_name[1] not in _fetch(page):
            if server.poll() is not None or time.monotonic() > deadline:
                log.seek(0)
                raise RuntimeError(f"the preview did not start: {log.read()[-2000:]}")
            time.sleep(0.2)
        time.sleep(2)  # let the watcher settle after the first build
        if browser:
            tab = _Tab(page)
        visible = tab.shows if tab is not None else lambda text: text in _fetch(page)
        for number in range(1, edits + 1):
            marker = f"Muokkaus{number}x{os.getpid()}"
            _rename(path, f"{first_name[1]} {marker}")
            started = time.perf_counter()
            while not visible(marker):
                if server.poll() is not None or time.perf_counter() - started > 300:
                    raise RuntimeError(f"edit {number} never became visible")
                time.sleep(0.05)
            times.append(time.perf_counter() - started)
            print(f"edit {number}: {times[-1]:.2f} s", file=sys.stderr, flush=True)
            time.sleep(1.5)
        good = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"(?m)^name: ", "\tname: ", good, count=1), encoding="utf-8")
        broken = _until(visible, ERROR_HEADING, server)
        print(f"error shown: {broken:.2f} s", file=sys.stderr, flush=True)
        time.sleep(1.5)
        marker = f"Korjattu{os.getpid()}"
        fixed_text = re.sub(r"(?m)^name: .*$", f"name: {first_name[1]} {marker}", good, count=1)
        path.write_text(fixed_text, encoding="utf-8")
        fixed = _until(visible, marker, server)
        print(f"fix shown: {fixed:.2f} s", file=sys.stderr, flush=True)
    except RuntimeError:
        log.seek(0)
        lines = [line for line in log.read().splitlines() if "GET " not in line]  # the server's log
        print("\n".join(lines)[-3000:], file=sys.stderr)
        raise
    finally:
        if tab is not None:
            tab.close()
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()
        path.write_text(original, encoding="utf-8")
    return times, broken, fixed


def _until(visible: Callable[[str], bool], text: str, server: subprocess.Popen[str]) -> float:
    started = time.perf_counter()
    while not visible(text):
        if server.poll() is not None or time.perf_counter() - started > 300:
            raise RuntimeError(f"{text!r} never became visible")
        time.sleep(0.05)
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=formatter)
    parser.add_argument("--edits", type=int, default=5, help="edits to time (default 5)")
    parser.add_argument("--services", type=int, help="a synthetic catalogue of this many services")
    parser.add_argument("--engine", choices=("mkdocs", "zensical"), default="mkdocs")
    parser.add_argument("--browser", action="store_true", help="watch the page in Chromium (MkDocs)")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args(argv)
    if args.browser and args.engine != "mkdocs":
        parser.error("--browser needs live reload: MkDocs only")
    with tempfile.TemporaryDirectory(prefix="tarjotin-preview-bench-") as folder:
        config, service = make_project(Path(folder), args.services)
        times, broken, fixed = measure(
            config, service, args.edits, args.engine, start_timeout=600, browser=args.browser
        )
    median = statistics.median(times)
    result = {
        "engine": args.engine,
        "seen_by": "browser" if args.browser else "http",
        "services": args.services or "default catalogue",
        "edits": [round(t, 3) for t in times],
        "median_seconds": round(median, 3),
        "error_shown_seconds": round(broken, 3),
        "fix_shown_seconds": round(fixed, 3),
        "target_seconds": TARGET_SECONDS if args.services is None else None,
    }
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        what = f"{args.services} services" if args.services else "the default catalogue"
        seen = "in Chromium" if args.browser else "over HTTP"
        edits = len(times)
        print(f"{args.engine}, {what}: median edit-to-visible {median:.2f} s over {edits} edits ({seen})")
        print(f"a broken file's error shown in {broken:.2f} s, the fix in {fixed:.2f} s")
        if args.services is None:
            verdict = "meets" if median <= TARGET_SECONDS else "misses"
            print(f"{verdict} the {TARGET_SECONDS:.0f} s target")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
