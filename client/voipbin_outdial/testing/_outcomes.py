"""How a simulated call goes (its hangup reason and length) and the record of a call placed."""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta
from typing import Any, TypeAlias
from uuid import UUID

import attrs

from ..dialplan import DialAttempt
from ..dialplan.engine import ANSWERED_REASONS, SUCCESS_REASON
from ..timeutil import to_timedelta
from ._bind import StoredAddress

__all__ = ["Answer", "CallOutcome", "CallRecord", "Decide", "decider"]

Answer: TypeAlias = float | Callable[[DialAttempt], bool]
"""Whether a call is answered: a probability in 0..1 (``True``/``False`` are 1 and 0), or a
callable given the :class:`~voipbin_outdial.dialplan.DialAttempt` that returns a bool."""

_NO_ANSWER = "noanswer"


def _duration(value: int | timedelta) -> timedelta:
    if isinstance(value, timedelta):
        if value < timedelta(0):
            raise ValueError(f"a duration cannot be negative, got {value!r}")
        return value
    return to_timedelta(value)


class _Ending:
    """``answered`` and ``success``, read from a ``hangup_reason`` (see :class:`CallOutcome`)."""

    __slots__ = ()
    hangup_reason: str | None

    @property
    def answered(self) -> bool:
        """Whether the call was answered (``normal``, ``timeout``, ``amd``); not the same as a
        success."""
        return self.hangup_reason in ANSWERED_REASONS

    @property
    def success(self) -> bool:
        """Whether the engine counts it a success (``normal``): the target becomes ``done``."""
        return self.hangup_reason == SUCCESS_REASON


@attrs.frozen
class CallOutcome(_Ending):
    """How a call ends: its hangup reason, and how long after it was placed.

    ``hangup_reason`` is one of the call manager's: ``normal`` (answered, then hung up: the only
    success), ``timeout`` and ``amd`` (answered, then cut off: failures), ``noanswer``,
    ``busy``, ``failed``, ``cancel``, ``dialout`` (not answered: failures). Any other value is
    one the engine does not know: it leaves the target ``progressing``. ``duration`` is
    milliseconds or a timedelta.
    """

    hangup_reason: str
    duration: timedelta = attrs.field(converter=_duration)


Decide: TypeAlias = Callable[[DialAttempt], CallOutcome]


@attrs.frozen
class CallRecord(_Ending):
    """One call the simulated campaign placed.

    Attributes:
        at: When it was placed (aware UTC). The target was ``progressing`` from then on, with
            its ``try_count_<index>`` already counting this call.
        target_id: The outdialtarget's id, a UUID like the models' ``id``.
        index: Which destination (``destination_<index>``) was dialed.
        address: That destination, as the target holds it (an address dict).
        try_number: Which try on that destination this was (1-based).
        hangup_reason: How it ended (see :class:`CallOutcome`); ``None`` if the call manager
            refused to place it (a destination that is ``{}`` or not tel/sip).
        ended_at: When it hung up (``at`` for a refused call).
    """

    at: datetime
    target_id: UUID
    index: int
    address: dict[str, Any] = attrs.field(hash=False)
    try_number: int
    hangup_reason: str | None
    ended_at: datetime

    @property
    def refused(self) -> bool:
        """Whether the call manager refused the call (the campaign stopped on it)."""
        return self.hangup_reason is None

    @property
    def address_target(self) -> str:
        """The dialed address itself (the destination's ``target``, such as ``+15551230001``)."""
        return str(self.address.get("target", ""))


def decider(
    answer: Answer,
    seed: int | None,
    talk_time: int | timedelta,
    ring_time: int | timedelta,
    outcome: Decide | None,
) -> Decide:
    """One function deciding every call: ``outcome`` if given, else from ``answer``.

    An answered call hangs up ``normal`` after ``talk_time``; an unanswered one ``noanswer``
    after ``ring_time``.
    """
    talk, ring = _duration(talk_time), _duration(ring_time)
    if outcome is not None:
        if not callable(outcome):
            raise ValueError(f"outcome must be a callable, not {outcome!r}")
        return outcome
    answered = _answers(answer, seed)
    answered_call = CallOutcome(SUCCESS_REASON, talk)
    unanswered_call = CallOutcome(_NO_ANSWER, ring)
    return lambda attempt: answered_call if answered(attempt) else unanswered_call


def _answers(answer: Answer, seed: int | None) -> Callable[[DialAttempt], bool]:
    if callable(answer):
        return lambda attempt: bool(answer(attempt))
    if not isinstance(answer, int | float) or not 0 <= answer <= 1:
        raise ValueError(f"answer must be a probability from 0 to 1 or a callable, not {answer!r}")
    probability = float(answer)
    rng = random.Random(seed)
    return lambda _attempt: rng.random() < probability


def address_dict(address: Mapping[str, Any] | object) -> dict[str, Any]:
    """A destination as a plain dict (the store holds dicts; a model gives its ``to_dict()``)."""
    if type(address) is StoredAddress:
        return address.as_dict()
    if isinstance(address, Mapping):
        return dict(address)
    to_dict = getattr(address, "to_dict", None)
    return dict(to_dict()) if callable(to_dict) else {}
