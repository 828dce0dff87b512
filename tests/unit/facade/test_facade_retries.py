"""Retries: which requests, on what, how long between them (the sleep is injected, never real)."""

from __future__ import annotations

import logging
import re
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import httpx
import pytest
import respx
from facade_support import CAMPAIGN_ID, PLAN_ID, Harness, MakeHarness, outdial, outplan

from voipbin_outdial import AsyncRateLimiter, AsyncVoipbinClient, RateLimiter
from voipbin_outdial._retry import (
    backoff_delay,
    call_time_bound,
    parse_retry_after,
    retry_delay,
    should_retry,
)
from voipbin_outdial.errors import (
    ApiConnectionError,
    ApiTimeoutError,
    BadRequestError,
    InternalServerError,
    NotFoundError,
    RateLimitError,
)

NOW = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
JITTER = 0.9
BACKOFF_2 = 2.0 * (1 - 0.25 * JITTER)  # the third try's delay without a usable Retry-After


# -- the policy, as a table ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("retry", "jitter", "expected"),
    [
        (0, 0.0, 0.5),
        (1, 0.0, 1.0),
        (2, 0.0, 2.0),
        (3, 0.0, 4.0),
        (4, 0.0, 8.0),
        (5, 0.0, 8.0),
        (10_000, 0.0, 8.0),
        (0, 0.5, 0.4375),
        (4, 1.0, 6.0),
    ],
)
def test_exponential_backoff(retry: int, jitter: float, expected: float) -> None:
    assert backoff_delay(retry, None, now=NOW, jitter=jitter) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("3", 3.0),
        (" 0.25 ", 0.25),
        ("0", 0.0),
        ("-5", 0.0),
        ("120", 120.0),
        ("999999", 999999.0),
        ("inf", BACKOFF_2),
        (format_datetime(NOW + timedelta(seconds=12), usegmt=True), 12.0),
        ("Fri, 02 Jan 2026 03:04:35 GMT", 30.0),
        ("Fri, 02 Jan 2026 03:04:35 -0000", 30.0),
        (format_datetime(NOW - timedelta(hours=1), usegmt=True), 0.0),
        (format_datetime(NOW + timedelta(days=1), usegmt=True), 86400.0),
        ("soon", BACKOFF_2),
        ("nan", BACKOFF_2),
        ("", BACKOFF_2),
    ],
)
def test_retry_after_wins_over_backoff(header: str, expected: float) -> None:
    assert backoff_delay(2, header, now=NOW, jitter=JITTER) == pytest.approx(expected)


def test_retry_after_absent() -> None:
    assert parse_retry_after(None, now=NOW) is None
    assert parse_retry_after("Mon, 99 Foo 2026", now=NOW) is None


@pytest.mark.parametrize(
    ("method", "retry", "status", "error", "expected"),
    [
        ("GET", 0, 503, None, True),
        ("PUT", 1, 429, None, True),
        ("DELETE", 0, 408, None, True),
        ("GET", 2, 503, None, False),  # max_retries (2) used up
        ("POST", 0, 503, None, False),
        ("POST", 0, None, httpx.ConnectError, False),
        ("GET", 0, 501, None, False),
        ("GET", 0, 404, None, False),
        ("GET", 0, 200, None, False),
        ("GET", 0, None, httpx.ConnectError, True),
        ("GET", 0, None, httpx.ReadTimeout, True),
        ("GET", 0, None, httpx.RemoteProtocolError, True),
        ("GET", 0, None, httpx.ProxyError, True),
        ("GET", 0, None, httpx.LocalProtocolError, False),  # never sent: it would fail again
        ("GET", 0, None, httpx.UnsupportedProtocol, False),
    ],
)
def test_what_is_retried(
    method: str, retry: int, status: int | None, error: type[Exception] | None, expected: bool
) -> None:
    response = None if status is None else httpx.Response(status)
    assert should_retry(method, retry, 2, response, error) is expected


