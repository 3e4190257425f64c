"""The form editor in the local mode, in Chromium: create and edit services, refuse what is missing.

The CMS runs against a temporary copy of the catalogue through decap-server
(the pinned local proxy); what it writes must validate, be what ``tarjotin
fmt`` would write, and change nothing it was not asked to change.
"""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

from playwright.sync_api import Page, expect

from generator.cms.local import LocalEditor
from generator.edit.formatting import Outcome, format_file
from generator.validate.catalogue import load_catalogue
from tests.browser.a11y import axe_violations, describe
from tests.cms.conftest import ARTIFACTS, GIT, expect_rejected_save, screenshot

#: How long to wait for the CMS (5 MB of JavaScript on a busy machine), in ms.
WAIT = 60_000
NEW_NAME = "Testipalvelu Äänekoski"
NEW_ID = "testipalvelu-aanekoski"
SECTIONS = {
    "Mitä?": "Palvelu auttaa työnhaussa.",
    "Miksi?": "Jotta pääsisit töihin.",
    "Miten?": "Soita ja sovi aika.",
    "Kenelle?": "Työttömälle.",
}


def _sign_in(page: Page, editor: LocalEditor) -> None:
    page.goto(editor.url)
    page.get_by_role("button", name="Kirjaudu").click()
    expect(page.get_by_text("Palvelut").first).to_be_visible(timeout=WAIT)


def _choose(page: Page, label: str, option: str) -> None:
    page.get_by_label(label).click()
    page.keyboard.type(option)
    page.locator('[class*="-option"]', has_text=option).first.click()


def _markdown(page: Page, label: str):  # type: ignore[no-untyped-def]
    """The Markdown editor under the field labelled ``label``."""
    return page.locator(
        f"xpath=//label[starts-with(normalize-space(), '{label}')]/following::*[@contenteditable='true'][1]"
    )


def _fill_new_service(page: Page, editor: LocalEditor, *, with_what: bool = True) -> None:
    page.goto(editor.url + "#/collections/services/new")
    page.get_by_label("Palvelun nimi").fill(NEW_NAME)
    _choose(page, "Teemat", "Kuntoutus")
    _choose(page, "Järjestäjä", "Päijät-Hämeen hyvinvointiyhtymä")
    page.get_by_label("Koko Päijät-Häme").check()
    for label, text in SECTIONS.items():
        if label == "Mitä?" and not with_what:
            continue
        _markdown(page, label).click()
        page.keyboard.type(text)
    page.get_by_role("button", name="Lisää: linkit").click()
    page.get_by_label("Linkin teksti").fill("Lisätietoa palvelusta")
    page.get_by_label("Täydellinen verkko-osoite", exact=False).fill("https://example.org/palvelu")


def _publish(page: Page) -> None:
    """Save in fs mode ("publish" writes the file at once)."""
    page.get_by_role("button", name="Julkaise").first.click()
    page.get_by_role("menuitem", name="Julkaise nyt").click()


