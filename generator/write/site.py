"""Build the site into a fresh folder and swap it in only when it succeeded.

A build replaces a whole folder, so it must never replace the wrong one, and a
failed, killed or concurrent build must never leave the site missing or half
written. What this module guarantees (tests/integration/test_build_safety.py):

* **Only a site is replaced.** The site folder may not be, contain or lie inside
  the project's sources (mkdocs.yml's folder may hold it, as ``site/``): docs_dir,
  the catalogue, the page templates, the theme, the generator's code, ``.git``
  (:func:`check_site_dir`). An existing folder is replaced only when it is empty
  or holds :data:`MARKER`, the file every build writes into its site.
* **One build at a time.** A build holds an exclusive lock (``flock``) on the file
  :data:`LOCK_SUFFIX` beside the site folder; a second build waits up to
  :data:`LOCK_WAIT` seconds, then gives up with a message.
* **The swap cannot lose the site.** The new site is built in a sibling staging
  folder (``.site-building-*``). On Linux it is exchanged with the old one in one
  system call (``renameat2(RENAME_EXCHANGE)``), so the folder is never missing;
  elsewhere the old site is renamed aside (``.site-previous-<pid>``) with signals
  held back, and if the process dies between the two renames, the next build puts
  the old site back before doing anything else (:func:`_recover`).
* **Nothing is left behind.** SIGINT, SIGTERM and SIGHUP end a build through its
  cleanup (:func:`stop_on_signals`), which stops its helper processes before the
  staging folder is removed. A build killed outright (SIGKILL, power loss) leaves
  its staging folder, which the next build removes: the folder's marker names the
  process that made it, and that process is gone.
* **System errors are one line.** A full disk, a read-only or busy folder ends the
  build with :class:`SiteWriteError`, which names the folder and the cause.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

import generator
from generator.background import STOP_SIGNALS, signals_held
from generator.site.project import Project
from generator.write.os_errors import os_error_reason

#: The file every build writes into its site: a folder holding it may be replaced.
#: MkDocs's cleaning skips hidden files, so it stays while MkDocs builds.
MARKER = ".tarjotin-site"
#: The first line of :data:`MARKER`; the second is ``pid <the building process>``.
MARKER_HEADER = "palvelutarjotin site"
#: Beside the site folder ``site``: ``.site.lock``.
LOCK_SUFFIX = ".lock"
#: How long a build waits for another build of the same site folder to finish, in seconds.
LOCK_WAIT = 10.0


class SiteError(Exception):
    """The site folder could not be used; nothing was changed. ``exit_code`` is 2."""

    exit_code = 2

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class SiteWriteError(SiteError):
    """The system refused to write the site (disk full, read-only, busy); the old site is kept."""

    exit_code = 1

    def __init__(self, site: Path, error: OSError) -> None:
        reason = os_error_reason(error)
        super().__init__(
            f"Sivustoa ei voitu kirjoittaa kansioon {site}: {reason}; aiempi sivusto on ennallaan."
        )


class BuildInterrupted(BaseException):
    """A stop signal arrived; raised in the main thread so that every cleanup runs.

    A ``BaseException``, like ``KeyboardInterrupt``, so that MkDocs's and plugins'
    ``except Exception`` handlers do not mistake it for a build error.
    """

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum
        self.name = signal.Signals(signum).name


@contextlib.contextmanager
def stop_on_signals() -> Iterator[None]:
    """Turn the first SIGINT/SIGTERM/SIGHUP into :class:`BuildInterrupted`; ignore the rest.

    By default SIGTERM ends Python without running ``finally`` blocks, and a second
    Ctrl-C would interrupt the cleanup of the first. Only the main thread receives
    signals, so elsewhere this does nothing.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    stopping = False

    def stop(signum: int, frame: FrameType | None) -> None:
        nonlocal stopping
        if not stopping:
            stopping = True
            raise BuildInterrupted(signum)

    previous = {signum: signal.signal(signum, stop) for signum in STOP_SIGNALS}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


