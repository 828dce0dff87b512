"""The mock's campaign: VoIPBIN's engine loop on a virtual clock, its effects seen through the API.

A test of one of the engine's rules cites, in its docstring, where it is in VoIPBIN's Go code
(``voipbin/monorepo``). Outdials and targets are created with every field filled.
"""

from __future__ import annotations

import itertools
import uuid
from datetime import timedelta
from typing import Any

import httpx
import pytest
from mock_support import AUTH, T0, StepClock, address, conforms, outplan_body

from voipbin_outdial import VoipbinClient
from voipbin_outdial.dialplan import DialAttempt, dial_order
from voipbin_outdial.testing import CallOutcome, CallRecord, ResourceNotFoundError, VoipbinMock
from voipbin_outdial.timeutil import parse_timestamp

START = T0 + timedelta(hours=1)
S = timedelta(seconds=1)
HALF = timedelta(milliseconds=500)
RING = 60 * S  # the engine's ring time
EMPTY = {"type": "", "target": ""}  # VoIPBIN's zero-value address: no number to dial


def _plan(http: httpx.Client, maxes: list[int], **overrides: Any) -> dict[str, Any]:
    counts = {f"max_try_count_{i}": n for i, n in enumerate(maxes)}
    return dict(http.post("/outplans", json=outplan_body(**counts, **overrides)).json())


def _target(*destinations: dict[str, str] | None, name: str = "contact") -> dict[str, Any]:
    body: dict[str, Any] = {"name": name, "detail": f"{name}'s card", "data": f"crm:{name}"}
    for i, destination in enumerate(destinations or (address(),)):
        body[f"destination_{i}"] = destination
    return body


def _outdial(http: httpx.Client, *targets: dict[str, Any]) -> tuple[str, list[dict[str, Any]]]:
    body = {"campaign_id": str(uuid.uuid4()), "name": "list", "detail": "leads", "data": "q3"}
    outdial_id = http.post("/outdials", json=body).json()["id"]
    made = [http.post(f"/outdials/{outdial_id}/targets", json=t).json() for t in targets]
    return outdial_id, made


def _targets(http: httpx.Client, outdial_id: str) -> dict[str, dict[str, Any]]:
    response = http.get(f"/outdials/{outdial_id}/targets")
    return {t["name"]: t for t in conforms(response, "GET", "/outdials/{id}/targets")["result"]}


def _counts(target: dict[str, Any]) -> list[int]:
    return [target[f"try_count_{i}"] for i in range(5)]


def _seen(calls: list[CallRecord], names: dict[str, str]) -> list[tuple[Any, ...]]:
    return [(names[str(c.target_id)], c.index, c.try_number, c.at - START) for c in calls]


def _names(http: httpx.Client, outdial_id: str) -> dict[str, str]:
    return {t["id"]: n for n, t in _targets(http, outdial_id).items()}


# --- the engine's loop -------------------------------------------------------------------------


def test_nobody_answers_a_worked_example(http: httpx.Client, mock: VoipbinMock) -> None:
    """bin-campaign-manager/pkg/campaignhandler/execute.go, Execute: one available target per
    run (getTarget, limit 1); after a call the next run is 500 ms later; with none available
    (both live) or the first not due (isDialableTarget), the next run is 5 s later. A failed
    call makes the target idle with tm_update = the hangup (campaigncallhandler/status.go, Done),
    due again try_interval later."""
    plan = _plan(http, [2, 1, 0, 0, 0], try_interval=60_000)
    outdial_id, _ = _outdial(
        http,
        _target(address("+1001"), address("+1002"), name="A"),
        _target(address("+2001"), address("+2002"), name="B"),
    )

    calls = mock.run_campaign(plan["id"], outdial_id, answer=False, start=START)

    # Runs at 1, 6, ... 61 s find nobody due (both rang until 60 s and wait 60 s more).
    assert _seen(calls, _names(http, outdial_id)) == [
        ("A", 0, 1, 0 * S),
        ("B", 0, 1, HALF),
        ("A", 0, 2, 121 * S),  # the first run at or after 60 s + 60 s
        ("B", 0, 2, 121 * S + HALF),
        ("A", 1, 1, 242 * S),
        ("B", 1, 1, 242 * S + HALF),
    ]
    assert all(c.ended_at - c.at == RING and c.hangup_reason == "noanswer" for c in calls)
    after = _targets(http, outdial_id)
    assert _counts(after["A"]) == _counts(after["B"]) == [2, 1, 0, 0, 0]
    assert after["A"]["status"] == after["B"]["status"] == "idle"
    assert parse_timestamp(after["A"]["tm_update"]) == START + 302 * S
    assert parse_timestamp(after["B"]["tm_update"]) == START + 302 * S + HALF


