"""Glossary terms as abbreviation explanations for every page.

Python-Markdown's ``abbr`` extension wraps each occurrence of a term in
``<abbr title="…">``; the browser shows the title on hover (Material's
``content.tooltips`` is off: it put titles into the page as HTML). Terms the
sources do not explain (no expansion and no definition) stay in ``glossary.yml``
for editors but are neither marked nor listed on the glossary page: "the sources
do not explain this" helps no reader. Nor are plain words (``aktivointisuunnitelma``):
``<abbr>`` is for abbreviations, and ordinary concepts are explained on the glossary
page instead.
"""

from __future__ import annotations

from generator.model.professional import Term


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
