"""``tarjotin build`` and ``tarjotin serve`` with MkDocs: run MkDocs on a project with a plan.

The plan and the catalogue come from the command, which loaded the catalogue
once; the ``tarjotin`` plugin (``mkdocs_plugin``) applies them inside MkDocs's
events. MkDocs's errors leave this module as :class:`EngineError`, so that the
command knows nothing of MkDocs.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.commands.serve import serve as mkdocs_serve
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException

from generator.engines.errors import EngineError
from generator.engines.mkdocs_plugin import Prepared, TarjotinPlugin
from generator.model.catalogue import Catalogue
from generator.site.plan import SitePlan
from generator.site.project import PLUGIN, Project


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

    Each rebuild is MkDocs's own: the plugin loads the catalogue and plans the site.
    """
    try:
        mkdocs_serve(
            str(project.config_file), dev_addr=dev_addr, livereload=True, plugins=plugins_setting(project)
        )
    except MkDocsException as error:
        raise EngineError(str(error)) from None
