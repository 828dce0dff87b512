"""Properties of voipbin_outdial.dialplan over generated targets and outplans (Hypothesis)."""

from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from voipbin_outdial.dialplan import (
    apply_result,
    dial_order,
    is_available,
    next_attempt,
    next_dial_time,
    remaining_attempts,
)
from voipbin_outdial.models import Address, Outdialtarget, Outplan
from voipbin_outdial.timeutil import EPOCH, NEVER, parse_timestamp

SLOTS = range(5)
# Modest example counts: the whole file stays well under 10 s.
PROPERTY = settings(
    max_examples=100,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)

# A few instants, so ties on tm_update (broken by id) happen often.
BASE = datetime(2022, 4, 30, 17, 0, tzinfo=UTC)
INSTANTS = st.sampled_from([BASE + timedelta(minutes=m) for m in (0, 0, 7, 30, 90)]) | st.datetimes(
    # Hypothesis takes naive bounds and attaches the zone itself.
    min_value=datetime(2021, 1, 1),  # noqa: DTZ001
    max_value=datetime(2023, 1, 1),  # noqa: DTZ001
    timezones=st.just(UTC),
)


@st.composite
def written(draw: st.DrawFn, instant: datetime) -> str:
    """An instant as VoIPBIN may write it: its own form, ISO with Z, or ISO with an offset."""
    form = draw(st.sampled_from(["wire", "wire", "z", "offset"]))
    if form == "wire":
        return instant.strftime("%Y-%m-%d %H:%M:%S.%f")
    if form == "z":
        return instant.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    hours = draw(st.integers(-12, 14))
    return instant.astimezone(timezone(timedelta(hours=hours))).isoformat()


def outplan(maxes: tuple[int, ...]) -> dict[str, Any]:
    return {
        "id": "d5fb7357-7ddb-4f2d-87b5-8ccbfd6c039e",
        "name": "",
        "detail": "",
        "source": {"type": "tel", "target": "+15559876543"},
        "dial_timeout": 30000,
        "try_interval": 60000,
        **{f"max_try_count_{i}": maxes[i] for i in SLOTS},
        "tm_create": "2022-04-28 01:50:23.414000",
    }


MAXES = st.tuples(*[st.integers(0, 3)] * 5)


@st.composite
def targets(draw: st.DrawFn, maxes: tuple[int, ...], idle: bool = False) -> dict[str, Any]:
    """A valid outdialtarget dict under an outplan with these maxes."""
    target: dict[str, Any] = {
        "id": str(draw(st.uuids())),
        "outdial_id": "40bea034-1d17-474d-a5de-da00d0861c69",
        "name": "",
        "detail": "",
        "data": "",
        "status": "idle"
        if idle
        else draw(st.sampled_from(["idle", "idle", "progressing", "done"])),
        "tm_delete": NEVER,
    }
    for i in SLOTS:
        present = draw(st.booleans())
        target[f"destination_{i}"] = (
            {
                "type": "tel",
                "target": f"+82110000000{i}",
                "target_name": "",
                "name": "",
                "detail": "",
            }
            if present
            else None
        )
        target[f"try_count_{i}"] = draw(st.integers(0, maxes[i]))
    created = draw(INSTANTS)
    target["tm_create"] = draw(written(created))
    target["tm_update"] = draw(
        st.sampled_from([NEVER, None, "same"]) | INSTANTS.map(lambda dt: dt + timedelta(hours=1))
    )
    if target["tm_update"] == "same":
        target["tm_update"] = draw(written(created))  # the same instant, perhaps written otherwise
    elif isinstance(target["tm_update"], datetime):
        target["tm_update"] = draw(written(target["tm_update"]))
    return target


def campaigns(idle: bool = False) -> st.SearchStrategy[tuple[tuple[int, ...], dict[str, Any]]]:
    return MAXES.flatmap(lambda maxes: st.tuples(st.just(maxes), targets(maxes, idle)))


