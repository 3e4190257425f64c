"""Turn a catalogue into page models: Markdown documents with a path.

This module knows nothing about MkDocs. An engine adapter (see
``generator.engines``) only has to hand these pages to its site generator as
virtual files and keep service pages out of the global navigation. Each kind of
page is rendered by its own module; this one puts them in navigation order.
"""

from __future__ import annotations

from generator.memory import collector_paused
from generator.model.catalogue import Catalogue
from generator.render.listing_pages import listing_pages, tray_page
from generator.render.memo import RenderMemo
from generator.render.professional_pages import professional_pages
from generator.render.renderer import Page, Renderer, RenderOptions
from generator.render.service_pages import service_pages
from generator.render.site_pages import field_reference_page, open_data_page, search_page

__all__ = ["Page", "RenderOptions", "render_pages"]


def render_pages(
    catalogue: Catalogue, options: RenderOptions | None = None, memo: RenderMemo | None = None
) -> list[Page]:
    """Render every page of ``catalogue``, in navigation order.

    ``memo`` is the preview's: what the last plan rendered (``render/memo.py``).
    """
    with collector_paused():  # the pages live until the site is written
        renderer = Renderer(catalogue, options or RenderOptions(), memo)
        current = renderer.current(catalogue.services)
        return [
            *listing_pages(renderer, current),
            *professional_pages(renderer),
            open_data_page(renderer),
            search_page(renderer),
            tray_page(renderer, current),
            *service_pages(renderer),
            field_reference_page(renderer),
        ]
