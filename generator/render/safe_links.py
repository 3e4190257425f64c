"""Which link targets are safe, and a Python-Markdown extension that defuses the rest.

Validation rejects ``javascript:`` and friends in the catalogue (``link_targets``
and ``browser_scheme`` here are what it uses, so both stages agree on what a
link is and what its scheme is); the extension is the second line of defence at
render time, for every page the engine renders (catalogue text and hand-written
pages alike).
"""

from __future__ import annotations

import functools
import html
import re
from typing import Any, NamedTuple
from xml.etree.ElementTree import Element

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE

SAFE_SCHEMES = {"", "http", "https", "mailto", "tel"}

# The WHATWG URL parser, which browsers follow: leading and trailing "C0 control or
# space" is stripped, every tab and newline removed, then a scheme is an ASCII letter
# followed by letters, digits, "+", "-" or "." up to the first ":". Python's urlsplit
# differs in these details between versions, and a browser is what runs the link.
_C0_CONTROL_OR_SPACE = "".join(chr(code) for code in range(0x21))
_TAB_OR_NEWLINE = re.compile("[\t\n\r]")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
# Python-Markdown keeps raw HTML it does not understand, such as a CommonMark
# autolink with a scheme other than http(s) (<javascript:…>), as one stashed chunk.
_STASHED_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]*:[^<>]*)>")


def browser_scheme(url: str) -> str:
    """The scheme (lower case, "" for none) a browser sees in an ``href`` or ``src``.

    ``url`` is a value in Python-Markdown's tree: the serializer keeps character
    references (``&#106;avascript:``) as they are and the browser decodes them, so
    they are decoded here first.
    """
    value = html.unescape(url.replace(AMP_SUBSTITUTE, "&"))
    value = _TAB_OR_NEWLINE.sub("", value.strip(_C0_CONTROL_OR_SPACE))
    match = _SCHEME.match(value)
    return match.group(1).lower() if match else ""


class LinkTarget(NamedTuple):
    """A link target found in Markdown: as an editor wrote it, and its scheme."""

    text: str
    scheme: str

    @classmethod
    def of(cls, url: str) -> LinkTarget:
        # As written (character references too, so an editor finds it in the file);
        # control characters would garble the message in a terminal or a CI log.
        value = url.replace(AMP_SUBSTITUTE, "&")
        text = "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in value)
        return cls(text, browser_scheme(url))


class _Collect(Treeprocessor):
    """Record every ``href`` and ``src`` in the finished tree."""

    def __init__(self, md: Markdown) -> None:
        super().__init__(md)
        self.targets: list[str] = []

    def run(self, root: Element) -> None:
        for element in root.iter():
            for attribute in ("href", "src"):
                value = element.get(attribute)
                if value is not None:
                    self.targets.append(value)


# One parser for every call: building a Markdown instance costs far more than
# converting a short text. Validation is single-threaded.
_parser: Markdown | None = None
_collector: _Collect | None = None


@functools.lru_cache(maxsize=1 << 16)
def link_targets(source: str) -> tuple[LinkTarget, ...]:
    """Every link and image target Python-Markdown makes of ``source``, as an editor wrote it.

    A real parser rather than regular expressions: Markdown has many link forms
    (inline, with a title, in angle brackets, reference-style with the definition
    anywhere in the text, images, autolinks) and a pattern that misses one lets it
    through to the site. This is the same parser the site renders with, so what it
    finds is what a page would link to. Reference definitions count even when no
    link uses them. Cached: a build validates the catalogue twice (the command,
    then the engine's plugin) and parsing is what validation spends most time on.
    """
    global _parser, _collector
    # Every Markdown link form starts with "[" or "<"; most texts have neither.
    if "[" not in source and "<" not in source:
        return ()
    if _parser is None or _collector is None:
        _parser = Markdown()
        _collector = _Collect(_parser)
        _parser.treeprocessors.register(_collector, "tarjotin_collect_links", 0)
    _parser.reset()
    _collector.targets = []
    _parser.convert(source)
    targets = list(_collector.targets)
    targets += [url for url, _title in _parser.references.values()]
    for chunk in _parser.htmlStash.rawHtmlBlocks:
        if isinstance(chunk, str) and (autolink := _STASHED_AUTOLINK.fullmatch(chunk.strip())):
            targets.append(autolink.group(1))
    return tuple(LinkTarget.of(target) for target in dict.fromkeys(targets))


class _SafeLinks(Treeprocessor):
    def run(self, root: Element) -> None:
        for element in root.iter():
            for attribute in ("href", "src"):
                value = element.get(attribute)
                if value is not None and browser_scheme(value) not in SAFE_SCHEMES:
                    _defuse(element, attribute)


def _defuse(element: Element, attribute: str) -> None:
    """Make ``element`` harmless in place, keeping its text on the page.

    The element stays in the tree, with its tail text, as a ``<span>``: deleting
    only the attribute would leave an ``<a>`` without ``href``, which MkDocs's
    link rewriting (run after us) asserts never happens, and the build crashed.
    """
    if element.tag == "a":
        element.tag = "span"
        del element.attrib[attribute]
    elif element.tag == "img":
        alt = element.get("alt", "")
        element.tag = "span"
        element.attrib.clear()
        element.text = alt
    else:
        del element.attrib[attribute]


class SafeLinksExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After inline patterns (priority 20) have created the links, before
        # MkDocs rewrites them (priority 0).
        md.treeprocessors.register(_SafeLinks(md), "tarjotin_safe_links", 1)


def makeExtension(**kwargs: Any) -> SafeLinksExtension:
    return SafeLinksExtension(**kwargs)
