"""Index a built site with Pagefind.

Pagefind runs over the finished HTML, so it works whatever engine rendered
it. Its Finnish stemmer is chosen from ``<html lang="fi">``; only elements
marked ``data-pagefind-body`` (service pages) are indexed.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

from generator.render.pages import SERVICES_DIR

#: The folder inside the site that holds the index and Pagefind's UI.
BUNDLE_DIR = "pagefind"
#: The pages Pagefind reads. Only service pages carry ``data-pagefind-body``; reading
#: the others too (listings repeat every service's card) cost Pagefind a third of its
#: time at 1,000 services. A new kind of searchable page must be added here.
INDEXED_PAGES = f"{SERVICES_DIR}/**/*.html"


class SearchIndexError(PluginError):
    """Pagefind failed; the build must not pretend search works."""


def build_search_index(site_dir: Path) -> None:
    """Write ``site_dir/pagefind/`` with the search index and UI bundle."""
    command = [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(site_dir),
        "--output-subdir",
        BUNDLE_DIR,
        "--glob",
        INDEXED_PAGES,
        "--quiet",
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SearchIndexError(f"Pagefind could not index '{site_dir}':\n{result.stdout}{result.stderr}")
