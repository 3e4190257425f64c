"""Index the service pages with Pagefind.

Two ways to the same index:

* :class:`SearchIndexer` is handed each searchable page while the engine renders
  the site, and writes the bundle while the engine is still busy with its theme.
  Pagefind works in its own process, on the machine's other core, so a build
  waits for it only at the very end, if at all.
* :func:`build_search_index` hands it the built HTML of the same pages after the
  engine is done, for an engine without per-page hooks (Zensical). The tests check
  that both give the same index.

Which pages are searchable is decided once, by the site plan
(``SitePlan.searchable``). Pagefind picks its Finnish stemmer from
``<html lang="fi">``; only elements marked ``data-pagefind-body`` are indexed.
"""

from __future__ import annotations

import base64
import contextlib
import html
import json
import os
import queue
import subprocess
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from pagefind.service import get_executable

from generator.background import run_in_background
from generator.site import urls

#: The folder inside the site that holds the index and Pagefind's UI.
BUNDLE_DIR = urls.SEARCH_BUNDLE_DIR
#: Seconds to wait for the Pagefind service to exit after its input is closed.
EXIT_TIMEOUT = 30
#: The service runs beside the engine's rendering (see :mod:`generator.background`):
#: one worker thread for each of Pagefind's runtimes leaves the renderer its core.
SERVICE_ENVIRONMENT = {"TOKIO_WORKER_THREADS": "1", "RAYON_NUM_THREADS": "1"}


class SearchIndexError(Exception):
    """Pagefind failed; the build must not pretend search works."""


def build_search_index(site_dir: Path, pages: Iterable[str]) -> None:
    """Write ``site_dir/pagefind/`` from the built HTML of ``pages`` (served paths: ``palvelut/kela/``).

    Raises:
        SearchIndexError: A page is missing, or Pagefind could not index it or write the bundle.
    """
    indexer = SearchIndexer(site_dir)
    try:
        for served in pages:
            path = (
                site_dir / served / "index.html"
                if served == "" or served.endswith("/")
                else site_dir / served
            )
            try:
                document = path.read_text(encoding="utf-8")
            except OSError as error:
                raise SearchIndexError(
                    f"Pagefind could not index '{site_dir}': {path}: {error.strerror}"
                ) from None
            indexer.add_page("/" + served, document)
        indexer.finish()
    except BaseException:
        indexer.abort()
        raise


def page_document(title: str, body: str, language: str) -> str:
    """The HTML Pagefind reads for one page: the page's content in a bare document.

    What the index takes from a page is its language, its ``data-pagefind-body`` and
    the filters and headings inside it, all of which are in the content the engine
    rendered from Markdown; the theme's header, navigation and footer are not indexed.
    """
    return (
        f'<!DOCTYPE html><html lang="{html.escape(language)}"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title></head><body>{body}</body></html>"
    )


