"""The Zensical adapter: build a site plan with Zensical.

Zensical, the successor of Material for MkDocs, reads an mkdocs.yml-style
configuration and Material-compatible theme overrides, but runs no MkDocs plugins
and no hooks. So nothing here happens in build events: :func:`build_plan` takes
the site plan (``generator.site.plan``) — the pages' Markdown, the generated
assets, the Markdown extensions with their settings, the navigation, the theme's
``extra`` values — and writes a staging project (docs folder, theme overrides,
generated config) and runs ``zensical build`` on it in a child process. Zensical
is imported only in that process; MkDocs not at all.

What Zensical does differently, and what the adapter does about it, is in
developer-docs/engines.md.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from generator.render.fragments import FragmentRenderer
from generator.site import urls
from generator.site.plan import SitePlan, extension_entries, merged_extensions, mkdocs_style
from generator.site.project import Project, PythonName

#: The Zensical release this adapter is written and tested against (see developer-docs/engines.md).
ZENSICAL_VERSION = "0.0.73"

#: Folder names inside the staging project.
DOCS = "docs"
OVERRIDES = "overrides"
SITE = "site"
CONFIG = "mkdocs.yml"

#: Settings only MkDocs reads: Zensical runs no third-party plugins or hooks, and the
#: staging project sets its own folders.
_MKDOCS_ONLY = ("plugins", "hooks", "docs_dir", "site_dir", "INHERIT")

#: Material's Markdown helpers live in Zensical's own package under another name.
_NAMESPACES = {"material.extensions.": "zensical.extensions.", "materialx.": "zensical.extensions."}

_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_ISSUE = re.compile(r"^(Warning|Error): (?P<message>.+?)\s*$")
_LOCATION = re.compile(r"\[ (?P<path>[^\]]+?):(?P<line>\d+):(?P<column>\d+) \]")


class ZensicalError(Exception):
    """Zensical could not build the site; the message says why, without a traceback."""


@dataclass(frozen=True)
class ZensicalIssue:
    """One problem Zensical reported (an invalid link or anchor), in a page's source."""

    message: str
    path: str | None = None
    line: int | None = None
    column: int | None = None

    def format(self) -> str:
        if self.path is None:
            return self.message
        return f"{DOCS}/{self.path}:{self.line}:{self.column}: {self.message}"


@dataclass
class ZensicalBuild:
    """What a build left: the issues Zensical reported and how long it took."""

    issues: list[ZensicalIssue] = field(default_factory=list)
    seconds: float = 0.0


def nav_from_pages(pages: Sequence[tuple[str, str | None]]) -> list[Any]:
    """An explicit mkdocs.yml-style ``nav`` from ``(source path, title)`` pairs in order.

    A title of ``None`` leaves the page's own title (front matter or first heading), as
    MkDocs's own nav does.

    Without an explicit nav Zensical lists every page, service pages included, on every
    page. This builds what the MkDocs plugin makes of MkDocs's own nav: one section per
    folder, the folder's ``index.md`` first (``navigation.indexes``) and titling the
    section, a folder with a single page reduced to that page, the order otherwise as
    given, a section titled by its folder's name as MkDocs titles it.
    """
    return _nav_level([(PurePosixPath(path).parts, path, title) for path, title in pages])


_NavEntry = tuple[tuple[str, ...], str, str | None]


def _nav_item(path: str, title: str | None) -> Any:
    return path if title is None else {title: path}


def _nav_level(entries: list[_NavEntry]) -> list[Any]:
    # A folder keeps the place of its first page; its section is made once all are seen.
    items: list[Any] = []
    folders: dict[str, list[_NavEntry]] = {}
    for parts, path, title in entries:
        if len(parts) == 1:
            items.append(_nav_item(path, title))
        elif parts[0] in folders:
            folders[parts[0]].append((parts[1:], path, title))
        else:
            folders[parts[0]] = [(parts[1:], path, title)]
            items.append(_Folder(parts[0]))
    return [_section(item.name, folders[item.name]) if isinstance(item, _Folder) else item for item in items]


@dataclass(frozen=True)
class _Folder:
    name: str


def _section(name: str, children: list[_NavEntry]) -> Any:
    index = next((c for c in children if c[0] == ("index.md",)), None)
    if index is not None:
        children = [index, *(c for c in children if c is not index)]
    if len(children) == 1 and len(children[0][0]) == 1:
        return _nav_item(children[0][1], children[0][2])
    return {_folder_title(name): _nav_level(children)}


def _folder_title(name: str) -> str:
    """MkDocs's section title for a folder: ``tunnistaminen`` → ``Tunnistaminen``."""
    title = name.replace("-", " ").replace("_", " ")
    return title.capitalize() if title.lower() == title else title


