"""voipbin_outdial.dialplan: which destination the campaign dials next, and when.

Table-driven, after tenacity's tests: ``make_target(**overrides)`` / ``make_outplan(**overrides)``
build valid JSON dicts (as the API returns them) and each row changes what it tests. Most tests
run twice, on the dicts and on the generated models built from them (``shape``).
"""

import copy
import enum
import types
import weakref
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import attrs
import pytest

from voipbin_outdial.dialplan import (
    DialAttempt,
    ScheduledAttempt,
    TargetLike,
    apply_result,
    dial_order,
    is_available,
    is_dialable,
    next_attempt,
    next_dial_time,
    remaining_attempts,
    schedule,
)
from voipbin_outdial.models import (
    UNSET,
    Address,
    Outdialtarget,
    OutdialtargetStatus,
    Outplan,
)
from voipbin_outdial.timeutil import EPOCH, NEVER

T0 = datetime(2022, 4, 30, 17, 52, 16, 484341, tzinfo=UTC)
T0_TEXT = "2022-04-30 17:52:16.484341"
MINUTE = timedelta(minutes=1)


def wire(dt: datetime) -> str:
    return dt.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def address(n: int) -> dict[str, Any]:
    return {
        "type": "tel",
        "target": f"+8211000000{n:02d}",
        "target_name": "",
        "name": "",
        "detail": "",
    }


def target_uuid(n: int) -> str:
    return f"00000000-0000-4000-8000-{n:012d}"


def make_target(**overrides: Any) -> dict[str, Any]:
    """An idle outdialtarget never tried, with destination_0 only: override what a test needs."""
    target: dict[str, Any] = {
        "id": target_uuid(1),
        "outdial_id": "40bea034-1d17-474d-a5de-da00d0861c69",
        "name": "test destination",
        "detail": "",
        "data": "",
        "status": "idle",
        "destination_0": address(0),
        "destination_1": None,
        "destination_2": None,
        "destination_3": None,
        "destination_4": None,
        "try_count_0": 0,
        "try_count_1": 0,
        "try_count_2": 0,
        "try_count_3": 0,
        "try_count_4": 0,
        "tm_create": T0_TEXT,
        "tm_update": NEVER,
        "tm_delete": NEVER,
    }
    target.update(overrides)
    return target


def make_outplan(**overrides: Any) -> dict[str, Any]:
    """An outplan: 30 s dial timeout, 1 min try interval, two tries per destination."""
    outplan: dict[str, Any] = {
        "id": "d5fb7357-7ddb-4f2d-87b5-8ccbfd6c039e",
        "name": "test outplan",
        "detail": "",
        "source": {
            "type": "tel",
            "target": "+15559876543",
            "target_name": "",
            "name": "",
            "detail": "",
        },
        "dial_timeout": 30000,
        "try_interval": 60000,
        "max_try_count_0": 2,
        "max_try_count_1": 2,
        "max_try_count_2": 2,
        "max_try_count_3": 2,
        "max_try_count_4": 2,
        "tm_create": "2022-04-28 01:50:23.414000",
        "tm_update": "2022-04-30 12:01:13.780469",
        "tm_delete": NEVER,
    }
    outplan.update(overrides)
    return outplan


def slots(
    dests: str = "A....", counts: tuple[int, ...] = (0,) * 5, maxes: tuple[int, ...] = (2,) * 5
) -> tuple[dict[str, Any], dict[str, Any]]:
    """(target overrides, outplan overrides) from a row; "A.C.." sets destinations 0 and 2."""
    target: dict[str, Any] = {}
    outplan: dict[str, Any] = {}
    for i, (letter, count, maximum) in enumerate(zip(dests, counts, maxes, strict=True)):
        target[f"destination_{i}"] = None if letter == "." else address(i)
        target[f"try_count_{i}"] = count
        outplan[f"max_try_count_{i}"] = maximum
    return target, outplan


SHAPES = ["dict", "model"]


def shaped(shape: str, target: dict[str, Any]) -> Any:
    return Outdialtarget.from_dict(target) if shape == "model" else target


def shaped_plan(shape: str, outplan: dict[str, Any]) -> Any:
    return Outplan.from_dict(outplan) if shape == "model" else outplan


def number(destination: Any) -> str:
    """The phone number of a destination, dict or Address model."""
    return str(destination.target if isinstance(destination, Address) else destination["target"])


def brief(attempt: DialAttempt | ScheduledAttempt | None) -> tuple[int, int, str] | None:
    return None if attempt is None else (attempt.index, attempt.try_number, number(attempt.address))


# --- next_attempt ------------------------------------------------------------------------------

