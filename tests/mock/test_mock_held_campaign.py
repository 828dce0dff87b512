"""Held campaigns: ``mock.start_campaign`` and ``POST /_mock/campaigns`` start a campaign the mock
keeps and moves on with its clock, so between two requests the API shows targets ``progressing``
and then ``done`` or ``idle``, as on VoIPBIN while a campaign runs (the gap issue 14's "Why"
named: over HTTP a run went to its end in one request).

In process first, then through the control endpoints (the same over a socket and with curl:
test_mock_control_server.py).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any, Final

import httpx
import pytest
from mock_support import AUTH, T0, outplan_body
from test_mock_control import CONTROL, MISSING, campaign, ok, refused, time_of

from voipbin_outdial.testing import (
    Campaign,
    OutdialInUseError,
    ResourceNotFoundError,
    VoipbinMock,
)

TALK: Final = timedelta(seconds=20)
HALF: Final = timedelta(milliseconds=500)
RING: Final = timedelta(seconds=60)  # the engine's ring time


def targets(http: httpx.Client, outdial_id: str) -> list[tuple[str, int]]:
    """Each target's (status, try_count_0), oldest first: the order the engine dials them."""
    result = ok(http.get(f"/outdials/{outdial_id}/targets"))["result"]
    return [(t["status"], t["try_count_0"]) for t in reversed(result)]


def two_tries() -> dict[str, Any]:
    """Two tries on the first slot, ten minutes apart."""
    counts = {f"max_try_count_{n}": 2 if n == 0 else 0 for n in range(5)}
    return outplan_body(**counts, try_interval=600_000)


# --- in process ----------------------------------------------------------------------------------


def test_a_held_campaign_places_its_first_call_at_once_and_moves_with_the_clock(
    mock: VoipbinMock, http: httpx.Client
) -> None:
    ids = campaign(http, targets=2)

    held = mock.start_campaign(**ids, answer=True, talk_time=TALK)

    assert targets(http, ids["outdial_id"]) == [("progressing", 1), ("idle", 0)]
    assert (held.now, len(held.calls), len(held.live_calls)) == (held.start, 1, 1)
    assert held.stop_reason is None
    assert mock.held_campaigns == {held.id: held}

    mock.advance_clock(timedelta(seconds=10))  # the second call, 500 ms after the first, is live
    assert targets(http, ids["outdial_id"]) == [("progressing", 1), ("progressing", 1)]
    assert len(held.live_calls) == 2

    mock.advance_clock(TALK)  # both hung up (normal): done
    assert targets(http, ids["outdial_id"]) == [("done", 1), ("done", 1)]
    assert [c.at - held.start for c in held.calls] == [timedelta(0), HALF]
    assert (held.live_calls, held.stop_reason, held.running) == ([], "exhausted", False)


def test_unanswered_calls_leave_targets_idle_until_the_clock_reaches_the_next_try() -> None:
    mock = VoipbinMock(clock=lambda: T0)  # frozen: only the moves below change the time
    with mock.client(headers=AUTH) as http:
        ids = campaign(http, two_tries(), targets=1)
        held = mock.start_campaign(**ids)

        mock.advance_clock(RING + timedelta(seconds=1))
        assert targets(http, ids["outdial_id"]) == [("idle", 1)]
        assert (held.stop_reason, held.running) == (None, True)  # polling: the try is not due

        due = held.start + RING + timedelta(minutes=10)
        mock.move_clock_to(due)  # the engine polls every 5 s from 500 ms after the start
        assert targets(http, ids["outdial_id"]) == [("idle", 1)]
        mock.move_clock_to(due + HALF)
        assert targets(http, ids["outdial_id"]) == [("progressing", 2)]
        assert [c.try_number for c in held.calls] == [1, 2]


def test_a_stopped_held_campaign_is_left_as_it_is(mock: VoipbinMock, http: httpx.Client) -> None:
    ids = campaign(http, targets=1)
    held = mock.start_campaign(**ids, answer=True)  # talk time 0: hung up at the start
    mock.advance_clock(1000)
    assert held.stop_reason == "exhausted"
    stopped_at = held.now

    mock.advance_clock(timedelta(hours=1))

    assert (held.now, len(held.calls)) == (stopped_at, 1)
    assert mock.held_campaigns[held.id] is held  # still readable


