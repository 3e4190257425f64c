"""What the preview made last time, for the next rebuild to take where its inputs are the same.

``tarjotin serve`` reads the catalogue and plans the site again after every change.
Most of what it makes is made from the same inputs as last time: the same bytes of
a file parse to the same document, and a service whose inputs did not change has the
same card and page. A :class:`RoundMemo` keeps each result under a key that says
everything it was made from, and a key is always made from the inputs themselves
(never a modification time), so an edit is seen however soon it follows the last.
A round is one reading, or one plan: what a round did not use is dropped when it
ends, so the memo holds one catalogue's worth and no more.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable, Hashable
from datetime import date
from enum import Enum
from pathlib import PurePath
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

V = TypeVar("V")


class RoundMemo(Generic[V]):
    """Results by key, kept from one round to the next when the next round uses them."""

    def __init__(self) -> None:
        self._last: dict[Hashable, V] = {}
        self._used: dict[Hashable, V] = {}

    def get(self, key: Hashable, compute: Callable[[], V]) -> V:
        """The result for ``key``, computed only when neither this round nor the last has it."""
        if key in self._used:
            return self._used[key]
        value = self._last[key] if key in self._last else compute()
        self._used[key] = value
        return value

    def round_done(self) -> None:
        """The round has ended: keep only what it used."""
        self._last, self._used = self._used, {}

    def __len__(self) -> int:
        return len(self._used) + len(self._last.keys() - self._used.keys())


def digest(*parts: Any) -> bytes:
    """A short digest of ``parts``' plain form (:func:`plain`)."""
    return hashlib.blake2b(repr([plain(part) for part in parts]).encode("utf-8"), digest_size=16).digest()


def plain(value: Any, nested: Callable[[Any], Any] | None = None) -> Any:
    """``value`` as plain data (tuples, strings, numbers), everything it holds included.

    A pydantic model is its fields as JSON data; a dataclass, its type and fields; an
    object met again inside itself (a section's parent), its type and the order in
    which it was first met. ``nested`` may stand in for a value found inside
    ``value`` (return ``None`` to walk it as usual): a service inside a section is
    the service's id, not all of it.
    """
    seen: dict[int, int] = {}

    def walk(item: Any, top: bool = False) -> Any:
        if item is None or isinstance(item, str | int | float | bool | bytes):
            return item
        if isinstance(item, date | PurePath | Enum):
            return repr(item)
        if not top and nested is not None and (stand_in := nested(item)) is not None:
            return stand_in
        if isinstance(item, BaseModel):
            return (type(item).__name__, item.model_dump(mode="json"))
        if isinstance(item, dict):
            return tuple((walk(key), walk(element)) for key, element in item.items())
        if isinstance(item, list | tuple | set | frozenset):
            elements = tuple(walk(element) for element in item)
            return tuple(sorted(elements, key=repr)) if isinstance(item, set | frozenset) else elements
        if dataclasses.is_dataclass(item) and not isinstance(item, type):
            if id(item) in seen:
                return ("seen", type(item).__name__, seen[id(item)])
            seen[id(item)] = len(seen)
            return (type(item).__name__, *(walk(getattr(item, f.name)) for f in dataclasses.fields(item)))
        # A new kind of input: say how it is keyed rather than key it by its address.
        raise TypeError(f"no plain form for {type(item).__name__}")

    return walk(value, top=True)
