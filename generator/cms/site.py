"""Write the form editor into a built site: ``<site>/yllapito/``.

The folder holds our page (``index.html``), the generated configuration
(``config.yml``, from :mod:`generator.cms.config`), the generated data our
script needs (``tarjotin-data.js``: the site's labels, the catalogue's names,
each model's field order, the Finnish phrases), our script
(``tarjotin-cms.js``) and copies of Decap CMS's bundle and the YAML library.
"""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
from pathlib import Path
from typing import Any

import yaml
from markupsafe import escape
from pydantic import BaseModel

from generator.cms.bundle import Bundle, copy_decap
from generator.cms.config import AREA_WIDGET, FILES, FOLDERS, Backend, cms_config, schema_comments
from generator.cms.locale_fi import phrases
from generator.edit.kinds import child_model
from generator.model.catalogue import Catalogue
from generator.site import labels as site_labels
from generator.site import urls

STATIC = Path(__file__).parent / "static"
_GITHUB = re.compile(r"^https://github\.com/([^/\s]+/[^/\s]+?)(?:\.git)?/?$")


class _AnyTagLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, whose ``!!python/name:`` tags we only need to skip."""


_AnyTagLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def read_site_settings(config_file: Path) -> dict[str, Any]:
    """``repo_url``, ``site_url`` and ``site_name`` from mkdocs.yml (empty when missing)."""
    try:
        data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_AnyTagLoader) or {}
    except (OSError, yaml.YAMLError):
        data = {}
    settings = {key: str(data.get(key) or "") for key in ("repo_url", "site_url", "site_name")}
    extra = data.get("extra")
    extra = extra if isinstance(extra, dict) else {}
    # The OAuth proxy that signs editors in to GitHub (docs/toimittajille/lomake.md).
    settings["cms_base_url"] = str(extra.get("cms_base_url") or "")
    return settings


def backend_for(settings: dict[str, Any]) -> Backend:
    match = _GITHUB.match(settings.get("repo_url", ""))
    return Backend(repo=match.group(1) if match else "", base_url=settings.get("cms_base_url", ""))


def order_tree(model: type[BaseModel]) -> dict[str, Any]:
    """Each mapping's keys in the model's order, nested: what ``tarjotin fmt`` puts keys in."""
    children = {}
    for name in model.model_fields:
        child = child_model(model, name)
        if child is not None:
            children[name] = order_tree(child)
    return {"order": list(model.model_fields), "children": children}


def admin_data(catalogue: Catalogue, catalogue_dir: Path, preview_styles: list[str]) -> dict[str, Any]:
    labels = site_labels.labels_for(catalogue.region.label_overrides)
    models = [kind.model for kind in FOLDERS] + [kind.model for kind in FILES]
    return {
        "locale": phrases(),
        "labels": dataclasses.asdict(labels),
        "wholeRegion": site_labels.fill(labels.whole_region, region=catalogue.region.name),
        "themes": {theme.id: theme.name for theme in catalogue.themes},
        "providers": {key: provider.name for key, provider in catalogue.providers.items()},
        "municipalities": [{"value": m.id, "label": m.name} for m in catalogue.municipalities],
        "schemaComments": schema_comments(catalogue_dir),
        "orders": {",".join(model.model_fields): order_tree(model) for model in models},
        "areaWidget": AREA_WIDGET,
        "previewStyles": preview_styles,
    }


def _preview_styles(site_dir: Path) -> list[str]:
    """The built site's own stylesheets, so the preview looks like the page (relative to yllapito/)."""
    folder = site_dir / urls.ASSETS_DIR / "stylesheets"
    names = sorted(p.name for p in folder.glob("main*.css")) if folder.is_dir() else []
    names += (
        sorted(p.name for p in folder.glob("*.css") if not p.name.startswith("main"))
        if folder.is_dir()
        else []
    )
    return [f"../{urls.ASSETS_DIR}/stylesheets/{name}" for name in names if name != "print.css"]


def index_html(title: str) -> str:
    return (
        "<!doctype html>\n"
        '<html lang="fi">\n'
        "<head>\n"
        '  <meta charset="utf-8">\n'
        '  <meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '  <meta name="robots" content="noindex">\n'
        f"  <title>Ylläpito – {escape(title)}</title>\n"
        '  <link href="config.yml" type="text/yaml" rel="cms-config-url">\n'
        '  <link href="tarjotin-cms.css" rel="stylesheet">\n'
        "</head>\n"
        "<body>\n"
        "  <script>window.CMS_MANUAL_INIT = true;</script>\n"
        '  <script src="decap-cms.js"></script>\n'
        '  <script type="module" src="tarjotin-cms.js"></script>\n'
        "  <noscript>Lomake tarvitsee JavaScriptin. Voit muokata tiedostoja myös suoraan "
        "GitHubissa.</noscript>\n"
        "</body>\n"
        "</html>\n"
    )


def config_text(config: dict[str, Any]) -> str:
    header = (
        "# Generated by `tarjotin edit install` from the models (generator/cms/config.py); do not edit.\n"
    )
    return header + yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=1_000_000)


def write_admin(
    site_dir: Path,
    catalogue: Catalogue,
    catalogue_dir: Path,
    settings: dict[str, Any],
    bundle: Bundle,
) -> Path:
    """Write ``<site_dir>/yllapito/``; returns the folder.

    ``catalogue_dir`` is the catalogue relative to the repository's root, as the
    configuration's paths are.
    """
    target = site_dir / urls.ADMIN_DIR
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    copy_decap(bundle, target)
    for name in ("tarjotin-cms.js", "tarjotin-cms.css"):
        shutil.copyfile(STATIC / name, target / name)
    config = cms_config(catalogue_dir, backend=backend_for(settings), site_url=settings.get("site_url", ""))
    (target / "config.yml").write_text(config_text(config), encoding="utf-8")
    data = admin_data(catalogue, catalogue_dir, _preview_styles(site_dir))
    script = "// Generated by `tarjotin edit install` (generator/cms/site.py); do not edit.\n"
    script += "export const DATA = " + json.dumps(data, ensure_ascii=False, indent=1) + ";\n"
    (target / "tarjotin-data.js").write_text(script, encoding="utf-8")
    # The short name is an optional region text that older region models lack.
    short_name = getattr(catalogue.region.site, "short_name", None)
    title = short_name or settings.get("site_name") or catalogue.region.site.title
    (target / "index.html").write_text(index_html(title), encoding="utf-8")
    return target
