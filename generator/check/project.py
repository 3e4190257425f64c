"""What ``tarjotin links`` needs of a site project, read from its mkdocs.yml.

The one place the link checker reads MkDocs's configuration: the docs folder and
the ``tarjotin`` plugin's ``catalogue`` and ``links:`` (whose settings are
:class:`~generator.check.settings.LinkSettings`, which knows nothing of MkDocs).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from generator.check.settings import LinkSettings, settings_from_mapping

#: The logger MkDocs writes each configuration error to before it aborts.
CONFIG_LOGGER = "mkdocs.config"


class ProjectError(Exception):
    """mkdocs.yml cannot be used; the message gives MkDocs's reasons."""


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


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def _config_errors() -> Iterator[_Collect]:
    """Collect the errors MkDocs logs while it reads mkdocs.yml, instead of printing them.

    MkDocs logs each error and then raises only "Aborted with a configuration error!";
    the reasons belong in the message the command prints (once).
    """
    logger = logging.getLogger(CONFIG_LOGGER)
    collect = _Collect()
    logger.addHandler(collect)
    propagate, logger.propagate = logger.propagate, False
    try:
        yield collect
    finally:
        logger.propagate = propagate
        logger.removeHandler(collect)


def load_project(config_file: Path) -> LinkProject:
    """Read mkdocs.yml: its docs folder and the ``tarjotin`` plugin's catalogue and ``links:``.

    The plugin's ``links`` option has already checked the settings with
    :func:`~generator.check.settings.settings_from_mapping`; an out-of-range value
    is one of MkDocs's configuration errors.

    Raises:
        ProjectError: mkdocs.yml is not valid (the message has every reason MkDocs gave).
    """
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    with _config_errors() as errors:
        try:
            config = load_config(str(config_file))
        except MkDocsException as error:  # Abort (invalid values) or ConfigurationError (YAML)
            raise ProjectError("\n".join(errors.messages) or str(error)) from None
    root = config_file.resolve().parent
    plugin = config.plugins.get("tarjotin")
    plugin_config = getattr(plugin, "config", None)
    catalogue = str(getattr(plugin_config, "catalogue", "catalogue"))
    links = getattr(plugin_config, "links", None) or {}
    return LinkProject(
        root=root,
        docs_dir=Path(config.docs_dir),
        catalogue=(root / catalogue).resolve(),
        settings=settings_from_mapping(links, root),
    )
