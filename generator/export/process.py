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
from datetime import date
from pathlib import Path

import generator
from generator.background import run_in_background

#: The folder holding the ``generator`` package, so the child imports this very code
#: even when the parent found it through ``sys.path`` rather than an installation.
_CODE_ROOT = str(Path(generator.__file__).resolve().parent.parent)


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
        """Stop the export; the build failed anyway."""
        if self._process.poll() is None:
            self._process.kill()
        self._process.communicate()
