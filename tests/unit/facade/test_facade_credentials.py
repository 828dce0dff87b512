"""Credentials: how they are sent, where they come from, and that they never leak."""

from __future__ import annotations

import json
import logging
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
import respx
from facade_support import (
    ACCESSKEY,
    BASE,
    HTTP_CLIENT_OWNERS,
    LEAK,
    OWNER_IDS,
    PLAN_ID,
    TOKEN,
    Harness,
    MakeHarness,
    error_body,
    outplan,
)

import voipbin_outdial
from voipbin_outdial import AsyncVoipbinClient, VoipbinClient
from voipbin_outdial._redact import LOGGER_NAMES, RedactingFilter, redact
from voipbin_outdial.errors import (
    ApiError,
    MissingCredentialsError,
    PermissionDeniedError,
    VoipbinError,
)

# -- how each credential is sent ----------------------------------------------------------------

OWNERS = pytest.mark.parametrize("http_client", HTTP_CLIENT_OWNERS, ids=OWNER_IDS)


@OWNERS
async def test_token_is_sent_as_a_bearer_header(
    make_harness: MakeHarness, api: respx.MockRouter, http_client: dict[str, Any]
) -> None:
    route = api.get(f"/outplans/{PLAN_ID}").respond(200, json=outplan())
    harness = await make_harness(token=TOKEN, **http_client)

    await harness.call("outplans.get", PLAN_ID)

    request = route.calls.last.request
    assert request.headers.get_list("Authorization") == [f"Bearer {TOKEN}"]
    assert "accesskey" not in request.url.params
    assert "token" not in request.url.params


@OWNERS
async def test_accesskey_is_sent_as_a_query_parameter(
    make_harness: MakeHarness, api: respx.MockRouter, http_client: dict[str, Any]
) -> None:
    route = api.get("/outplans").respond(200, json={"result": []})
    harness = await make_harness(accesskey=ACCESSKEY, **http_client)

    await harness.call("outplans.list", page_token="2022-04-28 01:50:23.414000")

    request = route.calls.last.request
    assert request.url.params["accesskey"] == ACCESSKEY
    assert request.url.params["page_token"] == "2022-04-28 01:50:23.414000"
    assert "authorization" not in request.headers


async def test_an_accesskey_with_reserved_characters_is_encoded(
    make_harness: MakeHarness, api: respx.MockRouter
) -> None:
    route = api.get(f"/outplans/{PLAN_ID}").respond(200, json=outplan())
    harness = await make_harness(accesskey="a+b/c~d==")

    await harness.call("outplans.get", PLAN_ID)

    assert route.calls.last.request.url.params["accesskey"] == "a+b/c~d=="


@pytest.mark.parametrize(
    ("env", "kwargs", "kind", "secret"),
    [
        ({"VOIPBIN_TOKEN": TOKEN}, {}, "token", TOKEN),
        ({"VOIPBIN_ACCESSKEY": ACCESSKEY}, {}, "accesskey", ACCESSKEY),
        ({"VOIPBIN_TOKEN": TOKEN, "VOIPBIN_ACCESSKEY": ACCESSKEY}, {}, "token", TOKEN),
        ({"VOIPBIN_TOKEN": TOKEN}, {"accesskey": "explicit-key"}, "accesskey", "explicit-key"),
        ({"VOIPBIN_ACCESSKEY": ACCESSKEY}, {"token": "explicit.jwt"}, "token", "explicit.jwt"),
        ({"VOIPBIN_TOKEN": "", "VOIPBIN_ACCESSKEY": ACCESSKEY}, {}, "accesskey", ACCESSKEY),
        ({"VOIPBIN_TOKEN": TOKEN}, {"token": ""}, "token", TOKEN),
        ({}, {"token": f"  {TOKEN}\n"}, "token", TOKEN),
    ],
)
async def test_where_the_credential_comes_from(
    monkeypatch: pytest.MonkeyPatch,
    make_harness: MakeHarness,
    api: respx.MockRouter,
    env: dict[str, str],
    kwargs: dict[str, str],
    kind: str,
    secret: str,
) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    route = api.get(f"/outplans/{PLAN_ID}").respond(200, json=outplan())
    harness = await make_harness(**kwargs) if kwargs else await _bare(make_harness)

    await harness.call("outplans.get", PLAN_ID)

    request = route.calls.last.request
    if kind == "token":
        assert request.headers["Authorization"] == f"Bearer {secret}"
    else:
        assert request.url.params["accesskey"] == secret
    assert f"auth='{kind}'" in repr(harness.client)


async def _bare(make_harness: MakeHarness) -> Harness:
    """A client given no credential at all (make_harness adds an access key otherwise)."""
    return await make_harness(accesskey=None)