# -- what is retried ----------------------------------------------------------------------------


@pytest.mark.parametrize("status", [408, 429, 500, 502, 503, 504])
async def test_get_is_retried_on_transient_statuses(
    make_harness: MakeHarness, api: respx.MockRouter, status: int
) -> None:
    route = api.get(f"/outplans/{PLAN_ID}")
    route.side_effect = [
        httpx.Response(status),
        httpx.Response(status),
        httpx.Response(200, json=outplan()),
    ]
    harness = await make_harness()

    plan = await harness.call("outplans.get", PLAN_ID)

    assert plan.name == "test outplan"
    assert route.call_count == 3
    assert len(harness.sleeps) == 2
    assert 0.375 <= harness.sleeps[0] <= 0.5
    assert 0.75 <= harness.sleeps[1] <= 1.0


async def test_get_503_503_200_succeeds_in_three_calls(
    make_harness: MakeHarness, api: respx.MockRouter
) -> None:
    route = api.get("/outdials")
    route.side_effect = [
        httpx.Response(503),
        httpx.Response(503),
        httpx.Response(200, json={"result": [outdial()], "next_page_token": None}),
    ]
    harness = await make_harness()

    page = await harness.call("outdials.list")

    assert len(page) == 1
    assert route.call_count == 3


@pytest.mark.parametrize(
    ("dotted", "method", "path", "kwargs"),
    [
        ("outplans.update", "PUT", f"/outplans/{PLAN_ID}", {"name": "n", "detail": "d"}),
        ("outplans.delete", "DELETE", f"/outplans/{PLAN_ID}", {}),
    ],
)
async def test_put_and_delete_are_retried(
    make_harness: MakeHarness,
    api: respx.MockRouter,
    dotted: str,
    method: str,
    path: str,
    kwargs: dict[str, str],
) -> None:
    route = api.route(method=method, path=path)
    route.side_effect = [httpx.Response(502), httpx.Response(200, json=outplan())]
    harness = await make_harness()

    await harness.call(dotted, PLAN_ID, **kwargs)

    assert route.call_count == 2


async def test_post_that_gets_503_is_sent_exactly_once(
    make_harness: MakeHarness, api: respx.MockRouter
) -> None:
    route = api.post("/outdials").respond(503)
    harness = await make_harness()

    with pytest.raises(InternalServerError):
        await harness.call(
            "outdials.create", campaign_id=CAMPAIGN_ID, name="leads", detail="d", data="x"
        )

    assert route.call_count == 1
    assert harness.sleeps == []


async def test_post_is_not_retried_on_connection_errors(
    make_harness: MakeHarness, api: respx.MockRouter
) -> None:
    route = api.post("/outdials").mock(side_effect=httpx.ConnectError("refused"))
    harness = await make_harness()

    with pytest.raises(ApiConnectionError):
        await harness.call(
            "outdials.create", campaign_id=CAMPAIGN_ID, name="leads", detail="d", data="x"
        )

    assert route.call_count == 1


@pytest.mark.parametrize(("status", "error"), [(400, BadRequestError), (404, NotFoundError)])
async def test_other_errors_are_not_retried(
    make_harness: MakeHarness, api: respx.MockRouter, status: int, error: type[Exception]
) -> None:
    route = api.get(f"/outplans/{PLAN_ID}").respond(status)
    harness = await make_harness()

    with pytest.raises(error):
        await harness.call("outplans.get", PLAN_ID)

    assert route.call_count == 1


async def test_retries_give_up_after_max_retries(
    make_harness: MakeHarness, api: respx.MockRouter
) -> None:
    route = api.get(f"/outplans/{PLAN_ID}").respond(503)
    harness = await make_harness(max_retries=3)

    with pytest.raises(InternalServerError) as caught:
        await harness.call("outplans.get", PLAN_ID)

    assert caught.value.status_code == 503
    assert route.call_count == 4
    assert len(harness.sleeps) == 3


