"""Each service's own page, with its JSON-LD and its "report a problem" links."""

from __future__ import annotations

from urllib.parse import quote, urlencode

from markupsafe import Markup

from generator.export import jsonld
from generator.model.catalogue import Service
from generator.model.entries import ServiceEntry
from generator.render.memo import steps_key
from generator.render.next_steps import NextSteps, OnOffer, next_steps
from generator.render.renderer import Page, Renderer
from generator.search.terms import page_terms
from generator.site import urls
from generator.site.labels import fill


def service_pages(renderer: Renderer) -> list[Page]:
    """Every service's page, ended ones too (they say so, and search leaves them out)."""
    on_offer = OnOffer(renderer.current(renderer.catalogue.services))
    return [_service_page(renderer, service, on_offer) for service in renderer.catalogue.services]


def _service_page(renderer: Renderer, service: Service, on_offer: OnOffer) -> Page:
    steps = next_steps(service, renderer.catalogue, on_offer)
    if renderer.memo is None:
        return _render_service_page(renderer, service, steps)
    key = (renderer.shared_key, renderer.own_key(service), steps_key(steps))
    return renderer.memo.pages.get(key, lambda: _render_service_page(renderer, service, steps))


def _render_service_page(renderer: Renderer, service: Service, steps: NextSteps) -> Page:
    ended = service.has_ended(renderer.options.today)
    return renderer.page(
        "service.md.j2",
        urls.service(service.id),
        service.name,
        "service",
        in_nav=False,
        searchable=not ended,
        service=service,
        ended=ended,
        edit_url=edit_url(renderer, service),
        issue_url=issue_url(renderer, service),
        json_ld=lambda service: json_ld(renderer, service),
        search_terms="" if ended else page_terms(service.entry, renderer.catalogue.vocabulary),
        steps=steps,
        access_note=access_note(service.entry),
    )


def _plain(text: str) -> str:
    return " ".join(text.split()).casefold()


def access_note(entry: ServiceEntry) -> str | None:
    """The source's note on access, unless Mitä/Miksi/Miten/Kenelle already say it word for word.

    The sources often repeat a card's "how to get in" sentence in its own box; a page
    states each fact once.
    """
    note = entry.access.note if entry.access else None
    if not note:
        return None
    said = " ".join(_plain(text) for text in (entry.what, entry.why, entry.how, entry.for_whom) if text)
    return None if _plain(note) in said else note


def json_ld(renderer: Renderer, service: Service) -> Markup:
    """The service's schema.org JSON-LD as a front-matter value (see ``export.jsonld``)."""
    site_url = renderer.options.site_url.rstrip("/")
    url = urls.absolute_url(site_url, urls.service(service.id)) if site_url else None
    return Markup(jsonld.front_matter_value(jsonld.service_json_ld(service, renderer.catalogue.region, url)))


def repository_path(renderer: Renderer, service: Service) -> str:
    """The service file's path in the repository (the catalogue's parent is its root)."""
    try:
        return service.source.relative_to(renderer.catalogue.root.parent).as_posix()
    except ValueError:
        return f"catalogue/services/{service.source.name}"


def edit_url(renderer: Renderer, service: Service) -> str:
    """The service file in the repository's editor; empty without a repository."""
    options = renderer.options
    if not options.repo_url:
        return ""
    base = options.repo_url.rstrip("/")
    edit = options.edit_uri.strip("/") or "edit/main"
    return f"{base}/{edit}/{repository_path(renderer, service)}"


def issue_url(renderer: Renderer, service: Service) -> str:
    """A new GitHub issue about ``service``, its title and body filled in."""
    if not renderer.options.repo_url:
        return ""
    labels = renderer.labels
    title = fill(labels.issue_title, name=service.name)
    service_line = fill(labels.issue_service, name=service.name)
    file_line = fill(labels.issue_file, file=repository_path(renderer, service))
    body = f"{service_line}\n{file_line}\n\n{labels.issue_prompt}\n"
    query = urlencode({"title": title, "body": body}, quote_via=quote)
    return f"{renderer.options.repo_url.rstrip('/')}/issues/new?{query}"
