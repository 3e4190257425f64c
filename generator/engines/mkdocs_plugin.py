"""The MkDocs adapter: applies a site plan inside MkDocs's build events.

Everything the site is made of is decided by the plan
(``generator.render.site_plan.plan_site``); this plugin only hands it to MkDocs:
the required Markdown extensions and the theme's ``extra`` values into the config
(``on_config``), the pages and assets as virtual files (``on_files``), the
navigation order with service pages pruned (``on_nav``: rendering the whole nav on
every one of thousands of service pages makes the build quadratic), each
searchable page's HTML to Pagefind (``on_page_content``), the cards' HTML into the
listings (``on_post_page``).

``tarjotin build`` loads the catalogue and makes the plan itself, then hands both
to the plugin (:attr:`TarjotinPlugin.prepared`); under a bare ``mkdocs build`` or
``mkdocs serve`` the plugin loads the catalogue and plans the site on its own.

Under ``tarjotin serve`` (``mkdocs_build.serve``) the plugin also makes the preview
show a failed rebuild's errors in the browser and rebuild only the pages a change
affects (``on_serve``, ``mkdocs_preview``).

The build's own extra work runs beside MkDocs's rendering, on the other core: the
open-data files are written by a copy of this process started once the site folder
is clean, another copy converts the cards while MkDocs converts the pages, and each
searchable page goes to Pagefind as soon as its Markdown is rendered, so the search
bundle is written while MkDocs is busy with the theme.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.utils import clean_directory

from generator.background import signals_held
from generator.engines.mkdocs_config import TarjotinConfig
from generator.engines.mkdocs_preview import ErrorPreview, Failure, Rebuilds
from generator.export.process import Export, ExportError, start_exports
from generator.export.writer import ExportOptions
from generator.model.catalogue import Catalogue
from generator.render.environment import bytecode_cache
from generator.render.fragments import FragmentRenderer
from generator.render.site_plan import PlanOptions, plan_site
from generator.search.morphology import load_morphology
from generator.site.plan import SitePlan, merged_extensions
from generator.site.project import ProjectError, parse_today, resolve_catalogue
from generator.validate.catalogue import load_catalogue
from generator.validate.freshness import ended_warnings
from generator.validate.licence import licence_warnings
from generator.write.search_index import SearchIndexer, SearchIndexError, page_document

log = logging.getLogger("mkdocs.plugins.tarjotin")


@dataclass(frozen=True)
class Prepared:
    """What ``tarjotin build`` hands the plugin: the catalogue it loaded and the plan made from it."""

    catalogue: Catalogue
    plan: SitePlan
    today: date


class TarjotinPlugin(BasePlugin[TarjotinConfig]):
    """Generates the catalogue's pages from YAML at build time."""

    def __init__(self) -> None:
        #: Set by ``tarjotin build`` before the build (and taken by ``on_config``); the
        #: plugin then loads nothing itself.
        self.prepared: Prepared | None = None
        self.plan: SitePlan | None = None
        self.catalogue: Catalogue | None = None
        self.today = date.today()
        self.rank: dict[str, int] = {}
        self.fragments: FragmentRenderer | None = None
        self.exports: Export | None = None
        self.search_index: SearchIndexer | None = None
        #: The catalogue's problems when the last ``on_config`` found errors (for the preview).
        self.failure: Failure | None = None
        #: Set by ``tarjotin serve``: each build is MkDocs's ``dirty`` build, and the plugin
        #: decides what is rebuilt (:class:`~generator.engines.mkdocs_preview.Rebuilds`).
        self.incremental = False
        self.rebuilds = Rebuilds()
        #: This build rebuilds only the pages whose Markdown changed.
        self.partial = False
        #: The navigation's HTML on the pages outside it, by the pages' folder (:meth:`_shared_nav`).
        self._navigation_html: dict[str, str] = {}

    def _project_path(self, config: MkDocsConfig, value: str) -> Path:
        return (Path(config.config_file_path).parent / value).resolve()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        # Taken once: MkDocs keeps one instance of a plugin with `on_shutdown` for the
        # whole process, so a plan left here would be reused by the next build.
        prepared, self.prepared = self.prepared, None
        self.failure = None
        if prepared is not None:
            self.catalogue, self.plan, self.today = prepared.catalogue, prepared.plan, prepared.today
        else:
            self.catalogue, self.plan, self.today = self._plan(config)
        apply_plan(config, self.plan)
        # The cards' HTML, converted once with the extensions MkDocs converts the pages with;
        # in the preview, once for all rebuilds while the extensions stay the same.
        extensions = [(name, config.mdx_configs.get(name) or {}) for name in config.markdown_extensions]
        if self.fragments is None or not self.fragments.converts_like(extensions):
            self.fragments = FragmentRenderer(extensions)
        self.partial = self.incremental and self.rebuilds.plan(
            self.plan, Path(config.config_file_path), Path(config.docs_dir)
        )
        self.rank = {path: position for position, path in enumerate(self.plan.nav)}
        return config

    def _plan(self, config: MkDocsConfig) -> tuple[Catalogue, SitePlan, date]:
        """Load the catalogue and plan the site, for a build MkDocs runs on its own."""
        root = resolve_catalogue(Path(config.config_file_path).parent, self.config.catalogue)
        catalogue, problems = load_catalogue(root, self.rebuilds.files if self.incremental else None)
        project = Path(config.config_file_path).parent
        for problem in problems.warnings:
            log.warning(problem.format(project))
        if catalogue is None:
            self.failure = (problems, project)
            details = "\n".join(p.format(project) for p in problems.sorted() if p in problems.errors)
            raise PluginError(
                f"Error reading the catalogue '{root}': {len(problems.errors)} error(s)\n{details}"
            )
        try:
            today = parse_today(self.config.today)
        except ProjectError as error:
            raise PluginError(str(error)) from None
        # INFO, not WARNING: MkDocs's strict mode fails on any warning, and an ended
        # service (or a region that has not licensed its data yet) is allowed.
        # `tarjotin build` prints these as warnings itself.
        for notice in [*ended_warnings(catalogue, today), *licence_warnings(catalogue)]:
            log.info(notice.format(project))
        if self.config.search and (without_voikko := load_morphology().warning):
            log.info(without_voikko)
        templates = self.config.templates
        options = PlanOptions(
            today=today,
            engine="mkdocs",
            docs_dir=Path(config.docs_dir),
            template_dirs=[self._project_path(config, templates)] if templates else [],
            site_name=config.site_name,
            repo_url=config.repo_url or "",
            edit_uri=self.config.edit_path,
            site_url=config.site_url or "",
        )
        return (
            catalogue,
            plan_site(catalogue, options, self.rebuilds.rendered if self.incremental else None),
            today,
        )

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if self.incremental and not self.partial:  # MkDocs's dirty build cleans nothing
            clean_directory(config.site_dir)

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        assert self.plan is not None
        for page in self.plan.pages:
            if files.get_file_from_path(page.path) is not None:
                raise PluginError(f"docs/{page.path} would replace a generated page; rename or remove it")
            files.append(File.generated(config, page.path, content=page.markdown))
        for path, content in self.plan.assets.items():
            files.append(File.generated(config, path, content=content))
        self.plan.release_pages()  # MkDocs holds the Markdown now
        if self.incremental:
            self._mark_rebuilt(files)
        if not self.partial:  # a partial build keeps the last full build's index and exports
            self._start_side_work(config)
        return files

    def _mark_rebuilt(self, files: Files) -> None:
        """In ``tarjotin serve``'s dirty builds: which pages MkDocs converts and writes again.

        Every page is, but in a partial build one that would come out as the last build
        wrote it (:meth:`Rebuilds.kept`): its HTML stays, and ``on_nav`` gives it the
        title the navigation shows.
        """
        for file in files.documentation_pages():
            keep = self.partial and self.rebuilds.kept(file.src_uri) is not None
            setattr(file, "is_modified", _page_kept if keep else _page_rebuilt)  # noqa: B010

    def _start_side_work(self, config: MkDocsConfig) -> None:
        """Start the exports, the cards and the search index; the site folder has just been
        cleaned. A stop signal arrives once all are recorded, so the cleanup stops them all."""
        with signals_held():
            self._start_helpers(config)

    def _start_helpers(self, config: MkDocsConfig) -> None:
        self._stop_side_work()  # left over from a failed build in `mkdocs serve`
        site_dir = Path(config.site_dir)
        if self.catalogue is not None:
            # Before Pagefind's threads start: the export forks this process.
            options = ExportOptions(site_url=config.site_url or "", today=self.today)
            self.exports = start_exports(self.catalogue, site_dir, options)
        if self.fragments is not None and self.plan is not None:  # also before Pagefind's threads
            self.fragments.convert_beside(self.plan.shared_fragments())
        if self.config.search:
            try:
                self.search_index = SearchIndexer(site_dir)
            except SearchIndexError as error:
                raise PluginError(str(error)) from None

    def _stop_side_work(self) -> None:
        for work in (self.exports, self.search_index, self.fragments):
            if work is not None:
                work.abort()
        self.exports = self.search_index = None

    @event_priority(100)  # before other plugins: they see the page as it will be
    def _fill_fragments(self, output: str, /, *, page: MkDocsPage, config: MkDocsConfig) -> str:
        """The cards' HTML into the page as written. Not earlier: every page's Markdown is
        converted by now, and the cards beside it (``_start_side_work``)."""
        fragments = self.plan.fragments.get(page.file.src_uri) if self.plan is not None else None
        if fragments and self.fragments is not None:
            return self.fragments.fill(output, page.file.src_uri, fragments)
        return output

    @event_priority(-100)  # after other plugins: the page as written
    def _release_page(self, output: str, /, *, page: MkDocsPage, config: MkDocsConfig) -> str:
        if self.plan is not None and page.file.src_uri in self.plan.hidden:
            # A page outside the nav is not shown on any other page: once written, its
            # Markdown and HTML (MkDocs keeps both until the build ends) can go. At 5,000
            # services that is most of the build's memory.
            page.markdown = page.content = None
            page.file.content_string = ""
        return output

    on_post_page = CombinedEvent(_fill_fragments, _release_page)

    @event_priority(-100)  # after other plugins: index the content as the page will show it
    def _index_page(self, html: str, /, *, page: MkDocsPage, config: MkDocsConfig, files: Files) -> str:
        title = self.plan.searchable.get(page.file.src_uri) if self.plan is not None else None
        if self.search_index is not None and title is not None:
            language = str(config.theme.get("language") or "en")
            try:
                self.search_index.add_page("/" + page.url, page_document(title, html, language))
            except SearchIndexError as error:
                raise PluginError(str(error)) from None
        return html

    def _remember_page(self, html: str, /, *, page: MkDocsPage, config: MkDocsConfig, files: Files) -> str:
        if self.incremental:  # for the navigation of the preview's partial builds
            self.rebuilds.remember(page.file.src_uri, page.title, page.meta)
        return html

    on_page_content = CombinedEvent(_index_page, _remember_page)

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        hidden = self.plan.hidden if self.plan is not None else frozenset()
        if self.partial:  # a page not read again has the title and metadata it was read with
            for page in nav.pages:
                if (kept := self.rebuilds.kept(page.file.src_uri)) is not None:
                    page.title, page.meta = kept[0], dict(kept[1])
        if config.nav is None:  # an explicit nav in mkdocs.yml is the author's to keep
            nav.items = self._arrange(nav.items, hidden)
        for page in nav.pages:
            if page.file.src_uri in hidden:  # reached from listings, not "next/previous"
                page.previous_page = page.next_page = None
        nav.pages = [p for p in nav.pages if p.file.src_uri not in hidden]
        for position, page in enumerate(nav.pages):
            page.previous_page = nav.pages[position - 1] if position else None
            page.next_page = nav.pages[position + 1] if position + 1 < len(nav.pages) else None
        return nav

    def _arrange(self, items: list[Any], hidden: frozenset[str]) -> list[Any]:
        """Drop hidden pages, flatten one-page sections, order as the plan's navigation."""
        kept: list[Any] = []
        for item in items:
            if isinstance(item, Section):
                item.children = self._arrange(item.children, hidden)
                if not item.children:
                    continue
                if len(item.children) == 1 and isinstance(item.children[0], MkDocsPage):
                    item = item.children[0]
                    item.parent = None
            elif isinstance(item, MkDocsPage) and item.file.src_uri in hidden:
                continue
            kept.append(item)
        last = len(self.rank)
        return sorted(kept, key=lambda item: self.rank.get(_first_page_uri(item) or "", last))

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        if env.bytecode_cache is None:  # the theme's templates compiled once, not on every build
            env.bytecode_cache = bytecode_cache()
        if self.partial:  # every page is read by now: those that would come out the same stay
            for file in files.documentation_pages():
                if self.rebuilds.written_as_before(file.src_uri):
                    setattr(file, "is_modified", _page_kept)  # noqa: B010
        # Every page's Markdown is rendered by now; Pagefind writes while MkDocs renders the theme.
        if self.search_index is not None:
            self.search_index.write()
        self._navigation_html = {}
        env.globals["tarjotin_shared_nav"] = self._shared_nav
        return env

    def _shared_nav(self, page: MkDocsPage | None, caller: Callable[[], str]) -> str:
        """The theme's navigation for ``page`` (``theme_overrides/main.html``), rendered once
        for all the pages outside the navigation in one folder.

        On such a page no navigation entry is active, and every link in it is relative to
        the page's folder, so the HTML is the same for all of them: the services' pages
        share one. Rendering it for each of them was a seventh of the build at 1,000
        services. A page in the navigation (its own entry and its section marked active)
        is rendered as it is.
        """
        if page is None or page.file.src_uri in self.rank:
            return caller()
        folder = page.url.rstrip("/").rpartition("/")[0]
        if (html := self._navigation_html.get(folder)) is None:
            html = self._navigation_html[folder] = caller()
        return html

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        ErrorPreview(server, self.take_failure)  # a failed rebuild shows its errors in the browser
        server.watch(str(self._project_path(config, self.config.catalogue)))
        if self.config.templates:
            server.watch(str(self._project_path(config, self.config.templates)))
        return server

    def take_failure(self) -> Failure | None:
        """The catalogue's problems that failed the last build, if that is why it failed (once)."""
        failure, self.failure = self.failure, None
        return failure

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.fragments is not None:  # a copy no page asked for (no listing had cards)
            self.fragments.abort()
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
        if self.incremental:
            self.rebuilds.succeeded()

    def on_build_error(self, *, error: Exception) -> None:
        self._stop_side_work()
        if self.failure is None:  # the catalogue's errors stop the build before it writes anything
            self.rebuilds.failed()  # else the next build rebuilds every page

    def on_shutdown(self) -> None:
        # An interrupted build (KeyboardInterrupt, SIGTERM) reaches no on_build_error:
        # its helper processes are stopped here, before the staging folder is removed.
        self._stop_side_work()


def _page_kept() -> bool:
    return False


def _page_rebuilt() -> bool:
    return True


def apply_plan(config: MkDocsConfig, plan: SitePlan) -> None:
    """Put the plan's Markdown extensions, stylesheets, scripts and ``extra`` values into ``config``."""
    configured = [{name: config.mdx_configs.get(name) or {}} for name in config.markdown_extensions]
    entries = merged_extensions(configured, plan.extensions)
    config.markdown_extensions = [name for name, _ in entries]
    config.mdx_configs = {name: settings for name, settings in entries if settings}
    for name in plan.extra_css:
        if name not in config.extra_css:
            config.extra_css.append(name)
    for name in plan.extra_javascript:
        if name not in config.extra_javascript:
            config.extra_javascript.append(name)
    for key, value in plan.extra.items():
        config.extra[key] = value


def _first_page_uri(item: Any) -> str | None:
    if isinstance(item, MkDocsPage):
        return item.file.src_uri
    if isinstance(item, Section):
        for child in item.children:
            uri = _first_page_uri(child)
            if uri:
                return uri
    return None
