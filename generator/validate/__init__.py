"""Stage 2: check files against their models and each other."""
