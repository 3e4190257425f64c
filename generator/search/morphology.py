"""Finnish base forms and compound parts from Voikko, for the search index.

Pagefind matches the start of a word, after its own Finnish stemmer. So a search for
*valmentaja* does not find *työhönvalmentaja*, and *sosiaalihuolto* does not find
*sosiaalihuollon* (the stem changes). :meth:`Morphology.index_terms` gives, for one
word, what a page should also be found by: its base forms (*sosiaalihuolto*), its
compound parts (*työhön*, *valmentaja*) and the compound's tails (*sairaanhoitaja*
in *päihdesairaanhoitaja*).

Voikko is the free Finnish morphology used by LibreOffice's spelling checker:
the C library ``libvoikko`` with the ``voikko-fi`` dictionary (Debian packages
``libvoikko1`` and ``voikko-fi``), through its own Python binding ``libvoikko``
(PyPI). Without the library or the dictionary :func:`load_morphology` returns
``None`` with the reason, and the site is built without these terms.

Analyses are cached per word: a catalogue repeats its words, so at 5,000
services Voikko sees each distinct word once.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass, field
from typing import Any

from generator.i18n import N_, _

#: The dictionary's language.
LANGUAGE = "fi"
#: Shorter words are left as they are: their base forms and parts add nothing findable.
MIN_WORD = 4
#: A compound part shorter than this is not a search term on its own (*työ*, *b* in
#: *b-lausunto*): Pagefind's prefix match already finds far too much with it.
MIN_PART = 4
#: A word Voikko does not know is tried as two known words, each at least this long.
MIN_GUESS = 3
#: Words (lowercase), letters with inner hyphens: *te-palvelut*, *b-lausunnon*.
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")

#: Voikko's word classes of verbs, pronouns, adverbs, adpositions, conjunctions,
#: interjections and the negative verb.
FUNCTION_CLASSES = frozenset(
    {"teonsana", "asemosana", "seikkasana", "suhdesana", "sidesana", "huudahdussana", "kieltosana"}
)

INSTALL_HINT = N_(
    "install Debian's packages libvoikko1 and voikko-fi "
    "(scripts/build and scripts/test do) to split compound words for search"
)


def words(text: str) -> list[str]:
    """The words of ``text``, lowercase, in order."""
    return WORD.findall(text.lower())


@dataclass
class Morphology:
    """A Voikko analyser with a cache per word (the renderer uses it from one thread)."""

    voikko: Any
    _cache: dict[str, tuple[str, ...]] = field(default_factory=dict)
    _bases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    _classes: dict[str, frozenset[str]] = field(default_factory=dict)

    def index_terms(self, word: str) -> tuple[str, ...]:
        """Base forms, compound parts and compound tails of a lowercase word, without the word itself."""
        cached = self._cache.get(word)
        if cached is None:
            found = {term for term in self._terms(word) if len(term) >= MIN_PART}
            cached = self._cache[word] = tuple(sorted(found - {word}))
        return cached

    def base_forms(self, word: str) -> tuple[str, ...]:
        """The distinct base forms Voikko gives a lowercase word (empty when it does not know it)."""
        return self._base_forms(word)

    def function_word(self, word: str) -> bool:
        """Whether Voikko reads a lowercase word only as a verb, pronoun, adverb or other function word.

        Such base forms come from a service's text (*tarjota* from *tarjoavat*), often
        from a wrong reading of it (*niistää* from *niistä*), and nobody looks a service
        up by them. A word Voikko does not know is not one.
        """
        classes = self._classes.get(word)
        if classes is None:
            classes = self._classes[word] = frozenset(a.get("CLASS", "") for a in self._analyses(word))
        return bool(classes) and classes <= FUNCTION_CLASSES

    def genitives(self, word: str) -> tuple[str, ...]:
        """The genitive of a noun in *-us* or *-ys*: *masennus* → *masennuksen*.

        Pagefind's Finnish stemmer does not relate such a noun to its inflected forms
        (*masennukseen* has the stem *masennuks*, *masennus* stays *masennus*), so a page
        that has only the base form is also given the genitive, whose stem matches. The
        candidates are checked with Voikko.
        """
        if not word.endswith(("us", "ys")) or len(word) < MIN_WORD or not word.isalpha():
            return ()
        candidates = (word[:-1] + "ksen", word[:-1] + "den")  # masennuksen, terveyden
        return tuple(candidate for candidate in candidates if word in self._base_forms(candidate))

    # --- analysis ---------------------------------------------------------------------

    def _analyses(self, word: str) -> list[dict[str, str]]:
        return [dict(a) for a in self.voikko.analyze(word)]

    def _base_forms(self, word: str) -> tuple[str, ...]:
        """The distinct base forms Voikko gives a word (empty when it does not know it)."""
        bases = self._bases.get(word)
        if bases is None:
            found = dict.fromkeys(a["BASEFORM"].lower() for a in self._analyses(word) if a.get("BASEFORM"))
            bases = self._bases[word] = tuple(found)
        return bases

    def _terms(self, word: str) -> set[str]:
        if len(word) < MIN_WORD:
            return set()
        analyses = self._analyses(word)
        if not analyses:
            if "-" in word:  # te-palvelut: each part on its own
                parts = [part for part in word.split("-") if len(part) >= MIN_PART]
                return {term for part in parts for term in (part, *self.index_terms(part))}
            return self._guess(word)
        # The reading with the fewest parts: asian|tuntija|na, not asian|tunti|jana.
        fewest = min(analysis.get("STRUCTURE", "").count("=") for analysis in analyses)
        terms: set[str] = set()
        for analysis in analyses:
            if analysis.get("STRUCTURE", "").count("=") > fewest:
                continue
            base = (analysis.get("BASEFORM") or word).lower()
            terms.add(base)
            terms |= self._compound(word, base, analysis.get("STRUCTURE", ""))
        return terms

    def _compound(self, word: str, base: str, structure: str) -> set[str]:
        """The parts of a compound, from Voikko's STRUCTURE: ``=`` starts each part.

        *päihdesairaanhoitaja* is ``=pppppp=ppppppp=ppppppp``: *päihde*, *sairaan*,
        *hoitaja*. Each part is added in its base form (*sairas*), and so is every tail
        (*sairaanhoitaja*), the last part in the whole word's base form.
        """
        lengths = [len(run) for run in structure.split("=")[1:]]
        if len(lengths) < 2 or sum(lengths) != len(word):
            return set()
        raw, start = [], 0
        for length in lengths:
            raw.append(word[start : start + length])
            start += length
        surfaces = [part.strip("-") for part in raw]
        head = "".join(raw[:-1])  # b- in b-lausunto
        last = base[len(head) :] if base.startswith(head) else surfaces[-1]
        terms = {last, *(self._base_forms(last) if last != surfaces[-1] else ())}
        for index, surface in enumerate(surfaces[:-1]):
            terms.add(surface)
            terms.update(self._base_forms(surface))
            if index:  # a tail: sairaan + hoitaja
                terms.add("".join(surfaces[index:-1]) + last)
        return terms

    def _guess(self, word: str) -> set[str]:
        """A compound Voikko does not know (*työhönvalmentaja*): two words it does know.

        The longest known last part wins, as the last part of a Finnish compound is
        the word the compound is a kind of.
        """
        for cut in range(MIN_GUESS, len(word) - MIN_GUESS + 1):
            first, last = word[:cut], word[cut:]
            last_bases = self._base_forms(last)
            if last_bases and (first_bases := self._base_forms(first)):
                return {first, last, *first_bases, *last_bases}
        return set()


@dataclass(frozen=True)
class Availability:
    """Whether Voikko could be loaded, and why not.

    Attributes:
        morphology: The analyser, or ``None`` when Voikko is missing.
        reason: Why it is missing, as a message (translated when shown) with an
            ``{error}`` placeholder for ``detail``; empty when ``detail`` says it all.
        detail: What the system said (an exception's text), or the setting that turned it off.
    """

    morphology: Morphology | None
    reason: str = ""
    detail: str = ""

    @property
    def explanation(self) -> str:
        """Why Voikko is missing, in the editors' language; empty when it is there."""
        if self.morphology is not None:
            return ""
        return _(self.reason).format(error=self.detail) if self.reason else self.detail

    @property
    def warning(self) -> str:
        """What a build says when Voikko is missing; empty when it is there."""
        if self.morphology is not None:
            return ""
        return _(
            "Voikko is not available ({reason}): search is built without compound "
            "splitting and base forms, so e.g. 'valmentaja' does not find 'työhönvalmentaja'; "
            "{hint}"
        ).format(reason=self.explanation, hint=_(INSTALL_HINT))


#: Set to ``off`` to build without Voikko even where it is installed (for comparisons).
SWITCH = "TARJOTIN_VOIKKO"


@functools.cache
def load_morphology() -> Availability:
    """Voikko's Finnish analyser, loaded once per process, or why it is not there."""
    if os.environ.get(SWITCH, "").lower() == "off":
        return Availability(None, detail=f"{SWITCH}=off")
    try:
        import libvoikko
    except ImportError:
        return Availability(None, N_("the Python package 'libvoikko' is not installed"))
    try:
        voikko = libvoikko.Voikko(LANGUAGE)
    except OSError as error:  # the C library is missing
        return Availability(None, N_("the Voikko library could not be loaded ({error})"), str(error))
    except libvoikko.VoikkoException as error:  # the dictionary is missing
        return Availability(None, N_("Voikko has no Finnish dictionary ({error})"), str(error))
    return Availability(Morphology(voikko))
