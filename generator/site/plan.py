"""The site plan: everything a site engine is given to build one site.

A :class:`SitePlan` is made from a catalogue and the build's options without any
engine (``generator.render.site_plan.plan_site``): the generated pages (path,
title, Markdown, whether they are in the navigation or searchable, the YAML files
behind each), the generated assets, the Markdown extensions the pages need with
their settings, the navigation order, the footer's links and the theme's
``extra`` values. An engine adapter (``generator.engines``) only applies it: the
MkDocs plugin registers the pages as virtual files, the Zensical adapter writes
them into a staging folder. What happens after the engine — Pagefind, the
exports, the link check — reads the plan and the built HTML, the same for both.

This module holds the plan's data and the pure rules for merging it into a
project's settings; it imports nothing of the pipeline, so every stage can use it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from generator.site import urls

#: How the templates' own HTML links are written. ``served``: relative to where the
#: page is served (MkDocs leaves raw HTML alone); ``source``: relative to the folder
#: of the page's source (Zensical rewrites every relative ``href``/``src`` from there).
LinkStyle = Literal["served", "source"]
#: The link style each engine needs.
LINK_STYLES: dict[str, LinkStyle] = {"mkdocs": "served", "zensical": "source"}

#: The Markdown extensions the generated pages are written for. The plan requires
#: them and the adapters add any a project's mkdocs.yml lacks: above all
#: ``generator.render.safe_links``, the defence against ``javascript:`` links, which
#: must not depend on a region copying one line into its configuration.
REQUIRED_EXTENSIONS = (
    "admonition",
    "attr_list",
    "def_list",
    "md_in_html",
    "tables",
    "toc",
    "generator.render.safe_links",
)


#: Where a fragment's HTML goes in a page's Markdown (see :class:`Page`). An HTML comment:
#: Python-Markdown, and so both engines, pass it through untouched, inside
#: ``<div markdown>`` too; no text from the catalogue can write one, as every value is
#: escaped (``<`` becomes ``&lt;``).
FRAGMENT = "<!--tarjotin:fragment:{}-->"
_FRAGMENT = re.compile(r"<!--tarjotin:fragment:(\d+)-->")
#: How a fragment's links start: from the site root, which is a different way up from
#: each page (:func:`root_prefix`), so one fragment serves pages at any depth. Not a
#: URL scheme, so the link defence lets it through; no escaped value can write it in
#: an ``href``.
ROOT = "@root@/"


def root_prefix(path: str) -> str:
    """The way up to the site root from where the page ``path`` is served: ``../../``."""
    return "../" * urls.served_path(path).count("/")


def fill_fragments(
    text: str, path: str, fragments: Sequence[str], fill: Callable[[str], str] | None = None
) -> str:
    """The page ``path``'s ``text`` with each fragment placeholder replaced by
    ``fill(fragment)``, else by the fragment itself, its links made relative to the page."""
    if not fragments:
        return text
    up = root_prefix(path)

    def replace(match: re.Match[str]) -> str:
        fragment = fragments[int(match[1])]
        return (fill(fragment) if fill is not None else fragment).replace(ROOT, up)

    return _FRAGMENT.sub(replace, text)


@dataclass(frozen=True)
class Page:
    """One generated page.

    Attributes:
        path: Path of the Markdown source, relative to the docs folder.
        title: The page title.
        markdown: The page's Markdown, front matter included, with a placeholder
            (:data:`FRAGMENT`) for each of its ``fragments``.
        in_nav: Whether the page belongs in the global navigation.
        kind: What kind of page this is (``home``, ``service``, ``theme`` …).
        searchable: Whether the search index holds the page (current services only).
        sources: The catalogue's files and folders the page is made from.
        fragments: Markdown the page shares with other pages (the services' cards),
            converted once per build and put in the page's HTML where its placeholder
            is (``generator.render.fragments``). A region-wide service's card is on
            every municipality and theme page: converting it there each time made the
            listings three fifths of the site's Markdown.
    """

    path: str
    title: str
    markdown: str
    in_nav: bool
    kind: str
    searchable: bool = False
    sources: tuple[Path, ...] = ()
    fragments: tuple[str, ...] = ()

    @property
    def full_markdown(self) -> str:
        """The page's Markdown with its fragments' Markdown in place: what the page says."""
        return fill_fragments(self.markdown, self.path, self.fragments)


@dataclass(frozen=True)
class FooterLink:
    """A hand-written page linked from every page's footer."""

    path: str  # its source path in the docs folder
    title: str

    @property
    def url(self) -> str:
        """Its served path from the site root; the theme makes it relative (``| url``)."""
        return urls.served_path(self.path)


@dataclass
class SitePlan:
    """What every engine builds: see the module's description.

    Attributes:
        pages: The generated pages in navigation order. An adapter may hand them to
            its engine and :meth:`release_pages`; the summaries below stay.
        nav: The navigation's pages in order (source paths): the generated pages that
            belong in it, then the hand-written ones in MkDocs's order.
        assets: Generated files that are not pages, by path in the docs folder.
        extensions: The Markdown extensions the pages need, each with the settings the
            plan gives it (the glossary for ``abbr``); see :func:`merged_extensions`.
        extra_css: Stylesheets the plan adds (the region's colours).
        extra_javascript: Scripts the plan adds.
        footer: The footer's links.
        extra: Values for the theme's ``config.extra`` (``tarjotin_site``, ``footer_links``).
        link_style: How the pages' own HTML links are written (:data:`LinkStyle`).
        searchable: Source path → title of every page the search index holds.
        hidden: Source paths of the generated pages kept out of the navigation.
        fragments: Source path → fragments of every page that has some (kept when the
            pages are released: the adapter fills them in after the engine's conversion).
    """

    pages: list[Page]
    nav: list[str] = field(default_factory=list)
    assets: dict[str, str] = field(default_factory=dict)
    extensions: dict[str, dict[str, Any]] = field(default_factory=dict)
    extra_css: list[str] = field(default_factory=list)
    extra_javascript: list[str] = field(default_factory=list)
    footer: list[FooterLink] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)
    link_style: LinkStyle = "served"
    searchable: dict[str, str] = field(init=False)
    hidden: frozenset[str] = field(init=False)
    fragments: dict[str, tuple[str, ...]] = field(init=False)

    def __post_init__(self) -> None:
        self.searchable = {page.path: page.title for page in self.pages if page.searchable}
        self.hidden = frozenset(page.path for page in self.pages if not page.in_nav)
        self.fragments = {page.path: page.fragments for page in self.pages if page.fragments}

    def shared_fragments(self) -> set[str]:
        """Every distinct fragment of the pages (each converted once however many show it)."""
        return {fragment for found in self.fragments.values() for fragment in found}

    def release_pages(self) -> None:
        """Forget the pages' Markdown once the engine holds it: one copy of thousands is enough."""
        self.pages = []

    def searchable_urls(self) -> list[str]:
        """The served path of every searchable page (``palvelut/kela/``), in plan order."""
        return [urls.served_path(path) for path in self.searchable]


