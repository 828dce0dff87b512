"""The client itself: settings, timeouts, a user's http_client, closing, repr, the surface."""

from __future__ import annotations

import inspect
import json
from typing import Any

import httpx
import pytest
import respx
from facade_support import (
    ACCESSKEY,
    BASE,
    HTTP_CLIENT_OWNERS,
    OWNER_IDS,
    PLAN_ID,
    TOKEN,
    MakeHarness,
    error_body,
    outplan,
    settle,
)

import voipbin_outdial
from voipbin_outdial import AsyncVoipbinClient, VoipbinClient
from voipbin_outdial._config import USER_AGENT
from voipbin_outdial.errors import (
    ArgumentTypeError,
    ClientClosedError,
    InvalidArgumentError,
    NotFoundError,
    ResponseTooLargeError,
)


def timeouts(request: httpx.Request) -> dict[str, float | None]:
    timeout: dict[str, float | None] = request.extensions["timeout"]
    return timeout


# -- timeouts -----------------------------------------------------------------------------------


OWNERS = pytest.mark.parametrize("http_client", HTTP_CLIENT_OWNERS, ids=OWNER_IDS)


@OWNERS
async def test_default_timeout_is_30_seconds(
    make_harness: MakeHarness, api: respx.MockRouter, http_client: dict[str, Any]
) -> None:
    route = api.get(f"/outplans/{PLAN_ID}").respond(200, json=outplan())
    harness = await make_harness(**http_client)

    await harness.call("outplans.get", PLAN_ID)

    assert timeouts(route.calls.last.request) == dict.fromkeys(
        ("connect", "read", "write", "pool"), 30.0
    )


@OWNERS
async def test_timeout_per_client_and_per_call(
    make_harness: MakeHarness, api: respx.MockRouter, http_client: dict[str, Any]
) -> None:
    route = api.get(f"/outplans/{PLAN_ID}").respond(200, json=outplan())
    harness = await make_harness(timeout=httpx.Timeout(5.0, connect=2.0), **http_client)

    await harness.call("outplans.get", PLAN_ID)
    per_client = timeouts(route.calls.last.request)
    await harness.call("outplans.get", PLAN_ID, timeout=1.5)
    per_call = timeouts(route.calls.last.request)
    await harness.call("outplans.get", PLAN_ID)
    per_client_again = timeouts(route.calls.last.request)

    assert per_client == {"connect": 2.0, "read": 5.0, "write": 5.0, "pool": 5.0}
    assert per_call == dict.fromkeys(("connect", "read", "write", "pool"), 1.5)
    assert per_client_again == per_client


@OWNERS
async def test_a_per_call_timeout_on_a_call_with_a_body(
    make_harness: MakeHarness, api: respx.MockRouter, http_client: dict[str, Any]
) -> None:
    route = api.put(f"/outplans/{PLAN_ID}").respond(200, json=outplan())
    harness = await make_harness(**http_client)

    await harness.call("outplans.update", PLAN_ID, name="n", detail="d", timeout=2.5)
    await harness.call("outplans.update", PLAN_ID, name="n2", detail="d2")

    first, second = (call.request for call in route.calls)
    assert timeouts(first)["read"] == 2.5
    assert timeouts(second)["read"] == 30.0
    assert (first.read(), second.read()) == (
        b'{"name":"n","detail":"d"}',
        b'{"name":"n2","detail":"d2"}',
    )


@OWNERS
async def test_iter_passes_its_timeout_to_every_page(
    make_harness: MakeHarness, api: respx.MockRouter, http_client: dict[str, Any]
) -> None:
    route = api.get("/outplans")
    route.side_effect = [
        httpx.Response(200, json={"result": [outplan()], "next_page_token": "t"}),
        httpx.Response(200, json={"result": []}),
    ]
    harness = await make_harness(**http_client)

    await harness.collect("outplans.iter", timeout=4.0)

    assert [timeouts(c.request)["read"] for c in route.calls] == [4.0, 4.0]


