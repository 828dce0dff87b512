"""voipbin_outdial.dialplan: which destination VoIPBIN's engine dials next, and when.

Table-driven (tenacity's style): ``make_target`` / ``make_outplan`` and rows of what changes. Most
tests run on dicts and on the models built from them (``shape``). A test of one of the engine's
rules says in its docstring where the rule is in VoIPBIN's Go code (``voipbin/monorepo``).
"""

from __future__ import annotations

import copy
import enum
import types
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from typing import Any
from uuid import UUID

import attrs
import pytest
from dialplan_support import (
    HALF_SECOND,
    MINUTE,
    SHAPES,
    T0,
    address,
    brief,
    make_outplan,
    make_target,
    rfc3339,
    shaped,
    shaped_plan,
    slots,
    spaced,
    target_uuid,
    tried_at,
)

from voipbin_outdial.dialplan import (
    DialAttempt,
    ScheduledAttempt,
    TargetLike,
    dial_order,
    is_available,
    is_dialable,
    next_attempt,
    next_dial_time,
    remaining_attempts,
)
from voipbin_outdial.dialplan.engine import candidate, read_plan, read_target
from voipbin_outdial.models import UNSET, Address, Outdialtarget, Outplan
from voipbin_outdial.timeutil import EPOCH, NEVER

# --- which slot: next_attempt ------------------------------------------------------------------

NEXT_ATTEMPT_ROWS = [
    # dests ("A" address, "." null, "{" {}), counts, maxes -> (index, try_number) or None
    pytest.param("A....", (0, 0, 0, 0, 0), (2, 2, 2, 2, 2), (0, 1), id="fresh"),
    pytest.param("A....", (1, 0, 0, 0, 0), (2, 2, 2, 2, 2), (0, 2), id="second-try"),
    pytest.param("AB...", (2, 0, 0, 0, 0), (2, 2, 2, 2, 2), (1, 1), id="first-exhausted"),
    pytest.param(".B...", (0, 0, 0, 0, 0), (2, 2, 2, 2, 2), (1, 1), id="null-destination-0"),
    pytest.param("AB...", (0, 0, 0, 0, 0), (0, 2, 2, 2, 2), (1, 1), id="max-0-skips-slot"),
    pytest.param("A.C..", (2, 0, 0, 0, 0), (2, 2, 1, 2, 2), (2, 1), id="skips-null-middle"),
    pytest.param("....E", (0, 0, 0, 0, 0), (2, 2, 2, 2, 2), (4, 1), id="last-slot-only"),
    pytest.param("ABCDE", (2, 2, 2, 2, 1), (2, 2, 2, 2, 2), (4, 2), id="last-try-left"),
    pytest.param("ABC..", (1, 0, 0, 0, 0), (2, 0, 1, 2, 2), (0, 2), id="issue-example"),
    pytest.param("{B...", (0, 0, 0, 0, 0), (1, 1, 0, 0, 0), (0, 1), id="empty-object-is-dialed"),
    pytest.param("A{...", (1, 0, 0, 0, 0), (1, 1, 0, 0, 0), (1, 1), id="empty-object-next"),
    pytest.param("AB...", (5, 0, 0, 0, 0), (3, 2, 2, 2, 2), (1, 1), id="count-above-max-skips"),
    pytest.param("AB...", (3, 2, 0, 0, 0), (3, 2, 2, 2, 2), None, id="counts-at-max"),
    pytest.param("ABCDE", (2, 2, 2, 2, 2), (2, 2, 2, 2, 2), None, id="all-exhausted"),
    pytest.param(".....", (0, 0, 0, 0, 0), (2, 2, 2, 2, 2), None, id="no-destinations"),
    pytest.param("ABCDE", (0, 0, 0, 0, 0), (0, 0, 0, 0, 0), None, id="all-max-0"),
]


