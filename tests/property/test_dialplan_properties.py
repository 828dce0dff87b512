"""Properties of voipbin_outdial.dialplan over generated targets and outplans (Hypothesis).

The main one: ``dial_order`` is the per-target functions (``is_available``, ``next_attempt``,
``next_dial_time``) plus the engine's order, on anything a caller may hand it: counts that are
floats, bools, missing or above the max, destinations that are ``{}``, null or missing, ids as
text in either case or as UUIDs, times in RFC 3339 (trimmed fractions, offsets) and in the
docs' older form, the 9999 sentinel. Where a per-target function refuses a target, so does
``dial_order``.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any
from uuid import UUID

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from voipbin_outdial.dialplan import (
    apply_call_start,
    apply_hangup,
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
HALF_SECOND = timedelta(milliseconds=500)
INTERVAL = timedelta(minutes=1)
# Modest example counts: the whole file stays well under 10 s.
PROPERTY = settings(
    max_examples=150,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)

# A few instants, so ties on tm_update (broken by id) happen often.
BASE = datetime(2022, 4, 30, 17, 0, tzinfo=UTC)
INSTANTS = st.sampled_from(
    [BASE + timedelta(minutes=m, microseconds=us) for m, us in ((0, 0), (7, 500000), (30, 1))]
) | st.datetimes(
    # Hypothesis takes naive bounds and attaches the zone itself.
    min_value=datetime(2021, 1, 1),  # noqa: DTZ001
    max_value=datetime(2023, 1, 1),  # noqa: DTZ001
    timezones=st.just(UTC),
)
MISSING = object()  # a key left out of the dict


@st.composite
def written(draw: st.DrawFn, instant: datetime) -> str:
    """An instant as VoIPBIN may write it: RFC 3339 (trimmed or not, Z or an offset), or the
    docs' older ``"2022-04-30 17:52:16.484341"``."""
    form = draw(st.sampled_from(["rfc", "rfc", "full", "offset", "spaced"]))
    if form == "rfc":
        return instant.strftime("%Y-%m-%dT%H:%M:%S.%f").rstrip("0").rstrip(".") + "Z"
    if form == "full":
        return instant.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    if form == "offset":
        hours = draw(st.integers(-12, 14))
        return instant.astimezone(timezone(timedelta(hours=hours))).isoformat()
    return instant.strftime("%Y-%m-%d %H:%M:%S.%f")


def outplan(maxes: tuple[int, ...]) -> dict[str, Any]:
    return {
        "id": "d5fb7357-7ddb-4f2d-87b5-8ccbfd6c039e",
        "name": "plan",
        "detail": "generated",
        "source": {"type": "tel", "target": "+15559876543"},
        "dial_timeout": 30000,
        "try_interval": int(INTERVAL.total_seconds() * 1000),
        **{f"max_try_count_{i}": maxes[i] for i in SLOTS},
        "tm_create": "2022-04-28T01:50:23.414Z",
    }


MAXES = st.tuples(*[st.integers(0, 3)] * 5)
DESTINATION = {"type": "tel", "target": "+8211000001", "target_name": "", "name": "", "detail": ""}


def put(target: dict[str, Any], key: str, value: object) -> None:
    if value is not MISSING:
        target[key] = value


ODD_COUNTS = [1.0, 2.5, True, False, None, -1, MISSING, "1"]


@st.composite
def odd_targets(draw: st.DrawFn, maxes: tuple[int, ...]) -> dict[str, Any]:
    """Any target a caller may hand over (see the module docstring). About one in eight has
    one value the functions refuse (a count or an id); the rest are valid in varied forms."""
    uid = draw(st.uuids())
    target: dict[str, Any] = {"name": "contact", "detail": "d", "data": "x"}
    target["id"] = draw(st.sampled_from([str(uid), str(uid), str(uid).upper(), uid]))
    put(target, "status", draw(st.sampled_from(["idle", "idle", "idle", "progressing", "done"])))
    for i in SLOTS:
        put(
            target,
            f"destination_{i}",
            draw(st.sampled_from([DESTINATION, DESTINATION, None, {}, MISSING])),
        )
        target[f"try_count_{i}"] = draw(st.integers(0, maxes[i] + 2))  # above the max too
    created = draw(INSTANTS)
    put(target, "tm_create", draw(written(created) | st.sampled_from([None, NEVER, MISSING])))
    tm_update = draw(
        st.sampled_from(["same", "same", "later", None, "", NEVER, "9999-12-31T00:00:00Z"])
    )
    if tm_update == "same":
        tm_update = draw(written(created))  # never tried, perhaps written another way
    elif tm_update == "later":
        tm_update = draw(written(draw(INSTANTS) + timedelta(hours=1)))
    put(target, "tm_update", tm_update)
    if draw(st.integers(0, 7)) == 0:
        odd = draw(st.sampled_from([*(f"try_count_{i}" for i in SLOTS), "id"]))
        value = "contact-7" if odd == "id" else draw(st.sampled_from(ODD_COUNTS))
        target.pop(odd)
        put(target, odd, value)
    return target


def engine_key(target: dict[str, Any]) -> tuple[datetime, UUID]:
    """The engine's order, written plainly: tm_update (tm_create if null or 9999), then id."""
    updated = parse_timestamp(target.get("tm_update"))
    created = parse_timestamp(target.get("tm_create"))
    raw = target["id"]
    return (updated or created or EPOCH, raw if isinstance(raw, UUID) else UUID(raw))


