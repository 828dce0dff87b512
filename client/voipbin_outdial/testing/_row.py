"""A target as the mock's store keeps it: its fields in slots (issue 26: memory at scale).

A campaign of a million targets keeps a million of these. As a dict of its 19 fields a target
takes 464 bytes; in slots, 184. It reads as that dict (keys in the JSON order VoIPBIN's Go
struct gives them) and equals it, and every copy of it (:mod:`copy`) is that plain dict, so the
records the store hands out and the API's answers are as before. Only the store writes to it
(``tm_*`` on insert, an update, the dialer's state), and only fields a target has.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator, Mapping, MutableMapping
from operator import attrgetter
from typing import Any, Final, NoReturn

from .._slots import DESTINATION_FIELDS, TRY_COUNT_FIELDS

__all__ = ["STATE_FIELDS", "TARGET_FIELDS", "TargetRow", "plain", "write", "write_state"]

TARGET_FIELDS: Final = (
    "id",
    "outdial_id",
    "name",
    "detail",
    "data",
    "status",
    *DESTINATION_FIELDS,
    *TRY_COUNT_FIELDS,
    "tm_create",
    "tm_update",
    "tm_delete",
)
"""An outdialtarget's fields, in its JSON order (``outdialtarget.OutdialTarget``)."""

STATE_FIELDS: Final = ("status", "tm_update", *TRY_COUNT_FIELDS)
"""What the dialer changes in a target, twice a call."""

_NAMES: Final = frozenset(TARGET_FIELDS)
_VALUES: Final = attrgetter(*TARGET_FIELDS)


class TargetRow(MutableMapping[str, Any]):
    """One stored target: every field of :data:`TARGET_FIELDS`, none other, none removed.

    Args:
        fields: Its fields; one left out is ``None`` (the store stamps the times on insert).
    """

    __slots__ = TARGET_FIELDS

    def __init__(self, fields: Mapping[str, Any]) -> None:
        unknown = fields.keys() - _NAMES
        if unknown:
            raise KeyError(f"a target has no field {sorted(unknown)[0]!r}")
        for name in TARGET_FIELDS:
            setattr(self, name, fields.get(name))

    def __getitem__(self, key: str) -> Any:
        if key in _NAMES:
            return getattr(self, key)
        raise KeyError(key)

    def get(self, key: str, default: Any = None) -> Any:
        # The engine reads targets by get() (dialplan.read_target); Mapping's goes through
        # __getitem__ and a try, twice as slow.
        return getattr(self, key) if key in _NAMES else default

    def __contains__(self, key: object) -> bool:
        return key in _NAMES

    def __setitem__(self, key: str, value: Any) -> None:
        if key not in _NAMES:
            raise KeyError(f"a target has no field {key!r}")
        setattr(self, key, value)

    def write(self, changes: Mapping[str, Any]) -> None:
        """Set several fields at once, none of them if one is not a target's."""
        if not _NAMES.issuperset(changes):
            unknown = sorted(changes.keys() - _NAMES)
            raise KeyError(f"a target has no field {unknown[0]!r}")
        for name, value in changes.items():
            setattr(self, name, value)

    def __delitem__(self, key: str) -> NoReturn:
        raise TypeError("a stored target keeps every field: set it instead")

    def __iter__(self) -> Iterator[str]:
        return iter(TARGET_FIELDS)

    def __len__(self) -> int:
        return len(TARGET_FIELDS)

    def as_dict(self) -> dict[str, Any]:
        """Its fields as a new dict (the values themselves, not copies)."""
        return dict(zip(TARGET_FIELDS, _VALUES(self), strict=True))

    def __repr__(self) -> str:
        return f"TargetRow({self.as_dict()!r})"

    def __copy__(self) -> dict[str, Any]:
        return self.as_dict()

    def __deepcopy__(self, memo: dict[int, Any]) -> dict[str, Any]:
        return {name: copy.deepcopy(getattr(self, name), memo) for name in TARGET_FIELDS}


def plain(record: Mapping[str, Any]) -> dict[str, Any]:
    """A target as a new dict of the same values (not copies), for the dialplan's
    ``apply_call_start``/``apply_hangup``, which copy what they are given: a
    :class:`TargetRow`'s read from its slots at once, where ``dict(row)`` calls back into
    Python for each field. (``read_target`` reads a row's slots itself.)"""
    return record.as_dict() if type(record) is TargetRow else dict(record)


def write(record: MutableMapping[str, Any], changes: Mapping[str, Any]) -> None:
    """Set fields of a stored record: a :class:`TargetRow`'s at once (and only fields it has),
    a dict's by ``update``."""
    if type(record) is TargetRow:
        record.write(changes)
    else:
        record.update(changes)


def write_state(record: MutableMapping[str, Any], source: Mapping[str, Any]) -> None:
    """Set the dialer's fields (:data:`STATE_FIELDS`) of a stored target from ``source``: a
    :class:`TargetRow`'s slot by slot (every name is one of its fields), a dict's by key. The
    simulation does this twice a call, so it skips :func:`write`'s check and its dict."""
    if type(record) is TargetRow:
        for name in STATE_FIELDS:
            setattr(record, name, source[name])
    else:
        for name in STATE_FIELDS:
            record[name] = source[name]
