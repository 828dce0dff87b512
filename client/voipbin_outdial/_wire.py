"""The fast way from a list page's bytes to models: msgspec decodes the bytes into typed structs
that mirror the models, and the models are built from the structs (issue 26).

The structs are made here, once per model class, from the model's attrs field types, with the
rules :mod:`~voipbin_outdial._schema` checks: ``str`` is a string, ``int`` an integer from
-2**31 (0 for the counts in ``_schema.NON_NEGATIVE``) to 2**31 - 1, an id a UUID, an enum one of
its values (a value this client does not know yet becomes the enum's pseudo-member, as
``from_dict`` makes it), a nested model an object of its fields (``{}`` included; a model that
declares none, such as a campaign action's ``option``, any object), and ``null`` or a missing
field only where the type has ``None`` or ``Unset``. msgspec checks all of that in
C while it reads the JSON, so a page that passes needs no ``check_model``.

It takes only what it can take whole. A field the model does not declare (``from_dict`` keeps it
in ``additional_properties``), a value of another type, a number out of range, JSON that
``json.loads`` would read but msgspec does not: msgspec refuses the body, the function
:func:`page_decoder` returns gives ``None``, and the caller takes the general path (``json.loads``,
``from_dict``, ``check_model``), which gives the same models or names what is wrong. So this is a
faster route to the same result, never another result. A model with a field of a kind not
listed above gets no fast path at all (:func:`page_decoder` returns ``None``).

Why: a page of 100 targets cost 14.6 µs of CPU per target through ``json.loads`` and
``from_dict``; see bench/RESULTS.md, "Issue 26: paging CPU". A msgspec ``Decoder`` may be used
from several threads at once (msgspec 0.15 and later), so one per listing model is kept.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from functools import cache
from types import NoneType, UnionType
from typing import Annotated, Any, Final, get_args, get_origin
from uuid import UUID

import attrs
import msgspec

from ._args import MAX_INT32
from ._schema import MIN_INT32, NON_NEGATIVE
from ._unset import Unset

__all__ = ["Decode", "page_decoder"]

Decode = Callable[[bytes], Any]
"""Bytes to a listing model, or ``None``: take the general path."""
Build = Callable[[Any], Any]
"""A struct (or a list of them) to the model (or the list of models)."""

_FAST_KINDS: Final = (str, int, UUID)


@attrs.frozen
class _Shape:
    """A model's struct and the function that builds the model from one."""

    wire: type[msgspec.Struct]
    build: Build


def _json_name(field: attrs.Attribute[Any]) -> str:
    """The JSON name of a field: the generator adds ``_`` to a name Python keeps (``type_``)."""
    return field.name.removesuffix("_")


def _nested(model: type, shape: _Shape) -> Build:
    """Builds a nested model from its struct; ``None`` (or a missing field's ``UNSET``) stays.
    ``{}`` reads as what ``from_dict({})`` gives when that is one shared instance (an unused
    destination slot's read-only ``Address()``: ``_model.shared_empty``)."""
    wire, build = shape.wire, shape.build
    empty_wire, empty = _empty(model, wire)

    def nested(value: Any) -> Any:
        if type(value) is not wire:
            return value
        return empty if value == empty_wire else build(value)

    return nested


def _empty(model: type, wire: type[msgspec.Struct]) -> tuple[object, object]:
    """``model``'s struct for ``{}`` and the model ``from_dict({})`` shares for it, if it
    shares one (else a value no struct equals)."""
    try:
        first, second = model.from_dict({}), model.from_dict({})  # type: ignore[attr-defined]
        if first is second:
            return msgspec.json.decode(b"{}", type=wire), first
    except (KeyError, TypeError, ValueError, msgspec.DecodeError):
        pass  # required fields
    return object(), None


_RECENT_IDS_MAX: Final = 256


def _shared_ids() -> Build:
    """Keeps one ``UUID`` object per value of an id that names another object (``outdial_id``,
    ``customer_id``: every field but a model's own ``id``), as the generated ``parse_uuid``
    does: a page of 100 targets of one outdial holds one ``outdial_id`` object, not 100 (about
    100 bytes and one object for the collector, each). The store is bounded: when it is full
    it is emptied."""
    recent: dict[int, UUID] = {}

    def shared(value: Any) -> Any:
        if type(value) is not UUID:
            return value  # None, or UNSET
        key = value.int
        kept = recent.get(key)
        if kept is None:
            if len(recent) >= _RECENT_IDS_MAX:
                recent.clear()
            kept = recent[key] = value
        return kept

    return shared


