"""The pages that list services: home, all services, by theme, by municipality, the print tray.

Also the further-reading link lists, which are grouped by theme like the listings.
"""

from __future__ import annotations

from generator.model.catalogue import Service
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
            services=renderer.current(catalogue.services_in_municipality(municipality)),
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
    """Every current service by theme on one page, for printing (not in the navigation)."""
    return renderer.page(
        "tray.md.j2", urls.TRAY, renderer.labels.page_tray, "tray", in_nav=False, services=current
    )
