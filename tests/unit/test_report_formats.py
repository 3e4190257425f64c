"""One reporting path: the escapers and renderers that problems, freshness and link reports share."""

from __future__ import annotations

import csv
import io
import re
from datetime import UTC, datetime
from pathlib import Path

import markdown as python_markdown
import pytest
from markdown_it import MarkdownIt  # a GFM renderer, as GitHub shows a job summary (rich needs it too)

from generator.check.reports import csv_report, html_report, markdown_report
from generator.check.results import LinkReport, LinkResult, Location, Outcome, Status
from generator.problems import Problem, Severity
from generator.report.formats import (
    annotation_property,
    csv_cell,
    markdown_autolink,
    markdown_cell,
    markdown_code,
    relative_path,
)
from generator.report.render import annotation, markdown_table, row_data, short_line


def rendered_cells(table: list[str], engine: str = "gfm") -> list[list[str]]:
    """The HTML of each body cell, as GitHub (GFM) or Python-Markdown (links.html) renders the table."""
    source = "\n".join(table)
    if engine == "gfm":
        html = MarkdownIt("commonmark").enable("table").render(source)
    else:
        html = python_markdown.markdown(source, extensions=["tables"])
    body = html.split("<tbody>")[1]
    return [re.findall(r"<td[^>]*>(.*?)</td>", row, re.S) for row in body.split("</tr>")[:-1]]


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("a | b", "a | b"),
        ("<script>x</script> & co", "&lt;script&gt;x&lt;/script&gt; &amp; co"),
        ("ends in a backslash \\| still one cell", "ends in a backslash \\| still one cell"),
        ("C:\\polku", "C:\\polku"),
        ("two\nlines", "two<br>lines"),
    ],
)
@pytest.mark.parametrize("engine", ["gfm", "python-markdown"])
def test_a_markdown_cell_shows_its_text_and_stays_one_cell(text: str, shown: str, engine: str) -> None:
    table = markdown_table(["a", "b"], [[markdown_cell(text), "end"]])
    assert rendered_cells(table, engine) == [[shown, "end"]]


def test_code_and_autolinks_fit_in_a_cell() -> None:
    assert markdown_code("a`b") == "``a`b``"
    assert markdown_code("`x`") == "`` `x` ``"
    assert markdown_code("a|b", cell=True) == "`a\\|b`"
    assert markdown_autolink("https://a.fi/x y|z>") == "<https://a.fi/x%20y%7Cz%3E>"
    table = markdown_table(
        ["file", "link"], [[markdown_code("a|b.yml", cell=True), markdown_autolink("https://a.fi/|")]]
    )
    assert rendered_cells(table) == [
        ["<code>a|b.yml</code>", '<a href="https://a.fi/%7C">https://a.fi/|</a>']
    ]


def test_table_headers_are_escaped_and_columns_aligned() -> None:
    assert markdown_table(["Rivi", "a|b"], [["1", "x"]], ["---:", "---"]) == [
        "| Rivi | a\\|b |",
        "| ---: | --- |",
        "| 1 | x |",
    ]


def test_paths_are_relative_with_forward_slashes(tmp_path: Path) -> None:
    assert relative_path(tmp_path / "catalogue" / "a.yml", tmp_path) == "catalogue/a.yml"
    assert relative_path(Path("/elsewhere/a.yml"), tmp_path) == "/elsewhere/a.yml"
    assert relative_path(Path("a.yml"), None) == "a.yml"


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_csv_cell_never_starts_a_formula(start: str) -> None:
    assert csv_cell(start + "1+1") == "'" + start + "1+1"
    assert csv_cell("Kela " + start) == "Kela " + start


def test_rows_in_the_one_line_formats(tmp_path: Path) -> None:
    row = Problem(tmp_path / "a,b.yml", 3, None, "owner", "Eka: viesti\nrivi", None, Severity.WARNING)
    assert short_line(row, tmp_path).endswith(
        "a,b.yml:3: " + Severity.WARNING.label + " [owner]: Eka: viesti\nrivi"
    )
    assert annotation(row, tmp_path, "Tarkistus: myöhässä") == (
        "::warning file=a%2Cb.yml,line=3,title=Tarkistus%3A myöhässä::Eka: viesti%0Arivi"
    )
    assert annotation_property("50%") == "50%25"
    assert row_data(row, tmp_path) == {
        "file": "a,b.yml",
        "line": 3,
        "column": None,
        "field": "owner",
        "severity": "warning",
        "message": "Eka: viesti\nrivi",
        "suggestion": None,
    }


def link_report(tmp_path: Path) -> LinkReport:
    result = LinkResult(
        url="https://a.fi/x|y",
        external=True,
        outcome=Outcome(Status.BROKEN, "404 <Not Found>\nreally"),
        checked_at=datetime(2025, 5, 1, tzinfo=UTC),
        locations=[Location(tmp_path / "services" / "eka.yml", 4, 7, "links.0.url", '=HYPERLINK("x") | <b>')],
    )
    return LinkReport([result], external_checked=1, root=tmp_path)


def test_link_reports_escape_what_the_catalogue_wrote(tmp_path: Path) -> None:
    report = link_report(tmp_path)
    row = next(line for line in markdown_report(report).splitlines() if line.startswith("| 4:7 |"))
    assert row == (
        '| 4:7 | =HYPERLINK("x") \\| &lt;b> | <https://a.fi/x%7Cy> | 404 &lt;Not Found><br>really '
        "| etsi sivun uusi osoite tai poista linkki |"
    )
    assert "<b>" not in html_report(report) and "&lt;b&gt;" in html_report(report)
    [written] = list(csv.DictReader(io.StringIO(csv_report(report))))
    assert written["name"] == '\'=HYPERLINK("x") | <b>'  # a spreadsheet shows it, does not run it
    assert written["file"] == "services/eka.yml" and written["line"] == "4"