async def test_max_retries_zero_disables_retries(
    make_harness: MakeHarness, api: respx.MockRouter
) -> None:
    route = api.get(f"/outplans/{PLAN_ID}").respond(503)
    harness = await make_harness(max_retries=0)

    with pytest.raises(InternalServerError):
        await harness.call("outplans.get", PLAN_ID)

    assert route.call_count == 1


# -- Retry-After through a client ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "expected"),
    [("7", 7.0), ("0.5", 0.5), ("89", 89.0), ("Wed, 21 Oct 2015 07:28:00 GMT", 0.0)],
)
async def test_retry_after_is_honoured(
    make_harness: MakeHarness, api: respx.MockRouter, header: str, expected: float
) -> None:
    route = api.get(f"/outplans/{PLAN_ID}")
    route.side_effect = [
        httpx.Response(429, headers={"Retry-After": header}),
        httpx.Response(200, json=outplan()),
    ]
    harness = await make_harness()

    await harness.call("outplans.get", PLAN_ID)

    assert harness.sleeps == [expected]


async def test_retry_after_as_a_future_http_date(
    make_harness: MakeHarness, api: respx.MockRouter
) -> None:
    when = datetime.now(UTC) + timedelta(seconds=20)
    route = api.get(f"/outplans/{PLAN_ID}")
    route.side_effect = [
        httpx.Response(503, headers={"Retry-After": format_datetime(when, usegmt=True)}),
        httpx.Response(200, json=outplan()),
    ]
    harness = await make_harness()

    await harness.call("outplans.get", PLAN_ID)

    [slept] = harness.sleeps
    assert 17.0 <= slept <= 20.0


async def test_rate_limit_error_after_retries(
    make_harness: MakeHarness, api: respx.MockRouter
) -> None:
    api.get(f"/outplans/{PLAN_ID}").respond(429, headers={"Retry-After": "2"})
    harness = await make_harness()

    with pytest.raises(RateLimitError):
        await harness.call("outplans.get", PLAN_ID)

    assert harness.sleeps == [2.0, 2.0]


# -- connection errors and timeouts -------------------------------------------------------------


@pytest.mark.parametrize(
    "failure",
    [
        httpx.ConnectError("refused"),
        httpx.ReadError("reset"),
        httpx.RemoteProtocolError("closed early"),
        httpx.ConnectTimeout("slow"),
    ],
)
async def test_get_is_retried_on_connection_errors(
    make_harness: MakeHarness, api: respx.MockRouter, failure: Exception
) -> None:
    route = api.get(f"/outplans/{PLAN_ID}")
    route.side_effect = [failure, failure, httpx.Response(200, json=outplan())]
    harness = await make_harness()

    await harness.call("outplans.get", PLAN_ID)

    assert route.call_count == 3
    assert len(harness.sleeps) == 2


async def test_connection_errors_surface_as_api_connection_error(
    make_harness: MakeHarness, api: respx.MockRouter
) -> None:
    route = api.get(f"/outplans/{PLAN_ID}").mock(side_effect=httpx.ConnectError("refused"))
    harness = await make_harness()

    with pytest.raises(ApiConnectionError) as caught:
        await harness.call("outplans.get", PLAN_ID)

    exc = caught.value
    assert type(exc) is ApiConnectionError
    assert route.call_count == 3
    assert exc.status_code is None
    assert exc.operation == "outplans_get"
    assert "ConnectError: refused" in str(exc)
    assert exc.__cause__ is None
    assert exc.__context__ is None


@pytest.mark.parametrize(
    "failure", [httpx.ReadTimeout("late"), httpx.ConnectTimeout("late"), httpx.PoolTimeout("late")]
)
async def test_timeouts_surface_as_api_timeout_error(
    make_harness: MakeHarness, api: respx.MockRouter, failure: Exception
) -> None:
    route = api.get(f"/outplans/{PLAN_ID}").mock(side_effect=failure)
    harness = await make_harness()

    with pytest.raises(ApiTimeoutError, match="timed out") as caught:
        await harness.call("outplans.get", PLAN_ID)

    assert isinstance(caught.value, ApiConnectionError)
    assert route.call_count == 3


