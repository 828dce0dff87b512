"""The mock's limits and faults (issue 16): VoIPBIN's per-customer GCRA and its 429, latency,
random 429s, responses dropped after the create was made. All off by default.

The 429 is the one ``bin-api-manager/lib/middleware/customer_ratelimit.go`` (``CustomerRateLimit``)
sends: status ``RESOURCE_EXHAUSTED``, reason ``RATE_LIMIT_EXCEEDED``, ``details`` naming the
customer limit, ``Retry-After`` = ceil(the wait) in seconds; the rate 16.7 of
``bin-api-manager/internal/config/main.go`` reaches the GCRA rounded to 17, with a burst of 33.
"""

from __future__ import annotations

import time
import uuid

import httpx
import pytest
from mock_support import AUTH, NIL_UUID, outdial_body

from voipbin_outdial import ApiConnectionError, RateLimitError, VoipbinClient
from voipbin_outdial.testing import (
    BASE_URL,
    FaultMiddleware,
    Faults,
    MockStore,
    ResponseDropped,
    VoipbinMock,
    create_app,
)


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def limited(clock: Clock, rate: tuple[float, int] = (16.7, 33)) -> httpx.AsyncClient:
    app = FaultMiddleware(create_app(MockStore()), faults=Faults(rate_limit=rate), clock=clock)
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=BASE_URL)


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


async def test_the_429_is_voipbins_with_retry_after_in_whole_seconds() -> None:
    clock = Clock()
    async with limited(clock, (1, 2)) as http:
        for _ in range(2):
            assert (await http.get("/outplans", headers=AUTH)).status_code == 200
        response = await http.get("/outplans", headers=AUTH)
    assert response.status_code == 429
    assert response.headers["retry-after"] == "1"  # ceil(the 1 s wait)
    error = response.json()["error"]
    assert error["status"] == "RESOURCE_EXHAUSTED"
    assert error["reason"] == "RATE_LIMIT_EXCEEDED"
    assert error["message"] == "Too many requests. Please try again later."
    assert error["details"] == [{"limited_by": "customer"}]
    assert response.headers["x-request-id"] == error["request_id"]
    uuid.UUID(error["request_id"])


async def test_a_long_wait_rounds_up_and_nothing_is_counted_for_refused_requests() -> None:
    clock = Clock()
    async with limited(clock, (0.4, 1)) as http:  # rounded up to 1 a second
        assert (await http.get("/outplans", headers=AUTH)).status_code == 200
        clock.now += 0.25
        refused = await http.get("/outplans", headers=AUTH)
        assert refused.headers["retry-after"] == "1"  # 0.75 s, rounded up
        clock.now += 0.75
        assert (await http.get("/outplans", headers=AUTH)).status_code == 200


async def test_only_requests_with_a_credential_count() -> None:
    clock = Clock()
    async with limited(clock, (1, 1)) as http:
        for _ in range(3):
            assert (await http.get("/outplans")).status_code == 401
        assert (await http.get("/outplans", params={"accesskey": "k"})).status_code == 200
        assert (await http.get("/outplans", headers=AUTH)).status_code == 429


def test_the_sdk_reads_retry_after_into_rate_limit_error() -> None:
    mock = VoipbinMock(too_many_requests=1.0)
    with (
        VoipbinClient(token="t", http_client=mock.client(), max_retries=0) as client,
        pytest.raises(RateLimitError) as raised,
    ):
        client.outdials.create(name="o", detail="d", data="x", campaign_id=NIL_UUID)
    assert raised.value.retry_after == 1.0
    assert raised.value.reason == "RATE_LIMIT_EXCEEDED"
    assert mock.store.list_page("outdial", 100)[0] == []  # a 429 makes nothing


def test_a_dropped_response_is_a_connection_error_for_a_create_that_happened() -> None:
    mock = VoipbinMock(drop_after_commit=1.0)
    with VoipbinClient(token="t", http_client=mock.client()) as client:
        with pytest.raises(ApiConnectionError):
            client.outdials.create(name="o", detail="d", data="x", campaign_id=NIL_UUID)
        (made,) = client.outdials.list().items  # a GET is not dropped
    assert made.name == "o"


async def test_a_dropped_response_in_process_raises_through_the_transport() -> None:
    mock = VoipbinMock(drop_after_commit=1.0)
    async with mock.async_client(headers=AUTH) as http:
        with pytest.raises(ResponseDropped):
            await http.post("/outdials", json=outdial_body(detail="d", data="x"))
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
    assert VoipbinMock(rate_limit=True).faults.rate_limit == (16.7, 33)
    for bad in ({"latency": -1}, {"too_many_requests": 1.5}, {"drop_after_commit": -0.1}):
        with pytest.raises(ValueError, match=next(iter(bad))):
            VoipbinMock(**bad)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="rate_limit"):
        VoipbinMock(rate_limit=(0, 33))


def test_seeded_random_429s_repeat() -> None:
    def codes() -> list[int]:
        mock = VoipbinMock(too_many_requests=0.5, fault_seed=11)
        with mock.client(headers=AUTH) as http:
            return [http.get("/outplans").status_code for _ in range(40)]

    first = codes()
    assert first == codes()
    assert 5 < first.count(429) < 35
