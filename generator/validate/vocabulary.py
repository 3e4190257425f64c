"""Load and check ``catalogue/vocabulary.yml``, the words people search with.

The file is optional. Every ``term`` must be written in some service's text
(its name, summary, Mitä / Miksi / Miten / Kenelle or keywords; as part of a
longer word too), or its words would find nothing: an error names the file and
the term's line. The same word listed under two terms is an error too, as it is
most likely a slip. The match is plain text, in any letter case, so the result
does not depend on whether Voikko is installed.
"""

from __future__ import annotations

from collections.abc import Iterable

from generator.i18n import _
from generator.load.layout import CatalogueLayout
from generator.model.entries import ServiceEntry
from generator.model.vocabulary import VocabularyFile
from generator.problems import Problems
from generator.search.vocabulary import service_text
from generator.validate.fields import Checked, read_checked


def read_vocabulary(layout: CatalogueLayout, problems: Problems) -> Checked[VocabularyFile] | None:
    """The checked vocabulary, or ``None`` when there is none (or it fails its model)."""
    path = layout.vocabulary
    # A link is read (and so refused, with a problem) rather than skipped as if absent.
    if not (path.is_file() or path.is_symlink()):
        return None
    return read_checked(path, VocabularyFile, problems, layout.root)


def _error(
    problems: Problems, checked: Checked[VocabularyFile], loc: tuple[str | int, ...], message: str, hint: str
) -> None:
    document = checked.document
    position = document.locate(loc)
    problems.add(
        document.path,
        message,
        line=position[0] if position else None,
        column=position[1] if position else None,
        field=".".join(str(part) for part in loc),
        suggestion=hint,
    )


def check_vocabulary(
    checked: Checked[VocabularyFile], services: Iterable[ServiceEntry], problems: Problems
) -> None:
    """Every term occurs in a service's text; no word is listed under two terms."""
    texts = [service_text(entry).casefold() for entry in services]
    seen: dict[str, str] = {}
    for index, entry in enumerate(checked.model.terms):
        term = entry.term.casefold()
        if not any(term in text for text in texts):
            _error(
                problems,
                checked,
                ("terms", index, "term"),
                _("the term '{term}' is not in any service's text, so its words would find nothing").format(
                    term=entry.term
                ),
                _(
                    "write the term as a service's name, summary, sections or keywords write it "
                    "(e.g. 'mielenterveys'), or remove the entry"
                ),
            )
        for language in ("fi", "en", "sv"):
            for position, word in enumerate(getattr(entry, language) or []):
                other = seen.setdefault(word.casefold(), entry.term)
                if other != entry.term:
                    _error(
                        problems,
                        checked,
                        ("terms", index, language, position),
                        _("'{word}' is listed under the terms '{other}' and '{term}'").format(
                            word=word, other=other, term=entry.term
                        ),
                        _("list the word under one term only"),
                    )