@pytest.mark.parametrize(("dests", "counts", "maxes", "expected"), NEXT_ATTEMPT_ROWS)
@pytest.mark.parametrize("shape", SHAPES)
def test_next_attempt_takes_the_first_slot_with_a_destination_and_a_try_left(
    shape: str,
    dests: str,
    counts: tuple[int, ...],
    maxes: tuple[int, ...],
    expected: tuple[int, int] | None,
) -> None:
    """bin-campaign-manager/pkg/campaignhandler/execute.go, getTargetDestination: the first
    slot whose destination is not nil and whose try count is below its max (``>=`` skips it).
    ``{}`` is not nil (bin-outdial-manager/pkg/dbhandler/outdialtarget.go,
    outdialTargetSelectAvailable tests ``destination_N is null`` only)."""
    target_over, plan_over = slots(dests, counts, maxes)
    target = shaped(shape, make_target(**target_over))
    outplan = shaped_plan(shape, make_outplan(**plan_over))

    attempt = next_attempt(target, outplan)

    if expected is None:
        assert attempt is None
        return
    assert attempt is not None
    assert (attempt.index, attempt.try_number) == expected
    field = f"destination_{attempt.index}"
    given = getattr(target, field) if shape == "model" else target[field]
    assert attempt.address is given  # the destination object as the target holds it
    assert attempt.target_id == UUID(target_uuid(1))


def test_a_count_above_a_lowered_max_is_skipped_by_every_function_alike() -> None:
    """execute.go, getTargetDestination (``tryCounts[i] >= maxTryCount``: continue) and the
    ``try_count_N < ?`` of outdialTargetSelectAvailable: PUT dial_info may lower a max below
    counts already made; the slot is skipped, not an error. (This used to be refused by
    next_attempt and skipped by dial_order.)"""
    target = make_target(try_count_0=3, destination_1=address(1))
    lowered = make_outplan(max_try_count_0=1, max_try_count_1=1)

    assert brief(next_attempt(target, lowered)) == (1, 1, address(1)["target"])
    assert [(a.index, a.try_number) for a in remaining_attempts(target, lowered)] == [(1, 1)]
    assert is_available(target, lowered)
    (entry,) = dial_order([target], lowered)
    assert entry.attempt == next_attempt(target, lowered)
    exhausted = make_outplan(max_try_count_0=1, max_try_count_1=0)
    assert next_attempt(target, exhausted) is None
    assert dial_order([target], exhausted) == []


def test_next_attempt_ignores_status() -> None:
    # The rule is about slots; is_available adds the status.
    done = make_target(status="done")
    assert brief(next_attempt(done, make_outplan())) == (0, 1, address(0)["target"])


@pytest.mark.parametrize("shape", SHAPES)
def test_absent_destinations_are_null(shape: str) -> None:
    # A target built without destination_1..3 (UNSET on the model, missing keys in the dict).
    target = make_target(destination_0=None, destination_4=address(4))
    for i in (1, 2, 3):
        del target[f"destination_{i}"]
    model = Outdialtarget.from_dict(target)
    assert model.destination_2 is UNSET

    chosen = model if shape == "model" else target
    assert brief(next_attempt(chosen, make_outplan())) == (4, 1, address(4)["target"])
    assert [a.index for a in remaining_attempts(chosen, make_outplan())] == [4, 4]
    (entry,) = dial_order([chosen], make_outplan())
    assert brief(entry) == (4, 1, address(4)["target"])


# --- remaining_attempts ------------------------------------------------------------------------

REMAINING_ROWS = [
    pytest.param("ABC..", (1, 0, 0, 0, 0), (2, 0, 1, 2, 2), [(0, 2), (2, 1)], id="issue-example"),
    pytest.param(
        "AB...", (0, 0, 0, 0, 0), (2, 2, 2, 2, 2), [(0, 1), (0, 2), (1, 1), (1, 2)], id="two"
    ),
    pytest.param(".B.D.", (0, 1, 0, 0, 0), (9, 3, 9, 1, 9), [(1, 2), (1, 3), (3, 1)], id="gaps"),
    pytest.param("A{...", (0, 0, 0, 0, 0), (1, 1, 0, 0, 0), [(0, 1), (1, 1)], id="empty-object"),
    pytest.param("AB...", (4, 0, 0, 0, 0), (2, 1, 0, 0, 0), [(1, 1)], id="count-above-max"),
    pytest.param("A....", (2, 0, 0, 0, 0), (2, 2, 2, 2, 2), [], id="exhausted"),
    pytest.param(".....", (0, 0, 0, 0, 0), (2, 2, 2, 2, 2), [], id="no-destinations"),
]