def zensical_config(
    config: Mapping[str, Any], *, nav: Sequence[Any] | None, overrides: bool
) -> dict[str, Any]:
    """The staging project's configuration from mkdocs.yml-style settings.

    Keeps what Zensical reads (site and theme settings, ``extra``, ``extra_css``,
    ``extra_javascript``, ``markdown_extensions``, ``validation``, ``strict``) and sets
    what the adapter decides: the staging folders, Zensical's own search switched off
    (Pagefind indexes the built site instead), Material's look (``variant: classic``)
    unless one is chosen, and the explicit navigation.
    """
    result: dict[str, Any] = {k: _plain(v) for k, v in config.items() if k not in _MKDOCS_ONLY}
    if "site_name" not in result:
        raise ZensicalError("the site configuration has no site_name")
    result["docs_dir"] = DOCS
    result["site_dir"] = SITE
    # Zensical builds its own search index whether or not the theme shows it; at
    # 5,000 pages it refuses to ("exceeds the search index limit"). Pagefind serves search.
    result["plugins"] = [{"search": {"enabled": False}}]
    theme = dict(result.get("theme") or {})
    if isinstance(config.get("theme"), str):
        theme = {"name": config["theme"]}
    theme.setdefault("name", "material")
    theme.setdefault("variant", "classic")  # the stylesheets are written for Material's look
    if overrides:
        theme["custom_dir"] = OVERRIDES
    else:
        theme.pop("custom_dir", None)
    result["theme"] = theme
    # Zensical always adds pymdownx.superfences, which colours fenced code with Pygments
    # (a comment colour of 4.47:1, below WCAG AA); MkDocs writes the same blocks without
    # colours. Plain code, as MkDocs has it, unless the project configures highlighting.
    extensions = list(result.get("markdown_extensions") or [])
    if "pymdownx.highlight" not in [name for name, _ in extension_entries(extensions)]:
        result["markdown_extensions"] = [*extensions, {"pymdownx.highlight": {"use_pygments": False}}]
    if nav is not None:
        result["nav"] = _plain(list(nav))
    return result


def _plain(value: Any) -> Any:
    """``value`` as YAML Zensical can read: Python objects (Material's emoji functions) by name."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, str):
        return _renamed(str(value))
    if isinstance(value, bool | int | float) or value is None:
        return value
    if callable(value) and getattr(value, "__module__", None) and getattr(value, "__qualname__", None):
        return _renamed(f"{value.__module__}.{value.__qualname__}")
    raise ZensicalError(f"cannot pass {value!r} to Zensical: its configuration is text, numbers and lists")


def _renamed(name: str) -> str:
    for old, new in _NAMESPACES.items():
        if name.startswith(old):
            return new + name[len(old) :]
    return name


def _safe_target(root: Path, relative: str, what: str) -> Path:
    """``root / relative``, refusing absolute paths and ``..`` that would leave ``root``."""
    path = PurePosixPath(relative)
    if path.is_absolute() or ".." in path.parts or not path.parts:
        raise ZensicalError(f"{what} '{relative}' must be a relative path inside the docs folder")
    return root.joinpath(*path.parts)


def stage_project(
    root: Path,
    pages: Mapping[str, str],
    config: Mapping[str, Any],
    *,
    nav: Sequence[Any] | None = None,
    docs_dir: Path | None = None,
    theme_dir: Path | None = None,
    assets: Mapping[str, str | bytes] | None = None,
) -> Path:
    """Write a Zensical project into ``root`` and return its config file.

    ``root/docs`` gets a copy of ``docs_dir`` (copied, not linked: Zensical skips
    symlinked files and folders), then every page and asset; ``root/overrides`` a copy
    of ``theme_dir``. Zensical's cache (``root/.cache``) is kept between builds.
    """
    docs = root / DOCS
    for old in (docs, root / OVERRIDES, root / SITE):
        shutil.rmtree(old, ignore_errors=True)
    if docs_dir is not None:
        shutil.copytree(docs_dir, docs, symlinks=False)
    docs.mkdir(parents=True, exist_ok=True)
    for what, files in (("page", pages), ("asset", assets or {})):
        for relative, content in files.items():
            target = _safe_target(docs, relative, what)
            if target.exists():
                raise ZensicalError(f"docs/{relative} would replace a generated {what}; rename or remove it")
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                target.write_bytes(content)
            else:
                target.write_text(content, encoding="utf-8")
    if theme_dir is not None:
        shutil.copytree(theme_dir, root / OVERRIDES, symlinks=False)
    config_file = root / CONFIG
    settings = zensical_config(config, nav=nav, overrides=theme_dir is not None)
    config_file.write_text(
        "# Generated by generator.engines.zensical_adapter for one build; do not edit.\n"
        + yaml.safe_dump(settings, allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )
    return config_file


def parse_issues(output: str) -> list[ZensicalIssue]:
    """The warnings in Zensical's report: ``Warning: message`` and a ``[ path:line:col ]`` box."""
    issues: list[ZensicalIssue] = []
    for line in _ANSI.sub("", output).splitlines():
        if match := _ISSUE.match(line.strip()):
            issues.append(ZensicalIssue(match["message"]))
        elif (where := _LOCATION.search(line)) and issues and issues[-1].path is None:
            issues[-1] = ZensicalIssue(
                issues[-1].message, where["path"], int(where["line"]), int(where["column"])
            )
    return issues


