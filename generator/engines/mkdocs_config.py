"""Typed settings of the MkDocs plugin (``plugins: - tarjotin: …`` in mkdocs.yml)."""

from __future__ import annotations

from datetime import date
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from generator.check.settings import SettingsError, settings_from_mapping


class LinkSettingsOption(c.BaseConfigOption[dict[str, Any]]):
    """``links:``, the settings of ``tarjotin links``, kept as the mapping written.

    The settings are defined once, in :class:`generator.check.settings.LinkSettings`,
    which checks the mapping here too, so that ``mkdocs build`` refuses a mistyped
    key or an out-of-range value as the link check would (see
    developer-docs/links-and-freshness.md).
    """

    def __init__(self) -> None:
        super().__init__()
        self.default: dict[str, Any] = {}

    def run_validation(self, value: object) -> dict[str, Any]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise c.ValidationError(f"expected a mapping of settings, not {type(value).__name__}")
        try:
            settings_from_mapping(value)
        except SettingsError as error:
            raise c.ValidationError(str(error)) from None
        return dict(value)


class TarjotinConfig(Config):
    #: The catalogue folder, relative to mkdocs.yml.
    catalogue = c.Type(str, default="catalogue")
    #: A folder of page templates overriding the built-in ones, relative to mkdocs.yml.
    templates = c.Optional(c.Type(str))
    #: Build as if today were this date (YYYY-MM-DD); decides which services have ended.
    today = c.Optional(c.Type((str, date)))
    #: Index the built site with Pagefind for the search page.
    search = c.Type(bool, default=True)
    #: Where "Ehdota muutosta" links point, after mkdocs.yml's repo_url (e.g. "edit/main").
    edit_path = c.Type(str, default="edit/main")
    #: The engine `tarjotin build` and `tarjotin serve` use (`--engine` overrides it);
    #: `mkdocs build` is MkDocs whatever this says.
    engine = c.Choice(("mkdocs", "zensical"), default="mkdocs")
    #: Settings of `tarjotin links`: timeouts, retries, rate limit, cache age.
    links = LinkSettingsOption()