@pytest.mark.parametrize(("dests", "counts", "maxes", "expected"), REMAINING_ROWS)
@pytest.mark.parametrize("shape", SHAPES)
def test_remaining_attempts(
    shape: str,
    dests: str,
    counts: tuple[int, ...],
    maxes: tuple[int, ...],
    expected: list[tuple[int, int]],
) -> None:
    target_over, plan_over = slots(dests, counts, maxes)
    target = shaped(shape, make_target(**target_over))
    outplan = shaped_plan(shape, make_outplan(**plan_over))

    attempts = remaining_attempts(target, outplan)

    assert [(a.index, a.try_number) for a in attempts] == expected
    assert {a.target_id for a in attempts} <= {UUID(target_uuid(1))}
    if expected:
        assert attempts[0] == next_attempt(target, outplan)


# --- is_available ------------------------------------------------------------------------------

AVAILABLE_ROWS = [
    pytest.param({}, True, id="idle-fresh"),
    pytest.param({"try_count_0": 1}, True, id="idle-one-left"),
    pytest.param({"status": "progressing"}, False, id="progressing"),
    pytest.param({"status": "done"}, False, id="done"),
    pytest.param({"status": "paused"}, False, id="unknown-status"),
    pytest.param({"try_count_0": 2}, False, id="idle-exhausted"),
    pytest.param({"destination_0": None}, False, id="idle-no-destination"),
    pytest.param({"destination_0": {}}, True, id="idle-empty-object"),
    pytest.param({"destination_0": None, "destination_3": address(3)}, True, id="idle-slot-3"),
]


@pytest.mark.parametrize(("overrides", "available"), AVAILABLE_ROWS)
@pytest.mark.parametrize("shape", SHAPES)
def test_is_available(shape: str, overrides: dict[str, Any], available: bool) -> None:
    """bin-outdial-manager/pkg/dbhandler/outdialtarget.go, outdialTargetSelectAvailable:
    ``status = "idle"`` and at least one ``des_N`` (a non-null destination under its max)."""
    target = shaped(shape, make_target(**overrides))
    outplan = shaped_plan(shape, make_outplan())

    assert is_available(target, outplan) is available
    assert (next_dial_time(target, outplan) is not None) is available
    assert (len(dial_order([target], outplan)) == 1) is available


def test_a_target_that_is_not_idle_is_not_read_further() -> None:
    # Its counts are not checked: the available query leaves it out first.
    done = make_target(status="done", try_count_0=1.5, tm_update="half past")
    assert is_available(done, make_outplan()) is False
    assert dial_order([done], make_outplan()) == []


# --- when: next_dial_time, is_dialable ---------------------------------------------------------

TRIED = {"tm_update": "2022-04-30T18:00:00Z", "try_count_0": 1}
READY = datetime(2022, 4, 30, 18, 1, tzinfo=UTC)  # TRIED's tm_update + try_interval

DIAL_TIME_ROWS = [
    # never tried: dialable at once, reported as tm_create
    pytest.param({}, T0, id="never-equal-to-create"),
    pytest.param({"tm_update": spaced(T0)}, T0, id="never-equal-other-form"),
    pytest.param({"tm_update": None}, T0, id="never-null"),
    pytest.param({"tm_update": ""}, T0, id="never-empty"),
    pytest.param({"tm_update": NEVER}, T0, id="never-sentinel"),
    pytest.param({"tm_update": "9999-12-31T23:59:59Z"}, T0, id="never-any-9999"),
    pytest.param({"tm_update": None, "tm_create": None}, EPOCH, id="never-unknown-create"),
    pytest.param({"tm_update": NEVER, "tm_create": NEVER}, EPOCH, id="never-sentinel-create"),
    pytest.param(
        {"tm_create": "2022-04-30T19:52:16.484341+02:00", "tm_update": spaced(T0)},
        T0,
        id="never-create-with-offset",
    ),
    # tried: tm_update + try_interval
    pytest.param(TRIED, READY, id="tried-z"),
    pytest.param({**TRIED, "tm_update": "2022-04-30 18:00:00.000000"}, READY, id="tried-spaced"),
    pytest.param({**TRIED, "tm_update": "2022-05-01T03:00:00+09:00"}, READY, id="tried-offset"),
    pytest.param({**TRIED, "tm_update": "2022-04-30 18:00:00"}, READY, id="tried-no-fraction"),
    pytest.param(
        {**TRIED, "tm_update": "2022-04-30T18:00:00.5Z"},
        READY + HALF_SECOND,
        id="tried-trimmed-fraction",
    ),
    pytest.param({**TRIED, "tm_create": None}, READY, id="tried-unknown-create"),
]