def test_a_second_held_campaign_on_an_outdial_in_use_is_refused(
    mock: VoipbinMock, http: httpx.Client
) -> None:
    """bin-campaign-manager/pkg/campaignhandler/campaign.go, isValidOutdialID: a campaign on an
    outdial another campaign uses (``od.CampaignID != campaignID``) is not valid."""
    ids = campaign(http, targets=2)
    first = mock.start_campaign(**ids, answer=True, talk_time=TALK)

    with pytest.raises(OutdialInUseError, match=f"outdial_id.*{first.id}") as raised:
        mock.start_campaign(**ids)
    with pytest.raises(OutdialInUseError, match=f"outdial_id.*{first.id}"):
        mock.run_campaign(**ids)  # a campaign the mock does not hold: the same targets

    assert isinstance(raised.value, ValueError)
    assert mock.held_campaigns == {first.id: first}
    assert targets(http, ids["outdial_id"]) == [("progressing", 1), ("idle", 0)]  # no call
    mock.advance_clock(TALK + timedelta(seconds=1))  # the first one has ended
    again = mock.start_campaign(**ids)
    assert set(mock.held_campaigns) == {first.id, again.id}


def test_held_campaigns_on_two_outdials_move_with_one_clock(
    mock: VoipbinMock, http: httpx.Client
) -> None:
    answered, unanswered = campaign(http, targets=1), campaign(http, two_tries(), targets=1)
    mock.start_campaign(**answered, answer=True, talk_time=TALK)
    mock.start_campaign(**unanswered, answer=False)

    mock.advance_clock(RING + timedelta(seconds=1))

    assert targets(http, answered["outdial_id"]) == [("done", 1)]
    assert targets(http, unanswered["outdial_id"]) == [("idle", 1)]


def test_reset_forgets_held_campaigns(mock: VoipbinMock, http: httpx.Client) -> None:
    ids = campaign(http, targets=1)
    mock.start_campaign(**ids, answer=True, talk_time=TALK)

    mock.reset()

    assert mock.held_campaigns == {}
    mock.advance_clock(TALK)  # nothing left to run


def test_what_a_held_campaign_refuses(mock: VoipbinMock, http: httpx.Client) -> None:
    ids = campaign(http, targets=1)
    with pytest.raises(ValueError, match="start="):
        mock.start_campaign(**ids, start=mock.now)
    with pytest.raises(ValueError, match="probability"):
        mock.start_campaign(**ids, answer=2.0)
    with pytest.raises(ResourceNotFoundError, match="outdial"):
        mock.start_campaign(ids["outplan_id"], MISSING)
    assert mock.held_campaigns == {}
    assert targets(http, ids["outdial_id"]) == [("idle", 0)]


# --- over the control endpoints ------------------------------------------------------------------


def test_over_http_a_target_is_progressing_between_two_requests(http: httpx.Client) -> None:
    ids = campaign(http, targets=2)
    target = ok(http.get(f"/outdials/{ids['outdial_id']}/targets"))["result"][-1]  # the oldest
    path = f"/outdials/{ids['outdial_id']}/targets/{target['id']}"

    started = ok(
        http.post(f"{CONTROL}/campaigns", json={**ids, "answer": True, "talk_time_ms": 20_000})
    )

    assert (started["stop_reason"], started["now"]) == (None, started["start"])
    assert started["calls"] == started["live_calls"]
    assert [c["target_id"] for c in started["calls"]] == [target["id"]]
    live = ok(http.get(path))
    assert (live["status"], live["try_count_0"]) == ("progressing", 1)

    moved = ok(http.post(f"{CONTROL}/clock", json={"advance_ms": 30_000}))

    ended = ok(http.get(path))
    assert (ended["status"], ended["try_count_0"]) == ("done", 1)
    held = ok(http.get(f"{CONTROL}/campaigns/{started['id']}"))
    assert (held["id"], held["start"]) == (started["id"], started["start"])
    assert (held["stop_reason"], held["live_calls"]) == ("exhausted", [])
    assert [c["hangup_reason"] for c in held["calls"]] == ["normal", "normal"]
    assert held["calls"][0] == started["calls"][0]  # its hangup was decided when placed
    assert time_of(held["now"]) == time_of(moved["now"])
    assert time_of(held["calls"][1]["ended_at"]) - time_of(held["start"]) == timedelta(seconds=20.5)