NEXT_ATTEMPT_ROWS = [
    # dests, counts, maxes -> (index, try_number) or None
    pytest.param("A....", (0, 0, 0, 0, 0), (2, 2, 2, 2, 2), (0, 1), id="fresh"),
    pytest.param("A....", (1, 0, 0, 0, 0), (2, 2, 2, 2, 2), (0, 2), id="second-try"),
    pytest.param("AB...", (2, 0, 0, 0, 0), (2, 2, 2, 2, 2), (1, 1), id="first-exhausted"),
    pytest.param(".B...", (0, 0, 0, 0, 0), (2, 2, 2, 2, 2), (1, 1), id="null-destination-0"),
    pytest.param("AB...", (0, 0, 0, 0, 0), (0, 2, 2, 2, 2), (1, 1), id="max-0-skips-slot"),
    pytest.param("A.C..", (2, 0, 0, 0, 0), (2, 2, 1, 2, 2), (2, 1), id="skips-null-middle"),
    pytest.param("....E", (0, 0, 0, 0, 0), (2, 2, 2, 2, 2), (4, 1), id="last-slot-only"),
    pytest.param("ABCDE", (2, 2, 2, 2, 1), (2, 2, 2, 2, 2), (4, 2), id="last-try-left"),
    pytest.param("ABC..", (1, 0, 0, 0, 0), (2, 0, 1, 2, 2), (0, 2), id="issue-example"),
    pytest.param("ABCDE", (2, 2, 2, 2, 2), (2, 2, 2, 2, 2), None, id="all-exhausted"),
    pytest.param(".....", (0, 0, 0, 0, 0), (2, 2, 2, 2, 2), None, id="no-destinations"),
    pytest.param("ABCDE", (0, 0, 0, 0, 0), (0, 0, 0, 0, 0), None, id="all-max-0"),
    pytest.param("A....", (0, 0, 0, 0, 0), (0, 3, 3, 3, 3), None, id="only-slot-has-max-0"),
]


@pytest.mark.parametrize(("dests", "counts", "maxes", "expected"), NEXT_ATTEMPT_ROWS)
@pytest.mark.parametrize("shape", SHAPES)
def test_next_attempt(
    shape: str,
    dests: str,
    counts: tuple[int, ...],
    maxes: tuple[int, ...],
    expected: tuple[int, int] | None,
) -> None:
    target_over, plan_over = slots(dests, counts, maxes)
    target = shaped(shape, make_target(**target_over))
    outplan = shaped_plan(shape, make_outplan(**plan_over))

    attempt = next_attempt(target, outplan)

    if expected is None:
        assert attempt is None
    else:
        index, try_number = expected
        assert brief(attempt) == (index, try_number, address(index)["target"])
        assert attempt is not None
        assert attempt.target_id == target_uuid(1)
        field = f"destination_{index}"
        given = getattr(target, field) if shape == "model" else target[field]
        assert attempt.address is given  # the destination object as the target holds it


def test_next_attempt_ignores_status() -> None:
    # The rule is about counts; is_available adds the status.
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
    assert [number(a.address) for a in attempts] == [address(i)["target"] for i, _ in expected]
    assert {a.target_id for a in attempts} <= {target_uuid(1)}
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
    pytest.param({"destination_0": None, "destination_3": address(3)}, True, id="idle-slot-3"),
]


@pytest.mark.parametrize(("overrides", "available"), AVAILABLE_ROWS)
@pytest.mark.parametrize("shape", SHAPES)
def test_is_available(shape: str, overrides: dict[str, Any], available: bool) -> None:
    target = shaped(shape, make_target(**overrides))
    outplan = shaped_plan(shape, make_outplan())

    assert is_available(target, outplan) is available
    assert (next_dial_time(target, outplan) is not None) is available
    assert (len(dial_order([target], outplan)) == 1) is available


def test_unknown_status_on_the_model_is_a_pseudo_member_and_not_available() -> None:
    model = Outdialtarget.from_dict(make_target(status="paused"))
    assert model.status == "paused"
    assert not is_available(model, make_outplan())


def test_a_target_that_is_not_idle_is_not_available_even_with_bad_counts() -> None:
    # An operator may lower max_try_count after dialing: a done target is left alone.
    done = make_target(status="done", try_count_0=5)
    assert is_available(done, make_outplan()) is False
    assert dial_order([done], make_outplan()) == []


# --- next_dial_time / is_dialable --------------------------------------------------------------

DIAL_TIME_ROWS = [
    # never tried: dialable from tm_create
    pytest.param({"tm_update": NEVER}, T0, id="never-sentinel"),
    pytest.param({"tm_update": None}, T0, id="never-null"),
    pytest.param({"tm_update": T0_TEXT}, T0, id="never-equal-to-create"),
    pytest.param({"tm_update": "2022-04-30T17:52:16.484341Z"}, T0, id="never-equal-other-form"),
    pytest.param({"tm_update": "9999-12-31 23:59:59.999999"}, T0, id="never-any-9999"),
    pytest.param({"tm_update": None, "tm_create": None}, EPOCH, id="never-unknown-create"),
    pytest.param({"tm_update": NEVER, "tm_create": NEVER}, EPOCH, id="never-sentinel-create"),
    pytest.param(
        {"tm_create": "2022-04-30T19:52:16.484341+02:00", "tm_update": NEVER},
        T0,
        id="never-create-with-offset",
    ),
    # tried: tm_update + try_interval
    pytest.param(
        {"tm_update": "2022-04-30 18:00:00.000000", "try_count_0": 1},
        datetime(2022, 4, 30, 18, 1, tzinfo=UTC),
        id="tried",
    ),
    pytest.param(
        {"tm_update": "2022-04-30T18:00:00Z", "try_count_0": 1},
        datetime(2022, 4, 30, 18, 1, tzinfo=UTC),
        id="tried-z",
    ),
    pytest.param(
        {"tm_update": "2022-05-01T03:00:00+09:00", "try_count_0": 1},
        datetime(2022, 4, 30, 18, 1, tzinfo=UTC),
        id="tried-offset",
    ),
    pytest.param(
        {"tm_update": "2022-04-30 18:00:00", "try_count_0": 1},
        datetime(2022, 4, 30, 18, 1, tzinfo=UTC),
        id="tried-no-fraction",
    ),
    pytest.param(
        {"tm_update": "2022-04-30 18:00:00.000000", "tm_create": None, "try_count_0": 1},
        datetime(2022, 4, 30, 18, 1, tzinfo=UTC),
        id="tried-unknown-create",
    ),
    # not available
    pytest.param({"status": "progressing"}, None, id="progressing"),
    pytest.param(
        {"try_count_0": 2, "tm_update": "2022-04-30 18:00:00.000000"}, None, id="exhausted"
    ),
]


