"""Who the campaign dials, on which destination, and when: the per-target functions and the order.

Every function here reads targets through :mod:`._read` and decides through :mod:`._rules`, so
:func:`dial_order` and the per-target functions cannot disagree: an entry of the order is the
target's :func:`next_attempt` at the time :func:`next_dial_time` gives (or later, see
:func:`dial_order`).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from ..timeutil import as_utc, to_timedelta
from ._read import OutplanLike, TargetLike, read_plan, read_target, target_id
from ._rules import PLACEMENT_DELAY, RING_TIME, candidate, first_slot, open_slots, order_key
from ._types import DialAttempt, ScheduledAttempt

__all__ = [
    "dial_order",
    "is_available",
    "is_dialable",
    "next_attempt",
    "next_dial_time",
    "remaining_attempts",
    "schedule",
]


def next_attempt(target: TargetLike, outplan: OutplanLike) -> DialAttempt | None:
    """The call the campaign would place next for ``target``, whatever its status.

    The first destination ``i`` (in index order) that is not null and has
    ``try_count_i < max_try_count_i``, as try ``try_count_i + 1``; ``None`` when there is none.
    ``{}`` counts as a destination, and a count above its max skips the slot, as in the engine.
    All five try counts are checked.
    """
    row = read_target(target)
    slot = first_slot(row, read_plan(outplan).maxes)
    if slot is None:
        return None
    return DialAttempt(target_id(row), slot.n, slot.address, slot.tries + 1)


def remaining_attempts(target: TargetLike, outplan: OutplanLike) -> list[DialAttempt]:
    """Every call still to come for ``target`` if nobody answers, in the order they would happen.

    For example max counts 2/0/1, destinations A/B/C and try counts 1/0/0 give A#2, C#1.
    """
    row = read_target(target)
    maxes = read_plan(outplan).maxes
    slots = open_slots(row, maxes)
    if not slots:
        return []
    tid = target_id(row)
    return [
        DialAttempt(tid, slot.n, slot.address, n)
        for slot in slots
        for n in range(slot.tries + 1, maxes[slot.n] + 1)
    ]


def is_available(target: TargetLike, outplan: OutplanLike) -> bool:
    """Whether the engine's available-targets query returns ``target``: it is idle and has a
    destination to dial. A target that is not idle is not available, and is not read further.
    """
    return candidate(read_target(target), read_plan(outplan)) is not None


def next_dial_time(target: TargetLike, outplan: OutplanLike) -> datetime | None:
    """The earliest time (aware UTC) the engine may dial ``target``; ``None`` if not available.

    A target never tried (``tm_update`` equal to ``tm_create``, or null, empty or the 9999
    sentinel) may be dialed at once: the result is its ``tm_create`` (1970-01-01 UTC if that is
    unknown). Otherwise it is ``tm_update + try_interval``.
    """
    found = candidate(read_target(target), read_plan(outplan))
    return None if found is None else found.due


def is_dialable(target: TargetLike, outplan: OutplanLike, now: datetime) -> bool:
    """Whether ``target`` is available and its :func:`next_dial_time` is not after ``now``.

    ``now`` is an aware datetime (a naive one is taken to be UTC).
    """
    now = as_utc(now, "now")
    at = next_dial_time(target, outplan)
    return at is not None and at <= now


def dial_order(
    targets: Iterable[TargetLike], outplan: OutplanLike, now: datetime | None = None
) -> list[ScheduledAttempt]:
    """The available targets in the order the engine takes them, each with its next attempt.

    The engine asks for one available target at a time, the least recently updated
    (``tm_update``, ties here by id). If that one is not due yet it waits for it: a target
    behind it is never dialed first. After each call it runs again 500 ms later. So each
    entry's ``at`` is the latest of: ``now`` (naive: UTC; leave it out to ignore the clock),
    the target's :func:`next_dial_time`, and the entry before it plus 500 ms. ``at`` never
    decreases along the list. It is the earliest time: the engine checks a target that is not
    due every 5 s, so it may dial up to 5 s later. Targets that are not available are left out.

    Each entry is a :class:`ScheduledAttempt`; ``entry.attempt`` equals the target's
    :func:`next_attempt`.
    """
    plan = read_plan(outplan)
    earliest = None if now is None else as_utc(now, "now")
    found = []
    for target in targets:
        available = candidate(read_target(target), plan)
        if available is not None:
            found.append(available)
    found.sort(key=order_key)
    entries: list[ScheduledAttempt] = []
    for _, _, tid, n, address, tries, due in found:
        at = due if earliest is None or due > earliest else earliest
        entries.append(ScheduledAttempt(tid, n, address, tries + 1, at))
        earliest = at + PLACEMENT_DELAY
    return entries


def schedule(
    target: TargetLike,
    outplan: OutplanLike,
    start: datetime,
    *,
    ring_time: int | timedelta = RING_TIME,
) -> list[ScheduledAttempt]:
    """The worst case for ``target`` (nobody answers): every remaining attempt and its time.

    The first is at ``max(start, next_dial_time)``; each next one ``ring_time + try_interval``
    after the previous: the call rings out, then the target waits its ``try_interval``.
    ``ring_time`` (milliseconds or a timedelta) is 60 s by default: the engine does not use the
    outplan's ``dial_timeout`` (see the module's docstring). Empty if the target is not
    available. ``start`` naive is taken to be UTC.
    """
    start = as_utc(start, "start")
    ring = ring_time if isinstance(ring_time, timedelta) else to_timedelta(ring_time)
    plan = read_plan(outplan)
    row = read_target(target)
    found = candidate(row, plan)
    if found is None:
        return []
    step = ring + plan.try_interval
    first = max(start, found.due)
    return [
        ScheduledAttempt(a.target_id, a.index, a.address, a.try_number, first + n * step)
        for n, a in enumerate(remaining_attempts(target, outplan))
    ]