def test_over_http_reset_forgets_a_held_campaign(http: httpx.Client) -> None:
    ids = campaign(http, targets=1)
    started = ok(http.post(f"{CONTROL}/campaigns", json=ids))
    ok(http.get(f"{CONTROL}/campaigns/{started['id']}"))

    ok(http.post(f"{CONTROL}/reset"))

    response = http.get(f"{CONTROL}/campaigns/{started['id']}")
    refused(response, None, 404)
    assert response.json()["error"]["reason"] == "CAMPAIGN_NOT_FOUND"
    assert started["id"] in response.json()["error"]["message"]


@pytest.mark.parametrize("campaign_id", [MISSING, "run-1", MISSING.upper()])
def test_over_http_an_id_the_mock_does_not_hold_is_404(
    http: httpx.Client, campaign_id: str
) -> None:
    response = http.get(f"{CONTROL}/campaigns/{campaign_id}")

    refused(response, None, 404)
    assert response.json()["error"]["reason"] == "CAMPAIGN_NOT_FOUND"


def test_over_http_an_id_is_read_in_any_case(http: httpx.Client) -> None:
    started = ok(http.post(f"{CONTROL}/campaigns", json=campaign(http, targets=1)))

    assert ok(http.get(f"{CONTROL}/campaigns/{started['id'].upper()}"))["id"] == started["id"]


def test_over_http_a_second_campaign_on_the_outdial_is_400_naming_outdial_id(
    http: httpx.Client,
) -> None:
    """campaign.go, isValidOutdialID: the outdial is used by another campaign."""
    ids = campaign(http, targets=2)
    first = ok(http.post(f"{CONTROL}/campaigns", json={**ids, "answer": 1, "talk_time_ms": 9000}))

    message = refused(http.post(f"{CONTROL}/campaigns", json=ids), "outdial_id")
    run = refused(http.post(f"{CONTROL}/campaigns/run", json=ids), "outdial_id")

    assert first["id"] in message
    assert first["id"] in run
    assert targets(http, ids["outdial_id"]) == [("progressing", 1), ("idle", 0)]


def test_over_http_a_campaign_on_what_is_not_there_is_404(http: httpx.Client) -> None:
    ids = campaign(http, targets=1)

    response = http.post(f"{CONTROL}/campaigns", json={**ids, "outplan_id": MISSING})

    refused(response, None, 404)
    assert response.json()["error"]["reason"] == "OUTPLAN_NOT_FOUND"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        pytest.param({"outdial_id": "list-1"}, "outdial_id", id="outdial-not-a-uuid"),
        pytest.param({"outplan_id": None}, "outplan_id", id="outplan-missing"),
        pytest.param({"answer": 1.5}, "answer", id="answer-above-1"),
        pytest.param({"talk_time_ms": -1}, "talk_time_ms", id="talk-time-negative"),
        pytest.param({"end_handle": "pause"}, "end_handle", id="end-handle-unknown"),
        pytest.param({"until": 1000}, "until", id="until-is-for-a-run"),
    ],
)
def test_over_http_a_bad_field_is_400_naming_it_and_holds_nothing(
    mock: VoipbinMock, http: httpx.Client, change: dict[str, Any], field: str
) -> None:
    ids = campaign(http, targets=1)

    refused(http.post(f"{CONTROL}/campaigns", json={**ids, **change}), field)

    assert mock.held_campaigns == {}
    assert targets(http, ids["outdial_id"]) == [("idle", 0)]


def test_the_held_campaign_is_the_one_read_over_http(mock: VoipbinMock, http: httpx.Client) -> None:
    ids = campaign(http, targets=1)
    started = ok(http.post(f"{CONTROL}/campaigns", json=ids))

    held: Campaign = mock.held_campaigns[started["id"]]

    assert (held.outplan_id, held.outdial_id) == (ids["outplan_id"], ids["outdial_id"])
    assert [str(c.target_id) for c in held.live_calls] == [
        c["target_id"] for c in started["live_calls"]
    ]