@pytest.mark.parametrize(("overrides", "expected"), DIAL_TIME_ROWS)
@pytest.mark.parametrize("shape", SHAPES)
def test_next_dial_time(shape: str, overrides: dict[str, Any], expected: datetime | None) -> None:
    target = make_target(**overrides)
    if shape == "model" and target["tm_create"] is None:
        target["tm_create"] = UNSET  # the model requires the field; UNSET counts as null
    target = shaped(shape, target)
    at = next_dial_time(target, shaped_plan(shape, make_outplan()))

    assert at == expected
    if at is not None:
        assert at.tzinfo is UTC
    # dial_order reaches the same time on its own path
    assert [e.at for e in dial_order([target], shaped_plan(shape, make_outplan()))] == (
        [] if expected is None else [expected]
    )


@pytest.mark.parametrize(
    ("interval_ms", "expected"), [(0, T0), (1, T0 + timedelta(milliseconds=1))]
)
def test_next_dial_time_uses_try_interval_in_milliseconds(
    interval_ms: int, expected: datetime
) -> None:
    target = make_target(tm_update=T0_TEXT, tm_create="2022-04-30 00:00:00.000000", try_count_0=1)
    assert next_dial_time(target, make_outplan(try_interval=interval_ms)) == expected


def test_model_without_tm_update_is_never_tried() -> None:
    target = make_target()
    del target["tm_update"]
    model = Outdialtarget.from_dict(target)
    assert model.tm_update is UNSET
    assert next_dial_time(model, make_outplan()) == T0
    assert next_dial_time(target, make_outplan()) == T0


TRIED = {"tm_update": "2022-04-30 18:00:00.000000", "try_count_0": 1}
READY = datetime(2022, 4, 30, 18, 1, tzinfo=UTC)


@pytest.mark.parametrize(
    ("overrides", "now", "dialable"),
    [
        pytest.param(TRIED, READY, True, id="exactly-at"),
        pytest.param(TRIED, READY - timedelta(microseconds=1), False, id="just-before"),
        pytest.param(TRIED, READY + timedelta(days=1), True, id="long-after"),
        pytest.param(TRIED, READY.replace(tzinfo=None), True, id="naive-now-is-utc"),
        pytest.param(
            TRIED, READY.astimezone(timezone(timedelta(hours=9))), True, id="now-other-zone"
        ),
        pytest.param(TRIED, (READY - MINUTE).replace(tzinfo=None), False, id="naive-before"),
        pytest.param({}, T0, True, id="never-tried-at-create"),
        pytest.param({}, T0 - MINUTE, False, id="never-tried-before-create"),
        pytest.param({**TRIED, "status": "progressing"}, READY + MINUTE, False, id="progressing"),
    ],
)
@pytest.mark.parametrize("shape", SHAPES)
def test_is_dialable(shape: str, overrides: dict[str, Any], now: datetime, dialable: bool) -> None:
    target = shaped(shape, make_target(**overrides))
    assert is_dialable(target, shaped_plan(shape, make_outplan()), now) is dialable


def test_is_dialable_needs_a_datetime() -> None:
    with pytest.raises(TypeError, match="now"):
        is_dialable(make_target(), make_outplan(), "2022-04-30 18:00:00")  # type: ignore[arg-type]


# --- dial_order --------------------------------------------------------------------------------


def ids(entries: list[ScheduledAttempt]) -> list[str]:
    return [entry.target_id for entry in entries]


def tried_at(n: int, tm_update: str, **overrides: Any) -> dict[str, Any]:
    """Target n, tried once, last updated at tm_update."""
    return make_target(
        id=target_uuid(n),
        tm_create="2022-04-01 00:00:00.000000",
        tm_update=tm_update,
        try_count_0=1,
        **overrides,
    )


@pytest.mark.parametrize("shape", SHAPES)
def test_dial_order_least_recently_updated_first(shape: str) -> None:
    targets = [
        tried_at(1, "2022-04-30 18:00:00.000000"),
        tried_at(2, "2022-04-30 17:00:00.000000"),
        make_target(id=target_uuid(3), tm_create="2022-04-30 17:30:00.000000"),  # never tried
        tried_at(4, "2022-04-30 16:00:00.000000"),
    ]
    outplan = shaped_plan(shape, make_outplan())

    order = dial_order([shaped(shape, t) for t in targets], outplan)

    assert ids(order) == [target_uuid(4), target_uuid(2), target_uuid(3), target_uuid(1)]
    assert [entry.at for entry in order] == [
        datetime(2022, 4, 30, 16, 1, tzinfo=UTC),
        datetime(2022, 4, 30, 17, 1, tzinfo=UTC),
        datetime(2022, 4, 30, 17, 30, tzinfo=UTC),  # never tried: at once, from tm_create
        datetime(2022, 4, 30, 18, 1, tzinfo=UTC),
    ]


