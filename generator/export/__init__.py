"""Open data: the catalogue as JSON, CSV, Open Referral HSDS 3.0, schema.org JSON-LD and a feed.

Nothing here knows about MkDocs: an engine adapter calls
:func:`generator.export.writer.write_exports` after the site is built, and the
renderer asks :mod:`generator.export.jsonld` for each service page's JSON-LD.
This ``__init__`` imports nothing, so the renderer can import ``jsonld``
without pulling in the writer (which imports the renderer's URL helpers).
"""
