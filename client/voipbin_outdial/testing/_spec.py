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
from typing import Any, Final, NamedTuple
from uuid import UUID

import attrs

from .._generated.api import OPERATIONS
from .._generated.models import Address, AddressType, FlowActionType

__all__ = ["ACTION_TYPES", "ADDRESS_TYPES", "Field", "body_fields", "operation_ids", "route"]

ADDRESS_TYPES: Final = frozenset(member.value for member in AddressType)
"""``components/schemas/AddressType``: the address types the spec lists."""

ACTION_TYPES: Final = frozenset(member.value for member in FlowActionType)
"""``components/schemas/FlowActionType``: the action types the flow manager takes."""

_TYPES: Final[Mapping[type, str]] = {str: "string", int: "int", UUID: "uuid", Address: "address"}


class Field(NamedTuple):
    """A field of a request body: its JSON name, its type and whether the spec requires it.

    ``kind`` is ``string``, ``int``, ``uuid``, ``address`` or ``actions``; ``nullable``: ``null``
    is allowed.
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


def _kind(member: Any) -> str | None:
    """The kind of one member of a field's type: a list is a campaign's ``actions``, an enum of
    strings (``CampaignStatusUpdateStatus``) a string."""
    if typing.get_origin(member) is list:
        return "actions"
    if member in _TYPES:
        return _TYPES[member]
    if isinstance(member, type) and issubclass(member, str):
        return "string"
    return None


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
        hint = hints[field.name]
        members = {hint} if typing.get_origin(hint) is list else set(typing.get_args(hint))
        (kind,) = {k for k in map(_kind, members or {hint}) if k is not None}
        required = field.default is attrs.NOTHING
        # The generator adds "_" to a name Python keeps (``type`` is the field ``type_``).
        name = field.name.removesuffix("_")
        fields.append(Field(name, kind, required, type(None) in members))
    return tuple(fields)
