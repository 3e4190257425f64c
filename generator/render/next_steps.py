"""The next step that ends every service page, from what the catalogue knows.

In this order, each only where the data has it (nothing is made up, least of all a
contact): the service's contacts, its provider's web page, the service's own links,
whoever refers clients to it or decides on it (linked to that service's own page when
the catalogue has one), the other related services still on offer, and the region's
general guidance (region.yml ``site.guidance_link``). A page with none of these
links to the other services of its section, so no page is a dead end.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from generator.model.catalogue import Catalogue, Section, Service
from generator.model.entries import Contact, Link, Provider


@dataclass(frozen=True)
class Referrer:
    """Someone named in a service's access data, and their service's page if there is one.

    Attributes:
        name: As the data writes it (``access.referral_from``, ``access.decision_by``).
        service: The current service of the same name (case aside), e.g. "lääkäri" →
            the service "Lääkäri"; ``None`` when the catalogue has no such service.
    """

    name: str
    service: Service | None


@dataclass(frozen=True)
class NextSteps:
    """What a service page offers as its next step, in the order it is shown."""

    contacts: list[Contact] = field(default_factory=list)
    provider: Provider | None = None
    links: list[Link] = field(default_factory=list)
    referrers: list[Referrer] = field(default_factory=list)
    decider: Referrer | None = None
    related: list[Service] = field(default_factory=list)
    guidance: Link | None = None
    #: Only when nothing above has a link: the service's section, for its other services.
    section: Section | None = None

    @property
    def has_links(self) -> bool:
        return bool(
            self.contacts
            or self.provider
            or self.links
            or any(r.service for r in self.referrers)
            or (self.decider and self.decider.service)
            or self.related
            or self.guidance
        )


def _name_key(name: str) -> str:
    return name.casefold().strip()


class OnOffer:
    """The services still on offer, indexed once for every service page's next step.

    Each page asks which of them bears a name and whether a service is among them. Asking
    the list itself made the plan quadratic: at 5,000 services the scans took 5.4 s, more
    than every other part of the plan together.
    """

    def __init__(self, services: list[Service]) -> None:
        self._services = set(services)  # by identity: services compare as objects
        self._by_name: dict[str, list[Service]] = {}
        for service in services:
            self._by_name.setdefault(_name_key(service.name), []).append(service)

    def has(self, service: Service, besides: Service) -> bool:
        """Whether ``service`` is on offer and is not ``besides``."""
        return service is not besides and service in self._services

    def named(self, name: str, besides: Service) -> Service | None:
        """The first service on offer named ``name`` (case aside), other than ``besides``."""
        return next((s for s in self._by_name.get(_name_key(name), ()) if s is not besides), None)


def next_steps(service: Service, catalogue: Catalogue, on_offer: OnOffer) -> NextSteps:
    """The next steps of ``service``, linking only to the services ``on_offer``."""
    entry = service.entry
    access = entry.access
    referral_from = (access.referral_from or []) if access else []
    referrers = [Referrer(name, on_offer.named(name, service)) for name in referral_from]
    decision_by = access.decision_by if access else None
    decider = Referrer(decision_by, on_offer.named(decision_by, service)) if decision_by else None
    linked = {r.service.id for r in [*referrers, decider] if r is not None and r.service is not None}
    related = [s for s in service.related if on_offer.has(s, service) and s.id not in linked]
    links = list(entry.links or [])
    guidance = catalogue.region.site.guidance_link
    if guidance is not None and any(link.url == guidance.url for link in links):
        guidance = None  # the service's own links already lead there
    steps = NextSteps(
        contacts=list(entry.contacts or []),
        provider=service.provider if service.provider.url else None,
        links=links,
        referrers=referrers,
        decider=decider,
        related=related,
        guidance=guidance,
    )
    if not steps.has_links:
        section = catalogue.section_of(service)
        if section is not None and any(on_offer.has(s, service) for s in section.all_services()):
            return replace(steps, section=section)
    return steps
