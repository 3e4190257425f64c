"""The preview's error page (``generator/report/html.py``): everything from the catalogue is text."""

from __future__ import annotations

from pathlib import Path

from generator.problems import Problems
from generator.report.html import is_page
from generator.reporting import build_error_page, html_page


def test_every_value_of_a_problem_is_escaped(tmp_path: Path) -> None:
    file = tmp_path / "services" / "<img src=x onerror=alert(1)>.yml"
    file.parent.mkdir()
    file.write_text("name: ok\nthemes: [<script>alert(1)</script>]\n", encoding="utf-8")
    problems = Problems()
    problems.add(
        file,
        "unknown theme '<script>alert(1)</script>'",
        line=2,
        column=10,
        field="themes.<b>0</b>",
        suggestion='did you mean "<i>x</i>"?',
    )
    page = html_page(problems, tmp_path)
    assert "<script>alert" not in page and "<img" not in page and "<b>0" not in page and "<i>x" not in page
    assert "services/&lt;img src=x onerror=alert(1)&gt;.yml:2:10: virhe [themes.&lt;b&gt;0&lt;/b&gt;]" in page
    assert "2 | themes: [&lt;script&gt;alert(1)&lt;/script&gt;]" in page  # the line quoted
    assert "<h1>Luettelossa on virheitä</h1>" in page
    assert "Luettelossa on 1 virhe." in page
    assert "vihje: did you mean &quot;&lt;i&gt;x&lt;/i&gt;&quot;?" in page  # the text as given, escaped


def test_a_build_error_page_escapes_its_messages_and_may_reload_itself() -> None:
    page = build_error_page(["<script>alert(1)</script>"], refresh=2)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>" not in page
    assert '<meta http-equiv="refresh" content="2">' in page
    assert "<h1>Sivustoa ei voitu rakentaa</h1>" in page


def test_the_error_page_is_served_for_pages_only() -> None:
    assert is_page("/") and is_page("/palvelut/kela/") and is_page("/404.html") and is_page("/palvelut")
    assert not is_page("/assets/stylesheets/tarjotin.css") and not is_page("/pagefind/pagefind.js")
