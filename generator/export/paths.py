"""Where the open-data files go inside the built site, and how they are named.

The folder is the same as the "Avoin data" page's URL (``avoin-data/``), so the
page links to the files by their bare names.
"""

from __future__ import annotations

#: The folder in the site that holds every export (and the "Avoin data" page).
EXPORT_DIR = "avoin-data"
#: The "Avoin data" page's Markdown source.
OPEN_DATA_PAGE = f"{EXPORT_DIR}.md"

CATALOGUE_JSON = "palvelut.json"
CATALOGUE_CSV = "palvelut.csv"
HSDS_SERVICES = "hsds/services.json"
HSDS_ORGANIZATIONS = "hsds/organizations.json"
FEED = "muutokset.xml"

#: Every file written, relative to :data:`EXPORT_DIR`.
ALL_FILES = (CATALOGUE_JSON, CATALOGUE_CSV, HSDS_SERVICES, HSDS_ORGANIZATIONS, FEED)


def site_path(name: str) -> str:
    """A file's path from the site root, e.g. ``avoin-data/palvelut.json``."""
    return f"{EXPORT_DIR}/{name}"
