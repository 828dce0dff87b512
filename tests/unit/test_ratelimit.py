"""The client-wide rate limiter: the pure GCRA scheduler, the limiters with time injected, and
the ``rate_limit=`` option of both clients (issue 16)."""

from __future__ import annotations

import asyncio
import random

import pytest
from fake_time import FakeTime

from voipbin_outdial import (
    AsyncRateLimiter,
    AsyncVoipbinClient,
    RateLimit,
    RateLimiter,
    VoipbinClient,
)
from voipbin_outdial._ratelimit import Bucket
from voipbin_outdial.errors import ArgumentError
from voipbin_outdial.testing import MockApiError, VoipbinMock
from voipbin_outdial.testing import RateLimiter as ServerLimiter


def waits(bucket: Bucket, at: list[float]) -> list[float]:
    return [round(bucket.reserve(now), 9) for now in at]


def test_a_burst_goes_at_once_then_one_per_interval() -> None:
    bucket = Bucket(RateLimit(10, burst=3))
    assert waits(bucket, [0.0] * 5) == [0.0, 0.0, 0.0, 0.1, 0.2]


def test_an_idle_bucket_fills_up_to_its_burst_again() -> None:
    bucket = Bucket(RateLimit(10, burst=3))
    waits(bucket, [0.0] * 3)
    assert waits(bucket, [10.0] * 4) == [0.0, 0.0, 0.0, 0.1]


def test_a_pause_holds_everyone_back_then_goes_on_without_a_burst() -> None:
    bucket = Bucket(RateLimit(10, burst=3))
    bucket.pause(2.0, now=1.0)
    assert waits(bucket, [1.0, 1.0, 1.0]) == [2.0, 2.1, 2.2]
    assert bucket.pauses == 1
    bucket.pause(0.5, now=1.0)  # ends before the pause already on: no change
    assert bucket.pauses == 1


def test_without_a_rate_a_bucket_only_pauses() -> None:
    bucket = Bucket(None)
    assert waits(bucket, [0.0] * 100) == [0.0] * 100
    bucket.pause(1.5, now=0.0)
    assert waits(bucket, [0.5, 2.0]) == [1.0, 0.0]


@pytest.mark.parametrize(("per_second", "refused"), [(17, False), (16, False), (18, True)])
def test_pacing_at_the_servers_rate_is_never_refused(per_second: float, refused: bool) -> None:
    """Requests wanted at random times, sent when the Bucket says, to VoIPBIN's limiter (17 a
    second once 16.7 is rounded, burst 33): the client's GCRA at 17 or less keeps under it."""
    clock = FakeTime()
    server = ServerLimiter(16.7, 33, clock=clock)
    bucket = Bucket(RateLimit(per_second, burst=33))
    draws = random.Random(7)
    wanted = 0.0
    answers = []
    for _ in range(600):
        wanted += draws.expovariate(40.0)  # asks faster than allowed
        clock.now = max(clock.now, wanted)
        clock.now += bucket.reserve(clock.now)
        answers.append(admitted(server))
    assert (not all(answers)) is refused


def admitted(server: ServerLimiter) -> bool:
    try:
        server.admit("customer")
    except MockApiError:
        return False
    return True


@pytest.mark.parametrize(
    ("configured", "applied"), [(16.7, 17), (16.5, 17), (2.5, 3), (0.4, 1), (0.5, 1)]
)
def test_the_server_rounds_the_rate_like_go_math_round(configured: float, applied: int) -> None:
    """``max(int(math.Round(rps)), 1)`` in ``CustomerRateLimit``: a burst of 1 lets the next
    request through 1 / applied seconds later, not before."""
    clock = FakeTime()
    server = ServerLimiter(configured, 1, clock=clock)
    assert admitted(server)
    clock.now += 1 / applied * 0.99
    assert not admitted(server)
    clock.now += 1 / applied * 0.02
    assert admitted(server)


def test_the_sync_limiter_sleeps_on_the_injected_clock() -> None:
    clock = FakeTime()
    limiter = RateLimiter((4, 2), clock=clock, sleep=clock.sleep)
    for _ in range(4):
        limiter.acquire()
    assert clock.sleeps == [0.25, 0.25]