@pytest.mark.parametrize("shape", SHAPES)
def test_dial_order_sentinel_tm_update_sorts_by_tm_create(shape: str) -> None:
    targets = [
        make_target(id=target_uuid(1), tm_create="2022-04-30 12:00:00.000000", tm_update=NEVER),
        tried_at(2, "2022-04-30 11:00:00.000000"),
        make_target(id=target_uuid(3), tm_create="2022-04-30 10:00:00.000000", tm_update=None),
    ]
    order = dial_order([shaped(shape, t) for t in targets], shaped_plan(shape, make_outplan()))
    # The engine's "order by tm_update" would put the 9999 sentinel last; a never-tried target
    # is ordered by tm_create instead.
    assert ids(order) == [target_uuid(3), target_uuid(2), target_uuid(1)]


def test_dial_order_mixed_timestamp_forms_sort_by_instant() -> None:
    targets = [
        tried_at(1, "2022-04-30 18:00:00.000000"),  # 18:00 UTC
        tried_at(2, "2022-04-30T17:30:00Z"),  # 17:30 UTC
        tried_at(3, "2022-05-01T02:45:00+09:00"),  # 17:45 UTC
        tried_at(4, "2022-04-30T13:15:00-05:00"),  # 18:15 UTC
        tried_at(5, "2022-04-30 17:40:00"),  # 17:40 UTC, no fraction
        tried_at(6, "2022-04-30 17:50:00,000000"),  # 17:50 UTC, comma fraction
        tried_at(7, "2022-W17-6 17:55:00.000000"),  # 17:55 UTC, an ISO week date
    ]
    order = dial_order(targets, make_outplan())
    assert ids(order) == [target_uuid(n) for n in (2, 5, 3, 6, 7, 1, 4)]
    assert all(entry.at.tzinfo is UTC for entry in order)
    assert order[0].at == datetime(2022, 4, 30, 17, 31, tzinfo=UTC)


@pytest.mark.parametrize("shape", SHAPES)
def test_dial_order_ties_broken_by_id(shape: str) -> None:
    same = "2022-04-30 18:00:00.000000"
    targets = [tried_at(n, same) for n in (3, 1, 2)]
    targets.append(tried_at(4, "2022-04-30T18:00:00Z"))  # the same instant, written another way
    order = dial_order([shaped(shape, t) for t in targets], shaped_plan(shape, make_outplan()))
    assert ids(order) == [target_uuid(n) for n in (1, 2, 3, 4)]


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
    assert ids(order) == [target_uuid(6)]


@pytest.mark.parametrize("shape", SHAPES)
def test_dial_order_entries_carry_next_attempt(shape: str) -> None:
    target_over, plan_over = slots("AB.D.", (2, 1, 0, 0, 0), (2, 3, 1, 1, 1))
    targets = [
        shaped(shape, make_target(id=target_uuid(1), **target_over)),
        shaped(shape, make_target(id=target_uuid(2), destination_0=None, destination_4=address(4))),
    ]
    outplan = shaped_plan(shape, make_outplan(**plan_over))

    order = dial_order(targets, outplan)

    assert [entry.attempt for entry in order] == [next_attempt(t, outplan) for t in targets]
    assert [brief(entry) for entry in order] == [
        (1, 2, address(1)["target"]),
        (4, 1, address(4)["target"]),
    ]


@pytest.mark.parametrize(
    ("now", "expected_at"),
    [
        pytest.param(None, [T0, READY], id="no-now"),
        pytest.param(T0 - MINUTE, [T0, READY], id="now-earlier"),
        pytest.param(T0 + MINUTE, [T0 + MINUTE, READY], id="now-between"),
        pytest.param(READY + MINUTE, [READY + MINUTE] * 2, id="now-later"),
        pytest.param((T0 + MINUTE).replace(tzinfo=None), [T0 + MINUTE, READY], id="naive-now"),
    ],
)
@pytest.mark.parametrize("shape", SHAPES)
def test_dial_order_at_is_max_of_now_and_next_dial_time(
    shape: str, now: datetime | None, expected_at: list[datetime]
) -> None:
    targets = [make_target(id=target_uuid(1)), make_target(id=target_uuid(2), **TRIED)]
    order = dial_order([shaped(shape, t) for t in targets], shaped_plan(shape, make_outplan()), now)
    assert [entry.at for entry in order] == expected_at
    assert all(entry.at.tzinfo is not None for entry in order)


