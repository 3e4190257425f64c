"""``tarjotin links``: check the built site's links and trace every problem to its source."""