def verdict(target: dict[str, Any], plan: dict[str, Any]) -> tuple[bool, Any, Any] | None:
    """(available, next_attempt, next_dial_time), or None when they refuse the target."""
    try:
        available = is_available(target, plan)
        if not available:
            return False, None, None
        return True, next_attempt(target, plan), next_dial_time(target, plan)
    except ValueError:
        return None


@PROPERTY
@given(
    MAXES.flatmap(
        lambda m: st.tuples(st.just(m), st.lists(odd_targets(m), min_size=1, max_size=12))
    ),
    st.none() | INSTANTS,
)
def test_dial_order_is_the_per_target_functions_in_the_engines_order(
    case: tuple[tuple[int, ...], list[dict[str, Any]]], now: datetime | None
) -> None:
    maxes, campaign = case
    plan = outplan(maxes)
    verdicts = [verdict(t, plan) for t in campaign]

    if None in verdicts:
        event("a target is refused")
        refused = campaign[verdicts.index(None)]
        try:
            dial_order(campaign, plan, now)
        except ValueError:
            pass  # refused too
        else:
            raise AssertionError(f"dial_order took what a per-target function refused: {refused}")
        return

    order = dial_order(campaign, plan, now)
    event(f"order of {min(len(order), 3)}+ entries")

    available = [t for t, v in zip(campaign, verdicts, strict=True) if v and v[0]]
    expected = sorted(available, key=engine_key)  # stable: a target given twice keeps its place
    assert [e.target_id for e in order] == [engine_key(t)[1] for t in expected]
    previous: datetime | None = None
    for entry, target in zip(order, expected, strict=True):
        assert entry.attempt == next_attempt(target, plan)
        due = next_dial_time(target, plan)
        assert due is not None
        floors = [due, *([now] if now else []), *([previous + HALF_SECOND] if previous else [])]
        assert entry.at == max(floors)
        previous = entry.at


@st.composite
def api_targets(draw: st.DrawFn, maxes: tuple[int, ...], idle: bool = False) -> dict[str, Any]:
    """A target as the API sends it (valid; unused slots null or ``{}``)."""
    created = draw(INSTANTS)
    target: dict[str, Any] = {
        "id": str(draw(st.uuids())),
        "outdial_id": "40bea034-1d17-474d-a5de-da00d0861c69",
        "name": "contact",
        "detail": "d",
        "data": "x",
        "status": "idle" if idle else draw(st.sampled_from(["idle", "progressing", "done"])),
        "tm_create": draw(written(created)),
        "tm_delete": None,
    }
    for i in SLOTS:
        target[f"destination_{i}"] = DESTINATION if draw(st.booleans()) else None
        target[f"try_count_{i}"] = draw(st.integers(0, maxes[i] + 1))
    later = draw(st.booleans())
    target["tm_update"] = draw(written(created + timedelta(hours=1) if later else created))
    return target


def campaigns(idle: bool = False) -> st.SearchStrategy[tuple[tuple[int, ...], dict[str, Any]]]:
    return MAXES.flatmap(lambda maxes: st.tuples(st.just(maxes), api_targets(maxes, idle)))


@PROPERTY
@given(
    MAXES.flatmap(lambda m: st.tuples(st.just(m), st.lists(api_targets(m), max_size=12))),
    st.none() | INSTANTS,
)
def test_dial_order_gives_the_same_for_models_and_dicts(
    case: tuple[tuple[int, ...], list[dict[str, Any]]], now: datetime | None
) -> None:
    maxes, campaign = case
    plan = outplan(maxes)
    models = [Outdialtarget.from_dict(t) for t in campaign]

    from_dicts = dial_order(campaign, plan, now)
    from_models = dial_order(models, Outplan.from_dict(plan), now)

    assert [(e.target_id, e.index, e.try_number, e.at) for e in from_models] == [
        (e.target_id, e.index, e.try_number, e.at) for e in from_dicts
    ]
    by_id = {m.id: m for m in models}
    assert all(e.target_id == by_id[e.target_id].id for e in from_models)
    assert all(isinstance(e.address, Address) for e in from_models)


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
        assert attempt.address is target[f"destination_{attempt.index}"]
        assert target[f"try_count_{attempt.index}"] < attempt.try_number <= maxes[attempt.index]
        assert attempt.target_id == UUID(target["id"])
    assert (first is None) == (attempts == [])
    assert first is None or attempts[0] == first
    expected = sum(
        max(0, maxes[i] - target[f"try_count_{i}"])
        for i in SLOTS
        if target[f"destination_{i}"] is not None
    )
    assert len(attempts) == expected


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
        before = target
        live = apply_call_start(before, attempt, ended - timedelta(seconds=30), outplan=plan)
        assert not is_available(live, plan)  # progressing while the call is live
        target = apply_hangup(live, "noanswer", ended)
        assert target == apply_result(before, attempt, False, ended)  # both steps at once
        assert next_dial_time(target, plan) == (
            ended + INTERVAL if next_attempt(target, plan) else None
        )
        assert len(walked) <= len(expected)
    assert walked == expected
    assert not is_available(target, plan)
    if not as_model:
        assert start == case[1]  # never mutated
