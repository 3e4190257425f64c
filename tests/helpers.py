"""Helpers shared by tests in several folders."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result

from generator.cli import main


def tarjotin_build(project: Path, site: Path, *extra: str) -> Result:
    """Run `tarjotin build` for the project folder ``project`` into ``site``."""
    return CliRunner().invoke(
        main,
        [
            "build",
            "-f",
            str(project / "mkdocs.yml"),
            "--catalogue",
            str(project / "catalogue"),
            "--site-dir",
            str(site),
            *extra,
        ],
    )
