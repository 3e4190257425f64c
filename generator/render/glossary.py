"""Glossary terms, explained where a page first uses them.

A page writes each glossary abbreviation out where it first occurs, as plain text:
"TYP (Työllistymistä edistävä monialainen yhteispalvelu)". Explanations that show
only on mouse hover (``<abbr title>``) reach no one on a touch screen or using only a
keyboard, so the site marks up no abbreviation at all: the first occurrence explains
it, later ones are plain, and the glossary page lists every term. This is done on
the rendered Markdown of each page (:class:`Explainer`), so every engine gets the
same text; headings, link texts, code and HTML are left as they are.

Terms the sources do not explain (no expansion and no definition) stay in
``glossary.yml`` for editors but are neither written out nor listed on the glossary
page: "the sources do not explain this" helps no reader. Nor are plain words
(``aktivointisuunnitelma``): only abbreviations are written out, and ordinary
concepts are explained on the glossary page instead.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from generator.model.professional import Term
from generator.render.escaping import text


def explanation(term: Term) -> str | None:
    """The short text shown for a term: its expansion, else its definition."""
    return term.expansion or term.definition


def explained(terms: list[Term]) -> list[Term]:
    """The terms the glossary page lists: those with an expansion or a definition."""
    return [term for term in terms if explanation(term)]


def is_abbreviation(term: Term) -> bool:
    """An expanded term, or one written with a capital letter (TYP, B-lausunto, Kela)."""
    return term.expansion is not None or any(c.isupper() for c in term.term)


def abbreviations(terms: list[Term]) -> dict[str, str]:
    """``{term: explanation}`` for every abbreviation that has an explanation."""
    return {term.term: text for term in terms if is_abbreviation(term) and (text := explanation(term))}


#: An expansion that ends by spelling out compounds: "työ- ja elinkeino- (TE-toimisto =
#: työ- ja elinkeinotoimisto, TE-palvelut = työ- ja elinkeinopalvelut)".
_COMPOUNDS = re.compile(r"\s*\(([^()]*=[^()]*)\)\s*$")


def expansions(terms: list[Term]) -> dict[str, str]:
    """``{term: expansion}``: the abbreviations a page writes out where it first uses them.

    Only expansions: a definition is a sentence or two, which does not fit in
    parentheses in the middle of someone else's sentence; the glossary page has it.
    An expansion that spells out compounds in parentheses (``X = x, Y = y``) gives each
    compound its own expansion, and the term the text before them: "TE-palvelut
    (työ- ja elinkeinopalvelut)" reads better than the whole list after each.
    """
    found: dict[str, str] = {}
    for term in terms:
        if not term.expansion:
            continue
        expansion = term.expansion
        compounds = _COMPOUNDS.search(expansion)
        pairs = [part.split("=", 1) for part in compounds[1].split(",")] if compounds else []
        if compounds and all(len(pair) == 2 and pair[0].strip() and pair[1].strip() for pair in pairs):
            for word, meaning in pairs:
                found.setdefault(word.strip(), meaning.strip())
            expansion = expansion[: compounds.start()].strip()
        found[term.term] = expansion
    return found


# --- writing out the first occurrence ------------------------------------------------

#: Inline Markdown that is not running text: code spans, links and images (the link
#: text too: a linked page's title such as "Alueen TYP (…) - Hyvinvointialue" would be
#: misquoted), HTML tags and autolinks, attribute lists, entities and bare addresses.
_PROTECTED = re.compile(
    r"`+[^`]*`+"
    r"|!?\[(?:[^\[\]\\]|\\.)*\]\((?:<[^>]*>|[^)\s]*)(?:\s+\"[^\"]*\")?\)"
    r"|<[^>]*>"
    r"|\{[^}]*\}"
    r"|&#?\w+;"
    r"|https?://\S+"
)
#: Lines that are not running text: headings (no explanation inside a heading), HTML
#: blocks (hidden search terms, the templates' own markup), attribute lists, rules.
_SKIPPED_LINE = re.compile(r"\s*(?:#|<|\{:|\*\[|-{3,}\s*$|\|?\s*:?-{3,})")
_FENCE = re.compile(r"\s*(```|~~~)")
#: Characters Markdown text escapes (generator.render.escaping), which a term may hold.
_ESCAPABLE = set("\\`*_{}[]()#+-.!|>")
#: A letter, digit or hyphen: what may not touch a term on either side.
_WORD = r"[^\W_]"


def _term_pattern(term: str) -> str:
    """``term`` as written in the page's Markdown, where ``-`` may be written ``\\-``.

    Finnish inflects an abbreviation with a colon ("TYP:n"), a proper name directly
    ("Kelan"); a compound ("TE-palvelut") is one word of which the term is part. Each is
    one occurrence, written out whole before the explanation.
    """
    written = "".join(("\\\\?" if char in _ESCAPABLE else "") + re.escape(char) for char in term)
    ending = r"(?::[a-zåäö]+)?"
    if term[:1].isupper() and term[1:].islower():  # Kela, Keva: Kelan, Kevalta
        ending = r"(?::[a-zåäö]+|[a-zåäö]{1,3})?"
    compound = rf"(?:\\?-{_WORD}+(?:\\?-{_WORD}+)*)?"
    return rf"(?<![\w\\-]){written}{ending}{compound}(?![\w-])"


class Explainer:
    """Writes each glossary abbreviation out where a page first uses it."""

    def __init__(self, terms: Mapping[str, str]) -> None:
        self.terms = dict(terms)
        # Longest first, so that a term inside a longer one (TE in TEAK) does not win.
        ordered = sorted(self.terms, key=len, reverse=True)
        self._any = re.compile("|".join(f"(?P<t{i}>{_term_pattern(t)})" for i, t in enumerate(ordered)))
        self._names = {f"t{i}": term for i, term in enumerate(ordered)}

    def explain(self, markdown: str) -> str:
        """``markdown`` with the first occurrence of each term written out."""
        if not self.terms:
            return markdown
        lines = markdown.split("\n")
        start = _body_start(lines)
        done: set[str] = set()
        seen: list[str] = []  # the page's text so far, unescaped: is a term written out already?
        fenced = False
        for number in range(start, len(lines)):
            line = lines[number]
            if _FENCE.match(line):
                fenced = not fenced
                continue
            if not fenced and not _SKIPPED_LINE.match(line) and len(done) < len(self.terms):
                line = lines[number] = self._explain_line(line, done, seen)
            seen.append(line.replace("\\", "").casefold())
        return "\n".join(lines)

    def _explain_line(self, line: str, done: set[str], seen: list[str]) -> str:
        pieces: list[str] = []
        position = 0
        for protected in [*_PROTECTED.finditer(line), None]:
            end = protected.start() if protected else len(line)
            pieces.append(self._explain_text(line[position:end], done, [*seen, "".join(pieces)]))
            if protected:
                pieces.append(protected[0])
                position = protected.end()
        return "".join(pieces)

    def _explain_text(self, part: str, done: set[str], before: list[str]) -> str:
        def write_out(match: re.Match[str]) -> str:
            term = self._names[str(match.lastgroup)]
            if term in done:
                return match[0]
            done.add(term)
            expansion = self.terms[term]
            # Already written out before (the service's own name says it): nothing to add.
            earlier = "\n".join(before).replace("\\", "").casefold()
            if expansion.casefold() in earlier + part[: match.start()].replace("\\", "").casefold():
                return match[0]
            word = match[0]
            plain = word.replace("\\", "")
            said = expansion if plain == term or not plain.startswith(term + "-") else f"{term}: {expansion}"
            return f"{word} ({text(said)})"

        # Any match is its term with backslashes in it: a part without any term text
        # left to write out is returned unread (most are, and the pattern is slow).
        plain = part.replace("\\", "")
        if not any(term in plain for term in self.terms if term not in done):
            return part
        return self._any.sub(write_out, part)


def _body_start(lines: list[str]) -> int:
    """The first line after the front matter (``---`` … ``---`` at the top), if any."""
    if lines and lines[0].strip() == "---":
        for number in range(1, len(lines)):
            if lines[number].strip() == "---":
                return number + 1
    return 0
