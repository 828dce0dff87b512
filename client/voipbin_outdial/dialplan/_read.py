"""Reading what dialplan is given: outplans and targets, as JSON dicts or as the models.

Each reader checks what it reads and raises a :class:`ValueError` whose message names the field.
Absent fields (a key left out of a dict, ``UNSET`` on a model) count as null. A target is read into
a :data:`Row`, a tuple of the fields the rules look at (one C call for a dict or a model), and the
helpers below take what they need from it.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from operator import attrgetter, itemgetter
from typing import Any, Final, TypeAlias
from uuid import UUID

import attrs

from .._generated.types import Unset
from .._slots import DESTINATION_FIELDS, MAX_TRY_COUNT_FIELDS, SLOTS, TRY_COUNT_FIELDS
from ..models import Address, Outdialtarget, Outplan
from ..timeutil import parse_timestamp, to_timedelta

__all__ = [
    "AddressLike",
    "OutplanLike",
    "Plan",
    "Row",
    "TargetLike",
    "as_uuid",
    "label",
    "present",
    "read_plan",
    "read_target",
    "target_id",
    "timestamp",
    "try_count",
    "try_counts",
]

TargetLike: TypeAlias = Mapping[str, Any] | Outdialtarget
"""An outdialtarget: a JSON dict as the API returns it, or the model."""
OutplanLike: TypeAlias = Mapping[str, Any] | Outplan
"""An outplan: a JSON dict as the API returns it, or the model."""
AddressLike: TypeAlias = Address | Mapping[str, Any]
"""A destination as the target holds it: an address dict or the Address model."""

Row: TypeAlias = tuple[Any, ...]
"""A target's fields in the order of :data:`ROW_FIELDS`; ``None`` for an absent one."""

ROW_FIELDS: Final = (
    "status",
    "id",
    "tm_create",
    "tm_update",
    *DESTINATION_FIELDS,
    *TRY_COUNT_FIELDS,
)
STATUS, ID, TM_CREATE, TM_UPDATE = 0, 1, 2, 3
DESTINATION: Final = 4  # row[DESTINATION + i] is destination_i
TRY_COUNT: Final = 4 + SLOTS  # row[TRY_COUNT + i] is try_count_i
_POSITIONS: Final = {name: position for position, name in enumerate(ROW_FIELDS)}

_from_dict = itemgetter(*ROW_FIELDS)
_from_model = attrgetter(*ROW_FIELDS)

_PLAN_FIELDS: Final = ("dial_timeout", "try_interval", *MAX_TRY_COUNT_FIELDS)


@attrs.frozen
class Plan:
    """An outplan's dial settings, read and checked once."""

    maxes: tuple[int, ...]
    dial_timeout: timedelta
    try_interval: timedelta


def read_plan(outplan: OutplanLike) -> Plan:
    """The outplan's dial settings; every one must be a non-negative int."""
    checked: list[int] = []
    for name in _PLAN_FIELDS:
        value = outplan.get(name) if isinstance(outplan, Mapping) else getattr(outplan, name, None)
        checked.append(non_negative_int(value, "outplan", name, f"outplan {name!r}"))
    dial_timeout, try_interval, *maxes = checked
    return Plan(tuple(maxes), to_timedelta(dial_timeout), to_timedelta(try_interval))


def read_target(target: TargetLike) -> Row:
    """The fields of :data:`ROW_FIELDS`, ``None`` for any that is absent.

    A dict is read by key; anything else that has every field as an attribute (a model, or a
    mapping that keeps its fields in slots, as the mock's store does) by attribute, which is
    quicker than a Mapping's ``get`` per field; any other Mapping by key; the rest by attribute,
    ``None`` where there is none."""
    row: Row
    if type(target) is dict:
        try:
            row = _from_dict(target)
        except KeyError:
            row = tuple(target.get(name) for name in ROW_FIELDS)
    else:
        try:
            row = _from_model(target)
        except AttributeError:
            if isinstance(target, Mapping):
                row = tuple(target.get(name) for name in ROW_FIELDS)
            else:
                row = tuple(getattr(target, name, None) for name in ROW_FIELDS)
    return row


def present(value: object) -> bool:
    """Whether a field has a value: not null and not absent (``UNSET``)."""
    return value is not None and not isinstance(value, Unset)


def label(row: Row) -> str:
    """How messages name the target: its id as given, or ``(no id)``."""
    raw = row[ID]
    return f"outdialtarget {str(raw)!r}" if present(raw) else "outdialtarget (no id)"


def target_id(row: Row) -> UUID:
    """The target's ``id`` as a :class:`~uuid.UUID` (as the models hold it)."""
    raw = row[ID]
    if type(raw) is UUID:  # a model's
        return raw
    if isinstance(raw, str):  # a dict's
        try:
            return UUID(raw)
        except ValueError:
            pass
    elif not present(raw):
        raise ValueError("outdialtarget is missing 'id'")
    elif isinstance(raw, UUID):
        return raw
    raise ValueError(f"outdialtarget 'id' must be a UUID, got {raw!r}")


def as_uuid(value: str | UUID) -> UUID:
    """An id given as text or a UUID, as a UUID (the converter of the results' ``target_id``)."""
    if type(value) is UUID:  # as dialplan builds them
        return value
    parsed = _parse_id(value)
    if parsed is None:
        raise ValueError(f"'target_id' must be a UUID, got {value!r}")
    return parsed


def _parse_id(value: object) -> UUID | None:
    if isinstance(value, UUID):
        return value
    if isinstance(value, str):
        try:
            return UUID(value)
        except ValueError:
            return None
    return None


def non_negative_int(value: object, owner: str, name: str, where: str) -> int:
    """A count or a dial setting: present, an int (``bool`` and floats are refused), not
    negative. Errors name ``owner``'s field ``name`` (``where``: how to name it in a sentence).
    """
    if not present(value):
        raise ValueError(f"{owner} is missing {name!r}")
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{where} must be an int, got {value!r}")
    if value < 0:
        raise ValueError(f"{where} must not be negative, got {value}")
    return int(value)  # an int subclass as an int


def try_count(row: Row, index: int) -> int:
    """``try_count_<index>``, as :func:`non_negative_int` checks it."""
    value = row[TRY_COUNT + index]
    if type(value) is int and value >= 0:
        return value
    name, owner = TRY_COUNT_FIELDS[index], label(row)
    return non_negative_int(value, owner, name, f"{owner}: {name!r}")


def try_counts(row: Row) -> tuple[int, ...]:
    """The five try counts, each checked as :func:`try_count` checks it."""
    counts: tuple[int, ...] = row[TRY_COUNT:]
    for count in counts:
        if type(count) is not int or count < 0:
            return tuple(try_count(row, i) for i in range(SLOTS))  # raises, naming the field
    return counts


def timestamp(row: Row, name: str) -> datetime | None:
    """``tm_create`` or ``tm_update`` as an aware UTC datetime; ``None`` for null or "never"."""
    try:
        return parse_timestamp(row[_POSITIONS[name]])
    except (ValueError, TypeError) as exc:
        raise ValueError(f"{label(row)}: {name!r}: {exc}") from None
