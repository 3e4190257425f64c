"""The changes feed (``muutokset.xml``): services added or updated, newest review first.

RSS 2.0 rather than Atom, because Atom requires a date on every entry and the
catalogue has honest gaps: a service without ``last_reviewed`` has no date we
could truthfully give it. RSS lets such an item go without ``pubDate``.

* Services with ``last_reviewed`` come first, newest review first, each with
  that date as ``pubDate``. Its ``guid`` is the page address plus the review
  date, so a new review shows up in a feed reader as a new item.
* Services without a review date follow in name order, without ``pubDate``;
  their ``guid`` is the page address, so a reader shows each once, when it
  first appears in the feed.
* Ended services are left out, as they are left out of the site's listings.

Written by hand with ElementTree (which escapes every value): the feed
libraries we looked at (feedgen) stamp the build time on the feed and on
undated entries, which is exactly the invented date this feed must not have.
ElementTree does not drop the characters XML 1.0 forbids (most control
characters), which no escape can write either, so the finished document is
cleared of them: validation already refuses them, and the feed is well-formed
even when it is given text that was never validated.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime
from email.utils import format_datetime

from generator.export.site_urls import SiteUrls
from generator.model.catalogue import Catalogue, Service
from generator.site import urls as paths
from generator.site.labels import fill, labels_for

ATOM_NS = "http://www.w3.org/2005/Atom"

#: Everything outside XML 1.0's ``Char`` production (lone surrogates included).
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def rfc822(day: date) -> str:
    """A calendar date as RSS writes dates: midnight UTC, still the same day in Finland."""
    return format_datetime(datetime(day.year, day.month, day.day, tzinfo=UTC))


def feed_order(services: list[Service]) -> list[Service]:
    """Reviewed services newest first (then by name), then unreviewed ones by name."""
    reviewed = [s for s in services if s.entry.last_reviewed is not None]
    unreviewed = [s for s in services if s.entry.last_reviewed is None]
    reviewed.sort(key=lambda s: s.name.casefold())
    reviewed.sort(key=lambda s: s.entry.last_reviewed or date.min, reverse=True)
    return reviewed + sorted(unreviewed, key=lambda s: s.name.casefold())


def _text(parent: ET.Element, tag: str, text: str, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    element.text = text
    return element


def changes_feed(catalogue: Catalogue, urls: SiteUrls, today: date) -> str:
    """The RSS 2.0 document of the catalogue's current services."""
    here = paths.open_data_file(paths.FEED)
    ET.register_namespace("atom", ATOM_NS)
    rss = ET.Element("rss", {"version": "2.0"})
    channel = ET.SubElement(rss, "channel")
    labels = labels_for(catalogue.region.label_overrides)
    _text(channel, "title", fill(labels.feed_title, site=catalogue.region.site.title))
    _text(channel, "link", urls.home(here))
    _text(channel, "description", labels.feed_description)
    _text(channel, "language", "fi")
    if catalogue.region.data_licence:  # no <copyright> rather than a licence the region never gave
        _text(channel, "copyright", catalogue.region.data_licence.title)
    if urls.absolute:
        ET.SubElement(
            channel,
            f"{{{ATOM_NS}}}link",
            {"href": urls.address(here, ""), "rel": "self", "type": "application/rss+xml"},
        )
    current = [s for s in catalogue.services if not s.has_ended(today)]
    items = feed_order(current)
    newest = items[0].entry.last_reviewed if items else None
    if newest is not None:
        _text(channel, "pubDate", rfc822(newest))
    for service in items:
        item = ET.SubElement(channel, "item")
        link = urls.service(service, here)
        _text(item, "title", service.name)
        _text(item, "link", link)
        _text(item, "description", service.entry.summary or service.entry.what)
        for theme in service.themes:
            _text(item, "category", theme.name)
        reviewed = service.entry.last_reviewed
        if reviewed is None:
            _text(item, "guid", link, isPermaLink="true" if urls.absolute else "false")
        else:
            _text(item, "guid", f"{link}#tarkistettu-{reviewed.isoformat()}", isPermaLink="false")
            _text(item, "pubDate", rfc822(reviewed))
    ET.indent(rss)
    return NOT_XML.sub("", ET.tostring(rss, encoding="unicode", xml_declaration=True)) + "\n"
