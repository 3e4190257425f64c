"""The form editor (Decap CMS) at /yllapito/: configuration from the models, pinned bundle, local mode."""