def _wait_for(path: Path, timeout: float = 20.0) -> None:
    """Until the proxy has written the whole file (it writes in place, not atomically)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists() and path.read_bytes().endswith(b"\n"):
            return
        time.sleep(0.2)
    raise AssertionError(f"{path} was not written")


def _assert_catalogue_valid(repository: Path) -> None:
    catalogue, problems = load_catalogue(repository / "catalogue")
    assert catalogue is not None and not problems.errors, [p.message for p in problems.errors]


def test_create_a_service_through_the_form(cms_page: Page, editor: LocalEditor, repository: Path) -> None:
    page = cms_page
    _sign_in(page, editor)
    screenshot(page, "lomake-palvelut.png")
    _fill_new_service(page, editor)
    # The preview shows the sections under the page's own headings, in the page's order.
    preview = page.frame_locator("iframe").first
    expect(preview.locator("h1")).to_have_text(NEW_NAME, timeout=WAIT)
    headings = preview.locator("h2").all_inner_texts()
    assert [h for h in headings if h in SECTIONS] == list(SECTIONS)
    screenshot(page, "lomake-uusi-palvelu.png")
    _publish(page)
    written = repository / "catalogue" / "services" / f"{NEW_ID}.yml"
    _wait_for(written)
    text = written.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schemas/service.schema.json\n")
    assert "themes: [kuntoutus]\n" in text and "area: region\n" in text
    assert "what: Palvelu auttaa työnhaussa.\n" in text
    _assert_catalogue_valid(repository)
    assert format_file(written, repository / "catalogue").outcome is Outcome.UNCHANGED, "fmt would change it"


def test_edit_changes_only_the_edited_value(cms_page: Page, editor: LocalEditor, repository: Path) -> None:
    page = cms_page
    path = repository / "catalogue" / "services" / "kuntouttava-tyotoiminta.yml"
    before = path.read_text(encoding="utf-8")
    _sign_in(page, editor)
    page.goto(editor.url + "#/collections/services/entries/kuntouttava-tyotoiminta")
    what = _markdown(page, "Mitä?")
    what.click()
    page.keyboard.press("Control+A")
    page.keyboard.type("Uusi kuvaus palvelusta.")
    screenshot(page, "lomake-muokkaa-palvelua.png")
    _publish(page)
    deadline = time.monotonic() + 20
    after = before
    while time.monotonic() < deadline:
        after = path.read_text(encoding="utf-8")
        if after != before and after.endswith("\n") and "what:" in after:
            break
        time.sleep(0.2)
    assert after != before
    old_lines, new_lines = before.splitlines(), after.splitlines()
    start = next(i for i, line in enumerate(old_lines) if line.startswith("what:"))
    end = next(
        i
        for i in range(start + 1, len(old_lines))
        if not old_lines[i].startswith((" ", "\t")) and old_lines[i]
    )
    assert new_lines[:start] == old_lines[:start], "lines before `what` changed"
    assert new_lines[start] == "what: Uusi kuvaus palvelusta."
    assert new_lines[start + 1 :] == old_lines[end:], "lines after `what` changed"
    _assert_catalogue_valid(repository)
    assert format_file(path, repository / "catalogue").outcome is Outcome.UNCHANGED


def test_a_required_field_left_empty_is_refused(
    cms_page: Page, editor: LocalEditor, repository: Path
) -> None:
    page = cms_page
    _sign_in(page, editor)
    _fill_new_service(page, editor, with_what=False)
    _publish(page)
    message = page.get_by_text("pakollinen kenttä 'Mitä?' puuttuu")
    expect(message).to_be_visible(timeout=WAIT)
    screenshot(page, "lomake-pakollinen-kentta.png")
    time.sleep(1)
    expect_rejected_save(page)
    assert not (repository / "catalogue" / "services" / f"{NEW_ID}.yml").exists()


def _git(repository: Path, *args: str) -> str:
    return subprocess.run([*GIT, *args], cwd=repository, check=True, capture_output=True, text=True).stdout


def test_workflow_save_creates_a_branch_not_a_commit_on_main(
    cms_page: Page, workflow_editor: LocalEditor, repository: Path
) -> None:
    page = cms_page
    main_before = _git(repository, "rev-parse", "main").strip()
    _sign_in(page, workflow_editor)
    _fill_new_service(page, workflow_editor)
    page.get_by_role("button", name="Tallenna").click()
    branch = f"cms/services/{NEW_ID}"
    on_branch = f"{branch}:catalogue/services/{NEW_ID}.yml"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if subprocess.run([*GIT, "cat-file", "-e", on_branch], cwd=repository, check=False).returncode == 0:
            break
        time.sleep(0.3)
    assert branch in _git(repository, "branch", "--list"), _git(repository, "branch", "--list")
    assert _git(repository, "rev-parse", "main").strip() == main_before, "main got a commit"
    written = _git(repository, "show", on_branch)
    assert written.startswith("# yaml-language-server:") and f"name: {NEW_NAME}\n" in written
    on_main = subprocess.run(
        [*GIT, "cat-file", "-e", f"main:catalogue/services/{NEW_ID}.yml"], cwd=repository
    )
    assert on_main.returncode != 0, "the new file is on main"
    # The entry is now a draft in the workflow (a pull request on GitHub), not published.
    expect(page.get_by_role("button", name="Tila: Luonnos")).to_be_visible(timeout=WAIT)
    screenshot(page, "lomake-tyonkulku.png")


def test_our_parts_of_the_form_pass_axe(cms_page: Page, editor: LocalEditor) -> None:
    """Our page shell and our area field have no WCAG A/AA violations; Decap's own are recorded."""
    page = cms_page
    page.goto(editor.url)
    expect(page.get_by_role("button", name="Kirjaudu")).to_be_visible(timeout=WAIT)
    assert page.evaluate("document.documentElement.lang") == "fi"
    assert page.title().startswith("Ylläpito")
    report = ["# axe on the CMS (Decap's own elements included)", "", "## sign-in page"]
    report += describe(axe_violations(page))
    page.get_by_role("button", name="Kirjaudu").click()
    page.goto(editor.url + "#/collections/services/entries/kuntouttava-tyotoiminta")
    expect(page.locator(".tarjotin-area")).to_be_visible(timeout=WAIT)
    assert describe(axe_violations(page, context=".tarjotin-area")) == []
    report += ["", "## entry page", *describe(axe_violations(page))]
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "axe.md").write_text("\n".join(report) + "\n", encoding="utf-8")
