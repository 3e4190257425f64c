"""Open data: the catalogue as JSON, CSV, Open Referral HSDS 3.0, schema.org JSON-LD and a feed.

Nothing here knows about MkDocs or imports the renderer: an engine adapter calls
:func:`generator.export.writer.write_exports` after the site is built, and the
renderer asks :mod:`generator.export.jsonld` for each service page's JSON-LD.
Addresses come from :mod:`generator.site.urls`, words from :mod:`generator.site.labels`.
"""
