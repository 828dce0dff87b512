"""``client.with_options(timeout=, max_retries=)`` and the ``VOIPBIN_LOG`` switch (sync, async)."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import httpx
import pytest
import respx
from facade_support import ACCESSKEY, LEAK, PLAN_ID, MakeHarness, outplan, settle

from voipbin_outdial import (
    ArgumentTypeError,
    ClientClosedError,
    InternalServerError,
    InvalidArgumentError,
)
from voipbin_outdial._logging import EnvironmentHandler


async def test_with_options_retries_as_told_and_shares_the_pool(
    make_harness: MakeHarness, api: respx.MockRouter
) -> None:
    route = api.get(f"/outplans/{PLAN_ID}").respond(503)
    harness = await make_harness(max_retries=2)
    client = harness.client

    once = client.with_options(max_retries=0)

    assert once._sender.http is client._sender.http
    assert type(once) is type(client)
    assert repr(once).endswith("max_retries=0)")
    with pytest.raises(InternalServerError):
        await settle(once.outplans.get(PLAN_ID))
    assert route.call_count == 1
    with pytest.raises(InternalServerError):
        await settle(client.outplans.get(PLAN_ID))
    assert route.call_count == 4  # the client itself still retries twice


async def test_with_options_timeout_bounds_each_try(
    make_harness: MakeHarness, api: respx.MockRouter
) -> None:
    route = api.get(f"/outplans/{PLAN_ID}").respond(200, json=outplan())
    harness = await make_harness(timeout=30)

    plan = await settle(harness.client.with_options(timeout=4.5).outplans.get(PLAN_ID))

    assert plan.name == outplan()["name"]
    assert route.calls.last.request.extensions["timeout"]["read"] == 4.5
    await settle(harness.client.outplans.get(PLAN_ID))
    assert route.calls.last.request.extensions["timeout"]["read"] == 30


async def test_closing_a_copy_leaves_the_pool_open(
    make_harness: MakeHarness, api: respx.MockRouter
) -> None:
    api.get(f"/outplans/{PLAN_ID}").respond(200, json=outplan())
    harness = await make_harness(http_client=None)  # the client's own pool
    copy = harness.client.with_options(timeout=5)

    await settle(copy.close())

    assert (await settle(harness.client.outplans.get(PLAN_ID))).name
    with pytest.raises(ClientClosedError):  # the copy itself is closed
        await settle(copy.outplans.get(PLAN_ID))
    later = harness.client.with_options(max_retries=0)
    await settle(harness.client.close())
    with pytest.raises(ClientClosedError):  # the pool is closed for every copy
        await settle(later.outplans.get(PLAN_ID))


@pytest.mark.parametrize(
    ("options", "error"),
    [
        ({"max_retries": -1}, InvalidArgumentError),
        ({"max_retries": "2"}, ArgumentTypeError),
        ({"timeout": "slow"}, ArgumentTypeError),
    ],
)
async def test_with_options_checks_its_arguments(
    make_harness: MakeHarness, options: dict[str, object], error: type[Exception]
) -> None:
    harness = await make_harness()

    with pytest.raises(error):
        harness.client.with_options(**options)  # type: ignore[arg-type]


@pytest.fixture
def sdk_logger() -> Iterator[logging.Logger]:
    """The SDK's logger, put back as it was after the test."""
    logger = logging.getLogger("voipbin_outdial")
    level, handlers = logger.level, list(logger.handlers)
    yield logger
    logger.setLevel(level)
    for handler in logger.handlers:
        if handler not in handlers:
            logger.removeHandler(handler)


@pytest.mark.parametrize(("value", "level"), [("debug", logging.DEBUG), ("INFO", logging.INFO)])
async def test_voipbin_log_writes_the_sdks_log_to_stderr_redacted(
    make_harness: MakeHarness,
    api: respx.MockRouter,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    sdk_logger: logging.Logger,
    value: str,
    level: int,
) -> None:
    monkeypatch.setenv("VOIPBIN_LOG", value)
    api.get(f"/outplans/{PLAN_ID}").mock(
        side_effect=[
            httpx.Response(503, text=f"no ?accesskey={ACCESSKEY}"),
            httpx.Response(200, json=outplan(), headers={"x-request-id": "req_1"}),
        ]
    )
    harness = await make_harness(max_retries=1)
    await make_harness()  # a second client adds no second handler

    await harness.call("outplans.get", PLAN_ID)

    assert sdk_logger.level == level
    assert sum(isinstance(h, EnvironmentHandler) for h in sdk_logger.handlers) == 1
    err = capsys.readouterr().err
    assert f"GET /outplans/{PLAN_ID} (outplans_get): HTTP 503; retry 1 of 1" in err
    debug_line = f"GET /outplans/{PLAN_ID} (outplans_get): HTTP 200, "
    assert (debug_line in err) is (level == logging.DEBUG)
    assert LEAK not in err


async def test_without_voipbin_log_nothing_is_added(
    make_harness: MakeHarness, monkeypatch: pytest.MonkeyPatch, sdk_logger: logging.Logger
) -> None:
    monkeypatch.setenv("VOIPBIN_LOG", "loud")
    before = list(sdk_logger.handlers)

    await make_harness()

    assert sdk_logger.handlers == before
