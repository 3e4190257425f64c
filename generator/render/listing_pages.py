"""The pages that list services: home, all services, by theme, by section of the tray, by
municipality, the print tray.

Also the further-reading link lists, which are grouped by theme like the listings.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.model.catalogue import Catalogue, Section, Service
from generator.render.renderer import Page, Renderer
from generator.site import urls


def listing_pages(renderer: Renderer, current: list[Service]) -> list[Page]:
    """The listings in navigation order; ``current`` is every service still on offer."""
    catalogue, labels = renderer.catalogue, renderer.labels
    pages = [
        renderer.page(
            "home.md.j2", urls.HOME, catalogue.region.site.title, "home", in_nav=True, services=current
        ),
        renderer.page(
            "services.md.j2", urls.SERVICES, labels.page_services, "services", in_nav=True, services=current
        ),
        renderer.page(
            "themes.md.j2", urls.THEMES, labels.page_themes, "themes", in_nav=True, services=current
        ),
    ]
    pages += [
        renderer.page(
            "theme.md.j2",
            urls.theme(theme.id),
            theme.name,
            "theme",
            in_nav=True,
            theme=theme,
            services=renderer.current(catalogue.services_in_theme(theme)),
        )
        for theme in catalogue.themes
    ]
    pages += [
        renderer.page(
            "section.md.j2",
            urls.section(section.id),
            section.name,
            "section",
            in_nav=True,
            section=section,
            services=renderer.current(section.services),
        )
        for section in catalogue.sections
    ]
    pages.append(
        renderer.page(
            "municipalities.md.j2",
            urls.MUNICIPALITIES,
            labels.page_municipalities,
            "municipalities",
            in_nav=True,
            services=current,
        )
    )
    pages += [
        renderer.page(
            "municipality.md.j2",
            urls.municipality(municipality.id),
            municipality.name,
            "municipality",
            in_nav=True,
            municipality=municipality,
            services=(services := renderer.current(catalogue.services_in_municipality(municipality))),
            groups=section_groups(catalogue, services),
        )
        for municipality in catalogue.municipalities
    ]
    if catalogue.further_reading:
        pages.append(
            renderer.page(
                "further-reading.md.j2",
                urls.FURTHER_READING,
                labels.page_further_reading,
                "further-reading",
                in_nav=True,
            )
        )
    return pages


def tray_page(renderer: Renderer, current: list[Service]) -> Page:
    """Every current service once, by section as the source groups them, on one page for
    printing (not in the navigation)."""
    return renderer.page(
        "tray.md.j2", urls.TRAY, renderer.labels.page_tray, "tray", in_nav=False, services=current
    )


@dataclass(frozen=True)
class SectionGroup:
    """Some services of one section, for a page that lists them under the section's name.

    Attributes:
        section: The section; ``None`` for the services no section lists.
        services: Those of the page's services that the section itself lists.
        level: 2 for a top-level section, 3 for a sub-section (its heading's level).
    """

    section: Section | None
    services: list[Service]
    level: int


def section_groups(catalogue: Catalogue, services: list[Service]) -> list[SectionGroup]:
    """``services`` by the tray's sections, in the source's order, each section with its
    sub-sections after it; a section holding none of them is left out."""
    groups: list[SectionGroup] = []
    wanted = set(map(id, services))
    for section in (s for s in catalogue.sections if s.parent is None):
        own = [s for s in section.services if id(s) in wanted]
        children = [
            SectionGroup(child, found, 3)
            for child in section.children
            if (found := [s for s in child.services if id(s) in wanted])
        ]
        if own or children:
            groups.append(SectionGroup(section, own, 2))
            groups += children
    listed = {id(s) for group in groups for s in group.services}
    if rest := [s for s in services if id(s) not in listed]:
        groups.append(SectionGroup(None, rest, 2))
    return groups
