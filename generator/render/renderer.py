"""What every kind of page is rendered with: the page model, the options, the renderer.

The modules of each kind of page (``listing_pages``, ``service_pages``,
``professional_pages``, ``site_pages``) ask a :class:`Renderer` for their pages;
``pages.render_pages`` puts them in navigation order. Nothing here knows about
MkDocs or about any one kind of page.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from markupsafe import Markup

from generator.memo import RoundMemo
from generator.model.catalogue import Catalogue, Service
from generator.model.facts import FactValue, service_facts
from generator.render.environment import template_environment
from generator.render.fragments import mark, take_fragments
from generator.render.glossary import Explainer, expansions
from generator.render.link_text import separate_links
from generator.render.memo import RenderMemo, own_key, shared_key
from generator.site import urls
from generator.site.labels import labels_for
from generator.site.plan import ROOT, LinkStyle, Page

__all__ = ["Page", "RenderOptions", "Renderer", "depth"]


@dataclass
class RenderOptions:
    """Settings that change what is rendered.

    Attributes:
        today: The date used to decide which services have ended.
        template_dirs: Folders whose templates override the built-in ones.
        repo_url: Repository for "suggest a change" links; none when empty.
        edit_uri: Path in the repository that ``catalogue/`` lives under.
        site_url: The site's public address, for absolute links in JSON-LD; may be empty.
        link_style: How ``href()`` writes the templates' own HTML links: for the engine
            that builds the site (:data:`generator.site.plan.LinkStyle`).
    """

    today: date = field(default_factory=date.today)
    template_dirs: list[Path] = field(default_factory=list)
    repo_url: str = ""
    edit_uri: str = ""
    site_url: str = ""
    link_style: LinkStyle = "served"


#: Pages whose text no abbreviation is written out in: the glossary itself lists every
#: term with its explanation, and the field reference quotes YAML.
UNEXPLAINED_KINDS = frozenset({"glossary", "field-reference"})


def depth(source: str) -> int:
    """How many folders deep a page's source is: ``palvelut/x.md`` → 1."""
    return source.count("/")


class Renderer:
    """Renders one catalogue's pages from the Jinja templates."""

    def __init__(self, catalogue: Catalogue, options: RenderOptions, memo: RenderMemo | None = None) -> None:
        self.catalogue = catalogue
        self.options = options
        self.labels = labels_for(catalogue.region.label_overrides)
        #: The preview's cards and service pages from the last plan (``render/memo.py``);
        #: not with templates of the project's own, which may show anything.
        self.memo = memo if memo is not None and not options.template_dirs else None
        self._fragments: RoundMemo[Markup] = self.memo.fragments if self.memo is not None else RoundMemo()
        self.shared_key = shared_key(catalogue, options) if self.memo is not None else b""
        self._own_keys: dict[str, bytes] = {}
        self.explainer = Explainer(expansions(catalogue.professional.glossary))
        self.env = template_environment(options.template_dirs, self.labels)
        self._href = urls.source_relative_url if options.link_style == "source" else urls.relative_url
        self.env.globals.update(
            catalogue=catalogue,
            region=catalogue.region,
            today=options.today,
            service_fragment=self._service_fragment,
            current=self.current,
            facts=self.facts,
        )

    def facts(self, service: Service) -> list[FactValue]:
        """The service's labelled facts (generator/model/facts.py), for every layout of it."""
        return service_facts(service.entry, self.labels)

    def own_key(self, service: Service) -> bytes:
        """With a memo: what the service's own file gives its card and page."""
        if self.memo is None:
            return b""
        if (key := self._own_keys.get(service.id)) is None:
            key = self._own_keys[service.id] = own_key(service)
        return key

    def current(self, services: Iterable[Service]) -> list[Service]:
        """Services still on offer (ended ones leave listings, filters and search)."""
        return [s for s in services if not s.has_ended(self.options.today)]

    def page(
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
        """Render ``template`` as the page at ``path`` (a source path of :mod:`generator.site.urls`)."""
        markdown = self._render(template, path, title=title, searchable=searchable, **context)
        markdown = separate_links(markdown)
        if kind not in UNEXPLAINED_KINDS:
            markdown = self.explainer.explain(markdown)
        markdown, fragments = take_fragments(markdown)  # after the glossary: the cards as the page has them
        return Page(
            path=path,
            title=title,
            markdown=markdown,
            in_nav=in_nav,
            kind=kind,
            searchable=searchable,
            fragments=fragments,
        )

    def _render(self, template: str, path: str, **context: Any) -> str:
        up = "../" * depth(path)

        def link(target: str) -> Markup:
            """A Markdown link target: the other page's source path, from this one.

            Always up to the docs root and down again (``../palvelut/x.md`` even beside
            it), so a link depends only on how deep the page is. The engine resolves and
            validates it; Markdown that pages share uses ``shared_url`` instead.
            """
            return Markup(up + target)

        def url(target: str) -> Markup:
            """A URL relative to where the page is served: for values no engine rewrites
            (``action``, ``data-*``, links inside ``<noscript>``)."""
            return Markup(urls.relative_url(path, target))

        def shared_url(target: str) -> Markup:
            """A URL for Markdown that pages share (the cards), from the site root: the
            page's way up replaces :data:`~generator.site.plan.ROOT` when the shared
            fragment is put in. No engine rewrites it: a fragment is converted apart."""
            return Markup(ROOT + urls.served_path(target))

        def href(target: str) -> Markup:
            """An ``href``/``src`` in the templates' own HTML, written for the engine:
            Zensical rewrites these from the page's source folder, MkDocs leaves them."""
            return Markup(self._href(path, target))

        return self.env.get_template(template).render(
            page_path=path, link=link, url=url, shared_url=shared_url, href=href, **context
        )

    def _service_fragment(self, service: Service, heading: str, macro: Any) -> Markup:
        """``macro(service, heading)`` rendered once for every page that shows it: a card,
        a service of the printable tray, a row of the professionals' table.

        A region-wide service is listed on every municipality and theme page; rendering
        its card for each one made the listings most of the generator's time. Such
        Markdown links only with ``shared_url``, the same on every page. The key holds
        the macro's name: a page may show full or compact cards. The result is marked as
        a fragment (``generator.render.fragments``): its HTML too is made once. In the
        preview it is rendered again only when its service or what all of them show
        changed (``render/memo.py``).
        """
        key = (self.shared_key, self.own_key(service), service.id, heading, getattr(macro, "name", ""))
        return self._fragments.get(key, lambda: Markup(mark(str(macro(service, heading)))))
