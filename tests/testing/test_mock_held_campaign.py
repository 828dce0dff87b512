"""Held campaigns: ``mock.start_campaign`` and ``POST /_mock/campaigns`` start a campaign the mock
keeps and moves on with its clock, so between two requests the API shows targets ``progressing``
and then ``done`` or ``idle``, as on VoIPBIN while a campaign runs (the gap issue 14's "Why"
named: over HTTP a run went to its end in one request).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any, Final

import httpx
import pytest
from mock_support import AUTH, T0, outplan_body
from test_mock_control import MISSING, campaign, ok

from voipbin_outdial.testing import (
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
