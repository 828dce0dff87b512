"""What the mock reads off the generated operation table, openapi.yaml's image in the package.

``_generated/api`` holds one row per operationId (``make test`` proves it equals a fresh
generation). So the mock takes from it, rather than from a second copy of the contract:

* :func:`operation_ids` and :func:`route`: every operation, and its method and path template;
* :func:`body_fields`: the fields of its JSON body, read off the generated request model the row
  names (its attrs fields, their types, and which ones have no default, i.e. are required).
"""

from __future__ import annotations

import functools
import typing
from collections.abc import Mapping
from typing import Final, NamedTuple
from uuid import UUID

import attrs

from .._generated.api import OPERATIONS
from .._generated.models import Address, AddressType

__all__ = ["ADDRESS_TYPES", "Field", "body_fields", "operation_ids", "route"]

ADDRESS_TYPES: Final = frozenset(member.value for member in AddressType)
"""``components/schemas/AddressType``: the address types the spec lists."""

_TYPES: Final[Mapping[type, str]] = {str: "string", int: "int", UUID: "uuid", Address: "address"}


class Field(NamedTuple):
    """A field of a request body: its JSON name, its type and whether the spec requires it.

    ``kind`` is ``string``, ``int``, ``uuid`` or ``address``; ``nullable``: ``null`` is allowed.
    """

    name: str
    kind: str
    required: bool
    nullable: bool


def operation_ids() -> frozenset[str]:
    """Every operationId of openapi.yaml."""
    return frozenset(OPERATIONS)


def route(operation_id: str) -> tuple[str, str]:
    """The operation's method and path, with its parameters as ``{name}`` (``/outdials/{id}``).

    Raises:
        KeyError: openapi.yaml has no such operation.
    """
    op = OPERATIONS[operation_id]
    return op.method, op.path


@functools.cache
def body_fields(operation_id: str) -> tuple[Field, ...]:
    """The fields of the operation's JSON body, in the order of its schema; ``()`` for none.

    Raises:
        KeyError: openapi.yaml has no such operation.
    """
    model = OPERATIONS[operation_id].body
    if model is None:
        return ()
    hints = typing.get_type_hints(model)
    fields = []
    for field in attrs.fields(model):
        if not field.init:  # additional_properties
            continue
        members = set(typing.get_args(hints[field.name])) or {hints[field.name]}
        (kind,) = {_TYPES[member] for member in members if member in _TYPES}
        required = field.default is attrs.NOTHING
        fields.append(Field(field.name, kind, required, type(None) in members))
    return tuple(fields)
