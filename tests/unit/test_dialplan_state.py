"""voipbin_outdial.dialplan: how a call changes its target (apply_*), and schedule().

The engine changes a target twice a call: when the call starts and when it hangs up. Tests of
those rules cite, in their docstring, where they are in VoIPBIN's Go code (``voipbin/monorepo``).
Written times are compared as instants (``parse_timestamp``), whatever form
``timeutil.format_timestamp`` writes.
"""

from __future__ import annotations

import copy
from datetime import UTC, datetime, timedelta, timezone
from typing import Any
from uuid import UUID

import attrs
import pytest
from dialplan_support import (
    MINUTE,
    SHAPES,
    T0,
    address,
    brief,
    make_outplan,
    make_target,
    shaped,
    shaped_plan,
    slots,
    target_uuid,
)

from voipbin_outdial.dialplan import (
    RING_TIME,
    DialAttempt,
    apply_call_start,
    apply_hangup,
    apply_result,
    dial_order,
    is_available,
    next_attempt,
    next_dial_time,
    remaining_attempts,
    schedule,
)
from voipbin_outdial.models import Outdialtarget, OutdialtargetStatus, Outplan
from voipbin_outdial.timeutil import format_timestamp, parse_timestamp

STARTED = datetime(2022, 4, 30, 18, 29, 0, 123456, tzinfo=UTC)
ENDED = datetime(2022, 4, 30, 18, 30, 0, 123456, tzinfo=UTC)
TRIED = {"tm_update": "2022-04-30T18:00:00Z", "try_count_0": 1}
READY = datetime(2022, 4, 30, 18, 1, tzinfo=UTC)


def first_attempt(target: Any, outplan: Any = None) -> DialAttempt:
    attempt = next_attempt(target, outplan if outplan is not None else make_outplan())
    assert attempt is not None
    return attempt


def counts(target: Any) -> list[int]:
    if isinstance(target, dict):
        return [target[f"try_count_{i}"] for i in range(5)]
    return [getattr(target, f"try_count_{i}") for i in range(5)]


# --- the call starts ---------------------------------------------------------------------------


@pytest.mark.parametrize("shape", SHAPES)
def test_a_call_start_counts_the_try_and_makes_the_target_progressing(shape: str) -> None:
    """bin-campaign-manager/pkg/campaigncallhandler/campaigncall.go, Create (before the call is
    placed) calls OutdialV1OutdialtargetUpdateStatusProgressing; bin-outdial-manager/pkg/
    dbhandler/outdialtarget.go, OutdialTargetUpdateProgressing: ``try_count_N = try_count_N +
    1, status = progressing, tm_update = now``."""
    target = shaped(shape, make_target(**slots("AB...", (2, 1, 0, 0, 0))[0]))
    before = copy.deepcopy(target)

    started = apply_call_start(target, first_attempt(target), STARTED)

    assert target == before  # not changed
    assert counts(started) == [2, 2, 0, 0, 0]
    status = started["status"] if shape == "dict" else started.status
    assert status == "progressing"
    tm_update = started["tm_update"] if shape == "dict" else started.tm_update
    assert parse_timestamp(tm_update) == STARTED
    assert not is_available(started, make_outplan())  # live: the query leaves it out


HANGUP_ROWS = [
    pytest.param("normal", "done", id="normal-is-a-success"),
    *(
        pytest.param(reason, "idle", id=f"{reason}-is-a-failure")
        for reason in ("failed", "busy", "cancel", "timeout", "noanswer", "dialout", "amd")
    ),
]


@pytest.mark.parametrize(("reason", "status"), HANGUP_ROWS)
def test_the_hangup_reason_decides_done_or_idle(reason: str, status: str) -> None:
    """bin-campaign-manager/pkg/campaigncallhandler/eventhandle.go,
    calcCampaigncallResultByCallHangupReason (normal: success, the seven others: fail) and
    status.go, calcDialtargetStatus (success: done, fail: idle), written by Done with
    tm_update = the hangup. ``timeout`` and ``amd`` end answered calls: not a success."""
    started = apply_call_start(make_target(), first_attempt(make_target()), STARTED)

    ended = apply_hangup(started, reason, ENDED)

    assert ended["status"] == status
    assert parse_timestamp(ended["tm_update"]) == ENDED
    assert counts(ended) == [1, 0, 0, 0, 0]  # counted at the start, not again


@pytest.mark.parametrize("reason", ["", "hangup", "NORMAL"])
def test_a_hangup_reason_the_engine_does_not_know_leaves_the_target_progressing(
    reason: str,
) -> None:
    """eventhandle.go, calcCampaigncallResultByCallHangupReason returns an error for a reason
    not in its table (HangupReasonNone "" included); EventHandleReferenceCallHungup then
    returns before Done, so the target keeps ``progressing`` and the start's tm_update."""
    started = apply_call_start(make_target(), first_attempt(make_target()), STARTED)
    assert apply_hangup(started, reason, ENDED) == started


