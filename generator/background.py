"""Helper processes that run beside the site engine (the search index, the exports).

The engine's rendering is a build's critical path and runs on one core; the
helpers get a lower priority, so that on a two-core machine they take the idle
core rather than the renderer's.
"""

from __future__ import annotations

import contextlib
import os

#: How much lower a helper's priority is (``nice`` steps).
BACKGROUND_NICENESS = 10


def run_in_background(pid: int) -> None:
    """Lower the priority of the process ``pid``, where the system allows it."""
    with contextlib.suppress(AttributeError, OSError):  # no setpriority on Windows
        os.setpriority(os.PRIO_PROCESS, pid, BACKGROUND_NICENESS)
