"""The form editor on one's own machine: Decap's local proxy beside a server of the built site.

decap-server (pinned in package.json) reads and writes the repository folder
it is started in: in ``fs`` mode it writes files straight into the working
copy (no branches: commit them yourself); in ``git`` mode, with the editorial
workflow, each save is a commit on a branch ``cms/<collection>/<entry>``, as
a pull request would be on GitHub. The site is served by a small server that
answers ``/yllapito/config.yml`` with the configuration pointing at the proxy.
"""

from __future__ import annotations

import functools
import os
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import yaml

from generator.cms.bundle import Bundle
from generator.cms.site import config_text
from generator.site import urls


class ProxyError(Exception):
    """decap-server did not start; the message has its output."""


@dataclass(frozen=True)
class LocalEditor:
    """A running local editor."""

    url: str  # the form: http://127.0.0.1:PORT/yllapito/
    proxy_url: str  # the proxy's API: http://127.0.0.1:PORT/api/v1
    proxy_pid: int


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def local_config(published: dict[str, Any], proxy_url: str, *, workflow: bool) -> dict[str, Any]:
    """The published configuration, pointed at the local proxy.

    The editorial workflow needs the proxy's git mode; in fs mode files are saved straight away.
    """
    config = dict(published)
    config["local_backend"] = {"url": proxy_url, "allowed_hosts": ["127.0.0.1", "localhost"]}
    if workflow:
        config["publish_mode"] = "editorial_workflow"
    else:
        config.pop("publish_mode", None)
    return config


class _Handler(SimpleHTTPRequestHandler):
    config_body: bytes = b""

    def do_GET(self) -> None:
        if self.path.split("?", 1)[0].endswith(f"/{urls.ADMIN_DIR}/config.yml"):
            self.send_response(200)
            self.send_header("Content-Type", "text/yaml; charset=utf-8")
            self.send_header("Content-Length", str(len(self.config_body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(self.config_body)
            return
        super().do_GET()

    def end_headers(self) -> None:
        if self.path.endswith(".js"):
            self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass

    extensions_map = {  # noqa: RUF012 - replaces the base class's mapping, never mutated
        **SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".wasm": "application/wasm",
    }


def _wait_for_port(port: int, process: subprocess.Popen[bytes], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise ProxyError(f"decap-server stopped at once (exit {process.returncode})")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise ProxyError(f"decap-server did not listen on port {port} within {timeout:.0f} s")


@contextmanager
def run_local_editor(
    site_dir: Path,
    repository: Path,
    bundle: Bundle,
    *,
    workflow: bool = False,
    port: int = 0,
    log: Path | None = None,
) -> Iterator[LocalEditor]:
    """Start decap-server on ``repository`` and serve ``site_dir``; stop both on leaving.

    Args:
        site_dir: A built site with ``yllapito/`` written into it.
        repository: The folder the configuration's paths are relative to (the project's root).
        workflow: git mode with the editorial workflow (branches) instead of fs mode.
        port: The site's port (0: any free one).
        log: Where decap-server's output goes (default: discarded).
    """
    published = yaml.safe_load((site_dir / urls.ADMIN_DIR / "config.yml").read_text(encoding="utf-8"))
    proxy_port = free_port()
    proxy_url = f"http://127.0.0.1:{proxy_port}/api/v1"
    environment = {
        **os.environ,
        "PORT": str(proxy_port),
        "MODE": "git" if workflow else "fs",
        "GIT_REPO_DIRECTORY": str(repository.resolve()),
        "LOG_LEVEL": "info",
        "BIND_HOST": "127.0.0.1",
    }
    output = log.open("ab") if log else subprocess.DEVNULL
    process = subprocess.Popen(
        ["node", str(bundle.server_script)],
        cwd=repository,
        env=environment,
        stdout=output,
        stderr=subprocess.STDOUT,
    )
    server: ThreadingHTTPServer | None = None
    thread: threading.Thread | None = None
    try:
        _wait_for_port(proxy_port, process)
        body = config_text(local_config(published, proxy_url, workflow=workflow)).encode("utf-8")
        handler = type("LocalHandler", (_Handler,), {"config_body": body})
        server = ThreadingHTTPServer(("127.0.0.1", port), functools.partial(handler, directory=str(site_dir)))
        server.daemon_threads = True
        thread = threading.Thread(target=server.serve_forever, name="tarjotin-edit-site", daemon=True)
        thread.start()
        url = f"http://127.0.0.1:{server.server_port}/{urls.ADMIN_DIR}/"
        yield LocalEditor(url=url, proxy_url=proxy_url, proxy_pid=process.pid)
    finally:
        if server is not None:
            server.shutdown()
            server.server_close()
        if thread is not None:
            thread.join()
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if log and output is not subprocess.DEVNULL:
            output.close()  # type: ignore[union-attr]
