"""The work a build does beside the engine: the Pagefind index, and the exports (a copy of the build)."""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.export import process
from generator.export.process import ExportError, ForkedExport, ThreadExport, start_exports
from generator.export.writer import ExportOptions
from generator.site.urls import CATALOGUE_JSON, EXPORT_DIR, FEED, HSDS_SERVICES
from generator.validate.catalogue import require_catalogue
from generator.write.search_index import (
    BUNDLE_DIR,
    SearchIndexer,
    SearchIndexError,
    build_search_index,
    page_document,
)
from tests.helpers import tarjotin_build


def _fragments(bundle: Path) -> dict[str, dict[str, object]]:
    """Each indexed page's record (URL, words, filters, headings), by page URL."""
    records = {}
    for fragment in (bundle / "fragment").iterdir():
        record = json.loads(gzip.decompress(fragment.read_bytes())[len(b"pagefind_dcd") :])
        records[record["url"]] = record
    return records


def test_the_streamed_index_equals_pagefind_reading_the_built_site(
    default_site: Path, tmp_path: Path
) -> None:
    """Pages sent while MkDocs renders give Pagefind the same records as the finished HTML files."""
    site = tmp_path / "site"
    shutil.copytree(default_site, site, ignore=shutil.ignore_patterns(BUNDLE_DIR))
    searchable = [page[1:] for page in _fragments(default_site / BUNDLE_DIR)]  # the plan's, as MkDocs indexed
    build_search_index(site, searchable)
    streamed, from_files = _fragments(default_site / BUNDLE_DIR), _fragments(site / BUNDLE_DIR)
    assert streamed == from_files
    # And the same as Pagefind's own CLI reading the same files.
    cli = tmp_path / "cli-site"
    shutil.copytree(default_site, cli, ignore=shutil.ignore_patterns(BUNDLE_DIR))
    command = [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(cli),
        "--glob",
        "palvelut/**/*.html",
        "--quiet",
    ]
    subprocess.run(command, check=True, capture_output=True)
    assert _fragments(cli / BUNDLE_DIR) == from_files
    assert "/palvelut/kela/" in streamed and "/palvelut/" not in streamed  # services only
    assert streamed["/palvelut/kela/"]["filters"] == from_files["/palvelut/kela/"]["filters"] != {}
    entry = json.loads((default_site / BUNDLE_DIR / "pagefind-entry.json").read_text())
    assert entry["languages"]["fi"]["page_count"] == len(streamed)


def test_indexer_writes_a_bundle_for_the_pages_it_was_given(tmp_path: Path) -> None:
    indexer = SearchIndexer(tmp_path)
    body = (
        "<main data-pagefind-body><h1>Työhönvalmennus</h1><p>Tukea työnhakuun & <b>opiskeluun</b>.</p></main>"
    )
    indexer.add_page("/palvelut/valmennus/", page_document("Työhönvalmennus <b>", body, "fi"))
    indexer.write()
    indexer.finish()
    records = _fragments(tmp_path / BUNDLE_DIR)
    assert list(records) == ["/palvelut/valmennus/"]
    record = records["/palvelut/valmennus/"]
    assert record["meta"] == {"title": "Työhönvalmennus"}
    assert "Tukea työnhakuun & opiskeluun." in str(record["content"])
    assert json.loads((tmp_path / BUNDLE_DIR / "pagefind-entry.json").read_text())["languages"]["fi"]