# --- which folder may be replaced ---------------------------------------------------


@dataclass(frozen=True)
class Source:
    """A folder of the project that a build must never replace or empty."""

    #: What it is, in Finnish, for the message.
    label: str
    path: Path
    #: mkdocs.yml's folder may hold the site (``site/``), but not be it or lie in it.
    may_hold_site: bool = False


def check_site_dir(site: Path, sources: Iterable[Source]) -> None:
    """Refuse a site folder that is, contains or lies inside one of ``sources``.

    Both ``site`` and the sources' paths must be absolute and resolved.

    Raises:
        SiteError: The folder overlaps a source; the message names both.
    """
    sources = list(sources)
    root = next((source.path for source in sources if source.may_hold_site), None)
    for source in sources:
        if site == source.path:
            overlap = f"on projektin lähdekansio ({source.label})"
        elif source.path.is_relative_to(site):
            overlap = f"sisältää projektin lähteitä ({source.label}: {source.path})"
        elif site.is_relative_to(source.path) and not source.may_hold_site:
            overlap = f"on projektin lähdekansion sisällä ({source.label}: {source.path})"
        else:
            continue
        example = f", esimerkiksi {root / 'site'}" if root is not None and site != root / "site" else ""
        raise SiteError(
            f"Sivustoa ei rakennettu: sivustokansio {site} {overlap}, ja rakennus korvaa "
            f"sivustokansion kokonaan. Valitse toinen kansio (--site-dir){example}."
        )


def project_sources(project: Project, extra: Iterable[Path] = ()) -> list[Source]:
    """The folders of ``project`` that a site folder must stay clear of.

    ``extra`` are more catalogue folders (a catalogue given with ``--catalogue``).
    """
    root = project.root
    sources = [
        Source("mkdocs.yml:n kansio", root, may_hold_site=True),
        Source("sivujen lähteet, docs_dir", project.docs_dir),
        Source("ohjelman koodi", Path(generator.__file__).resolve().parent),
    ]
    repository = next(
        (folder / ".git" for folder in (root, *root.parents) if (folder / ".git").exists()), None
    )
    if repository is not None:
        sources.append(Source("Git-tietovarasto", repository))
    if project.theme_dir is not None:
        sources.append(Source("teeman kansio", project.theme_dir))
    if project.uses_plugin:
        sources.append(Source("palveluluettelo, catalogue", project.configured_catalogue))
    if project.catalogue != project.configured_catalogue:
        sources.append(Source("palveluluettelo, --catalogue", project.catalogue))
    if project.templates is not None:
        sources.append(Source("sivupohjat, templates", project.templates))
    sources += [Source("palveluluettelo, --catalogue", Path(folder).resolve()) for folder in extra]
    return sources


def _check_replaceable(site: Path) -> None:
    """Refuse an existing folder that is neither empty nor a site a build wrote."""
    if not site.exists():
        return
    if not site.is_dir():
        raise SiteError(f"Sivustoa ei rakennettu: {site} on tiedosto eikä kansio.")
    if (site / MARKER).is_file() or not any(site.iterdir()) or _built_before_markers(site):
        return
    raise SiteError(
        f"Sivustoa ei rakennettu: kansio {site} ei ole tyhjä eikä siinä ole rakennetun sivuston "
        f"merkkitiedostoa {MARKER}, joten sitä ei korvata. Valitse toinen kansio (--site-dir), "
        "tai jos kansio on ohjelman vanhemman version rakentama sivusto, poista se itse."
    )


