"""What every generated model adds to its fields: a readable repr, truthiness, and, where the
fields are there, datetimes, the destinations in slot order and the tries per slot.

``templates/model.py.jinja`` makes each model a subclass of :class:`Model`, and of the other
mixins here when the model has their fields (``tm_create``; ``destination_0``;
``max_try_count_0``). They only read fields: the wire values, and so ``to_dict``, stay as the
server sent them. Each mixin has empty ``__slots__``, so the attrs classes stay slotted; only
:class:`Resource` adds a slot, for the request id a response came with. This module is
imported by ``_generated`` (the one hand-written module it imports, with ``_unset``), so it is
pure: no I/O, no client (import-linter's ``generated`` and ``pure`` contracts).

**The shared empty model.** VoIPBIN sends ``{}`` for each unused destination slot, three or four
a target. A model with no required field (an :class:`Address`) reads ``{}`` as one instance per
class, :func:`shared_empty`, instead of a new object (and its dict) per slot: a page of targets
makes about half the objects, and a walk half the garbage collection (issue 26). That one
instance is read-only, so no target can change another's slot: setting a field of it raises
``attrs.exceptions.FrozenInstanceError`` (the template gives these models
``on_setattr=refuse_if_shared``), and so does changing its ``additional_properties``. To fill an
unused slot, assign a new model: ``target.destination_1 = Address(...)``. It is an ordinary
instance of its class otherwise: equal to ``Address()``, the same repr; ``attrs.evolve`` and
``copy.deepcopy`` of it give a new, writable one (``copy.copy`` too, but it shares the read-only
``additional_properties``, as any shallow copy shares them).
"""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, cast
from uuid import UUID

import attrs
from attrs.exceptions import FrozenInstanceError

from ._readonly import ReadOnlyEmptyDict
from ._slots import DESTINATION_FIELDS, MAX_TRY_COUNT_FIELDS
from ._unset import Unset
from .timeutil import parse_timestamp

if TYPE_CHECKING:
    from ._generated.models.address import Address

__all__ = [
    "Destinations",
    "MaxTryCounts",
    "Model",
    "Resource",
    "attach_request_id",
    "refuse_if_shared",
    "shared_empty",
]

M = TypeVar("M")


def _shown(value: Any) -> str:
    """A field's value as the repr shows it: ids and enum values as their text."""
    if isinstance(value, UUID | Enum):
        return repr(str(value))
    return repr(value)


class Model:
    """The base of every generated model: ``repr`` shows the fields that are set (not
    ``UNSET``, not ``None``), and a model with none set is falsy (an unused destination slot,
    ``{}``, reads ``Address()`` and is false)."""

    __slots__ = ()

    def _set_fields(self) -> list[tuple[str, Any]]:
        fields = []
        for field in attrs.fields(cast(Any, type(self))):  # every subclass is an attrs class
            value = getattr(self, field.name)
            if value is None or isinstance(value, Unset) or value == {}:
                continue  # {}: additional_properties when the server sent nothing extra
            fields.append((field.name, value))
        return fields

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={_shown(value)}" for name, value in self._set_fields())
        return f"{type(self).__name__}({shown})"

    def __bool__(self) -> bool:
        return bool(self._set_fields())


_SHARED: dict[type, Any] = {}
"""The shared empty instance of each model class that has one (see the module's docstring)."""


class _SharedEmptyError(FrozenInstanceError):
    """A field of a shared empty model was set (attrs' own error, with a message that says
    what to do instead)."""

    def __init__(self, model: object) -> None:
        name = type(model).__name__
        message = (
            f"this {name}() is the one every unused slot ({{}}) shares, so it is read-only: "
            f"assign a new {name}(...) to the slot instead"
        )
        AttributeError.__init__(self, message)
        self.msg = message


class _NoExtras(ReadOnlyEmptyDict):
    """The ``additional_properties`` of a shared empty model: empty, and kept so."""

    __slots__ = ()
    refusal = (
        "the additional_properties of a shared empty model are read-only: "
        "assign a new model to the slot instead"
    )


