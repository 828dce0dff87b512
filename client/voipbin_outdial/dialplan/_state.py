"""How a call changes its target, in the engine's two steps: the call starts, the call hangs up.

* Start (``bin-campaign-manager/pkg/campaigncallhandler/campaigncall.go``, ``Create``, which
  calls ``OutdialTargetUpdateProgressing`` in ``bin-outdial-manager/pkg/dbhandler/
  outdialtarget.go``): ``try_count_<index>`` + 1, ``status`` ``progressing``, ``tm_update`` =
  the start. This happens before the call rings, so the count is up while the call is live.
* Hangup (``campaigncallhandler/status.go``, ``Done``): ``normal`` makes the target ``done``,
  any failure ``idle``, with ``tm_update`` = the hangup; a reason the engine does not know
  leaves it ``progressing`` (see :data:`._rules.FAILURE_REASONS`).

Each function returns a new target and leaves the one given unchanged: a dict gives a new dict
(a shallow copy), a model a new model of the same class.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from datetime import datetime
from enum import Enum
from typing import Any, overload

import attrs

from .._slots import DESTINATION_FIELDS, SLOTS, TRY_COUNT_FIELDS
from ..models import Outdialtarget, OutdialtargetStatus
from ..timeutil import as_utc, format_timestamp
from ._query import next_attempt
from ._read import DESTINATION, STATUS, OutplanLike, TargetLike, present, read_target, target_id
from ._read import try_count as read_count
from ._rules import IDLE, SUCCESS_REASON, hangup_status
from ._types import DialAttempt, ScheduledAttempt

__all__ = ["apply_call_start", "apply_hangup", "apply_result"]

_PROGRESSING = "progressing"
_NO_ANSWER = "noanswer"


@overload
def apply_call_start(
    target: Outdialtarget,
    attempt: DialAttempt | ScheduledAttempt,
    at: datetime,
    *,
    outplan: OutplanLike | None = None,
) -> Outdialtarget: ...
@overload
def apply_call_start(
    target: Mapping[str, Any],
    attempt: DialAttempt | ScheduledAttempt,
    at: datetime,
    *,
    outplan: OutplanLike | None = None,
) -> dict[str, Any]: ...
def apply_call_start(
    target: TargetLike,
    attempt: DialAttempt | ScheduledAttempt,
    at: datetime,
    *,
    outplan: OutplanLike | None = None,
) -> Outdialtarget | dict[str, Any]:
    """The target once the engine has placed ``attempt`` at ``at`` (naive: UTC).

    ``try_count_<index>`` goes up by one, ``status`` becomes ``progressing`` and ``tm_update``
    becomes ``at``. The target must be idle, and ``attempt`` for it (``target_id``), on a
    destination that is set, with ``try_number == try_count_<index> + 1``; given ``outplan``, it
    must be exactly the target's :func:`~voipbin_outdial.dialplan.next_attempt`.

    Raises:
        TypeError: ``attempt`` is neither a DialAttempt nor a ScheduledAttempt.
        ValueError: any of the above does not hold; the message names the field.
    """
    if isinstance(attempt, ScheduledAttempt):
        attempt = attempt.attempt
    elif not isinstance(attempt, DialAttempt):
        raise TypeError(
            f"attempt must be a DialAttempt or a ScheduledAttempt, not {type(attempt).__name__}"
        )
    at_text = format_timestamp(as_utc(at, "at"))
    count = _checked_count(target, attempt, outplan)
    changes = {
        TRY_COUNT_FIELDS[attempt.index]: count + 1,
        "status": _PROGRESSING,
        "tm_update": at_text,
    }
    return _with(target, changes)


def _checked_count(target: TargetLike, attempt: DialAttempt, outplan: OutplanLike | None) -> int:
    """The target's count on ``attempt``'s slot, once ``attempt`` is shown to be its next call."""
    row = read_target(target)
    tid = target_id(row)
    index = attempt.index
    if type(index) is not int or not 0 <= index < SLOTS:
        raise ValueError(f"attempt 'index' must be 0..{SLOTS - 1}, got {index!r}")
    if attempt.target_id != tid:
        raise ValueError(f"attempt 'target_id' {attempt.target_id} is not the target's 'id' {tid}")
    status = row[STATUS]
    if not (isinstance(status, str) and status == IDLE):
        raise ValueError(f"outdialtarget {tid}: 'status' is {status!r}; the engine dials idle ones")
    if outplan is not None:
        expected = next_attempt(target, outplan)
        if attempt != expected:
            raise ValueError(
                f"attempt (index {index}, try_number {attempt.try_number}) is not the next"
                f" attempt of outdialtarget {tid}: {expected!r}"
            )
    if not present(row[DESTINATION + index]):
        raise ValueError(f"outdialtarget {tid}: {DESTINATION_FIELDS[index]!r} is null")
    count = read_count(row, index)
    if attempt.try_number != count + 1:
        raise ValueError(
            f"attempt 'try_number' is {attempt.try_number!r}, but {TRY_COUNT_FIELDS[index]!r}"
            f" is {count}: the next try is {count + 1}"
        )
    return count


@overload
def apply_hangup(target: Outdialtarget, hangup_reason: str, at: datetime) -> Outdialtarget: ...
@overload
def apply_hangup(target: Mapping[str, Any], hangup_reason: str, at: datetime) -> dict[str, Any]: ...
def apply_hangup(
    target: TargetLike, hangup_reason: str, at: datetime
) -> Outdialtarget | dict[str, Any]:
    """The target once its call hung up at ``at`` (naive: UTC) with ``hangup_reason``.

    ``normal`` makes it ``done``; ``failed``, ``busy``, ``cancel``, ``timeout``, ``noanswer``,
    ``dialout`` and ``amd`` make it ``idle``; either way ``tm_update`` becomes ``at``. Any other
    reason leaves it as it is (``progressing``), as the engine does. The target must be
    ``progressing``.

    Raises:
        ValueError: the target is not ``progressing``, or ``hangup_reason`` is not a str.
    """
    if not isinstance(hangup_reason, str):
        raise ValueError(f"hangup_reason must be a str, not {hangup_reason!r}")
    at_text = format_timestamp(as_utc(at, "at"))
    row = read_target(target)
    status = row[STATUS]
    if not (isinstance(status, str) and status == _PROGRESSING):
        raise ValueError(
            f"outdialtarget {target_id(row)}: 'status' is {status!r}; only a call in progress"
            " hangs up"
        )
    new_status = hangup_status(hangup_reason)
    if new_status is None:
        return _with(target, {})
    return _with(target, {"status": new_status, "tm_update": at_text})


@overload
def apply_result(
    target: Outdialtarget,
    attempt: DialAttempt | ScheduledAttempt,
    outcome: bool | str,
    at: datetime,
    *,
    outplan: OutplanLike | None = None,
) -> Outdialtarget: ...
@overload
def apply_result(
    target: Mapping[str, Any],
    attempt: DialAttempt | ScheduledAttempt,
    outcome: bool | str,
    at: datetime,
    *,
    outplan: OutplanLike | None = None,
) -> dict[str, Any]: ...
def apply_result(
    target: TargetLike,
    attempt: DialAttempt | ScheduledAttempt,
    outcome: bool | str,
    at: datetime,
    *,
    outplan: OutplanLike | None = None,
) -> Outdialtarget | dict[str, Any]:
    """Both steps at once: ``attempt`` was placed and hung up, ending at ``at``.

    ``outcome`` is a hangup reason (see :func:`apply_hangup`), or a bool: ``True`` for a success
    (``normal``), ``False`` for a failure (``noanswer``). An answered call that ends by
    ``timeout`` or ``amd`` is a failure. The checks are those of :func:`apply_call_start`.
    """
    if not isinstance(outcome, bool | str):
        raise ValueError(f"outcome must be a bool or a hangup reason, not {outcome!r}")
    reason = outcome if isinstance(outcome, str) else SUCCESS_REASON if outcome else _NO_ANSWER
    started = apply_call_start(target, attempt, at, outplan=outplan)
    return apply_hangup(started, reason, at)


def _with(target: TargetLike, changes: dict[str, Any]) -> Outdialtarget | dict[str, Any]:
    """A new target: ``target`` with ``changes`` (a status given as text)."""
    if isinstance(target, Mapping):
        return {**target, **changes}
    if "status" in changes:
        old = target.status
        text = changes["status"]
        if isinstance(target, Outdialtarget):
            changes["status"] = OutdialtargetStatus(text)
        elif isinstance(old, Enum):
            changes["status"] = type(old)(text)
    result = attrs.evolve(target, **changes)
    # evolve() only passes __init__ arguments; carry over the rest (the models'
    # additional_properties, which hold fields this client does not know yet).
    for field in attrs.fields(type(target)):
        if not field.init:
            object.__setattr__(result, field.name, copy.copy(getattr(target, field.name)))
    return result
