"""Zensical builds sites from rendered pages: a small one feature by feature, and the default site.

These run the real Zensical (``pip install 'zensical==0.0.73'``; see
developer-docs/engines.md) in a child process, as the adapter always does.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest

from generator.engines.zensical_adapter import ZensicalError, build_with_zensical, nav_from_pages
from generator.site.urls import source_relative_url

GLOSSARY = {"TYP": "Työllistymistä edistävä monialainen yhteispalvelu"}
EXTENSIONS = [
    {"abbr": {"glossary": GLOSSARY}},
    "attr_list",
    "md_in_html",
    "generator.render.safe_links",
]


def _small_site(tmp_path: Path, **changes: object) -> Path:
    docs = tmp_path / "docs"
    (docs / "assets").mkdir(parents=True)
    (docs / "assets" / "site.js").write_text("// site\n", encoding="utf-8")
    (docs / "tietoa.md").write_text("# Tietoa sivustosta\n\nKäsin kirjoitettu.\n", encoding="utf-8")
    theme = tmp_path / "theme"
    (theme / "partials").mkdir(parents=True)
    (theme / "main.html").write_text(
        '{% extends "base.html" %}\n{% block extrahead %}{{ super() }}'
        "{% if page and page.meta and page.meta.json_ld %}"
        '<script type="application/ld+json">{{ page.meta.json_ld }}</script>{% endif %}'
        '<link rel="alternate " href="{{ \'avoin-data/muutokset.xml\' | url }}">{% endblock %}\n',
        encoding="utf-8",
    )
    (theme / "partials" / "copyright.html").write_text(
        '<ul class="footer">{% for link in config.extra.footer_links | d([]) %}'
        '<li><a href="{{ link.url | url }}">{{ link.title }}</a></li>{% endfor %}</ul>\n',
        encoding="utf-8",
    )
    # The templates' own HTML links as the renderer writes them for Zensical (link_style
    # "source"); inside <noscript> they stay served-relative (Zensical leaves those alone).
    chip = source_relative_url("palvelut/kela.md", "palvelut/index.md")
    pages = {
        "index.md": "# Etusivu\n\n[Kela](palvelut/kela.md) ja TYP.\n",
        "palvelut/index.md": "# Kaikki palvelut\n\n[Kela](kela.md)\n",
        "palvelut/kela.md": (
            '---\njson_ld: \'{"@type":"GovernmentService"}\'\n---\n\n'
            "# Kela\n\n"
            f'<ul class="chips"><li><a class="chip" href="{chip}">Kaikki</a></li></ul>\n\n'
            '<noscript><p><a class="nojs" href="../../palvelut/">Kaikki</a></p></noscript>\n\n'
            "[Vaarallinen](javascript:alert(1)) ja [Etusivu](../index.md)\n"
        ),
    }
    site = tmp_path / "site"
    arguments: dict[str, object] = {
        "pages": pages,
        "site_dir": site,
        "config": {
            "site_name": "Testisivusto",
            "theme": {"name": "material", "language": "fi"},
            "extra_javascript": ["assets/site.js"],
            "extra": {"footer_links": [{"url": "tietoa/", "title": "Tietoa sivustosta"}]},
            "markdown_extensions": EXTENSIONS,
            "use_directory_urls": True,
        },
        "nav": nav_from_pages(
            [("index.md", "Etusivu"), ("palvelut/index.md", "Kaikki palvelut"), ("tietoa.md", None)]
        ),
        "docs_dir": docs,
        "theme_dir": theme,
        "assets": {"assets/region.css": ":root{--x:1}"},
        "strict": True,
    }
    arguments.update(changes)
    build_with_zensical(**arguments)  # type: ignore[arg-type]
    return site


def _target(url: str, html: str, css_class: str) -> str:
    """Where the link of ``css_class`` on the page served at ``url`` leads, from the site root."""
    found = re.search(rf'<a class="{css_class}" href="([^"]*)"', html)
    assert found is not None, css_class
    return posixpath.normpath(posixpath.join(url, found.group(1)))


def test_a_small_site_with_every_feature_the_project_uses(tmp_path: Path) -> None:
    site = _small_site(tmp_path)
    home = (site / "index.html").read_text(encoding="utf-8")
    kela = (site / "palvelut" / "kela" / "index.html").read_text(encoding="utf-8")
    # Pages written from memory, hand-written ones and assets (copied, not linked) are all there.
    assert (site / "tietoa" / "index.html").is_file()
    assert (site / "assets" / "site.js").is_file() and (site / "assets" / "region.css").is_file()
    assert 'src="../../assets/site.js"' in kela
    # The templates' own HTML links reach their page: Zensical rewrites raw HTML's href
    # from the source folder, except inside <noscript> (see urls.source_relative_url).
    assert _target("palvelut/kela/", kela, "chip") == "palvelut"
    assert _target("palvelut/kela/", kela, "nojs") == "palvelut"
    # The glossary reaches Python-Markdown's abbr extension; our own extension is loaded by name.
    assert '<abbr title="Työllistymistä edistävä monialainen yhteispalvelu">TYP</abbr>' in home
    assert "javascript:" not in kela
    # Theme overrides render under MiniJinja: front matter, the url filter, config.extra.
    assert '<script type="application/ld+json">{"@type":"GovernmentService"}</script>' in kela
    assert '<link rel="alternate " href="../../avoin-data/muutokset.xml">' in kela
    assert '<li><a href="../../tietoa/">Tietoa sivustosta</a></li>' in kela
    # A page outside the explicit nav is built but not listed.
    assert 'href="palvelut/kela/"' in home  # the link in the text
    assert "md-nav__link" in home and ">Kela<" not in home.split('class="md-content"')[0]
    # Zensical's own search index is off: it exists only as an empty stub.
    assert '"items":[]' in (site / "search.json").read_text(encoding="utf-8")


def test_a_broken_link_fails_a_strict_build_naming_the_page(tmp_path: Path) -> None:
    pages = {"index.md": "# Etusivu\n\n[Ei ole](puuttuu.md)\n"}
    with pytest.raises(ZensicalError, match=r"docs/index\.md:3:\d+: page does not exist"):
        build_with_zensical(pages, tmp_path / "site", {"site_name": "T"}, strict=True)
    assert not (tmp_path / "site").exists() or not any((tmp_path / "site").iterdir())
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # staging removed


def test_a_template_error_is_one_clear_line(tmp_path: Path) -> None:
    theme = tmp_path / "theme"
    theme.mkdir()
    # MiniJinja has no Python: string methods such as startswith do not exist.
    (theme / "main.html").write_text(
        "{% extends \"base.html\" %}{% block extrahead %}{{ 'a'.startswith('a') }}{% endblock %}",
        encoding="utf-8",
    )
    with pytest.raises(ZensicalError) as error:
        build_with_zensical({"index.md": "# E\n"}, tmp_path / "site", {"site_name": "T"}, theme_dir=theme)
    message = str(error.value)
    assert "startswith" in message and "main.html" in message and "Traceback" not in message


def test_the_built_site_joins_what_is_already_in_the_folder(tmp_path: Path) -> None:
    # The open-data files may be written beside the build; they stay.
    exports = tmp_path / "site" / "avoin-data"
    exports.mkdir(parents=True)
    (exports / "palvelut.json").write_text("{}", encoding="utf-8")
    site = _small_site(tmp_path)
    assert (site / "avoin-data" / "palvelut.json").read_text(encoding="utf-8") == "{}"
    assert (site / "palvelut" / "kela" / "index.html").is_file()