def test_dial_order_takes_mixed_shapes_and_any_iterable() -> None:
    targets: list[TargetLike] = [
        tried_at(1, "2022-04-30 18:00:00.000000"),
        Outdialtarget.from_dict(tried_at(2, "2022-04-30 17:00:00.000000")),
        types.MappingProxyType(tried_at(3, "2022-04-30 16:00:00.000000")),
    ]
    order = dial_order((t for t in targets), Outplan.from_dict(make_outplan()))
    assert ids(order) == [target_uuid(3), target_uuid(2), target_uuid(1)]
    assert isinstance(order[1].address, Address)
    assert dial_order([], make_outplan()) == []


def test_dial_order_dict_with_missing_fields() -> None:
    # Outdialtarget.to_dict() leaves UNSET fields out: the keys are simply absent.
    full = tried_at(1, "2022-04-30 18:00:00.000000")
    sparse = Outdialtarget.from_dict(make_target(id=target_uuid(2))).to_dict()
    del sparse["destination_1"]
    sparse.pop("tm_update", None)
    sparse.pop("tm_delete", None)
    order = dial_order([full, sparse], make_outplan())
    assert ids(order) == [target_uuid(2), target_uuid(1)]
    assert order[0].at == T0


def test_dial_order_keeps_a_target_given_twice() -> None:
    target = make_target()
    order = dial_order([target, target], make_outplan())
    assert len(order) == 2
    assert order[0] == order[1]


class Count(enum.IntEnum):
    ONE = 1


def test_dial_order_takes_other_ints_through_the_checked_path() -> None:
    # An int subclass is still a count (bool is not); an int id is written as a str.
    target = make_target(id=7, try_count_0=Count.ONE)
    (entry,) = dial_order([target], make_outplan())
    assert (entry.target_id, entry.try_number) == ("7", 2)
    assert type(entry.try_number) is int
    assert entry.attempt == next_attempt(target, make_outplan())


def test_dial_order_needs_a_datetime_now() -> None:
    with pytest.raises(TypeError, match="now"):
        dial_order([make_target()], make_outplan(), now="2022-04-30")  # type: ignore[arg-type]


@pytest.mark.parametrize("shape", SHAPES)
def test_dial_order_builds_real_frozen_instances(shape: str) -> None:
    # dial_order builds its results without attrs' __init__ (it fills the slots, then sets
    # __class__); they must be the real thing.
    target = shaped(shape, make_target(**TRIED))
    (entry,) = dial_order([target], make_outplan())
    destination = target["destination_0"] if shape == "dict" else target.destination_0
    expected = ScheduledAttempt(target_uuid(1), 0, destination, 2, READY)

    assert entry == expected
    assert type(entry) is ScheduledAttempt
    assert type(entry.target_id) is str
    assert repr(entry) == repr(expected)
    assert attrs.asdict(entry, recurse=False) == attrs.asdict(expected, recurse=False)
    assert attrs.evolve(entry) == entry
    assert copy.copy(entry) == entry
    assert copy.deepcopy(entry) == entry
    assert weakref.ref(entry)() is entry
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        entry.at = T0  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        entry.try_number = 9  # type: ignore[misc]


def test_scheduled_attempt_has_its_base_classes_layout() -> None:
    # What makes dial_order's `entry.__class__ = ScheduledAttempt` legal: attrs reused the base
    # class's slots and added none (a new attrs version that did would fail here, not at run time).
    from voipbin_outdial.dialplan import _ScheduledAttemptSlots

    assert ScheduledAttempt.__dict__["__slots__"] == ()
    assert ScheduledAttempt.__basicsize__ == _ScheduledAttemptSlots.__basicsize__
    names = [f.name for f in attrs.fields(ScheduledAttempt)]
    assert names == ["target_id", "index", "address", "try_number", "at"]
    assert set(_ScheduledAttemptSlots.__slots__) == {*names, "__weakref__"}


def test_dial_order_reads_only_what_it_needs() -> None:
    # Slots after the one picked are not looked at (next_attempt checks all five).
    target = make_target(destination_1=None, try_count_1=-1)
    (entry,) = dial_order([target], make_outplan())
    assert entry.index == 0
    with pytest.raises(ValueError, match="'try_count_1'"):
        next_attempt(target, make_outplan())


def test_dial_order_on_a_campaign_agrees_with_the_single_target_functions() -> None:
    outplan = make_outplan(max_try_count_0=3, max_try_count_1=1, max_try_count_2=0)
    now = datetime(2022, 4, 30, 18, 0, tzinfo=UTC)
    targets = []
    for n in range(60):
        dests = ["A....", "AB...", ".B...", "A.C..", "....."][n % 5]
        over, _ = slots(dests, (n % 4, n % 2, 0, 0, 0))  # within the maxes 3/1/0/2/2
        tm_update = [NEVER, None, f"2022-04-30 17:{n % 60:02d}:00.000000", "2022-04-30T17:20:00Z"]
        targets.append(
            make_target(
                id=target_uuid(1000 - n),
                status=["idle", "idle", "idle", "progressing", "done"][n % 5 if n % 7 else 0],
                tm_create=f"2022-04-30 1{n % 3}:00:00.000000",
                tm_update=tm_update[n % 4],
                **over,
            )
        )

    order = dial_order(targets, outplan, now)

    available = [t for t in targets if is_available(t, outplan)]
    assert len(order) == len(available) > 10
    by_id = {t["id"]: t for t in targets}
    for entry in order:
        target = by_id[entry.target_id]
        assert entry.attempt == next_attempt(target, outplan)
        dial_time = next_dial_time(target, outplan)
        assert dial_time is not None
        assert entry.at == max(now, dial_time)