# -- settings -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"timeout": 0}, ValueError, "timeout"),
        ({"timeout": -1.0}, ValueError, "timeout"),
        ({"timeout": True}, TypeError, "timeout"),
        ({"timeout": "30"}, TypeError, "timeout"),
        ({"max_retries": -1}, ValueError, "max_retries"),
        ({"max_retries": True}, TypeError, "max_retries"),
        ({"max_retries": 2.0}, TypeError, "max_retries"),
        ({"base_url": "ftp://api.voipbin.net"}, ValueError, "base_url"),
        ({"base_url": "api.voipbin.net/v1.0"}, ValueError, "base_url"),
        ({"base_url": "https://api.voipbin.net/v1.0?accesskey=x"}, ValueError, "base_url"),
        ({"base_url": "http://[::1"}, ValueError, "base_url"),
        ({"base_url": 42}, TypeError, "base_url"),
        ({"token": 123}, TypeError, "token must be a str"),
    ],
)
@pytest.mark.parametrize("cls", [VoipbinClient, AsyncVoipbinClient])
def test_bad_settings_are_refused(
    cls: type[VoipbinClient | AsyncVoipbinClient],
    kwargs: dict[str, Any],
    error: type[Exception],
    match: str,
) -> None:
    kwargs.setdefault("accesskey", ACCESSKEY)
    with pytest.raises(error, match=match):
        cls(**kwargs)


async def test_base_url_trailing_slash_is_dropped(
    make_harness: MakeHarness, api: respx.MockRouter
) -> None:
    route = api.get(f"/outplans/{PLAN_ID}").respond(200, json=outplan())
    harness = await make_harness(base_url=BASE + "/")

    await harness.call("outplans.get", PLAN_ID)

    assert harness.client.base_url == BASE
    assert str(route.calls.last.request.url).startswith(f"{BASE}/outplans/")


def test_default_base_url_is_voipbins() -> None:
    client = VoipbinClient(token=TOKEN)

    assert client.base_url == "https://api.voipbin.net/v1.0"
    assert repr(client) == (
        "VoipbinClient(base_url='https://api.voipbin.net/v1.0', auth='token', max_retries=2)"
    )
    client.close()


# -- the user's http_client ---------------------------------------------------------------------


def _echo(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, json=outplan(name=str(request.url)))


def test_a_users_sync_client_gets_auth_per_request_and_stays_open() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return _echo(request)

    http = httpx.Client(transport=httpx.MockTransport(handler), headers={"X-Team": "dialer"})
    with VoipbinClient(token=TOKEN, base_url=BASE, http_client=http) as client:
        plan = client.outplans.get(PLAN_ID)

    assert plan.name == f"{BASE}/outplans/{PLAN_ID}"
    assert seen[0].headers["Authorization"] == f"Bearer {TOKEN}"
    assert seen[0].headers["X-Team"] == "dialer"
    assert not http.is_closed
    assert "authorization" not in http.headers
    assert http.base_url == ""
    assert http.timeout == httpx.Timeout(5.0)
    http.close()


@pytest.mark.parametrize("cls", [VoipbinClient, AsyncVoipbinClient])
@pytest.mark.parametrize(
    ("theirs", "ours", "sent_to"),
    [
        ("https://elsewhere.invalid/v1.0/", None, "https://elsewhere.invalid/v1.0"),
        ("https://elsewhere.invalid/v1.0", "https://elsewhere.invalid/v1.0/", None),
        ("", None, "https://api.voipbin.net/v1.0"),
        ("", BASE, BASE),
    ],
)
async def test_a_users_http_client_base_url_is_honoured(
    cls: Any, theirs: str, ours: str | None, sent_to: str | None
) -> None:
    """issue 13: it was silently replaced by the default base URL (production)."""
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url.copy_with(query=None)))
        return _echo(request)

    transport = httpx.MockTransport(handler)
    http_type = httpx.AsyncClient if cls is AsyncVoipbinClient else httpx.Client
    http = http_type(transport=transport, base_url=theirs)
    client = cls(token=TOKEN, http_client=http, **({} if ours is None else {"base_url": ours}))
    await settle(client.outplans.get(PLAN_ID))
    await settle(client.close())
    await settle(http.aclose() if isinstance(http, httpx.AsyncClient) else http.close())

    expected = (sent_to or ours or "").rstrip("/")
    assert client.base_url == expected
    assert seen == [f"{expected}/outplans/{PLAN_ID}"]


