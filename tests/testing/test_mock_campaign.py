"""The dialer simulation: dialplan's order on a virtual clock, results visible through the API."""

from __future__ import annotations

import copy
import itertools
from datetime import timedelta
from typing import Any

import httpx
import pytest
from mock_support import (
    AUTH,
    T0,
    StepClock,
    address,
    conforms,
    outdial_body,
    outplan_body,
    target_body,
)

from voipbin_outdial.dialplan import DialAttempt, apply_result, dial_order
from voipbin_outdial.testing import CallRecord, ResourceNotFoundError, VoipbinMock
from voipbin_outdial.timeutil import format_timestamp, parse_timestamp

START = T0 + timedelta(hours=1)
S = timedelta(seconds=1)


def _plan(http: httpx.Client, maxes: list[int], **overrides: Any) -> dict[str, Any]:
    counts = {f"max_try_count_{i}": n for i, n in enumerate(maxes)}
    return dict(http.post("/outplans", json=outplan_body(**counts, **overrides)).json())


def _outdial(http: httpx.Client, *targets: dict[str, Any]) -> tuple[str, list[dict[str, Any]]]:
    outdial_id = http.post("/outdials", json=outdial_body()).json()["id"]
    made = [http.post(f"/outdials/{outdial_id}/targets", json=t).json() for t in targets]
    return outdial_id, made


def _targets(http: httpx.Client, outdial_id: str) -> dict[str, dict[str, Any]]:
    response = http.get(f"/outdials/{outdial_id}/targets")
    return {t["name"]: t for t in conforms(response, "GET", "/outdials/{id}/targets")["result"]}


def _counts(target: dict[str, Any]) -> list[int]:
    return [target[f"try_count_{i}"] for i in range(5)]


def _replay(
    targets: list[dict[str, Any]], plan: dict[str, Any], calls: list[CallRecord], start: Any
) -> dict[str, dict[str, Any]]:
    """Check each call was dial_order's first due entry (else its earliest); the end state."""
    state = {t["id"]: copy.deepcopy(t) for t in targets}
    now = start
    for call in calls:
        order = dial_order(list(state.values()), plan, now=now)
        due = [s for s in order if s.at <= now]
        first = due[0] if due else min(order, key=lambda s: s.at)
        assert (first.target_id, first.index) == (call.target_id, call.index)
        assert first.try_number == call.try_number
        assert first.address == call.address
        assert first.at == call.at
        state[call.target_id] = apply_result(
            state[call.target_id], first, call.answered, call.ended_at
        )
        now = call.ended_at
    assert dial_order(list(state.values()), plan, now=now) == [] or calls == []
    return state


def test_nobody_answers_a_worked_example(http: httpx.Client, mock: VoipbinMock) -> None:
    plan = _plan(http, [2, 1, 0, 0, 0], dial_timeout=30_000, try_interval=60_000)
    outdial_id, _ = _outdial(
        http,
        target_body(address("+1001"), address("+1002"), name="A"),
        target_body(address("+2001"), name="B"),
    )

    calls = mock.run_campaign(plan["id"], outdial_id, answer=False, start=START)

    # A and B have never been tried: A (created first) goes first. After a call, a target waits
    # try_interval (60 s) from the call's end; the least recently updated target goes next.
    # B's destination_1 was left out, so VoIPBIN stored {} there, which is not null: its dialer
    # (bin-outdial-manager/pkg/dbhandler/outdialtarget.go, outdialTargetSelectAvailable, and
    # bin-campaign-manager/pkg/campaignhandler/execute.go, getTargetDestination) dials it too.
    names = {t["id"]: n for n, t in _targets(http, outdial_id).items()}
    assert [
        (names[c.target_id], c.index, c.try_number, c.at - START, c.ended_at - START) for c in calls
    ] == [
        ("A", 0, 1, 0 * S, 30 * S),
        ("B", 0, 1, 30 * S, 60 * S),
        ("A", 0, 2, 90 * S, 120 * S),
        ("B", 0, 2, 120 * S, 150 * S),
        ("A", 1, 1, 180 * S, 210 * S),
        ("B", 1, 1, 210 * S, 240 * S),
    ]
    assert [c.address_target for c in calls] == ["+1001", "+2001", "+1001", "+2001", "+1002", ""]
    assert not any(c.answered for c in calls)

    after = _targets(http, outdial_id)
    assert _counts(after["A"]) == [2, 1, 0, 0, 0]
    assert _counts(after["B"]) == [2, 1, 0, 0, 0]
    # dialplan's apply_result leaves an unanswered target idle; nothing is left to dial.
    assert after["A"]["status"] == after["B"]["status"] == "idle"
    assert after["A"]["tm_update"] == format_timestamp(START + 210 * S)
    assert after["B"]["tm_update"] == format_timestamp(START + 240 * S)
    assert after["A"]["tm_delete"] is None


