"""The one error every engine adapter raises, whatever the engine's own errors are."""

from __future__ import annotations


class EngineError(Exception):
    """The engine could not build (or serve) the site; the message says why, without a traceback."""