@pytest.mark.parametrize(("overrides", "expected"), DIAL_TIME_ROWS)
@pytest.mark.parametrize("shape", SHAPES)
def test_next_dial_time(shape: str, overrides: dict[str, Any], expected: datetime) -> None:
    """bin-campaign-manager/pkg/campaignhandler/execute.go, isDialableTarget: a target never
    tried (tm_create equal to tm_update) is dialable at once, any other from tm_update +
    try_interval. VoIPBIN creates targets with tm_update = tm_create
    (bin-outdial-manager/pkg/outdialtargethandler/outdialtarget.go, Create); a null or 9999
    tm_update, from older documents, is read as tm_create."""
    target = shaped(shape, make_target(**overrides))
    at = next_dial_time(target, shaped_plan(shape, make_outplan()))
    assert at == expected
    assert at is not None
    assert at.tzinfo is UTC


@pytest.mark.parametrize(
    ("overrides", "now", "dialable"),
    [
        pytest.param({}, T0, True, id="never-tried-now"),
        pytest.param(TRIED, READY - timedelta(microseconds=1), False, id="tried-too-early"),
        pytest.param(TRIED, READY, True, id="tried-exactly-ready"),
        pytest.param(TRIED, READY.astimezone(timezone(timedelta(hours=9))), True, id="aware-kst"),
        pytest.param(TRIED, READY.replace(tzinfo=None), True, id="naive-now-is-utc"),
        pytest.param({"status": "done"}, READY, False, id="not-available"),
    ],
)
@pytest.mark.parametrize("shape", SHAPES)
def test_is_dialable(shape: str, overrides: dict[str, Any], now: datetime, dialable: bool) -> None:
    """execute.go, isDialableTarget: ``!TMUpdate.After(now - interval)``, so due exactly at
    tm_update + try_interval."""
    target = shaped(shape, make_target(**overrides))
    assert is_dialable(target, shaped_plan(shape, make_outplan()), now) is dialable


def test_is_dialable_needs_a_datetime() -> None:
    with pytest.raises(TypeError, match="now"):
        is_dialable(make_target(), make_outplan(), "2022-04-30 18:00:00")  # type: ignore[arg-type]


# --- the order: dial_order ---------------------------------------------------------------------


def ids(entries: list[ScheduledAttempt]) -> list[UUID]:
    return [entry.target_id for entry in entries]


def uuids(*numbers: int) -> list[UUID]:
    return [UUID(target_uuid(n)) for n in numbers]


@pytest.mark.parametrize("shape", SHAPES)
def test_dial_order_least_recently_updated_first(shape: str) -> None:
    """bin-outdial-manager/pkg/dbhandler/outdialtarget.go, outdialTargetSelectAvailable:
    ``order by tm_update asc``; a target never tried has tm_update = tm_create."""
    created = "2022-04-30T17:30:00Z"
    targets = [
        tried_at(1, "2022-04-30T18:00:00Z"),
        tried_at(2, "2022-04-30T17:00:00Z"),
        make_target(id=target_uuid(3), tm_create=created, tm_update=created),  # never tried
        tried_at(4, "2022-04-30T16:00:00Z"),
    ]
    outplan = shaped_plan(shape, make_outplan())

    order = dial_order([shaped(shape, t) for t in targets], outplan)

    assert ids(order) == uuids(4, 2, 3, 1)


@pytest.mark.parametrize("shape", SHAPES)
def test_a_target_not_due_holds_back_every_target_behind_it(shape: str) -> None:
    """bin-campaign-manager/pkg/campaignhandler/execute.go, Execute: getTarget asks for ONE
    available target (limit 1); when isDialableTarget says no, Execute only schedules itself
    again in 5 s. So a target due now waits behind the first one, and ``at`` never decreases."""
    waiting = tried_at(1, "2022-04-30T10:00:00Z")  # due 10:01
    fresh = make_target(
        id=target_uuid(2), tm_create="2022-04-30T10:00:30Z", tm_update="2022-04-30T10:00:30Z"
    )
    now = datetime(2022, 4, 30, 10, 0, 45, tzinfo=UTC)  # fresh is due, waiting is not

    order = dial_order([shaped(shape, fresh), shaped(shape, waiting)], make_outplan(), now)

    due = datetime(2022, 4, 30, 10, 1, tzinfo=UTC)
    assert [(e.target_id, e.at) for e in order] == [
        (UUID(target_uuid(1)), due),
        (UUID(target_uuid(2)), due + HALF_SECOND),  # not 10:00:45: it waits its turn
    ]
    fresh_due = next_dial_time(fresh, make_outplan())
    assert fresh_due is not None
    assert fresh_due < now


