"""Read the built pages for their links and anchors.

LinkChecker judges each URL once and remembers only the first page it saw it
on. Editors need every place, so the pages LinkChecker crawled are read again
here (from disk, once each) for every link, with its line, and every anchor.

Anchors of the site's own pages are checked here too: LinkChecker's AnchorCheck
fetches and parses a page again for every different ``#anchor`` linking to it,
which on the default site is four checks in five and grows with services ×
municipalities; one parse per page gives the same answer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

#: Attributes that hold a URL the browser follows or loads.
URL_ATTRIBUTES = ("href", "src")


@dataclass(frozen=True)
class PageLink:
    """One link on a page.

    Attributes:
        target: The absolute URL (fragment included).
        written: The attribute's value as written.
        line: The line in the page's HTML.
    """

    target: str
    written: str
    line: int


@dataclass
class ScannedPage:
    """A page's anchors (``id``s and ``<a name>``s) and links."""

    url: str
    anchors: set[str] = field(default_factory=set)
    links: list[PageLink] = field(default_factory=list)


class _Parser(HTMLParser):
    def __init__(self, page: ScannedPage) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.base = page.url

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value for name, value in attrs if value is not None}
        if "id" in values:
            self.page.anchors.add(values["id"])
        if tag == "a" and "name" in values:
            self.page.anchors.add(values["name"])
        if tag == "base" and "href" in values:
            self.base = urljoin(self.page.url, values["href"])
            return
        line = self.getpos()[0]
        for attribute in URL_ATTRIBUTES:
            written = values.get(attribute, "").strip()
            if written:
                self.page.links.append(PageLink(urljoin(self.base, written), written, line))


def scan_page(html: str, url: str) -> ScannedPage:
    """The anchors and links of one page served at ``url``."""
    page = ScannedPage(url)
    parser = _Parser(page)
    parser.feed(html)
    parser.close()
    return page


def page_file(site_dir: Path, base: str, url: str) -> Path | None:
    """The built file served at ``url`` (under the site's ``base`` URL), if it is in the site."""
    address = urldefrag(url).url
    if not address.startswith(base):
        return None
    path = unquote(urlsplit(address).path)[len(urlsplit(base).path) :]
    candidate = site_dir / path
    if path == "" or path.endswith("/"):
        candidate = candidate / "index.html"
    try:
        candidate.resolve().relative_to(site_dir.resolve())
    except ValueError:  # "../" must not leave the site
        return None
    return candidate if candidate.is_file() else None


def scan_site(site_dir: Path, base: str, page_urls: list[str]) -> dict[str, ScannedPage]:
    """Scan each of ``page_urls`` (without query or fragment) once; keyed by that URL."""
    scanned: dict[str, ScannedPage] = {}
    for url in page_urls:
        key = urldefrag(url).url.split("?", 1)[0]
        if key in scanned:
            continue
        path = page_file(site_dir, base, key)
        if path is None:
            continue
        scanned[key] = scan_page(path.read_text(encoding="utf-8", errors="replace"), key)
    return scanned


def missing_anchor(link: PageLink, pages: dict[str, ScannedPage]) -> str | None:
    """The anchor ``link`` points to if its page (one of ``pages``) lacks it, else ``None``."""
    address, fragment = urldefrag(link.target)
    if not fragment:
        return None
    target = pages.get(address.split("?", 1)[0])
    if target is None:
        return None
    name = unquote(fragment)
    return None if name in target.anchors or fragment in target.anchors else name
