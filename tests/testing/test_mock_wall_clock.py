"""A campaign run through the API on the standalone mock, by a client that only polls.

``--clock wall --clock-speed N``: the mock's clock follows real time, N virtual seconds per real
second, and running campaigns move on their own (``testing/_wallclock.py``); with the default
virtual clock they move only when ``POST /_mock/clock`` moves it. Either way the same client code
creates, runs, polls and inspects a campaign. ``--answer``/``--talk-time`` (and
``POST /_mock/campaign_calls``) set how its calls end.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import pytest
from test_mock_server import START_TIMEOUT, STOP_TIMEOUT, _free_port

from voipbin_outdial import VoipbinClient
from voipbin_outdial.models import Campaign

POLL_TIMEOUT = 20.0


@contextmanager
def serving(*options: str) -> Iterator[str]:
    """The mock as a subprocess on a free port with ``options``; its base URL."""
    port = _free_port()
    command = [sys.executable, "-m", "voipbin_outdial.testing", "--port", str(port)]
    process = subprocess.Popen(
        [*command, "--log-level", "warning", *options],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if process.poll() is not None:
                output = process.stdout.read().decode() if process.stdout else ""
                pytest.fail(f"the server exited with {process.returncode}:\n{output}")
            try:
                httpx.get(f"{base}/v1.0/outplans", timeout=1.0)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    pytest.fail(f"the server did not answer within {START_TIMEOUT} s")
                time.sleep(0.05)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=STOP_TIMEOUT)
        if process.stdout:
            process.stdout.close()


def start_campaign(client: VoipbinClient, targets: int = 3) -> Campaign:
    """What a user's program does: plan, campaign, outdial for it, targets, resources, run."""
    plan = client.outplans.create(
        name="p",
        source={"type": "tel", "target": "+15559876543"},
        dial_timeout=30_000,
        try_interval=60_000,
        max_try_counts=[2, 0, 0, 0, 0],
    )
    campaign = client.campaigns.create(name="c", outplan_id=plan.id, end_handle="stop")
    outdial = client.outdials.create(campaign_id=campaign.id, name="o", detail="d", data="x")
    for n in range(targets):
        client.outdialtargets.create(
            outdial.id,
            name=f"t{n}",
            detail="d",
            data="x",
            destinations=[{"type": "tel", "target": f"+1555010{n}"}],
        )
    client.campaigns.update_resource_info(
        campaign.id, outplan_id=plan.id, outdial_id=outdial.id, queue_id=None, next_campaign_id=None
    )
    running = client.campaigns.update_status(campaign.id, "run")
    assert running.status == "run"
    return running


def poll_until_stopped(client: VoipbinClient, campaign: Campaign, nudge: Callable[[], Any]) -> None:
    deadline = time.monotonic() + POLL_TIMEOUT
    while client.campaigns.get(campaign.id).status != "stop":
        assert time.monotonic() < deadline, "the campaign did not stop"
        nudge()
        time.sleep(0.05)


def check_all_answered(client: VoipbinClient, campaign: Campaign, targets: int = 3) -> None:
    calls = list(client.campaigns.iter_campaigncalls(campaign.id))
    assert len(calls) == targets
    assert {(call.status, call.result) for call in calls} == {("done", "success")}
    assert len({call.outdial_target_id for call in calls}) == targets


def test_a_campaign_moves_on_its_own_with_the_wall_clock() -> None:
    options = ("--clock", "wall", "--clock-speed", "500", "--answer", "1", "--talk-time", "2000")
    with (
        serving(*options) as base,
        VoipbinClient(token="t", base_url=f"{base}/v1.0", max_retries=0) as client,
    ):
        campaign = start_campaign(client)
        poll_until_stopped(client, campaign, lambda: None)  # nothing but polling
        check_all_answered(client, campaign)


def test_the_same_code_on_the_virtual_clock_moves_with_mock_clock() -> None:
    with (
        serving() as base,
        VoipbinClient(token="t", base_url=f"{base}/v1.0", max_retries=0) as client,
        httpx.Client(base_url=f"{base}/_mock") as control,
    ):
        answered = control.post("/campaign_calls", json={"answer": 1, "talk_time_ms": 2000})
        assert answered.json() == {"answer": 1, "seed": None, "talk_time_ms": 2000}
        campaign = start_campaign(client)
        time.sleep(0.3)
        assert list(client.campaigns.iter_campaigncalls(campaign.id)) == []  # nothing moved

        poll_until_stopped(
            client, campaign, lambda: control.post("/clock", json={"advance_ms": 1000})
        )
        check_all_answered(client, campaign)