def shared_empty(cls: type[M]) -> M:
    """The one read-only ``cls()`` that every ``{}`` of a model with no required field reads
    as (``from_dict({})``, and the fast page decode of ``_wire``)."""
    empty = _SHARED.get(cls)
    if empty is None:
        empty = cls()
        empty.additional_properties = _NoExtras()  # type: ignore[attr-defined]
        _SHARED[cls] = empty  # read-only from here on (refuse_if_shared)
    return cast(M, empty)


def refuse_if_shared(instance: object, attribute: attrs.Attribute[Any], value: Any) -> Any:
    """attrs' ``on_setattr`` hook of the models that have a shared empty instance: setting a
    field of that instance raises; setting one of any other instance goes through."""
    if _SHARED.get(type(instance)) is instance:
        raise _SharedEmptyError(instance)
    return value


class _Timed(Protocol):
    @property
    def tm_create(self) -> str: ...
    @property
    def tm_update(self) -> str | Unset | None: ...
    @property
    def tm_delete(self) -> str | Unset | None: ...


class Resource(Model):
    """A model the API returns on its own (it has ``tm_create``): its times as aware UTC
    datetimes (``None`` for ``null``, a missing field and VoIPBIN's 9999 "never"), and the
    ``request_id`` of the response it came in."""

    __slots__ = ("_request_id",)
    _request_id: str | None

    @property
    def request_id(self) -> str | None:
        """The ``X-Request-Id`` of the response this object came in, redacted (``None``: none
        was sent, or the object was built here, not read from a response)."""
        return getattr(self, "_request_id", None)

    @property
    def created_at(self: _Timed) -> datetime | None:
        """``tm_create`` as an aware UTC datetime."""
        return parse_timestamp(self.tm_create)

    @property
    def updated_at(self: _Timed) -> datetime | None:
        """``tm_update`` as an aware UTC datetime; ``None`` if never updated."""
        return parse_timestamp(self.tm_update)

    @property
    def deleted_at(self: _Timed) -> datetime | None:
        """``tm_delete`` as an aware UTC datetime; ``None`` if not deleted."""
        return parse_timestamp(self.tm_delete)

    @property
    def is_deleted(self: _Timed) -> bool:
        """Whether ``tm_delete`` holds a real time (not ``null`` or the 9999 sentinel)."""
        return parse_timestamp(self.tm_delete) is not None


def attach_request_id(obj: object, request_id: str | None) -> None:
    """Keep on ``obj`` (a :class:`Resource`) the (redacted) request id of the response it came
    in; anything else is left alone."""
    if isinstance(obj, Resource):
        obj._request_id = request_id


class _Targeted(Protocol):
    @property
    def destination_0(self) -> Address | Unset | None: ...


class Destinations:
    """A model with ``destination_0`` .. ``destination_4``."""

    __slots__ = ()

    @property
    def destinations(self: _Targeted) -> list[tuple[int, Address]]:
        """The destinations that are set, as ``(index, address)`` in slot order: empty slots
        (``{}``, ``null`` or left out) are skipped, so the indexes need not be consecutive."""
        slots = [getattr(self, name) for name in DESTINATION_FIELDS]
        return [(i, a) for i, a in enumerate(slots) if a]


class _Counted(Protocol):
    @property
    def max_try_count_0(self) -> int | Unset: ...


class MaxTryCounts:
    """A model with ``max_try_count_0`` .. ``max_try_count_4``."""

    __slots__ = ()

    @property
    def max_try_counts(self: _Counted) -> tuple[int, int, int, int, int]:
        """The most tries of destinations 0 to 4 (a count left out reads 0)."""
        counts = [getattr(self, name) for name in MAX_TRY_COUNT_FIELDS]
        a, b, c, d, e = (0 if isinstance(n, Unset) else n for n in counts)
        return (a, b, c, d, e)
