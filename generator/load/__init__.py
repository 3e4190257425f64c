"""Stage 1: find the catalogue's files and read them safely."""