def test_a_pause_during_a_wait_makes_the_waiter_wait_for_it() -> None:
    clock = FakeTime()

    def sleep(seconds: float) -> None:
        if not clock.sleeps:  # a 429 arrives while the first waiter sleeps
            limiter.pause(3.0)
        clock.sleep(seconds)

    limiter = RateLimiter((1, 1), clock=clock, sleep=sleep)
    limiter.acquire()
    limiter.acquire()  # wants 1.0; the pause (from 0.0 to 3.0) holds it to 3.0
    assert clock.now == pytest.approx(3.0)


async def test_the_async_limiter_shares_one_bucket_between_tasks() -> None:
    clock = FakeTime()
    limiter = AsyncRateLimiter(RateLimit(10, burst=1), clock=clock, sleep=clock.asleep)
    went: list[float] = []

    async def request() -> None:
        await limiter.acquire()
        went.append(round(clock.now, 6))

    await asyncio.gather(*(request() for _ in range(5)))
    assert sorted(went) == [0.0, 0.1, 0.2, 0.3, 0.4]


@pytest.mark.parametrize(
    ("value", "error", "param"),
    [
        ((0, 1), ValueError, "rate_limit.per_second"),
        ((5, 0), ValueError, "rate_limit.burst"),
        ((float("inf"), 1), ValueError, "rate_limit.per_second"),
        ((5, 1.5), TypeError, "rate_limit.burst"),
        ("5", TypeError, "rate_limit"),
    ],
)
def test_bad_rate_limits_are_refused(value: object, error: type[Exception], param: str) -> None:
    with pytest.raises(error, match="rate_limit") as caught:
        VoipbinClient(token="t", rate_limit=value)  # type: ignore[arg-type]
    assert isinstance(caught.value, ArgumentError)  # also a VoipbinError, as every argument's
    assert caught.value.param == param


def test_every_request_of_a_client_waits_on_its_limiter() -> None:
    clock = FakeTime()
    limiter = RateLimiter((2, 1), clock=clock, sleep=clock.sleep)
    mock = VoipbinMock()
    with VoipbinClient(token="t", http_client=mock.client(), rate_limit=limiter) as client:
        assert client.rate_limiter is limiter
        for _ in range(3):
            client.outplans.list()
    assert clock.sleeps == [0.5, 0.5]
    assert VoipbinClient(token="t").rate_limiter is None  # off by default


async def test_the_async_client_takes_a_rate_limit_pair() -> None:
    mock = VoipbinMock()
    async with AsyncVoipbinClient(
        token="t", http_client=mock.async_client(), rate_limit=(100, 5)
    ) as client:
        assert client.rate_limiter is not None
        assert client.rate_limiter.limit == RateLimit(100, burst=5)
        await client.outplans.list()


# -- the limiter and a call's time bound (issue 13 merged with issue 16) -------------------------


def test_a_slot_beyond_max_wait_is_not_booked() -> None:
    bucket = Bucket(RateLimit(1, burst=1))
    assert bucket.reserve(0.0) == 0.0
    assert bucket.reserve(0.0, max_wait=0.5) == 1.0  # refused: nothing booked
    assert bucket.reserve(0.0, max_wait=1.0) == 1.0  # the same slot, now booked
    assert bucket.reserve(0.0) == 2.0


def test_acquire_within_max_wait_waits_and_beyond_it_returns_the_wait_unmade() -> None:
    clock = FakeTime()
    limiter = RateLimiter((2, 1), clock=clock, sleep=clock.sleep)
    assert limiter.acquire(max_wait=0.0) is None  # the burst
    assert limiter.acquire(max_wait=0.1) == pytest.approx(0.5)
    assert clock.sleeps == []
    assert limiter.acquire(max_wait=0.5) is None
    assert clock.sleeps == [0.5]


async def test_the_async_acquire_returns_the_wait_it_would_not_make() -> None:
    clock = FakeTime()
    limiter = AsyncRateLimiter((4, 1), clock=clock, sleep=clock.asleep)
    assert await limiter.acquire() is None
    assert await limiter.acquire(max_wait=0.2) == pytest.approx(0.25)
    assert await limiter.acquire(max_wait=0.25) is None
    assert clock.sleeps == [0.25]