def _each(shape: _Shape) -> Build:
    """Builds a list of models from a list of structs; ``None`` stays."""
    build = shape.build

    def each(value: Any) -> Any:
        return value if value is None else [build(item) for item in value]

    return each


def _member(name: str, kind: Any) -> tuple[Any, Build | None] | None:
    """The struct's type for one member of a field's type, and how to build the model's value
    from what msgspec gives (``None``: as it is); ``None`` for a kind this module does not know."""
    if kind is int:
        low = 0 if name in NON_NEGATIVE else MIN_INT32
        return Annotated[int, msgspec.Meta(ge=low, le=MAX_INT32)], None
    if kind is UUID and name != "id":
        return UUID, _shared_ids()
    if kind in _FAST_KINDS:
        return kind, None
    if isinstance(kind, type) and issubclass(kind, str) and issubclass(kind, Enum):
        return kind, None  # msgspec calls the enum's _missing_ for an unknown value
    if isinstance(kind, type) and attrs.has(kind) and not _declared(kind):
        return dict[str, Any], _free_form(kind)  # a campaign action's option: any object
    if isinstance(kind, type) and attrs.has(kind):
        shape = _shape(kind)
        return None if shape is None else (shape.wire, _nested(kind, shape))
    if get_origin(kind) is list:
        (item,) = get_args(kind)
        shape = _shape(item) if isinstance(item, type) and attrs.has(item) else None
        return None if shape is None else (list[shape.wire], _each(shape))  # type: ignore[name-defined]
    return None


def _declared(model: type) -> list[attrs.Attribute[Any]]:
    """The fields of ``model`` that ``__init__`` takes (not ``additional_properties``)."""
    return [f for f in attrs.fields(attrs.resolve_types(model)) if f.init]


def _free_form(model: type) -> Build:
    """Builds a model that declares no field (its ``additional_properties`` hold the object)
    from the dict msgspec gives, with its ``from_dict``; ``None`` stays."""
    from_dict = model.from_dict  # type: ignore[attr-defined]

    def free_form(value: Any) -> Any:
        return from_dict(value) if type(value) is dict else value

    return free_form


def _builder(model: type, steps: list[tuple[int, Build]]) -> Build:
    """The model from its struct: its fields in order, those with a step built by it."""
    astuple = msgspec.structs.astuple
    if not steps:
        return lambda struct: model(*astuple(struct))

    def build(struct: Any) -> Any:
        values = list(astuple(struct))
        for index, step in steps:
            values[index] = step(values[index])
        return model(*values)

    return build


@cache
def _shape(model: type) -> _Shape | None:
    """The struct mirroring ``model`` (an attrs model class) and its builder, or ``None`` if a
    field is of a kind this module does not know."""
    fields: list[tuple[str, Any, Any]] = []
    steps: list[tuple[int, Build]] = []
    for index, field in enumerate(_declared(model)):
        members = get_args(field.type) if isinstance(field.type, UnionType) else (field.type,)
        kinds = [m for m in members if m is not NoneType and m is not Unset]
        if len(kinds) != 1:
            return None
        member = _member(field.name, kinds[0])
        if member is None:
            return None
        wire, step = member
        if NoneType in members:
            wire = wire | None
        if step is not None:
            steps.append((index, step))
        if field.default is attrs.NOTHING:
            default = msgspec.field(name=_json_name(field))
        elif isinstance(field.default, Unset | NoneType | str | int):
            # Not checked by msgspec, so a missing field reads UNSET, as in from_dict.
            default = msgspec.field(name=_json_name(field), default=field.default)
        else:
            return None  # a factory: not a kind of default the generated models have
        fields.append((field.name, wire, default))
    wire_type = msgspec.defstruct(
        f"{model.__name__}Wire", fields, forbid_unknown_fields=True, gc=False
    )
    return _Shape(wire_type, _builder(model, steps))


@cache
def page_decoder(listing: type) -> Decode | None:
    """Bytes to a ``listing`` model (a generated ``...List``), or ``None`` for a body to read the
    general way; ``None`` if the model has a field this module cannot mirror."""
    shape = _shape(listing)
    if shape is None:
        return None
    decoder = msgspec.json.Decoder(shape.wire)
    build = shape.build

    def decode(body: bytes) -> Any:
        try:
            struct = decoder.decode(body)
        except msgspec.DecodeError:  # its ValidationError too: the general path says why
            return None
        return build(struct)

    return decode
