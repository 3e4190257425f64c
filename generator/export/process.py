"""Write the open-data files in a separate process while the engine renders the site.

The exports need only the catalogue, not the rendered pages, and at national scale
they take seconds (the HSDS file nests every service area). Run in a child process
(``tarjotin export``) they use the machine's other core instead of lengthening the
build. The child reads the catalogue again from its folder rather than being sent
the parent's objects: on two cores that costs nothing on the critical path, while
pickling thousands of services would.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path

import generator
from generator.background import run_in_background

#: The folder holding the ``generator`` package, so the child imports this very code
#: even when the parent found it through ``sys.path`` rather than an installation.
_CODE_ROOT = str(Path(generator.__file__).resolve().parent.parent)
#: Seconds the export gets to end after it is asked to stop, before it is killed.
STOP_TIMEOUT = 5.0
#: How often the export checks that the build that started it is still there, in seconds.
PARENT_CHECK_INTERVAL = 0.2
#: The export's exit status when its build was gone.
EXIT_ORPHANED = 3


class ExportError(Exception):
    """The open-data files could not be written."""


class ExportProcess:
    """``tarjotin export`` running in the background; :meth:`wait` for its result."""

    def __init__(self, catalogue_root: Path, site_dir: Path, *, site_url: str, today: date) -> None:
        self.site_dir = site_dir
        command = [
            sys.executable,
            "-m",
            "generator",
            "export",
            "--catalogue",
            str(catalogue_root),
            "--site-dir",
            str(site_dir),
            "--site-url",
            site_url,
            "--today",
            today.isoformat(),
            "--parent-pid",
            str(os.getpid()),
        ]
        path = os.pathsep.join(filter(None, [_CODE_ROOT, os.environ.get("PYTHONPATH")]))
        self._process = subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            encoding="utf-8",
            errors="replace",
            env={**os.environ, "PYTHONPATH": path, "PYTHONIOENCODING": "utf-8"},
        )
        run_in_background(self._process.pid)

    def wait(self) -> None:
        """Wait for the files.

        Raises:
            ExportError: The export failed; its messages are in the error.
        """
        stdout, stderr = self._process.communicate()
        if self._process.returncode != 0:
            raise ExportError(
                f"Writing the open-data files into '{self.site_dir}' failed "
                f"(exit code {self._process.returncode}):\n{stdout}{stderr}".rstrip()
            )

    def abort(self) -> None:
        """Stop the export and wait until it has ended; the build failed or was interrupted.

        The build removes its staging folder next, so the export must not be writing into it.
        """
        if self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.communicate(timeout=STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                self._process.kill()
        self._process.communicate()


def exit_with_parent(parent: int) -> None:
    """In the export process: end it as soon as the build ``parent`` that started it is gone.

    A build killed outright (SIGKILL) cannot stop its export, which would go on
    writing into a staging folder that the next build removes. An orphan is handed
    to another parent, so a changed parent PID means the build is gone. (Windows
    keeps the PID: there the export simply runs to its end.)
    """

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_INTERVAL)
        os._exit(EXIT_ORPHANED)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()