@pytest.mark.parametrize("cls", [VoipbinClient, AsyncVoipbinClient])
@pytest.mark.parametrize("kwargs", [{}, {"token": ""}, {"token": "  ", "accesskey": ""}])
def test_no_credential_fails_before_any_request(
    monkeypatch: pytest.MonkeyPatch,
    api: respx.MockRouter,
    cls: type[VoipbinClient | AsyncVoipbinClient],
    kwargs: dict[str, str],
) -> None:
    monkeypatch.setenv("VOIPBIN_TOKEN", "")
    route = api.route()

    with pytest.raises(MissingCredentialsError, match="VOIPBIN_TOKEN or VOIPBIN_ACCESSKEY"):
        cls(base_url=BASE, **kwargs)

    assert not route.called
    assert not api.calls


def test_token_and_accesskey_together_are_refused() -> None:
    with pytest.raises(ValueError, match="either token= or accesskey=") as caught:
        VoipbinClient(token=TOKEN, accesskey=ACCESSKEY)
    assert LEAK not in str(caught.value)


@pytest.mark.parametrize("token", [f"{TOKEN}\nX-Injected: 1", f"{TOKEN} more", f"{TOKEN}é"])
def test_a_malformed_credential_is_refused_without_quoting_it(token: str) -> None:
    with pytest.raises(ValueError, match="token holds") as caught:
        VoipbinClient(token=token)
    assert LEAK not in str(caught.value)
    assert LEAK not in repr(caught.value)


@pytest.mark.parametrize("cls", [VoipbinClient, AsyncVoipbinClient])
def test_repr_names_the_credential_kind_never_its_value(
    cls: type[VoipbinClient | AsyncVoipbinClient], credential: dict[str, str]
) -> None:
    client = cls(base_url=BASE, http_client=None, **credential)

    text = repr(client)

    assert text == (
        f"{cls.__name__}(base_url='{BASE}', auth='{next(iter(credential))}', max_retries=2)"
    )
    assert LEAK not in text
    assert LEAK not in repr(vars(client)["_settings"])


# -- never in errors or logs, on every error path ------------------------------------------------


def _echo_secret(status: int) -> Callable[[httpx.Request], httpx.Response]:
    """A server that quotes the request's URL and Authorization header back in its error."""

    def respond(request: httpx.Request) -> httpx.Response:
        said = f"rejected {request.url} with {request.headers.get('authorization')}"
        body = {"error": {"status": "X", "reason": said, "message": said, "request_id": "r"}}
        return httpx.Response(status, json=body)

    return respond


def _echo_text(request: httpx.Request) -> httpx.Response:
    return httpx.Response(
        502, text=f"<h1>{request.url}</h1> {request.headers.get('authorization')}"
    )


def _echo_ok_off_schema(request: httpx.Request) -> httpx.Response:
    return httpx.Response(
        200, json={"id": str(request.url), "name": request.headers.get("authorization")}
    )


def _echo_deep(status: int) -> Callable[[httpx.Request], httpx.Response]:
    """JSON nested past Python's recursion limit, after the request's URL and header."""

    def respond(request: httpx.Request) -> httpx.Response:
        said = json.dumps(f"{request.url} {request.headers.get('authorization')}")
        return httpx.Response(status, content=f'{{"message": {said}, "x": {"[" * 100_000}')

    return respond


def _echo_wrong_types(request: httpx.Request) -> httpx.Response:
    said = f"{request.url} {request.headers.get('authorization')}"
    return httpx.Response(200, json=outplan(name=said, dial_timeout=said))


def _echo_redirect(request: httpx.Request) -> httpx.Response:
    return httpx.Response(302, headers={"Location": f"{request.url}&again=1"})


def _raise(exc_type: type[httpx.TransportError]) -> Callable[[httpx.Request], httpx.Response]:
    def fail(request: httpx.Request) -> httpx.Response:
        raise exc_type(
            f"failed {request.url} {request.headers.get('authorization')}", request=request
        )

    return fail


ERROR_PATHS: dict[str, Callable[[httpx.Request], httpx.Response]] = {
    **{
        f"http-{status}": _echo_secret(status)
        for status in (400, 401, 403, 404, 409, 422, 429, 500, 503)
    },
    "non-json-502": _echo_text,
    "off-schema-200": _echo_ok_off_schema,
    "wrong-types-200": _echo_wrong_types,
    "deep-json-200": _echo_deep(200),
    "deep-json-500": _echo_deep(500),
    "redirect-302": _echo_redirect,
    "connect-error": _raise(httpx.ConnectError),
    "read-error": _raise(httpx.ReadError),
    "timeout": _raise(httpx.ReadTimeout),
    "local-protocol-error": _raise(httpx.LocalProtocolError),
}


