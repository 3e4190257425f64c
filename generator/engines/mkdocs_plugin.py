"""The MkDocs adapter: catalogue pages as virtual files, kept out of the nav.

MkDocs-specific code lives only here. Rendering is ``generator.render``'s job;
this plugin validates, asks for the pages, registers them with
``File.generated`` and prunes service pages from the navigation (rendering
the whole nav on every one of thousands of service pages makes the build
quadratic).
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page as MkDocsPage

from generator.engines.mkdocs_config import TarjotinConfig
from generator.export.writer import ExportOptions, write_exports
from generator.model.catalogue import Catalogue
from generator.render.colors import REGION_STYLESHEET, region_stylesheet
from generator.render.glossary import abbreviations
from generator.render.pages import Page, RenderOptions, render_pages
from generator.validate import handoff
from generator.validate.catalogue import load_catalogue
from generator.validate.freshness import ended_warnings
from generator.write.search_index import build_search_index

log = logging.getLogger("mkdocs.plugins.tarjotin")


class TarjotinPlugin(BasePlugin[TarjotinConfig]):
    """Generates the catalogue's pages from YAML at build time."""

    def __init__(self) -> None:
        self.catalogue: Catalogue | None = None
        self.pages: list[Page] = []
        self.hidden: set[str] = set()
        self.order: list[str] = []
        self.today = date.today()
        self.region_css: str | None = None

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
        self.catalogue = catalogue
        self._explain_abbreviations(config, catalogue)
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
        # INFO, not WARNING: MkDocs's strict mode fails on any warning, and an ended
        # service is expected content. `tarjotin build` prints these as warnings itself.
        for notice in ended_warnings(catalogue, today):
            log.info(notice.format(project))
        self.region_css = region_stylesheet(catalogue.region)
        if self.region_css is not None and REGION_STYLESHEET not in config.extra_css:
            config.extra_css.append(REGION_STYLESHEET)
        return config

    def _explain_abbreviations(self, config: MkDocsConfig, catalogue: Catalogue) -> None:
        """Let Python-Markdown's abbr extension mark every glossary term on every page."""
        glossary = abbreviations(catalogue.professional.glossary)
        if not glossary:
            return
        if "abbr" not in config.markdown_extensions:
            config.markdown_extensions.append("abbr")
        config.mdx_configs.setdefault("abbr", {}).setdefault("glossary", {}).update(glossary)

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        for page in self.pages:
            if files.get_file_from_path(page.path) is not None:
                raise PluginError(f"docs/{page.path} would replace a generated page; rename or remove it")
            files.append(File.generated(config, page.path, content=page.markdown))
        if self.region_css is not None:
            files.append(File.generated(config, REGION_STYLESHEET, content=self.region_css))
        self.hidden = {p.path for p in self.pages if not p.in_nav}
        self.order = [p.path for p in self.pages if p.in_nav]
        return files

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

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(str(self._project_path(config, self.config.catalogue)))
        if self.config.templates:
            server.watch(str(self._project_path(config, self.config.templates)))
        return server

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.catalogue is not None:
            options = ExportOptions(site_url=config.site_url or "", today=self.today)
            write_exports(self.catalogue, Path(config.site_dir), options)
        if self.config.search:
            build_search_index(Path(config.site_dir))


def _first_page_uri(item: Any) -> str | None:
    if isinstance(item, MkDocsPage):
        return item.file.src_uri
    if isinstance(item, Section):
        for child in item.children:
            uri = _first_page_uri(child)
            if uri:
                return uri
    return None
