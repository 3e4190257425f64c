"""Editor-tool fixtures: a temporary copy of the shipped catalogue, and the CLI run inside it."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from generator.cli import main

PROJECT = Path(__file__).parent.parent.parent

Run = Callable[..., Result]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the real catalogue and its schemas; the working folder for the test."""
    target = tmp_path / "project"
    target.mkdir()
    shutil.copytree(PROJECT / "catalogue", target / "catalogue")
    shutil.copytree(PROJECT / "schemas", target / "schemas")
    monkeypatch.chdir(target)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    return target


@pytest.fixture
def run(project: Path) -> Run:
    """Run ``tarjotin ARGS…`` in the project copy; ``input`` answers its questions."""

    def invoke(*args: str, input: str | None = None) -> Result:
        return CliRunner().invoke(main, list(args), input=input)

    return invoke
