"""The site's own pages that list no services: open data, search and the editors' field reference."""

from __future__ import annotations

from generator.render.field_reference import field_reference, inline_code
from generator.render.renderer import Page, Renderer
from generator.site import urls


def open_data_page(renderer: Renderer) -> Page:
    """ "Avoin data": the exported files, which are written beside it after the build."""
    return renderer.page(
        "open-data.md.j2", urls.OPEN_DATA, renderer.labels.page_open_data, "open-data", in_nav=True
    )


def search_page(renderer: Renderer) -> Page:
    return renderer.page("search.md.j2", urls.SEARCH, renderer.labels.page_search, "search", in_nav=False)


def field_reference_page(renderer: Renderer) -> Page:
    """Every field of every catalogue file, next to the hand-written editors' guide."""
    return renderer.page(
        "field-reference.md.j2",
        urls.FIELD_REFERENCE,
        renderer.labels.page_field_reference,
        "field-reference",
        in_nav=False,
        sections=field_reference(),
        code=inline_code,
    )
