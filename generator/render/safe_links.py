"""Python-Markdown extension: drop links whose scheme could run code.

Validation already rejects ``javascript:`` and friends in the catalogue; this
is the second line of defence at render time, for every page the engine
renders (catalogue text and hand-written pages alike).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit
from xml.etree.ElementTree import Element

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

SAFE_SCHEMES = {"", "http", "https", "mailto", "tel"}


class _SafeLinks(Treeprocessor):
    def run(self, root: Element) -> None:
        for element in root.iter():
            for attribute in ("href", "src"):
                value = element.get(attribute)
                if value is None:
                    continue
                scheme = urlsplit(value.strip().replace("\t", "").replace("\n", "")).scheme
                if scheme.lower() not in SAFE_SCHEMES:
                    del element.attrib[attribute]


class SafeLinksExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After inline patterns (priority 20) have created the links.
        md.treeprocessors.register(_SafeLinks(md), "tarjotin_safe_links", 1)


def makeExtension(**kwargs: Any) -> SafeLinksExtension:
    return SafeLinksExtension(**kwargs)
