"""One rule for secrets (issue 25): what the credential check accepts, redaction removes whole.

A server on a real socket echoes the request's ``Authorization`` header and URL (percent-encoded
and decoded) into an error's message, status, reason and request id (body and
``X-Request-Id``), and into a 2xx body of the wrong type. For any credential Hypothesis makes, the
check either refuses it, without quoting it, or no ten characters of it appear in anything the
SDK renders: ``str``, ``repr``, the attributes, a formatted traceback, the client's repr, the log
records of ``httpx`` and ``voipbin_outdial``, an error's ``.response`` (its repr, headers, body and
request id) and a raw response's repr and request id (``with_raw_response``).
"""

from __future__ import annotations

import asyncio
import json
import logging
import string
import traceback
from collections.abc import Iterator
from typing import Any
from urllib.parse import unquote

import pytest
from fault_server import Connection, FaultServer
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from voipbin_outdial import AsyncVoipbinClient, VoipbinClient
from voipbin_outdial._auth import B64TOKEN
from voipbin_outdial._raw import RawResponse, ResponseInfo
from voipbin_outdial.errors import (
    ApiResponseValidationError,
    InvalidArgumentError,
    PermissionDeniedError,
    VoipbinError,
)

PLAN_ID = "d5fb7357-7ddb-4f2d-87b5-8ccbfd6c039e"
WINDOW = 10
"""A leak is any ten characters of the secret in a row."""


def echo(conn: Connection) -> bool:
    """403 for a get, a 2xx of the wrong type for a list; both say what the request carried."""
    auth = conn.headers.get("authorization", "")
    seen = f"{auth} {conn.target} {unquote(conn.target)}"
    said = f"denied: {seen} {json.dumps({'authorization': auth})}"
    if "/outplans/" in conn.path:
        status = "403 Forbidden"
        error = {"status": auth, "reason": seen, "message": said, "request_id": f"req {seen}"}
        body = json.dumps({"error": error}).encode()
    else:
        status = "200 OK"
        body = json.dumps({"result": said, "next_page_token": seen}).encode()
    headers = {
        "Content-Type": "application/json",
        "Content-Length": str(len(body)),
        "X-Request-Id": seen,
    }
    return conn.head(status, headers) and conn.send(body)


@pytest.fixture(scope="module")
def echo_server() -> Iterator[str]:
    with FaultServer(echo) as server:
        yield server.base_url


class Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


def rendered(exc: BaseException) -> list[str]:
    texts = [str(exc), repr(exc), "".join(traceback.format_exception(exc))]
    texts += [str(value) for value in vars(exc).values()]
    response = getattr(exc, "response", None)  # ApiError.response: status, headers, body
    if response is not None:
        texts += [repr(response), response.text, str(response.request_id)]
        texts += [f"{k}: {v}" for k, v in response.headers.multi_items()]
    return texts


async def calls(kind: str, base_url: str, credential: dict[str, str]) -> list[Any]:
    """The client's repr, then what a get (403) and a list (a bad 2xx) against the echo server
    raised (or returned)."""
    cls = AsyncVoipbinClient if kind == "async" else VoipbinClient
    client = cls(base_url=base_url, max_retries=0, timeout=5, **credential)
    out: list[Any] = [repr(client)]
    try:
        for call in (
            lambda: client.outplans.get(PLAN_ID),
            lambda: client.outplans.list(),
            lambda: client.with_raw_response.outplans.list(),  # the 2xx, unparsed
        ):
            try:
                result = call()
                out.append(await result if asyncio.iscoroutine(result) else result)
            except VoipbinError as exc:
                out.append(exc)
    finally:
        closing = client.close()
        if asyncio.iscoroutine(closing):
            await closing
    return out


def leaks(secret: str, texts: list[str]) -> list[str]:
    windows = {secret[n : n + WINDOW] for n in range(len(secret) - WINDOW + 1)}
    return [text for text in texts if any(window in text for window in windows)]


# Credentials of the accepted form, and any printable ASCII (most of which is refused).
ACCEPTED = st.from_regex(r"[A-Za-z0-9._~+/-]{16,40}={0,2}", fullmatch=True)
ACCEPTED_BY_THE_CHECK = B64TOKEN.fullmatch
"""What ``_auth`` accepts (a stripped, non-empty credential is checked with it)."""
ANY = st.text(alphabet=st.sampled_from(string.printable.strip()), min_size=16, max_size=40)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    secret=st.one_of(ACCEPTED, ANY),
    name=st.sampled_from(["token", "accesskey"]),
    kind=st.sampled_from(["sync", "async"]),
)
def test_an_accepted_credential_echoed_by_a_server_is_never_rendered(
    echo_server: str, secret: str, name: str, kind: str
) -> None:
    assume(len(set(secret)) >= 8)  # a secret of a few repeated characters matches any text
    if not ACCEPTED_BY_THE_CHECK(secret):  # refused, and the refusal does not quote it
        with pytest.raises(InvalidArgumentError) as caught:
            VoipbinClient(**{name: secret})
        assert caught.value.param == name
        assert leaks(secret, rendered(caught.value)) == []
        return
    records = Records()
    loggers = [logging.getLogger(n) for n in ("httpx", "voipbin_outdial")]
    for logger in loggers:
        logger.addHandler(records)
        logger.setLevel(logging.DEBUG)
    try:
        client_repr, denied, invalid, raw = asyncio.run(calls(kind, echo_server, {name: secret}))
    finally:
        for logger in loggers:
            logger.removeHandler(records)
            logger.setLevel(logging.NOTSET)
    assert isinstance(denied, PermissionDeniedError), repr(denied)
    assert isinstance(invalid, ApiResponseValidationError), repr(invalid)
    assert records.lines  # httpx's "HTTP Request: GET ...?accesskey=..." lines were there
    assert isinstance(raw, RawResponse), repr(raw)
    assert denied.response is not None
    assert invalid.response is None or isinstance(invalid.response, ResponseInfo)
    texts = [client_repr, *rendered(denied), *rendered(invalid), *records.lines]
    texts += [repr(raw), str(raw.request_id)]  # its body is the caller's to read, as sent
    assert leaks(secret, texts) == []


@pytest.mark.parametrize(
    "secret", ["AAAA!SECRETTAIL9876", "AAAA=SECRETTAIL9876", "tok en", "tøken"]
)
def test_a_credential_redaction_could_not_remove_whole_is_refused(secret: str) -> None:
    """issue 25: these were accepted, and echoed back as ``Bearer [REDACTED]!SECRETTAIL9876``."""
    for name in ("token", "accesskey"):
        with pytest.raises(InvalidArgumentError, match="RFC 6750") as caught:
            VoipbinClient(**{name: secret})
        assert caught.value.param == name
        assert "SECRETTAIL" not in str(caught.value)


def test_every_real_credential_form_is_accepted() -> None:
    """A JWT (base64url and dots) and a VoIPBIN access key (``vb_`` and 32 base64url
    characters, ``bin-customer-manager/pkg/accesskeyhandler/db.go`` ``Create``)."""
    jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJl_-"
    for credential in ({"token": jwt}, {"accesskey": "vb_" + "aZ09-_" * 5 + "xy"}):
        client: Any = VoipbinClient(**credential)
        client.close()
