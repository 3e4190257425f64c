"""The texts of a service that search reads, and where a vocabulary term is in them.

Search indexes what a citizen should find a service by: its name, summary and
keywords (the *strong* text, which ranks first) and its four sections Mitä,
Miksi, Miten and Kenelle (the *weak* text). Link targets and addresses in the
sections' Markdown are not words anyone searches for.
"""

from __future__ import annotations

import re

from generator.model.entries import ServiceEntry

#: ``](https://…)`` of a Markdown link, and bare web addresses.
_ADDRESSES = re.compile(r"\]\([^)]*\)|\bhttps?://\S+|\bwww\.\S+")


def _plain(markdown: str) -> str:
    return _ADDRESSES.sub("]", markdown)


def title_text(entry: ServiceEntry) -> str:
    """Name and keywords: what the service is called."""
    return "\n".join([entry.name, *(entry.keywords or [])])


def strong_text(entry: ServiceEntry) -> str:
    """Name, summary and keywords."""
    return title_text(entry) + "\n" + (entry.summary or "")


def weak_text(entry: ServiceEntry) -> str:
    """Mitä, Miksi, Miten and Kenelle, without link targets."""
    return "\n".join(_plain(text) for text in (entry.what, entry.why, entry.how, entry.for_whom) if text)


def service_text(entry: ServiceEntry) -> str:
    """Everything search reads of a service."""
    return strong_text(entry) + "\n" + weak_text(entry)
