"""Remember external verdicts so that a rerun rechecks only what is due.

Only "ok" and "moved" verdicts are reused, for ``cache_max_age_days``: a broken
or unverifiable link is checked again every run, so a fix (or a site that is
back up) shows at once. The file is JSON, keyed by the URL as written::

    {"version": 1, "results": {"https://…": {"status": "ok", "checked_at": "…", …}}}

A verdict's ``reason`` is kept as it was written, in the language of the run that
checked the URL.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from generator.check.results import Outcome, Status
from generator.i18n import _

VERSION = 1
REUSABLE = {Status.OK, Status.MOVED}


class LinkCache:
    """External URLs' verdicts with the time each was checked.

    Attributes:
        path: The cache file (created on :meth:`save`).
        max_age: How long an ok or moved verdict is reused.
        problem: Why an existing file could not be read (it is then started afresh).
    """

    def __init__(self, path: Path, max_age: timedelta) -> None:
        self.path = path
        self.max_age = max_age
        self.problem: str | None = None
        self._entries: dict[str, dict[str, Any]] = {}
        self._changed = False
        if path.is_file():
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                if data.get("version") != VERSION:
                    raise ValueError(
                        _("version {found}, expected {expected}").format(
                            found=repr(data.get("version")), expected=VERSION
                        )
                    )
                self._entries = dict(data["results"])
            except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
                problem = _("{path}: the link cache could not be read ({error}); starting afresh")
                self.problem = problem.format(path=path, error=error)

    def fresh(self, url: str, now: datetime) -> tuple[Outcome, datetime] | None:
        """The cached verdict on ``url`` and when it was made, if it may be reused."""
        entry = self._entries.get(url)
        if entry is None:
            return None
        try:
            checked_at = datetime.fromisoformat(entry["checked_at"])
            outcome = Outcome(
                status=Status(entry["status"]),
                reason=entry["reason"],
                code=entry.get("code"),
                final_url=entry.get("final_url"),
                suggested_url=entry.get("suggested_url"),
                redirects=tuple((int(code), str(target)) for code, target in entry.get("redirects", [])),
            )
        except (KeyError, ValueError, TypeError):
            return None
        if outcome.status not in REUSABLE or now - checked_at > self.max_age:
            return None
        return outcome, checked_at

    def store(self, url: str, outcome: Outcome, checked_at: datetime) -> None:
        entry = asdict(outcome)
        entry.pop("transient")
        entry["status"] = outcome.status.value
        entry["checked_at"] = checked_at.isoformat(timespec="seconds")
        self._entries[url] = entry
        self._changed = True

    def save(self) -> None:
        """Write the cache, if anything was stored, atomically: a crash mid-write leaves the old file."""
        if not self._changed:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = {"version": VERSION, "results": dict(sorted(self._entries.items()))}
        handle, temporary = tempfile.mkstemp(prefix=".links-", suffix=".json", dir=self.path.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                json.dump(data, stream, ensure_ascii=False, indent=1)
            os.replace(temporary, self.path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        self._changed = False