SDK = Path(voipbin_outdial.__file__).parent


def sdk_frame_locals(exc: BaseException) -> list[str]:
    """The local variables of the SDK's own frames in ``exc``'s traceback, as Sentry, ``pytest
    --showlocals`` and rich tracebacks show them (the test's own frames hold the credential)."""
    with_locals = traceback.TracebackException.from_exception(exc, capture_locals=True)
    frames = [f for f in with_locals.stack if Path(f.filename).is_relative_to(SDK)]
    assert frames, "the traceback must go through the SDK's code"
    return [f"{f.name}: {f.locals!r}" for f in frames]


def _texts_of(exc: BaseException, records: list[logging.LogRecord], client: Any) -> list[str]:
    texts = [str(exc), repr(exc), repr(client), "".join(traceback.format_exception(exc))]
    texts += [repr(vars(exc)), repr(client._sender.http.headers)]
    texts += sdk_frame_locals(exc)
    for record in records:
        texts += [record.getMessage(), str(record.msg), repr(record.args)]
    return texts


@OWNERS
@pytest.mark.parametrize("path", list(ERROR_PATHS))
async def test_credentials_never_leak_from_an_error(
    make_harness: MakeHarness,
    api: respx.MockRouter,
    caplog: pytest.LogCaptureFixture,
    credential: dict[str, str],
    path: str,
    http_client: dict[str, Any],
) -> None:
    caplog.set_level(logging.DEBUG)
    route = api.get(f"/outplans/{PLAN_ID}").mock(side_effect=ERROR_PATHS[path])
    harness = await make_harness(**credential, **http_client)

    with pytest.raises(ApiError) as caught:
        await harness.call("outplans.get", PLAN_ID)

    exc = caught.value
    assert route.called
    assert exc.__cause__ is None
    assert exc.__context__ is None
    for text in _texts_of(exc, caplog.records, harness.client):
        assert LEAK not in text
    if path.startswith("http-"):
        assert "[REDACTED]" in exc.message
        httpx_lines = [r.getMessage() for r in caplog.records if r.name == "httpx"]
        assert httpx_lines, "httpx logs every request at INFO; the test must see those lines"
        if "accesskey" in credential:
            assert all("accesskey=[REDACTED]" in line for line in httpx_lines)


@OWNERS
async def test_successful_requests_log_no_secret(
    make_harness: MakeHarness,
    api: respx.MockRouter,
    caplog: pytest.LogCaptureFixture,
    credential: dict[str, str],
    http_client: dict[str, Any],
) -> None:
    caplog.set_level(logging.DEBUG)
    api.get(f"/outplans/{PLAN_ID}").respond(200, json=outplan())
    harness = await make_harness(**credential, **http_client)

    await harness.call("outplans.get", PLAN_ID)

    assert any(r.name == "httpx" and "HTTP Request: GET" in r.getMessage() for r in caplog.records)
    for record in caplog.records:
        assert LEAK not in record.getMessage()


def test_missing_credentials_error_is_a_voipbin_error() -> None:
    assert issubclass(MissingCredentialsError, VoipbinError)


# -- the redaction itself -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "GET https://h/v1.0/outplans?accesskey=abc123",
            "GET https://h/v1.0/outplans?accesskey=[REDACTED]",
        ),
        (
            "https://h/x?page_size=1&accesskey=a%2Bb&page_token=t",
            "https://h/x?page_size=1&accesskey=[REDACTED]&page_token=t",
        ),
        ("https://h/x?token=eyJ.abc.def&a=1", "https://h/x?token=[REDACTED]&a=1"),
        ("https://h/x?page_token=2022-04-28 01:50", "https://h/x?page_token=2022-04-28 01:50"),
        ("Authorization: Bearer eyJ.abc.def", "Authorization: Bearer [REDACTED]"),
        ("'authorization': 'bearer eyJ.abc'", "'authorization': 'bearer [REDACTED]'"),
        ("ACCESSKEY=abc", "ACCESSKEY=[REDACTED]"),
        (
            "https%3A%2F%2Fh%2Fx%3Faccesskey%3Da%2Bb%26n%3D1",
            "https%3A%2F%2Fh%2Fx%3Faccesskey%3D[REDACTED]",
        ),
        ("Cookie: token=abc; accesskey=def", "Cookie: token=[REDACTED]; accesskey=[REDACTED]"),
        ("GET /outplans?accesskey=a 200", "GET /outplans?accesskey=[REDACTED] 200"),
        ("a1a2 request_id a", "a1a2 request_id a"),
        ("nothing to hide", "nothing to hide"),
    ],
)
def test_redact(text: str, expected: str) -> None:
    assert redact(text) == expected


