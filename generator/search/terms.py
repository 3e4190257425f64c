"""The hidden search terms of a service page: compound parts, base forms and synonyms.

Each service page carries two hidden blocks that only Pagefind reads:

* *strong* terms (weight :data:`STRONG_WEIGHT`): what the name, summary and keywords
  also mean, e.g. *valmennus* for *Vammaispalvelujen työhönvalmennus*, plus the
  vocabulary's words for the terms found there;
* *weak* terms (weight :data:`WEAK_WEIGHT`, a quarter of normal text's weight, as
  Pagefind's weights are squared): the same for the four sections.

A page is then found by a part of a compound (*valmentaja* in *työhönvalmentaja*), by
a word in its base form when the text only inflects it (*sosiaalihuolto* for
*sosiaalihuollon*), and by the everyday, English and Swedish words of
``catalogue/vocabulary.yml``; its own words still rank it higher. Words the page
already has are not repeated.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import Markup, escape

from generator.model.entries import ServiceEntry
from generator.model.vocabulary import VocabularyEntry
from generator.search.morphology import Morphology, load_morphology, words
from generator.search.vocabulary import strong_text, title_text, weak_text

STRONG_WEIGHT = "2"
MIDDLE_WEIGHT = "1"
WEAK_WEIGHT = "0.5"
#: The blocks' class, for tests and for anyone reading the HTML.
TERMS_CLASS = "tarjotin-search-terms"


@dataclass(frozen=True)
class SearchTerms:
    strong: tuple[str, ...]
    #: Vocabulary words for a term the summary has, or that is inside a word of the name.
    middle: tuple[str, ...]
    weak: tuple[str, ...]


def _derived(tokens: Iterable[str], morphology: Morphology | None) -> set[str]:
    if morphology is None:
        return set()
    return {term for token in set(tokens) for term in morphology.index_terms(token)}


def _as_word(term: str, text: str, known: set[str]) -> bool:
    """Whether the text has the term as a word of its own (or, with Voikko, a word's base form)."""
    if term in known:
        return True
    return not term.isalnum() and re.search(rf"(?<!\w){re.escape(term)}(?!\w)", text) is not None


def _with_genitives(found: set[str], morphology: Morphology | None) -> set[str]:
    if morphology is None:
        return found
    return found | {form for term in found for form in morphology.genitives(term)}


def search_terms(
    entry: ServiceEntry, vocabulary: Iterable[VocabularyEntry], morphology: Morphology | None
) -> SearchTerms:
    """The strong, middle and weak terms of one service (see the module's description).

    A vocabulary term's words are strong when the name or a keyword has the term as a
    word of its own (*työkyky*); middle when the summary has it as a word, or the name,
    summary or a keyword has it inside a longer word (*työkykykartoitus*); weak when only
    the sections have it.
    """
    title_source = title_text(entry).casefold()
    strong_source, weak_source = strong_text(entry).casefold(), weak_text(entry).casefold()
    strong_words, weak_words = words(strong_source), words(weak_source)
    present = set(strong_words) | set(weak_words)
    strong = _derived(strong_words, morphology)
    weak = _derived(weak_words, morphology)
    middle: set[str] = set()
    title_words = set(words(title_source))
    summary_words = set(strong_words) - title_words
    title_bases, summary_bases = set(title_words), set(summary_words)
    if morphology is not None:
        title_bases |= {base for word in title_words for base in morphology.base_forms(word)}
        summary_bases |= {base for word in summary_words for base in morphology.base_forms(word)}
    for item in vocabulary:
        term = item.term.casefold()
        synonyms = {word.casefold() for word in item.words}
        if _as_word(term, title_source, title_bases):
            strong |= synonyms
        elif _as_word(term, strong_source, summary_bases) or term in strong_source or term in strong:
            middle |= synonyms
        elif term in weak_source or term in weak:
            weak |= synonyms
    strong = _with_genitives(strong | set(strong_words), morphology) - present
    middle = _with_genitives(middle, morphology) - present - strong
    weak = _with_genitives(weak | set(weak_words), morphology) - present - strong - middle
    return SearchTerms(tuple(sorted(strong)), tuple(sorted(middle)), tuple(sorted(weak)))


def terms_html(terms: SearchTerms) -> Markup:
    """The hidden blocks Pagefind indexes: not shown, not read by screen readers."""
    blocks = []
    weights = ((STRONG_WEIGHT, terms.strong), (MIDDLE_WEIGHT, terms.middle), (WEAK_WEIGHT, terms.weak))
    for weight, found in weights:
        if found:
            blocks.append(
                f'<div class="{TERMS_CLASS}" hidden data-pagefind-weight="{weight}">'
                f"{escape(', '.join(found))}</div>"
            )
    return Markup("\n".join(blocks))


def page_terms(entry: ServiceEntry, vocabulary: Iterable[VocabularyEntry]) -> Markup:
    """A service page's hidden search terms, with Voikko when it is installed."""
    return terms_html(search_terms(entry, vocabulary, load_morphology().morphology))
