"""`tarjotin serve` in a browser tab: a broken file shows its error in the page, a fix shows the site.

The tab is never reloaded by the test: MkDocs's live-reload script does it. Speed is
measured by ``benchmarks/preview_benchmark.py``; the bounds here are generous.
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, expect

from tests.integration.test_serve import _fetch, _free_port, _start, _stop, _wait_for


def test_preview_shows_a_broken_file_in_the_page_and_the_site_when_fixed(
    mini_project: Path, page: Page
) -> None:
    port = _free_port()
    server = _start(mini_project, port)
    url = f"http://127.0.0.1:{port}/palvelut/eka/"
    service = mini_project / "catalogue" / "services" / "eka.yml"
    original = service.read_text(encoding="utf-8")
    heading = page.get_by_role("heading", level=1)
    try:
        _wait_for(lambda: "Eka palvelu" in (_fetch(url) or ""), server, "the first build", 180)
        page.goto(url)
        expect(heading).to_have_text("Eka palvelu")

        service.write_text(original.replace("  - yksi", "\t- yksi"), encoding="utf-8")
        expect(heading).to_have_text("Luettelossa on virheitä", timeout=10_000)
        problem = page.locator("li").first
        expect(problem).to_contain_text("catalogue/services/eka.yml:9:1: virhe")
        expect(problem).to_contain_text("sisennyksessä on sarkainmerkki (tab)")
        expect(problem).to_contain_text("vihje: sisennä välilyönneillä, ei sarkaimella")

        service.write_text(original.replace("name: Eka palvelu", "name: Korjattu palvelu"), encoding="utf-8")
        expect(heading).to_have_text("Korjattu palvelu", timeout=10_000)
        assert server.poll() is None
    finally:
        stderr = _stop(server)
    assert "Traceback" not in stderr
