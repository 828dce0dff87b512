"""The calls a simulated campaign returns (``CallLog``): kept as columns, each ``CallRecord``
built when read, the same data as the calls the engine placed (issue 26)."""

from __future__ import annotations

import uuid
from datetime import UTC, timedelta
from typing import Any

import httpx
import pytest
from mock_support import T0, address, outplan_body

from voipbin_outdial.dialplan import DialAttempt
from voipbin_outdial.testing import CallLog, CallOutcome, CallRecord, VoipbinMock

START = T0 + timedelta(hours=1)
ODD = timedelta(seconds=61, microseconds=123_457)  # not a whole millisecond


def _campaign(http: httpx.Client, targets: int, maxes: list[int]) -> tuple[str, str]:
    counts = {f"max_try_count_{i}": n for i, n in enumerate(maxes)}
    plan = http.post("/outplans", json=outplan_body(**counts, try_interval=1_000)).json()
    body = {"campaign_id": str(uuid.uuid4()), "name": "list", "detail": "leads", "data": "q"}
    outdial_id = http.post("/outdials", json=body).json()["id"]
    for n in range(targets):
        target: dict[str, Any] = {"name": f"t{n}", "detail": "d", "data": "x"}
        target |= {"destination_0": address(f"+1{n}"), "destination_1": address(f"+2{n}")}
        http.post(f"/outdials/{outdial_id}/targets", json=target)
    return plan["id"], outdial_id


def _dialing(seen: list[DialAttempt]) -> Any:
    def outcome(attempt: DialAttempt) -> CallOutcome:
        seen.append(attempt)
        return CallOutcome("normal" if len(seen) % 3 == 0 else "busy", ODD)

    return outcome


def test_each_record_is_the_call_the_engine_placed(http: httpx.Client, mock: VoipbinMock) -> None:
    plan, outdial = _campaign(http, 5, [2, 1, 0, 0, 0])
    seen: list[DialAttempt] = []
    calls = mock.run_campaign(plan, outdial, outcome=_dialing(seen), start=START)

    assert isinstance(calls, CallLog)
    assert len(calls) == len(seen) > 5
    for call, attempt in zip(calls, seen, strict=True):
        assert type(call) is CallRecord
        assert (call.target_id, call.index, call.try_number) == (
            attempt.target_id,
            attempt.index,
            attempt.try_number,
        )
        assert call.address == attempt.address
        assert type(call.target_id) is uuid.UUID
        assert call.at.tzinfo is UTC
        assert call.ended_at - call.at == ODD  # microseconds kept exactly
    assert [c.hangup_reason for c in calls] == [
        "normal" if n % 3 == 0 else "busy" for n in range(1, len(seen) + 1)
    ]
    assert calls[0].at == START
    assert calls[-1] == list(calls)[-1]


def test_a_log_is_a_read_only_sequence_equal_to_its_records(
    http: httpx.Client, mock: VoipbinMock
) -> None:
    plan, outdial = _campaign(http, 3, [1, 1, 0, 0, 0])
    calls = mock.run_campaign(plan, outdial, start=START)
    records = list(calls)

    assert len(records) == 6
    assert calls == records
    assert calls == tuple(records)
    assert records == calls
    assert calls != records[:-1]
    assert calls != records[::-1]
    assert calls[2:4] == records[2:4]
    assert isinstance(calls[2:4], CallLog)
    assert calls[-2:] == records[-2:]
    assert calls[4:1] == []
    assert len(calls[4:1]) == 0
    assert calls[1] == records[1]
    assert calls[-1] == records[-1]
    assert calls[1] is not calls[1]  # built when read
    with pytest.raises(IndexError):
        calls[6]
    with pytest.raises(ValueError, match="step 1"):
        calls[::2]
    with pytest.raises(TypeError):
        hash(calls)
    assert repr(calls) == "<CallLog of 6 calls>"
    assert repr(calls[:1]) == f"CallLog([{records[0]!r}])"


def test_a_records_address_is_its_own_and_stays_as_dialed(
    http: httpx.Client, mock: VoipbinMock
) -> None:
    plan, outdial = _campaign(http, 1, [1, 0, 0, 0, 0])
    (call,) = calls = mock.run_campaign(plan, outdial, start=START)
    target_id = str(call.target_id)

    call.address["target"] = "+1999"  # a copy: neither the log nor the store changes
    assert calls[0].address == address("+10")
    assert http.get(f"/outdials/{outdial}/targets/{target_id}").json()["destination_0"] == (
        address("+10")
    )
    mock.store.update("outdialtarget", target_id, {"destination_0": address("+1777")})
    assert calls[0].address == address("+10")  # the destination as it was dialed


def test_a_view_does_not_grow_with_the_campaign(http: httpx.Client, mock: VoipbinMock) -> None:
    plan, outdial = _campaign(http, 4, [1, 0, 0, 0, 0])
    campaign = mock.campaign(plan, outdial, start=START)

    first = campaign.run_until(timedelta(seconds=1))  # two calls, 500 ms apart
    so_far = campaign.calls
    rest = campaign.run()

    assert (len(first), len(so_far), len(rest), len(campaign.calls)) == (3, 3, 1, 4)
    assert list(campaign.calls) == [*first, *rest]
    assert campaign.live_calls == []
