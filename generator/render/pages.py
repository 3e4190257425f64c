"""Turn a catalogue into page models: Markdown documents with a path.

This module knows nothing about MkDocs. An engine adapter (see
``generator.engines``) only has to hand these pages to its site generator as
virtual files and keep service pages out of the global navigation. Each kind of
page is rendered by its own module; this one puts them in navigation order.
"""

from __future__ import annotations

from generator.background import ForkedResult, can_fork
from generator.memory import collector_paused
from generator.model.catalogue import Catalogue
from generator.render.listing_pages import listing_pages, tray_page
from generator.render.memo import RenderMemo
from generator.render.professional_pages import professional_pages
from generator.render.renderer import Page, Renderer, RenderOptions
from generator.render.service_pages import service_pages
from generator.render.site_pages import field_reference_page, open_data_page, search_page

__all__ = ["Page", "RenderOptions", "render_pages"]

#: From how many services on the service pages are rendered by a forked copy of the
#: plan, on the other core, while this process renders the rest: they are over half
#: of the plan, and below this many the fork costs more than it saves.
RENDER_BESIDE_FROM = 100


def render_pages(
    catalogue: Catalogue, options: RenderOptions | None = None, memo: RenderMemo | None = None
) -> list[Page]:
    """Render every page of ``catalogue``, in navigation order.

    ``memo`` is the preview's: what the last plan rendered (``render/memo.py``).
    """
    with collector_paused():  # the pages live until the site is written
        renderer = Renderer(catalogue, options or RenderOptions(), memo)
        current = renderer.current(catalogue.services)
        beside = _service_pages_beside(renderer)
        try:
            pages = [
                *listing_pages(renderer, current),
                *professional_pages(renderer),
                open_data_page(renderer),
                search_page(renderer),
                tray_page(renderer, current),
            ]
            # A copy that failed gives None: the pages are then rendered here.
            services = (beside.result() if beside is not None else None) or service_pages(renderer)
        except BaseException:
            if beside is not None:
                beside.abort()
            raise
        return [*pages, *services, field_reference_page(renderer)]


def _service_pages_beside(renderer: Renderer) -> ForkedResult[list[Page]] | None:
    """The service pages rendered by a forked copy, where that is worth it and safe.

    Never for the preview's memo (its store is this process's) and only where
    :func:`~generator.background.can_fork`. The copy starts from the renderer as it is
    before any page, and no page's rendering changes the renderer, so its pages are
    those this process would render (``tests/unit/test_site_plan.py`` compares them).
    """
    if renderer.memo is not None or len(renderer.catalogue.services) < RENDER_BESIDE_FROM or not can_fork():
        return None
    return ForkedResult(lambda: service_pages(renderer), b"tarjotin-pages")