def test_calls_overlap_500_ms_apart_with_no_cap(mock: VoipbinMock, http: httpx.Client) -> None:
    """execute.go, Execute: ``CampaignV1CampaignExecute(ctx, id, 500)`` after each call, and
    isDialable returns true when the campaign has no queue: nothing waits for a call to end."""
    plan = _plan(http, [1, 0, 0, 0, 0])
    outdial_id, _ = _outdial(http, *(_target(name=f"t{n}") for n in range(6)))
    campaign = mock.campaign(plan["id"], outdial_id, start=START)

    placed = campaign.run_until(3 * S)

    assert [c.at - START for c in placed] == [n * HALF for n in range(6)]
    assert len(campaign.live_calls) == 6
    assert {t["status"] for t in _targets(http, outdial_id).values()} == {"progressing"}


def test_progressing_and_the_new_count_show_while_the_call_is_live(
    mock: VoipbinMock, http: httpx.Client
) -> None:
    """bin-campaign-manager/pkg/campaigncallhandler/campaigncall.go, Create, before the call
    is placed, and bin-outdial-manager/pkg/dbhandler/outdialtarget.go,
    OutdialTargetUpdateProgressing: try_count_N + 1, status progressing, tm_update = now."""
    plan = _plan(http, [2, 0, 0, 0, 0])
    outdial_id, (made,) = _outdial(http, _target(name="A"))
    path = f"/outdials/{outdial_id}/targets/{made['id']}"
    during: list[dict[str, Any]] = []

    def answer(attempt: DialAttempt) -> bool:
        during.append(http.get(path).json())  # the callable runs while the call is placed
        return False

    campaign = mock.campaign(plan["id"], outdial_id, answer=answer, start=START)
    campaign.run_until(30 * S)

    live = http.get(path).json()
    assert (live["status"], live["try_count_0"]) == ("progressing", 1)
    assert parse_timestamp(live["tm_update"]) == START
    assert during == [live]
    campaign.run_until(61 * S)
    ended = http.get(path).json()
    assert (ended["status"], ended["try_count_0"]) == ("idle", 1)
    assert parse_timestamp(ended["tm_update"]) == START + RING


def test_a_target_not_due_holds_back_the_targets_behind_it() -> None:
    """execute.go, Execute: getTarget takes the least recently updated available target only
    (bin-outdial-manager/pkg/dbhandler/outdialtarget.go, outdialTargetSelectAvailable, ``order
    by tm_update asc``, limit 1); if isDialableTarget says not yet, Execute waits 5 s and asks
    again. A fresh target behind a waiting one is not dialed first."""
    clock = StepClock()
    mock = VoipbinMock(clock=clock)
    http = mock.client(headers=AUTH)
    plan = _plan(http, [2, 0, 0, 0, 0], try_interval=3_600_000)
    outdial_id, (tried,) = _outdial(http, _target(name="tried"))
    first = mock.run_campaign(plan["id"], outdial_id, start=START, until=timedelta(minutes=1))
    assert [c.target_id for c in first] == [uuid.UUID(tried["id"])]

    clock.now = START + timedelta(minutes=30)
    fresh = http.post(f"/outdials/{outdial_id}/targets", json=_target(name="fresh")).json()
    later = START + timedelta(minutes=45)
    calls = mock.run_campaign(plan["id"], outdial_id, start=later, until=timedelta(hours=2))

    due = START + RING + timedelta(hours=1)  # the first call's hangup + try_interval
    assert [(str(c.target_id), c.at) for c in calls[:2]] == [
        (tried["id"], due),  # 45 min + 192 runs of 5 s
        (fresh["id"], due + HALF),  # due since 30 min, but behind "tried"
    ]


