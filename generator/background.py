"""Helper processes that run beside the site engine (the search index, the exports, the cards).

The engine's rendering is a build's critical path and runs on one core; the
helpers get a lower priority, so that on a two-core machine they take the idle
core rather than the renderer's. A helper that needs what the build has already
loaded is a copy of the build made with ``fork`` (:class:`ForkedResult`,
``generator.export.process``): it shares the loaded catalogue, with no second
reading and no pickling of it.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import pickle
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Generic, TypeVar

#: How much lower a helper's priority is (``nice`` steps).
BACKGROUND_NICENESS = 10
#: How often a forked helper checks that the build that started it is still there, in seconds.
PARENT_CHECK_INTERVAL = 0.2
#: A forked helper's exit status when its build was gone.
EXIT_ORPHANED = 3

#: The signals that end a build through its cleanup (``generator.write.site``).
STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)

T = TypeVar("T")


@contextlib.contextmanager
def signals_held() -> Iterator[None]:
    """Hold back the stop signals until the block is done; they arrive afterwards.

    Around a two-step rename, and around a fork: a stop signal's handler raises, and
    raised inside ``fork``'s own callbacks (logging's locks) it is swallowed and the
    build goes on; raised after the fork but before its helper is recorded, the helper
    is not stopped with the build.
    """
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        yield
        return
    held = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def run_in_background(pid: int) -> None:
    """Lower the priority of the process ``pid``, where the system allows it."""
    with contextlib.suppress(AttributeError, OSError):  # no setpriority on Windows
        os.setpriority(os.PRIO_PROCESS, pid, BACKGROUND_NICENESS)


def can_fork() -> bool:
    """Whether a copy of this process can be forked safely: ``fork`` exists and this
    process runs one thread only, so that the copy holds no lock another thread held
    (``mkdocs serve``'s server threads, Pagefind's service)."""
    if not hasattr(os, "fork") or threading.active_count() > 1:
        return False
    with contextlib.suppress(OSError, ValueError):  # threads started outside Python count too
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Threads:"):
                return int(line.split()[1]) == 1
    return True


def name_process(name: bytes) -> None:
    """Set the process's name where Linux allows it (``prctl(PR_SET_NAME)``); else do nothing."""
    with contextlib.suppress(AttributeError, OSError):
        ctypes.CDLL(None, use_errno=True).prctl(15, ctypes.c_char_p(name), 0, 0, 0)


def exit_with_parent(parent: int) -> None:
    """In a forked helper: end it as soon as the build ``parent`` that started it is gone.

    A build killed outright (SIGKILL) cannot stop its helpers, which would go on
    writing into a staging folder that the next build removes. An orphan is handed
    to another parent, so a changed parent PID means the build is gone.
    """

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_INTERVAL)
        os._exit(EXIT_ORPHANED)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def default_signals() -> None:
    """In a forked helper: not the build's signal handlers, and none held; a signal just ends it."""
    for signum in STOP_SIGNALS:
        signal.signal(signum, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)


def fork_copy(work: Callable[[int], None], name: bytes) -> tuple[int, int]:
    """Fork a copy of this build that runs ``work(pipe)`` and ends; start it only where
    :func:`can_fork`. Returns the copy's PID and the read end of its pipe.

    The copy gets the default signal handlers, the name ``name`` (``ps``), a lower
    priority, and ends as soon as the build is gone; its exit status is 0 when ``work``
    returns and 1 when it raises. The fork itself runs with the stop signals held; hold
    them around the call too (:func:`signals_held`) until the copy is recorded, so that
    the build's cleanup can stop it.
    """
    parent = os.getpid()
    with signals_held():
        read, write = os.pipe()
        sys.stdout.flush()  # nothing buffered is written twice, by the copy too
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the copy; what it does is what the tests check
            os.close(read)
            code = 1
            try:
                default_signals()
                name_process(name)
                exit_with_parent(parent)
                work(write)
                code = 0
            finally:
                os._exit(code)  # never the build's own cleanup, atexit handlers or buffered output
        os.close(write)
        run_in_background(pid)
    return pid, read


class ForkedResult(Generic[T]):
    """A value computed by a forked copy of this process, beside the build.

    Start it only where :func:`can_fork`. The copy computes ``compute()``, sends the
    value back pickled and ends; :meth:`result` waits for it, and gives ``None`` when
    the copy failed (the caller then computes it itself).
    """

    def __init__(self, compute: Callable[[], T], name: bytes) -> None:
        def send(pipe: int) -> None:
            data = pickle.dumps(compute(), protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(pipe, "wb") as out:
                out.write(data)

        self._reader: int | None
        with signals_held():  # a stop signal arrives once the copy is recorded
            self.pid, self._reader = fork_copy(send, name)

    def result(self) -> T | None:
        """The copy's value, once it has sent it; ``None`` if it failed."""
        if self._reader is None:
            return None
        with os.fdopen(self._reader, "rb") as reader:
            data = reader.read()
        self._reader = None
        _, status = os.waitpid(self.pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            return None
        try:
            value: T = pickle.loads(data)
        except (pickle.UnpicklingError, EOFError, ValueError):
            return None
        return value

    def abort(self) -> None:
        """Stop the copy and wait until it has ended (the build failed or was interrupted)."""
        if self._reader is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGTERM)
        os.close(self._reader)
        self._reader = None
        with contextlib.suppress(ChildProcessError):
            os.waitpid(self.pid, 0)
