"""Every address the site has, defined once.

A page has a *source path*, its Markdown file relative to the docs folder
(``palvelut/kela.md``), and a *served path*, where it is found with directory
URLs (``palvelut/kela/``). The renderer writes Markdown links to source paths
(the engine resolves them) and its own HTML's links to served paths; the
exports, the link checker and the search index use the served paths. Folder
and file names are Finnish, since they show in the address bar.

Every function takes ids, not models, so that this module imports nothing.
"""

from __future__ import annotations

import posixpath

# --- folders -------------------------------------------------------------------------

#: Service pages: ``palvelut/<id>.md``.
SERVICES_DIR = "palvelut"
#: Theme pages: ``teemat/<id>.md``.
THEMES_DIR = "teemat"
#: Municipality pages: ``kunnat/<id>.md``.
MUNICIPALITIES_DIR = "kunnat"
#: The tray's own sections (``sections.yml``): ``osiot/<id>.md``. No list page of its own:
#: the home page lists the sections, so a section may take any id (``index`` too).
SECTIONS_DIR = "osiot"
#: The professionals' pages.
PROFESSIONAL_DIR = "ammattilaisille"
#: Service paths (palvelupolut): ``ammattilaisille/palvelupolut/<id>.md``.
PATHS_DIR = f"{PROFESSIONAL_DIR}/palvelupolut"
#: Client examples: ``ammattilaisille/asiakasesimerkit/<id>.md``.
CASES_DIR = f"{PROFESSIONAL_DIR}/asiakasesimerkit"
#: Recognition checklists: ``ammattilaisille/tunnistaminen/<id>.md``.
CHECKLISTS_DIR = f"{PROFESSIONAL_DIR}/tunnistaminen"
#: The editors' pages (the hand-written guide and the generated field reference).
EDITORS_DIR = "toimittajille"
#: The open-data files, beside the "Avoin data" page of the same name.
EXPORT_DIR = "avoin-data"
#: Pagefind's index and UI bundle.
SEARCH_BUNDLE_DIR = "pagefind"
#: Stylesheets, scripts and images (hand-written in docs/assets/, plus the region's colours).
ASSETS_DIR = "assets"
#: The form editor (Decap CMS), written into a built site by `tarjotin edit install` (generator/cms).
ADMIN_DIR = "yllapito"

# --- the site's own pages (source paths) ---------------------------------------------

HOME = "index.md"
#: Every current service, with filters.
SERVICES = f"{SERVICES_DIR}/index.md"
THEMES = f"{THEMES_DIR}/index.md"
MUNICIPALITIES = f"{MUNICIPALITIES_DIR}/index.md"
#: The "Lisätietoa" link lists (only when the catalogue has further-reading.yml).
FURTHER_READING = "lisatietoa.md"
PROFESSIONAL = f"{PROFESSIONAL_DIR}/index.md"
PATHS = f"{PATHS_DIR}/index.md"
CASES = f"{CASES_DIR}/index.md"
CHECKLISTS = f"{CHECKLISTS_DIR}/index.md"
PARTICIPATION = f"{PROFESSIONAL_DIR}/osallisuus.md"
GLOSSARY = f"{PROFESSIONAL_DIR}/sanasto.md"
#: The client's service list (asiakkaan palvelulista), kept in the browser; its
#: share link carries the chosen ids as ``?palvelut=a,b,c``. ``clientlist.js``
#: writes this address on every page (tests/unit/test_client_list_assets.py pins it).
CLIENT_LIST = f"{PROFESSIONAL_DIR}/asiakkaan-palvelulista.md"
#: The share link's query parameter on :data:`CLIENT_LIST`.
CLIENT_LIST_PARAMETER = "palvelut"
#: "Sopiiko asiakkaalle?": every current service compared with what is known of a client.
ELIGIBILITY_CHECK = f"{PROFESSIONAL_DIR}/sopiiko-asiakkaalle.md"
#: The "Avoin data" page; its files are in :data:`EXPORT_DIR`.
OPEN_DATA = f"{EXPORT_DIR}.md"
#: The search page (``?q=`` runs a query).
SEARCH = "haku.md"
#: Every current service by theme on one page, for printing.
TRAY = "tulosta.md"
#: The hand-written editors' guide (docs/toimittajille/index.md).
EDITORS_GUIDE = f"{EDITORS_DIR}/index.md"
#: The generated reference of every catalogue field, next to the guide.
FIELD_REFERENCE = f"{EDITORS_DIR}/kentat.md"
#: Hand-written pages linked from every page's footer when the project has them, in order.
FOOTER_PAGES = ("saavutettavuusseloste.md", "tietoa.md", EDITORS_GUIDE)

