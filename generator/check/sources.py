"""Where each URL is written: the catalogue's YAML files and the docs pages.

A link checker sees only the built HTML. Editors fix YAML, so every URL the
site links to is traced back to the file, line and column it is written on,
with the name of the service (or the item or page) it belongs to.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit, urlunsplit

from generator.check.results import Location
from generator.load.layout import FURTHER_READING_FILE, REGION_FILE, SERVICES_DIR, THEMES_FILE
from generator.load.yaml_source import FieldPath, parse_yaml, read_source
from generator.problems import Problems
from generator.site import urls as site

#: An absolute http(s) URL inside text: a Markdown link target, an autolink or a bare URL.
_URL_IN_TEXT = re.compile(r"https?://[^\s<>\"'`)\]]+")
#: Punctuation that ends a sentence rather than a bare URL.
_TRAILING = ".,;:!?"
#: The target of a Markdown link, ``[text](target)``.
_MARKDOWN_TARGET = re.compile(r"\]\(\s*<?([^)\s>]+)")


def normalise(url: str) -> str:
    """A key under which the same URL written differently (%-escapes, host case) is equal."""
    parts = urlsplit(unquote(url.strip()))
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path, parts.query, parts.fragment))


def relative_links(value: str) -> list[str]:
    """The relative Markdown link targets (``../kela/``, ``#kohta``) in a YAML value."""
    return [target for target in _MARKDOWN_TARGET.findall(value) if not urlsplit(target).scheme]


def urls_in_text(value: str) -> list[str]:
    """The absolute http(s) URLs written in a YAML value or a Markdown line."""
    stripped = value.strip()
    if re.fullmatch(r"https?://\S+", stripped):
        return [stripped]
    return [match.rstrip(_TRAILING) for match in _URL_IN_TEXT.findall(value)]


def _spellings(written: str) -> Iterator[str]:
    """How a link served as ``written`` may be written in its source, most exact first.

    MkDocs serves a docs link to ``page.md`` or ``page/index.md`` as ``page/``
    (one folder deeper with directory URLs), so the ``.md`` name is looked for too.
    """
    yield written
    path, _, fragment = written.partition("#")
    fragment = f"#{fragment}" if fragment else ""
    stem = path.rstrip("/").rsplit("/", 1)[-1]
    if stem and stem not in (".", "..") and not urlsplit(path).scheme:
        yield f"{stem}/index.md{fragment}"
        yield f"{stem}.md{fragment}"
    if path.endswith("/"):
        yield f"index.md{fragment}"
    if fragment:
        yield fragment


@dataclass
class _Text:
    """A file's text with fast (line, column) ↔ offset conversion."""

    text: str
    starts: list[int] = field(init=False)

    def __post_init__(self) -> None:
        self.starts = [0] + [i + 1 for i, char in enumerate(self.text) if char == "\n"]

    def offset(self, line: int, column: int) -> int:
        return self.starts[line - 1] + column - 1 if line - 1 < len(self.starts) else len(self.text)

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1


def _strings(data: Any, path: FieldPath = ()) -> Iterator[tuple[FieldPath, str]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _strings(value, (*path, index))
    elif isinstance(data, str):
        yield path, data


def _label(data: Any, path: FieldPath, fallback: str) -> str:
    """The name of what a field belongs to: the nearest ``name``, else the nearest ``title``."""
    chain = [data]
    for part in path[:-1]:
        node = chain[-1]
        if isinstance(node, dict) and isinstance(part, str):
            chain.append(node.get(part))
        elif isinstance(node, list) and isinstance(part, int):
            chain.append(node[part])
        else:
            chain.append(None)
    for key in ("name", "title"):
        for node in reversed(chain):
            if isinstance(node, dict) and isinstance(node.get(key), str):
                return str(node[key])
    return fallback


class SourceIndex:
    """Every place a URL is written, and the source file of each generated page.

    Args:
        catalogue: The catalogue folder (every ``*.yml`` in it is read).
        docs_dir: The folder of hand-written Markdown pages, if any.
    """

    def __init__(self, catalogue: Path, docs_dir: Path | None = None) -> None:
        self.catalogue = catalogue
        self.docs_dir = docs_dir
        self._written: dict[str, list[Location]] = {}
        self._relative: dict[str, list[Location]] = {}
        self._pages: dict[str, Location] = {}
        for path in sorted(catalogue.rglob("*.yml")):
            self._index_yaml(path)
        if docs_dir is not None and docs_dir.is_dir():
            for path in sorted(docs_dir.rglob("*.md")):
                self._index_markdown(path, docs_dir)

    # --- lookups --------------------------------------------------------------------

    def locate(self, url: str) -> list[Location]:
        """Where ``url`` is written (empty when only a template or the theme writes it)."""
        return list(self._written.get(normalise(url), []))

    def locate_relative(self, written: str) -> list[Location]:
        """Where a relative link is written in a YAML Markdown section.

        The same section may be rendered on several pages (the service's own and
        the printable tray), where a relative link resolves differently.
        """
        return list(self._relative.get(written, []))

    def page_source(self, served: str) -> Location | None:
        """The file a site page is generated from, by its served path (``palvelut/eka/``)."""
        return self._pages.get(served.lstrip("/"))

    def find_in_page_source(self, served: str, written: str) -> Location | None:
        """Where a page's source writes the link ``written`` (e.g. a relative link in a docs page).

        ``None`` when the source does not contain it: then a template wrote it.
        """
        source = self.page_source(served)
        if source is None or source.file is None or not written:
            return None
        try:
            text = _Text(source.file.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            return None
        at = next((at for spelling in _spellings(written) if (at := text.text.find(spelling)) >= 0), -1)
        if at < 0:
            return None
        line, column = text.position(at)
        return Location(source.file, line, column, source.field, source.label)

    # --- indexing ---------------------------------------------------------------------

    def _add(self, url: str, location: Location) -> None:
        self._written.setdefault(normalise(url), []).append(location)

    def _index_yaml(self, path: Path) -> None:
        # Through the catalogue's guarded reader: a link (or a linked folder) is not followed.
        raw = read_source(path, Problems(), root=self.catalogue)
        document = parse_yaml(path, raw, Problems()) if raw is not None else None
        if raw is None or document is None:  # validation reports it; nothing to trace here
            return
        text = _Text(raw.decode("utf-8-sig"))
        ends = sorted(text.offset(*position) for position in document.value_positions.values())
        for field_path, value in _strings(document.data):
            urls = urls_in_text(value)
            relative = relative_links(value)
            if not urls and not relative:
                continue
            line, column = document.value_positions[field_path]
            start = text.offset(line, column)
            end_index = bisect_right(ends, start)
            end = ends[end_index] if end_index < len(ends) else len(text.text)
            label = _label(document.data, field_path, path.stem)
            dotted = ".".join(str(part) for part in field_path)
            for url in urls:
                # The value's own text, so a URL inside a Markdown section gets its own line.
                at = text.text.find(url, start, end)
                url_line, url_column = text.position(at) if at >= 0 else (line, column)
                start = at + len(url) if at >= 0 else start
                self._add(url, Location(path, url_line, url_column, dotted, label))
            for target in relative:
                at = text.text.find(f"({target}", text.offset(line, column), end)
                target_line, target_column = text.position(at + 1) if at >= 0 else (line, column)
                location = Location(path, target_line, target_column, dotted, label)
                self._relative.setdefault(target, []).append(location)
        self._index_page_of(path, document.data)

    def _index_page_of(self, path: Path, data: Any) -> None:
        """Remember which generated pages come from this file."""
        relative = path.relative_to(self.catalogue)
        if relative.parts[:1] == (SERVICES_DIR,) and isinstance(data, dict):
            service = Location(path, label=str(data.get("name", path.stem)))
            self._pages[site.served_path(site.service(path.stem))] = service
        elif relative.as_posix() == THEMES_FILE and isinstance(data, dict):
            for theme in data.get("themes") or []:
                if isinstance(theme, dict) and "id" in theme:
                    location = Location(path, label=str(theme.get("name", theme["id"])))
                    self._pages[site.served_path(site.theme(theme["id"]))] = location
        elif relative.as_posix() == REGION_FILE and isinstance(data, dict):
            for municipality in data.get("municipalities") or []:
                if isinstance(municipality, dict) and "id" in municipality:
                    location = Location(path, label=str(municipality.get("name", municipality["id"])))
                    self._pages[site.served_path(site.municipality(municipality["id"]))] = location
        elif relative.as_posix() == FURTHER_READING_FILE:
            self._pages[site.served_path(site.FURTHER_READING)] = Location(path, label="Lisätietoa")

    def _index_markdown(self, path: Path, docs_dir: Path) -> None:
        try:
            lines = path.read_text(encoding="utf-8-sig").splitlines()
        except (OSError, UnicodeDecodeError):
            return
        title = next((line[2:].strip() for line in lines if line.startswith("# ")), path.stem)
        relative = path.relative_to(docs_dir).as_posix()
        self._pages[site.served_path(relative)] = Location(path, label=title)
        for number, line in enumerate(lines, start=1):
            start = 0
            for url in urls_in_text(line):
                at = line.find(url, start)
                start = at + len(url)
                self._add(url, Location(path, number, at + 1, "", title))
