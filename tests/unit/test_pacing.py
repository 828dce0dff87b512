"""Adaptive pacing (issue 26): the pure policy with time passed in, the limiters that keep to it,
and whole imports simulated on a fake clock against the mock's limiter (VoIPBIN's GCRA), alone
and with another client of the customer spending half of it. No test here waits real time."""

from __future__ import annotations

import heapq
import random
from collections.abc import Callable
from typing import Any

import attrs
import pytest
from fake_time import FakeTime

from voipbin_outdial import AdaptiveRateLimit, AsyncRateLimiter, RateLimit, RateLimiter
from voipbin_outdial._pacing import VOIPBIN_PACE, AdaptiveBucket, Pace
from voipbin_outdial._ratelimit import VOIPBIN_RATE_LIMIT
from voipbin_outdial._sync.bulk import _limiters
from voipbin_outdial.errors import ArgumentError
from voipbin_outdial.testing import VOIPBIN_RATE_LIMIT as SERVER_LIMIT
from voipbin_outdial.testing import MockApiError, MockRateLimiter


def make_policy(**overrides: Any) -> AdaptiveRateLimit:
    """A round policy to read the tables below by: 10 a second, halved on a 429, 100 s back."""
    return AdaptiveRateLimit(**{"per_second": 10.0, "burst": 5, "recovery": 100.0, **overrides})


# -- the policy ----------------------------------------------------------------------------------


def test_the_default_is_voipbins_limit_as_applied_less_two_slots_for_jitter() -> None:
    assert RateLimit(17, burst=33) == VOIPBIN_RATE_LIMIT  # 16.7, math.Round'ed, as the mock has it
    assert SERVER_LIMIT == (16.7, 33)
    assert AdaptiveRateLimit() == VOIPBIN_PACE
    assert VOIPBIN_PACE.ceiling == RateLimit(17, burst=31)


@pytest.mark.parametrize(
    ("events", "at", "rate"),
    [
        ([], 0.0, 10.0),  # starts at the ceiling
        ([], 1e6, 10.0),
        ([(0.0, 1.0)], 0.5, 5.0),  # halved; the pause (till 1.0) does not creep
        ([(0.0, 1.0)], 1.0, 5.0),
        ([(0.0, 1.0)], 11.0, 6.0),  # + 10 / 100 a second after the pause
        ([(0.0, 1.0)], 51.0, 10.0),  # back at the ceiling, and no further
        ([(0.0, 1.0)], 500.0, 10.0),
        ([(0.0, 1.0), (0.5, 1.0)], 1.0, 5.0),  # a 429 during the pause: lowered once
        ([(0.0, 1.0), (11.0, 2.0)], 13.0, 3.0),  # after it: 6.0 halved, from 13.0 on
        ([(0.0, 1.0), (1.0, 1.0), (2.0, 1.0), (3.0, 1.0)], 4.0, 1.0),  # never below 1 a second
    ],
)
def test_a_429_lowers_the_rate_once_a_pause_and_it_creeps_back(
    events: list[tuple[float, float]], at: float, rate: float
) -> None:
    pace = Pace(make_policy())
    for now, retry_after in events:
        pace.rate_limited(now, retry_after)
    assert pace.rate(at) == pytest.approx(rate)


def test_the_decrease_and_the_floor_are_the_policys() -> None:
    pace = Pace(make_policy(decrease=0.8, min_per_second=7.5))
    pace.rate_limited(0.0, 1.0)
    assert pace.rate(1.0) == pytest.approx(8.0)
    pace.rate_limited(1.0, 1.0)
    assert pace.rate(2.0) == pytest.approx(7.5)
    assert pace.decreases == 2
    assert pace.limit(2.0) == RateLimit(7.5, burst=5)


def test_a_pace_slower_than_the_floor_keeps_its_own_rate() -> None:
    pace = Pace(make_policy(per_second=0.5, min_per_second=1.0))
    pace.rate_limited(0.0, 1.0)
    assert pace.rate(1.0) == pytest.approx(0.5)  # min_per_second above per_second: per_second


