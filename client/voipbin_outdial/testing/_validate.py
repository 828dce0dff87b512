"""The mock's request checks: VoIPBIN's own, and the stricter ones of ``VoipbinMock(strict=True)``.

**The server's checks** (always on) are what ``bin-api-manager/server/{outplans,outdials}.go`` do
after binding the request (:mod:`._bind`):

* a path id that is not a UUID, or is the nil UUID: 400 ``INVALID_ID``;
* a body that does not bind: 400 ``INVALID_JSON_BODY`` (sent as ``text/plain``, see ``_app``);
* ``PostOutdials``: ``campaign_id`` (not nil), ``name``, ``detail``, ``data`` not empty, in that
  order; ``PostOutdialsIdTargets``: ``name``, ``detail``, ``data`` not empty, then a destination
  with a ``target``: 400 ``INVALID_ARGUMENT`` naming the first that is missing;
* ``page_size`` or ``page_token`` given twice, or a ``page_size`` that is not an integer: 400
  ``INVALID_REQUEST_PARAMETER``; any other integer outside 1..100 is read as 100.

Nothing else is checked: outplans take any values, unknown fields are ignored.

**Strict checks** (``strict=True``) add the rules of openapi.yaml's request schemas that the
server does not enforce, to find mistakes early: every field the schema requires, JSON types
without ``null``, counts from 0 to 2**31 - 1, the address types; and two rules openapi.yaml
leaves open because the server does: no unknown fields, ``page_size`` from 1 to 100. They answer
400 ``INVALID_ARGUMENT`` with reason :data:`STRICT_REASON`, which the server never sends.

Every check raises :class:`InvalidRequestError` with a message naming the field.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any, Final

from .._slots import DESTINATION_FIELDS, MAX_TRY_COUNT_FIELDS
from . import _bind
from ._bind import ADDRESS_FIELDS, BindError, Kind
from ._errors import MockApiError

__all__ = [
    "ADDRESS_TYPES",
    "NIL_UUID",
    "PAGE_SIZE_MAX",
    "STRICT_REASON",
    "InvalidRequestError",
    "campaign_id_update",
    "data_update",
    "dial_info_update",
    "name_detail_update",
    "outdial_create",
    "outdialtarget_create",
    "outplan_create",
    "page",
    "parse_body",
    "path_id",
    "strict_body",
    "strict_page",
]

NIL_UUID: Final = "00000000-0000-0000-0000-000000000000"
PAGE_SIZE_MAX: Final = 100
_INT32_MAX: Final = 2**31 - 1  # the database columns are `integer` (table_outplan.sql)
STRICT_REASON: Final = "MOCK_STRICT_CHECK"
"""The ``reason`` of a 400 from a strict check: VoIPBIN itself would have taken the request."""

ADDRESS_TYPES: Final = frozenset(
    [
        "",
        "agent",
        "ai",
        "ai_team",
        "conference",
        "email",
        "extension",
        "line",
        "sip",
        "tel",
        "webchat",
        "web_session",
        "whatsapp",
    ]
)
"""``components/schemas/AddressType`` (``commonaddress.Type``'s values in the server's code)."""

# format: uuid as JSON Schema checks it: 8-4-4-4-12 hex digits.
_CANONICAL_UUID: Final = re.compile(r"[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}")

_DIAL_INFO: Final[Mapping[str, Kind]] = {
    "source": "address",
    "dial_timeout": "int",
    "try_interval": "int",
    **dict.fromkeys(MAX_TRY_COUNT_FIELDS, "int"),
}
_NAME_DETAIL: Final[Mapping[str, Kind]] = {"name": "string", "detail": "string"}
_OUTPLAN: Final[Mapping[str, Kind]] = {**_NAME_DETAIL, **_DIAL_INFO}
_OUTDIAL: Final[Mapping[str, Kind]] = {"campaign_id": "string", **_NAME_DETAIL, "data": "string"}
_TARGET: Final[Mapping[str, Kind]] = {
    **_NAME_DETAIL,
    "data": "string",
    **dict.fromkeys(DESTINATION_FIELDS, "address"),
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


def _bound(body: Any, fields: Mapping[str, Kind]) -> dict[str, Any]:
    try:
        return _bind.bind(body, fields)
    except BindError as exc:
        raise _not_json(exc) from None


def path_id(text: str, name: str = "id") -> str:
    """A path id in canonical lowercase (``uuid.FromStringOrNil(id) == uuid.Nil`` is refused).

    Raises:
        InvalidRequestError: ``INVALID_ID``.
    """
    value = _bind.go_uuid(text)
    if value is None or value == NIL_UUID:
        raise InvalidRequestError(f"The provided {name} is not a valid UUID.", "INVALID_ID")
    return value


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


# --- the bodies, as the handlers read them -------------------------------------------------------


def outplan_create(body: Any) -> dict[str, Any]:
    """``PostOutplans``: every field bound, none checked."""
    return _bound(body, _OUTPLAN)


def dial_info_update(body: Any) -> dict[str, Any]:
    """``PutOutplansIdDialInfo``: every field bound, none checked."""
    return _bound(body, _DIAL_INFO)


def name_detail_update(body: Any) -> dict[str, Any]:
    """``PutOutplansId`` and ``PutOutdialsId``: name and detail, not checked."""
    return _bound(body, _NAME_DETAIL)


def _required(fields: Mapping[str, Any], names: Sequence[str]) -> None:
    for name in names:
        if fields[name] == "":
            raise InvalidRequestError(f"{name} is required.")


def outdial_create(body: Any) -> dict[str, Any]:
    """``PostOutdials``: campaign_id (not nil), name, detail, data not empty, in that order."""
    fields = _bound(body, _OUTDIAL)
    campaign_id = _bind.go_uuid(fields["campaign_id"])
    if campaign_id is None or campaign_id == NIL_UUID:
        raise InvalidRequestError("campaign_id is required.")
    _required(fields, ("name", "detail", "data"))
    return {**fields, "campaign_id": campaign_id}


def campaign_id_update(body: Any) -> dict[str, Any]:
    """``PutOutdialsIdCampaignId``: ``FromStringOrNil``, so text that is not a UUID detaches."""
    text = _bound(body, {"campaign_id": "string"})["campaign_id"]
    return {"campaign_id": _bind.go_uuid(text) or NIL_UUID}


def data_update(body: Any) -> dict[str, Any]:
    """``PutOutdialsIdData``: data, not checked."""
    return _bound(body, {"data": "string"})


def outdialtarget_create(body: Any) -> dict[str, Any]:
    """``PostOutdialsIdTargets``: name, detail, data not empty, then a destination with a target.

    Each destination comes back as the server stores it: ``{}`` when it was left out, ``null``
    or empty.
    """
    fields = _bound(body, _TARGET)
    _required(fields, ("name", "detail", "data"))
    if not any(fields[name].get("target") for name in DESTINATION_FIELDS):
        raise InvalidRequestError("At least one destination_N target is required.")
    return fields


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
    if kind == "uuid" and not (isinstance(value, str) and _CANONICAL_UUID.fullmatch(value)):
        raise _strict(f"{where} must be a UUID such as {NIL_UUID!r}")
    if kind == "address":
        address = _object(value, where)
        _strict_keys(address, (), ADDRESS_FIELDS, where)
        for name in ADDRESS_FIELDS:
            if name in address:
                _strict_value("string", address[name], f"{where}.{name}")
        if address.get("type", "") not in ADDRESS_TYPES:
            raise _strict(f"{where}.type {address['type']!r} is not an address type"[:200])
    if kind == "address?" and value is not None:
        _strict_value("address", value, where)


_STRICT: Final[Mapping[str, tuple[Mapping[str, str], Sequence[str]]]] = {
    # operationId -> (field -> kind, the required fields)
    "outplans_create": (
        {"name": "string", "detail": "string", "source": "address"}
        | {name: "count" for name in ("dial_timeout", "try_interval", *MAX_TRY_COUNT_FIELDS)},
        ("name", "detail", "source", "dial_timeout", "try_interval", *MAX_TRY_COUNT_FIELDS),
    ),
    "outplans_update_dial_info": (
        {"source": "address"}
        | {name: "count" for name in ("dial_timeout", "try_interval", *MAX_TRY_COUNT_FIELDS)},
        ("source", "dial_timeout", "try_interval", *MAX_TRY_COUNT_FIELDS),
    ),
    "name_detail_update": ({"name": "string", "detail": "string"}, ("name", "detail")),
    "outdials_create": (
        {"campaign_id": "uuid", "name": "string", "detail": "string", "data": "string"},
        ("campaign_id", "name", "detail", "data"),
    ),
    "outdials_update_campaign_id": ({"campaign_id": "uuid"}, ("campaign_id",)),
    "outdials_update_data": ({"data": "string"}, ("data",)),
    "outdialtargets_create": (
        {"name": "string", "detail": "string", "data": "string"}
        | dict.fromkeys(DESTINATION_FIELDS, "address?"),
        ("name", "detail", "data"),
    ),
}


def strict_body(schema: str, body: Any) -> None:
    """The strict checks of a request body (``schema``: an operationId, or
    ``name_detail_update`` for both name/detail updates), after the server's own.

    Raises:
        InvalidRequestError: with reason :data:`STRICT_REASON`.
    """
    kinds, required = _STRICT[schema]
    document = _object(_bind.plain(body), "the body")
    _strict_keys(document, required, tuple(kinds))
    for name, kind in kinds.items():
        if name in document:
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
