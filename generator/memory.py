"""Python's cycle collector during the build's bulk phases.

Reading thousands of YAML files and rendering their pages creates objects that all
live until the build ends. While they pile up, the cycle collector runs again and
again over a growing heap and finds nothing to free: at 5,000 services it cost a
third of the reading time. The collector is paused for such a phase only, and the
objects that outlive it are moved out of its sight (``gc.freeze``) when the caller
knows they live to the end of the process.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cycle collector for a phase that only builds long-lived data."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