def test_the_first_pass_follows_dial_order(http: httpx.Client, mock: VoipbinMock) -> None:
    """Before any call ends, the campaign places exactly what dial_order lists, at its times
    (execute.go, Execute: one target per run, 500 ms apart, least recently updated first)."""
    plan = _plan(http, [1, 2, 0, 0, 0])
    outdial_id, made = _outdial(
        http,
        *(_target(address(f"+10{n}"), address(f"+20{n}"), name=f"t{n}") for n in range(6)),
    )

    calls = mock.campaign(plan["id"], outdial_id, start=START).run_until(RING - S)

    order = dial_order(made, plan, START)
    assert [(c.target_id, c.index, c.try_number, c.at) for c in calls] == [
        (e.target_id, e.index, e.try_number, e.at) for e in order
    ]


# --- how calls end -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("reason", "status", "answered", "success"),
    [
        ("normal", "done", True, True),
        ("amd", "idle", True, False),
        ("timeout", "idle", True, False),
        ("busy", "idle", False, False),
        ("noanswer", "idle", False, False),
    ],
)
def test_only_a_normal_hangup_is_a_success(
    http: httpx.Client,
    mock: VoipbinMock,
    reason: str,
    status: str,
    answered: bool,
    success: bool,
) -> None:
    """bin-campaign-manager/pkg/campaigncallhandler/eventhandle.go,
    calcCampaigncallResultByCallHangupReason: only ``normal`` is a success; ``amd`` and
    ``timeout`` end answered calls (bin-call-manager/models/call/call.go) and are failures,
    which status.go, calcDialtargetStatus turns into ``idle``."""
    plan = _plan(http, [1, 0, 0, 0, 0])
    outdial_id, _ = _outdial(http, _target(name="A"))

    (call,) = mock.run_campaign(
        plan["id"], outdial_id, start=START, outcome=lambda _: CallOutcome(reason, 20_000)
    )

    assert (call.hangup_reason, call.answered, call.success) == (reason, answered, success)
    assert call.ended_at == call.at + 20 * S
    assert _targets(http, outdial_id)["A"]["status"] == status


def test_an_answered_call_that_is_not_a_success_is_tried_again(
    http: httpx.Client, mock: VoipbinMock
) -> None:
    plan = _plan(http, [3, 0, 0, 0, 0], try_interval=60_000)
    outdial_id, _ = _outdial(http, _target(name="A"))
    reasons = iter(["amd", "normal"])

    calls = mock.run_campaign(
        plan["id"], outdial_id, start=START, outcome=lambda _: CallOutcome(next(reasons), 10_000)
    )

    assert [(c.try_number, c.answered, c.success) for c in calls] == [
        (1, True, False),
        (2, True, True),
    ]
    assert _targets(http, outdial_id)["A"]["status"] == "done"


@pytest.mark.parametrize("reason", ["", "hungup-by-gremlins"])
def test_a_hangup_reason_the_engine_does_not_know_leaves_the_target_progressing(
    http: httpx.Client, mock: VoipbinMock, reason: str
) -> None:
    """eventhandle.go, EventHandleReferenceCallHungup returns on the error of
    calcCampaigncallResultByCallHangupReason before Done: the target stays progressing, so the
    available query never returns it again."""
    plan = _plan(http, [3, 0, 0, 0, 0])
    outdial_id, _ = _outdial(http, _target(name="A"))
    campaign = mock.campaign(
        plan["id"], outdial_id, start=START, outcome=lambda _: CallOutcome(reason, 10_000)
    )

    calls = campaign.run()

    assert len(calls) == 1
    after = _targets(http, outdial_id)["A"]
    assert (after["status"], after["try_count_0"]) == ("progressing", 1)
    assert campaign.stop_reason == "exhausted"


