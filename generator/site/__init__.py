"""The site's structure, whatever engine builds it: every address and every label.

``urls`` says where each page and file lives; ``labels`` holds the Finnish words
the pages and the exports share. Both are plain Python: nothing here imports
MkDocs, Zensical or the rest of the generator, so every stage can use them.
"""
