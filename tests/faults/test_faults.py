"""Faults over a real socket (issue 13): for each, the error, how many requests reached the
server (a POST exactly once) and the time taken, within the call's documented bound
(``timeout`` x the tries it may make, ``_retry.call_time_bound``), sync and async.

The waits between tries are recorded, not slept, so only the tries themselves take time; the
waits' share of the bound is shown with real sleeps at the end (and in test_facade_retries).
"""

from __future__ import annotations

import inspect
import time
from typing import Any

import httpx
import pytest
from fault_server import (
    FaultServer,
    close_without_response,
    dripping_body,
    endless_body,
    ok,
    redirect,
    reset_before_response,
    reset_mid_body,
    slow_headers,
    status,
)

from voipbin_outdial import AsyncVoipbinClient, VoipbinClient
from voipbin_outdial._retry import call_time_bound
from voipbin_outdial.errors import (
    ApiConnectionError,
    ApiError,
    ApiTimeoutError,
    InternalServerError,
    RateLimitError,
    ResponseTooLargeError,
)

TIMEOUT = 0.2  # seconds per try: short, so the slow faults stay fast
RETRIES = 2
SLACK = 0.3  # the machine's own delays (2 shared cores), on top of the bound
PLAN_ID = "d5fb7357-7ddb-4f2d-87b5-8ccbfd6c039e"
DRIP_EVERY = 0.04
CALLS: dict[str, tuple[str, tuple[Any, ...], dict[str, Any]]] = {
    "GET": ("get", (PLAN_ID,), {}),
    "POST": (
        "create",
        (),
        {
            "name": "p",
            "source": {"type": "tel", "target": "+15550100"},
            "dial_timeout": 30_000,
            "try_interval": 60_000,
            "max_try_counts": (1, 0, 0, 0, 0),
        },
    ),
}


async def settle(value: Any) -> Any:
    return await value if inspect.isawaitable(value) else value


async def call(
    kind: str, base_url: str, method: str, *, real_waits: bool = False, **options: Any
) -> tuple[BaseException | None, float, list[float]]:
    """One outplans call through a new client of ``kind``: what it raised (``None`` if
    nothing), how long it took, and the waits it asked for (recorded, not slept, unless
    ``real_waits``)."""
    waits: list[float] = []
    options = {"timeout": TIMEOUT, "max_retries": RETRIES, **options}
    cls = AsyncVoipbinClient if kind == "async" else VoipbinClient
    client = cls(token="t", base_url=base_url, **options)
    if not real_waits:

        async def record(delay: float) -> None:
            waits.append(delay)

        client._sender.sleep = record if kind == "async" else waits.append
    name, args, kwargs = CALLS[method]
    started = time.monotonic()
    try:
        await settle(getattr(client.outplans, name)(*args, **kwargs))
    except BaseException as exc:  # the test looks at whatever was raised
        raised: BaseException | None = exc
    else:
        raised = None
    finally:
        elapsed = time.monotonic() - started
        await settle(client.close())
    return raised, elapsed, waits


@pytest.fixture(params=["sync", "async"])
def kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(autouse=True)
def _no_jitter(monkeypatch: pytest.MonkeyPatch) -> None:
    """Backoff waits of exactly 0.5 s, then 1 s, so the tries a bound allows are known."""
    monkeypatch.setattr("voipbin_outdial._base.random.random", lambda: 0.0)


# fault: its error, the timeout, the tries a GET makes (a POST: one), whether tries time out.
# Instant faults get 1 s (a 3 s bound: both waits, 0.5 s and 1 s, fit: three tries); slow
# ones 0.2 s (0.6 s: after a try's 0.2 s, the 0.5 s wait would not fit: one try).
FAULTS = {
    "reset-before-response": (reset_before_response, ApiConnectionError, 1.0, 3, False),
    "reset-mid-body": (reset_mid_body, ApiConnectionError, 1.0, 3, False),
    "close-without-response": (close_without_response, ApiConnectionError, 1.0, 3, False),
    "slow-headers": (slow_headers(5.0), ApiTimeoutError, TIMEOUT, 1, True),
    "slow-body": (dripping_body(16, DRIP_EVERY), ApiTimeoutError, TIMEOUT, 1, True),
    "redirect-307": (redirect("307 Temporary Redirect"), ApiError, 1.0, 1, False),
    "endless-body": (endless_body, ResponseTooLargeError, 1.0, 1, False),
}