@pytest.mark.parametrize("status", ["idle", "done"])
def test_only_a_call_in_progress_hangs_up(status: str) -> None:
    with pytest.raises(ValueError, match="'status' is"):
        apply_hangup(make_target(status=status), "normal", ENDED)


def test_a_hangup_reason_must_be_text() -> None:
    started = apply_call_start(make_target(), first_attempt(make_target()), STARTED)
    with pytest.raises(ValueError, match="hangup_reason"):
        apply_hangup(started, True, ENDED)  # type: ignore[call-overload]


# --- apply_result: both at once ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("outcome", "status"),
    [
        pytest.param(False, "idle", id="false-is-a-failure"),
        pytest.param(True, "done", id="true-is-a-success"),
        pytest.param("amd", "idle", id="answered-not-a-success"),
        pytest.param("normal", "done", id="normal"),
    ],
)
def test_apply_result_on_a_dict(outcome: bool | str, status: str) -> None:
    target = make_target(**slots("AB...", (2, 1, 0, 0, 0))[0], extra_field={"kept": [1]})
    before = copy.deepcopy(target)

    updated = apply_result(target, first_attempt(target), outcome, ENDED)

    assert target == before  # not mutated
    assert type(updated) is dict
    assert parse_timestamp(updated["tm_update"]) == ENDED
    assert updated == {
        **before,
        "try_count_1": 2,
        "status": status,
        "tm_update": updated["tm_update"],
    }


@pytest.mark.parametrize(
    ("outcome", "status"),
    [(False, OutdialtargetStatus.IDLE), (True, OutdialtargetStatus.DONE)],
)
def test_apply_result_on_a_model(outcome: bool, status: OutdialtargetStatus) -> None:
    model = Outdialtarget.from_dict(make_target(try_count_0=1, campaign_id="kept"))
    before = copy.deepcopy(model)

    updated = apply_result(model, first_attempt(model), outcome, ENDED)

    assert model == before  # not mutated
    assert type(updated) is Outdialtarget
    assert updated.status is status
    assert updated.try_count_0 == 2
    assert parse_timestamp(updated.tm_update) == ENDED
    assert updated.additional_properties == {"campaign_id": "kept"}
    assert updated.additional_properties is not model.additional_properties
    assert updated.to_dict()["status"] == status.value


@pytest.mark.parametrize(
    "at",
    [
        pytest.param(ENDED, id="utc"),
        pytest.param(ENDED.astimezone(timezone(timedelta(hours=9))), id="kst"),
        pytest.param(ENDED.replace(tzinfo=None), id="naive-is-utc"),
    ],
)
def test_apply_result_writes_tm_update_with_format_timestamp(at: datetime) -> None:
    updated = apply_result(make_target(), first_attempt(make_target()), False, at)
    assert updated["tm_update"] == format_timestamp(ENDED)


def test_a_failed_call_waits_try_interval_from_its_hangup() -> None:
    """bin-campaign-manager/pkg/campaignhandler/execute.go, isDialableTarget: tm_update (the
    hangup, written by Done) + try_interval."""
    outplan = make_outplan()
    target = make_target()
    updated = apply_result(target, first_attempt(target), False, ENDED, outplan=outplan)
    assert next_dial_time(updated, outplan) == ENDED + MINUTE
    assert brief(next_attempt(updated, outplan)) == (0, 2, address(0)["target"])
    assert not is_available(apply_result(target, first_attempt(target), True, ENDED), outplan)


@pytest.mark.parametrize("shape", SHAPES)
def test_apply_result_takes_a_scheduled_attempt(shape: str) -> None:
    target = shaped(shape, make_target(**TRIED, destination_1=address(1)))
    outplan = shaped_plan(shape, make_outplan())
    (entry,) = dial_order([target], outplan, T0)

    updated = apply_result(target, entry, False, ENDED, outplan=outplan)

    assert updated == apply_result(target, entry.attempt, False, ENDED, outplan=outplan)
    assert brief(next_attempt(updated, outplan)) == (1, 1, address(1)["target"])
    with pytest.raises(ValueError, match="'try_number'"):
        apply_result(updated, entry, False, ENDED)  # already applied
    first = schedule(target, outplan, ENDED + MINUTE)[0]  # its time is not used
    assert apply_result(target, first, False, ENDED) == updated


def good_attempt(**changes: Any) -> DialAttempt:
    return attrs.evolve(DialAttempt(UUID(target_uuid(1)), 0, address(0), 1), **changes)


