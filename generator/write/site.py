"""Build the site into a fresh folder and swap it in only when it succeeded.

A failed build must leave the previous site untouched, so MkDocs writes into a
temporary sibling folder; the old site is moved aside and removed only after
the new one is in place.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config


def build_site(config_file: Path, site_dir: Path | None = None, *, strict: bool = True) -> Path:
    """Build the site of ``config_file`` into ``site_dir`` atomically.

    Args:
        config_file: The project's mkdocs.yml.
        site_dir: Where the site goes; mkdocs.yml's ``site_dir`` when ``None``.
        strict: Treat MkDocs warnings (broken internal links …) as errors.

    Returns:
        The folder the site was written to.

    Raises:
        mkdocs.exceptions.MkDocsException: The build failed; ``site_dir`` is as it was.
    """
    config = load_config(str(config_file), strict=strict)
    target = Path(site_dir if site_dir is not None else config.site_dir).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-building-", dir=target.parent))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        config["site_dir"] = str(staging)
        mkdocs_build(config)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        config.plugins.on_shutdown()
    os.chmod(staging, 0o755)  # mkdtemp makes it private; a site is for serving
    previous = None
    if target.exists():
        previous = target.with_name(f".{target.name}-previous-{os.getpid()}")
        target.rename(previous)
    staging.rename(target)
    if previous is not None:
        shutil.rmtree(previous, ignore_errors=True)
    return target
