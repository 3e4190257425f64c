"""The Jinja environment the page templates run in: loaders, escaping, filters, globals.

Templates are looked up first in a project's own folders and then in the package,
so a region can override any of them by file name. Every ``{{ value }}`` is
escaped as Markdown text (:mod:`generator.render.escaping`); the templates get
the site's addresses as ``urls`` and its words as ``labels``.
"""

from __future__ import annotations

import os
from pathlib import Path

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    PackageLoader,
    StrictUndefined,
)

from generator.render import escaping
from generator.render.link_text import link_text
from generator.site import urls
from generator.site.labels import Labels, fill


def bytecode_cache() -> FileSystemBytecodeCache | None:
    """Jinja's cache of compiled templates, or none where the temp folder cannot hold it.

    Compiling the templates is a fixed cost of every build (a third of the rendering at
    100 services). Jinja keeps the compiled code in a private per-user folder under the
    temp folder, keyed by each template's source; a build never fails for want of it.
    """
    try:
        cache = FileSystemBytecodeCache()
    except (OSError, RuntimeError):  # no temp folder, or one another user could tamper with
        return None
    return cache if os.access(cache.directory, os.W_OK) else None


def template_environment(template_dirs: list[Path], labels: Labels) -> Environment:
    """The environment for the package's templates, overridden by ``template_dirs``."""
    env = Environment(
        loader=ChoiceLoader(
            [
                FileSystemLoader([str(d) for d in template_dirs]),
                PackageLoader("generator", "render/templates"),
            ]
        ),
        # Output is Markdown: `finalize` escapes every value as Markdown text and
        # marks it safe; autoescape then keeps macro output from being escaped twice.
        autoescape=True,
        finalize=escaping.finalize,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=bytecode_cache(),
    )
    env.filters.update(
        text=escaping.text,
        attr=escaping.attr,
        markdown=escaping.markdown,
        join=escaping.join,
        attr_join=escaping.attr_join,
        md_url=escaping.md_url,
        # A link's title from the sources as readable link text (render/link_text.py).
        link_text=link_text,
        finnish_date=labels.date,
        fill=fill,
        # `routes|map('label', 'access_short')`: the label of each key in a group.
        label=lambda key, group: getattr(labels, f"{group}_{key}"),
    )
    env.globals.update(labels=labels, urls=urls)
    return env