async def test_a_request_that_cannot_be_sent_is_not_retried(
    make_harness: MakeHarness, api: respx.MockRouter
) -> None:
    route = api.get(f"/outplans/{PLAN_ID}").mock(side_effect=httpx.LocalProtocolError("bad"))
    harness = await make_harness()

    with pytest.raises(ApiConnectionError):
        await harness.call("outplans.get", PLAN_ID)

    assert route.call_count == 1


async def test_each_retry_is_logged(
    make_harness: MakeHarness, api: respx.MockRouter, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="voipbin_outdial")
    route = api.get(f"/outplans/{PLAN_ID}")
    route.side_effect = [httpx.Response(503), httpx.Response(200, json=outplan())]
    harness = await make_harness()

    await harness.call("outplans.get", PLAN_ID)

    [record] = [r for r in caplog.records if r.name == "voipbin_outdial"]
    assert record.levelno == logging.INFO
    assert record.getMessage().startswith(
        f"GET /outplans/{PLAN_ID} (outplans_get): HTTP 503; retry 1 of 2 in"
    )


# -- issue 13: a call's time bound, waits included ----------------------------------------------


@pytest.mark.parametrize("header", ["999999", "4", "Fri, 02 Jan 2099 03:04:35 GMT"])
async def test_a_retry_after_past_the_time_bound_raises_at_once(
    make_harness: MakeHarness, api: respx.MockRouter, header: str
) -> None:
    """issue 13: Retry-After: 999999 with timeout=1, max_retries=2 waited 120 s."""
    route = api.get(f"/outplans/{PLAN_ID}").respond(429, headers={"Retry-After": header})
    harness = await make_harness(timeout=1, max_retries=2)  # a bound of 3 s

    with pytest.raises(RateLimitError) as caught:
        await harness.call("outplans.get", PLAN_ID)

    assert harness.sleeps == []
    assert route.call_count == 1
    assert caught.value.retry_after is not None
    assert caught.value.retry_after > 3


async def test_a_retry_after_within_the_bound_is_waited_then_the_rest_raises(
    make_harness: MakeHarness, api: respx.MockRouter
) -> None:
    route = api.get(f"/outplans/{PLAN_ID}").respond(429, headers={"Retry-After": "1.5"})
    harness = await make_harness(timeout=1, max_retries=2)  # 3 s: one wait of 1.5 s fits

    with pytest.raises(RateLimitError) as caught:
        await harness.call("outplans.get", PLAN_ID)

    assert harness.sleeps == [1.5]
    assert route.call_count == 2
    assert caught.value.retry_after == 1.5