def test_calls_are_placed_500_ms_apart() -> None:
    """bin-campaign-manager/pkg/campaignhandler/execute.go, Execute: after a call is created,
    ``CampaignV1CampaignExecute(ctx, id, 500)``: the next target is taken 500 ms later."""
    targets = [
        make_target(id=target_uuid(n), tm_create=rfc3339(T0), tm_update=rfc3339(T0))
        for n in range(4)
    ]
    order = dial_order(targets, make_outplan(), T0)
    assert [e.at for e in order] == [T0 + n * HALF_SECOND for n in range(4)]


@pytest.mark.parametrize(
    ("now", "expected_at"),
    [
        pytest.param(None, [T0, READY], id="no-now"),
        pytest.param(T0 - MINUTE, [T0, READY], id="now-earlier"),
        pytest.param(T0 + MINUTE, [T0 + MINUTE, READY], id="now-between"),
        pytest.param(READY + MINUTE, [READY + MINUTE, READY + MINUTE + HALF_SECOND], id="later"),
        pytest.param((T0 + MINUTE).replace(tzinfo=None), [T0 + MINUTE, READY], id="naive-now"),
    ],
)
@pytest.mark.parametrize("shape", SHAPES)
def test_dial_order_at_is_the_latest_of_now_due_and_the_call_before(
    shape: str, now: datetime | None, expected_at: list[datetime]
) -> None:
    targets = [make_target(id=target_uuid(1)), make_target(id=target_uuid(2), **TRIED)]
    order = dial_order([shaped(shape, t) for t in targets], shaped_plan(shape, make_outplan()), now)
    assert [entry.at for entry in order] == expected_at
    assert all(entry.at.tzinfo is UTC for entry in order)


def test_dial_order_sorts_by_instant_whatever_the_form() -> None:
    # RFC 3339 with trimmed fractions does not sort as text ("18:00Z" > "18:00.5Z").
    targets = [
        tried_at(1, "2022-04-30T18:00:00Z"),  # 18:00:00
        tried_at(2, "2022-04-30T17:30:00Z"),  # 17:30
        tried_at(3, "2022-05-01T02:45:00+09:00"),  # 17:45
        tried_at(4, "2022-04-30T13:15:00-05:00"),  # 18:15
        tried_at(5, "2022-04-30 17:40:00"),  # 17:40, the older form without a fraction
        tried_at(6, "2022-04-30 17:50:00.000000"),  # 17:50, the older form
        tried_at(7, "2022-04-30T17:59:59.5Z"),  # 17:59:59.5
        tried_at(8, "2022-04-30T18:00:00.25Z"),  # 18:00:00.25
    ]
    order = dial_order(targets, make_outplan())
    assert ids(order) == uuids(2, 5, 3, 6, 7, 1, 8, 4)


@pytest.mark.parametrize("shape", SHAPES)
def test_dial_order_within_one_second_goes_by_time_not_by_text(shape: str) -> None:
    """Today's server trims the fraction (Go's RFC3339Nano): ``...:00Z`` is a whole second and
    ``...:00.4Z`` is earlier than ``...:00.45Z``, though as text both sort the other way round
    (``"Z"`` and ``"."`` come after the digits and before them). The engine orders by the time.
    Ids run against the time order, so a tie-break by id cannot hide a wrong order."""
    stamps = {
        6: "2022-04-30T17:59:59.999999Z",  # 17:59:59.999999
        5: "2022-04-30T18:00:00Z",  # 18:00:00, no fraction
        4: "2022-04-30T18:00:00.4Z",  # 18:00:00.4
        3: "2022-04-30T18:00:00.45Z",  # 18:00:00.45
        2: "2022-04-30T18:00:00.5Z",  # 18:00:00.5
        1: "2022-04-30T18:00:01Z",  # 18:00:01
    }
    targets = [tried_at(n, stamp) for n, stamp in stamps.items()]
    outplan = shaped_plan(shape, make_outplan())
    by_text = [n for n, _ in sorted(stamps.items(), key=lambda item: item[1])]
    assert by_text != [6, 5, 4, 3, 2, 1]  # the data would catch a text sort

    order = dial_order([shaped(shape, t) for t in reversed(targets)], outplan)

    assert ids(order) == uuids(6, 5, 4, 3, 2, 1)


