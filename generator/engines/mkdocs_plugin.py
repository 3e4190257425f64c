"""The MkDocs adapter: catalogue pages as virtual files, kept out of the nav.

MkDocs-specific code lives only here. Rendering is ``generator.render``'s job;
this plugin validates, asks for the pages, registers them with
``File.generated`` and prunes service pages from the navigation (rendering
the whole nav on every one of thousands of service pages makes the build
quadratic).

The build's own extra work runs beside MkDocs's rendering, on the other core:
the open-data files are written by a child process started once the site folder
is clean, and each service page goes to Pagefind as soon as its Markdown is
rendered, so the search bundle is written while MkDocs is busy with the theme.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page as MkDocsPage

from generator.engines.mkdocs_config import TarjotinConfig
from generator.export.process import ExportError, ExportProcess
from generator.render.colors import REGION_STYLESHEET, region_stylesheet
from generator.render.pages import Page, RenderOptions, render_pages
from generator.search.morphology import load_morphology
from generator.site import urls
from generator.validate import handoff
from generator.validate.catalogue import load_catalogue
from generator.validate.freshness import ended_warnings
from generator.validate.licence import licence_warnings
from generator.write.search_index import SearchIndexer, SearchIndexError, page_document

log = logging.getLogger("mkdocs.plugins.tarjotin")

#: Hand-written pages linked from every page's footer, in this order, when the project has them.
FOOTER_PAGES = urls.FOOTER_PAGES


class TarjotinPlugin(BasePlugin[TarjotinConfig]):
    """Generates the catalogue's pages from YAML at build time."""

    def __init__(self) -> None:
        self.pages: list[Page] = []
        self.hidden: set[str] = set()
        self.order: list[str] = []
        self.today = date.today()
        self.region_css: str | None = None
        self.catalogue_root: Path | None = None
        self.searchable: dict[str, str] = {}  # source path -> title of each page to index
        self.exports: ExportProcess | None = None
        self.search_index: SearchIndexer | None = None

    def _project_path(self, config: MkDocsConfig, value: str) -> Path:
        return (Path(config.config_file_path).parent / value).resolve()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        root = self._project_path(config, self.config.catalogue)
        catalogue, problems = handoff.take(root) or load_catalogue(root)
        project = Path(config.config_file_path).parent
        for problem in problems.warnings:
            log.warning(problem.format(project))
        if catalogue is None:
            details = "\n".join(p.format(project) for p in problems.sorted() if p in problems.errors)
            raise PluginError(
                f"Error reading the catalogue '{root}': {len(problems.errors)} error(s)\n{details}"
            )
        self.catalogue_root = root
        setting = self.config.today
        today = setting if isinstance(setting, date) else date.today()
        if isinstance(setting, str):
            try:
                today = date.fromisoformat(setting)
            except ValueError as error:
                raise PluginError(f"plugins.tarjotin.today: {error}") from None
        templates = [self._project_path(config, self.config.templates)] if self.config.templates else []
        self.pages = render_pages(
            catalogue,
            RenderOptions(
                today=today,
                template_dirs=templates,
                repo_url=config.repo_url or "",
                edit_uri=self.config.edit_path,
                site_url=config.site_url or "",
            ),
        )
        self.today = today
        self.searchable = {page.path: page.title for page in self.pages if page.searchable}
        # INFO, not WARNING: MkDocs's strict mode fails on any warning, and an ended
        # service (or a region that has not licensed its data yet) is allowed.
        # `tarjotin build` prints these as warnings itself.
        for notice in [*ended_warnings(catalogue, today), *licence_warnings(catalogue)]:
            log.info(notice.format(project))
        if self.config.search and (without_voikko := load_morphology().warning):
            log.info(without_voikko)
        self.region_css = region_stylesheet(catalogue.region)
        if self.region_css is not None and REGION_STYLESHEET not in config.extra_css:
            config.extra_css.append(REGION_STYLESHEET)
        # The theme's header and footer name the site and its owner (region.yml); through
        # config.extra, which Material's templates read and Zensical's would too.
        site = catalogue.region.site
        config.extra["tarjotin_site"] = {
            "name": site.short_name or config.site_name,
            "region": catalogue.region.name,
            "owner": site.owner or "",
        }
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        for page in self.pages:
            if files.get_file_from_path(page.path) is not None:
                raise PluginError(f"docs/{page.path} would replace a generated page; rename or remove it")
            files.append(File.generated(config, page.path, content=page.markdown))
        if self.region_css is not None:
            files.append(File.generated(config, REGION_STYLESHEET, content=self.region_css))
        self.hidden = {p.path for p in self.pages if not p.in_nav}
        self.order = [p.path for p in self.pages if p.in_nav]
        self.pages = []  # MkDocs holds the Markdown now; one copy of thousands of pages is enough
        self._start_side_work(config)
        return files

    def _start_side_work(self, config: MkDocsConfig) -> None:
        """Start the exports and the search index; the site folder has just been cleaned."""
        self._stop_side_work()  # left over from a failed build in `mkdocs serve`
        site_dir = Path(config.site_dir)
        if self.catalogue_root is not None:
            self.exports = ExportProcess(
                self.catalogue_root, site_dir, site_url=config.site_url or "", today=self.today
            )
        if self.config.search:
            try:
                self.search_index = SearchIndexer(site_dir)
            except SearchIndexError as error:
                raise PluginError(str(error)) from None

    def _stop_side_work(self) -> None:
        for work in (self.exports, self.search_index):
            if work is not None:
                work.abort()
        self.exports = self.search_index = None

    @event_priority(-100)  # after other plugins: the page as written
    def on_post_page(self, output: str, /, *, page: MkDocsPage, config: MkDocsConfig) -> str:
        if page.file.src_uri in self.hidden:
            # A page outside the nav is not shown on any other page: once written, its
            # Markdown and HTML (MkDocs keeps both until the build ends) can go. At 5,000
            # services that is most of the build's memory.
            page.markdown = page.content = None
            page.file.content_string = ""
        return output

    @event_priority(-100)  # after other plugins: index the content as the page will show it
    def on_page_content(self, html: str, /, *, page: MkDocsPage, config: MkDocsConfig, files: Files) -> str:
        title = self.searchable.get(page.file.src_uri)
        if self.search_index is not None and title is not None:
            language = str(config.theme.get("language") or "en")
            try:
                self.search_index.add_page("/" + page.url, page_document(title, html, language))
            except SearchIndexError as error:
                raise PluginError(str(error)) from None
        return html

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        if config.nav is None:  # an explicit nav in mkdocs.yml is the author's to keep
            nav.items = self._arrange(nav.items)
        for page in nav.pages:
            if page.file.src_uri in self.hidden:  # reached from listings, not "next/previous"
                page.previous_page = page.next_page = None
        nav.pages = [p for p in nav.pages if p.file.src_uri not in self.hidden]
        for position, page in enumerate(nav.pages):
            page.previous_page = nav.pages[position - 1] if position else None
            page.next_page = nav.pages[position + 1] if position + 1 < len(nav.pages) else None
        return nav

    def _arrange(self, items: list[Any]) -> list[Any]:
        """Drop hidden pages, flatten one-page sections, put generated pages first in order."""
        kept: list[Any] = []
        for item in items:
            if isinstance(item, Section):
                item.children = self._arrange(item.children)
                if not item.children:
                    continue
                if len(item.children) == 1 and isinstance(item.children[0], MkDocsPage):
                    item = item.children[0]
                    item.parent = None
            elif isinstance(item, MkDocsPage) and item.file.src_uri in self.hidden:
                continue
            kept.append(item)

        def rank(item: Any) -> int:
            uri = _first_page_uri(item)
            return self.order.index(uri) if uri in self.order else len(self.order)

        return sorted(kept, key=rank)

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        # Every page's Markdown is rendered by now; Pagefind writes while MkDocs renders the theme.
        if self.search_index is not None:
            self.search_index.write()
        # Looked up once here; the theme's footer would otherwise scan all pages on every page.
        env.globals["footer_files"] = [
            file for file in map(files.get_file_from_path, FOOTER_PAGES) if file is not None
        ]
        return env

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(str(self._project_path(config, self.config.catalogue)))
        if self.config.templates:
            server.watch(str(self._project_path(config, self.config.templates)))
        return server

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        exports, search_index = self.exports, self.search_index
        self.exports = self.search_index = None
        try:
            if exports is not None:
                exports.wait()
            if search_index is not None:
                search_index.finish()
        except (ExportError, SearchIndexError) as error:
            for work in (exports, search_index):
                if work is not None:
                    work.abort()
            raise PluginError(str(error)) from None

    def on_build_error(self, *, error: Exception) -> None:
        self._stop_side_work()

    def on_shutdown(self) -> None:
        # An interrupted build (KeyboardInterrupt, SIGTERM) reaches no on_build_error:
        # its helper processes are stopped here, before the staging folder is removed.
        self._stop_side_work()


def _first_page_uri(item: Any) -> str | None:
    if isinstance(item, MkDocsPage):
        return item.file.src_uri
    if isinstance(item, Section):
        for child in item.children:
            uri = _first_page_uri(child)
            if uri:
                return uri
    return None
