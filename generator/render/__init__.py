"""Stage 4: catalogue → page models (Markdown), independent of any site engine."""
