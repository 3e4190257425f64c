"""Adapters that hand the rendered pages to a site engine (today MkDocs).

Each adapter stays thin: load and validate the catalogue, render pages with
``generator.render``, and register them with the engine as virtual files.
"""
