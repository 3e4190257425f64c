"""Turn a catalogue into page models: Markdown documents with a path.

This module knows nothing about MkDocs. An engine adapter (see
``generator.engines``) only has to hand these pages to its site generator as
virtual files and keep service pages out of the global navigation.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    PackageLoader,
    StrictUndefined,
)
from markupsafe import Markup

from generator.export import jsonld
from generator.memory import collector_paused
from generator.model.catalogue import Catalogue, Service
from generator.render import escaping
from generator.render.field_reference import field_reference, inline_code
from generator.render.professional_pages import professional_pages
from generator.site import urls
from generator.site.labels import fill, labels_for


@dataclass(frozen=True)
class Page:
    """One generated page.

    Attributes:
        path: Path of the Markdown source, relative to the docs folder.
        title: The page title.
        markdown: The page's Markdown, front matter included.
        in_nav: Whether the page belongs in the global navigation.
        kind: What kind of page this is (``home``, ``service``, ``theme`` …).
        searchable: Whether the search index holds the page (current services only).
    """

    path: str
    title: str
    markdown: str
    in_nav: bool
    kind: str
    searchable: bool = False


@dataclass
class RenderOptions:
    """Settings that change what is rendered.

    Attributes:
        today: The date used to decide which services have ended.
        template_dirs: Folders whose templates override the built-in ones.
        repo_url: Repository for "suggest a change" links; none when empty.
        edit_uri: Path in the repository that ``catalogue/`` lives under.
        site_url: The site's public address, for absolute links in JSON-LD; may be empty.
    """

    today: date = field(default_factory=date.today)
    template_dirs: list[Path] = field(default_factory=list)
    repo_url: str = ""
    edit_uri: str = ""
    site_url: str = ""


def _depth(source: str) -> int:
    """How many folders deep a page's source is: ``palvelut/x.md`` → 1."""
    return source.count("/")


def bytecode_cache() -> FileSystemBytecodeCache | None:
    """Jinja's cache of compiled templates, or none where the temp folder cannot hold it.

    Compiling the templates is a fixed cost of every build (a third of the rendering at
    100 services). Jinja keeps the compiled code in a private per-user folder under the
    temp folder, keyed by each template's source; a build never fails for want of it.
    """
    try:
        cache = FileSystemBytecodeCache()
    except (OSError, RuntimeError):  # no temp folder, or one another user could tamper with
        return None
    return cache if os.access(cache.directory, os.W_OK) else None