# --- ScheduledAttempt --------------------------------------------------------------------------


def test_scheduled_attempt_is_the_dial_attempt_fields_and_at() -> None:
    fields = [f.name for f in attrs.fields(ScheduledAttempt)]
    assert fields == [f.name for f in attrs.fields(DialAttempt)] + ["at"]
    entry = ScheduledAttempt(target_uuid(1), 2, address(2), 1, READY)
    assert entry.attempt == DialAttempt(target_uuid(1), 2, address(2), 1)
    assert type(entry.attempt) is DialAttempt
    # One object, not a tuple: no unpacking, not equal to its fields.
    assert entry != (target_uuid(1), 2, address(2), 1, READY)
    with pytest.raises(TypeError):
        iter(entry)  # type: ignore[call-overload]


@pytest.mark.parametrize("shape", SHAPES)
def test_each_entry_attempt_is_the_targets_next_attempt(shape: str) -> None:
    rows = [
        ("A....", (0, 0, 0, 0, 0)),
        ("A....", (1, 0, 0, 0, 0)),
        ("AB...", (2, 1, 0, 0, 0)),
        (".B.D.", (0, 2, 0, 1, 0)),
        ("....E", (0, 0, 0, 0, 1)),
        ("AB...", (2, 2, 0, 0, 0)),  # exhausted: left out
    ]
    dicts = [
        make_target(
            id=target_uuid(n),
            tm_update=[NEVER, "2022-04-30 18:00:00.000000"][n % 2],
            **slots(dests, counts)[0],
        )
        for n, (dests, counts) in enumerate(rows)
    ]
    targets = [shaped(shape, t) for t in dicts]
    by_id = dict(zip((t["id"] for t in dicts), targets, strict=True))
    outplan = shaped_plan(shape, make_outplan())

    order = dial_order(targets, outplan, T0)

    assert len(order) == 5
    for entry in order:
        attempt = next_attempt(by_id[entry.target_id], outplan)
        assert entry.attempt == attempt
        assert attrs.astuple(entry, recurse=False) == (
            *attrs.astuple(attempt, recurse=False),
            entry.at,
        )


@pytest.mark.parametrize("built", ["init", "dial_order", "schedule"])
def test_scheduled_attempt_is_frozen(built: str) -> None:
    target, outplan = make_target(), make_outplan()
    if built == "init":
        entry = ScheduledAttempt(target_uuid(1), 0, address(0), 1, T0)
    elif built == "dial_order":
        (entry,) = dial_order([target], outplan)
    else:
        entry = schedule(target, outplan, T0)[0]
    assert entry == ScheduledAttempt(target_uuid(1), 0, address(0), 1, T0)

    for field in attrs.fields(ScheduledAttempt):
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            setattr(entry, field.name, getattr(entry, field.name))
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            delattr(entry, field.name)
    with pytest.raises(AttributeError):
        entry.attempt = entry.attempt  # type: ignore[misc]
    with pytest.raises(AttributeError):
        setattr(entry, "note", "no new attributes")  # noqa: B010
    assert entry == ScheduledAttempt(target_uuid(1), 0, address(0), 1, T0)


# --- schedule ----------------------------------------------------------------------------------

STEP = timedelta(seconds=30) + MINUTE  # dial_timeout + try_interval


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
    target_over, plan_over = slots(
        "ABC..", (overrides.get("try_count_0", 0), 0, 0, 0, 0), (2, 0, 2, 1, 1)
    )
    target = shaped(shape, make_target(**{**overrides, **target_over}))
    outplan = shaped_plan(shape, make_outplan(**plan_over))

    planned = schedule(target, outplan, start)

    assert [entry.attempt for entry in planned] == remaining_attempts(target, outplan)
    assert [entry.at for entry in planned] == [first + n * STEP for n in range(len(planned))]
    assert len(planned) == 4 - overrides.get("try_count_0", 0)


@pytest.mark.parametrize(
    "overrides", [{"status": "progressing"}, {"status": "done"}, {"try_count_0": 2}]
)
def test_schedule_of_a_target_that_is_not_available_is_empty(overrides: dict[str, Any]) -> None:
    assert schedule(make_target(**overrides), make_outplan(), T0) == []


# --- apply_result ------------------------------------------------------------------------------

ENDED = datetime(2022, 4, 30, 18, 30, 0, 123456, tzinfo=UTC)


@pytest.mark.parametrize(
    ("answered", "status"), [pytest.param(False, "idle", id="failed"), (True, "done")]
)
def test_apply_result_on_a_dict(answered: bool, status: str) -> None:
    target = make_target(**slots("AB...", (2, 1, 0, 0, 0))[0], extra_field={"kept": [1]})
    before = copy.deepcopy(target)
    attempt = next_attempt(target, make_outplan())
    assert attempt is not None

    updated = apply_result(target, attempt, answered, ENDED)

    assert target == before  # not mutated
    assert updated is not target
    assert type(updated) is dict
    assert updated == {
        **before,
        "try_count_1": 2,
        "status": status,
        "tm_update": "2022-04-30T18:30:00.123456Z",
    }


