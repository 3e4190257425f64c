"""Turn LinkChecker's verdict on a URL into a result class an editor acts on."""

from __future__ import annotations

import re
from dataclasses import replace

from generator.check.results import Outcome, Status
from generator.check.runner import CUT_SHORT, CheckedUrl
from generator.i18n import N_, _

#: Permanent redirects: the link should be updated.
PERMANENT_REDIRECTS = {301, 308}
#: Answers that say nothing about whether the page exists.
UNVERIFIABLE_CODES = {
    401: N_("the page needs logging in"),
    403: N_("the site refused the checker"),
    429: N_("the site asked the checker to slow down"),
}
#: Server errors that may pass: retried before they count as broken.
TRANSIENT_CODES = {500, 502, 503, 504}

_STATUS = re.compile(r"^(\d{3})\b")
_REDIRECT = re.compile(r"^Redirected to `(?P<url>.*)' status: (?P<code>\d{3})\b")
_ANCHOR = re.compile(r"^Anchor `(?P<name>[^']*)' .*not found")
_RETRY_AFTER = re.compile(r"Retry-After: (?P<value>[^)]*)\)")
#: LinkChecker's warning when it could not read a page (and so could not look for its anchor).
_NOT_READ = "url-error-getting-content"
_TOO_BIG = N_("the page is bigger than max_download_bytes")


def _reason_for_error(result: str) -> tuple[str, bool]:
    """Plain words for a failed connection, and whether it may pass."""
    if "TooManyRedirects" in result:
        return _("redirect loop (too many redirects)"), False
    if "Timeout" in result or "timed out" in result:
        return _("timed out"), True
    if "NameResolution" in result or "Failed to resolve" in result or "Hostname not found" in result:
        return _("host name not found (DNS)"), False
    if "Connection refused" in result or "[Errno 111]" in result:
        return _("connection refused"), False
    if "SSLError" in result or "CERTIFICATE" in result:
        return _("secure connection failed: {error}").format(error=result), False
    if "ConnectionError" in result:
        return _("connection failed: {error}").format(error=result), True
    return result or _("could not be checked"), False


def _page_not_read(row: CheckedUrl) -> str | None:
    """Why the page was not read to its end, if it was not."""
    if row.too_big:  # known from its Content-Length: LinkChecker did not even start
        return _(_TOO_BIG)
    for tag, message in row.warnings:
        if tag != _NOT_READ:
            continue
        if "File size too large" in message:
            return _(_TOO_BIG)
        if CUT_SHORT in message:
            return _("the page took longer than max_download_seconds to download")
        return _("the page could not be read ({message})").format(message=message)
    return None


def classify(row: CheckedUrl, *, external: bool) -> Outcome:
    """The result class of one checked URL.

    Args:
        row: LinkChecker's report on the URL.
        external: Whether the URL is on another site. A missing anchor there is
            "could not verify" (anchors made by scripts are invisible to a checker);
            on our own pages it is broken.
    """
    redirects = tuple(
        (int(m["code"]), m["url"])
        for tag, message in row.warnings
        if tag == "http-redirected" and (m := _REDIRECT.match(message))
    )
    permanent = [target for code, target in redirects if code in PERMANENT_REDIRECTS]
    hops = " → ".join(str(code) for code, _target in redirects)
    match = _STATUS.match(row.result)
    code = int(match[1]) if match else None
    ok = Outcome(
        Status.OK,
        row.result or "OK",
        code=code,
        final_url=row.url if redirects else None,
        suggested_url=permanent[-1] if permanent else None,
        redirects=redirects,
    )

    if any("Access denied by robots.txt" in info for info in row.info):
        return replace(ok, status=Status.UNVERIFIED, reason=_("robots.txt forbids checking it"))
    if code in UNVERIFIABLE_CODES:
        meaning = _(UNVERIFIABLE_CODES[code])
        reason = f"{row.result} ({meaning})"
        retry_after = next((m["value"] for _tag, w in row.warnings if (m := _RETRY_AFTER.search(w))), None)
        if code == 429 and retry_after and retry_after != "None":
            reason += f", Retry-After: {retry_after}"
        return replace(ok, status=Status.UNVERIFIED, reason=reason)
    if not row.valid:
        if code is None:
            reason, transient = _reason_for_error(row.result)
        else:
            reason, transient = ok.reason, code in TRANSIENT_CODES
            if redirects:
                reason = _("{reason} after redirect ({hops})").format(reason=reason, hops=hops)
        # Where a permanent redirect leads is no address to suggest when it is broken too.
        return replace(ok, status=Status.BROKEN, reason=reason, transient=transient, suggested_url=None)
    # Only a page read to its end shows whether the anchor is there (external pages:
    # the site's own anchors are looked for in the built files, see site_scan).
    if external and row.anchor and (why := _page_not_read(row)) is not None:
        reason = _("anchor #{name} could not be checked: {why}").format(name=row.anchor, why=why)
        return replace(ok, status=Status.UNVERIFIED, reason=reason)
    anchors = [m["name"] for tag, message in row.warnings if tag is None and (m := _ANCHOR.match(message))]
    if anchors:
        if external:
            reason = _("anchor #{name} not found on the other site").format(name=anchors[0])
            return replace(ok, status=Status.UNVERIFIED, reason=reason)
        reason = _("anchor #{name} not found on the page").format(name=anchors[0])
        return replace(ok, status=Status.BROKEN, reason=reason)
    if ok.suggested_url is not None:
        return replace(ok, status=Status.MOVED, reason=_("moved permanently ({hops})").format(hops=hops))
    return ok
