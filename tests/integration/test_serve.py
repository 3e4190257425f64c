"""`tarjotin serve --engine zensical`: the site is rebuilt when the catalogue changes, and served."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as answer:
            return str(answer.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _wait_for(
    condition: Callable[[], bool], server: subprocess.Popen[str], what: str, timeout: float
) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert server.poll() is None, f"the server ended before {what}: {server.communicate()}"
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.2)


def test_zensical_serve_rebuilds_when_a_service_changes(mini_project: Path) -> None:
    port = _free_port()
    command = [sys.executable, "-m", "generator", "serve", "-f", str(mini_project / "mkdocs.yml")]
    server = subprocess.Popen(
        [*command, "--engine", "zensical", "-a", f"127.0.0.1:{port}"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "TARJOTIN_LANG": "fi"},
    )
    page = f"http://127.0.0.1:{port}/palvelut/eka/"
    try:
        _wait_for(lambda: "Eka palvelu" in (_fetch(page) or ""), server, "the first build", 180)
        service = mini_project / "catalogue" / "services" / "eka.yml"
        service.write_text(
            service.read_text(encoding="utf-8").replace("name: Eka palvelu", "name: Muutettu palvelu"),
            encoding="utf-8",
        )
        _wait_for(lambda: "Muutettu palvelu" in (_fetch(page) or ""), server, "the rebuild", 180)
        # A catalogue with an error keeps the last good site served.
        service.write_text("name: [\n", encoding="utf-8")
        time.sleep(5)
        assert "Muutettu palvelu" in (_fetch(page) or "")
        assert server.poll() is None
    finally:
        server.send_signal(signal.SIGINT)
        try:
            _, stderr = server.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            _, stderr = server.communicate()
    assert "Rebuilt in" in stderr and "Build failed; still serving the previous site" in stderr
    assert "Traceback" not in stderr