def _failure(output: str) -> str:
    """The reason of a failed build: Zensical's last error line, without the traceback."""
    lines = [line.strip() for line in _ANSI.sub("", output).splitlines() if line.strip()]
    for line in reversed(lines):
        if re.match(r"^[A-Za-z_.]*(Error|Exception)\b", line) or line.startswith("Error"):
            return line.split(": ", 1)[1] if ": " in line else line
    return lines[-1] if lines else "no output"


def run_zensical(
    config_file: Path,
    *,
    strict: bool = False,
    python: str | None = None,
    timeout: float | None = None,
) -> ZensicalBuild:
    """Run ``zensical build`` on ``config_file`` in a child process.

    The child is the project's own interpreter by default: Zensical imports the
    project's Python-Markdown extensions (``generator.render.safe_links``) from it.

    Raises:
        ZensicalError: Zensical is missing, failed, or (``strict``) reported issues.
    """
    command = [python or sys.executable, "-m", "zensical", "build", "-f", str(config_file)]
    if strict:
        command.append("--strict")
    started = time.perf_counter()
    try:
        done = subprocess.run(
            command,
            cwd=config_file.parent,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
            env={**os.environ, "NO_COLOR": "1"},
        )
    except subprocess.TimeoutExpired:
        raise ZensicalError(f"Zensical did not finish in {timeout} s") from None
    seconds = time.perf_counter() - started
    output = done.stdout + done.stderr
    issues = parse_issues(output)
    if done.returncode != 0:
        if "No module named zensical" in output:
            raise ZensicalError(
                f"Zensical is not installed; install it with: pip install 'zensical=={ZENSICAL_VERSION}'"
            )
        if strict and issues:
            details = "\n".join(issue.format() for issue in issues)
            raise ZensicalError(f"Zensical reported {len(issues)} issue(s):\n{details}")
        raise ZensicalError(f"Zensical failed: {_failure(output)}")
    return ZensicalBuild(issues=issues, seconds=seconds)


def build_with_zensical(
    pages: Mapping[str, str],
    site_dir: Path,
    config: Mapping[str, Any],
    *,
    nav: Sequence[Any] | None = None,
    docs_dir: Path | None = None,
    theme_dir: Path | None = None,
    assets: Mapping[str, str | bytes] | None = None,
    work_dir: Path | None = None,
    strict: bool = False,
    python: str | None = None,
    timeout: float | None = None,
) -> ZensicalBuild:
    """Build a site from rendered pages with Zensical into ``site_dir``.

    Args:
        pages: Each generated page's Markdown (front matter included) by its source
            path relative to the docs folder (``palvelut/kela.md``).
        site_dir: Where the built site goes: a new folder, or one holding only what
            other work of the same build wrote (the open-data files); the caller swaps
            the finished folder in, as ``generator.write.site`` does.
        config: mkdocs.yml-style settings (``site_name``, ``theme``, ``extra_css``,
            ``markdown_extensions`` with their settings, ``extra`` …); plugins and
            hooks are dropped, Python objects are passed by their dotted names.
        nav: The explicit navigation (see ``nav_from_pages``); ``None`` lets Zensical
            list every page.
        docs_dir: Hand-written pages and static files, copied into the staging docs.
        theme_dir: Theme overrides (``custom_dir``), copied.
        assets: Generated non-page files by path in the docs folder (the region's
            stylesheet).
        work_dir: The staging project; a new temporary folder beside ``site_dir``
            (removed afterwards) when ``None``. Reusing one keeps Zensical's cache.
        strict: Fail on any issue Zensical reports (broken links and anchors).
        python: The interpreter to run Zensical with; this one by default.
        timeout: Seconds to wait for Zensical.

    Raises:
        ZensicalError: Staging or the build failed; ``site_dir`` is left as it was.
    """
    site_dir = Path(site_dir).resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    temporary = work_dir is None
    root = (
        Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-zensical-", dir=site_dir.parent))
        if work_dir is None
        else Path(work_dir).resolve()
    )
    root.mkdir(parents=True, exist_ok=True)
    try:
        config_file = stage_project(
            root, pages, config, nav=nav, docs_dir=docs_dir, theme_dir=theme_dir, assets=assets
        )
        result = run_zensical(config_file, strict=strict, python=python, timeout=timeout)
        _move_into(root / SITE, site_dir)
        return result
    finally:
        if temporary:
            shutil.rmtree(root, ignore_errors=True)