def test_an_empty_destination_is_dialed_refused_and_stops_the_campaign(
    http: httpx.Client, mock: VoipbinMock
) -> None:
    """bin-outdial-manager/pkg/dbhandler/outdialtarget.go, outdialTargetSelectAvailable counts a
    destination that is not null; bin-call-manager/pkg/callhandler/outgoing_call.go,
    CreateCallOutgoing refuses any type but sip or tel; execute.go, executeCall marks the
    campaigncall failed (the target is idle again, its count up) and Execute stops the
    campaign. Calls already live still hang up."""
    plan = _plan(http, [1, 1, 0, 0, 0])
    outdial_id, _ = _outdial(
        http,
        _target(address("+1001"), EMPTY, name="A"),
        _target(address("+2001"), name="B"),
    )
    campaign = mock.campaign(plan["id"], outdial_id, start=START, ring_time=10_000)

    calls = campaign.run()

    names = _names(http, outdial_id)
    assert [(*s, c.refused) for s, c in zip(_seen(calls, names), calls, strict=True)] == [
        ("A", 0, 1, 0 * S, False),
        ("B", 0, 1, HALF, False),
        ("A", 1, 1, 71 * S, True),  # A is due again at 10 s + 60 s
    ]
    assert campaign.stop_reason == "refused"
    after = _targets(http, outdial_id)
    assert (after["A"]["status"], _counts(after["A"])) == ("idle", [1, 1, 0, 0, 0])


def test_a_slot_left_out_is_stored_as_empty_and_dialed(
    http: httpx.Client, mock: VoipbinMock
) -> None:
    """bin-api-manager/server/outdials.go, PostOutdialsIdTargets passes every destination on, so
    a slot left out is stored as ``{}``, not null; outdialTargetSelectAvailable only skips null,
    so the engine dials it once its max is above 0, the call manager refuses it and the campaign
    stops (as in the test above)."""
    plan = _plan(http, [1, 1, 0, 0, 0])
    outdial_id, (made,) = _outdial(http, _target(address("+1001"), name="A"))
    assert made["destination_1"] == {}

    campaign = mock.campaign(plan["id"], outdial_id, start=START, ring_time=10_000)
    calls = campaign.run()

    assert [(c.index, c.try_number, c.address_target, c.refused) for c in calls] == [
        (0, 1, "+1001", False),
        (1, 1, "", True),
    ]
    assert campaign.stop_reason == "refused"


# --- when the campaign stops -------------------------------------------------------------------


def test_end_handle_stop_ends_the_campaign_as_soon_as_nobody_is_available(
    http: httpx.Client, mock: VoipbinMock
) -> None:
    """execute.go, Execute: no target from getTarget and ``EndHandle == stop``: updateExecuteStop.
    A target whose call is live is not available, so one call is all a lone target gets; the
    call still hangs up (status_stop.go, campaignStop waits for live calls)."""
    plan = _plan(http, [3, 0, 0, 0, 0])
    outdial_id, _ = _outdial(http, _target(name="A"))
    campaign = mock.campaign(plan["id"], outdial_id, start=START, end_handle="stop")

    calls = campaign.run()

    assert len(calls) == 1
    assert campaign.stop_reason == "no_target"
    assert _targets(http, outdial_id)["A"]["status"] == "idle"  # hung up after the stop


def test_end_handle_continue_polls_until_nothing_is_left(
    http: httpx.Client, mock: VoipbinMock
) -> None:
    """execute.go, Execute: no target and ``EndHandle`` not stop: run again in 5 s. The
    simulation ends once no target is available and no call is live."""
    plan = _plan(http, [3, 0, 0, 0, 0], try_interval=60_000)
    outdial_id, _ = _outdial(http, _target(name="A"))
    campaign = mock.campaign(plan["id"], outdial_id, start=START)

    calls = campaign.run()

    # Runs at 0.5 s + 5 s steps: the first at or after each hangup (60 s), then the first at
    # or after the target is due (hangup + 60 s).
    assert [c.at - START for c in calls] == [0 * S, 120 * S + HALF, 241 * S]
    assert campaign.stop_reason == "exhausted"
    assert campaign.live_calls == []


def test_until_places_no_call_after_it_and_live_calls_still_end(
    http: httpx.Client, mock: VoipbinMock
) -> None:
    plan = _plan(http, [4, 0, 0, 0, 0], try_interval=600_000)
    outdial_id, _ = _outdial(http, _target(name="a"), _target(name="b"))
    campaign = mock.campaign(plan["id"], outdial_id, start=START)

    calls = campaign.run(until=timedelta(minutes=15))

    assert [c.at - START for c in calls] == [0 * S, HALF, 661 * S, 661 * S + HALF]
    assert campaign.stop_reason == "until"
    assert {t["status"] for t in _targets(http, outdial_id).values()} == {"idle"}
    assert calls[-1].ended_at < campaign.now == START + timedelta(minutes=15)