def test_indexer_reports_a_bundle_it_cannot_write(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "site"
    not_a_folder.write_text("a file where the site should be")
    indexer = SearchIndexer(not_a_folder)
    indexer.add_page("/a/", page_document("A", "<main data-pagefind-body><p>sana</p></main>", "fi"))
    with pytest.raises(SearchIndexError, match=f"Pagefind could not index '{not_a_folder}'"):
        indexer.finish()


def test_indexer_reports_a_service_that_stopped_before_the_pages_were_sent(tmp_path: Path) -> None:
    indexer = SearchIndexer(tmp_path)
    indexer._process.kill()  # as if Pagefind crashed
    indexer._process.wait()
    try:
        with pytest.raises(SearchIndexError, match="Pagefind stopped"):
            indexer.add_page("/a/", page_document("A", "<p>sana</p>", "fi"))
            indexer.finish()
    finally:
        indexer.abort()
    assert not (tmp_path / BUNDLE_DIR).exists()


def test_indexer_reports_a_service_that_stopped_before_it_wrote(tmp_path: Path) -> None:
    indexer = SearchIndexer(tmp_path)
    indexer.add_page("/a/", page_document("A", "<main data-pagefind-body><p>sana</p></main>", "fi"))
    indexer._process.kill()
    with pytest.raises(SearchIndexError, match="Pagefind stopped"):
        indexer.finish()
    assert not (tmp_path / BUNDLE_DIR).exists()


FAKE_SERVICE = """\
import base64, json, sys
def answer(message_id, payload):
    message = json.dumps({"message_id": message_id, "payload": payload}).encode()
    sys.stdout.buffer.write(base64.b64encode(message) + b",")
    sys.stdout.flush()
data = b""
while chunk := sys.stdin.buffer.read1(65536):
    data += chunk
    *requests, data = data.split(b",")
    for raw in requests:
        request = json.loads(base64.b64decode(raw))
        kind = request["payload"]["type"]
        if MODE == "garbage":
            sys.stdout.write("this is not the protocol,"); sys.stdout.flush()
        elif kind == "NewIndex":
            answer(request["message_id"], {"type": "NewIndex", "index_id": 1})
        elif kind == "AddFile":
            answer(request["message_id"], {"type": "Error", "message": "could not parse the page"})
"""


def _fake_pagefind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: str) -> None:
    """A stand-in for ``pagefind --service`` (found through Pagefind's own PAGEFIND_BINARY_PATH)."""
    script = tmp_path / "pagefind"
    script.write_text(f"#!{sys.executable}\nMODE = {mode!r}\n{FAKE_SERVICE}")
    script.chmod(0o755)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(script))


def test_indexer_names_the_pages_pagefind_could_not_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fake_pagefind(tmp_path, monkeypatch, "errors")
    indexer = SearchIndexer(tmp_path / "site")
    indexer.add_page("/palvelut/a/", page_document("A", "<p>a</p>", "fi"))
    indexer.add_page("/palvelut/b/", page_document("B", "<p>b</p>", "fi"))
    with pytest.raises(SearchIndexError) as raised:
        indexer.finish()
    assert str(raised.value) == (
        f"Pagefind could not index '{tmp_path / 'site'}':\n"
        "/palvelut/a/: could not parse the page\n"
        "/palvelut/b/: could not parse the page"
    )
    assert not (tmp_path / "site").exists()


def test_indexer_stops_on_answers_it_cannot_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_pagefind(tmp_path, monkeypatch, "garbage")
    with pytest.raises(SearchIndexError, match="Pagefind answered something unreadable"):
        SearchIndexer(tmp_path / "site")


def test_page_document_escapes_title_and_language() -> None:
    document = page_document('<script>"x"</script>', "<p>body</p>", 'fi" onload="x')
    assert "<script>" not in document
    assert '<html lang="fi&quot; onload=&quot;x">' in document
    assert "<body><p>body</p></body>" in document


