"""The facade turns Prism's contract errors into the SDK's exceptions.

The facade never sends a wrong body or forgets the credential, so these tests reach Prism through
it with a bypass: an httpx transport that tampers with the request the facade built (a wrong type,
an unknown field, credentials stripped). Prism's validation answers with the spec's own error
examples, and the facade has to surface them as typed errors with VoIPBIN's details.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from typing import Any

import httpx
import pytest
from prism import PrismServer
from spec_ops import example, load_spec

from voipbin_outdial import (
    ApiError,
    AsyncVoipbinClient,
    AuthenticationError,
    BadRequestError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    VoipbinClient,
)

pytestmark = pytest.mark.contract

TOKEN = "eyJhbGciOiJIUzI1NiJ9.secret-contract-token"
ACCESSKEY = "ak-secret-contract-accesskey"
OUTPLAN_ID = example("OutplanCurrent")["id"]
OUTDIAL_ID = example("OutdialCurrent")["id"]
CALLER_ID = example("OutplanCurrent")["source"]
CAMPAIGN_ID = example("OutdialCurrent")["campaign_id"]
Tamper = Callable[[httpx.Request], httpx.Request]


def spec_error(component: str) -> dict[str, Any]:
    """The error example Prism answers with for ``components.responses[component]``: its only
    one, or the first of several."""
    content = load_spec()["components"]["responses"][component]["content"]["application/json"]
    if "example" in content:
        detail: dict[str, Any] = content["example"]["error"]
    else:
        detail = next(iter(content["examples"].values()))["value"]["error"]
    return detail


def with_body(change: Callable[[dict[str, Any]], None]) -> Tamper:
    """A tamper that edits the JSON body the facade built."""

    def tamper(request: httpx.Request) -> httpx.Request:
        body = json.loads(request.content)
        change(body)
        headers = {k: v for k, v in request.headers.items() if k.lower() != "content-length"}
        return httpx.Request(request.method, request.url, headers=headers, json=body)

    return tamper


def without_credentials(request: httpx.Request) -> httpx.Request:
    url = request.url.copy_remove_param("accesskey").copy_remove_param("token")
    headers = {k: v for k, v in request.headers.items() if k.lower() != "authorization"}
    return httpx.Request(request.method, url, headers=headers, content=request.content)


class TamperingTransport(httpx.BaseTransport):
    def __init__(self, tamper: Tamper) -> None:
        self._tamper = tamper
        self._inner = httpx.HTTPTransport()
        self.sent: list[httpx.Request] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request = self._tamper(request)
        self.sent.append(request)
        return self._inner.handle_request(request)

    def close(self) -> None:
        self._inner.close()


class AsyncTamperingTransport(httpx.AsyncBaseTransport):
    def __init__(self, tamper: Tamper) -> None:
        self._tamper = tamper
        self._inner = httpx.AsyncHTTPTransport()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return await self._inner.handle_async_request(self._tamper(request))

    async def aclose(self) -> None:
        await self._inner.aclose()


@contextmanager
def tampered_client(
    prism: PrismServer,
    tamper: Tamper,
    *,
    headers: dict[str, str] | None = None,
    accesskey: str | None = None,
) -> Iterator[VoipbinClient]:
    """A facade client (token, or ``accesskey``) whose requests ``tamper`` edits on the way."""
    token = None if accesskey else TOKEN
    transport = TamperingTransport(tamper)
    with (
        httpx.Client(transport=transport, headers=headers, trust_env=False) as http,
        VoipbinClient(
            token=token, accesskey=accesskey, base_url=prism.url, max_retries=0, http_client=http
        ) as c,
    ):
        yield c
    assert transport.sent, "the call never reached Prism"


@asynccontextmanager
async def async_tampered_client(
    prism: PrismServer, tamper: Tamper, *, accesskey: str | None = None
) -> AsyncIterator[AsyncVoipbinClient]:
    token = None if accesskey else TOKEN
    transport = AsyncTamperingTransport(tamper)
    async with (
        httpx.AsyncClient(transport=transport, trust_env=False) as http,
        AsyncVoipbinClient(
            token=token, accesskey=accesskey, base_url=prism.url, max_retries=0, http_client=http
        ) as c,
    ):
        yield c


def unchanged(request: httpx.Request) -> httpx.Request:
    return request


def assert_spec_error(exc: ApiError, status_code: int, component: str, operation: str) -> None:
    detail = spec_error(component)
    assert exc.status_code == status_code
    assert (exc.status, exc.reason) == (detail["status"], detail["reason"])
    assert exc.message == detail["message"]
    assert exc.request_id == detail["request_id"]
    assert exc.operation == operation
    for secret in (TOKEN, ACCESSKEY):
        assert secret not in str(exc)
        assert secret not in repr(exc)


def create_outplan(client: VoipbinClient) -> object:
    return client.outplans.create(
        name="n",
        detail="d",
        source=CALLER_ID,
        dial_timeout=30000,
        try_interval=60000,
        max_try_counts=[1, 1, 1, 1, 1],
    )


# -- 400: a body the spec does not allow ----------------------------------------------------------


@pytest.mark.parametrize(
    ("tamper", "call", "operation"),
    [
        pytest.param(
            with_body(lambda b: b.update(dial_timeout="30000")),
            create_outplan,
            "outplans_create",
            id="dial_timeout-as-string",
        ),
        pytest.param(
            with_body(lambda b: b.update(name="")),
            lambda c: c.outdials.create(campaign_id=CAMPAIGN_ID, name="n", detail="d", data="x"),
            "outdials_create",
            id="empty-name",
        ),
        pytest.param(
            with_body(lambda b: b.pop("max_try_count_4")),
            lambda c: c.outplans.update_dial_info(
                OUTPLAN_ID,
                source=CALLER_ID,
                dial_timeout=30000,
                try_interval=0,
                max_try_counts=[1, 0, 0, 0, 0],
            ),
            "outplans_update_dial_info",
            id="required-field-missing",
        ),
        pytest.param(
            with_body(lambda b: b.update(destination_0="+821100000001")),
            lambda c: c.outdialtargets.create(
                OUTDIAL_ID,
                name="n",
                detail="d",
                data="x",
                destinations=[{"type": "tel", "target": "+821100000001"}],
            ),
            "outdialtargets_create",
            id="destination-not-an-address",
        ),
    ],
)
def test_wrong_body_fails_the_contract_run_as_bad_request(
    prism: PrismServer, tamper: Tamper, call: Callable[[VoipbinClient], object], operation: str
) -> None:
    with tampered_client(prism, tamper) as client, pytest.raises(BadRequestError) as caught:
        call(client)

    assert_spec_error(caught.value, 400, "BadRequest", operation)


async def test_async_wrong_body_is_bad_request(prism: PrismServer) -> None:
    tamper = with_body(lambda b: b.update(dial_timeout="30000"))
    async with async_tampered_client(prism, tamper) as client:
        with pytest.raises(BadRequestError) as caught:
            await client.outplans.update_dial_info(
                OUTPLAN_ID,
                source=CALLER_ID,
                dial_timeout=30000,
                try_interval=60000,
                max_try_counts=[1, 1, 1, 1, 1],
            )

    assert_spec_error(caught.value, 400, "BadRequest", "outplans_update_dial_info")


# -- 401: no credentials ------------------------------------------------------------------------


@pytest.mark.parametrize("accesskey", [None, ACCESSKEY], ids=["token", "accesskey"])
def test_request_without_credentials_is_authentication_error(
    prism: PrismServer, accesskey: str | None
) -> None:
    with (
        tampered_client(prism, without_credentials, accesskey=accesskey) as client,
        pytest.raises(AuthenticationError) as caught,
    ):
        client.outplans.get(OUTPLAN_ID)

    assert_spec_error(caught.value, 401, "Unauthorized", "outplans_get")


async def test_async_request_without_credentials_is_authentication_error(
    prism: PrismServer,
) -> None:
    async with async_tampered_client(prism, without_credentials, accesskey=ACCESSKEY) as client:
        with pytest.raises(AuthenticationError) as caught:
            await client.outdialtargets.list(OUTDIAL_ID)

    assert_spec_error(caught.value, 401, "Unauthorized", "outdialtargets_list")


# -- every declared error status, from the spec's examples ----------------------------------------


@pytest.mark.parametrize(
    ("code", "error", "component"),
    [
        (400, BadRequestError, "BadRequest"),
        (401, AuthenticationError, "Unauthorized"),
        (403, PermissionDeniedError, "Forbidden"),
        (404, NotFoundError, "NotFound"),
        (429, RateLimitError, "TooManyRequests"),
        (500, InternalServerError, "InternalError"),
        (503, InternalServerError, "ServiceUnavailable"),
    ],
)
def test_declared_error_response_maps_to_its_exception(
    prism: PrismServer, code: int, error: type[ApiError], component: str
) -> None:
    # "Prefer: code=N" makes Prism answer with the spec's example for status N.
    with (
        tampered_client(prism, unchanged, headers={"Prefer": f"code={code}"}) as client,
        pytest.raises(error) as caught,
    ):
        client.outdials.delete(OUTDIAL_ID)

    assert_spec_error(caught.value, code, component, "outdials_delete")