async def test_backoff_stops_where_the_next_wait_would_pass_the_bound(
    make_harness: MakeHarness, api: respx.MockRouter, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("voipbin_outdial._base.random.random", lambda: 0.0)  # no jitter
    route = api.get(f"/outplans/{PLAN_ID}").respond(503)
    harness = await make_harness(timeout=0.5, max_retries=5)  # 0.5 s x 6 tries: 3 s

    with pytest.raises(InternalServerError):
        await harness.call("outplans.get", PLAN_ID)

    assert harness.sleeps == [0.5, 1.0]  # then 2.0 would end at 3.5 s
    assert route.call_count == 3


@pytest.mark.parametrize(
    ("method", "max_retries", "try_time", "bound"),
    [
        ("GET", 2, 30.0, 90.0),
        ("PUT", 0, 30.0, 30.0),
        ("DELETE", 4, 0.5, 2.5),
        ("POST", 5, 7.0, 7.0),
    ],
)
def test_the_time_bound_of_a_call(
    method: str, max_retries: int, try_time: float, bound: float
) -> None:
    assert call_time_bound(method, max_retries, try_time) == bound


@pytest.mark.parametrize(
    ("time_left", "expected"), [(10.0, 7.0), (7.01, 7.0), (7.0, None), (1.0, None)]
)
def test_a_wait_is_made_only_if_it_ends_within_the_bound(
    time_left: float, expected: float | None
) -> None:
    response = httpx.Response(503, headers={"Retry-After": "7"})
    assert should_retry("GET", 0, 2, response)
    delay = retry_delay(0, response, time_left=time_left, now=lambda: NOW)
    assert delay == expected


# -- the client's rate limiter inside the call's bound (issue 13 merged with issue 16) -----------


def limiter_on(harness: Harness, per_second: float) -> None:
    """A limiter of ``per_second`` (burst 1) on the harness's clock: its waits are the
    harness's sleeps, so the call's time bound sees them pass."""
    clock = harness.client._sender.clock
    if isinstance(harness.client, AsyncVoipbinClient):

        async def sleep(seconds: float) -> None:
            harness.sleeps.append(seconds)

        harness.client._sender.limiter = AsyncRateLimiter((per_second, 1), clock=clock, sleep=sleep)
    else:
        harness.client._sender.limiter = RateLimiter(
            (per_second, 1), clock=clock, sleep=harness.sleeps.append
        )


async def test_a_wait_for_the_rate_limiter_within_the_bound_is_made(
    make_harness: MakeHarness, api: respx.MockRouter
) -> None:
    route = api.get(f"/outplans/{PLAN_ID}").respond(200, json=outplan())
    harness = await make_harness(timeout=1, max_retries=2)  # a bound of 3 s
    limiter_on(harness, 0.5)  # a request every 2 s

    await harness.call("outplans.get", PLAN_ID)
    await harness.call("outplans.get", PLAN_ID)

    assert harness.sleeps == [pytest.approx(2.0, abs=0.01)]
    assert route.call_count == 2


async def test_a_wait_for_the_rate_limiter_past_the_bound_is_not_made(
    make_harness: MakeHarness, api: respx.MockRouter
) -> None:
    """A call must not run past its bound: the limiter's wait counts; one that would end past
    the bound is refused at once, nothing sent, and its slot is not booked."""
    route = api.get(f"/outplans/{PLAN_ID}").respond(200, json=outplan())
    harness = await make_harness(timeout=1, max_retries=2)  # a bound of 3 s
    limiter_on(harness, 0.25)  # a request every 4 s
    await harness.call("outplans.get", PLAN_ID)

    with pytest.raises(RateLimitError) as caught:
        await harness.call("outplans.get", PLAN_ID)

    assert harness.sleeps == []
    assert route.call_count == 1
    assert caught.value.status_code is None
    assert caught.value.retry_after == pytest.approx(4.0, abs=0.01)
    assert caught.value.operation == "outplans_get"
    # 4.00 s, or 3.99 when the machine took over 5 ms between the two calls (as retry_after)
    assert re.search(
        r"was not sent: the client's rate_limit would hold it (4\.00|3\.99) s", str(caught.value)
    )
    harness.sleeps.append(4.0)  # 4 s later the slot is free: the refusal booked nothing
    await harness.call("outplans.get", PLAN_ID)
    assert harness.sleeps == [4.0]
    assert route.call_count == 2


async def test_a_retry_the_rate_limiter_would_hold_past_the_bound_is_not_sent(
    make_harness: MakeHarness, api: respx.MockRouter
) -> None:
    route = api.get(f"/outplans/{PLAN_ID}").respond(503, headers={"Retry-After": "0"})
    harness = await make_harness(timeout=1, max_retries=2)  # a bound of 3 s
    limiter_on(harness, 0.5)  # a request every 2 s: the third try would start at 4 s

    with pytest.raises(RateLimitError) as caught:
        await harness.call("outplans.get", PLAN_ID)

    assert route.call_count == 2
    assert caught.value.status_code is None
    assert sum(harness.sleeps) == pytest.approx(2.0, abs=0.01)  # 0 s, the limiter's 2 s, 0 s
