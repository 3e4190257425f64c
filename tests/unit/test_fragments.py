"""The services' cards: converted once per build and put into every listing that shows them."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.render.fragments import FragmentRenderer, mark, take_fragments
from generator.render.pages import render_pages
from generator.site.plan import FRAGMENT, REQUIRED_EXTENSIONS, ROOT
from generator.validate.catalogue import require_catalogue
from tests.helpers import PROJECT, run_forking

EXTENSIONS = [(name, {}) for name in REQUIRED_EXTENSIONS]


def test_a_marked_card_leaves_a_placeholder_and_comes_back_whole() -> None:
    marked = mark("## [Eka](../palvelut/eka/)\n\nTeksti.")
    page = f"# Kunta\n\n{marked}\n\nLoppu\n"
    markdown, fragments = take_fragments(page)
    assert markdown == f"# Kunta\n\n{FRAGMENT.format(0)}\n\nLoppu\n"
    assert fragments == ("## [Eka](../palvelut/eka/)\n\nTeksti.",)


def test_each_distinct_card_is_converted_once(monkeypatch: pytest.MonkeyPatch) -> None:
    renderer = FragmentRenderer(EXTENSIONS)
    converted: list[str] = []
    markdown = renderer._markdown
    convert = markdown.convert
    monkeypatch.setattr(markdown, "convert", lambda text: converted.append(text) or convert(text))
    first = f"## [Eka]({ROOT}palvelut/eka/)\n\nYksi."
    second = f'<article class="kortti" markdown>\n## [Toka]({ROOT}palvelut/toka/)\n\nKaksi.\n</article>'
    page = f"<div>\n{FRAGMENT.format(0)}\n{FRAGMENT.format(1)}\n</div>"
    # Three listings at different depths showing the same two cards.
    html = {
        path: renderer.fill(page, path, (first, second))
        for path in ("index.md", "palvelut/index.md", "kunnat/x.md")
    }
    assert converted == [first, "## [Toka](@root@/palvelut/toka/)\n\nKaksi."]
    assert html["kunnat/x.md"] == (
        '<div>\n<h2 id="eka"><a href="../../palvelut/eka/">Eka</a></h2>\n<p>Yksi.</p>\n'
        '<article class="kortti">\n<h2 id="toka"><a href="../../palvelut/toka/">Toka</a></h2>\n'
        "<p>Kaksi.</p>\n</article>\n</div>"
    )
    assert 'href="palvelut/eka/"' in html["index.md"]
    assert 'href="../palvelut/eka/"' in html["palvelut/index.md"]


def test_an_id_already_on_the_page_gets_the_suffix_the_toc_would_give() -> None:
    renderer = FragmentRenderer(EXTENSIONS)
    page = f'<h2 id="eka">Eka</h2>\n{FRAGMENT.format(0)}\n{FRAGMENT.format(1)}'
    html = renderer.fill(page, "kunnat/x.md", ("### Eka", "### Eka"))
    assert html == '<h2 id="eka">Eka</h2>\n<h3 id="eka_1">Eka</h3>\n<h3 id="eka_2">Eka</h3>'


def test_no_text_from_the_catalogue_can_end_a_card_or_write_a_placeholder(mini_catalogue: Path) -> None:
    service = mini_catalogue / "services" / "eka.yml"
    text = service.read_text(encoding="utf-8")
    forged = f"<!--/tarjotin:shared--> {FRAGMENT.format(7)}"
    service.write_text(text.replace("summary: ", f"summary: {forged} ", 1), encoding="utf-8")
    catalogue, _ = require_catalogue(mini_catalogue)
    listing = next(page for page in render_pages(catalogue) if page.path == "palvelut/index.md")
    assert len(listing.fragments) == 2  # the forged end marker ended nothing
    assert "<!--tarjotin:fragment:7-->" not in listing.full_markdown
    html = FragmentRenderer(EXTENSIONS).fill(listing.markdown, listing.path, listing.fragments)
    summary = text.split("summary: ")[1].split("\n")[0]
    assert f"<p>&lt;!--/tarjotin:shared--&gt; &lt;!--tarjotin:fragment:7--&gt; {summary}</p>" in html


def test_a_card_is_explained_as_the_page_explains_it() -> None:
    """The glossary writes a term out where the page first uses it, cards included."""
    catalogue, _ = require_catalogue(PROJECT / "catalogue")
    listing = next(page for page in render_pages(catalogue) if page.path == "palvelut/index.md")
    kela = [fragment for fragment in listing.fragments if "Kansaneläkelaitos" in fragment]
    assert kela, "the front of the listing explains Kela in its card"
    assert listing.full_markdown.count("(Kansaneläkelaitos)") == 1


def test_listings_share_their_cards_and_service_pages_have_none() -> None:
    catalogue, _ = require_catalogue(PROJECT / "catalogue")
    pages = render_pages(catalogue)
    themes = [page for page in pages if page.kind == "theme" and "Teemaan kuuluu" in page.markdown]
    assert len(themes) > 1 and all(page.fragments for page in themes)
    assert not any(page.fragments for page in pages if page.kind == "service")
    shared = set(themes[0].fragments) & set(themes[1].fragments)
    assert shared, "a service in two themes has one card Markdown for both pages"


def test_each_service_of_the_printable_tray_is_a_fragment() -> None:
    """The preview then converts only the services that changed, not the whole tray."""
    catalogue, _ = require_catalogue(PROJECT / "catalogue")
    tray = next(page for page in render_pages(catalogue) if page.kind == "tray")
    services = [f for f in tray.fragments if f.startswith('<article class="tarjotin-tray-service" markdown>')]
    assert len(services) == len(tray.fragments) == tray.full_markdown.count("tarjotin-tray-service")
    assert "tarjotin-tray-service" not in tray.markdown


_BESIDE = """
import sys
from pathlib import Path
from generator.render.fragments import FragmentRenderer
from generator.render.pages import render_pages
from generator.site.plan import REQUIRED_EXTENSIONS
from generator.validate.catalogue import require_catalogue
extensions = [(name, {}) for name in REQUIRED_EXTENSIONS]
catalogue, _ = require_catalogue(Path(sys.argv[1]))
fragments = sorted({f for page in render_pages(catalogue) for f in page.fragments})
here, beside = FragmentRenderer(extensions), FragmentRenderer(extensions)
beside.convert_beside(fragments)
assert beside._beside is not None, "one thread: the copy was forked"
assert [beside.html(f) for f in fragments] == [here.html(f) for f in fragments]
assert beside._beside is None  # taken once
print(len(fragments))
"""


def test_cards_converted_beside_the_build_are_the_cards_converted_here() -> None:
    assert int(run_forking(_BESIDE, str(PROJECT / "catalogue"))) > 50


def test_with_threads_running_the_cards_are_converted_here(monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    release = threading.Event()
    worker = threading.Thread(target=release.wait)
    worker.start()  # as under `tarjotin serve`: a forked copy could inherit a held lock
    try:
        renderer = FragmentRenderer(EXTENSIONS)
        renderer.convert_beside(["## Eka"])
        assert renderer._beside is None
        assert renderer.html("## Eka") == '<h2 id="eka">Eka</h2>'
    finally:
        release.set()
        worker.join()
