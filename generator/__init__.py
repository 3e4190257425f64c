"""Palvelutarjotin: a static-site generator for regional service catalogues."""
