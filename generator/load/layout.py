"""Where each kind of file lives in a catalogue folder, and which paths may be read.

A catalogue arrives by pull request, possibly from a fork, and git stores
symbolic links as links: ``services/x.yml -> /etc/passwd`` (or a linked
``services`` folder) would make the validator quote a file from the CI machine
and the site publish it. So nothing in the catalogue is read through a link:
:func:`check_inside` refuses any path that is a link, passes through a linked
folder below the catalogue folder, or resolves outside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.i18n import _
from generator.problems import Problems

REGION_FILE = "region.yml"
THEMES_FILE = "themes.yml"
PROVIDERS_FILE = "providers.yml"
FURTHER_READING_FILE = "further-reading.yml"
SECTIONS_FILE = "sections.yml"
VOCABULARY_FILE = "vocabulary.yml"
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
    def sections(self) -> Path:
        return self.root / SECTIONS_FILE

    @property
    def vocabulary(self) -> Path:
        return self.root / VOCABULARY_FILE

    @property
    def services_dir(self) -> Path:
        return self.root / SERVICES_DIR

    @property
    def professional_dir(self) -> Path:
        return self.root / PROFESSIONAL_DIR

    def service_files(self, problems: Problems | None = None) -> list[Path]:
        """Every file in the services folder (misnamed and linked ones too, so they get reported)."""
        return entry_files(self.services_dir, self.root, problems)


class UnsafePath(Exception):
    """A catalogue path that is a symbolic link or leads outside the catalogue folder.

    Attributes:
        path: The offending path itself: the link (which may be a folder above
            the file that was asked for), or the file outside the catalogue.
        message: What is wrong, for the editor.
        suggestion: What to do instead.
    """

    def __init__(self, path: Path, message: str, suggestion: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message
        self.suggestion = suggestion

    def report(self, problems: Problems) -> None:
        """Add this to ``problems`` once, however many files were asked for through the same link."""
        if not any(p.file == self.path and p.message == self.message for p in problems):
            problems.add(self.path, self.message, suggestion=self.suggestion)


def check_inside(path: Path, root: Path) -> None:
    """Raise :class:`UnsafePath` unless ``path`` may be read (or written) as part of ``root``.

    ``root`` itself may be a link (a checkout under a linked folder is the
    user's own choice); below it, neither ``path`` nor any folder on the way
    may be one, and ``path`` must not lead out of ``root`` (``..``).
    Only the links themselves are looked at: no target is ever opened.
    """
    try:
        relative: Path | None = path.absolute().relative_to(root.absolute())
    except ValueError:
        relative = None
    if relative is not None:
        current = root
        for part in relative.parts:
            current = current / part
            if current.is_symlink():
                # is_dir() looks at what the link points to, but opens nothing.
                if current != path or current.is_dir():
                    message = _(
                        "this folder is a symbolic link; the catalogue is read only from ordinary "
                        "files and folders inside it, so the link was not followed"
                    )
                    suggestion = _("replace the link with the folder itself")
                else:
                    message = _(
                        "this file is a symbolic link; the catalogue is read only from ordinary "
                        "files and folders inside it, so the link was not followed"
                    )
                    suggestion = _("replace the link with the file itself")
                raise UnsafePath(current, message, suggestion)
    # Without links below root, only ".." can lead out, and only then is resolving needed
    # (it costs a system call per folder from "/", for each of thousands of files).
    if relative is None or (".." in relative.parts and not path.resolve().is_relative_to(root.resolve())):
        raise UnsafePath(
            path,
            _("the file is outside the catalogue folder, so it was not read"),
            _("move it into {folder}").format(folder=root),
        )


def entry_files(folder: Path, root: Path | None = None, problems: Problems | None = None) -> list[Path]:
    """Every visible file in ``folder``, sorted; none when the folder does not exist.

    Links are listed too (a reader then refuses them with a clear problem);
    a folder that is itself reached through a link is not listed at all, and
    that is added to ``problems``, so no name from outside the catalogue is shown.
    ``root`` is the catalogue folder (``folder``'s parent when not given).
    """
    try:
        check_inside(folder, root if root is not None else folder.parent)
    except UnsafePath as unsafe:
        if problems is not None:
            unsafe.report(problems)
        return []
    if not folder.is_dir():
        return []
    return sorted(
        p for p in folder.iterdir() if (p.is_file() or p.is_symlink()) and not p.name.startswith(".")
    )
