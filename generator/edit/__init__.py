"""Tools for content editors: scaffold a new service file, format catalogue files."""
