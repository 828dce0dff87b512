"""The mock's request checks: the steps every VoIPBIN handler takes, and the strict ones.

**The server's checks** (always on). What ``bin-api-manager/server/{outplans,outdials}.go`` do
for every operation is here; what one operation checks on its own (``PostOutdials``: the
``campaign_id``, then ``name``, ``detail``, ``data`` not empty) is in its handler
(:mod:`._operations`), which calls these:

* :func:`path_id`: a path id that is not a UUID, or is the nil UUID: 400 ``INVALID_ID``;
* :func:`bind_body`: a body that does not bind into the operation's request struct (:mod:`._bind`)
  is 400 ``INVALID_JSON_BODY`` (sent as ``text/plain``, see ``_app``);
* :func:`required`: an empty field an operation needs is 400 ``INVALID_ARGUMENT`` naming it;
* :func:`page`: ``page_size`` or ``page_token`` given twice, or a ``page_size`` that is not an
  integer: 400 ``INVALID_REQUEST_PARAMETER``; any other integer outside 1..100 is read as 100.

**Strict checks** (``strict=True``) add the rules of openapi.yaml's request schemas that the
server does not enforce, to find mistakes early: every field the schema requires, JSON types
without ``null`` (unless the schema allows it), integers from 0 to 2**31 - 1 (every integer of a
request is an ``integer`` column, ``table_outplan.sql``), the address types; and two rules
openapi.yaml leaves open because the server does: no unknown fields, ``page_size`` from 1 to 100.
The schema of each body is read off the generated request model (:mod:`._spec`). They answer
400 ``INVALID_ARGUMENT`` with reason :data:`STRICT_REASON`, which the server never sends.

Every check raises :class:`InvalidRequestError` with a message naming the field.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from typing import Any, Final

from .._args import NIL_UUID
from . import _bind, _spec
from ._bind import ADDRESS_FIELDS, CANONICAL_UUID, BindError, Kind
from ._errors import MockApiError

__all__ = [
    "NIL",
    "PAGE_SIZE_MAX",
    "STRICT_REASON",
    "InvalidRequestError",
    "bind_body",
    "page",
    "parse_body",
    "path_id",
    "required",
    "strict_body",
    "strict_page",
]

NIL: Final = str(NIL_UUID)
"""The nil UUID as text, which gofrs/uuid's ``FromStringOrNil`` gives for anything else."""
PAGE_SIZE_MAX: Final = 100
_INT32_MAX: Final = 2**31 - 1
STRICT_REASON: Final = "MOCK_STRICT_CHECK"
"""The ``reason`` of a 400 from a strict check: VoIPBIN itself would have taken the request."""

# A field of openapi.yaml's request schemas, as the server's Go struct binds it (an id is a
# string there) and as a strict check reads it.
_BIND_KINDS: Final[Mapping[str, Kind]] = {
    "string": "string",
    "int": "int",
    "uuid": "string",
    "address": "address",
    "actions": "actions",
}
_STRICT_KINDS: Final[Mapping[str, str]] = {
    "string": "string",
    "int": "count",
    "uuid": "uuid",
    "address": "address",
    "actions": "actions",
}


class InvalidRequestError(MockApiError, ValueError):
    """A request the mock refuses with 400 ``INVALID_ARGUMENT``; ``reason`` says why.

    Args:
        message: What is wrong, naming the field.
        reason: ``INVALID_ARGUMENT``, ``INVALID_ID``, ``INVALID_JSON_BODY``,
            ``INVALID_REQUEST_PARAMETER`` or :data:`STRICT_REASON`.
    """

    def __init__(self, message: str, reason: str = "INVALID_ARGUMENT") -> None:
        # gin's BindJSON writes the 400 status before the handler writes the error body, so the
        # server's Content-Type never reaches the client: Go sniffs the body as text/plain.
        super().__init__(
            "INVALID_ARGUMENT", reason, message, plain_text=reason == "INVALID_JSON_BODY"
        )


def _not_json(exc: BindError) -> InvalidRequestError:
    del exc  # the server's message does not say where (its cause stays in its own log)
    return InvalidRequestError("The request body is not valid JSON.", "INVALID_JSON_BODY")


def parse_body(raw: bytes) -> Any:
    """The request body, parsed as the server's JSON decoder reads it.

    Raises:
        InvalidRequestError: ``INVALID_JSON_BODY``.
    """
    try:
        return _bind.parse_body(raw)
    except BindError as exc:
        raise _not_json(exc) from None


@functools.cache
def _struct(operation_id: str) -> Mapping[str, Kind]:
    return {field.name: _BIND_KINDS[field.kind] for field in _spec.body_fields(operation_id)}


def bind_body(operation_id: str, body: Any) -> dict[str, Any]:
    """``body`` (parsed) bound into the request struct of the operation, as the server does it:
    every field, Go's zero value where none is given (see :func:`._bind.bind`).

    Raises:
        InvalidRequestError: ``INVALID_JSON_BODY``.
    """
    try:
        return _bind.bind(body, _struct(operation_id))
    except BindError as exc:
        raise _not_json(exc) from None


def path_id(text: str, name: str = "id") -> str:
    """A path id in canonical lowercase (``uuid.FromStringOrNil(id) == uuid.Nil`` is refused).

    Raises:
        InvalidRequestError: ``INVALID_ID``.
    """
    value = _bind.go_uuid(text)
    if value is None or value == NIL:
        raise InvalidRequestError(f"The provided {name} is not a valid UUID.", "INVALID_ID")
    return value


def required(fields: Mapping[str, Any], *names: str) -> None:
    """Each of ``names`` in turn is not empty (``"<name> is required."``, as the handlers say).

    Raises:
        InvalidRequestError: ``INVALID_ARGUMENT``.
    """
    for name in names:
        if fields[name] == "":
            raise InvalidRequestError(f"{name} is required.")


