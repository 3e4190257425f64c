"""The hidden search terms of a service page: compound parts, base forms and synonyms.

Each service page carries up to three hidden blocks that only Pagefind reads:

* *strong* terms (weight :data:`STRONG_WEIGHT`): what the name, summary and keywords
  also mean, e.g. *valmennus* for *Vammaispalvelujen työhönvalmennus*: compound parts,
  base forms, genitives, and the vocabulary's words for the terms found there;
* *middle* terms (weight :data:`MIDDLE_WEIGHT`): vocabulary words for a term the
  summary has, or that is inside a longer word of the name, summary or keywords;
* *weak* terms (weight :data:`WEAK_WEIGHT`, a quarter of normal text's weight, as
  Pagefind's weights are squared): the compound parts of the four sections' words.

A page is then found by a part of a compound (*valmentaja* in *työhönvalmentaja*), by
a word in its base form when its name or summary only inflects it (*sosiaalihuolto*
for *sosiaalihuollon*), and by the everyday, English and Swedish words of
``catalogue/vocabulary.yml``; its own words still rank it higher.

Every term is a word in the index and in the result's download, so a term is left out
when it adds nothing Pagefind would not find anyway:

* a term Pagefind's prefix match already finds the page by: its stem (Pagefind's own
  Snowball stemmer) is the start of the stem of a word of the page, or of a term kept,
  at the same weight or more (*sairaan* beside *sairaanhoitaja*);
* in the sections, base forms and genitives: the stemmer finds the sections' inflected
  words, and only a part of a compound is out of its reach;
* in the sections, the vocabulary's words: *doctor* should lead to the services that
  are about a doctor, not to those whose text mentions a doctor's statement;
* a base form Voikko reads only as a verb, pronoun, adverb or other function word
  (*tarjota*, or *niistää* for *niistä*): nobody looks a service up by one.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

import snowballstemmer
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
#: Pagefind's stemmer for a Finnish page (``pagefind_stem``) is Snowball's Finnish algorithm.
#: Cached: the catalogue's texts repeat their words, and the pure-Python stemmer was
#: most of the site plan's time when every page stemmed each word again.
_STEM = functools.lru_cache(maxsize=1 << 17)(snowballstemmer.stemmer("finnish").stemWord)


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


def _parts(tokens: Iterable[str], morphology: Morphology | None) -> set[str]:
    """Compound parts and tails only, without the words' own base forms."""
    if morphology is None:
        return set()
    return {
        term
        for token in set(tokens)
        for term in set(morphology.index_terms(token)) - set(morphology.base_forms(token))
    }


def _searched(terms: set[str], morphology: Morphology | None, synonyms: set[str]) -> set[str]:
    """Without Voikko's base forms that it reads only as a verb or a function word."""
    if morphology is None:
        return terms
    return {term for term in terms if term in synonyms or not morphology.function_word(term)}


def _not_found_already(terms: set[str], known: list[str]) -> set[str]:
    """The terms whose stem starts no stem in ``known`` (sorted); ``known`` gets those kept.

    Pagefind finds a query's stem as the start of an indexed stem, so a term whose stem
    starts a longer one of the page, at the same weight or more, is found already.
    The longest are kept first; of two with the same stem, one. Phrases (*mental
    health*) are kept: Pagefind indexes their words one by one. In the sorted stems, the
    first at or after a stem is the one that starts with it, if any does.
    """
    kept = set()
    for term in sorted(terms, key=lambda term: (-len(_STEM(term)), term)):
        if " " in term:
            kept.add(term)
            continue
        stem = _STEM(term)
        at = bisect.bisect_left(known, stem)
        if at == len(known) or not known[at].startswith(stem):
            kept.add(term)
            known.insert(at, stem)
    return kept


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
    summary or a keyword has it inside a longer word (*työkykykartoitus*). A term only
    the sections have adds no vocabulary words.
    """
    title_source = title_text(entry).casefold()
    strong_source, weak_source = strong_text(entry).casefold(), weak_text(entry).casefold()
    strong_words, weak_words = words(strong_source), words(weak_source)
    present = set(strong_words) | set(weak_words)
    strong = _derived(strong_words, morphology)
    weak = _parts(weak_words, morphology)
    middle: set[str] = set()
    added: set[str] = set()  # the vocabulary's words
    title_words = set(words(title_source))
    summary_words = set(strong_words) - title_words
    title_bases, summary_bases = set(title_words), set(summary_words)
    if morphology is not None:
        title_bases |= {base for word in title_words for base in morphology.base_forms(word)}
        summary_bases |= {base for word in summary_words for base in morphology.base_forms(word)}
    for item in vocabulary:
        term = item.term.casefold()
        synonyms = {word.casefold() for word in item.words}
        added |= synonyms
        if _as_word(term, title_source, title_bases):
            strong |= synonyms
        elif _as_word(term, strong_source, summary_bases) or term in strong_source or term in strong:
            middle |= synonyms
    strong = _searched(_with_genitives(strong | set(strong_words), morphology) - present, morphology, added)
    middle = _with_genitives(middle, morphology) - present - strong
    weak = _searched(weak - present - strong - middle, morphology, added)
    known = sorted({_STEM(word) for word in strong_words})
    strong = _not_found_already(strong, known)
    middle = _not_found_already(middle, known)
    known = sorted(set(known) | {_STEM(word) for word in weak_words})
    weak = _not_found_already(weak, known)
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
