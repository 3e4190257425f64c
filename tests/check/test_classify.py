"""The result classes, from LinkChecker's own words (including ones the servers cannot produce)."""

from __future__ import annotations

import pytest

from generator.check.classify import classify
from generator.check.results import Status
from generator.check.runner import CheckedUrl


def row(
    result: str, *, valid: bool = True, warnings: tuple = (), info: tuple = (), url: str = "https://a.fi/x"
) -> CheckedUrl:
    return CheckedUrl(
        url=url,
        written="https://a.fi/x",
        parent=None,
        line=None,
        valid=valid,
        extern=False,
        filtered=False,
        result=result,
        warnings=warnings,
        info=info,
    )


def redirected(target: str, code: int, reason: str) -> tuple[str, str]:
    return ("http-redirected", f"Redirected to `{target}' status: {code} {reason}.")


@pytest.mark.parametrize(
    "result, reason, transient",
    [
        (
            "ConnectionError: HTTPConnectionPool(host='nonexistent.invalid', port=80): Max retries exceeded "
            "with url: / (Caused by NameResolutionError(\"HTTPConnection(host='nonexistent.invalid', "
            "port=80): Failed to resolve 'nonexistent.invalid' ([Errno ...",
            "palvelimen nimeä ei löytynyt (DNS)",
            False,
        ),
        (
            "ConnectionError: HTTPConnectionPool(host='127.0.0.1', port=9): Max retries exceeded "
            "with url: /x (Caused by NewConnectionError(\"HTTPConnection(host='127.0.0.1', port=9): "
            "Failed to establish a new connection: [Errno 111] Connection r...",
            "palvelin ei ottanut yhteyttä vastaan",
            False,
        ),
        (
            "ReadTimeout: HTTPConnectionPool(host='a.fi', port=443): Read timed out. (read timeout=1)",
            "vastausta ei tullut ajoissa",
            True,
        ),
        (
            "ConnectTimeout: HTTPSConnectionPool(host='a.fi', port=443): Max retries exceeded",
            "vastausta ei tullut ajoissa",
            True,
        ),
        (
            "TooManyRedirects: Exceeded 10 redirects.",
            "uudelleenohjaukset kiertävät kehää (liian monta uudelleenohjausta)",
            False,
        ),
        ("404 Not Found", "404 Not Found", False),
        ("410 Gone", "410 Gone", False),
        ("502 Bad Gateway", "502 Bad Gateway", True),
    ],
)
def test_broken(result: str, reason: str, transient: bool) -> None:
    outcome = classify(row(result, valid=False), external=True)
    assert (outcome.status, outcome.reason, outcome.transient) == (Status.BROKEN, reason, transient)


def test_status_codes_that_prove_nothing_are_not_failures() -> None:
    for result in ("401 Unauthorized", "403 Forbidden"):
        assert classify(row(result, valid=False), external=True).status is Status.UNVERIFIED
    limited = row(
        "429 Too Many Requests", warnings=(("http-rate-limited", "Rate limited (Retry-After: None)"),)
    )
    outcome = classify(limited, external=True)
    assert outcome.status is Status.UNVERIFIED
    assert outcome.reason == "429 Too Many Requests (sivusto pyysi tarkistinta hidastamaan)"


def test_robots_txt() -> None:
    outcome = classify(
        row("syntax OK", info=("Access denied by robots.txt, checked only syntax.",)), external=True
    )
    assert (outcome.status, outcome.reason) == (
        Status.UNVERIFIED,
        "sivuston robots.txt kieltää tarkistamasta sitä",
    )


def test_the_last_permanent_hop_is_the_suggestion() -> None:
    """http → https is permanent, then a temporary hop to a language page: keep the https address."""
    chain = (
        redirected("https://a.fi/", 301, "Moved Permanently"),
        redirected("https://a.fi/fi/etusivu", 302, "Found"),
    )
    outcome = classify(row("200 OK", warnings=chain, url="https://a.fi/fi/etusivu"), external=True)
    assert outcome.status is Status.MOVED
    assert outcome.suggested_url == "https://a.fi/"
    assert outcome.final_url == "https://a.fi/fi/etusivu"
    assert outcome.reason == "siirtynyt pysyvästi (301 → 302)"


def test_temporary_redirects_are_ok() -> None:
    chain = (redirected("https://a.fi/y", 307, "Temporary Redirect"),)
    outcome = classify(row("200 OK", warnings=chain, url="https://a.fi/y"), external=True)
    assert (outcome.status, outcome.suggested_url, outcome.final_url) == (Status.OK, None, "https://a.fi/y")


def test_a_missing_anchor_breaks_only_our_own_pages() -> None:
    missing = ((None, "Anchor `kohta' (decoded: `kohta') not found. Available anchors: `top'."),)
    assert classify(row("200 OK", warnings=missing), external=False).status is Status.BROKEN
    assert classify(row("200 OK", warnings=missing), external=True).status is Status.UNVERIFIED
