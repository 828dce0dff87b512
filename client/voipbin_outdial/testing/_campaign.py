"""The dialer simulation: a campaign dials an outdial under an outplan, on a virtual clock.

The dial rules are not restated here: every decision comes from :mod:`voipbin_outdial.dialplan`,
the helpers the SDK documents as VoIPBIN's engine. One step of the simulation:

1. ``dial_order(live targets, outplan, now=virtual now)``; stop if it is empty (no target is
   idle with an attempt left).
2. Take its first entry that is due now (``at <= now``), as the engine takes the least recently
   updated target among those it may dial. If none is due, take the earliest and move the clock
   forward to it (the engine waits out the ``try_interval``). Stop if it is after ``until``.
3. The call rings. Whether it is answered comes from ``answer`` (a probability or a callable).
   An unanswered call ends at ``at + dial_timeout`` (it rang out); an answered one at
   ``at + talk_time`` (``talk_time`` is 0 unless given: the answer itself ends the attempt).
4. ``apply_result(target, attempt, answered, at=call end)`` gives the target's new state (try
   count + 1, ``done`` or ``idle``, ``tm_update`` = call end), which is written to the store, so
   the API shows it afterwards. The clock is now the call's end.

One call at a time: the next step starts when the previous call has ended. The ``progressing``
state is not visible through the API (each call is placed and finished in one step). Afterwards
the mock's own clock is moved forward to the simulation's end, so later ``tm_create`` and
``tm_update`` values come after the calls.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta
from typing import Any, TypeAlias

import attrs

from ..dialplan import DialAttempt, ScheduledAttempt, apply_result, dial_order
from ..models import Address
from ..timeutil import as_utc, to_timedelta
from ._store import MockStore, ResourceNotFoundError

__all__ = ["Answer", "CallRecord", "run_campaign"]

Answer: TypeAlias = float | Callable[[DialAttempt], bool]
"""Whether a call is answered: a probability in 0..1 (``True``/``False`` are 1 and 0), or a
callable given the :class:`~voipbin_outdial.dialplan.DialAttempt` that returns a bool."""


@attrs.frozen
class CallRecord:
    """One call the simulated campaign placed.

    Attributes:
        at: When it was dialed (aware UTC).
        target_id: The outdialtarget's id.
        index: Which destination (``destination_<index>``) was dialed.
        address: That destination, as the target holds it (an Address dict).
        try_number: Which try on that destination this was (1-based).
        answered: Whether it was answered.
        ended_at: When it ended: ``at + dial_timeout`` unanswered, ``at + talk_time`` answered.
    """

    at: datetime
    target_id: str
    index: int
    address: dict[str, Any] = attrs.field(hash=False)
    try_number: int
    answered: bool
    ended_at: datetime

    @property
    def address_target(self) -> str:
        """The dialed address itself (the destination's ``target``, such as ``+15551230001``)."""
        return str(self.address.get("target", ""))


def _address_dict(address: Mapping[str, Any] | Address) -> dict[str, Any]:
    return dict(address) if isinstance(address, Mapping) else address.to_dict()


def _when(scheduled: ScheduledAttempt) -> datetime:
    return scheduled.at


def _decider(answer: Answer, seed: int | None) -> Callable[[DialAttempt], bool]:
    if callable(answer):
        return answer
    if not isinstance(answer, int | float) or not 0 <= answer <= 1:
        raise ValueError(f"answer must be a probability from 0 to 1 or a callable, not {answer!r}")
    probability = float(answer)
    rng = random.Random(seed)
    return lambda _attempt: rng.random() < probability


def run_campaign(
    store: MockStore,
    outplan_id: str,
    outdial_id: str,
    *,
    answer: Answer = False,
    seed: int | None = None,
    until: datetime | timedelta | None = None,
    start: datetime | None = None,
    talk_time: int | timedelta = 0,
) -> list[CallRecord]:
    """Dial ``outdial_id``'s targets under ``outplan_id`` until none is left or time is up.

    See the module's docstring for the steps. Returns the calls in the order they were placed.

    Args:
        store: The mock's state; the targets' try counts, status and ``tm_update`` change in it.
        answer: The chance (0..1) that a call is answered, drawn from ``random.Random(seed)``,
            or a callable deciding each :class:`~voipbin_outdial.dialplan.DialAttempt`.
        seed: The seed for a probability ``answer`` (same seed, same calls).
        until: No call is placed after this time (a datetime, or a timedelta after ``start``).
        start: The virtual clock's start; the mock's current time if not given.
        talk_time: How long an answered call lasts (milliseconds or a timedelta).

    Raises:
        ResourceNotFoundError: the outplan or the outdial is not there (or deleted).
        ValueError: ``answer`` is a number outside 0..1, or a duration is negative.
    """
    decide = _decider(answer, seed)
    talk = talk_time if isinstance(talk_time, timedelta) else to_timedelta(talk_time)
    if talk < timedelta(0):
        raise ValueError(f"talk_time cannot be negative, got {talk_time!r}")
    now = store.current_time() if start is None else as_utc(start, "start")
    limit: datetime | None
    if isinstance(until, timedelta):
        limit = now + until
    else:
        limit = None if until is None else as_utc(until, "until")

    calls: list[CallRecord] = []
    store.get("outplan", outplan_id)
    store.get("outdial", outdial_id)
    while True:
        with store.locked():
            outplan = store.get("outplan", outplan_id)
            order = dial_order(store._live_targets(outdial_id), outplan, now=now)
            if not order:
                break
            # The engine dials the least recently updated target among those it may dial now;
            # only when none is due yet does the clock move on, to the earliest one.
            first = next((s for s in order if s.at <= now), None) or min(order, key=_when)
            target_before = store.get_target(outdial_id, first.target_id)
            attempt = DialAttempt(
                first.target_id, first.index, _address_dict(first.address), first.try_number
            )
        at = first.at
        if limit is not None and at > limit:
            break
        # Outside the lock: the callable may use the mock's API itself.
        answered = bool(decide(attempt))
        ended = at + (talk if answered else to_timedelta(outplan["dial_timeout"]))
        with store.locked():
            try:
                target = store.get_target(outdial_id, attempt.target_id)
            except ResourceNotFoundError:
                target = None
            if (
                target is None
                or target != target_before
                or store.get("outplan", outplan_id) != outplan
            ):
                # The target or the outplan changed (or went) while the call rang: the call is
                # not counted, and the next step starts from the new state.
                continue
            store.replace_target(apply_result(target, attempt, answered, ended, outplan=outplan))
        calls.append(
            CallRecord(
                at=at,
                target_id=attempt.target_id,
                index=attempt.index,
                address=_address_dict(attempt.address),
                try_number=attempt.try_number,
                answered=answered,
                ended_at=ended,
            )
        )
        now = ended
    store.advance_to(now)
    return calls
