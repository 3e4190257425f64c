"""Pages for professionals: referral criteria, service paths, client examples,
recognition checklists, customer participation and the glossary."""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.render.glossary import explained

if TYPE_CHECKING:
    from generator.render.pages import Page, Renderer

#: The folder of the professionals' pages (Finnish: it shows in the address bar).
PROFESSIONAL_DIR = "ammattilaisille"

#: Labels for the benefits named in eligibility criteria.
BENEFIT_LABELS = {
    "tyomarkkinatuki": "työmarkkinatuki",
    "peruspaivaraha": "peruspäiväraha",
    "ansiopaivaraha": "ansiopäiväraha",
    "toimeentulotuki": "toimeentulotuki",
}


def path_page(path_id: str) -> str:
    return f"{PROFESSIONAL_DIR}/palvelupolut/{path_id}.md"


def case_page(case_id: str) -> str:
    return f"{PROFESSIONAL_DIR}/asiakasesimerkit/{case_id}.md"


def checklist_page(checklist_id: str) -> str:
    return f"{PROFESSIONAL_DIR}/tunnistaminen/{checklist_id}.md"


def template_globals() -> dict[str, object]:
    """Names the templates use to link to professionals' pages."""
    return {
        "benefit_labels": BENEFIT_LABELS,
        "path_page": path_page,
        "case_page": case_page,
        "checklist_page": checklist_page,
    }


def professional_pages(renderer: Renderer) -> list[Page]:
    """Every professionals' page the catalogue has material for."""
    catalogue = renderer.catalogue
    professional = catalogue.professional
    current = renderer.current(catalogue.services)
    pages = [
        renderer.page(
            "professional/index.md.j2",
            f"{PROFESSIONAL_DIR}/index.md",
            "Ammattilaiselle",
            "professional",
            in_nav=True,
            services=current,
        ),
    ]
    if professional.paths:
        pages.append(
            renderer.page(
                "professional/paths.md.j2",
                f"{PROFESSIONAL_DIR}/palvelupolut/index.md",
                "Palvelupolut",
                "paths",
                in_nav=True,
            )
        )
        pages += [
            renderer.page(
                "professional/path.md.j2",
                path_page(path.id),
                path.entry.name,
                "path",
                in_nav=True,
                pathway=path,
            )
            for path in professional.paths
        ]
    if professional.cases:
        pages.append(
            renderer.page(
                "professional/cases.md.j2",
                f"{PROFESSIONAL_DIR}/asiakasesimerkit/index.md",
                "Asiakasesimerkit",
                "cases",
                in_nav=True,
            )
        )
        pages += [
            renderer.page(
                "professional/case.md.j2",
                case_page(case.id),
                f"{case.entry.name}, {case.entry.age} v",
                "case",
                in_nav=True,
                case=case,
            )
            for case in professional.cases
        ]
    if professional.checklists or professional.work_ability:
        pages.append(
            renderer.page(
                "professional/checklists.md.j2",
                f"{PROFESSIONAL_DIR}/tunnistaminen/index.md",
                "Tuen tarpeen tunnistaminen",
                "checklists",
                in_nav=True,
            )
        )
        pages += [
            renderer.page(
                "professional/checklist.md.j2",
                checklist_page(checklist.id),
                checklist.entry.title,
                "checklist",
                in_nav=True,
                checklist=checklist,
            )
            for checklist in professional.checklists
        ]
    if professional.participation:
        pages.append(
            renderer.page(
                "professional/participation.md.j2",
                f"{PROFESSIONAL_DIR}/osallisuus.md",
                professional.participation.title,
                "participation",
                in_nav=True,
                participation=professional.participation,
            )
        )
    if terms := explained(professional.glossary):
        pages.append(
            renderer.page(
                "professional/glossary.md.j2",
                f"{PROFESSIONAL_DIR}/sanasto.md",
                "Sanasto",
                "glossary",
                in_nav=True,
                terms=terms,
            )
        )
    return pages