def test_nobody_answers_every_remaining_attempt_in_dialplans_order(
    http: httpx.Client, mock: VoipbinMock
) -> None:
    plan = _plan(http, [3, 2, 0, 1, 1], dial_timeout=20_000, try_interval=45_000)
    outdial_id, targets = _outdial(
        http,
        target_body(address("+1"), address("+2"), address("+3"), address("+4"), name="full"),
        target_body(None, address("+5"), name="no-first"),
        target_body(None, None, address("+6"), name="only-max-zero"),  # +6 never dialed
        target_body(address("+7"), name="single"),
        target_body(address("+8"), None, None, None, address("+9"), name="gap"),
    )

    calls = mock.run_campaign(plan["id"], outdial_id, answer=False, start=START)

    final = _replay(targets, plan, calls, START)
    after = _targets(http, outdial_id)
    # Every slot is stored, an empty one as {} (not null), so every slot with tries left is
    # dialed, whatever it holds (see test_nobody_answers_a_worked_example).
    for name in ("full", "no-first", "only-max-zero", "single", "gap"):
        assert _counts(after[name]) == [3, 2, 0, 1, 1], name
    assert {c.address_target for c in calls if c.target_id == after["gap"]["id"]} == {
        "+8",
        "",
        "+9",
    }
    assert len(calls) == 5 * 7
    for target in after.values():
        assert target == final[target["id"]]
    # One call at a time: each starts when the previous one has ended, or later.
    for before, nxt in itertools.pairwise(calls):
        assert nxt.at >= before.ended_at
        assert before.ended_at - before.at == 20 * S


def test_everybody_answers_each_target_once(http: httpx.Client, mock: VoipbinMock) -> None:
    plan = _plan(http, [3, 3, 3, 3, 3])
    outdial_id, targets = _outdial(
        http,
        target_body(address("+1"), address("+2"), name="a"),
        target_body(None, address("+3"), name="b"),
        target_body(address("+4"), name="c"),
    )

    calls = mock.run_campaign(
        plan["id"], outdial_id, answer=True, start=START, talk_time=timedelta(minutes=2)
    )

    # b's destination_0 is {} (left empty), which VoIPBIN's dialer does not skip.
    assert [(c.index, c.try_number, c.answered) for c in calls] == [
        (0, 1, True),
        (0, 1, True),
        (0, 1, True),
    ]
    assert [c.at - START for c in calls] == [0 * S, 120 * S, 240 * S]
    assert all(c.ended_at - c.at == timedelta(minutes=2) for c in calls)
    after = _targets(http, outdial_id)
    assert {t["status"] for t in after.values()} == {"done"}
    assert _counts(after["b"]) == [1, 0, 0, 0, 0]
    _replay(targets, plan, calls, START)


def test_an_answered_call_ends_when_answered_by_default(
    http: httpx.Client, mock: VoipbinMock
) -> None:
    plan = _plan(http, [1, 0, 0, 0, 0])
    outdial_id, _ = _outdial(http, target_body())
    (call,) = mock.run_campaign(plan["id"], outdial_id, answer=1.0, start=START)
    assert call.ended_at == call.at == START


def _signature(mock: VoipbinMock, seed: int) -> list[tuple[Any, ...]]:
    with mock.client(headers=AUTH) as http:
        plan = _plan(http, [3, 2, 0, 0, 0])
        outdial_id, _ = _outdial(
            http,
            *(target_body(address(f"+1{i}"), address(f"+2{i}"), name=f"t{i}") for i in range(6)),
        )
        names = {
            t["id"]: t["name"] for t in http.get(f"/outdials/{outdial_id}/targets").json()["result"]
        }
    calls = mock.run_campaign(plan["id"], outdial_id, answer=0.4, seed=seed, start=START)
    return [(names[c.target_id], c.index, c.try_number, c.answered, c.at) for c in calls]


