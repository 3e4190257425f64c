"""Hand a checked catalogue from ``tarjotin build`` to the site build in the same process.

The command checks the catalogue first, to report every problem before MkDocs
starts; the MkDocs plugin would then read and check every file again, which
at thousands of services was a sizeable part of the generator's time. The
command leaves what it loaded here and the plugin takes it, but only while no
file under the catalogue folder has changed since (same names, sizes and
modification times); otherwise the plugin loads the catalogue itself.
"""

from __future__ import annotations

from pathlib import Path

from generator.model.catalogue import Catalogue
from generator.problems import Problem, Problems

Fingerprint = tuple[tuple[str, int, int], ...]

_kept: dict[Path, tuple[Fingerprint, Catalogue, list[Problem]]] = {}


def fingerprint(root: Path) -> Fingerprint:
    """Every file under ``root`` with its size and modification time."""
    entries = []
    for path in root.rglob("*"):
        if path.is_file():
            status = path.stat()
            entries.append((str(path), status.st_size, status.st_mtime_ns))
    return tuple(sorted(entries))


def keep(root: Path, catalogue: Catalogue, problems: Problems) -> None:
    """Remember a catalogue loaded from ``root`` with the problems found while loading it."""
    root = root.resolve()
    _kept[root] = (fingerprint(root), catalogue, list(problems.items))


def take(root: Path) -> tuple[Catalogue, Problems] | None:
    """The catalogue kept for ``root`` if its files are unchanged (once); else ``None``."""
    root = root.resolve()
    kept = _kept.pop(root, None)
    if kept is None or kept[0] != fingerprint(root):
        return None
    return kept[1], Problems(list(kept[2]))