@pytest.mark.parametrize("shape", SHAPES)
def test_dial_order_ties_broken_by_id(shape: str) -> None:
    # The query leaves the order of equal tm_update open; dial_order takes the id's.
    same = "2022-04-30T18:00:00Z"
    targets = [tried_at(n, same) for n in (3, 1, 2)]
    targets.append(tried_at(4, "2022-04-30 18:00:00.000000"))  # the same instant, older form
    order = dial_order([shaped(shape, t) for t in targets], shaped_plan(shape, make_outplan()))
    assert ids(order) == uuids(1, 2, 3, 4)


@pytest.mark.parametrize("shape", SHAPES)
def test_dial_order_ids_are_uuids_that_equal_the_models_ids(shape: str) -> None:
    target = shaped(shape, make_target(id=target_uuid(7).upper()))
    (entry,) = dial_order([target], make_outplan())
    model = Outdialtarget.from_dict(make_target(id=target_uuid(7)))

    assert type(entry.target_id) is UUID
    assert entry.target_id == model.id
    assert entry.attempt.target_id == model.id
    assert next_attempt(target, make_outplan()) == entry.attempt


def test_attempts_built_by_hand_take_the_id_as_text_or_uuid() -> None:
    text = target_uuid(3)
    assert DialAttempt(text, 0, address(0), 1).target_id == UUID(text)  # type: ignore[arg-type]
    entry = ScheduledAttempt(UUID(text), 0, address(0), 1, T0)
    assert entry.target_id == UUID(text)
    with pytest.raises(ValueError, match="'target_id' must be a UUID"):
        DialAttempt("someone", 0, address(0), 1)  # type: ignore[arg-type]


@pytest.mark.parametrize("shape", SHAPES)
def test_dial_order_leaves_out_targets_that_are_not_available(shape: str) -> None:
    targets = [
        make_target(id=target_uuid(1), status="progressing"),
        make_target(id=target_uuid(2), status="done"),
        make_target(id=target_uuid(3), try_count_0=2),
        make_target(id=target_uuid(4), destination_0=None),
        make_target(id=target_uuid(5), status="paused"),
        make_target(id=target_uuid(6)),
    ]
    order = dial_order([shaped(shape, t) for t in targets], shaped_plan(shape, make_outplan()))
    assert ids(order) == uuids(6)


def test_dial_order_on_a_campaign_agrees_with_the_single_target_functions() -> None:
    outplan = make_outplan(max_try_count_0=3, max_try_count_1=1, max_try_count_2=0)
    now = datetime(2022, 4, 30, 18, 0, tzinfo=UTC)
    targets = []
    for n in range(60):
        dests = ["A....", "AB...", ".B...", "A.C..", ".....", "{B..."][n % 6]
        over, _ = slots(dests, (n % 5, n % 2, 0, 0, 0))  # some above the max of 3
        created = f"2022-04-30T1{n % 3}:00:00Z"
        tm_update = [created, None, f"2022-04-30 17:{n % 60:02d}:00.000000", "2022-04-30T17:20Z"]
        targets.append(
            make_target(
                id=target_uuid(1000 - n),
                status=["idle", "idle", "idle", "progressing", "done"][n % 5 if n % 7 else 0],
                tm_create=created,
                tm_update=tm_update[n % 4],
                **over,
            )
        )

    order = dial_order(targets, outplan, now)

    available = [t for t in targets if is_available(t, outplan)]
    assert len(order) == len(available) > 10
    by_id = {UUID(t["id"]): t for t in targets}
    previous = None
    for entry in order:
        target = by_id[entry.target_id]
        assert entry.attempt == next_attempt(target, outplan)
        due = next_dial_time(target, outplan)
        assert due is not None
        floor = [now, due] if previous is None else [now, due, previous + HALF_SECOND]
        assert entry.at == max(floor)
        previous = entry.at


