"""Typed settings of the MkDocs plugin (``plugins: - tarjotin: …`` in mkdocs.yml)."""

from __future__ import annotations

from datetime import date

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class LinksConfig(Config):
    """``links:`` settings of ``tarjotin links`` (see developer-docs/links-and-freshness.md)."""

    timeout = c.Type((int, float), default=10)
    retries = c.Type(int, default=2)
    retry_delay = c.Type((int, float), default=5)
    max_requests_per_second = c.Type((int, float), default=10)
    threads = c.Type(int, default=10)
    cache_max_age_days = c.Type((int, float), default=7)
    robots_txt = c.Type(bool, default=True)
    ignore = c.ListOfItems(c.Type(str), default=[])
    linkcheckerrc = c.Optional(c.Type(str))
    max_download_bytes = c.Type(int, default=5 * 1024 * 1024)
    max_download_seconds = c.Type((int, float), default=30)
    max_run_seconds = c.Type((int, float), default=1800)


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
    #: Settings of `tarjotin links`: timeouts, retries, rate limit, cache age.
    links = c.SubConfig(LinksConfig)