@pytest.mark.parametrize(
    ("target_overrides", "attempt", "outplan", "field"),
    [
        pytest.param({}, good_attempt(target_id=target_uuid(2)), None, "'target_id'", id="id"),
        pytest.param({}, good_attempt(index=5), None, "'index'", id="index-5"),
        pytest.param({}, good_attempt(index=-1), None, "'index'", id="index-negative"),
        pytest.param({}, good_attempt(try_number=2), None, "'try_number'", id="try-number"),
        pytest.param({}, good_attempt(index=1), None, "'destination_1'", id="null-destination"),
        pytest.param({"status": "done"}, good_attempt(), None, "'status'", id="done"),
        pytest.param({"status": "progressing"}, good_attempt(), None, "'status'", id="live"),
        pytest.param({"try_count_0": 1.0}, good_attempt(), None, "'try_count_0'", id="bad-count"),
        pytest.param(
            {"destination_1": address(1)},
            good_attempt(index=1, address=address(1)),
            make_outplan(),
            "next attempt",
            id="not-next-with-outplan",
        ),
    ],
)
def test_a_call_start_refuses_an_attempt_that_does_not_fit(
    target_overrides: dict[str, Any],
    attempt: DialAttempt,
    outplan: dict[str, Any] | None,
    field: str,
) -> None:
    target = make_target(**target_overrides)
    with pytest.raises(ValueError, match=field):
        apply_call_start(target, attempt, STARTED, outplan=outplan)
    with pytest.raises(ValueError, match=field):
        apply_result(target, attempt, False, ENDED, outplan=outplan)


def test_apply_result_needs_a_dial_attempt_and_an_outcome() -> None:
    with pytest.raises(TypeError, match="a DialAttempt or a ScheduledAttempt, not tuple"):
        apply_result(make_target(), (target_uuid(1), 0), False, ENDED)  # type: ignore[call-overload]
    with pytest.raises(ValueError, match="outcome"):
        apply_result(make_target(), good_attempt(), None, ENDED)  # type: ignore[call-overload]


# --- schedule ----------------------------------------------------------------------------------

STEP = RING_TIME + MINUTE  # the engine's ring time + try_interval


@pytest.mark.parametrize(
    ("overrides", "start", "first"),
    [
        pytest.param({}, T0 - timedelta(days=1), T0, id="start-before-create"),
        pytest.param({}, T0 + timedelta(hours=1), T0 + timedelta(hours=1), id="start-later"),
        pytest.param(TRIED, T0, READY, id="tried-waits-interval"),
        pytest.param(TRIED, READY.replace(tzinfo=None) + MINUTE, READY + MINUTE, id="naive-start"),
    ],
)
@pytest.mark.parametrize("shape", SHAPES)
def test_schedule_worst_case(
    shape: str, overrides: dict[str, Any], start: datetime, first: datetime
) -> None:
    """An unanswered call rings 60 s: bin-call-manager/pkg/callhandler/start.go,
    startContextOutgoingCall dials with defaultDialTimeout (callhandler/main.go); the outplan's
    dial_timeout is not passed (bin-campaign-manager/.../execute.go, executeCall)."""
    target_over, plan_over = slots(
        "ABC..", (overrides.get("try_count_0", 0), 0, 0, 0, 0), (2, 0, 2, 1, 1)
    )
    target = shaped(shape, make_target(**{**overrides, **target_over}))
    outplan = shaped_plan(shape, make_outplan(**plan_over, dial_timeout=5000))

    planned = schedule(target, outplan, start)

    assert [entry.attempt for entry in planned] == remaining_attempts(target, outplan)
    assert [entry.at for entry in planned] == [first + n * STEP for n in range(len(planned))]
    assert len(planned) == 4 - overrides.get("try_count_0", 0)


@pytest.mark.parametrize("ring_time", [30_000, timedelta(seconds=30)])
def test_schedule_takes_another_ring_time(ring_time: int | timedelta) -> None:
    planned = schedule(make_target(), make_outplan(), T0, ring_time=ring_time)
    assert [e.at for e in planned] == [T0, T0 + timedelta(seconds=30) + MINUTE]


@pytest.mark.parametrize(
    "overrides", [{"status": "progressing"}, {"status": "done"}, {"try_count_0": 2}]
)
def test_schedule_of_a_target_that_is_not_available_is_empty(overrides: dict[str, Any]) -> None:
    assert schedule(make_target(**overrides), make_outplan(), T0) == []


def test_schedule_of_a_model_uses_its_id_and_addresses() -> None:
    model = Outdialtarget.from_dict(make_target())
    planned = schedule(model, Outplan.from_dict(make_outplan()), T0)
    assert [e.target_id for e in planned] == [model.id, model.id]
    assert all(e.address is model.destination_0 for e in planned)