@pytest.mark.parametrize(
    ("overrides", "error", "param"),
    [
        ({"per_second": 0}, ValueError, "rate_limit.per_second"),
        ({"per_second": "17"}, TypeError, "rate_limit.per_second"),
        ({"burst": 0}, ValueError, "rate_limit.burst"),
        ({"decrease": 1.0}, ValueError, "rate_limit.decrease"),
        ({"decrease": 0}, ValueError, "rate_limit.decrease"),
        ({"recovery": float("inf")}, ValueError, "rate_limit.recovery"),
        ({"min_per_second": 0}, ValueError, "rate_limit.min_per_second"),
        ({"min_per_second": True}, TypeError, "rate_limit.min_per_second"),
    ],
)
def test_bad_adaptive_limits_are_refused(
    overrides: dict[str, Any], error: type[Exception], param: str
) -> None:
    with pytest.raises(error, match="rate_limit") as caught:
        make_policy(**overrides)
    assert isinstance(caught.value, ArgumentError)
    assert caught.value.param == param


# -- the bucket and the limiters -----------------------------------------------------------------


def test_an_adaptive_bucket_paces_at_the_rate_of_the_moment() -> None:
    bucket = AdaptiveBucket(make_policy(burst=1))
    assert [round(bucket.reserve(0.0), 9) for _ in range(3)] == [0.0, 0.1, 0.2]
    bucket.rate_limited(1.0, now=0.3)  # nothing before 1.3, then 5 a second
    assert [round(bucket.reserve(0.3), 9) for _ in range(3)] == [1.0, 1.2, 1.4]
    assert bucket.pauses == 1
    assert bucket.limit_at(51.3) == RateLimit(10.0, burst=1)


def test_the_limiter_slows_down_on_a_429_and_says_so() -> None:
    clock = FakeTime()
    limiter = RateLimiter(make_policy(burst=1), clock=clock, sleep=clock.sleep)
    assert limiter.adaptive == make_policy(burst=1)
    assert limiter.limit == RateLimit(10.0, burst=1)
    limiter.acquire()
    limiter.rate_limited(2.0)
    assert limiter.limit == RateLimit(5.0, burst=1)  # during the pause: what follows it
    limiter.acquire()
    limiter.acquire()
    assert clock.sleeps == pytest.approx([2.0, 0.2])
    assert (limiter.rate_limits, limiter.pauses) == (1, 1)
    assert "AdaptiveRateLimit(per_second=10.0" in repr(limiter)


def test_a_fixed_limiter_only_pauses_on_a_429() -> None:
    clock = FakeTime()
    limiter = RateLimiter((10, 1), clock=clock, sleep=clock.sleep)
    limiter.acquire()
    limiter.rate_limited(1.0)
    limiter.acquire()
    limiter.acquire()
    assert clock.sleeps == pytest.approx([1.0, 0.1])
    assert limiter.adaptive is None
    assert limiter.limit == RateLimit(10, burst=1)


async def test_the_async_limiter_takes_an_adaptive_limit() -> None:
    clock = FakeTime()
    limiter = AsyncRateLimiter(make_policy(burst=1), clock=clock, sleep=clock.asleep)
    await limiter.acquire()
    limiter.rate_limited(1.0)
    await limiter.acquire()
    await limiter.acquire()
    assert clock.sleeps == pytest.approx([1.0, 0.2])


@pytest.mark.parametrize(
    ("client", "rate_limit", "own"),
    [
        (None, "auto", VOIPBIN_PACE),  # create_many's default: adaptive at VoIPBIN's rate
        (RateLimiter((5, 1)), "auto", "none"),  # the client's limiter alone
        (None, (16, 30), RateLimit(16, burst=30)),  # a fixed pace, as before
        (None, make_policy(), make_policy()),
        (None, None, None),  # not paced, but a 429 still pauses
    ],
)
def test_create_many_paces_adaptively_unless_told_otherwise(
    client: RateLimiter | None, rate_limit: Any, own: object
) -> None:
    mine, theirs = _limiters(client, rate_limit)
    assert theirs is client
    if own == "none":
        assert mine is None
        return
    assert mine is not None
    assert (mine.adaptive or mine.limit) == own


# -- whole imports on a fake clock, against the mock's limiter ------------------------------------


@attrs.define
class Outcome:
    """What a simulated import came to."""

    seconds: float = 0.0
    created: int = 0
    sent: int = 0
    refused: int = 0
    other_sent: int = 0
    other_refused: int = 0

    @property
    def refused_share(self) -> float:
        return self.refused / self.sent