def test_a_seeded_probability_is_deterministic() -> None:
    first = _signature(VoipbinMock(clock=StepClock()), seed=7)
    again = _signature(VoipbinMock(clock=StepClock()), seed=7)
    other = _signature(VoipbinMock(clock=StepClock()), seed=8)
    assert first == again
    assert first != other
    answered = [s for s in first if s[3]]
    assert 0 < len(answered) < len(first)
    assert len(answered) <= 6  # an answered target is done


def test_a_callable_decides_each_attempt(http: httpx.Client, mock: VoipbinMock) -> None:
    plan = _plan(http, [3, 0, 0, 0, 0])
    outdial_id, targets = _outdial(http, target_body(name="x"), target_body(name="y"))
    seen: list[DialAttempt] = []

    def answer(attempt: DialAttempt) -> bool:
        seen.append(attempt)
        return attempt.try_number == 2

    calls = mock.run_campaign(plan["id"], outdial_id, answer=answer, start=START)

    assert [(a.target_id, a.try_number) for a in seen] == [
        (c.target_id, c.try_number) for c in calls
    ]
    assert [c.try_number for c in calls] == [1, 1, 2, 2]
    assert [c.answered for c in calls] == [False, False, True, True]
    assert {t["status"] for t in _targets(http, outdial_id).values()} == {"done"}
    _replay(targets, plan, calls, START)


def test_the_callable_may_use_the_api_while_the_campaign_runs(mock: VoipbinMock) -> None:
    with mock.client(headers=AUTH) as http:
        plan = _plan(http, [2, 0, 0, 0, 0])
        outdial_id, _ = _outdial(http, target_body())

        def answer(attempt: DialAttempt) -> bool:
            path = f"/outdials/{outdial_id}/targets/{attempt.target_id}"
            return bool(http.get(path).json()["try_count_0"] == 1)

        calls = mock.run_campaign(plan["id"], outdial_id, answer=answer, start=START)
    assert [c.answered for c in calls] == [False, True]


def test_until_bounds_the_virtual_time_and_a_later_run_resumes(mock: VoipbinMock) -> None:
    twin = VoipbinMock(clock=StepClock())
    runs: list[list[tuple[Any, ...]]] = []
    for target_mock, bounded in ((mock, True), (twin, False)):
        with target_mock.client(headers=AUTH) as http:
            plan = _plan(http, [4, 0, 0, 0, 0], dial_timeout=30_000, try_interval=600_000)
            outdial_id, _ = _outdial(http, target_body(name="a"), target_body(name="b"))
            names = {t["id"]: n for n, t in _targets(http, outdial_id).items()}
        if bounded:
            first = target_mock.run_campaign(
                plan["id"], outdial_id, start=START, until=timedelta(minutes=15)
            )
            assert all(c.at <= START + timedelta(minutes=15) for c in first)
            assert len(first) == 4  # a, b at once; again 10 min after each call ended
            rest = target_mock.run_campaign(plan["id"], outdial_id)  # resumes where it stopped
            calls = first + rest
        else:
            calls = target_mock.run_campaign(plan["id"], outdial_id, start=START)
        runs.append([(names[c.target_id], c.try_number, c.at) for c in calls])
    assert runs[0] == runs[1]
    assert len(runs[0]) == 8


def test_until_as_a_datetime_and_nothing_to_dial(http: httpx.Client, mock: VoipbinMock) -> None:
    plan = _plan(http, [1, 0, 0, 0, 0])
    outdial_id, _ = _outdial(http, target_body())
    assert mock.run_campaign(plan["id"], outdial_id, start=START, until=START - S) == []
    assert len(mock.run_campaign(plan["id"], outdial_id, start=START, until=START)) == 1
    assert mock.run_campaign(plan["id"], outdial_id) == []  # exhausted
    empty_id, _ = _outdial(http)
    assert mock.run_campaign(plan["id"], empty_id) == []


