"""A clone of the project is enough to run it and its tests: nothing reads from beside it.

The project was written next to a folder of source material (``shared/`` beside the
repository: the slide-deck texts and the HSDS schemas). A user's clone has no such
folder, so what the tests need is carried under ``tests/fixtures/``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.helpers import HSDS_SCHEMAS, PROJECT, hsds_schema

#: Where code, tests, configuration and the data the build reads live.
SCANNED = [
    "tests",
    "benchmarks",
    "scripts",
    "generator",
    ".github",
    ".ci",
    "catalogue",
    "examples",
    "docs",
    "theme_overrides",
    "pyproject.toml",
    "mkdocs.yml",
    ".pre-commit-config.yaml",
]
#: A path into the folder beside the project: the folder name after a slash (a relative
#: or absolute path) or as a quoted path part (``PROJECT.parent / …``). The ``[s]``
#: keeps this file from matching itself.
OUTSIDE = re.compile(r"/[s]hared\b|[\"'][s]hared[\"']")


def _files() -> list[Path]:
    files: list[Path] = []
    for name in SCANNED:
        path = PROJECT / name
        assert path.exists(), f"{name} was moved: update SCANNED"
        if path.is_file():
            files.append(path)
            continue
        files.extend(p for p in sorted(path.rglob("*")) if p.is_file() and "__pycache__" not in p.parts)
    return files


def test_the_hsds_schemas_are_inside_the_project() -> None:
    assert HSDS_SCHEMAS.resolve().is_relative_to(PROJECT.resolve())
    for name, title in (("service.json", "service"), ("organization.json", "organization")):
        schema = hsds_schema(name)
        assert schema["name"] == title, name
        assert schema["type"] == "object" and "id" in schema["properties"], name
        # Compiled: every reference inlined, so no other schema file has to be found.
        assert "$ref" not in json.dumps(schema), f"{name} is not the compiled schema"
    folder = HSDS_SCHEMAS.parent
    assert "Attribution-ShareAlike 4.0" in (folder / "LICENSE").read_text(encoding="utf-8")
    readme = (folder / "README.md").read_text(encoding="utf-8")
    assert "openreferral/specification" in readme and "279fd2e" in readme


def test_nothing_reads_from_beside_the_project() -> None:
    found = []
    for path in _files():
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # images and fonts hold no paths
        for number, line in enumerate(text.splitlines(), 1):
            if OUTSIDE.search(line):
                found.append(f"{path.relative_to(PROJECT)}:{number}: {line.strip()}")
    assert found == [], "copy what is needed into the project (tests/fixtures/) instead:\n" + "\n".join(found)
