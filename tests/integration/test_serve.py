"""`tarjotin serve`: the site is rebuilt when the catalogue changes, and served.

A catalogue with errors is shown in the browser: every page is the error page, with
the file, the line and the Finnish message, until the file is fixed (MkDocs: live
reload; Zensical: the error page reloads itself).
"""

from __future__ import annotations

import os
import re
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
    except urllib.error.HTTPError as error:  # the preview's error page is a 500
        return str(error.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _start(project: Path, port: int, *options: str) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "generator", "serve", "-f", str(project / "mkdocs.yml")]
    return subprocess.Popen(
        [*command, *options, "-a", f"127.0.0.1:{port}"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "TARJOTIN_LANG": "fi"},
    )


def _stop(server: subprocess.Popen[str]) -> str:
    """End the server (Ctrl-C, then kill if it hangs); its stderr."""
    server.send_signal(signal.SIGINT)
    try:
        _, stderr = server.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()
        _, stderr = server.communicate()
    return stderr


def test_mkdocs_serve_shows_catalogue_errors_in_the_page_and_recovers(mini_project: Path) -> None:
    port = _free_port()
    server = _start(mini_project, port)
    page = f"http://127.0.0.1:{port}/palvelut/eka/"
    other_page = f"http://127.0.0.1:{port}/"
    service = mini_project / "catalogue" / "services" / "eka.yml"
    original = service.read_text(encoding="utf-8")
    try:
        _wait_for(lambda: "Eka palvelu" in (_fetch(page) or ""), server, "the first build", 180)
        navigation = _nav_titles(_fetch(page) or "")
        # A tab in the indentation: the page shows the file, the line and the message.
        service.write_text(original.replace("  - yksi", "\t- yksi"), encoding="utf-8")
        _wait_for(lambda: "Luettelossa on virheitä" in (_fetch(page) or ""), server, "the error page", 10)
        shown = _fetch(page) or ""
        assert "catalogue/services/eka.yml:9:1: virhe" in shown
        assert "sarkainmerkki" in shown
        assert "/livereload/" in shown  # it reloads by itself when the file is fixed
        assert "Luettelossa on virheitä" in (_fetch(other_page) or "")  # every page, not only this one
        # Fixed: the site again, with the change.
        service.write_text(original.replace("name: Eka palvelu", "name: Korjattu palvelu"), encoding="utf-8")
        _wait_for(lambda: "Korjattu palvelu" in (_fetch(page) or ""), server, "the fixed site", 10)
        # An unknown theme whose id is markup: shown as text, never as HTML.
        service.write_text(original.replace("[kuntoutus]", "[<em>huono</em>]"), encoding="utf-8")
        _wait_for(lambda: "Luettelossa on virheitä" in (_fetch(page) or ""), server, "the error page", 10)
        shown = _fetch(page) or ""
        assert "catalogue/services/eka.yml:3" in shown
        assert "&lt;em&gt;huono&lt;/em&gt;" in shown and "<em>huono" not in shown
        service.write_text(original, encoding="utf-8")
        _wait_for(lambda: "Eka palvelu" in (_fetch(page) or ""), server, "the fixed site", 10)
        # Rebuilding only what changed: the page of the service kept as it was, the list
        # pages with the change; a new service gets its page.
        service.write_text(original.replace("name: Eka palvelu", "name: Kolmas nimi"), encoding="utf-8")
        listing = f"http://127.0.0.1:{port}/palvelut/"
        _wait_for(lambda: "Kolmas nimi" in (_fetch(listing) or ""), server, "the changed list", 10)
        assert "Kolmas nimi" in (_fetch(page) or "")
        # The pages not read again keep their titles in the rebuilt pages' navigation.
        assert _nav_titles(_fetch(page) or "") == navigation
        assert "Kaikki palvelut" in navigation and "Teemat" in navigation
        assert "Toka palvelu" in (_fetch(f"http://127.0.0.1:{port}/palvelut/toka/") or "")
        added = service.with_name("uusi.yml")
        added.write_text(original.replace("name: Eka palvelu", "name: Uusi palvelu"), encoding="utf-8")
        new_page = f"http://127.0.0.1:{port}/palvelut/uusi/"
        _wait_for(lambda: "Uusi palvelu" in (_fetch(new_page) or ""), server, "the new page", 10)
        added.unlink()
        _wait_for(lambda: "Uusi palvelu" not in (_fetch(listing) or ""), server, "the list without it", 10)
        assert "Uusi palvelu" not in (_fetch(new_page) or "")  # its page is gone too
        assert server.poll() is None
    finally:
        stderr = _stop(server)
    assert "Traceback" not in stderr


def _nav_titles(html: str) -> list[str]:
    """The titles the page's navigation shows, in order."""
    return [
        " ".join(title.split()) for title in re.findall(r'<span class="md-ellipsis">(.*?)</span>', html, re.S)
    ]


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
    server = _start(mini_project, port, "--engine", "zensical")
    page = f"http://127.0.0.1:{port}/palvelut/eka/"
    try:
        _wait_for(lambda: "Eka palvelu" in (_fetch(page) or ""), server, "the first build", 180)
        service = mini_project / "catalogue" / "services" / "eka.yml"
        service.write_text(
            service.read_text(encoding="utf-8").replace("name: Eka palvelu", "name: Muutettu palvelu"),
            encoding="utf-8",
        )
        _wait_for(lambda: "Muutettu palvelu" in (_fetch(page) or ""), server, "the rebuild", 180)
        # A catalogue with an error: every page is the error page, which reloads itself.
        broken = service.read_text(encoding="utf-8")
        service.write_text(broken.replace("themes: [kuntoutus]", "themes: [<b>huono</b>]"), encoding="utf-8")
        _wait_for(lambda: "Luettelossa on virheitä" in (_fetch(page) or ""), server, "the error page", 180)
        shown = _fetch(page) or ""
        assert "catalogue/services/eka.yml:3" in shown and "&lt;b&gt;huono&lt;/b&gt;" in shown
        assert '<meta http-equiv="refresh"' in shown and "<b>huono" not in shown
        # Fixed: the site again.
        service.write_text(broken, encoding="utf-8")
        _wait_for(lambda: "Muutettu palvelu" in (_fetch(page) or ""), server, "the fixed site", 180)
        assert server.poll() is None
    finally:
        stderr = _stop(server)
    assert (
        "Rakennettu uudelleen" in stderr and "Rakentaminen epäonnistui; esikatselu näyttää virheet" in stderr
    )
    assert "Traceback" not in stderr