class Renderer:
    """Renders the catalogue's pages from Jinja templates.

    Templates are looked up first in ``options.template_dirs`` and then in the
    package, so a region can override any of them by file name.
    """

    def __init__(self, catalogue: Catalogue, options: RenderOptions) -> None:
        self.catalogue = catalogue
        self.options = options
        self._cards: dict[tuple[int, str, str], Markup] = {}
        self.labels = labels_for(catalogue.region.label_overrides)
        self.env = Environment(
            loader=ChoiceLoader(
                [
                    FileSystemLoader([str(d) for d in options.template_dirs]),
                    PackageLoader("generator", "render/templates"),
                ]
            ),
            # Output is Markdown: `finalize` escapes every value as Markdown text and
            # marks it safe; autoescape then keeps macro output from being escaped twice.
            autoescape=True,
            finalize=escaping.finalize,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            bytecode_cache=bytecode_cache(),
        )
        self.env.filters.update(
            text=escaping.text,
            attr=escaping.attr,
            markdown=escaping.markdown,
            join=escaping.join,
            attr_join=escaping.attr_join,
            md_url=escaping.md_url,
            finnish_date=self.labels.date,
            fill=fill,
            # `routes|map('label', 'access_short')`: the label of each key in a group.
            label=lambda key, group: getattr(self.labels, f"{group}_{key}"),
        )
        self.env.globals.update(
            catalogue=catalogue,
            region=catalogue.region,
            labels=self.labels,
            today=options.today,
            urls=urls,
            json_ld=self._json_ld,
            cached_card=self._cached_card,
            current=self.current,
        )

    # --- what is listed -------------------------------------------------------------

    def current(self, services: Iterable[Service]) -> list[Service]:
        """Services still on offer (ended ones leave listings, filters and search)."""
        return [s for s in services if not s.has_ended(self.options.today)]

    # --- rendering ---------------------------------------------------------------------

    def _render(self, template: str, path: str, **context: Any) -> str:
        up = "../" * _depth(path)

        def link(target: str) -> Markup:
            """A Markdown link target: the other page's source path, from this one.

            Always up to the docs root and down again (``../palvelut/x.md`` even beside
            it), so a link depends only on how deep the page is: listings in different
            folders can share rendered cards. The engine resolves and validates it.
            """
            return Markup(up + target)

        def url(target: str) -> Markup:
            """An href for the templates' own HTML, where the engine rewrites nothing."""
            return Markup(urls.relative_url(path, target))

        return self.env.get_template(template).render(page_path=path, link=link, url=url, **context)

    def page(self, template: str, path: str, title: str, kind: str, *, in_nav: bool, **context: Any) -> Page:
        """Render one page; for modules that add pages of their own."""
        return self._page(template, path, title, kind, in_nav=in_nav, **context)

    def _page(
        self,
        template: str,
        path: str,
        title: str,
        kind: str,
        *,
        in_nav: bool,
        searchable: bool = False,
        **context: Any,
    ) -> Page:
        markdown = self._render(template, path, title=title, searchable=searchable, **context)
        return Page(
            path=path, title=title, markdown=markdown, in_nav=in_nav, kind=kind, searchable=searchable
        )

    def pages(self) -> list[Page]:
        """Every generated page, in navigation order."""
        catalogue, labels = self.catalogue, self.labels
        current = self.current(catalogue.services)
        pages = [
            self._page(
                "home.md.j2", urls.HOME, catalogue.region.site.title, "home", in_nav=True, services=current
            ),
            self._page(
                "services.md.j2",
                urls.SERVICES,
                labels.page_services,
                "services",
                in_nav=True,
                services=current,
            ),
            self._page(
                "themes.md.j2", urls.THEMES, labels.page_themes, "themes", in_nav=True, services=current
            ),
        ]
        for theme in catalogue.themes:
            pages.append(
                self._page(
                    "theme.md.j2",
                    urls.theme(theme.id),
                    theme.name,
                    "theme",
                    in_nav=True,
                    theme=theme,
                    services=self.current(catalogue.services_in_theme(theme)),
                )
            )
        pages.append(
            self._page(
                "municipalities.md.j2",
                urls.MUNICIPALITIES,
                labels.page_municipalities,
                "municipalities",
                in_nav=True,
                services=current,
            )
        )
        for municipality in catalogue.municipalities:
            pages.append(
                self._page(
                    "municipality.md.j2",
                    urls.municipality(municipality.id),
                    municipality.name,
                    "municipality",
                    in_nav=True,
                    municipality=municipality,
                    services=self.current(catalogue.services_in_municipality(municipality)),
                )
            )
        if catalogue.further_reading:
            pages.append(
                self._page(
                    "further-reading.md.j2",
                    urls.FURTHER_READING,
                    labels.page_further_reading,
                    "further-reading",
                    in_nav=True,
                )
            )
        pages.extend(professional_pages(self))
        pages.append(
            self._page("open-data.md.j2", urls.OPEN_DATA, labels.page_open_data, "open-data", in_nav=True)
        )
        pages.append(self._page("search.md.j2", urls.SEARCH, labels.page_search, "search", in_nav=False))
        pages.append(
            self._page("tray.md.j2", urls.TRAY, labels.page_tray, "tray", in_nav=False, services=current)
        )
        for service in catalogue.services:
            ended = service.has_ended(self.options.today)
            pages.append(
                self._page(
                    "service.md.j2",
                    urls.service(service.id),
                    service.name,
                    "service",
                    in_nav=False,
                    searchable=not ended,
                    service=service,
                    ended=ended,
                    edit_url=self._edit_url(service),
                    issue_url=self._issue_url(service),
                )
            )
        pages.append(
            self._page(
                "field-reference.md.j2",
                urls.FIELD_REFERENCE,
                labels.page_field_reference,
                "field-reference",
                in_nav=False,
                sections=field_reference(),
                code=inline_code,
            )
        )
        return pages

    def _cached_card(self, page_path: str, service: Service, heading: str, card: Any) -> Markup:
        """A service's card, rendered once for all listing pages at the same depth.

        A region-wide service is listed on every municipality and theme page; rendering
        its card for each one made the listings most of the generator's time. A card's
        only links come from ``link``, which depends on the page's depth alone.
        """
        key = (_depth(page_path), service.id, heading)
        if key not in self._cards:
            self._cards[key] = card(service, heading)
        return self._cards[key]

    def _json_ld(self, service: Service) -> Markup:
        """The service's schema.org JSON-LD as a front-matter value (see ``export.jsonld``)."""
        site_url = self.options.site_url.rstrip("/")
        url = urls.absolute_url(site_url, urls.service(service.id)) if site_url else None
        return Markup(jsonld.front_matter_value(jsonld.service_json_ld(service, self.catalogue.region, url)))

    def _repository_path(self, service: Service) -> str:
        """The service file's path in the repository (the catalogue's parent is its root)."""
        try:
            return service.source.relative_to(self.catalogue.root.parent).as_posix()
        except ValueError:
            return f"catalogue/services/{service.source.name}"

    def _edit_url(self, service: Service) -> str:
        if not self.options.repo_url:
            return ""
        base = self.options.repo_url.rstrip("/")
        edit = self.options.edit_uri.strip("/") or "edit/main"
        return f"{base}/{edit}/{self._repository_path(service)}"

    def _issue_url(self, service: Service) -> str:
        """A new GitHub issue about ``service``, its title and body filled in."""
        if not self.options.repo_url:
            return ""
        labels = self.labels
        title = fill(labels.issue_title, name=service.name)
        service_line = fill(labels.issue_service, name=service.name)
        file_line = fill(labels.issue_file, file=self._repository_path(service))
        body = f"{service_line}\n{file_line}\n\n{labels.issue_prompt}\n"
        query = urlencode({"title": title, "body": body}, quote_via=quote)
        return f"{self.options.repo_url.rstrip('/')}/issues/new?{query}"


def render_pages(catalogue: Catalogue, options: RenderOptions | None = None) -> list[Page]:
    """Render every page of ``catalogue``."""
    with collector_paused():  # the pages live until the site is written
        return Renderer(catalogue, options or RenderOptions()).pages()
