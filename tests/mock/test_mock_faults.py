"""The mock's faults (issue 16): latency, random 429s, responses dropped after the create was
made, all off by default; and the numbers of VoIPBIN's per-customer limit an importer paces by.

The limit (``VoipbinMock(rate_limit=...)``, issue 11's ``_gate.MockRateLimiter``) is the one of
``bin-api-manager/lib/middleware/customer_ratelimit.go`` (``CustomerRateLimit``): the rate 16.7
of ``bin-api-manager/internal/config/main.go`` reaches redis_rate's GCRA rounded to 17, with a
burst of 33; past it, 429 ``RESOURCE_EXHAUSTED``/``RATE_LIMIT_EXCEEDED`` with
``details: [{"limited_by": "customer"}]`` and ``Retry-After`` = ceil(the wait) in seconds.
"""

from __future__ import annotations

import time

import httpx
import pytest
from mock_support import AUTH, outdial_body

from voipbin_outdial import ApiConnectionError, RateLimitError, VoipbinClient
from voipbin_outdial.testing import MockRateLimiter, ResponseDropped, VoipbinMock

CAMPAIGN = "183c0d5c-691e-42f3-af2b-9bffc2740f83"


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def limited(clock: Clock, rate: tuple[float, int] = (16.7, 33)) -> httpx.AsyncClient:
    mock = VoipbinMock(rate_limit=MockRateLimiter(*rate, clock=clock))
    return mock.async_client()


async def test_the_burst_is_33_then_one_every_seventeenth_of_a_second() -> None:
    clock = Clock()
    async with limited(clock) as http:
        codes = [(await http.get("/outplans", headers=AUTH)).status_code for _ in range(34)]
        assert codes == [200] * 33 + [429]
        clock.now += 1 / 17
        assert (await http.get("/outplans", headers=AUTH)).status_code == 200
        assert (await http.get("/outplans", headers=AUTH)).status_code == 429
        clock.now += 1.0  # 17 more slots, not 33: the bucket refills at 17 a second
        codes = [(await http.get("/outplans", headers=AUTH)).status_code for _ in range(18)]
        assert codes == [200] * 17 + [429]


async def test_a_long_wait_rounds_up_and_nothing_is_counted_for_refused_requests() -> None:
    clock = Clock()
    async with limited(clock, (0.4, 1)) as http:  # rounded up to 1 a second
        assert (await http.get("/outplans", headers=AUTH)).status_code == 200
        clock.now += 0.25
        refused = await http.get("/outplans", headers=AUTH)
        assert refused.headers["retry-after"] == "1"  # 0.75 s, rounded up
        clock.now += 0.75
        assert (await http.get("/outplans", headers=AUTH)).status_code == 200


def test_the_sdk_reads_retry_after_into_rate_limit_error() -> None:
    mock = VoipbinMock(too_many_requests=1.0)
    with (
        VoipbinClient(token="t", http_client=mock.client(), max_retries=0) as client,
        pytest.raises(RateLimitError) as raised,
    ):
        client.outdials.create(name="o", detail="d", data="x", campaign_id=CAMPAIGN)
    assert raised.value.retry_after == 1.0
    assert raised.value.reason == "RATE_LIMIT_EXCEEDED"
    assert mock.store.list_page("outdial", 100)[0] == []  # a 429 makes nothing


def test_a_dropped_response_is_a_connection_error_for_a_create_that_happened() -> None:
    mock = VoipbinMock(drop_after_commit=1.0)
    with VoipbinClient(token="t", http_client=mock.client()) as client:
        with pytest.raises(ApiConnectionError):
            client.outdials.create(name="o", detail="d", data="x", campaign_id=CAMPAIGN)
        (made,) = client.outdials.list().items  # a GET is not dropped
    assert made.name == "o"


async def test_a_dropped_response_in_process_raises_through_the_transport() -> None:
    mock = VoipbinMock(drop_after_commit=1.0)
    async with mock.async_client(headers=AUTH) as http:
        with pytest.raises(ResponseDropped):
            await http.post(
                "/outdials", json=outdial_body(campaign_id=CAMPAIGN, detail="d", data="x")
            )
        refused = await http.post("/outdials", content=b"{")  # a failed create is answered
    assert refused.status_code == 400


def test_latency_delays_every_request() -> None:
    mock = VoipbinMock(latency=0.05)
    with mock.client(headers=AUTH) as http:
        start = time.perf_counter()
        http.get("/outplans")
        assert time.perf_counter() - start >= 0.05


def test_faults_are_off_by_default_and_checked() -> None:
    assert not VoipbinMock().faults.active
    for bad in ({"latency": -1}, {"too_many_requests": 1.5}, {"drop_after_commit": -0.1}):
        with pytest.raises(ValueError, match=next(iter(bad))):
            VoipbinMock(**bad)  # type: ignore[arg-type]


def test_seeded_random_429s_repeat() -> None:
    def codes() -> list[int]:
        mock = VoipbinMock(too_many_requests=0.5, fault_seed=11)
        with mock.client(headers=AUTH) as http:
            return [http.get("/outplans").status_code for _ in range(40)]

    first = codes()
    assert first == codes()
    assert 5 < first.count(429) < 35


def test_the_old_spelling_of_the_mocks_limiter_is_still_importable() -> None:
    from voipbin_outdial import RateLimiter as ClientRateLimiter
    from voipbin_outdial.testing import RateLimiter

    assert RateLimiter is MockRateLimiter
    assert ClientRateLimiter is not MockRateLimiter