@pytest.mark.parametrize("cls", [VoipbinClient, AsyncVoipbinClient])
def test_a_users_http_client_base_url_that_conflicts_is_refused(cls: Any) -> None:
    http_type = httpx.AsyncClient if cls is AsyncVoipbinClient else httpx.Client

    with pytest.raises(InvalidArgumentError, match="conflicts with the http_client") as caught:
        cls(token=TOKEN, base_url=BASE, http_client=http_type(base_url="https://other.invalid"))

    assert caught.value.param == "base_url"
    assert isinstance(caught.value, ValueError)


async def test_a_users_async_client_with_an_asgi_app() -> None:
    async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
        body = httpx.Response(200, json=outplan(name=scope["query_string"].decode())).content
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": body})

    http = httpx.AsyncClient(transport=httpx.ASGITransport(app=app))
    async with AsyncVoipbinClient(accesskey=ACCESSKEY, base_url=BASE, http_client=http) as client:
        plan = await client.outplans.get(PLAN_ID)

    assert plan.name == f"accesskey={ACCESSKEY}"
    assert not http.is_closed
    assert http.params == httpx.QueryParams()
    await http.aclose()


@pytest.mark.parametrize(
    ("cls", "http"),
    [(VoipbinClient, httpx.AsyncClient), (AsyncVoipbinClient, httpx.Client)],
)
def test_the_wrong_kind_of_http_client_is_refused(cls: Any, http: Any) -> None:
    with pytest.raises(TypeError, match="http_client must be an httpx"):
        cls(token=TOKEN, http_client=http())


def test_an_owned_client_is_closed_and_identifies_itself(api: respx.MockRouter) -> None:
    route = api.get(f"/outplans/{PLAN_ID}").respond(200, json=outplan())
    with VoipbinClient(accesskey=ACCESSKEY, base_url=BASE) as client:
        client.outplans.get(PLAN_ID)
        http = client._sender.http

    assert http.is_closed
    assert route.calls.last.request.headers["User-Agent"] == USER_AGENT
    assert USER_AGENT.startswith(f"voipbin-outdial/{voipbin_outdial.__version__} ")


async def test_an_owned_async_client_is_closed(api: respx.MockRouter) -> None:
    async with AsyncVoipbinClient(accesskey=ACCESSKEY, base_url=BASE) as client:
        http = client._sender.http
        assert not http.is_closed

    assert http.is_closed


async def test_close_is_a_coroutine_on_the_async_client() -> None:
    client = AsyncVoipbinClient(token=TOKEN)

    assert inspect.iscoroutinefunction(client.close)
    await client.close()
    assert client._sender.http.is_closed


# -- the public surface -------------------------------------------------------------------------

SURFACE = {
    "VoipbinClient",
    "AsyncVoipbinClient",
    "Page",
    "__version__",
    "VoipbinError",
    "MissingCredentialsError",
    "ApiError",
    "BadRequestError",
    "AuthenticationError",
    "PermissionDeniedError",
    "NotFoundError",
    "ConflictError",
    "RateLimitError",
    "InternalServerError",
    "ApiConnectionError",
    "ApiTimeoutError",
    "ApiResponseValidationError",
    "ArgumentError",
    "InvalidArgumentError",
    "ArgumentTypeError",
    "ClientClosedError",
    "ResponseTooLargeError",
}


def test_public_surface() -> None:
    assert set(voipbin_outdial.__all__) >= SURFACE
    for name in voipbin_outdial.__all__:
        assert getattr(voipbin_outdial, name) is not None
    from voipbin_outdial import errors

    for name in SURFACE - {"VoipbinClient", "AsyncVoipbinClient", "Page", "__version__"}:
        assert getattr(voipbin_outdial, name) is getattr(errors, name)


