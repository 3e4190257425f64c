"""Plan a site from a catalogue, without any engine: ``plan_site(catalogue, options)``.

The plan (:class:`generator.site.plan.SitePlan`) is what every engine adapter
applies. Making it reads the catalogue that is already loaded and, for the
navigation and the footer, the names and titles of the hand-written pages in the
docs folder; it builds no site.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path, PurePosixPath

import yaml

from generator.load import layout
from generator.model.catalogue import Catalogue
from generator.render.colors import region_stylesheet
from generator.render.memo import RenderMemo
from generator.render.pages import render_pages
from generator.render.renderer import Page, RenderOptions
from generator.site import urls
from generator.site.plan import LINK_STYLES, REQUIRED_EXTENSIONS, FooterLink, SitePlan

__all__ = ["PlanOptions", "docs_pages", "page_title", "plan_site"]


@dataclass
class PlanOptions:
    """What a build decides besides the catalogue.

    Attributes:
        today: The date that decides which services have ended.
        engine: The engine the plan is for (``mkdocs`` or ``zensical``): it decides how
            the pages' own HTML links are written.
        docs_dir: The hand-written pages (for the navigation and the footer); none when
            ``None``.
        template_dirs: Folders whose page templates override the built-in ones.
        site_name: mkdocs.yml's ``site_name``: the header's name when region.yml gives
            no short name.
        repo_url: Repository for "suggest a change" links; none when empty.
        edit_uri: Path in the repository that ``catalogue/`` lives under.
        site_url: The site's public address; may be empty.
    """

    today: date = field(default_factory=date.today)
    engine: str = "mkdocs"
    docs_dir: Path | None = None
    template_dirs: list[Path] = field(default_factory=list)
    site_name: str = ""
    repo_url: str = ""
    edit_uri: str = ""
    site_url: str = ""

    def render_options(self) -> RenderOptions:
        return RenderOptions(
            today=self.today,
            template_dirs=list(self.template_dirs),
            repo_url=self.repo_url,
            edit_uri=self.edit_uri,
            site_url=self.site_url,
            link_style=LINK_STYLES[self.engine],
        )


def plan_site(catalogue: Catalogue, options: PlanOptions, memo: RenderMemo | None = None) -> SitePlan:
    """Everything an engine needs to build ``catalogue``'s site (see :class:`SitePlan`).

    ``memo`` is the preview's: the cards and service pages of its last plan, taken
    where nothing they are made from changed (``render/memo.py``).
    """
    if options.engine not in LINK_STYLES:
        raise ValueError(f"unknown engine '{options.engine}'; use one of: {', '.join(LINK_STYLES)}")
    rendered = render_pages(catalogue, options.render_options(), memo)
    if memo is not None:
        memo.plan_done()
    pages = [_with_sources(catalogue, page) for page in rendered]
    # No abbr glossary: the renderer writes each abbreviation out where a page first uses
    # it (generator/render/glossary.py), the same for every engine.
    extensions: dict[str, dict[str, object]] = {name: {} for name in REQUIRED_EXTENSIONS}
    assets, extra_css = {}, []
    if (css := region_stylesheet(catalogue.region)) is not None:
        assets[urls.REGION_STYLESHEET] = css
        extra_css.append(urls.REGION_STYLESHEET)
    hand_written = docs_pages(options.docs_dir) if options.docs_dir is not None else []
    footer = [
        FooterLink(path, page_title(options.docs_dir / path))
        for path in urls.FOOTER_PAGES
        if options.docs_dir is not None and path in hand_written
    ]
    site = catalogue.region.site
    return SitePlan(
        pages=pages,
        nav=[page.path for page in pages if page.in_nav] + hand_written,
        assets=assets,
        extensions=extensions,
        extra_css=extra_css,
        footer=footer,
        extra={
            # The theme's header and footer name the site and its owner (region.yml).
            "tarjotin_site": {
                "name": site.short_name or options.site_name,
                "region": catalogue.region.name,
                "owner": site.owner or "",
            },
            # The footer's links, looked up once: the theme would otherwise scan every
            # page on every page (a quadratic build). Both engines expose config.extra.
            "footer_links": [{"url": link.url, "title": link.title} for link in footer],
        },
        link_style=LINK_STYLES[options.engine],
    )


# --- the YAML behind each page -------------------------------------------------------


def _with_sources(catalogue: Catalogue, page: Page) -> Page:
    return replace(page, sources=tuple(_sources(catalogue, page)))


def _sources(catalogue: Catalogue, page: Page) -> Iterable[Path]:
    """The catalogue's files (or folders, for listings) that ``page`` is made from."""
    files = layout.CatalogueLayout(catalogue.root)
    professional = files.professional_dir
    entry = PurePosixPath(page.path).stem
    if page.kind == "service" and entry in catalogue.services_by_id:
        return [catalogue.services_by_id[entry].source]
    for kind, entries in (
        ("path", catalogue.professional.paths),
        ("case", catalogue.professional.cases),
        ("checklist", catalogue.professional.checklists),
    ):
        if page.kind == kind:
            return [item.source for item in entries if item.id == entry]
    by_kind: dict[str, list[Path]] = {
        "home": [files.region, files.services_dir],
        "services": [files.services_dir],
        "tray": [files.sections, files.services_dir],
        "themes": [files.themes],
        "theme": [files.themes, files.services_dir],
        "municipalities": [files.region],
        "municipality": [files.region, files.services_dir],
        "further-reading": [files.further_reading],
        "search": [files.themes],
        "open-data": [files.region],
        "professional": [professional, files.services_dir],
        "paths": [professional / "paths"],
        "cases": [professional / "cases"],
        "checklists": [professional / "checklists"],
        "participation": [professional / "participation.yml"],
        "glossary": [professional / "glossary.yml"],
        "field-reference": [],  # made from the models, not from the catalogue
    }
    return by_kind.get(page.kind, [catalogue.root])


# --- the hand-written pages -----------------------------------------------------------


def docs_pages(docs_dir: Path) -> list[str]:
    """The hand-written pages' source paths in MkDocs's order.

    MkDocs walks the docs folder top-down: in each folder its files (``index.md`` or
    ``README.md`` first, then by name), then its sub-folders by name.
    """

    def key(path: str) -> tuple[tuple[int, int, str], ...]:
        *folders, name = path.split("/")
        file = (0, 0 if name.rsplit(".", 1)[0] in ("index", "README") else 1, name)
        return (*((1, 0, folder) for folder in folders), file)

    if not docs_dir.is_dir():
        return []
    return sorted((p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md")), key=key)


_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?\n)---\s*\n", re.S)
_HEADING = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.M)


def page_title(path: Path) -> str:
    """A hand-written page's title as MkDocs gives it: front matter, else the first heading."""
    text = path.read_text(encoding="utf-8")
    if front := _FRONT_MATTER.match(text):
        meta = yaml.safe_load(front.group(1))
        if isinstance(meta, dict) and meta.get("title"):
            return str(meta["title"])
        text = text[front.end() :]
    if heading := _HEADING.search(text):
        return heading.group(1)
    name = path.parent.name if path.stem == "index" else path.stem
    return name.replace("-", " ").replace("_", " ").capitalize()
