"""Serve a built site on 127.0.0.1: for the link check, and for the tests and
benchmarks that open it in a browser."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any


class _SiteHandler(SimpleHTTPRequestHandler):
    """Serves files quietly and tells LinkChecker it may go fast.

    LinkChecker spaces requests to one host at least 0.1–0.6 s apart unless the
    server answers with a ``LinkChecker`` header; this is our own throwaway
    server, so the site's thousands of internal links need no such courtesy.
    """

    def end_headers(self) -> None:
        self.send_header("LinkChecker", "tarjotin")
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Say nothing when a checker hangs up early (it often reads only the headers)."""


@contextmanager
def serve_site(
    site_dir: Path,
    handler_class: type[SimpleHTTPRequestHandler] = _SiteHandler,
    address: tuple[str, int] = ("127.0.0.1", 0),
) -> Iterator[str]:
    """Serve ``site_dir`` on a free port of 127.0.0.1 in a background thread.

    Args:
        site_dir: The built site.
        handler_class: How requests are answered (e.g. with gzip, for weighing pages).
        address: Where to listen (``tarjotin serve --dev-addr``); a free port by default.

    Yields:
        The site's root URL, e.g. ``http://127.0.0.1:41234/``.
    """
    handler = functools.partial(handler_class, directory=str(site_dir))
    server = _QuietServer(address, handler)
    thread = threading.Thread(target=server.serve_forever, name="tarjotin-links-site", daemon=True)
    thread.start()
    try:
        yield f"http://{address[0]}:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
