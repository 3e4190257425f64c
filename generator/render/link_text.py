"""Readable link texts from the titles the sources give their links.

The catalogue keeps each link's title as the source wrote it, which is usually the
linked page's own ``<title>``: "Etusivu - Kiipula", "Kuntoutus | Henkilöasiakkaat | Kela",
"Alueen hyvinvointialue - Alueen hyvinvointialue" (a site's name twice), or the
address itself. Shown as link text these read as noise. :func:`link_text` rewrites a title by one fixed
rule, adding no word of its own:

1. A title that is an address shows its host without ``www.`` ("sysma.fi").
2. The title is split into parts at the separators page titles use between the page's
   and the site's names: a spaced hyphen, en dash or em dash, ``|`` and ``/``.
3. Notes in square brackets ("[licensed for non-commercial use only]", a wiki's
   own chrome) are dropped, and so is a part that repeats an earlier one. Of three or
   more parts between ``|`` ("Kuntoutus | Henkilöasiakkaat | Kela") the middle ones are
   the linked site's breadcrumb and are dropped too: the page and the site remain.
4. A part that only says the page is a home page ("Etusivu") moves to the end, in
   lower case: "Etusivu - Kiipula" becomes "Kiipula – etusivu".
5. The parts are joined with a spaced en dash, the Finnish separator.

The order of the other parts is kept: the sources put the organisation first in some
titles and last in others, and guessing which is which would be inventing.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

#: The separators of rule 2.
_SEPARATORS = re.compile(r"\s+[-–—/]\s+|\s*\|\s*")
#: Rule 3's breadcrumb separator.
_PIPE = re.compile(r"\s*\|\s*")
#: Rule 3: a note in square brackets.
_BRACKETED = re.compile(r"\s*\[[^\]]*\]\s*")
#: Rule 4: parts that say only "home page".
_HOME_PAGE_WORDS = frozenset({"etusivu"})
#: Rule 5.
JOINER = " – "


def _address_text(title: str) -> str | None:
    """Rule 1: the host of a title that is an address; ``None`` for other titles."""
    if not re.fullmatch(r"https?://\S+", title):
        return None
    host = urlsplit(title).hostname or title
    return host.removeprefix("www.")


def link_text(title: str) -> str:
    """The title of a link as readable link text (the rules in the module's docstring)."""
    title = " ".join(title.split())
    address = _address_text(title)
    if address is not None:
        return address
    title = _BRACKETED.sub(" ", title).strip()
    crumbs = _PIPE.split(title)
    if len(crumbs) >= 3:  # rule 3: "page | section | site" keeps the page and the site
        title = f"{crumbs[0]} | {crumbs[-1]}"
    parts: list[str] = []
    home_page = ""
    for raw in _SEPARATORS.split(title):
        part = raw.strip()
        if not part or part.casefold() in (p.casefold() for p in parts):
            continue
        if part.casefold() in _HOME_PAGE_WORDS:
            home_page = part.lower()
            continue
        parts.append(part)
    if not parts:  # nothing but "Etusivu": keep it as written
        return title
    return JOINER.join([*parts, home_page] if home_page else parts)


#: Two inline links with only spaces between them, which read as one ("Lisätietoja [A](…)
#: [B](…)" in a source's text); a comma goes between.
_ADJACENT_LINKS = re.compile(r"(\]\((?:<[^>]*>|[^)\s]*)\))([ \t]+)(?=!?\[(?:[^\[\]\\\n]|\\.)*\]\()")


def separate_links(markdown: str) -> str:
    """``markdown`` with a comma between links that run together, so each reads as its own."""
    return _ADJACENT_LINKS.sub(r"\1,\2", markdown)
