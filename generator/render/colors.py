"""The region's colours (``site.colors`` in region.yml) as a small stylesheet.

The stylesheet only defines ``--tarjotin-region-*`` custom properties on
``:root``. The site's own stylesheet reads them with neutral fallbacks
(``var(--tarjotin-region-primary, …)``), so the order of stylesheets does not
matter and a region without colours still gets a readable site.
"""

from __future__ import annotations

from generator.model.entries import RegionFile

#: Where the engine serves the generated stylesheet, relative to the site root (re-exported
#: for the engine adapters, which write it).
from generator.site.urls import REGION_STYLESHEET as REGION_STYLESHEET

#: Alpha of the accent's translucent variant (Material's hover and focus backgrounds).
_TRANSPARENT_ALPHA = "1a"


def region_stylesheet(region: RegionFile) -> str | None:
    """The CSS for ``region``'s colours; ``None`` when the region names none."""
    colors = region.site.colors
    if colors is None:
        return None
    properties = {
        "primary": colors.primary,
        "primary-light": colors.primary_light,
        "primary-dark": colors.primary_dark,
        "accent": colors.accent,
        "accent-transparent": colors.accent + _TRANSPARENT_ALPHA,
        "link": colors.link,
        "tint": colors.tint,
    }
    lines = [f"  --tarjotin-region-{name}: {value.lower()};" for name, value in properties.items()]
    return (
        # Only validated #rrggbb values go in; no free text (a name could close the comment).
        "/* Generated from region.yml (site.colors). */\n:root {\n" + "\n".join(lines) + "\n}\n"
    )
