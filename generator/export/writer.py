"""Write every open-data file into a built site's ``avoin-data/`` folder."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from generator.export.csv_table import ENCODING as CSV_ENCODING
from generator.export.csv_table import catalogue_csv
from generator.export.feed import changes_feed
from generator.export.hsds import HsdsExport
from generator.export.records import catalogue_record
from generator.export.site_urls import SiteUrls
from generator.model.catalogue import Catalogue
from generator.site import urls as paths


@dataclass
class ExportOptions:
    """Settings of the exports.

    Attributes:
        site_url: The site's public address; links are relative to each file when empty.
        today: The date that decides which services have ended.
    """

    site_url: str = ""
    today: date = field(default_factory=date.today)


def _json(data: Any) -> str:
    """Compact JSON: the files are for programs, and the HSDS file grows large at national scale."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def write_exports(catalogue: Catalogue, site_dir: Path, options: ExportOptions | None = None) -> list[Path]:
    """Write the JSON, CSV, HSDS and feed files; return their paths."""
    options = options or ExportOptions()
    urls = SiteUrls(options.site_url)
    today = options.today
    hsds = HsdsExport(catalogue, urls, today)
    contents: dict[str, tuple[str, str]] = {
        paths.CATALOGUE_JSON: (_json(catalogue_record(catalogue, urls, today)), "utf-8"),
        paths.CATALOGUE_CSV: (catalogue_csv(catalogue, urls, today), CSV_ENCODING),
        paths.HSDS_SERVICES: (_json(hsds.services_page()), "utf-8"),
        paths.HSDS_ORGANIZATIONS: (_json(hsds.organizations_page()), "utf-8"),
        paths.FEED: (changes_feed(catalogue, urls, today), "utf-8"),
    }
    written = []
    for name, (text, encoding) in contents.items():
        target = site_dir / paths.open_data_file(name)
        target.parent.mkdir(parents=True, exist_ok=True)
        # newline="" keeps the CSV's CRLF row ends as the csv module wrote them.
        with target.open("w", encoding=encoding, newline="") as handle:
            handle.write(text)
        written.append(target)
    return written