@pytest.mark.parametrize("credential", [{"token": "a"}, {"accesskey": "a"}], ids=["token", "key"])
async def test_a_one_character_credential_leaves_other_text_alone(
    make_harness: MakeHarness, api: respx.MockRouter, credential: dict[str, str]
) -> None:
    """issue 13: every substring equal to the credential was replaced, so with token="a" the
    message and the request_id came back as "[REDACTED]1[REDACTED]2..."."""

    def respond(request: httpx.Request) -> httpx.Response:
        said = f"a1a2 is not allowed at {request.url} ({request.headers.get('authorization')})"
        return httpx.Response(403, json=error_body("DENIED", "a reason", said, "a1a2-a3"))

    api.get(f"/outplans/{PLAN_ID}").mock(side_effect=respond)
    harness = await make_harness(**credential)

    with pytest.raises(PermissionDeniedError) as caught:
        await harness.call("outplans.get", PLAN_ID)

    exc = caught.value
    assert (exc.request_id, exc.reason) == ("a1a2-a3", "a reason")
    assert exc.message.startswith(f"a1a2 is not allowed at {BASE}/outplans/{PLAN_ID}")
    if "token" in credential:
        assert exc.message.endswith("(Bearer [REDACTED])")
    else:
        assert exc.message.endswith("?accesskey=[REDACTED] (None)")


def test_log_filters_are_installed_once_per_logger() -> None:
    for _ in range(3):
        VoipbinClient(token=TOKEN)
        AsyncVoipbinClient(accesskey=ACCESSKEY)

    for name in LOGGER_NAMES:
        filters = logging.getLogger(name).filters
        assert sum(isinstance(f, RedactingFilter) for f in filters) == 1


def test_log_filter_redacts_message_and_args(caplog: pytest.LogCaptureFixture) -> None:
    VoipbinClient(token=TOKEN)
    caplog.set_level(logging.DEBUG)

    logging.getLogger("httpx").info("to %s", httpx.URL(f"{BASE}/outplans?accesskey={ACCESSKEY}"))
    logging.getLogger("httpcore.http11").debug("headers Authorization: Bearer %s", TOKEN)
    logging.getLogger("voipbin_outdial").warning(f"?token={TOKEN}")

    messages = [r.getMessage() for r in caplog.records]
    assert messages == [
        f"to {BASE}/outplans?accesskey=[REDACTED]",
        "headers Authorization: Bearer [REDACTED]",
        "?token=[REDACTED]",
    ]


def test_log_filter_lets_a_malformed_record_through() -> None:
    record = logging.makeLogRecord({"msg": "%s and %s", "args": ("only one",)})

    assert RedactingFilter().filter(record) is True
    assert record.args == ("only one",)


@pytest.mark.parametrize("cls", [VoipbinClient, AsyncVoipbinClient])
@pytest.mark.parametrize(
    "kwargs",
    [
        {"token": TOKEN, "accesskey": ACCESSKEY},
        {"token": f"{TOKEN}\nX-Injected: 1"},
        {"accesskey": f"{ACCESSKEY} x"},
        {"accesskey": ACCESSKEY, "timeout": -1},
        {"token": TOKEN, "base_url": "ftp://x"},
        {"accesskey": ACCESSKEY, "max_retries": -1},
        {"token": TOKEN, "http_client": httpx.Client(base_url="https://elsewhere.invalid")},
        {"env": TOKEN, "timeout": "x"},
        {"env": f"{TOKEN}\x01"},
    ],
    ids=lambda kwargs: "-".join(kwargs) + ("-malformed" if len(kwargs) == 1 else ""),
)
def test_a_constructor_error_leaves_no_credential_in_the_sdks_frames(
    monkeypatch: pytest.MonkeyPatch, cls: Any, kwargs: dict[str, Any]
) -> None:
    """The caller's token= is a parameter of __init__; the constructor drops it at once."""
    if "env" in kwargs:
        monkeypatch.setenv("VOIPBIN_TOKEN", kwargs.pop("env"))
    if cls is AsyncVoipbinClient and "http_client" in kwargs:
        kwargs["http_client"] = httpx.AsyncClient(base_url="https://elsewhere.invalid")

    with pytest.raises(VoipbinError) as caught:
        cls(base_url=BASE, **kwargs) if "base_url" not in kwargs else cls(**kwargs)

    for text in [str(caught.value), repr(caught.value), *sdk_frame_locals(caught.value)]:
        assert LEAK not in text
