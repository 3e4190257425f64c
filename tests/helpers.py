"""Helpers shared by tests in several folders."""

from __future__ import annotations

import json
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
