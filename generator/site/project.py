"""A site project's settings, read from its mkdocs.yml without any site engine.

mkdocs.yml is the one configuration file of a project, whichever engine builds
it: MkDocs reads it, Zensical reads it, and so does ``tarjotin`` (which folder
holds the pages, where the site goes, which catalogue to build, which engine).
This module reads it the way MkDocs does — ``INHERIT`` merges a parent file
(mappings merged, anything else replaced by the child), ``!ENV`` reads the
environment, ``!!python/name:x.y`` stays the dotted name ``x.y`` — but imports
no engine, so the build can be planned before an engine is chosen.

The generator's own settings are those of the ``tarjotin`` plugin entry::

    plugins:
      - tarjotin:
          catalogue: catalogue   # relative to mkdocs.yml
          engine: zensical       # mkdocs (the default) or zensical; `--engine` overrides
          today: 2025-06-01      # build as if today were this date

Relative paths are relative to the folder of the mkdocs.yml that was asked for
(not of a file it inherits from), as MkDocs resolves them.
"""

from __future__ import annotations

import difflib
import importlib
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

#: The site engines ``tarjotin build --engine`` knows.
ENGINES = ("mkdocs", "zensical")
DEFAULT_ENGINE = "mkdocs"
#: The name of the generator's entry under ``plugins:``.
PLUGIN = "tarjotin"

#: The ``plugins.tarjotin`` settings, each with the types it accepts and its default.
#: The MkDocs plugin declares the same names (generator/engines/mkdocs_config.py; a
#: test keeps the two lists equal).
SETTINGS: dict[str, tuple[tuple[type, ...], Any]] = {
    "catalogue": ((str,), "catalogue"),
    "templates": ((str, type(None)), None),
    "today": ((str, date, type(None)), None),
    "search": ((bool,), True),
    "edit_path": ((str,), "edit/main"),
    "engine": ((str,), DEFAULT_ENGINE),
    "links": ((dict, type(None)), None),
}


class ProjectError(ValueError):
    """mkdocs.yml cannot be read or a setting is wrong; the message names the file and the setting."""


class _Loader(yaml.SafeLoader):
    """mkdocs.yml's YAML without MkDocs: Python names stay text, ``!ENV`` reads the environment."""


class PythonName(str):
    """A ``!!python/name:`` value: the dotted name of a Python object, kept as text.

    Material's ``!!python/name:material.extensions.emoji.twemoji``: the engine that loads
    the extension resolves the name itself (Zensical renames Material's to its own).
    """

    def resolve(self) -> Any:
        """The object itself, imported as MkDocs's YAML loader imports it."""
        module, _, attribute = self.rpartition(".")
        try:
            return getattr(importlib.import_module(module), attribute)
        except (ImportError, AttributeError, ValueError):
            raise ProjectError(f"mkdocs.yml names {self}, which cannot be imported") from None


def _python_name(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> str:
    return PythonName(suffix)


def _environment(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    """``!ENV NAME`` or ``!ENV [NAME, OTHER, default]``, as MkDocs (pyyaml-env-tag) reads them."""
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    elif isinstance(node, yaml.SequenceNode) and node.value:
        items = [loader.construct_object(child) for child in node.value]
        names, default = (items[:-1], items[-1]) if len(items) > 1 else (items, None)
    else:
        raise yaml.constructor.ConstructorError(None, None, "!ENV needs a name or a list", node.start_mark)
    for name in names:
        if (value := os.environ.get(str(name))) is not None:
            return yaml.load(value, Loader=yaml.SafeLoader) if value else value
    return default


_Loader.add_multi_constructor("tag:yaml.org,2002:python/name:", _python_name)
_Loader.add_constructor("!ENV", _environment)


def _merge(parent: Mapping[str, Any], child: Mapping[str, Any]) -> dict[str, Any]:
    """``child`` over ``parent``: mappings merged key by key, any other value replaced."""
    merged = dict(parent)
    for key, value in child.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), Mapping):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def read_config(config_file: Path, *, _seen: tuple[Path, ...] = ()) -> dict[str, Any]:
    """mkdocs.yml as a mapping, with ``INHERIT`` resolved as MkDocs resolves it.

    Raises:
        ProjectError: The file is missing, is not YAML, or inherits in a circle.
    """
    config_file = Path(config_file).resolve()
    if config_file in _seen:
        raise ProjectError(f"{config_file}: INHERIT leads back to this file")
    try:
        text = config_file.read_text(encoding="utf-8")
    except OSError as error:
        raise ProjectError(f"{config_file}: {error.strerror or error}") from None
    try:
        config = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as error:
        raise ProjectError(f"{config_file}: not valid YAML: {error}") from None
    if config is None:
        return {}
    if not isinstance(config, dict):
        raise ProjectError(f"{config_file}: the settings must be a mapping (name: value)")
    if "INHERIT" in config:
        parent = config_file.parent / str(config.pop("INHERIT"))
        if not parent.is_file():
            raise ProjectError(f"{config_file}: INHERIT: no such file: {parent}")
        config = _merge(read_config(parent, _seen=(*_seen, config_file)), config)
    return config


def plugin_settings(config: Mapping[str, Any]) -> dict[str, Any] | None:
    """The ``tarjotin`` entry's settings under ``plugins:`` (a list or a mapping); ``None`` without one."""
    plugins = config.get("plugins") or []
    if isinstance(plugins, Mapping):
        entries = list(plugins.items())
    else:
        entries = [
            next(iter(plugin.items())) if isinstance(plugin, Mapping) and len(plugin) == 1 else (plugin, {})
            for plugin in plugins
        ]
    for name, settings in entries:
        if name == PLUGIN:
            return dict(settings or {})
    return None