def simulate(
    rows: int,
    *,
    policy: AdaptiveRateLimit = VOIPBIN_PACE,
    other_rate: float = 0.0,
    workers: int = 8,
    delay: Callable[[random.Random], float] = lambda draws: draws.uniform(0.001, 0.004),
    seed: int = 1,
) -> Outcome:
    """``create_many`` of ``rows`` with ``workers``, paced as the limiter paces (an
    AdaptiveBucket; a waiter whose slot a pause took asks again), against VoIPBIN's limiter
    (the mock's, 16.7 applied as 17, burst 33), while another client of the customer sends a
    request every ``1 / other_rate`` s. Each way of each request takes ``delay``. A 429 pauses
    the bucket for the server's Retry-After and the row is sent again; events in time order."""
    now = 0.0
    server = MockRateLimiter(*SERVER_LIMIT, clock=lambda: now)
    bucket = AdaptiveBucket(policy)
    draws = random.Random(seed)
    events: list[tuple[float, int, str, int]] = []  # (time, tie-break, what, worker)
    order = iter(range(10**9))
    result = Outcome()
    waiting = rows

    def at(when: float, what: str, worker: int = -1) -> None:
        heapq.heappush(events, (when, next(order), what, worker))

    def ask(worker: int) -> None:  # limiter.acquire: book a slot, sleep till it
        at(now + max(bucket.reserve(now), 0.0), f"send {bucket.pauses}", worker)

    for worker in range(min(workers, rows)):
        waiting -= 1
        ask(worker)
    if other_rate:
        at(0.0, "other")
    while events and result.created < rows:
        now, _, what, worker = heapq.heappop(events)
        if what.startswith("send"):
            if int(what.split()[1]) != bucket.pauses:  # a pause took the slot while it slept
                ask(worker)
            else:
                at(now + delay(draws), "arrive", worker)
        elif what in ("arrive", "other arrives"):
            mine = what == "arrive"
            result.sent += mine
            result.other_sent += not mine
            try:
                server.admit("customer")
                answer = "created"
            except MockApiError as exc:
                result.refused += mine
                result.other_refused += not mine
                answer = f"429 {exc.headers['Retry-After']}"
            if mine:
                at(now + delay(draws), answer, worker)
        elif what.startswith("429"):  # the row is sent again once the pause allows
            bucket.rate_limited(float(what.split()[1]), now)
            ask(worker)
        elif what == "created":
            result.created += 1
            result.seconds = now
            if waiting:
                waiting -= 1
                ask(worker)
        elif what == "other":
            at(now + delay(draws), "other arrives")
            at(now + 1 / other_rate, "other")
    return result


def floor(rows: int) -> float:
    """The server's own floor for ``rows`` requests on a full bucket: (rows - 33) / 17."""
    return (rows - 33) / 17


@pytest.mark.parametrize("spread", [0.004, 0.05, 0.1])
def test_alone_the_default_pace_meets_no_429_and_reaches_the_servers_floor(spread: float) -> None:
    """Requests delayed by up to ``spread`` s each way, at random: none is refused, and the
    import takes the floor plus the two slots kept for jitter (and one round trip)."""
    done = simulate(800, delay=lambda draws: draws.uniform(0.0, spread))
    assert done.created == 800
    assert done.refused == 0
    assert done.seconds <= floor(800) + 2 / 17 + 2 * spread
    assert floor(800) / done.seconds >= 0.99


def test_at_the_servers_full_burst_jitter_meets_429s() -> None:
    """Why two slots are kept: with the server's whole burst, a request that reaches it sooner
    after sending than the first one did is refused."""
    whole = AdaptiveRateLimit(burst=33)
    done = simulate(800, policy=whole, delay=lambda draws: draws.uniform(0.0, 0.05))
    assert done.refused > 0
    assert done.created == 800


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_sharing_the_bucket_with_another_client_meets_under_1_percent_429s(seed: int) -> None:
    """Another client of the customer sends at half the server's rate: the import slows down to
    about the other half, meets at most 1 % 429s, and creates every row."""
    done = simulate(600, other_rate=17 / 2, seed=seed)
    assert done.created == 600
    assert 0 < done.refused_share <= 0.01
    assert 7.0 < done.created / done.seconds < 10.0  # about what is left: 8.5 a second


def test_a_fixed_pace_at_the_servers_rate_meets_many_more_429s_when_shared() -> None:
    """The same contention without the decrease (a policy that barely slows): what the adaptive
    one saves."""
    stubborn = AdaptiveRateLimit(decrease=0.99, recovery=1.0)
    done = simulate(600, policy=stubborn, other_rate=17 / 2)
    assert done.created == 600
    assert done.refused_share > 0.05