def _merge_settings(configured: Mapping[str, Any], planned: Mapping[str, Any]) -> dict[str, Any]:
    """The plan's settings over the project's, mappings (the glossary) merged key by key."""
    merged = dict(configured)
    for key, value in planned.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), Mapping):
            merged[key] = {**merged[key], **value}
        else:
            merged[key] = value
    return merged


def extension_entries(configured: Iterable[str | Mapping[str, Any]]) -> list[tuple[str, dict[str, Any]]]:
    """mkdocs.yml's ``markdown_extensions`` as (name, settings) pairs, in order."""
    entries = []
    for entry in configured:
        if isinstance(entry, Mapping):
            entries += [(str(name), dict(settings or {})) for name, settings in entry.items()]
        else:
            entries.append((str(entry), {}))
    return entries


def merged_extensions(
    configured: Iterable[str | Mapping[str, Any]], planned: Mapping[str, Mapping[str, Any]]
) -> list[tuple[str, dict[str, Any]]]:
    """The project's extensions with every one the plan needs: (name, settings) in order.

    A project's own extensions and settings stay in their place; a planned extension the
    project lacks is added at the end; the plan's settings are merged into the project's.
    """
    entries = extension_entries(configured)
    names = [name for name, _ in entries]
    for name, settings in planned.items():
        if name in names:
            index = names.index(name)
            entries[index] = (name, _merge_settings(entries[index][1], settings))
        else:
            entries.append((name, dict(settings)))
            names.append(name)
    return entries


def mkdocs_style(entries: Sequence[tuple[str, dict[str, Any]]]) -> list[str | dict[str, Any]]:
    """(name, settings) pairs as mkdocs.yml writes them: a name, or ``{name: settings}``."""
    return [{name: settings} if settings else name for name, settings in entries]
