"""Addresses of the site's pages, as the exports write them.

With ``site_url`` set (mkdocs.yml), every address is absolute. Without it the
exports cannot know where the site will be served, so addresses are relative
to the export file they appear in, which is how a browser or feed reader
resolves a relative link (RFC 3986) wherever the site is hosted.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from generator.model.catalogue import Service
from generator.render.pages import served_path, service_path


@dataclass(frozen=True)
class SiteUrls:
    """Builds addresses of pages and files of one built site.

    Attributes:
        site_url: The site's public address (mkdocs.yml ``site_url``); empty when unknown.
    """

    site_url: str = ""

    @property
    def absolute(self) -> bool:
        return bool(self.site_url)

    def address(self, target: str, from_file: str) -> str:
        """The address of ``target`` (a path from the site root) as written in ``from_file``."""
        if self.absolute:
            return self.site_url.rstrip("/") + "/" + target
        relative = posixpath.relpath(target or ".", posixpath.dirname(from_file) or ".")
        if target.endswith("/") or target == "":
            relative = "./" if relative == "." else relative + "/"
        return relative

    def home(self, from_file: str) -> str:
        return self.address("", from_file)

    def service(self, service: Service, from_file: str) -> str:
        """The address of a service's page."""
        return self.address(served_path(service_path(service)), from_file)

    def absolute_service(self, service: Service) -> str | None:
        """The service page's absolute address, or ``None`` when the site's address is unknown."""
        return self.service(service, "") if self.absolute else None