@PROPERTY
@given(campaigns())
def test_attempts_never_use_a_null_destination_nor_pass_the_max(
    case: tuple[tuple[int, ...], dict[str, Any]],
) -> None:
    maxes, target = case
    plan = outplan(maxes)
    attempts = remaining_attempts(target, plan)
    first = next_attempt(target, plan)
    for attempt in [*attempts, *([first] if first else [])]:
        assert attempt.address is not None
        assert attempt.address is target[f"destination_{attempt.index}"]
        assert target[f"try_count_{attempt.index}"] < attempt.try_number <= maxes[attempt.index]
        assert attempt.target_id == target["id"]
    assert (first is None) == (attempts == [])
    assert first is None or attempts[0] == first


@PROPERTY
@given(campaigns())
def test_remaining_attempts_count(case: tuple[tuple[int, ...], dict[str, Any]]) -> None:
    maxes, target = case
    expected = sum(
        max(0, maxes[i] - target[f"try_count_{i}"])
        for i in SLOTS
        if target[f"destination_{i}"] is not None
    )
    assert len(remaining_attempts(target, outplan(maxes))) == expected


@PROPERTY
@given(campaigns(idle=True), st.booleans())
def test_failing_every_call_walks_exactly_remaining_attempts(
    case: tuple[tuple[int, ...], dict[str, Any]], as_model: bool
) -> None:
    maxes, start = case
    plan: Any = outplan(maxes)
    target: Any = start
    if as_model:
        target, plan = Outdialtarget.from_dict(start), Outplan.from_dict(plan)
    expected = remaining_attempts(target, plan)
    walked = []
    ended = datetime(2022, 6, 1, tzinfo=UTC)
    while (attempt := next_attempt(target, plan)) is not None:
        assert is_available(target, plan)
        walked.append(attempt)
        ended += timedelta(minutes=5)
        target = apply_result(target, attempt, False, ended, outplan=plan)
        assert next_dial_time(target, plan) == (
            ended + timedelta(minutes=1) if next_attempt(target, plan) else None
        )
        assert len(walked) <= len(expected)
    assert walked == expected
    assert not is_available(target, plan)
    if as_model:
        assert type(target) is Outdialtarget
        assert all(isinstance(a.address, Address) for a in walked)
    else:
        assert start == case[1]  # never mutated


def order_key(target: dict[str, Any]) -> tuple[datetime, str]:
    """The engine's order, written plainly: tm_update (or tm_create if never), then id."""
    updated = parse_timestamp(target["tm_update"])
    created = parse_timestamp(target["tm_create"])
    return (updated or created or EPOCH, target["id"])


@PROPERTY
@given(
    MAXES.flatmap(lambda maxes: st.tuples(st.just(maxes), st.lists(targets(maxes), max_size=25))),
    st.none() | INSTANTS,
)
def test_dial_order_is_sorted_and_holds_exactly_the_available_targets(
    case: tuple[tuple[int, ...], list[dict[str, Any]]], now: datetime | None
) -> None:
    maxes, campaign = case
    plan = outplan(maxes)

    order = dial_order(campaign, plan, now)

    by_id = {t["id"]: t for t in campaign}
    chosen = [by_id[entry.target_id] for entry in order]
    assert sorted(t["id"] for t in chosen) == sorted(
        t["id"] for t in campaign if is_available(t, plan)
    )
    assert [order_key(t) for t in chosen] == sorted(order_key(t) for t in chosen)
    for entry, target in zip(order, chosen, strict=True):
        assert entry.attempt == next_attempt(target, plan)
        dial_time = next_dial_time(target, plan)
        assert dial_time is not None
        assert entry.at == (dial_time if now is None else max(now, dial_time))

    models = dial_order(
        [Outdialtarget.from_dict(t) for t in campaign], Outplan.from_dict(plan), now
    )
    assert [(e.target_id, e.index, e.try_number, e.at) for e in models] == [
        (e.target_id, e.index, e.try_number, e.at) for e in order
    ]
