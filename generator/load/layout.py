"""Where each kind of file lives in a catalogue folder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

REGION_FILE = "region.yml"
THEMES_FILE = "themes.yml"
PROVIDERS_FILE = "providers.yml"
FURTHER_READING_FILE = "further-reading.yml"
SERVICES_DIR = "services"
PROFESSIONAL_DIR = "professional"


@dataclass(frozen=True)
class CatalogueLayout:
    """The paths of one catalogue, rooted at ``root``."""

    root: Path

    @property
    def region(self) -> Path:
        return self.root / REGION_FILE

    @property
    def themes(self) -> Path:
        return self.root / THEMES_FILE

    @property
    def providers(self) -> Path:
        return self.root / PROVIDERS_FILE

    @property
    def further_reading(self) -> Path:
        return self.root / FURTHER_READING_FILE

    @property
    def services_dir(self) -> Path:
        return self.root / SERVICES_DIR

    @property
    def professional_dir(self) -> Path:
        return self.root / PROFESSIONAL_DIR

    def service_files(self) -> list[Path]:
        """Every file in the services folder (misnamed ones too, so they get reported)."""
        return entry_files(self.services_dir)


def entry_files(folder: Path) -> list[Path]:
    """Every visible file in ``folder``, sorted; none when the folder does not exist."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))