class SearchIndexer:
    """A Pagefind index built page by page in a ``pagefind --service`` process.

    The service reads requests on its standard input and answers on its standard
    output, each message base64-encoded JSON followed by a comma: the protocol of
    Pagefind's own Node and Python wrappers. We speak it directly because the
    Python wrapper (``pagefind.index.PagefindIndex``) reads one answer per 0.1 s,
    which would make 1,000 pages take 100 s.

    Requests are encoded and written by a thread of their own, and answers read by
    another, so handing a page over never waits for Pagefind: the renderer goes on.

    Use: :meth:`add_page` for every page, :meth:`write` once all are added (it
    returns at once), :meth:`finish` when the site is built; :meth:`abort` on failure.
    """

    def __init__(self, site_dir: Path) -> None:
        executable = get_executable()
        if executable is None:
            raise SearchIndexError("Pagefind's program was not found: install the 'pagefind[bin]' package")
        self.site_dir = site_dir
        self._process = subprocess.Popen(
            [str(executable), "--service"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env={**os.environ, **SERVICE_ENVIRONMENT},
        )
        run_in_background(self._process.pid)
        self._changed = threading.Condition()
        self._answers: dict[int, dict[str, Any]] = {}
        self._broken: str | None = None  # why no more answers will come
        self._sent = 0
        self._pages: list[tuple[int, str]] = []  # (message id, url) of every page added
        self._errors: list[str] = []
        self._writer: threading.Thread | None = None
        self._outbox: queue.SimpleQueue[tuple[int, dict[str, Any]] | None] = queue.SimpleQueue()
        self._sender = threading.Thread(target=self._send_requests, name="pagefind-requests", daemon=True)
        self._sender.start()
        threading.Thread(target=self._read_answers, name="pagefind-answers", daemon=True).start()
        try:
            self._index = self._answer(self._send({"type": "NewIndex", "config": None}))["index_id"]
        except SearchIndexError:
            self.abort()
            raise

    # --- the protocol ----------------------------------------------------------------

    def _send(self, payload: dict[str, Any]) -> int:
        """Queue a request; returns its message id, under which :meth:`_answer` finds the answer."""
        with self._changed:
            if self._broken is not None:
                raise SearchIndexError(self._broken)
            self._sent += 1
            message = self._sent
        self._outbox.put((message, payload))
        return message

    def _send_requests(self) -> None:
        stdin: IO[bytes] | None = self._process.stdin
        assert stdin is not None
        while (request := self._outbox.get()) is not None:
            message, payload = request
            data = json.dumps({"message_id": message, "payload": payload}, ensure_ascii=False)
            try:
                stdin.write(base64.b64encode(data.encode()) + b",")
                stdin.flush()
            except (BrokenPipeError, ValueError) as error:  # ValueError: the pipe was closed
                with self._changed:
                    self._broken = self._broken or f"Pagefind stopped while indexing: {error}"
                    self._changed.notify_all()

    def _read_answers(self) -> None:
        stdout: IO[bytes] | None = self._process.stdout
        assert stdout is not None
        pending = b""
        try:
            while chunk := stdout.read1(65536):  # type: ignore[attr-defined]
                pending += chunk
                *messages, pending = pending.split(b",")
                answers = [json.loads(base64.b64decode(message)) for message in messages]
                with self._changed:
                    for answer in answers:
                        self._file(answer)
                    self._changed.notify_all()
        except ValueError as error:  # not base64 or not JSON: not the protocol we speak
            with self._changed:
                self._broken = f"Pagefind answered something unreadable: {error}"
        finally:
            with self._changed:
                if self._broken is None:
                    self._broken = "Pagefind stopped before it answered"
                self._changed.notify_all()

    def _file(self, answer: dict[str, Any]) -> None:
        """Keep an answer under the message it answers."""
        message = answer.get("message_id")
        payload = answer.get("payload") or {}
        if message is None and payload.get("original_message"):
            # A request the service could not read comes back without an id but whole.
            with contextlib.suppress(ValueError, AttributeError):
                message = json.loads(payload["original_message"]).get("message_id")
        if message is None:  # nothing to wait on would ever get its answer
            self._broken = f"Pagefind: {payload.get('message', answer)}"
        else:
            self._answers[message] = payload

    def _answer(self, message: int) -> dict[str, Any]:
        with self._changed:
            self._changed.wait_for(lambda: message in self._answers or self._broken is not None)
            if message not in self._answers:
                raise SearchIndexError(str(self._broken))
            answer = self._answers.pop(message)
        if answer.get("type") == "Error":
            raise SearchIndexError(str(answer.get("message", answer)))
        return answer

    # --- the index ---------------------------------------------------------------------

    def add_page(self, url: str, document: str) -> None:
        """Queue one page for indexing; ``url`` is site-absolute (``/palvelut/x/``).

        Returns without waiting: Pagefind parses the page while the engine goes on.
        """
        request = {"type": "AddFile", "index_id": self._index, "url": url, "file_contents": document}
        message = self._send(request)
        self._pages.append((message, url))

    def write(self) -> None:
        """Write the bundle into ``site_dir/pagefind/`` once every page is indexed; returns at once."""
        self._writer = threading.Thread(target=self._write, name="pagefind-write", daemon=True)
        self._writer.start()

    def _write(self) -> None:
        try:
            for message, url in self._pages:
                try:
                    self._answer(message)
                except SearchIndexError as error:
                    self._errors.append(f"{url}: {error}")
                    if self._broken is not None:  # no other page will get an answer either
                        break
            if not self._errors:
                output = str(self.site_dir / BUNDLE_DIR)
                request = {"type": "WriteFiles", "index_id": self._index, "output_path": output}
                self._answer(self._send(request))
        except SearchIndexError as error:
            self._errors.append(str(error))

    def finish(self) -> None:
        """Wait until the bundle is written, then stop the service.

        Raises:
            SearchIndexError: A page could not be indexed or the bundle not written.
        """
        if self._writer is None:
            self.write()
        assert self._writer is not None
        self._writer.join()
        self._stop()
        if self._errors:
            details = "\n".join(self._errors)
            raise SearchIndexError(f"Pagefind could not index '{self.site_dir}':\n{details}")

    def abort(self) -> None:
        """Stop the service without writing anything."""
        self._process.kill()
        self._stop()

    def _stop(self) -> None:
        self._outbox.put(None)
        self._sender.join()
        if self._process.stdin is not None and not self._process.stdin.closed:
            with contextlib.suppress(BrokenPipeError):
                self._process.stdin.close()
        try:
            self._process.wait(timeout=EXIT_TIMEOUT)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        if self._process.stdout is not None:
            self._process.stdout.close()