@pytest.mark.parametrize("shape", SHAPES)
def test_the_engines_candidate_is_the_next_attempt_at_its_due_time(shape: str) -> None:
    """What the mock's simulation reads of one target (``dialplan.engine.candidate``)."""
    over, plan_over = slots("{A...", (2, 1, 0, 0, 0))  # the {} slot has no try left
    target = shaped(shape, tried_at(1, "2022-04-30T18:00:00.5Z", **over))
    outplan = make_outplan(**plan_over)
    found = candidate(read_target(target), read_plan(outplan))
    attempt = next_attempt(target, outplan)
    assert found is not None
    assert attempt is not None
    assert (found.target_id, found.n, found.address, found.tries + 1) == (
        attempt.target_id,
        attempt.index,
        attempt.address,
        attempt.try_number,
    )
    assert (found.n, found.tries) == (1, 1)
    assert found.slot == (found.n, found.address, found.tries)
    assert found.due == next_dial_time(target, outplan)
    assert found.changed == datetime(2022, 4, 30, 18, 0, 0, 500000, tzinfo=UTC)
    assert found.tiebreak == found.target_id.int
    assert candidate(read_target(make_target(status="done")), read_plan(outplan)) is None


def test_dial_order_takes_mixed_shapes_and_any_iterable() -> None:
    targets: list[TargetLike] = [
        tried_at(1, "2022-04-30T18:00:00Z"),
        Outdialtarget.from_dict(tried_at(2, "2022-04-30T17:00:00Z")),
        types.MappingProxyType(tried_at(3, "2022-04-30T16:00:00Z")),
    ]
    order = dial_order((t for t in targets), Outplan.from_dict(make_outplan()))
    assert ids(order) == uuids(3, 2, 1)
    assert isinstance(order[1].address, Address)
    assert dial_order([], make_outplan()) == []


def test_dial_order_dict_with_missing_fields() -> None:
    # Outdialtarget.to_dict() leaves UNSET fields out: the keys are simply absent.
    full = tried_at(1, "2022-04-30T18:00:00Z")
    sparse = Outdialtarget.from_dict(make_target(id=target_uuid(2))).to_dict()
    del sparse["destination_1"]
    sparse.pop("tm_update", None)
    sparse.pop("tm_delete", None)
    order = dial_order([full, sparse], make_outplan())
    assert ids(order) == uuids(2, 1)
    assert order[0].at == T0


def test_dial_order_keeps_a_target_given_twice() -> None:
    target = make_target()
    first, second = dial_order([target, target], make_outplan())
    assert first.attempt == second.attempt
    assert second.at == first.at + HALF_SECOND


class Count(enum.IntEnum):
    ONE = 1


def test_an_int_subclass_is_a_count() -> None:
    target = make_target(try_count_0=Count.ONE)
    (entry,) = dial_order([target], make_outplan())
    assert entry.try_number == 2
    assert type(entry.try_number) is int
    assert entry.attempt == next_attempt(target, make_outplan())


def test_dial_order_needs_a_datetime_now() -> None:
    with pytest.raises(TypeError, match="now"):
        dial_order([make_target()], make_outplan(), now="2022-04-30")  # type: ignore[arg-type]


# --- ScheduledAttempt --------------------------------------------------------------------------


def test_scheduled_attempt_is_the_dial_attempt_fields_and_at() -> None:
    fields = [f.name for f in attrs.fields(ScheduledAttempt)]
    assert fields == [f.name for f in attrs.fields(DialAttempt)] + ["at"]
    entry = ScheduledAttempt(UUID(target_uuid(1)), 2, address(2), 1, READY)
    assert entry.attempt == DialAttempt(UUID(target_uuid(1)), 2, address(2), 1)
    assert type(entry.attempt) is DialAttempt
    # One object, not a tuple: no unpacking, not equal to its fields.
    assert entry != (UUID(target_uuid(1)), 2, address(2), 1, READY)
    with pytest.raises(TypeError):
        iter(entry)  # type: ignore[call-overload]


def test_dial_order_entries_are_ordinary_frozen_instances() -> None:
    (entry,) = dial_order([make_target(**TRIED)], make_outplan())
    expected = ScheduledAttempt(UUID(target_uuid(1)), 0, address(0), 2, READY)
    assert entry == expected
    assert repr(entry) == repr(expected)
    assert copy.deepcopy(entry) == entry
    for field in attrs.fields(ScheduledAttempt):
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            setattr(entry, field.name, getattr(entry, field.name))


# --- bad input: a ValueError naming the field --------------------------------------------------


def _drop(key: str) -> Callable[[dict[str, Any]], dict[str, Any]]:
    def drop(d: dict[str, Any]) -> dict[str, Any]:
        d = dict(d)
        del d[key]
        return d

    return drop


def _set(**values: Any) -> Callable[[dict[str, Any]], dict[str, Any]]:
    return lambda d: {**d, **values}


_keep = _set()

