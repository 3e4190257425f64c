"""Addresses of the site's pages, as the exports write them.

With ``site_url`` set (mkdocs.yml), every address is absolute. Without it the
exports cannot know where the site will be served, so addresses are relative
to the export file they appear in, which is how a browser or feed reader
resolves a relative link (RFC 3986) wherever the site is hosted. The paths
themselves are :mod:`generator.site.urls`'.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.model.catalogue import Service
from generator.site import urls


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
        """The address of ``target`` (a source path or a path from the site root) in ``from_file``."""
        if self.absolute:
            return urls.absolute_url(self.site_url, target)
        return urls.relative_url(from_file, target)

    def home(self, from_file: str) -> str:
        return self.address(urls.HOME, from_file)

    def service(self, service: Service, from_file: str) -> str:
        """The address of a service's page."""
        return self.address(urls.service(service.id), from_file)

    def absolute_service(self, service: Service) -> str | None:
        """The service page's absolute address, or ``None`` when the site's address is unknown."""
        return self.service(service, "") if self.absolute else None
