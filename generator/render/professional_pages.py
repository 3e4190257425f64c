"""Pages for professionals: referral criteria, service paths, client examples,
recognition checklists, customer participation and the glossary."""

from __future__ import annotations

from typing import Any

from generator.render.glossary import explained
from generator.render.professional_data import client_list_data, eligibility_data, script_data
from generator.render.renderer import Page, Renderer
from generator.site import urls
from generator.site.labels import fill


def professional_pages(renderer: Renderer) -> list[Page]:
    """Every professionals' page the catalogue has material for."""
    catalogue = renderer.catalogue
    professional = catalogue.professional
    current = renderer.current(catalogue.services)
    labels = renderer.labels
    pages = [
        renderer.page(
            "professional/index.md.j2",
            urls.PROFESSIONAL,
            labels.page_professional,
            "professional",
            in_nav=True,
            services=current,
        ),
        renderer.page(
            "professional/eligibility-check.md.j2",
            urls.ELIGIBILITY_CHECK,
            labels.page_eligibility_check,
            "eligibility-check",
            in_nav=True,
            **_with_json(eligibility_data(urls.ELIGIBILITY_CHECK, current, labels, catalogue.region.name)),
        ),
        renderer.page(
            "professional/client-list.md.j2",
            urls.CLIENT_LIST,
            labels.page_client_list,
            "client-list",
            in_nav=True,
            **_with_json(client_list_data(urls.CLIENT_LIST, current, labels, catalogue.region.name)),
        ),
    ]
    if professional.paths:
        pages.append(
            renderer.page(
                "professional/paths.md.j2",
                urls.PATHS,
                labels.page_paths,
                "paths",
                in_nav=True,
            )
        )
        pages += [
            renderer.page(
                "professional/path.md.j2",
                urls.pathway(path.id),
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
                urls.CASES,
                labels.page_cases,
                "cases",
                in_nav=True,
            )
        )
        pages += [
            renderer.page(
                "professional/case.md.j2",
                urls.case(case.id),
                fill(labels.case_title, name=case.entry.name, age=case.entry.age),
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
                urls.CHECKLISTS,
                labels.page_checklists,
                "checklists",
                in_nav=True,
            )
        )
        pages += [
            renderer.page(
                "professional/checklist.md.j2",
                urls.checklist(checklist.id),
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
                urls.PARTICIPATION,
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
                urls.GLOSSARY,
                labels.page_glossary,
                "glossary",
                in_nav=True,
                terms=terms,
            )
        )
    return pages


def _with_json(data: dict[str, Any]) -> dict[str, Any]:
    """A page's data for its template, and the same as JSON for its script."""
    return {"data": data, "data_json": script_data(data)}