def test_a_later_run_resumes_where_an_earlier_one_stopped(mock: VoipbinMock) -> None:
    with mock.client(headers=AUTH) as http:
        plan = _plan(http, [2, 0, 0, 0, 0], try_interval=600_000)
        outdial_id, _ = _outdial(http, _target(name="a"), _target(name="b"))
    first = mock.run_campaign(plan["id"], outdial_id, start=START, until=START + S)
    rest = mock.run_campaign(plan["id"], outdial_id)  # from the mock's clock, after the first
    assert [c.try_number for c in first] == [1, 1]
    assert [c.try_number for c in rest] == [2, 2]
    assert rest[0].at >= first[-1].ended_at + timedelta(minutes=10)


def test_until_before_the_start_and_nothing_to_dial(http: httpx.Client, mock: VoipbinMock) -> None:
    plan = _plan(http, [1, 0, 0, 0, 0])
    outdial_id, _ = _outdial(http, _target())
    assert mock.run_campaign(plan["id"], outdial_id, start=START, until=START - S) == []
    assert len(mock.run_campaign(plan["id"], outdial_id, start=START, until=START)) == 1
    assert mock.run_campaign(plan["id"], outdial_id) == []  # exhausted
    empty_id, _ = _outdial(http)
    assert mock.run_campaign(plan["id"], empty_id) == []


# --- what the API does meanwhile ---------------------------------------------------------------


def test_a_target_added_while_the_campaign_runs_is_dialed(mock: VoipbinMock) -> None:
    """outdialTargetSelectAvailable runs on every Execute: a target created meanwhile is seen."""
    with mock.client(headers=AUTH) as http:
        plan = _plan(http, [1, 0, 0, 0, 0])
        outdial_id, _ = _outdial(http, _target(name="first"))

        def answer(attempt: DialAttempt) -> bool:
            if attempt.address["target"] == address()["target"]:
                http.post(
                    f"/outdials/{outdial_id}/targets", json=_target(address("+9"), name="new")
                )
            return False

        calls = mock.run_campaign(plan["id"], outdial_id, answer=answer, start=START)
    assert [c.address_target for c in calls] == [address()["target"], "+9"]


def test_a_deleted_target_is_still_dialed_behind_the_others(mock: VoipbinMock) -> None:
    """bin-outdial-manager/pkg/dbhandler/outdialtarget.go, outdialTargetSelectAvailable looks
    at no ``tm_delete``; OutdialTargetDelete sets ``tm_update`` (so the target goes behind the
    others) and OutdialTargetUpdateProgressing/OutdialTargetUpdate match the id only."""
    with mock.client(headers=AUTH) as http:
        plan = _plan(http, [2, 0, 0, 0, 0], try_interval=60_000)
        outdial_id, (gone, keep) = _outdial(http, _target(name="gone"), _target(name="keep"))
        other_id, (foreign,) = _outdial(http, _target(name="foreign"))
        deleted_at: list[str] = []

        def answer(attempt: DialAttempt) -> bool:
            if str(attempt.target_id) == gone["id"] and not deleted_at:
                url = f"/outdials/{outdial_id}/targets/{gone['id']}"
                deleted_at.append(http.delete(url).json()["tm_delete"])
            return False

        calls = mock.run_campaign(plan["id"], outdial_id, answer=answer, start=START)
        assert _counts(http.get(f"/outdials/{other_id}/targets/{foreign['id']}").json())[0] == 0
        after = http.get(f"/outdials/{outdial_id}/targets/{gone['id']}").json()
    assert [str(c.target_id) for c in calls] == [gone["id"], keep["id"], gone["id"], keep["id"]]
    assert (after["tm_delete"], after["try_count_0"], after["status"]) == (deleted_at[0], 2, "idle")


def test_a_deleted_target_waits_behind_one_updated_before_its_delete(mock: VoipbinMock) -> None:
    """OutdialTargetDelete sets ``tm_update`` to the delete's time; the engine's order is
    ``tm_update`` ascending (outdialTargetSelectAvailable), deleted or not."""
    with mock.client(headers=AUTH) as http:
        plan = _plan(http, [1, 0, 0, 0, 0])
        outdial_id, (first, second) = _outdial(http, _target(name="first"), _target(name="second"))
        http.delete(f"/outdials/{outdial_id}/targets/{first['id']}")
        calls = mock.run_campaign(plan["id"], outdial_id, start=START)
    assert [str(c.target_id) for c in calls] == [second["id"], first["id"]]


