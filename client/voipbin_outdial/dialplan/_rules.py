"""VoIPBIN's campaign engine, as its Go code runs it: each rule written once, with where it lives.

Paths are in the public repository ``voipbin/monorepo``. The dial order (``dial_order`` and the
per-target functions) and the mock's campaign simulation both take their rules from here.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from operator import itemgetter
from typing import Final, NamedTuple
from uuid import UUID

from .._slots import SLOTS
from ..timeutil import EPOCH
from ._read import (
    DESTINATION,
    STATUS,
    TM_CREATE,
    TM_UPDATE,
    AddressLike,
    Plan,
    Row,
    present,
    target_id,
    timestamp,
    try_counts,
)

__all__ = [
    "ANSWERED_REASONS",
    "CALLABLE_TYPES",
    "FAILURE_REASONS",
    "IDLE",
    "PLACEMENT_DELAY",
    "POLL_DELAY",
    "RING_TIME",
    "SUCCESS_REASON",
    "Candidate",
    "Slot",
    "address_type",
    "candidate",
    "first_open",
    "first_slot",
    "hangup_status",
    "is_idle",
    "is_open",
    "is_refused",
    "last_change",
    "open_slots",
    "order_key",
]

IDLE: Final = "idle"
"""The only status the available-targets query takes (``bin-outdial-manager/pkg/dbhandler/
outdialtarget.go``, ``outdialTargetSelectAvailable``: ``having status = "idle"``)."""

PLACEMENT_DELAY: Final = timedelta(milliseconds=500)
"""After placing a call, the engine runs again this much later, so calls overlap
(``bin-campaign-manager/pkg/campaignhandler/execute.go``, ``Execute``:
``CampaignV1CampaignExecute(ctx, id, 500)``). With no queue there is no cap on live calls
(``isDialable`` returns true when ``queueID == uuid.Nil``)."""

POLL_DELAY: Final = timedelta(seconds=5)
"""When the first available target is not due yet (``isDialableTarget``), or none is available
and the campaign's ``end_handle`` is ``continue``, the engine runs again this much later
(``Execute``: ``CampaignV1CampaignExecute(ctx, id, 5000)``)."""

RING_TIME: Final = timedelta(seconds=60)
"""How long the engine lets an unanswered call ring: ``bin-call-manager/pkg/callhandler/start.go``,
``startContextOutgoingCall`` dials with ``defaultDialTimeout`` (60 s, ``callhandler/main.go``).
The outplan's ``dial_timeout`` is stored but not passed on (``executeCall`` gives
``CallV1CallCreateWithID`` no timeout)."""

SUCCESS_REASON: Final = "normal"
"""The one hangup reason that is a success and makes the target ``done``
(``bin-campaign-manager/pkg/campaigncallhandler/eventhandle.go``,
``calcCampaigncallResultByCallHangupReason``; ``status.go``, ``calcDialtargetStatus``)."""

FAILURE_REASONS: Final = frozenset(
    {"failed", "busy", "cancel", "timeout", "noanswer", "dialout", "amd"}
)
"""Hangup reasons that are a failure and make the target ``idle`` again (same functions). Any
other reason (``""`` included) is not in the engine's table: ``Done`` is never called and the
target stays ``progressing``."""

ANSWERED_REASONS: Final = frozenset({"normal", "timeout", "amd"})
"""Hangup reasons of a call that was answered (``bin-call-manager/models/call/call.go``:
``timeout`` is the call-duration limit after the answer, ``amd`` hangs up after answering
machine detection). Only ``normal`` is a success."""

CALLABLE_TYPES: Final = frozenset({"tel", "sip"})
"""Destination types the call manager dials (``bin-call-manager/pkg/callhandler/
outgoing_call.go``, ``CreateCallOutgoing``: "the destination type must be sip or tel"). Any
other, ``{}`` included, is refused: ``executeCall`` fails and ``Execute`` stops the campaign."""


class Slot(NamedTuple):
    """A destination the engine dials: ``destination_<n>``, its address and its try count."""

    n: int
    address: AddressLike
    tries: int


class Candidate(NamedTuple):
    """An available target as the engine sees it: its place in the order, its call, its time.

    One flat tuple (the slot's fields inline, :attr:`slot` gives them as a :class:`Slot`):
    ``dial_order`` keeps one per available target until it has sorted them.
    """

    changed: datetime  # the engine's tm_update: what the available query orders by
    tiebreak: int  # the id as a number: ties (the query leaves their order open) go by id
    target_id: UUID
    n: int  # the slot the engine dials: destination_<n>
    address: AddressLike
    tries: int  # try_count_<n>: the call is try tries + 1
    due: datetime  # when isDialableTarget first says yes

    @property
    def slot(self) -> Slot:
        """The slot the engine dials: ``Slot(n, address, tries)``."""
        return Slot(self.n, self.address, self.tries)


order_key = itemgetter(0, 1)
"""The engine's order: ``ORDER BY tm_update ASC`` (``outdialTargetSelectAvailable``), then id
(compared as numbers, as UUIDs compare, but without a Python method call per tie)."""


def is_idle(status: object) -> bool:
    """Whether a target's ``status`` is idle (a str from a dict, a StrEnum from a model)."""
    return isinstance(status, str) and status == IDLE


def open_slots(row: Row, maxes: tuple[int, ...]) -> list[Slot]:
    """Every slot the engine would still dial, in index order (see :func:`is_open`).
    All five counts are checked first."""
    counts = try_counts(row)
    return [
        Slot(i, row[DESTINATION + i], counts[i])
        for i in range(SLOTS)
        if is_open(row, counts, maxes, i)
    ]


def first_slot(row: Row, maxes: tuple[int, ...]) -> Slot | None:
    """The slot the engine dials next: the first of :func:`open_slots`, without the others."""
    counts = try_counts(row)
    n = first_open(row, counts, maxes)
    return None if n is None else Slot(n, row[DESTINATION + n], counts[n])


def first_open(row: Row, counts: tuple[int, ...], maxes: tuple[int, ...]) -> int | None:
    """The index of the first slot :func:`is_open` (the one the engine dials), or ``None``."""
    for i in range(SLOTS):
        if is_open(row, counts, maxes, i):
            return i
    return None


def is_open(row: Row, counts: tuple[int, ...], maxes: tuple[int, ...], i: int) -> bool:
    """Whether the engine may dial slot ``i``: its destination is not null and its count is
    below its max (``execute.go``, ``getTargetDestination``; the available query's ``des_N``).

    ``{}`` is a destination (the query tests only ``is null``). A count at or above the max
    skips the slot, as when PUT dial_info lowers a max.
    """
    return counts[i] < maxes[i] and present(row[DESTINATION + i])


def last_change(row: Row) -> tuple[datetime, bool]:
    """(the engine's ``tm_update``, whether the target was tried).

    VoIPBIN writes ``tm_update = tm_create`` when it creates a target (``bin-outdial-manager/
    pkg/outdialtargethandler/outdialtarget.go``, ``Create``), and ``isDialableTarget`` calls a
    target never tried when the two are equal. A null, empty or 9999 ``tm_update`` (older
    documents) is read as ``tm_create``; a time unknown altogether as 1970-01-01 UTC.
    """
    created = timestamp(row, "tm_create")
    updated = None if row[TM_UPDATE] == row[TM_CREATE] else timestamp(row, "tm_update")
    if updated is None or updated == created:
        return (EPOCH if created is None else created), False
    return updated, True


def candidate(row: Row, plan: Plan) -> Candidate | None:
    """What the engine makes of a target: ``None`` if the available query leaves it out (not
    idle, or no slot to dial); otherwise its order, call and due time.

    Due: at once if never tried, else ``tm_update + try_interval`` (``isDialableTarget``).
    A target that is not idle is left out without its other fields being read.
    """
    if not is_idle(row[STATUS]):
        return None
    counts = try_counts(row)
    n = first_open(row, counts, plan.maxes)
    if n is None:
        return None
    changed, tried = last_change(row)
    due = changed + plan.try_interval if tried else changed
    tid = target_id(row)
    return Candidate(changed, tid.int, tid, n, row[DESTINATION + n], counts[n], due)


def hangup_status(reason: str) -> str | None:
    """The status a hangup gives the target: ``done`` for a success, ``idle`` for a failure,
    ``None`` for a reason the engine does not know (the target stays ``progressing``)."""
    if reason == SUCCESS_REASON:
        return "done"
    if reason in FAILURE_REASONS:
        return IDLE
    return None


def address_type(address: object) -> str | None:
    """A destination's ``type`` as text (a dict's ``type``, the model's ``type_``); ``None``
    when it has none."""
    if isinstance(address, Mapping):
        kind = address.get("type")
    else:  # the generated Address names it type_
        kind = getattr(address, "type_", getattr(address, "type", None))
    # str(): an AddressType member is a StrEnum, which hashes by its name, not its value.
    return str(kind) if isinstance(kind, str) else None


def is_refused(address: object) -> bool:
    """Whether the call manager refuses to dial this destination (its type is not tel or sip)."""
    return address_type(address) not in CALLABLE_TYPES