def _move_into(source: Path, target: Path) -> None:
    """Move the built site into ``target``, beside what is already there; a clash is an error."""
    if not target.exists():
        shutil.move(source, target)
        return
    for entry in source.iterdir():
        destination = target / entry.name
        if entry.is_dir() and destination.is_dir():
            _move_into(entry, destination)
        elif destination.exists():
            raise ZensicalError(f"Zensical wrote {destination}, which another part of the build wrote too")
        else:
            shutil.move(entry, destination)


def site_config(config: Mapping[str, Any], plan: SitePlan) -> dict[str, Any]:
    """mkdocs.yml's settings with what the plan adds: its extensions, stylesheets, scripts, ``extra``."""
    result = dict(config)
    planned = merged_extensions(config.get("markdown_extensions") or [], plan.extensions)
    result["markdown_extensions"] = mkdocs_style(planned)
    for key, added in (("extra_css", plan.extra_css), ("extra_javascript", plan.extra_javascript)):
        present = list(config.get(key) or [])
        result[key] = present + [name for name in added if name not in present]
    result["extra"] = {**(config.get("extra") or {}), **plan.extra}
    return result


def build_plan(
    project: Project,
    plan: SitePlan,
    site_dir: Path,
    *,
    strict: bool = False,
    work_dir: Path | None = None,
    timeout: float | None = None,
) -> ZensicalBuild:
    """Build ``project``'s site from ``plan`` with Zensical into ``site_dir``.

    The plan's pages are written into the staging docs folder beside a copy of the
    project's hand-written ones; the navigation is mkdocs.yml's ``nav`` if it has
    one, else the plan's (see :func:`nav_from_pages`). The plan's pages are released
    once staged.

    Raises:
        ZensicalError: Staging or the build failed; ``site_dir`` is left as it was.
    """
    pages = {page.path: page.markdown for page in plan.pages}
    plan.release_pages()
    nav = project.config.get("nav") or nav_from_pages([(path, None) for path in plan.nav])
    docs_dir = project.docs_dir if project.docs_dir.is_dir() else None
    config = site_config(project.config, plan)
    extensions = [
        (name, _objects(settings)) for name, settings in extension_entries(config["markdown_extensions"])
    ]
    # The cards are converted beside Zensical (a forked copy of this process), then put in.
    cards = FragmentRenderer(extensions)
    try:
        cards.convert_beside(plan.shared_fragments())
        built = build_with_zensical(
            pages,
            site_dir,
            config,
            nav=nav,
            docs_dir=docs_dir,
            theme_dir=project.theme_dir,
            assets=plan.assets,
            work_dir=work_dir,
            strict=strict,
            timeout=timeout,
        )
    except BaseException:
        cards.abort()
        raise
    put_fragments(site_dir, plan.fragments, cards)
    return built


def _objects(value: Any) -> Any:
    """Settings with each ``!!python/name:`` imported, as MkDocs reads them (for Python-Markdown here)."""
    if isinstance(value, PythonName):
        return value.resolve()
    if isinstance(value, Mapping):
        return {key: _objects(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_objects(item) for item in value]
    return value


def put_fragments(site_dir: Path, fragments: Mapping[str, Sequence[str]], renderer: FragmentRenderer) -> None:
    """Put the cards' HTML into the built pages (``generator.render.fragments``).

    Zensical runs no hooks, so this is done on its output, before the site is swapped
    in; the fragments are converted with the extensions Zensical converted the pages
    with (``renderer``), and their links are made relative to each page.
    """
    for path, page_fragments in fragments.items():
        built = Path(site_dir) / urls.served_path(path) / "index.html"
        try:
            html = built.read_text(encoding="utf-8")
        except OSError as error:
            raise ZensicalError(f"Zensical wrote no {built} for docs/{path}: {error.strerror}") from None
        built.write_text(renderer.fill(html, path, page_fragments), encoding="utf-8")