def test_export_command_writes_the_open_data_files(mini_project: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = CliRunner().invoke(
        main,
        [
            "export",
            "--catalogue",
            str(mini_project / "catalogue"),
            "--site-dir",
            str(site),
            "--today",
            "2025-01-01",
        ],
    )
    assert result.exit_code == 0, result.output
    for name in (CATALOGUE_JSON, HSDS_SERVICES, FEED):
        assert (site / EXPORT_DIR / name).is_file(), name
    assert not (site / "index.html").exists()  # only the open data, no site


def test_export_command_names_the_errors_and_writes_nothing(mini_project: Path, tmp_path: Path) -> None:
    region = mini_project / "catalogue" / "region.yml"
    region.write_text(region.read_text(encoding="utf-8") + "\nunknown_field: 1\n", encoding="utf-8")
    site = tmp_path / "site"
    result = CliRunner().invoke(
        main, ["export", "--catalogue", str(mini_project / "catalogue"), "-d", str(site)]
    )
    assert result.exit_code == 1
    assert "region.yml" in result.output and "unknown_field" in result.output
    assert "mitään ei kirjoitettu" in result.output
    assert not site.exists()


def _options() -> ExportOptions:
    return ExportOptions(site_url="https://x.example/", today=date(2025, 1, 1))


#: Run in a fresh interpreter: a build's process has one thread when its exports start,
#: and the test session's has more (the browser tests' Playwright, local servers), where
#: the build rightly writes them with a thread instead.
_FORKED_EXPORT = """
import json, sys
from datetime import date
from pathlib import Path

import generator.validate.catalogue as loading
from generator.export.process import ForkedExport, start_exports
from generator.export.writer import ExportOptions

catalogue, _ = loading.require_catalogue(Path(sys.argv[1]))

def must_not_load(root):
    raise AssertionError(f"the catalogue was read again from {root}")

loading.load_catalogue = must_not_load  # the copy has the loaded catalogue
options = ExportOptions(site_url="https://x.example/", today=date(2025, 1, 1))
export = start_exports(catalogue, Path(sys.argv[2]), options)
export.wait()
print(type(export).__name__)
"""


def test_the_exports_are_written_by_a_copy_of_the_build_from_the_loaded_catalogue(
    mini_catalogue: Path, tmp_path: Path
) -> None:
    done = subprocess.run(
        [sys.executable, "-c", _FORKED_EXPORT, str(mini_catalogue), str(tmp_path)],
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.strip() == ForkedExport.__name__
    data = json.loads((tmp_path / EXPORT_DIR / CATALOGUE_JSON).read_text(encoding="utf-8"))
    assert data["services"] and data["services"][0]["url"].startswith("https://x.example/")


def test_a_failed_export_names_the_folder_and_the_cause(mini_catalogue: Path, tmp_path: Path) -> None:
    catalogue, _ = require_catalogue(mini_catalogue)
    not_a_folder = tmp_path / "site"
    not_a_folder.write_text("a file where the site should be", encoding="utf-8")
    for export in (
        ForkedExport(catalogue, not_a_folder, _options()),
        ThreadExport(catalogue, not_a_folder, _options()),
    ):
        expected = re.escape(f"Writing the open-data files into '{not_a_folder}' failed: ")
        with pytest.raises(ExportError, match=expected):
            export.wait()


def test_with_threads_running_the_exports_are_written_by_a_thread(
    mini_catalogue: Path, tmp_path: Path
) -> None:
    """A forked copy of a threaded process (``mkdocs serve``) could inherit a held lock."""
    catalogue, _ = require_catalogue(mini_catalogue)
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        export = start_exports(catalogue, tmp_path, _options())
    finally:
        release.set()
        other.join()
    assert isinstance(export, ThreadExport)
    export.wait()
    assert (tmp_path / EXPORT_DIR / HSDS_SERVICES).is_file()


def test_an_aborted_export_has_ended(
    mini_catalogue: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    catalogue, _ = require_catalogue(mini_catalogue)
    monkeypatch.setattr("generator.export.writer.write_exports", lambda *args: time.sleep(60))
    export = ForkedExport(catalogue, tmp_path, _options())
    started = time.monotonic()
    export.abort()
    assert time.monotonic() - started < process.STOP_TIMEOUT
    with pytest.raises(ChildProcessError):
        os.waitpid(export.pid, os.WNOHANG)  # ended and reaped


def test_a_failing_export_fails_the_build_and_keeps_the_previous_site(
    mini_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    site = tmp_path / "site"
    assert tarjotin_build(mini_project, site).exit_code == 0
    before = sorted(p.relative_to(site) for p in site.rglob("*"))

    def crash(*args: object) -> None:
        raise RuntimeError("export crashed")

    monkeypatch.setattr("generator.export.writer.write_exports", crash)  # the copy has it too
    result = tarjotin_build(mini_project, site)
    assert result.exit_code == 1
    assert "Sivuston rakentaminen epäonnistui" in result.output
    # MkDocs logs the plugin's error, then fails the build.
    assert "Writing the open-data files into" in caplog.text and "export crashed" in caplog.text
    assert not list(tmp_path.glob(".site-*")), "no staging folder is left behind"
    assert sorted(p.relative_to(site) for p in site.rglob("*")) == before


def test_python_dash_m_generator_is_the_command() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "generator", "--help"],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "TARJOTIN_LANG": "fi"},
    )
    assert result.returncode == 0
    assert "Käyttö: tarjotin" in result.stdout and "export" in result.stdout
