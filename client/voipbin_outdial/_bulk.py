"""The pure part of ``create_many``: checking a row, the key that finds its twin, the results.

A row is a mapping or an object (attrs, dataclass, named tuple) with ``name``, ``detail``,
``data`` and ``destinations`` (one to five addresses in dial order, ``None`` for an empty slot).
VoIPBIN refuses a target without a name, detail, data or a destination with a target
(``bin-api-manager/server/outdials.go``, ``PostOutdialsIdTargets``), so :func:`check_row`
refuses such a row before anything is sent, with an
:class:`~voipbin_outdial.errors.InvalidRowError` naming the field.

Two targets are the same contact when their names and their destinations' targets (in slot
order, empty slots left out, surrounding blanks ignored) are the same: :func:`row_key` and
:func:`target_key` give that key, which ``skip_existing`` and the look-up after an ambiguous
failure compare. The address types are not part of it: a number is a number.
``skip_existing`` keeps only :func:`key_digest` of each existing target's key, with its id
(about 130 bytes a target, against ~2.4 KB for the target itself: issue 26).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any, Literal, TypeAlias
from uuid import UUID

import attrs

from ._args import to_destinations, to_text
from ._pacing import AdaptiveRateLimit
from ._ratelimit import RateLimit
from ._slots import DESTINATION_FIELDS
from .errors import ArgumentError, InvalidRowError, VoipbinError
from .models import Address, Outdialtarget
from .timeutil import parse_timestamp

__all__ = [
    "ImportProgress",
    "ImportRate",
    "Key",
    "NewTarget",
    "RowOutcome",
    "RowResult",
    "check_row",
    "created_at",
    "key_digest",
    "key_of",
    "row_key",
    "target_key",
]

Key: TypeAlias = tuple[str, tuple[str, ...]]
"""(name, the destinations' targets): what makes two targets the same contact."""
RowOutcome: TypeAlias = Literal["created", "skipped", "rejected", "failed"]
ImportRate: TypeAlias = RateLimit | AdaptiveRateLimit | tuple[float, int] | Literal["auto"] | None
"""``create_many``'s ``rate_limit=``: ``"auto"``, a pace of its own (fixed or adaptive), or
``None`` (no pace)."""

_TEXT_FIELDS = ("name", "detail", "data")


@attrs.frozen
class NewTarget:
    """A checked row: what to send, and its key."""

    name: str
    detail: str
    data: str
    destinations: list[Address | None]
    key: Key


@attrs.frozen
class RowResult:
    """What became of one row of ``create_many``.

    Attributes:
        index: The row's position in the input (0 for the first).
        row: The row as it was given.
        outcome: ``"created"``, ``"skipped"`` (the outdial already had it), ``"rejected"`` (the
            row is not valid; nothing was sent) or ``"failed"`` (the API said no, or could not
            be reached; see ``error``).
        target: The created :class:`~voipbin_outdial.models.Outdialtarget`; ``None`` when
            skipped (see ``target_id``), rejected or failed.
        error: An :class:`~voipbin_outdial.errors.InvalidRowError` when rejected, the SDK error
            when failed, else ``None``.
        recovered: The create's answer was lost (a dropped connection, a timeout, a 5xx) and a
            look-up found the target it had made: created once, not twice.
        target_id: The id of the target the outdial holds for this row: the created one's,
            or the one already there when skipped (``target`` is ``None`` then: an import
            keeps only the ids of the targets it found, not the targets); ``None`` when
            rejected or failed.
    """

    index: int
    row: Any = attrs.field(repr=False)
    outcome: RowOutcome
    target: Outdialtarget | None = attrs.field(default=None, repr=False)
    error: VoipbinError | None = None
    recovered: bool = False
    target_id: UUID | None = attrs.field(
        default=attrs.Factory(lambda self: _id_of(self.target), takes_self=True)
    )

    @property
    def ok(self) -> bool:
        """Created or skipped: the outdial holds this row's target."""
        return self.outcome in ("created", "skipped")


def _id_of(target: Outdialtarget | None) -> UUID | None:
    return None if target is None else target.id


@attrs.define
class ImportProgress:
    """Counts so far, handed to ``on_progress`` after each row (the same object each time)."""

    created: int = 0
    skipped: int = 0
    rejected: int = 0
    failed: int = 0
    last: RowResult | None = None

    @property
    def done(self) -> int:
        """Rows finished so far."""
        return self.created + self.skipped + self.rejected + self.failed

    def add(self, result: RowResult) -> None:
        setattr(self, result.outcome, getattr(self, result.outcome) + 1)
        self.last = result


def _field(row: Any, name: str) -> Any:
    if isinstance(row, Mapping):
        if name not in row:
            raise InvalidRowError(name, f"the row has no {name!r}")
        return row[name]
    try:
        return getattr(row, name)
    except AttributeError:
        raise InvalidRowError(name, f"the row ({type(row).__name__}) has no {name!r}") from None


def _normal(target: str) -> str:
    return target.strip()


def row_key(name: str, destinations: Iterable[Address | Mapping[str, Any] | None]) -> Key:
    """The key of a target with this name and these destinations."""
    targets: list[str] = []
    for address in destinations:
        target = address.get("target") if isinstance(address, Mapping) else address
        if isinstance(target, Address):
            target = target.target
        if isinstance(target, str) and target.strip():
            targets.append(_normal(target))
    return name.strip(), tuple(targets)


def target_key(target: Outdialtarget) -> Key:
    """The key of a target as the API returns it (unused slots are ``{}`` or null)."""
    slots = (getattr(target, field, None) for field in DESTINATION_FIELDS)
    return row_key(target.name, (slot if isinstance(slot, Address) else None for slot in slots))


def key_digest(key: Key) -> int:
    """A 128-bit digest of ``key``, what ``skip_existing`` keeps instead of the key: a small
    int, where the key's strings and the target would take kilobytes (a collision of two
    different keys is about as likely as a collision of two random UUIDs)."""
    encoded = repr(key).encode("utf-8", "backslashreplace")  # repr: unambiguous
    return int.from_bytes(hashlib.blake2b(encoded, digest_size=16).digest())


def key_of(row: Any) -> Key | None:
    """The key of a row, or ``None`` when the row is not valid."""
    try:
        return check_row(row).key
    except InvalidRowError:
        return None


def check_row(row: Any) -> NewTarget:
    """``row`` checked and converted, or :class:`InvalidRowError` naming the field."""
    if isinstance(row, str | bytes):
        raise InvalidRowError("row", f"a row is a mapping or an object, not {type(row).__name__}")
    try:  # the facade's own checks (outdialtargets.create's), each error as the row's
        name, detail, data = (to_text(_field(row, field), field) for field in _TEXT_FIELDS)
        destinations = to_destinations(_field(row, "destinations"))
    except InvalidRowError:
        raise
    except ArgumentError as exc:
        raise InvalidRowError(exc.param, str(exc)) from None
    for n, address in enumerate(destinations):
        if address is not None and not (isinstance(address.target, str) and address.target.strip()):
            field = f"destinations[{n}]"
            raise InvalidRowError(field, f"{field} has an empty target")
    return NewTarget(name, detail, data, destinations, row_key(name, destinations))


def created_at(target: Outdialtarget) -> datetime | None:
    """When the server made ``target`` (its ``tm_create``), or ``None`` if it did not say."""
    stamp = target.tm_create
    if not isinstance(stamp, str):
        return None
    try:
        return parse_timestamp(stamp)
    except ValueError:
        return None