@pytest.mark.parametrize(
    ("answered", "status"),
    [(False, OutdialtargetStatus.IDLE), (True, OutdialtargetStatus.DONE)],
)
def test_apply_result_on_a_model(answered: bool, status: OutdialtargetStatus) -> None:
    model = Outdialtarget.from_dict(make_target(try_count_0=1, campaign_id="kept"))
    before = copy.deepcopy(model)
    attempt = next_attempt(model, Outplan.from_dict(make_outplan()))
    assert attempt is not None

    updated = apply_result(model, attempt, answered, ENDED)

    assert model == before  # not mutated
    assert type(updated) is Outdialtarget
    assert updated.status is status
    assert updated.try_count_0 == 2
    assert updated.tm_update == "2022-04-30T18:30:00.123456Z"
    assert updated.additional_properties == {"campaign_id": "kept"}
    assert updated.additional_properties is not model.additional_properties
    assert attrs.evolve(
        updated, try_count_0=1, status=model.status, tm_update=model.tm_update
    ) == attrs.evolve(model)
    assert updated.to_dict()["status"] == status.value


@pytest.mark.parametrize(
    ("at", "text"),
    [
        pytest.param(ENDED, "2022-04-30T18:30:00.123456Z", id="utc"),
        pytest.param(
            ENDED.astimezone(timezone(timedelta(hours=9))), "2022-04-30T18:30:00.123456Z", id="kst"
        ),
        pytest.param(ENDED.replace(tzinfo=None), "2022-04-30T18:30:00.123456Z", id="naive-is-utc"),
    ],
)
def test_apply_result_writes_tm_update_in_utc(at: datetime, text: str) -> None:
    target = make_target()
    attempt = next_attempt(target, make_outplan())
    assert attempt is not None
    assert apply_result(target, attempt, False, at)["tm_update"] == text


def test_apply_result_failed_call_waits_try_interval() -> None:
    outplan = make_outplan()
    target = make_target()
    attempt = next_attempt(target, outplan)
    assert attempt is not None
    updated = apply_result(target, attempt, False, ENDED, outplan=outplan)
    assert next_dial_time(updated, outplan) == ENDED + MINUTE
    assert brief(next_attempt(updated, outplan)) == (0, 2, address(0)["target"])
    answered = apply_result(target, attempt, True, ENDED)
    assert not is_available(answered, outplan)


@pytest.mark.parametrize("answered", [False, True])
@pytest.mark.parametrize("shape", SHAPES)
def test_apply_result_takes_a_scheduled_attempt(shape: str, answered: bool) -> None:
    target = shaped(shape, make_target(**TRIED, destination_1=address(1)))
    outplan = shaped_plan(shape, make_outplan())
    (entry,) = dial_order([target], outplan, T0)

    updated = apply_result(target, entry, answered, ENDED, outplan=outplan)

    assert updated == apply_result(target, entry.attempt, answered, ENDED, outplan=outplan)
    assert brief(next_attempt(updated, outplan)) == (1, 1, address(1)["target"])
    with pytest.raises(ValueError, match="'status' is done" if answered else "'try_number'"):
        apply_result(updated, entry, answered, ENDED)  # already applied
    # schedule()'s entries too; their time is not used.
    first = schedule(target, outplan, ENDED + MINUTE)[0]
    assert apply_result(target, first, answered, ENDED) == updated


def good_attempt(**changes: Any) -> DialAttempt:
    return attrs.evolve(DialAttempt(target_uuid(1), 0, address(0), 1), **changes)


@pytest.mark.parametrize(
    ("target_overrides", "attempt", "outplan", "field"),
    [
        pytest.param({}, good_attempt(target_id="someone-else"), None, "'target_id'", id="id"),
        pytest.param({}, good_attempt(index=5), None, "'index'", id="index-5"),
        pytest.param({}, good_attempt(index=-1), None, "'index'", id="index-negative"),
        pytest.param({}, good_attempt(try_number=2), None, "'try_number'", id="try-number"),
        pytest.param({}, good_attempt(index=1), None, "'destination_1'", id="null-destination"),
        pytest.param({"status": "done"}, good_attempt(), None, "'status'", id="done"),
        pytest.param(
            {"try_count_0": -1}, good_attempt(try_number=0), None, "'try_count_0'", id="bad-count"
        ),
        pytest.param(
            {"destination_1": address(1)},
            good_attempt(index=1, address=address(1)),
            make_outplan(),
            "next attempt",
            id="not-next-with-outplan",
        ),
    ],
)
def test_apply_result_rejects_an_attempt_that_does_not_fit(
    target_overrides: dict[str, Any],
    attempt: DialAttempt,
    outplan: dict[str, Any] | None,
    field: str,
) -> None:
    target = make_target(**target_overrides)
    with pytest.raises(ValueError, match=field):
        apply_result(target, attempt, False, ENDED, outplan=outplan)


def test_apply_result_accepts_the_next_attempt_with_outplan() -> None:
    outplan = make_outplan(max_try_count_0=0)
    target = make_target(destination_1=address(1))
    attempt = next_attempt(target, outplan)
    assert attempt is not None
    assert apply_result(target, attempt, False, ENDED, outplan=outplan)["try_count_1"] == 1