def _one(values: Sequence[str], name: str) -> str | None:
    if len(values) > 1:
        raise InvalidRequestError(
            f'The parameter "{name}" has an invalid format.', "INVALID_REQUEST_PARAMETER"
        )
    return values[0] if values else None


def page(size_values: Sequence[str], token_values: Sequence[str]) -> tuple[int, str]:
    """``page_size`` and ``page_token`` (every value of each) as the list handlers read them.

    Raises:
        InvalidRequestError: ``INVALID_REQUEST_PARAMETER``.
    """
    size_text, token = _one(size_values, "page_size"), _one(token_values, "page_token")
    size = PAGE_SIZE_MAX
    if size_text is not None:
        number = _bind.go_int(size_text)
        if number is None:
            raise InvalidRequestError(
                'The parameter "page_size" has an invalid format.', "INVALID_REQUEST_PARAMETER"
            )
        # uint64(*params.PageSize): a negative size wraps around, so it is > 100 as well.
        size = number if 1 <= number <= PAGE_SIZE_MAX else PAGE_SIZE_MAX
    return size, token or ""


# --- strict: openapi.yaml's request schemas, beyond what the server checks ------------------------


def _strict(message: str) -> InvalidRequestError:
    return InvalidRequestError(
        f"{message} (a strict check of the mock; VoIPBIN itself does not refuse this)",
        STRICT_REASON,
    )


def _object(value: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise _strict(f"{where} must be a JSON object")
    return value


def _strict_keys(
    body: Mapping[str, Any], required: Sequence[str], known: Sequence[str], where: str = ""
) -> None:
    inside = f" in {where}" if where else ""
    for name in required:
        if name not in body:
            raise _strict(f"{name!r} is required{inside}")
    for name in body:
        if name not in known:
            raise _strict(f"{name!r} is not a known field{inside}"[:200])


def _strict_value(kind: str, value: Any, where: str) -> None:
    if kind == "string" and not isinstance(value, str):
        raise _strict(f"{where} must be a string")
    if kind == "count" and (type(value) is not int or not 0 <= value <= _INT32_MAX):
        raise _strict(f"{where} must be an integer from 0 to {_INT32_MAX}")
    if kind == "uuid" and not (isinstance(value, str) and CANONICAL_UUID.fullmatch(value)):
        raise _strict(f"{where} must be a UUID such as {NIL!r}")
    if kind == "actions":
        if not isinstance(value, list):
            raise _strict(f"{where} must be an array of objects")
        for n, item in enumerate(value):
            _strict_action(_object(item, f"{where}[{n}]"), f"{where}[{n}]")
    if kind == "address":
        address = _object(value, where)
        _strict_keys(address, (), ADDRESS_FIELDS, where)
        for name in ADDRESS_FIELDS:
            if name in address:
                _strict_value("string", address[name], f"{where}.{name}")
        if address.get("type", "") not in _spec.ADDRESS_TYPES:
            raise _strict(f"{where}.type {address['type']!r} is not an address type"[:200])


# components/schemas/Timestamp's pattern
_TIMESTAMP: Final = re.compile(
    r"[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])[ T]([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]"
    r"(\.[0-9]{1,9})?(Z|[+-]([01][0-9]|2[0-3]):?[0-5][0-9])?"
)


def _strict_action(action: Mapping[str, Any], where: str) -> None:
    """``components/schemas/FlowAction``: known keys, ids, a type the flow manager knows, an
    ``option`` object, a ``tm_execute`` time or ``null``."""
    _strict_keys(action, (), ("id", "next_id", "type", "option", "tm_execute"), where)
    for name in ("id", "next_id"):
        if name in action:
            _strict_value("uuid", action[name], f"{where}.{name}")
    if "type" in action and action["type"] not in _spec.ACTION_TYPES:
        raise _strict(f"{where}.type {action['type']!r} is not an action type"[:200])
    if "option" in action:
        _object(action["option"], f"{where}.option")
    executed = action.get("tm_execute")
    if executed is not None and not (isinstance(executed, str) and _TIMESTAMP.fullmatch(executed)):
        raise _strict(f"{where}.tm_execute must be a time or null")


@functools.cache
def _schema(operation_id: str) -> tuple[Mapping[str, tuple[str, bool]], tuple[str, ...]]:
    """field -> (strict kind, nullable), and the required fields, of the operation's body."""
    fields = _spec.body_fields(operation_id)
    kinds = {field.name: (_STRICT_KINDS[field.kind], field.nullable) for field in fields}
    return kinds, tuple(field.name for field in fields if field.required)


def strict_body(operation_id: str, body: Any) -> None:
    """The strict checks of the operation's request body, after the server's own.

    Raises:
        InvalidRequestError: with reason :data:`STRICT_REASON`.
    """
    kinds, needed = _schema(operation_id)
    document = _object(_bind.plain(body), "the body")
    _strict_keys(document, needed, tuple(kinds))
    for name, (kind, nullable) in kinds.items():
        if name in document and not (nullable and document[name] is None):
            _strict_value(kind, document[name], name)


def strict_page(size_values: Sequence[str]) -> None:
    """``page_size`` from 1 to 100, beyond the server (which reads any other integer as 100).

    Raises:
        InvalidRequestError: with reason :data:`STRICT_REASON`.
    """
    if size_values:
        number = _bind.go_int(size_values[0])
        if number is not None and not 1 <= number <= PAGE_SIZE_MAX:
            raise _strict(f"page_size must be from 1 to {PAGE_SIZE_MAX}, got {number}")
