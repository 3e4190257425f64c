"""Markdown converted once per build however many pages show it: the services' cards.

A region-wide service's card is on the front page, the list of all services, each of
its themes' and sections' pages and every municipality's page. Each card, each
service of the printable tray and each row of the professionals' table is rendered
once and marked (:func:`mark`, through the templates' ``service_fragment``:
``Renderer._service_fragment``); :func:`take_fragments` moves the marked Markdown
out of the page into the page's ``fragments`` and leaves a placeholder
(:data:`generator.site.plan.FRAGMENT`), after the glossary has been written out on
the whole page, so the card says what it said inside the page. An engine adapter then
fills each placeholder with the fragment's HTML (:class:`FragmentRenderer`): the same
card text is converted once, however many pages show it, and in the preview once
for all rebuilds until it changes (the tray then converts only the changed service).

A fragment is converted by Python-Markdown with the project's own extensions and
settings, as the engine converts the page around it. No engine sees its HTML, so its
links are written from the site root (``shared_url()``, :data:`~generator.site.plan.ROOT`)
and made relative to each page as the fragment is put in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

import markdown as python_markdown

from generator.background import ForkedResult, can_fork
from generator.site.plan import FRAGMENT, fill_fragments

__all__ = ["FragmentRenderer", "mark", "take_fragments"]

_START, _END = "<!--tarjotin:shared-->", "<!--/tarjotin:shared-->"
#: A marked fragment. The markers are HTML comments on lines of their own, which the
#: glossary leaves alone (generator/render/glossary.py) and no escaped value can write.
_CARD = re.compile(re.escape(_START) + r"\n(.*?)\n" + re.escape(_END), re.S)
_ID = re.compile(r'(?<=\sid=")([^"]*)(?=")')
#: A fragment that is one HTML element with Markdown inside (``<article … markdown>``).
_WRAPPED = re.compile(r"\A(<([a-z]+)\b[^>\n]*?) markdown(?:=\"1\")?>\n(.*)\n</\2>\Z", re.S)


def mark(markdown: str) -> str:
    """``markdown`` marked as a fragment, for :func:`take_fragments`."""
    return f"{_START}\n{markdown.strip(chr(10))}\n{_END}"


def take_fragments(markdown: str) -> tuple[str, tuple[str, ...]]:
    """The page's Markdown with a placeholder for each marked fragment, and the fragments' Markdown."""
    fragments: list[str] = []

    def placeholder(match: re.Match[str]) -> str:
        fragments.append(match[1])
        return FRAGMENT.format(len(fragments) - 1)

    return _CARD.sub(placeholder, markdown), tuple(fragments)


class FragmentRenderer:
    """Converts fragments to HTML, each distinct one once, and puts them into pages' HTML.

    Args:
        extensions: The project's Markdown extensions as (name, settings) pairs, as the
            engine converts the pages with them (``generator.site.plan.merged_extensions``).
    """

    def __init__(self, extensions: Sequence[tuple[str, dict[str, Any]]]) -> None:
        self._extensions = repr(list(extensions))
        self._markdown = python_markdown.Markdown(
            extensions=[name for name, _ in extensions],
            extension_configs={name: settings for name, settings in extensions if settings},
        )
        self._html: dict[str, str] = {}
        self._beside: ForkedResult[dict[str, str]] | None = None

    def converts_like(self, extensions: Sequence[tuple[str, dict[str, Any]]]) -> bool:
        """Whether these extensions and settings are the ones this renderer converts with."""
        return repr(list(extensions)) == self._extensions

    def convert_beside(self, fragments: Iterable[str]) -> None:
        """Start converting ``fragments`` in a forked copy of the build, on the other core
        while the engine converts the pages; :meth:`html` takes the copy's HTML when it
        is first asked for. Where no copy can be forked (threads running, no ``fork``),
        or when the copy fails, each fragment is converted here when it is asked for."""
        todo = sorted(set(fragments) - self._html.keys())
        if todo and self._beside is None and can_fork():
            self._beside = ForkedResult(lambda: {f: self._convert(f) for f in todo}, b"tarjotin-cards")

    def abort(self) -> None:
        """Stop a conversion started by :meth:`convert_beside` (the build failed)."""
        if self._beside is not None:
            self._beside.abort()
            self._beside = None

    def html(self, fragment: str) -> str:
        """The fragment's HTML (converted the first time it is asked for)."""
        if self._beside is not None:
            converted, self._beside = self._beside.result(), None
            self._html.update(converted or {})
        if (html := self._html.get(fragment)) is None:
            html = self._html[fragment] = self._convert(fragment)
        return html

    def _convert(self, fragment: str) -> str:
        """An element with Markdown inside is written as it stands and only its inside
        converted: what ``md_in_html`` makes of it, without parsing the element's HTML
        (that parse was half the cost of a card)."""
        if wrapped := _WRAPPED.match(fragment):
            start, tag, inside = wrapped.groups()
            return f"{start}>\n{self._markdown.reset().convert(inside)}\n</{tag}>"
        return str(self._markdown.reset().convert(fragment))

    def fill(self, page_html: str, path: str, fragments: Sequence[str]) -> str:
        """The page ``path``'s HTML with each placeholder replaced by its fragment's HTML.

        A fragment's heading ids come from its own conversion; one already on the page
        (two services of the same name, or a service listed under two sections) gets the
        suffix the engine's table of contents would give it (``_1``), so ids stay unique.
        """
        taken = set(_ID.findall(page_html))

        def unique(match: re.Match[str]) -> str:
            name, number = match[1], 0
            while (candidate := f"{name}_{number}" if number else name) in taken:
                number += 1
            taken.add(candidate)
            return candidate

        return fill_fragments(
            page_html, path, fragments, lambda fragment: _ID.sub(unique, self.html(fragment))
        )