def test_a_raised_max_is_seen_by_the_next_run(mock: VoipbinMock) -> None:
    """execute.go, Execute reads the outplan on every run."""
    with mock.client(headers=AUTH) as http:
        plan = _plan(http, [1, 0, 0, 0, 0], try_interval=60_000)
        outdial_id, _ = _outdial(http, _target(name="a"))

        def answer(attempt: DialAttempt) -> bool:
            info = {k: plan[k] for k in ("source", "dial_timeout", "try_interval")}
            info |= {f"max_try_count_{i}": 2 if i == 0 else 0 for i in range(5)}
            http.put(f"/outplans/{plan['id']}/dial_info", json=info)
            return False

        calls = mock.run_campaign(plan["id"], outdial_id, answer=answer, start=START)
    assert [c.try_number for c in calls] == [1, 2]


@pytest.mark.parametrize("deleted", ["outplan", "outdial"])
def test_deleting_the_outplan_or_the_outdial_does_not_stop_a_running_campaign(
    mock: VoipbinMock, deleted: str
) -> None:
    """execute.go, Execute reads the outplan by id alone (outplanHandler.Get, OutplanGet) and
    asks for available targets by outdial id (getTarget); neither looks at ``tm_delete``."""
    with mock.client(headers=AUTH) as http:
        plan = _plan(http, [2, 0, 0, 0, 0], try_interval=60_000)
        outdial_id, _ = _outdial(http, _target(name="a"), _target(name="b"))
        url = f"/outplans/{plan['id']}" if deleted == "outplan" else f"/outdials/{outdial_id}"
        campaign = mock.campaign(
            plan["id"],
            outdial_id,
            start=START,
            answer=lambda _: bool(http.delete(url)) and False,
        )
        calls = campaign.run()
        assert http.get(url).json()["tm_delete"] is not None
    assert [c.try_number for c in calls] == [1, 1, 2, 2]
    assert campaign.stop_reason == "exhausted"


def test_a_reset_mock_stops_a_running_campaign(mock: VoipbinMock) -> None:
    """execute.go, Execute: an outplan it cannot get stops the campaign (updateExecuteStop)."""
    with mock.client(headers=AUTH) as http:
        plan = _plan(http, [2, 0, 0, 0, 0])
        outdial_id, _ = _outdial(http, _target(name="a"), _target(name="b"))

        def answer(attempt: DialAttempt) -> bool:
            mock.reset()
            return False

        campaign = mock.campaign(plan["id"], outdial_id, start=START, answer=answer)
        calls = campaign.run()
    assert len(calls) == 1
    assert campaign.stop_reason == "not_found"


# --- the records and the options ---------------------------------------------------------------


def test_call_records_hold_ids_as_the_models_do(mock: VoipbinMock) -> None:
    with mock.client() as http, VoipbinClient(token="t", http_client=http) as client:
        plan = client.outplans.create(
            name="p",
            detail="d",
            source={"type": "tel", "target": "+15550100"},
            dial_timeout=30_000,
            try_interval=60_000,
            max_try_counts=(1, 0, 0, 0, 0),
        )
        outdial = client.outdials.create(campaign_id=uuid.uuid4(), name="o", detail="d", data="x")
        target = client.outdialtargets.create(
            outdial.id,
            name="Ada",
            detail="d",
            data="x",
            destinations=[{"type": "tel", "target": "+15550101"}],
        )
        (call,) = mock.run_campaign(plan.id, outdial.id)
    assert call.target_id == target.id
    assert type(call.target_id) is uuid.UUID
    with pytest.raises(AttributeError):
        call.hangup_reason = "normal"  # type: ignore[misc]


def test_every_call_is_counted_once(http: httpx.Client, mock: VoipbinMock) -> None:
    plan = _plan(http, [3, 2, 1, 0, 0], try_interval=30_000)
    outdial_id, _ = _outdial(
        http,
        *(
            _target(address(f"+1{n}"), address(f"+2{n}"), address(f"+3{n}"), name=f"t{n}")
            for n in range(40)
        ),
    )

    calls = mock.run_campaign(plan["id"], outdial_id, answer=0.3, seed=3, start=START)

    after = _targets(http, outdial_id).values()
    assert sum(sum(_counts(t)) for t in after) == len(calls)
    assert sum(t["status"] == "done" for t in after) == sum(c.success for c in calls)
    assert {t["status"] for t in after} <= {"done", "idle"}
    assert all(b.at - a.at >= HALF for a, b in itertools.pairwise(calls))


