"""The site engines' adapters and the one build that chooses between them.

Each adapter only applies a site plan (``generator.site.plan``) made without any
engine: ``mkdocs_plugin`` inside MkDocs's build events, ``zensical_adapter`` by
staging the pages for ``zensical build``. ``site_build`` plans the site once and
runs the adapter of the engine chosen (``tarjotin build --engine``).
"""
