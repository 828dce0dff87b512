"""A campaign run through the API on the standalone mock, by a client that only polls.

``--clock wall --clock-speed N``: the mock's clock follows real time, N virtual seconds per real
second, and running campaigns move on their own (``testing/_wallclock.py``); with the default
virtual clock they move only when ``POST /_mock/clock`` moves it. Either way the same client code
creates, runs, polls and inspects a campaign. ``--answer``/``--talk-time`` (and
``POST /_mock/campaign_calls``) set how its calls end.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import httpx
from campaign_support import serving, start_campaign

from voipbin_outdial import VoipbinClient
from voipbin_outdial.models import Campaign

POLL_TIMEOUT = 20.0


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
