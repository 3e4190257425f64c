"""Stand-ins for other people's web sites, on 127.0.0.1, and a catalogue that links to them.

No test touches the internet: every "external" link points at :class:`LinkServer`,
which answers each path the way a real site might (moved, gone, slow …) and
counts the requests it gets, so tests can tell what was checked again.
"""

from __future__ import annotations

import contextlib
import shutil
import socket
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent.parent / "fixtures"

#: Longer than the timeout the test projects set (1 s).
SLOW_SECONDS = 2.5

PAGE = b'<!doctype html><html><body><h1 id="top">Sivu</h1><h2 id="here">Kohta</h2></body></html>'
#: Bigger than the default max_download_bytes (5 MiB), with its anchor at the very end.
HUGE_PAGE = (
    b"<!doctype html><html><body>" + b"<p>tekstia</p>\n" * 450_000 + b'<h2 id="end">Loppu</h2></body></html>'
)
#: How often the endless page sends a few more bytes: well within the 1 s timeout.
TRICKLE_SECONDS = 0.2

#: A body as bytes (sent with its Content-Length), or as pieces (sent as they come,
#: without a length: the answer ends when the connection closes).
Body = bytes | Iterable[bytes]
Answer = tuple[int, list[tuple[str, str]], Body]


def _routes(stopping: threading.Event) -> dict[str, Callable[[], Answer]]:
    def redirect(code: int, target: str) -> Callable[[], Answer]:
        return lambda: (code, [("Location", target)], b"")

    def slow() -> Answer:
        time.sleep(SLOW_SECONDS)
        return 200, [], PAGE

    def trickle() -> Iterator[bytes]:
        """A page that never ends, a few bytes at a time (until the checker or the server stops)."""
        yield b"<!doctype html><html><body>"
        while not stopping.wait(TRICKLE_SECONDS):
            yield b"<p>lisaa</p>\n"

    def pieces(body: bytes, size: int = 64 * 1024) -> Iterator[bytes]:
        return (body[start : start + size] for start in range(0, len(body), size))

    return {
        "/ok": lambda: (200, [], PAGE),
        "/moved": redirect(301, "/ok"),
        "/permanent": redirect(308, "/ok"),
        "/chain/1": redirect(302, "/chain/2"),
        "/chain/2": redirect(302, "/ok"),
        "/chain-moved/1": redirect(301, "/chain-moved/2"),
        "/chain-moved/2": redirect(301, "/ok"),
        "/loop": redirect(302, "/loop"),
        "/missing": lambda: (404, [], b"not here"),
        "/gone": lambda: (410, [], b"gone"),
        "/forbidden": lambda: (403, [], b"no"),
        "/login": lambda: (401, [("WWW-Authenticate", 'Basic realm="x"')], b""),
        "/busy": lambda: (429, [("Retry-After", "120")], b"slow down"),
        "/broken-server": lambda: (503, [], b"down"),
        "/slow": slow,
        "/endless": lambda: (200, [], trickle()),
        "/huge": lambda: (200, [], HUGE_PAGE),
        "/huge-stream": lambda: (200, [], pieces(HUGE_PAGE)),
        "/moved-to-missing": redirect(301, "/missing"),
        "/private": lambda: (200, [], PAGE),
        "/robots.txt": lambda: (
            200,
            [("Content-Type", "text/plain")],
            b"User-agent: *\nDisallow: /private\n",
        ),
    }


class LinkServer:
    """An HTTP server on 127.0.0.1 answering the paths in :func:`_routes`.

    Attributes:
        base: Its root URL, without the trailing slash.
        hits: Requests per path.
    """

    def __init__(self) -> None:
        self.stopping = threading.Event()
        routes = _routes(self.stopping)
        self.hits: Counter[str] = Counter()
        lock = threading.Lock()
        hits = self.hits

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                path = self.path.split("?", 1)[0]
                with lock:
                    hits[path] += 1
                code, headers, body = routes.get(path, lambda: (404, [], b"no such page"))()
                self.send_response(code)
                for name, value in headers:
                    self.send_header(name, value)
                if not any(name == "Content-Type" for name, _ in headers):
                    self.send_header("Content-Type", "text/html; charset=utf-8")
                # LinkChecker spaces requests to a host 0.1-0.6 s apart unless the server
                # sends this header; the tests would spend most of their time waiting.
                self.send_header("LinkChecker", "tests")
                if isinstance(body, bytes):
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the checker gave up
                    for piece in [body] if isinstance(body, bytes) else body:
                        self.wfile.write(piece)
                        self.wfile.flush()

            def log_message(self, format: str, *args: object) -> None:
                pass

        class Server(ThreadingHTTPServer):
            daemon_threads = True

            def handle_error(self, request: object, client_address: object) -> None:
                pass

        self.server = Server(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return self.base + path

    def close(self) -> None:
        self.stopping.set()
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="module")
def link_server() -> Iterator[LinkServer]:
    server = LinkServer()
    try:
        yield server
    finally:
        server.close()


@pytest.fixture(scope="module")
def refused_url() -> Iterator[str]:
    """A URL whose port refuses connections: bound, but nobody listens."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}/x"
    finally:
        sock.close()


def copy_mini(target: Path) -> Path:
    """A copy of the two-service sample project."""
    shutil.copytree(FIXTURES / "mini", target)
    (target / "docs").mkdir(exist_ok=True)
    return target
