"""Settings of ``tarjotin links``, read from the ``links:`` section of the plugin's config.

In mkdocs.yml::

    plugins:
      - tarjotin:
          links:
            timeout: 10                 # seconds per request
            retries: 2                  # extra attempts after a timeout or a 5xx answer
            retry_delay: 5              # seconds before each retry round
            max_requests_per_second: 10 # per host
            threads: 10
            cache_max_age_days: 7       # reuse ok/moved verdicts this long
            robots_txt: true            # respect robots.txt of other sites
            ignore: ['^https://example\\.org/private/']   # regexes of URLs not to check
            linkcheckerrc: linkcheckerrc  # optional LinkChecker config, read first
            max_download_bytes: 5242880 # a page bigger than this is not read (its #anchor: could not verify)
            max_download_seconds: 30    # a page taking longer to download is cut short (likewise)
            max_run_seconds: 1800       # the whole check stops after this; the rest is "could not verify"
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any


class SettingsError(ValueError):
    """A ``links:`` setting is out of range; the message names it."""


@dataclass(frozen=True)
class LinkSettings:
    """How politely and patiently external links are checked.

    Attributes:
        timeout: Seconds to wait for a connection or an answer.
        retries: How many more times a URL that timed out (or answered 5xx) is tried.
        retry_delay: Seconds to wait before each round of retries.
        max_requests_per_second: Per host. LinkChecker waits a random 1/rate to
            6/rate seconds between requests to one host (at least 0.1–0.6 s).
        threads: Parallel checks.
        cache_max_age_days: How long an ok or moved verdict is reused.
        robots_txt: Respect other sites' robots.txt (a URL it forbids is "could not verify").
        ignore: Regular expressions of URLs not to check at all.
        linkcheckerrc: A LinkChecker configuration file read before these settings,
            for anything else LinkChecker supports (user agent, cookies …).
        max_download_bytes: The most of a page that is read (to find an ``#anchor``, or to
            crawl the site); a bigger page is not read.
        max_download_seconds: The longest a page may take to download. ``timeout`` bounds
            each wait for bytes, not the whole page: a server trickling an endless page
            would otherwise hold the check for ever.
        max_run_seconds: The longest the whole check (the crawl, then the links to other
            sites with their retries) may take; what is not checked by then is reported.
    """

    timeout: float = 10
    retries: int = 2
    retry_delay: float = 5
    max_requests_per_second: float = 10
    threads: int = 10
    cache_max_age_days: float = 7
    robots_txt: bool = True
    ignore: tuple[str, ...] = ()
    linkcheckerrc: Path | None = None
    max_download_bytes: int = 5 * 1024 * 1024
    max_download_seconds: float = 30
    max_run_seconds: float = 1800

    def __post_init__(self) -> None:
        checks = {
            "timeout": self.timeout > 0,
            "retries": self.retries >= 0,
            "retry_delay": self.retry_delay >= 0,
            "max_requests_per_second": self.max_requests_per_second > 0,
            "threads": self.threads >= 1,
            "cache_max_age_days": self.cache_max_age_days >= 0,
            "max_download_bytes": self.max_download_bytes >= 1,
            "max_download_seconds": self.max_download_seconds > 0,
            "max_run_seconds": self.max_run_seconds > 0,
        }
        bad = [name for name, ok in checks.items() if not ok]
        if bad:
            raise SettingsError(
                "plugins.tarjotin.links: "
                + ", ".join(f"{name} = {getattr(self, name)!r} is out of range" for name in bad)
            )


def settings_from_mapping(values: dict[str, Any], base: Path) -> LinkSettings:
    """Settings from the plugin's validated ``links`` mapping; paths are relative to ``base``."""
    known = {k: v for k, v in values.items() if k in LinkSettings.__dataclass_fields__ and v is not None}
    if "ignore" in known:
        known["ignore"] = tuple(known["ignore"])
    if "linkcheckerrc" in known:
        known["linkcheckerrc"] = (base / known["linkcheckerrc"]).resolve()
    return LinkSettings(**known)


@dataclass(frozen=True)
class LinkProject:
    """What ``tarjotin links`` needs to know about a site project.

    Attributes:
        root: The folder of mkdocs.yml; reports and the cache go under it by default.
        docs_dir: The hand-written pages.
        catalogue: The catalogue folder the plugin reads.
        settings: The ``links:`` settings.
    """

    root: Path
    docs_dir: Path
    catalogue: Path
    settings: LinkSettings


def load_project(config_file: Path) -> LinkProject:
    """Read mkdocs.yml: its docs folder and the ``tarjotin`` plugin's catalogue and ``links:``.

    Raises:
        mkdocs.exceptions.ConfigurationError: mkdocs.yml is not valid.
        SettingsError: A ``links:`` value is out of range.
    """
    from mkdocs.config import load_config

    config = load_config(str(config_file))
    root = config_file.resolve().parent
    plugin = config.plugins.get("tarjotin")
    plugin_config = getattr(plugin, "config", None)
    catalogue = str(getattr(plugin_config, "catalogue", "catalogue"))
    links = dict(getattr(plugin_config, "links", None) or {})
    return LinkProject(
        root=root,
        docs_dir=Path(config.docs_dir),
        catalogue=(root / catalogue).resolve(),
        settings=settings_from_mapping(links, root),
    )