BAD_INPUT_ROWS = [
    # outplan
    pytest.param(_keep, _drop("try_interval"), "outplan is missing 'try_interval'", id="no-gap"),
    pytest.param(_keep, _drop("max_try_count_3"), "outplan is missing 'max_try_count_3'", id="max"),
    pytest.param(_keep, _set(try_interval=None), "outplan is missing 'try_interval'", id="null"),
    pytest.param(_keep, _set(try_interval=UNSET), "outplan is missing 'try_interval'", id="unset"),
    pytest.param(_keep, _set(dial_timeout=-1), "'dial_timeout' must not be negative", id="neg"),
    pytest.param(_keep, _set(max_try_count_0=True), "'max_try_count_0' must be an int", id="bool"),
    pytest.param(_keep, _set(max_try_count_4=1.0), "'max_try_count_4' must be an int", id="float"),
    # the target: every count is read, whichever slot is dialed
    pytest.param(_set(try_count_0=-1), _keep, "'try_count_0' must not be negative", id="neg-count"),
    pytest.param(_set(try_count_0=True), _keep, "'try_count_0' must be an int", id="bool-count"),
    pytest.param(_set(try_count_0=3.0), _keep, "'try_count_0' must be an int", id="float-count"),
    pytest.param(_set(try_count_0="1"), _keep, "'try_count_0' must be an int", id="str-count"),
    pytest.param(_set(try_count_4=2.5), _keep, "'try_count_4' must be an int", id="float-slot-4"),
    pytest.param(_set(try_count_3=None), _keep, "missing 'try_count_3'", id="null-count"),
    pytest.param(_drop("try_count_0"), _keep, "missing 'try_count_0'", id="no-count"),
    pytest.param(_drop("id"), _keep, "missing 'id'", id="no-id"),
    pytest.param(_set(id="contact-7"), _keep, "'id' must be a UUID", id="bad-id"),
    pytest.param(_set(id=7), _keep, "'id' must be a UUID", id="int-id"),
    pytest.param(_set(tm_update="half past six"), _keep, "'tm_update'", id="bad-update"),
    pytest.param(_set(tm_create="long ago", tm_update=None), _keep, "'tm_create'", id="bad-create"),
]


@pytest.mark.parametrize(("fix_target", "fix_outplan", "message"), BAD_INPUT_ROWS)
@pytest.mark.parametrize(
    "call",
    [
        pytest.param(lambda t, p: next_dial_time(t, p), id="next_dial_time"),
        pytest.param(lambda t, p: is_available(t, p), id="is_available"),
        pytest.param(lambda t, p: is_dialable(t, p, T0), id="is_dialable"),
        pytest.param(
            lambda t, p: dial_order([make_target(id=target_uuid(9)), t], p), id="dial_order"
        ),
    ],
)
def test_bad_input_is_a_value_error_naming_the_field(
    call: Callable[[Any, Any], object],
    fix_target: Callable[[dict[str, Any]], dict[str, Any]],
    fix_outplan: Callable[[dict[str, Any]], dict[str, Any]],
    message: str,
) -> None:
    target = fix_target(make_target())
    outplan = fix_outplan(make_outplan())
    with pytest.raises(ValueError, match=message):
        call(target, outplan)


@pytest.mark.parametrize("function", [next_attempt, remaining_attempts])
@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        pytest.param({"try_count_2": 1.0}, "'try_count_2' must be an int", id="float"),
        pytest.param({"try_count_4": False}, "'try_count_4' must be an int", id="bool"),
        pytest.param({"id": None}, "missing 'id'", id="no-id"),
    ],
)
def test_per_target_functions_refuse_what_dial_order_refuses(
    function: Callable[[Any, Any], object], overrides: dict[str, Any], message: str
) -> None:
    target = make_target(**overrides)
    with pytest.raises(ValueError, match=message):
        function(target, make_outplan())
    with pytest.raises(ValueError, match=message):
        dial_order([target], make_outplan())


def test_bad_counts_on_the_model_name_the_field() -> None:
    model = Outdialtarget.from_dict(make_target(try_count_0=-1))
    with pytest.raises(ValueError, match="'try_count_0' must not be negative"):
        dial_order([model], Outplan.from_dict(make_outplan()))


def test_a_malformed_timestamp_is_quoted() -> None:
    with pytest.raises(ValueError, match="'tm_update'") as error:
        next_dial_time(make_target(tm_update="half past six"), make_outplan())
    assert "'half past six'" in str(error.value)
