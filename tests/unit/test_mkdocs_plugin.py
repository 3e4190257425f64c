"""The MkDocs adapter: live reload watches the catalogue; configuration errors are clear."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from generator.engines.mkdocs_plugin import TarjotinPlugin


class _Server:
    """What the plugin uses of MkDocs's LiveReloadServer: watching, and the builder and WSGI
    app that the preview's error page wraps (generator/engines/mkdocs_preview.py)."""

    def __init__(self) -> None:
        self.watched: list[str] = []
        self.builder = lambda: None
        self.app: object = lambda environ, start_response: []

    def watch(self, path: str) -> None:
        self.watched.append(path)

    def get_app(self) -> object:
        return self.app

    def set_app(self, app: object) -> None:
        self.app = app


def _plugin(project: Path) -> tuple[TarjotinPlugin, object]:
    config = load_config(str(project / "mkdocs.yml"))
    plugin = config.plugins["tarjotin"]
    assert isinstance(plugin, TarjotinPlugin)
    return plugin, config


def test_serve_watches_the_catalogue(mini_project: Path) -> None:
    plugin, config = _plugin(mini_project)
    server = _Server()
    plugin.on_serve(server, config=config, builder=None)  # type: ignore[arg-type]
    assert server.watched == [str((mini_project / "catalogue").resolve())]
    # The rebuild and the pages now go through the error page's wrappers.
    assert getattr(server.builder, "__self__", None).__class__.__name__ == "ErrorPreview"
    assert getattr(server.app, "__self__", None).__class__.__name__ == "ErrorPreview"


def test_catalogue_errors_stop_the_build_with_every_problem(mini_project: Path) -> None:
    services = mini_project / "catalogue" / "services"
    (services / "eka.yml").write_text((services / "eka.yml").read_text().replace("kuntoutus", "kuntotus"))
    (services / "toka.yml").write_text("name: [\n")
    plugin, config = _plugin(mini_project)
    with pytest.raises(PluginError) as raised:
        plugin.on_config(config)  # type: ignore[arg-type]
    message = str(raised.value)
    assert message.startswith(
        f"Error reading the catalogue '{(mini_project / 'catalogue').resolve()}': 2 error(s)"
    )
    assert "catalogue/services/eka.yml:3:" in message
    assert "catalogue/services/toka.yml:2:" in message


def test_bad_today_setting(mini_project: Path) -> None:
    config_file = mini_project / "mkdocs.yml"
    config_file.write_text(
        config_file.read_text().replace("  - tarjotin\n", "  - tarjotin:\n      today: '2024-02-30'\n")
    )
    plugin, config = _plugin(mini_project)
    with pytest.raises(PluginError, match=r"plugins\.tarjotin\.today: "):
        plugin.on_config(config)  # type: ignore[arg-type]


def test_a_plan_handed_over_by_tarjotin_build_is_used_once(mini_project: Path) -> None:
    """MkDocs keeps one plugin instance per process: the next build must not reuse the plan."""
    from datetime import date

    from generator.engines.mkdocs_plugin import Prepared
    from generator.render.site_plan import PlanOptions, plan_site
    from generator.validate.catalogue import require_catalogue

    catalogue, _ = require_catalogue(mini_project / "catalogue")
    plan = plan_site(catalogue, PlanOptions(today=date(2025, 1, 1)))
    plugin, config = _plugin(mini_project)
    plugin.prepared = Prepared(catalogue, plan, date(2025, 1, 1))
    plugin.on_config(config)  # type: ignore[arg-type]
    assert plugin.plan is plan and plugin.prepared is None
    plugin.on_config(config)  # type: ignore[arg-type]
    assert plugin.plan is not plan  # planned again, from the catalogue on disk
    assert "generator.render.safe_links" in config.markdown_extensions  # type: ignore[attr-defined]