async def test_a_users_raise_for_status_hook_still_gives_our_errors(
    make_harness: MakeHarness, api: respx.MockRouter, kind: str
) -> None:
    def hook(response: httpx.Response) -> None:
        response.raise_for_status()

    async def async_hook(response: httpx.Response) -> None:
        response.raise_for_status()

    hooks: dict[str, list[Any]] = {"response": [async_hook if kind == "async" else hook]}
    http_type = httpx.AsyncClient if kind == "async" else httpx.Client
    route = api.get(f"/outplans/{PLAN_ID}")
    route.side_effect = [
        httpx.Response(503),
        httpx.Response(
            404, json=error_body("NOT_FOUND", "GONE", "gone", "r"), headers={"X-Request-Id": "r-9"}
        ),
    ]
    http = http_type(event_hooks=hooks)
    harness = await make_harness(http_client=http)

    with pytest.raises(NotFoundError) as caught:
        await harness.call("outplans.get", PLAN_ID)
    await settle(http.aclose() if isinstance(http, httpx.AsyncClient) else http.close())

    # httpx closes the response unread when a hook raises: the status and headers remain.
    assert (caught.value.status_code, caught.value.message) == (404, "Not Found")
    assert caught.value.request_id == "r-9"
    assert route.call_count == 2


# -- issue 13: closed clients, the size cap -------------------------------------------------------


@OWNERS
async def test_a_call_after_close_is_a_client_closed_error(
    make_harness: MakeHarness, api: respx.MockRouter, http_client: dict[str, Any]
) -> None:
    """issue 13: it was httpx's bare RuntimeError (and a user's http_client just went on)."""
    route = api.get(f"/outplans/{PLAN_ID}").respond(200, json=outplan())
    harness = await make_harness(**http_client)
    await harness.call("outplans.get", PLAN_ID)
    await harness.close()

    with pytest.raises(ClientClosedError, match="outplans_get: this client was closed"):
        await harness.call("outplans.get", PLAN_ID)

    assert route.call_count == 1


async def test_a_call_on_a_closed_user_http_client_is_a_client_closed_error(
    make_harness: MakeHarness, api: respx.MockRouter, kind: str
) -> None:
    route = api.get(f"/outplans/{PLAN_ID}").respond(200, json=outplan())
    http = httpx.AsyncClient() if kind == "async" else httpx.Client()
    harness = await make_harness(http_client=http)
    await settle(http.aclose() if isinstance(http, httpx.AsyncClient) else http.close())

    with pytest.raises(ClientClosedError, match="the http_client was closed") as caught:
        await harness.call("outplans.get", PLAN_ID)

    assert isinstance(caught.value, RuntimeError)
    assert not route.called


@OWNERS
@pytest.mark.parametrize("how", ["content-length", "streamed"])
async def test_a_body_over_max_response_bytes_is_refused(
    make_harness: MakeHarness, api: respx.MockRouter, http_client: dict[str, Any], how: str
) -> None:
    body = json.dumps(outplan(detail="x" * 5000)).encode()
    if how == "content-length":
        response = httpx.Response(200, content=body)
    else:  # no Content-Length: the cap is met while reading
        response = httpx.Response(200, stream=httpx.ByteStream(body))
    route = api.get(f"/outplans/{PLAN_ID}").mock(return_value=response)
    harness = await make_harness(max_response_bytes=4096, **http_client)

    with pytest.raises(ResponseTooLargeError, match="over max_response_bytes=4096") as caught:
        await harness.call("outplans.get", PLAN_ID)

    assert caught.value.status_code == 200
    assert route.call_count == 1  # not retried


async def test_a_body_at_max_response_bytes_is_read(
    make_harness: MakeHarness, api: respx.MockRouter
) -> None:
    body = json.dumps(outplan()).encode()
    api.get(f"/outplans/{PLAN_ID}").respond(200, content=body)
    harness = await make_harness(max_response_bytes=len(body))

    assert (await harness.call("outplans.get", PLAN_ID)).name == "test outplan"


@pytest.mark.parametrize(
    ("value", "error"),
    [(0, InvalidArgumentError), (-5, InvalidArgumentError), (1.5, ArgumentTypeError)],
)
def test_max_response_bytes_is_checked(value: Any, error: type[Exception]) -> None:
    with pytest.raises(error, match="max_response_bytes") as caught:
        VoipbinClient(token=TOKEN, max_response_bytes=value)
    assert caught.value.param == "max_response_bytes"  # type: ignore[attr-defined]


def test_the_wrong_kind_of_http_client_names_the_parameter() -> None:
    with pytest.raises(ArgumentTypeError) as caught:
        VoipbinClient(token=TOKEN, http_client=httpx.AsyncClient())  # type: ignore[arg-type]
    assert caught.value.param == "http_client"
