"""Stage 5: write the site (atomically) and index it for search."""
