"""Write the open-data files beside the engine's rendering, from the catalogue already loaded.

The exports need only the catalogue, not the rendered pages, and at national scale
they take seconds (the HSDS file nests every service area). A build loads the
catalogue once; the exports are then written by a copy of the build process made
with ``fork``: the copy shares the loaded catalogue (no second reading of thousands
of files, no pickling) and runs on the machine's other core while the engine
renders. Where ``fork`` is missing (Windows), or threads are already running
(``mkdocs serve``'s server: a forked copy of a threaded process may deadlock), the
files are written by a thread of the build instead.

The copy names itself ``tarjotin-export`` (``ps``, ``/proc/<pid>/comm``) and ends as
soon as its build is gone, so a build killed outright leaves nothing writing into
its staging folder.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import traceback
from pathlib import Path
from typing import Protocol

from generator.background import can_fork, fork_copy, signals_held
from generator.export import writer
from generator.model.catalogue import Catalogue
from generator.write.os_errors import os_error_reason

#: Seconds the export gets to end after it is asked to stop, before it is killed.
STOP_TIMEOUT = 5.0
#: The forked export's process name.
PROCESS_NAME = b"tarjotin-export"


class ExportError(Exception):
    """The open-data files could not be written."""


class Export(Protocol):
    """Exports being written beside a build: :meth:`wait` for the result, or :meth:`abort`."""

    def wait(self) -> None: ...

    def abort(self) -> None: ...


def _failure(site_dir: Path, error: BaseException) -> str:
    if isinstance(error, OSError):
        reason = os_error_reason(error)
    else:
        reason = "".join(traceback.format_exception_only(type(error), error)).strip()
    return f"Writing the open-data files into '{site_dir}' failed: {reason}"


def start_exports(catalogue: Catalogue, site_dir: Path, options: writer.ExportOptions) -> Export:
    """Start writing the open-data files of ``catalogue`` into ``site_dir``; returns at once."""
    if can_fork():
        return ForkedExport(catalogue, site_dir, options)
    return ThreadExport(catalogue, site_dir, options)


class ForkedExport:
    """The exports written by a forked copy of the build (see the module's description)."""

    def __init__(self, catalogue: Catalogue, site_dir: Path, options: writer.ExportOptions) -> None:
        self.site_dir = site_dir
        with signals_held():  # a stop signal arrives once the copy is recorded
            self.pid, self._reader = fork_copy(
                lambda pipe: _export_in_copy(catalogue, site_dir, options, pipe), PROCESS_NAME
            )
            self._done = False

    def wait(self) -> None:
        """Wait for the files.

        Raises:
            ExportError: The export failed; its message says why.
        """
        message = self._finish()
        if message is not None:
            raise ExportError(message)

    def abort(self) -> None:
        """Stop the export and wait until it has ended; the build failed or was interrupted.

        The build removes its staging folder next, so the export must not be writing into it.
        """
        if not self._done:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGTERM)
        self._finish()

    def _finish(self) -> str | None:
        if self._done:
            return None
        chunks = []
        with os.fdopen(self._reader, "rb") as reader:
            while chunk := reader.read(65536):
                chunks.append(chunk)
        _, status = os.waitpid(self.pid, 0)
        self._done = True
        code = os.waitstatus_to_exitcode(status)
        if code == 0:
            return None
        text = b"".join(chunks).decode("utf-8", errors="replace").strip()
        return text or f"Writing the open-data files into '{self.site_dir}' failed (exit code {code})"


def _export_in_copy(
    catalogue: Catalogue, site_dir: Path, options: writer.ExportOptions, pipe: int
) -> None:  # pragma: no cover - runs in the forked copy
    """The forked copy's work: write the files, and report a failure into ``pipe``."""
    try:
        writer.write_exports(catalogue, site_dir, options)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.write(pipe, _failure(site_dir, error).encode("utf-8", errors="replace"))
        raise


class ThreadExport:
    """The exports written by a thread of the build, where forking is not possible or safe."""

    def __init__(self, catalogue: Catalogue, site_dir: Path, options: writer.ExportOptions) -> None:
        self.site_dir = site_dir
        self._error: BaseException | None = None
        self._thread = threading.Thread(
            target=self._run, args=(catalogue, site_dir, options), name="tarjotin-export", daemon=True
        )
        self._thread.start()

    def _run(self, catalogue: Catalogue, site_dir: Path, options: writer.ExportOptions) -> None:
        try:
            writer.write_exports(catalogue, site_dir, options)
        except Exception as error:
            self._error = error

    def wait(self) -> None:
        self._thread.join()
        if self._error is not None:
            raise ExportError(_failure(self.site_dir, self._error))

    def abort(self) -> None:
        # A thread cannot be stopped; it writes small files and ends, so wait for it.
        self._thread.join()