@pytest.mark.parametrize("method", ["GET", "POST"])
@pytest.mark.parametrize("name", list(FAULTS))
async def test_a_fault_ends_in_its_error_within_the_bound(
    kind: str, method: str, name: str
) -> None:
    fault, error, timeout, get_tries, slow = FAULTS[name]
    path = f"/v1.0/outplans/{PLAN_ID}" if method == "GET" else "/v1.0/outplans"
    cap = {"max_response_bytes": 1_000_000} if name == "endless-body" else {}
    with FaultServer(fault) as server:
        raised, elapsed, _ = await call(kind, server.base_url, method, timeout=timeout, **cap)

    assert type(raised) is error, repr(raised)
    assert server.requests == [(method, path)] * (get_tries if method == "GET" else 1)
    assert elapsed <= call_time_bound(method, RETRIES, timeout) + DRIP_EVERY + SLACK
    if slow:  # the try waited for its whole time, not less
        assert elapsed >= timeout * 0.9


async def test_a_body_that_drips_past_the_timeout_ends_at_the_deadline(kind: str) -> None:
    """issue 13: 16 bytes every 0.2 s kept each read within httpx's read timeout, so the call
    ran on until the body was whole (here 5 s), far past ``timeout``."""
    with FaultServer(dripping_body(16, 0.2)) as server:
        raised, elapsed, _ = await call(kind, server.base_url, "GET", timeout=0.5, max_retries=0)

    assert isinstance(raised, ApiTimeoutError)
    assert "timed out reading the response body" in str(raised)
    assert 0.5 <= elapsed <= 0.5 + 0.2 + SLACK
    assert len(server.requests) == 1


async def test_a_post_is_sent_once_even_through_a_client_that_follows_redirects(kind: str) -> None:
    with FaultServer(redirect("307 Temporary Redirect")) as server:
        http_type = httpx.AsyncClient if kind == "async" else httpx.Client
        http = http_type(follow_redirects=True)
        raised, _, _ = await call(kind, server.base_url, "POST", http_client=http)
        await settle(http.aclose() if isinstance(http, httpx.AsyncClient) else http.close())

    assert isinstance(raised, ApiError)
    assert raised.status_code == 307
    assert "redirected to /v1.0/elsewhere" in raised.message
    assert server.requests == [("POST", "/v1.0/outplans")]


async def test_a_well_behaved_server_answers(kind: str) -> None:
    with FaultServer(ok) as server:
        raised, _, _ = await call(kind, server.base_url, "GET")

    assert raised is None
    assert len(server.requests) == 1


# -- the waits, really slept ----------------------------------------------------------------------


async def test_a_retry_after_past_the_bound_raises_at_once(kind: str) -> None:
    """issue 13: Retry-After: 999999 with timeout=1, max_retries=2 waited 120 s."""
    with FaultServer(status("429 Too Many Requests", {"Retry-After": "999999"})) as server:
        raised, elapsed, _ = await call(kind, server.base_url, "GET", timeout=1.0, real_waits=True)

    assert isinstance(raised, RateLimitError)
    assert raised.retry_after == 999999
    assert elapsed < 0.5
    assert len(server.requests) == 1


async def test_backoff_waits_count_against_the_bound(kind: str) -> None:
    """timeout=0.3, max_retries=2: a 0.9 s bound. The first wait (0.375 to 0.5 s) fits, the
    second (0.75 to 1 s) would not: two requests, and the call ends within the bound."""
    with FaultServer(status("503 Service Unavailable")) as server:
        raised, elapsed, _ = await call(kind, server.base_url, "GET", timeout=0.3, real_waits=True)

    assert isinstance(raised, InternalServerError)
    assert len(server.requests) == 2
    assert 0.375 <= elapsed <= 0.9 + SLACK
