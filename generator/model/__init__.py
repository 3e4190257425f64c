"""Stage 3: the validated catalogue as domain objects."""
