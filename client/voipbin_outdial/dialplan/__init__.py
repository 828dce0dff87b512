"""Pure dial-order helpers: who VoIPBIN's campaign engine dials next, on which destination, when.

The rules, as the engine's Go code applies them (each cited where it is written, in
:mod:`._rules`):

* A target is *available* when its ``status`` is ``idle`` and some destination ``i`` is not
  null with ``try_count_i < max_try_count_i``; the engine dials the first such ``i``, as try
  ``try_count_i + 1``. ``{}`` is a destination like any other (the call manager refuses it and
  the campaign stops); a count above a lowered max skips the slot.
* The engine takes one available target at a time, the least recently updated (``tm_update``).
  A target never tried (``tm_update`` equal to ``tm_create``) is due at once; any other at
  ``tm_update + try_interval``. If the first one is not due, the engine waits (it checks again
  every 5 s): nobody behind it is dialed first. After placing a call it runs again 500 ms later,
  so calls overlap.
* A call's start makes the target ``progressing`` and adds one to ``try_count_i``; at the hangup
  ``normal`` makes it ``done`` and a failure ``idle`` again, with ``tm_update`` = the hangup.
  An unanswered call rings 60 s: the engine does not use the outplan's ``dial_timeout``.

Every function takes targets and outplans as JSON dicts (as the API returns them) or as the
models of :mod:`voipbin_outdial.models`; absent (``UNSET``) fields count as null. Ids come back as
:class:`~uuid.UUID`, as the models hold them. Time enters only as a parameter (``now``,
``start``, ``at``): nothing here reads the clock. Times are aware UTC datetimes; a naive one is
taken to be UTC. Timestamps are read by :func:`voipbin_outdial.timeutil.parse_timestamp` (RFC
3339, the older ``"2022-04-30 17:52:16.484341"`` form and the 9999 sentinel) and written by
:func:`~voipbin_outdial.timeutil.format_timestamp`.

Bad input is a :class:`ValueError` whose message names the field: a missing outplan field, a
count that is not a non-negative int, an id that is not a UUID, a malformed timestamp.
"""

from __future__ import annotations

from ._check import check
from ._query import (
    dial_order,
    is_available,
    is_dialable,
    next_attempt,
    next_dial_time,
    remaining_attempts,
    schedule,
)
from ._read import AddressLike, OutplanLike, TargetLike
from ._rules import PLACEMENT_DELAY, POLL_DELAY, RING_TIME
from ._state import apply_call_start, apply_hangup, apply_result
from ._types import DialAttempt, Finding, ScheduledAttempt, Severity

__all__ = [
    "PLACEMENT_DELAY",
    "POLL_DELAY",
    "RING_TIME",
    "AddressLike",
    "DialAttempt",
    "Finding",
    "OutplanLike",
    "ScheduledAttempt",
    "Severity",
    "TargetLike",
    "apply_call_start",
    "apply_hangup",
    "apply_result",
    "check",
    "dial_order",
    "is_available",
    "is_dialable",
    "next_attempt",
    "next_dial_time",
    "remaining_attempts",
    "schedule",
]
