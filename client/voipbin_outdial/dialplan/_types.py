"""What dialplan returns: a call the campaign would place, the same with its time, a finding."""

from __future__ import annotations

from datetime import datetime
from typing import Literal, TypeAlias
from uuid import UUID

import attrs

from ._read import AddressLike, as_uuid

__all__ = ["DialAttempt", "Finding", "ScheduledAttempt", "Severity"]

Severity: TypeAlias = Literal["error", "warning", "info"]


@attrs.frozen
class DialAttempt:
    """One call the campaign would place: destination ``index`` of a target, as try ``try_number``.

    ``target_id`` is a :class:`~uuid.UUID`, as the models hold ids (so it equals ``target.id``),
    also when the target was a dict (text given here is parsed). ``address`` is the destination
    object as the target holds it (a dict or an Address model); ``try_number`` is 1-based
    (``try_count_<index> + 1``).
    """

    target_id: UUID = attrs.field(converter=as_uuid)
    index: int
    address: AddressLike
    try_number: int


@attrs.frozen
class ScheduledAttempt:
    """One call the campaign would place and the earliest time (aware UTC) it may be placed.

    The fields of a :class:`DialAttempt` (``target_id``, ``index``, ``address``,
    ``try_number``) plus ``at``, in one flat object; :attr:`attempt` gives the
    :class:`DialAttempt` itself.
    """

    target_id: UUID = attrs.field(converter=as_uuid)
    index: int
    address: AddressLike
    try_number: int
    at: datetime

    @property
    def attempt(self) -> DialAttempt:
        """The call, without its time: ``DialAttempt(target_id, index, address, try_number)``."""
        return DialAttempt(self.target_id, self.index, self.address, self.try_number)


@attrs.frozen
class Finding:
    """Something :func:`~voipbin_outdial.dialplan.check` found before a campaign runs.

    Attributes:
        severity: ``error`` (the campaign will stop, or dials nobody), ``warning`` (a target or a
            slot will not be dialed as it looks), ``info`` (harmless, worth knowing).
        target_id: The target it is about (``None``: the outplan, or a target without a valid id).
        field: The field it is about, such as ``destination_1`` (``None`` if none in particular).
        message: What was found and what the engine will do about it.
    """

    severity: Severity
    target_id: UUID | None
    field: str | None
    message: str
