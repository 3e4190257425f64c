"""The changes feed: RSS 2.0, newest review first, no invented dates."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

from generator.export.feed import ATOM_NS, changes_feed
from generator.export.site_urls import SiteUrls
from generator.model.catalogue import Catalogue
from generator.validate.catalogue import require_catalogue

TODAY = date(2025, 6, 1)
SITE = "https://palvelut.example.org/"


def _reviewed(project: Path, service: str, day: str) -> None:
    path = project / "catalogue" / "services" / f"{service}.yml"
    path.write_text(path.read_text(encoding="utf-8") + f"last_reviewed: {day}\n", encoding="utf-8")


def _items(feed: str) -> list[dict[str, str | None]]:
    channel = ET.fromstring(feed).find("channel")
    assert channel is not None
    return [
        {
            "title": item.findtext("title"),
            "link": item.findtext("link"),
            "guid": item.findtext("guid"),
            "pubDate": item.findtext("pubDate"),
        }
        for item in channel.iter("item")
    ]


def test_items_are_ordered_by_review_date_and_undated_ones_carry_no_date(
    rich_project: Path,
) -> None:
    _reviewed(rich_project, "toka", "2025-04-30")
    catalogue, _ = require_catalogue(rich_project / "catalogue")
    items = _items(changes_feed(catalogue, SiteUrls(SITE), TODAY))
    assert items == [
        {
            "title": "Toka palvelu",
            "link": SITE + "palvelut/toka/",
            "guid": SITE + "palvelut/toka/#tarkistettu-2025-04-30",
            "pubDate": "Wed, 30 Apr 2025 00:00:00 +0000",
        },
        {
            "title": "Kolmas palvelu: <b>kaikki</b> & 'lainaus'",
            "link": SITE + "palvelut/kolmas/",
            "guid": SITE + "palvelut/kolmas/#tarkistettu-2025-02-03",
            "pubDate": "Mon, 03 Feb 2025 00:00:00 +0000",
        },
        # Never reviewed: last, without a date. The ended service is not in the feed.
        {
            "title": "Eka palvelu",
            "link": SITE + "palvelut/eka/",
            "guid": SITE + "palvelut/eka/",
            "pubDate": None,
        },
    ]


def test_the_channel(rich_catalogue: Catalogue) -> None:
    root = ET.fromstring(changes_feed(rich_catalogue, SiteUrls(SITE), TODAY))
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    assert channel is not None
    assert channel.findtext("title") == "Testimaan palvelut – uudet ja päivitetyt palvelut"
    assert channel.findtext("link") == SITE
    assert channel.findtext("language") == "fi"
    assert channel.find("copyright") is None, "region.yml states no licence, so none is claimed"
    assert channel.findtext("pubDate") == "Mon, 03 Feb 2025 00:00:00 +0000", "the newest review"
    assert channel.find("lastBuildDate") is None, "no build time: the feed changes only when data does"
    self_link = channel.find(f"{{{ATOM_NS}}}link")
    assert self_link is not None and self_link.get("href") == SITE + "avoin-data/muutokset.xml"


def test_a_catalogue_without_review_dates_gives_an_undated_feed(default_catalogue: Catalogue) -> None:
    feed = changes_feed(default_catalogue, SiteUrls(), TODAY)
    channel = ET.fromstring(feed).find("channel")
    assert channel is not None
    assert channel.find("pubDate") is None
    items = _items(feed)
    current = [s for s in default_catalogue.services if not s.has_ended(TODAY)]
    assert [i["title"] for i in items] == sorted((s.name for s in current), key=str.casefold)
    assert all(i["pubDate"] is None for i in items)
    # Without site_url, links are relative to the feed (avoin-data/muutokset.xml).
    assert all(str(i["link"]).startswith("../palvelut/") for i in items)
