"""``tarjotin build`` and ``tarjotin serve`` with MkDocs: run MkDocs on a project with a plan.

The plan and the catalogue come from the command, which loaded the catalogue
once; the ``tarjotin`` plugin (``mkdocs_plugin``) applies them inside MkDocs's
events. MkDocs's errors leave this module as :class:`EngineError`, so that the
command knows nothing of MkDocs.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException
from mkdocs.livereload import LiveReloadServer, _serve_url

from generator.engines.errors import EngineError
from generator.engines.mkdocs_plugin import Prepared, TarjotinPlugin
from generator.model.catalogue import Catalogue
from generator.site.plan import SitePlan
from generator.site.project import PLUGIN, Project

log = logging.getLogger("mkdocs.commands.serve")

#: How often the preview looks for changed files, in seconds (MkDocs: 0.5). Looking
#: costs a few milliseconds at 1,000 services; a change is seen sooner.
POLLING_INTERVAL = 0.2


def plugins_setting(project: Project) -> Any:
    """mkdocs.yml's ``plugins`` with the ``tarjotin`` entry reading ``project.catalogue``.

    ``--catalogue`` may name another catalogue than mkdocs.yml does; MkDocs is given
    the same list with that one folder changed (and the plugin added if it is missing).
    """
    plugins = project.config.get("plugins") or []
    if isinstance(plugins, dict):
        settings = dict(plugins.get(PLUGIN) or {}, catalogue=str(project.catalogue))
        return {**plugins, PLUGIN: settings}
    result: list[Any] = []
    for plugin in plugins:
        name = next(iter(plugin)) if isinstance(plugin, dict) and len(plugin) == 1 else plugin
        if name == PLUGIN:
            settings = plugin[PLUGIN] if isinstance(plugin, dict) else {}
            plugin = {PLUGIN: dict(settings or {}, catalogue=str(project.catalogue))}
        result.append(plugin)
    if not project.uses_plugin:
        result.append({PLUGIN: {"catalogue": str(project.catalogue)}})
    return result


def _config(project: Project, **options: Any) -> MkDocsConfig:
    return load_config(str(project.config_file), plugins=plugins_setting(project), **options)


def _plugin(config: MkDocsConfig) -> TarjotinPlugin:
    plugin = config.plugins.get(PLUGIN)
    if not isinstance(plugin, TarjotinPlugin):  # pragma: no cover - plugins_setting adds it
        raise EngineError(f"{config.config_file_path}: the {PLUGIN} plugin is not loaded")
    return plugin


def build(
    project: Project, catalogue: Catalogue, plan: SitePlan, today: date, site_dir: Path, *, strict: bool
) -> None:
    """Build ``plan`` with MkDocs into ``site_dir``.

    Raises:
        EngineError: MkDocs refused the configuration or the build failed (the plugin's
            errors too: the exports, Pagefind).
    """
    try:
        config = _config(project, site_dir=str(site_dir), strict=strict)
        _plugin(config).prepared = Prepared(catalogue, plan, today)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(config)
        finally:
            config.plugins.on_shutdown()  # stops the helper processes before the folder goes
    except MkDocsException as error:
        raise EngineError(str(error)) from None


def serve(project: Project, dev_addr: str) -> None:
    """``mkdocs serve``: live reload, the catalogue and templates watched by the plugin.

    Each rebuild is MkDocs's own: the plugin loads the catalogue and plans the site,
    and a rebuild that fails shows its errors in the browser (``mkdocs_preview``).

    This is MkDocs 1.6's ``mkdocs.commands.serve.serve`` with one difference: each
    rebuild reads mkdocs.yml with a new ``plugins`` setting. MkDocs empties the
    entries of the list it is given while it reads them, so handing
    ``mkdocs.commands.serve.serve`` the list once made every rebuild fail with
    "Invalid Plugins configuration".
    """
    site_dir = tempfile.mkdtemp(prefix="tarjotin-serve-")

    def get_config() -> MkDocsConfig:
        return _config(project, site_dir=site_dir, dev_addr=dev_addr)

    try:
        try:
            config = get_config()
        except MkDocsException as error:
            raise EngineError(str(error)) from None
        _plugin(config).incremental = True  # the plugin decides what each dirty build rebuilds
        logging.getLogger("mkdocs.commands.build").addFilter(_no_dirty_warning)
        config.plugins.on_startup(command="serve", dirty=True)
        host, port = config.dev_addr
        mount_path = urlsplit(config.site_url or "/").path
        config.site_url = serve_url = _serve_url(host, port, mount_path)

        def builder(config: MkDocsConfig | None = None) -> None:
            log.info("Building documentation...")
            if config is None:
                config = get_config()
                config.site_url = serve_url
            mkdocs_build(config, serve_url=serve_url, dirty=True)

        server = LiveReloadServer(
            builder=builder,
            host=host,
            port=port,
            root=site_dir,
            mount_path=mount_path,
            polling_interval=POLLING_INTERVAL,
        )
        server.error_handler = lambda code: _error_page(Path(site_dir), code)
        try:
            try:
                builder(config)
            except MkDocsException as error:
                raise EngineError(str(error)) from None
            server.watch(config.docs_dir)
            if config.config_file_path:
                server.watch(config.config_file_path)
            server = config.plugins.on_serve(server, config=config, builder=builder)
            for item in config.watch:
                server.watch(item)
            try:
                server.serve()
            except KeyboardInterrupt:
                log.info("Shutting down...")
            finally:
                server.shutdown()
        finally:
            config.plugins.on_shutdown()
    finally:
        shutil.rmtree(site_dir, ignore_errors=True)


def _no_dirty_warning(record: logging.LogRecord) -> bool:
    """MkDocs warns of every dirty build, which strict mode would count; the plugin cleans when it must."""
    return not str(record.msg).startswith("A 'dirty' build is being performed")


def _error_page(site_dir: Path, code: int) -> bytes | None:
    """The site's own ``404.html`` (or ``500.html``) for a missing page, as ``mkdocs serve`` serves it."""
    page = site_dir / f"{code}.html"
    return page.read_bytes() if code in (404, 500) and page.is_file() else None