def test_apply_result_needs_a_dial_attempt() -> None:
    with pytest.raises(TypeError, match="a DialAttempt or a ScheduledAttempt, not tuple"):
        apply_result(make_target(), (target_uuid(1), 0), False, ENDED)  # type: ignore[call-overload]


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
    pytest.param(
        _keep, _drop("try_interval"), "outplan is missing 'try_interval'", id="no-interval"
    ),
    pytest.param(
        _keep, _drop("dial_timeout"), "outplan is missing 'dial_timeout'", id="no-timeout"
    ),
    pytest.param(
        _keep, _drop("max_try_count_3"), "outplan is missing 'max_try_count_3'", id="no-max"
    ),
    pytest.param(_keep, _set(try_interval=None), "outplan is missing 'try_interval'", id="null"),
    pytest.param(_keep, _set(try_interval=UNSET), "outplan is missing 'try_interval'", id="unset"),
    pytest.param(_keep, _set(dial_timeout=-1), "'dial_timeout' must not be negative", id="neg"),
    pytest.param(_keep, _set(max_try_count_0=-1), "'max_try_count_0' must not be", id="neg-max"),
    pytest.param(_keep, _set(max_try_count_0=True), "'max_try_count_0' must be an int", id="bool"),
    pytest.param(_keep, _set(max_try_count_4=1.0), "'max_try_count_4' must be an int", id="float"),
    pytest.param(_keep, _set(try_interval="60000"), "'try_interval' must be an int", id="str"),
    # target, on the slot every function reads
    pytest.param(_set(try_count_0=-1), _keep, "'try_count_0' must not be negative", id="neg-count"),
    pytest.param(_set(try_count_0=True), _keep, "'try_count_0' must be an int", id="bool-count"),
    pytest.param(_set(try_count_0=1.0), _keep, "'try_count_0' must be an int", id="float-count"),
    pytest.param(_set(try_count_0="1"), _keep, "'try_count_0' must be an int", id="str-count"),
    pytest.param(_set(try_count_0=None), _keep, "missing 'try_count_0'", id="null-count"),
    pytest.param(_drop("try_count_0"), _keep, "missing 'try_count_0'", id="no-count"),
    pytest.param(
        _set(try_count_0=3),
        _keep,
        "'try_count_0' is 3, above the outplan's 'max_try_count_0' of 2",
        id="above-max",
    ),
    pytest.param(_drop("id"), _keep, "missing 'id'", id="no-id"),
    pytest.param(_set(id=None), _keep, "missing 'id'", id="null-id"),
]


@pytest.mark.parametrize(("fix_target", "fix_outplan", "message"), BAD_INPUT_ROWS)
@pytest.mark.parametrize(
    "call",
    [
        pytest.param(lambda t, p: next_attempt(t, p), id="next_attempt"),
        pytest.param(lambda t, p: remaining_attempts(t, p), id="remaining_attempts"),
        pytest.param(lambda t, p: is_available(t, p), id="is_available"),
        pytest.param(lambda t, p: next_dial_time(t, p), id="next_dial_time"),
        pytest.param(lambda t, p: is_dialable(t, p, T0), id="is_dialable"),
        pytest.param(lambda t, p: schedule(t, p, T0), id="schedule"),
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


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        pytest.param({"try_count_3": -2}, "'try_count_3' must not be negative", id="neg-slot-3"),
        pytest.param({"try_count_4": False}, "'try_count_4' must be an int", id="bool-slot-4"),
        pytest.param({"try_count_2": 7}, "'try_count_2' is 7, above", id="above-slot-2"),
    ],
)
@pytest.mark.parametrize("function", [next_attempt, remaining_attempts])
def test_single_target_functions_check_all_five_slots(
    function: Callable[[Any, Any], object], overrides: dict[str, Any], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        function(make_target(**overrides), make_outplan())


def test_bad_counts_on_the_model_name_the_field() -> None:
    model = Outdialtarget.from_dict(make_target(try_count_0=-1))
    with pytest.raises(ValueError, match="'try_count_0' must not be negative"):
        dial_order([model], Outplan.from_dict(make_outplan()))
    with pytest.raises(ValueError, match="'max_try_count_2' must not be negative"):
        next_attempt(model, Outplan.from_dict(make_outplan(max_try_count_2=-1)))


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        pytest.param({"tm_update": "half past six", "try_count_0": 1}, "'tm_update'", id="update"),
        pytest.param({"tm_create": "long ago", "tm_update": NEVER}, "'tm_create'", id="create"),
        pytest.param({"tm_create": "long ago", "tm_update": None}, "'tm_create'", id="create-null"),
    ],
)
@pytest.mark.parametrize(
    "call",
    [
        pytest.param(lambda t, p: next_dial_time(t, p), id="next_dial_time"),
        pytest.param(lambda t, p: dial_order([t], p), id="dial_order"),
        pytest.param(lambda t, p: schedule(t, p, T0), id="schedule"),
    ],
)
def test_malformed_timestamps_name_the_field(
    call: Callable[[Any, Any], object], overrides: dict[str, Any], field: str
) -> None:
    target = make_target(**overrides)
    with pytest.raises(ValueError, match=field) as error:
        call(target, make_outplan())
    assert repr(overrides[field.strip("'")]) in str(error.value)