def parse_today(value: object) -> date:
    """The build's "today": the ``today`` setting, else the real date.

    Raises:
        ProjectError: The setting is not a date (YYYY-MM-DD).
    """
    if value is None:
        return date.today()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise ProjectError(f"plugins.{PLUGIN}.today: expected a date (YYYY-MM-DD), got {value!r}")
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise ProjectError(f"plugins.{PLUGIN}.today: {error}") from None


def resolve_catalogue(root: Path, configured: str, given: Path | None = None) -> Path:
    """The catalogue folder a build reads: the one asked for (``--catalogue``), else mkdocs.yml's.

    The one place that decides it, for ``tarjotin build``, ``serve``, ``links`` and the
    MkDocs plugin alike: ``given`` wins; otherwise ``plugins.tarjotin.catalogue``,
    relative to mkdocs.yml's folder ``root``.
    """
    return (Path(given) if given is not None else root / configured).resolve()


@dataclass(frozen=True)
class Project:
    """One site project: its mkdocs.yml, folders and the generator's settings.

    Attributes:
        config_file: The mkdocs.yml that was read.
        config: Its settings, ``INHERIT`` resolved (the engines' settings: theme,
            extensions, ``extra`` …).
        catalogue: The catalogue folder the build reads (see :func:`resolve_catalogue`).
        configured_catalogue: The one mkdocs.yml names, which ``--catalogue`` may override.
        templates: The folder of page templates overriding the built-in ones, if any.
        today: ``plugins.tarjotin.today`` as written (see :func:`parse_today`).
        search: Whether Pagefind indexes the site.
        edit_path: Where "Ehdota muutosta" links point under ``repo_url``.
        engine: The engine ``tarjotin build`` and ``serve`` use unless told otherwise.
        links: The ``links:`` settings of ``tarjotin links``.
        uses_plugin: Whether mkdocs.yml lists the ``tarjotin`` plugin at all.
    """

    config_file: Path
    config: dict[str, Any]
    catalogue: Path
    configured_catalogue: Path
    templates: Path | None = None
    today: str | date | None = None
    search: bool = True
    edit_path: str = "edit/main"
    engine: str = DEFAULT_ENGINE
    links: dict[str, Any] = field(default_factory=dict)
    uses_plugin: bool = True

    @property
    def root(self) -> Path:
        """The folder of mkdocs.yml; relative paths start here."""
        return self.config_file.parent

    def path(self, value: str | os.PathLike[str]) -> Path:
        return (self.root / value).resolve()

    @property
    def docs_dir(self) -> Path:
        return self.path(str(self.config.get("docs_dir") or "docs"))

    @property
    def site_dir(self) -> Path:
        return self.path(str(self.config.get("site_dir") or "site"))

    @property
    def theme_dir(self) -> Path | None:
        """The theme overrides (``theme.custom_dir``), if any."""
        theme = self.config.get("theme")
        custom = theme.get("custom_dir") if isinstance(theme, Mapping) else None
        return self.path(str(custom)) if custom else None

    @property
    def site_name(self) -> str:
        return str(self.config.get("site_name") or "")

    @property
    def site_url(self) -> str:
        return str(self.config.get("site_url") or "")

    @property
    def repo_url(self) -> str:
        return str(self.config.get("repo_url") or "")

    @property
    def strict(self) -> bool:
        return bool(self.config.get("strict"))


def read_project(config_file: Path, *, catalogue: Path | None = None) -> Project:
    """Read the project of ``config_file``; ``catalogue`` (``--catalogue``) overrides mkdocs.yml's.

    Raises:
        ProjectError: mkdocs.yml cannot be read, or a ``plugins.tarjotin`` setting is
            unknown or of the wrong type (every one is named).
    """
    config_file = Path(config_file).resolve()
    config = read_config(config_file)
    settings = plugin_settings(config)
    values = {name: default for name, (_, default) in SETTINGS.items()}
    problems = []
    for name, value in (settings or {}).items():
        if name not in SETTINGS:
            close = difflib.get_close_matches(str(name), SETTINGS, n=1)
            hint = f"; did you mean '{close[0]}'?" if close else f"; known: {', '.join(SETTINGS)}"
            problems.append(f"plugins.{PLUGIN}.{name}: unknown setting{hint}")
        elif not isinstance(value, SETTINGS[name][0]) or (
            isinstance(value, bool) and bool not in SETTINGS[name][0]
        ):
            kinds = " or ".join(t.__name__ for t in SETTINGS[name][0] if t is not type(None))
            problems.append(f"plugins.{PLUGIN}.{name}: expected {kinds}, got {value!r}")
        else:
            values[name] = value
    if isinstance(values["engine"], str) and values["engine"] not in ENGINES:
        engine, engines = values["engine"], ", ".join(ENGINES)
        problems.append(f"plugins.{PLUGIN}.engine: unknown engine '{engine}'; use one of: {engines}")
    if problems:
        raise ProjectError(f"{config_file}: " + f"\n{config_file}: ".join(problems))
    root = config_file.parent
    return Project(
        config_file=config_file,
        config=config,
        catalogue=resolve_catalogue(root, values["catalogue"], catalogue),
        configured_catalogue=resolve_catalogue(root, values["catalogue"]),
        templates=(root / values["templates"]).resolve() if values["templates"] else None,
        today=values["today"],
        search=values["search"],
        edit_path=values["edit_path"],
        engine=values["engine"],
        links=dict(values["links"] or {}),
        uses_plugin=settings is not None,
    )