def test_deleted_and_foreign_targets_are_not_dialed(http: httpx.Client, mock: VoipbinMock) -> None:
    plan = _plan(http, [1, 0, 0, 0, 0])
    outdial_id, (keep, gone) = _outdial(http, target_body(name="keep"), target_body(name="gone"))
    other_id, (foreign,) = _outdial(http, target_body(name="foreign"))
    http.delete(f"/outdials/{outdial_id}/targets/{gone['id']}")

    calls = mock.run_campaign(plan["id"], outdial_id, start=START)

    assert [c.target_id for c in calls] == [keep["id"]]
    assert _counts(http.get(f"/outdials/{other_id}/targets/{foreign['id']}").json())[0] == 0


def test_the_mock_clock_moves_on_past_the_campaign(http: httpx.Client, mock: VoipbinMock) -> None:
    plan = _plan(http, [2, 0, 0, 0, 0])
    outdial_id, _ = _outdial(http, target_body())
    calls = mock.run_campaign(plan["id"], outdial_id, start=START + timedelta(days=3))
    later = http.post("/outdials", json=outdial_body()).json()
    assert parse_timestamp(later["tm_create"]) > calls[-1].ended_at


def test_the_default_start_is_the_mocks_current_time(http: httpx.Client, mock: VoipbinMock) -> None:
    plan = _plan(http, [1, 0, 0, 0, 0])
    outdial_id, (target,) = _outdial(http, target_body())
    (call,) = mock.run_campaign(plan["id"], outdial_id)
    assert call.at > parse_timestamp(target["tm_create"])
    assert call.at < T0 + timedelta(minutes=1)


@pytest.mark.parametrize("missing", ["outplan", "outdial"])
def test_a_missing_or_deleted_outplan_or_outdial_raises(
    http: httpx.Client, mock: VoipbinMock, missing: str
) -> None:
    plan = _plan(http, [1, 0, 0, 0, 0])
    outdial_id, _ = _outdial(http, target_body())
    http.delete(f"/{missing}s/{plan['id'] if missing == 'outplan' else outdial_id}")
    with pytest.raises(ResourceNotFoundError, match=missing):
        mock.run_campaign(plan["id"], outdial_id)


@pytest.mark.parametrize("answer", [-0.1, 1.5, "yes"])
def test_a_probability_outside_0_to_1_is_refused(mock: VoipbinMock, answer: Any) -> None:
    with pytest.raises(ValueError, match="probability"):
        mock.run_campaign("x", "y", answer=answer)


def test_call_records_are_frozen(http: httpx.Client, mock: VoipbinMock) -> None:
    plan = _plan(http, [1, 0, 0, 0, 0])
    outdial_id, _ = _outdial(http, target_body())
    (call,) = mock.run_campaign(plan["id"], outdial_id)
    with pytest.raises(AttributeError):
        call.answered = True  # type: ignore[misc]


def test_a_due_target_is_not_kept_waiting_behind_one_that_is_not() -> None:
    """A tried target (retry in an hour) sorts first by tm_update, but a new one is due now."""
    clock = StepClock()
    mock = VoipbinMock(clock=clock)
    http = mock.client(headers=AUTH)
    plan = _plan(http, [2, 0, 0, 0, 0], try_interval=3_600_000, dial_timeout=30_000)
    outdial_id, (tried,) = _outdial(http, target_body(name="tried"))
    first_run = mock.run_campaign(plan["id"], outdial_id, start=START, until=timedelta(minutes=1))
    assert [c.target_id for c in first_run] == [tried["id"]]

    clock.now = START + timedelta(minutes=30)
    fresh = http.post(f"/outdials/{outdial_id}/targets", json=target_body(name="fresh")).json()
    later = START + timedelta(minutes=45)
    calls = mock.run_campaign(plan["id"], outdial_id, start=later, until=timedelta(hours=2))

    tried_retry = START + timedelta(seconds=30) + timedelta(hours=1)  # first call ended + 1 h
    assert [(c.target_id, c.at) for c in calls] == [
        (fresh["id"], later),  # due now; the old rule waited 15 minutes for "tried"
        (tried["id"], tried_retry),
        (fresh["id"], later + timedelta(seconds=30) + timedelta(hours=1)),
    ]
