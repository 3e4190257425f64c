"""The editors' guide shows what the tools really say: its examples are their output.

docs/toimittajille/index.md marks each example with an HTML comment
(``<!-- tarjotin-esimerkki: … -->``, invisible on the site). The broken file it
shows is written into a copy of the shipped catalogue and `tarjotin validate`
is run on it; the guide's output block must be that output, verbatim, so the
guide cannot drift from the tool. After changing a message, rewrite the blocks
with ``TARJOTIN_UPDATE_GUIDE=1 .venv/bin/python -m pytest tests/editor/test_guide_example.py``.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from tests.editor.conftest import PROJECT, Run

GUIDE = PROJECT / "docs" / "toimittajille" / "index.md"
#: A marker comment, then the fenced block right after it.
BLOCK = re.compile(
    r"<!-- tarjotin-esimerkki: (?P<what>[^>]*?) -->\n```(?P<kind>\w+)\n(?P<body>.*?)```\n", re.S
)


def blocks() -> dict[str, re.Match[str]]:
    return {match["what"]: match for match in BLOCK.finditer(GUIDE.read_text(encoding="utf-8"))}


def check_or_update(what: str, output: str) -> None:
    match = blocks()[what]
    if os.environ.get("TARJOTIN_UPDATE_GUIDE") == "1":
        text = GUIDE.read_text(encoding="utf-8")
        GUIDE.write_text(text[: match.start("body")] + output + text[match.end("body") :], encoding="utf-8")
        return
    assert match["body"] == output, f"the guide's example is not the tool's output: {what}"


def test_the_guides_error_example_is_the_tools_output(run: Run, project: Path) -> None:
    file = next(what for what in blocks() if what.startswith("tiedosto "))
    broken = blocks()[file]
    assert broken["kind"] == "yaml"
    path = project / file.removeprefix("tiedosto ")
    path.write_text(broken["body"], encoding="utf-8")
    result = run("validate")
    assert result.exit_code == 1
    # The example shows several kinds of mistake at once, each with its line and a hint.
    assert result.stderr.count(": virhe [") >= 4
    check_or_update("tarjotin validate", result.stderr)


def test_the_guides_summary_line_is_the_tools_output(run: Run) -> None:
    result = run("validate")
    assert result.exit_code == 0, result.output
    check_or_update(
        "tarjotin validate, viimeiset rivit", "".join(result.stderr.splitlines(keepends=True)[-2:])
    )
