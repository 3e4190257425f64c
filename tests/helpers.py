"""Helpers shared by tests in several folders."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from click.testing import CliRunner, Result

from generator.cli import main

PROJECT = Path(__file__).resolve().parent.parent
#: The official HSDS 3.0 schemas the HSDS tests validate against, carried by the project
#: (a clone has nothing beside it); source, commit and licence in its README.md.
HSDS_SCHEMAS = PROJECT / "tests" / "fixtures" / "hsds-3.0" / "schema"


def hsds_schema(name: str) -> dict[str, Any]:
    """A compiled (references inlined) HSDS 3.0 schema, e.g. ``service.json``."""
    path = HSDS_SCHEMAS / "compiled" / name
    assert path.is_file(), f"the HSDS 3.0 schema is missing: {path} (see tests/fixtures/hsds-3.0/README.md)"
    schema: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return schema


def build_arguments(project: Path, site: Path, *extra: str) -> list[str]:
    """The arguments of `tarjotin build` for the project folder ``project`` into ``site``."""
    return [
        "build",
        "-f",
        str(project / "mkdocs.yml"),
        "--catalogue",
        str(project / "catalogue"),
        "--site-dir",
        str(site),
        *extra,
    ]


def tarjotin_build(project: Path, site: Path, *extra: str) -> Result:
    """Run `tarjotin build` for the project folder ``project`` into ``site``."""
    return CliRunner().invoke(main, build_arguments(project, site, *extra))


def run_forking(script: str, *args: str) -> str:
    """Run ``script`` in a fresh interpreter and return what it printed.

    For what forks a copy of the build: this test process may run threads (the browser
    tests' Playwright), and then nothing is forked.
    """
    done = subprocess.run(
        [sys.executable, "-c", script, *args], capture_output=True, text=True, cwd=PROJECT, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout
