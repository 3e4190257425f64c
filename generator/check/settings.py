"""Settings of ``tarjotin links``: the one definition of every link-check setting.

They are read from the ``links:`` mapping of the ``tarjotin`` plugin in mkdocs.yml::

    plugins:
      - tarjotin:
          links:
            timeout: 10                 # seconds per request
            retries: 2                  # extra attempts after a timeout or a 5xx answer
            retry_delay: 5              # seconds before each retry round
            max_requests_per_second: 10 # per host
            threads: 10
            cache_max_age_days: 7       # reuse ok/moved verdicts this long
            robots_txt: true            # respect robots.txt of other sites
            ignore: ['^https://example\\.org/private/']   # regexes of URLs not to check
            linkcheckerrc: linkcheckerrc  # optional LinkChecker config, read first
            max_download_bytes: 5242880 # a page bigger than this is not read (its #anchor: could not verify)
            max_download_seconds: 30    # a page taking longer to download is cut short (likewise)
            max_run_seconds: 1800       # the whole check stops after this; the rest is "could not verify"

:class:`LinkSettings` knows nothing of MkDocs: the MkDocs plugin's ``links`` option
(``generator.engines.mkdocs_config``) only hands the mapping to
:func:`settings_from_mapping`, so the same mapping can come from anywhere else.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from generator.i18n import N_, _

#: What range errors say is allowed, by pydantic's error type.
_BOUNDS = {
    "greater_than": N_("greater than {gt}"),
    "greater_than_equal": N_("at least {ge}"),
}
#: What a value of the wrong type should be, by pydantic's error type (others keep pydantic's words).
_TYPES = {
    "float_type": N_("input should be a valid number"),
    "int_type": N_("input should be a valid integer"),
    "bool_type": N_("input should be a valid boolean"),
    "string_type": N_("input should be a valid string"),
    "tuple_type": N_("input should be a list"),
}


class SettingsError(ValueError):
    """Settings that cannot be used; the message names each wrong setting.

    Attributes:
        problems: One sentence per wrong setting (``timeout = 0 is out of range: …``).
    """

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("; ".join(problems))


class LinkSettings(BaseModel):
    """How politely and patiently external links are checked.

    Values are taken as YAML writes them (``strict``): ``"10"`` is not a number and
    ``yes`` is not ``true``; an unknown key is an error, so a mistyped one is not
    silently ignored.

    Attributes:
        timeout: Seconds to wait for a connection or an answer.
        retries: How many more times a URL that timed out (or answered 5xx) is tried.
        retry_delay: Seconds to wait before each round of retries.
        max_requests_per_second: Per host. LinkChecker waits a random 1/rate to
            6/rate seconds between requests to one host (at least 0.1–0.6 s).
        threads: Parallel checks.
        cache_max_age_days: How long an ok or moved verdict is reused.
        robots_txt: Respect other sites' robots.txt (a URL it forbids is "could not verify").
        ignore: Regular expressions of URLs not to check at all.
        linkcheckerrc: A LinkChecker configuration file read before these settings,
            for anything else LinkChecker supports (user agent, cookies …); relative
            to the project folder.
        max_download_bytes: The most of a page that is read (to find an ``#anchor``, or to
            crawl the site); a bigger page is not read.
        max_download_seconds: The longest a page may take to download. ``timeout`` bounds
            each wait for bytes, not the whole page: a server trickling an endless page
            would otherwise hold the check for ever.
        max_run_seconds: The longest the whole check (the crawl, then the links to other
            sites with their retries) may take; what is not checked by then is reported.
    """

    model_config = ConfigDict(frozen=True, strict=True, extra="forbid")

    timeout: float = Field(10, gt=0)
    retries: int = Field(2, ge=0)
    retry_delay: float = Field(5, ge=0)
    max_requests_per_second: float = Field(10, gt=0)
    threads: int = Field(10, ge=1)
    cache_max_age_days: float = Field(7, ge=0)
    robots_txt: bool = True
    # A YAML list, or a tuple from Python; either way stored as a tuple.
    ignore: tuple[str, ...] = Field((), strict=False)
    # Written as text in YAML.
    linkcheckerrc: Path | None = Field(None, strict=False)
    max_download_bytes: int = Field(5 * 1024 * 1024, ge=1)
    max_download_seconds: float = Field(30, gt=0)
    max_run_seconds: float = Field(1800, gt=0)

    @field_validator("ignore")
    @classmethod
    def _regular_expressions(cls, patterns: tuple[str, ...]) -> tuple[str, ...]:
        for pattern in patterns:
            try:
                re.compile(pattern)
            except re.error as error:
                raise PydanticCustomError(
                    "regex",
                    _("{pattern} is not a regular expression: {reason}"),
                    {"pattern": repr(pattern), "reason": str(error)},
                ) from None
        return patterns

    @field_validator("linkcheckerrc")
    @classmethod
    def _inside_the_project(cls, path: Path | None, info: ValidationInfo) -> Path | None:
        base = info.context.get("base") if isinstance(info.context, dict) else None
        return (base / path).resolve() if path is not None and base is not None else path


def _describe(error: Any) -> str:
    """One pydantic error as a sentence that names the setting."""
    name = ".".join(str(part) for part in error["loc"])
    kind = error["type"]
    if kind == "extra_forbidden":
        match = difflib.get_close_matches(name, LinkSettings.model_fields, n=1)
        if match:
            return _('{name} is not a setting (did you mean "{choice}"?)').format(name=name, choice=match[0])
        return _("{name} is not a setting").format(name=name)
    shown = f"{name} = {error['input']!r}"
    if kind in _BOUNDS:
        bound = _(_BOUNDS[kind]).format(**{key: f"{value:g}" for key, value in error["ctx"].items()})
        return _("{setting} is out of range: it must be {bound}").format(setting=shown, bound=bound)
    if kind == "regex":
        return f"{name}: {error['msg']}"
    if kind in _TYPES:
        return f"{shown}: " + _(_TYPES[kind])
    message = error["msg"].replace("a valid tuple", "a list")  # YAML has lists; Python's tuple is ours
    return f"{shown}: {message[0].lower()}{message[1:]}"


def settings_from_mapping(values: Mapping[str, Any] | None, base: Path | None = None) -> LinkSettings:
    """Settings from a ``links:`` mapping; ``linkcheckerrc`` is relative to ``base``.

    Raises:
        SettingsError: A key is unknown, or a value has the wrong type or is out of range.
    """
    try:
        return LinkSettings.model_validate(dict(values or {}), context={"base": base})
    except ValidationError as error:
        raise SettingsError([_describe(each) for each in error.errors()]) from None