def _built_before_markers(site: Path) -> bool:
    """Whether ``site`` is a site an earlier version built, before sites carried a marker.

    Those builds always wrote the home page, the open-data files and the Pagefind
    bundle; a folder holding all three and no sources of a project is such a site,
    so upgrading does not make every existing ``site/`` need deleting by hand.
    """
    return (
        (site / "index.html").is_file()
        and (site / "avoin-data" / "palvelut.json").is_file()
        and (site / "pagefind" / "pagefind.js").is_file()
        and not any((site / name).exists() for name in ("mkdocs.yml", ".git", "catalogue", "docs"))
    )


# --- markers, stale folders and the lock ----------------------------------------------


def _write_marker(folder: Path) -> None:
    (folder / MARKER).write_text(f"{MARKER_HEADER}\npid {os.getpid()}\n", encoding="utf-8")


def _marker_pid(folder: Path) -> int | None:
    """The process that built ``folder``, or ``None`` when it holds no readable marker."""
    try:
        header, pid = (folder / MARKER).read_text(encoding="utf-8").splitlines()[:2]
    except (OSError, UnicodeError, ValueError):
        return None
    if header != MARKER_HEADER or not pid.startswith("pid ") or not pid[4:].isdigit():
        return None
    return int(pid[4:])


def _is_running(pid: int) -> bool:
    """Whether the process ``pid`` may still be writing its folder.

    Called with the site's lock held: a folder of this very process is not being
    built (the staging folder is made later), so it counts as finished.
    """
    if pid == os.getpid():
        return False
    if sys.platform == "win32":  # os.kill(pid, 0) would terminate the process there
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


def _leftovers(site: Path, kind: str) -> list[Path]:
    prefix = f".{site.name}-{kind}-"
    return [path for path in site.parent.iterdir() if path.name.startswith(prefix) and path.is_dir()]


def _remove(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)


def _recover(site: Path) -> None:
    """Undo what a killed build left: put back a site moved aside, remove dead staging folders.

    Called with the site's lock held, before anything else touches the folder.
    Only folders holding a build's marker are moved or removed (and ones holding
    nothing else, as nothing can be lost); anything else is left as it is.
    """
    previous = sorted(
        (path for path in _leftovers(site, "previous") if _marker_pid(path) is not None),
        key=lambda path: path.stat().st_mtime,
        reverse=True,
    )
    if previous and not site.exists():  # killed between the two renames of a swap
        previous.pop(0).rename(site)
    for path in previous:  # the swap finished; only the removal of the old site did not
        _remove(path)
    for path in _leftovers(site, "building"):
        pid = _marker_pid(path)
        if pid is not None and not _is_running(pid):
            _remove(path)
    for path in [*_leftovers(site, "building"), *_leftovers(site, "previous")]:
        # Killed before its marker was written: nothing else in it, nothing to lose.
        if all(entry.name == MARKER for entry in path.iterdir()):
            _remove(path)


class _SiteLock:
    """An exclusive ``flock`` on ``.<site>.lock`` beside the site folder.

    The lock file holds the holder's PID, for the message of a build that gives up
    waiting. It is never deleted: deleting a lock file lets two processes lock two
    different files of the same name. Where ``fcntl`` is missing (Windows) builds
    are not serialized.
    """

    def __init__(self, site: Path) -> None:
        self.site = site
        self.path = site.with_name(f".{site.name}{LOCK_SUFFIX}")
        self._fd: int | None = None

    def acquire(self, wait: float) -> None:
        try:
            import fcntl
        except ImportError:  # pragma: no cover - not on POSIX
            return
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + wait
        try:
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        raise SiteError(self._busy_message(fd, wait)) from None
                    time.sleep(0.1)
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode())
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd

    def _busy_message(self, fd: int, wait: float) -> str:
        holder = os.pread(fd, 32, 0).decode(errors="replace").strip()
        who = f"toinen rakennus (prosessi {holder})" if holder.isdigit() else "toinen rakennus"
        return (
            f"Sivustoa ei rakennettu: {who} kirjoittaa jo kansioon {self.site}, eikä se valmistunut "
            f"{wait:g} sekunnissa. Yritä uudelleen, kun se on valmis."
        )

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the descriptor releases the flock
            self._fd = None


