"""What ``tarjotin links`` needs of a site project, read from its mkdocs.yml.

The one place the link checker reads the project's configuration: the docs folder
and the ``tarjotin`` plugin's ``catalogue`` and ``links:`` (whose settings are
:class:`~generator.check.settings.LinkSettings`, which knows nothing of MkDocs).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.check.settings import LinkSettings, SettingsError, settings_from_mapping
from generator.site.project import ProjectError as SiteProjectError
from generator.site.project import read_project


class ProjectError(Exception):
    """mkdocs.yml cannot be used; the message gives the reasons."""


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

    mkdocs.yml is read without MkDocs (``generator.site.project``), as the build reads
    it; the ``links:`` mapping is checked by
    :func:`~generator.check.settings.settings_from_mapping`, as the MkDocs plugin checks it.

    Raises:
        ProjectError: mkdocs.yml is not valid (the message names every wrong setting).
    """
    try:
        project = read_project(config_file)
        settings = settings_from_mapping(project.links, project.root)
    except SiteProjectError as error:
        raise ProjectError(str(error)) from None
    except SettingsError as error:
        raise ProjectError(f"plugins.tarjotin.links: {error}") from None
    return LinkProject(
        root=project.root,
        docs_dir=project.docs_dir,
        catalogue=project.catalogue,
        settings=settings,
    )