# --- files ---------------------------------------------------------------------------

#: The open-data files, relative to :data:`EXPORT_DIR`.
CATALOGUE_JSON = "palvelut.json"
CATALOGUE_CSV = "palvelut.csv"
HSDS_SERVICES = "hsds/services.json"
HSDS_ORGANIZATIONS = "hsds/organizations.json"
#: The RSS changes feed.
FEED = "muutokset.xml"
#: Every open-data file, relative to :data:`EXPORT_DIR`.
EXPORT_FILES = (CATALOGUE_JSON, CATALOGUE_CSV, HSDS_SERVICES, HSDS_ORGANIZATIONS, FEED)
#: Pagefind's bundle as the search page's script loads it (a folder: served as is).
SEARCH_BUNDLE = f"{SEARCH_BUNDLE_DIR}/"
#: The QR code library the client list page loads when it shows a service's link
#: (hand-written assets: docs/assets/javascripts/vendor/, with its licence).
QR_SCRIPT = f"{ASSETS_DIR}/javascripts/vendor/qrcode-generator.js"
#: The region's colours, written by the generator when region.yml sets them.
REGION_STYLESHEET = f"{ASSETS_DIR}/stylesheets/tarjotin-region.css"


# --- pages of entries ----------------------------------------------------------------


def service(service_id: str) -> str:
    """A service's page: ``palvelut/<id>.md``."""
    return f"{SERVICES_DIR}/{service_id}.md"


def theme(theme_id: str) -> str:
    return f"{THEMES_DIR}/{theme_id}.md"


def municipality(municipality_id: str) -> str:
    return f"{MUNICIPALITIES_DIR}/{municipality_id}.md"


def section(section_id: str) -> str:
    """A section of the tray (``sections.yml``): its intro and its services."""
    return f"{SECTIONS_DIR}/{section_id}.md"


def pathway(path_id: str) -> str:
    """A service path's page (palvelupolku)."""
    return f"{PATHS_DIR}/{path_id}.md"


def case(case_id: str) -> str:
    """A client example's page (asiakasesimerkki)."""
    return f"{CASES_DIR}/{case_id}.md"


def checklist(checklist_id: str) -> str:
    return f"{CHECKLISTS_DIR}/{checklist_id}.md"


def open_data_file(name: str) -> str:
    """An open-data file's path from the site root, e.g. ``avoin-data/palvelut.json``."""
    return f"{EXPORT_DIR}/{name}"


# --- served paths and links ----------------------------------------------------------


def served_path(source: str) -> str:
    """Where a page's source is served with directory URLs: ``a/b.md`` → ``a/b/``.

    Anything but a Markdown source (a file, a folder ending in ``/``) is served as is.
    """
    if not source.endswith(".md"):
        return source
    stem = source[: -len(".md")]
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def _folder(served: str) -> str:
    """The folder relative links are resolved against: a page's own, or a file's parent."""
    if served == "" or served.endswith("/"):
        return served.rstrip("/") or "."
    return posixpath.dirname(served) or "."


def relative_url(from_path: str, to_path: str) -> str:
    """A relative URL from one page or file to another, as a browser resolves it.

    Both are source paths or paths from the site root (``haku.md``,
    ``avoin-data/palvelut.json``, ``pagefind/``). A target served as a folder keeps
    its trailing slash, so the link needs no redirect.
    """
    target = served_path(to_path)
    relative = posixpath.relpath(target.rstrip("/") or ".", _folder(served_path(from_path)))
    if target.endswith("/") or target == "":
        relative = "./" if relative == "." else relative + "/"
    return relative


def source_relative_url(from_path: str, to_path: str) -> str:
    """A URL to ``to_path``'s served path, relative to the folder of the page's *source*.

    Zensical resolves every relative ``href`` and ``src`` in a page's HTML (raw HTML
    too) from the folder of the page's source (``palvelut/`` for ``palvelut/kela.md``)
    and rewrites it for where the page is served; a served-relative link would point
    one folder too high there. ``relative_url`` is the form for MkDocs, which leaves
    raw HTML alone, and for values no engine rewrites (``action``, ``data-*``).
    """
    target = served_path(to_path)
    relative = posixpath.relpath(target.rstrip("/") or ".", posixpath.dirname(from_path) or ".")
    if target.endswith("/") or target == "":
        relative = "./" if relative == "." else relative + "/"
    return relative


def absolute_url(site_url: str, to_path: str) -> str:
    """The absolute address of a page or file under ``site_url`` (mkdocs.yml's ``site_url``)."""
    return site_url.rstrip("/") + "/" + served_path(to_path)