# --- the swap ---------------------------------------------------------------------------


def _exchange(first: Path, second: Path) -> bool:
    """Swap two existing folders' names atomically; ``False`` where the system cannot.

    Linux's ``renameat2(RENAME_EXCHANGE)`` (glibc ≥ 2.28, kernel ≥ 3.15; most local
    file systems). Elsewhere, or when it is refused as unsupported, the caller falls
    back to two renames.
    """
    if not sys.platform.startswith("linux"):
        return False
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second), rename_exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(second))


def _swap_in(staging: Path, site: Path) -> None:
    """Put ``staging`` in place of ``site``; afterwards ``staging`` holds the old site, if any."""
    if not site.exists() or not any(site.iterdir()):
        staging.rename(site)  # replaces an empty folder atomically
        return
    if _exchange(staging, site):
        return
    previous = site.with_name(f".{site.name}-previous-{os.getpid()}")
    with signals_held():  # a SIGKILL here is undone by the next build's _recover
        site.rename(previous)
        try:
            staging.rename(site)
        except BaseException:
            previous.rename(site)
            raise
    previous.rename(staging)


# --- the build ---------------------------------------------------------------------------


#: Builds a site into the folder it is given (an engine adapter's build).
Builder = Callable[[Path], None]


class SiteFolder:
    """A site folder checked, locked and recovered, ready for :meth:`build`; see :func:`site_folder`."""

    def __init__(self, site: Path) -> None:
        self.site = site

    def build(self, builder: Builder) -> Path:
        """Let ``builder`` build the site into a staging folder and swap it in; returns the site folder.

        Raises:
            Exception: Whatever ``builder`` raised when the build failed; the site is as it was.
            SiteWriteError: The system refused to write; the site is as it was.
        """
        staging: Path | None = None
        try:
            staging = Path(tempfile.mkdtemp(prefix=f".{self.site.name}-building-", dir=self.site.parent))
            _write_marker(staging)  # first, so that a killed build's folder can be told apart
            os.chmod(staging, 0o755)  # mkdtemp makes it private; a site is for serving
            builder(staging)  # stops its helper processes before returning or raising
            _swap_in(staging, self.site)
        except OSError as error:
            raise SiteWriteError(self.site, error) from None
        finally:
            if staging is not None:
                _remove(staging)  # the failed build, or the old site after the swap
        return self.site


@contextlib.contextmanager
def site_folder(
    project: Project,
    site_dir: Path | None = None,
    *,
    protect: Iterable[Path] = (),
    wait: float | None = None,
) -> Iterator[SiteFolder]:
    """Check and lock the site folder of ``project`` for one build.

    Args:
        project: The site project (its mkdocs.yml, read by :mod:`generator.site.project`).
        site_dir: Where the site goes; mkdocs.yml's ``site_dir`` when ``None``.
        protect: More folders the site must stay clear of (see :func:`project_sources`).
        wait: Seconds to wait for another build of the same folder; :data:`LOCK_WAIT` by default.

    Raises:
        SiteError: The folder is unsafe, not a site, or another build holds it.
        SiteWriteError: The lock file or a recovery could not be written.
    """
    site = Path(site_dir if site_dir is not None else project.site_dir).resolve()
    check_site_dir(site, project_sources(project, protect))
    lock = _SiteLock(site)
    try:
        _check_replaceable(site)  # before a lock file is made beside a folder refused anyway
        site.parent.mkdir(parents=True, exist_ok=True)
        lock.acquire(LOCK_WAIT if wait is None else wait)
        _recover(site)
        _check_replaceable(site)
    except OSError as error:
        lock.release()
        raise SiteWriteError(site, error) from None
    except BaseException:
        lock.release()
        raise
    try:
        yield SiteFolder(site)
    finally:
        lock.release()
