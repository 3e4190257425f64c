"""What the search index holds beyond a page's own words.

``morphology`` splits Finnish compounds and finds base forms with Voikko;
``vocabulary`` matches the region's everyday, English and Swedish words to the
catalogue's terms; ``terms`` puts both together into the hidden, low-weight
search terms of each service page.
"""