def _signature(seed: int) -> list[tuple[Any, ...]]:
    mock = VoipbinMock(clock=StepClock())
    with mock.client(headers=AUTH) as http:
        plan = _plan(http, [3, 2, 0, 0, 0])
        outdial_id, _ = _outdial(
            http, *(_target(address(f"+1{i}"), address(f"+2{i}"), name=f"t{i}") for i in range(6))
        )
        names = _names(http, outdial_id)
    calls = mock.run_campaign(plan["id"], outdial_id, answer=0.4, seed=seed, start=START)
    return [(names[str(c.target_id)], c.index, c.try_number, c.answered, c.at) for c in calls]


def test_a_seeded_probability_is_deterministic() -> None:
    first = _signature(seed=7)
    assert first == _signature(seed=7)
    assert first != _signature(seed=8)
    answered = [s for s in first if s[3]]
    assert 0 < len(answered) < len(first)
    assert len(answered) <= 6  # an answered target is done


def test_talk_time_and_ring_time_set_how_long_calls_last(
    http: httpx.Client, mock: VoipbinMock
) -> None:
    plan = _plan(http, [1, 0, 0, 0, 0])
    outdial_id, _ = _outdial(http, _target(name="a"), _target(name="b"))
    picks = iter([True, False])
    calls = mock.run_campaign(
        plan["id"],
        outdial_id,
        start=START,
        answer=lambda _: next(picks),
        talk_time=timedelta(minutes=2),
        ring_time=25_000,
    )
    assert [(c.hangup_reason, c.ended_at - c.at) for c in calls] == [
        ("normal", timedelta(minutes=2)),
        ("noanswer", 25 * S),
    ]


def test_the_mock_clock_moves_on_past_the_campaign(http: httpx.Client, mock: VoipbinMock) -> None:
    plan = _plan(http, [2, 0, 0, 0, 0])
    outdial_id, _ = _outdial(http, _target())
    calls = mock.run_campaign(plan["id"], outdial_id, start=START + timedelta(days=3))
    later = http.post(
        "/outdials",
        json={"campaign_id": str(uuid.uuid4()), "name": "n", "detail": "d", "data": "x"},
    )
    assert parse_timestamp(later.json()["tm_create"]) > calls[-1].ended_at  # type: ignore[operator]


def test_the_default_start_is_the_mocks_current_time(http: httpx.Client, mock: VoipbinMock) -> None:
    plan = _plan(http, [1, 0, 0, 0, 0])
    outdial_id, (target,) = _outdial(http, _target())
    (call,) = mock.run_campaign(plan["id"], outdial_id)
    assert call.at > parse_timestamp(target["tm_create"])  # type: ignore[operator]
    assert call.at < T0 + timedelta(minutes=1)


@pytest.mark.parametrize("missing", ["outplan", "outdial"])
def test_a_missing_or_deleted_outplan_or_outdial_raises(
    http: httpx.Client, mock: VoipbinMock, missing: str
) -> None:
    plan = _plan(http, [1, 0, 0, 0, 0])
    outdial_id, _ = _outdial(http, _target())
    http.delete(f"/{missing}s/{plan['id'] if missing == 'outplan' else outdial_id}")
    with pytest.raises(ResourceNotFoundError, match=missing):
        mock.run_campaign(plan["id"], outdial_id)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        pytest.param({"answer": -0.1}, "probability", id="answer-negative"),
        pytest.param({"answer": 1.5}, "probability", id="answer-above-1"),
        pytest.param({"answer": "yes"}, "probability", id="answer-text"),
        pytest.param({"end_handle": "pause"}, "end_handle", id="end-handle"),
        pytest.param({"talk_time": timedelta(seconds=-1)}, "negative", id="talk-time"),
        pytest.param({"ring_time": -5}, "negative", id="ring-time"),
        pytest.param({"outcome": "normal"}, "outcome", id="outcome"),
    ],
)
def test_bad_options_are_refused(mock: VoipbinMock, options: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        mock.run_campaign("x", "y", **options)
