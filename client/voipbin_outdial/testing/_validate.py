"""Request checks of the mock: the request schemas of openapi.yaml, written out by hand.

The installed package does not ship openapi.yaml (nor a JSON Schema library), so the rules of
``components/schemas/*Create`` and ``*Update`` are spelled out here: required fields, JSON types,
``additionalProperties: false``, ``minimum: 0``, the Address shape and ``format: uuid``. The
conformance test (tests/testing/test_conformance.py) runs schemathesis's negative and positive
checks against the spec, so a rule that drifts from the spec fails there.

Every check raises :class:`InvalidRequestError` with a message naming the field; the app turns it
into a 400 ``INVALID_ARGUMENT``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any, Final

from .._slots import DESTINATION_FIELDS, MAX_TRY_COUNT_FIELDS

__all__ = [
    "ADDRESS_TYPES",
    "InvalidRequestError",
    "check_uuid",
    "name_detail_update",
    "outdial_campaign_id_update",
    "outdial_create",
    "outdial_data_update",
    "outdialtarget_create",
    "outplan_create",
    "outplan_dial_info_update",
    "page_size",
    "parse_json_object",
]

ADDRESS_TYPES: Final = frozenset(
    ["", "agent", "conference", "email", "extension", "line", "sip", "tel", "web_session"]
)
"""``components/schemas/AddressType``: the address types a request may use."""

_ADDRESS_TEXT: Final = ("target_name", "name", "detail")
_DIAL_INFO: Final = ("source", "dial_timeout", "try_interval", *MAX_TRY_COUNT_FIELDS)
# format: uuid as JSON Schema checks it (jsonschema's checker): 8-4-4-4-12 hex digits.
_UUID: Final = re.compile(r"[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}")
_DIGITS: Final = re.compile(r"-?[0-9]+")

PAGE_SIZE_MAX: Final = 100


class InvalidRequestError(ValueError):
    """The request breaks the spec; the message says where (the app answers 400)."""


def _reject_constant(name: str) -> Any:
    raise InvalidRequestError(f"the body is not valid JSON: {name} is not a JSON number")


def parse_json_object(raw: bytes) -> dict[str, Any]:
    """The request body as a JSON object.

    Raises:
        InvalidRequestError: the body is empty, not UTF-8 JSON, or not an object.
    """
    if not raw.strip():
        raise InvalidRequestError("the request body is missing")
    try:
        value = json.loads(raw.decode("utf-8"), parse_constant=_reject_constant)
    except InvalidRequestError:
        raise
    except (ValueError, RecursionError):  # ValueError: also an int of more than 4300 digits
        raise InvalidRequestError("the body is not valid JSON") from None
    if not isinstance(value, dict):
        raise InvalidRequestError(f"the body must be a JSON object, not {_json_type(value)}")
    return value


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"


def check_uuid(value: object, where: str) -> str:
    """``value`` as a lower-case UUID string.

    Raises:
        InvalidRequestError: it is not a string in the 8-4-4-4-12 form.
    """
    if not isinstance(value, str) or _UUID.fullmatch(value) is None:
        raise InvalidRequestError(f"{where} must be a UUID, got {value!r}"[:200])
    return value.lower()


def page_size(values: list[str]) -> int:
    """The ``page_size`` query parameter (all its values): 1..100, 100 when absent.

    Raises:
        InvalidRequestError: it is given more than once, or is not an integer in 1..100.
    """
    if not values:
        return PAGE_SIZE_MAX
    if len(values) > 1:
        raise InvalidRequestError("page_size must be given at most once")
    text = values[0]
    if _DIGITS.fullmatch(text) is None or len(text) > 20 or not 1 <= int(text) <= PAGE_SIZE_MAX:
        raise InvalidRequestError(f"page_size must be an integer from 1 to {PAGE_SIZE_MAX}")
    return int(text)


def _keys(body: Mapping[str, Any], required: tuple[str, ...], optional: tuple[str, ...]) -> None:
    """``required`` present and nothing outside ``required + optional`` (no extra properties)."""
    for name in required:
        if name not in body:
            raise InvalidRequestError(f"{name!r} is required")
    allowed = {*required, *optional}
    for name in body:
        if name not in allowed:
            raise InvalidRequestError(f"{name!r} is not a known field"[:200])


def _string(value: object, where: str) -> str:
    if not isinstance(value, str):
        raise InvalidRequestError(f"{where} must be a string, not {_json_type(value)}")
    return value


def _count(value: object, where: str) -> int:
    """A JSON Schema ``integer`` with ``minimum: 0`` (``3.0`` is an integer there, too)."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if type(value) is not int:
        raise InvalidRequestError(f"{where} must be an integer, not {_json_type(value)}")
    if value < 0:
        raise InvalidRequestError(f"{where} must be 0 or more, got {value}")
    return value


def _address(value: object, where: str) -> dict[str, str]:
    """An Address: ``type`` (AddressType) and ``target`` required, the other texts optional.

    It comes back in VoIPBIN's stored form: all five fields, absent texts as ``""`` and fields
    the Address does not have dropped (VoIPBIN keeps its own struct, not the JSON it was sent).
    """
    if not isinstance(value, dict):
        raise InvalidRequestError(f"{where} must be an address object, not {_json_type(value)}")
    for name in ("type", "target"):
        if name not in value:
            raise InvalidRequestError(f"{where}.{name} is required")
    kind = _string(value["type"], f"{where}.type")
    if kind not in ADDRESS_TYPES:
        raise InvalidRequestError(f"{where}.type {kind!r} is not an address type"[:200])
    address = {"type": kind, "target": _string(value["target"], f"{where}.target")}
    for name in _ADDRESS_TEXT:
        address[name] = _string(value[name], f"{where}.{name}") if name in value else ""
    return address


def _dial_info(body: Mapping[str, Any]) -> dict[str, Any]:
    info: dict[str, Any] = {"source": _address(body["source"], "source")}
    for name in _DIAL_INFO[1:]:
        info[name] = _count(body[name], name)
    return info


def outplan_create(body: Mapping[str, Any]) -> dict[str, Any]:
    """``OutplanCreate``: name, detail and the dial info, all required."""
    _keys(body, ("name", "detail", *_DIAL_INFO), ())
    return {
        "name": _string(body["name"], "name"),
        "detail": _string(body["detail"], "detail"),
        **_dial_info(body),
    }


def outplan_dial_info_update(body: Mapping[str, Any]) -> dict[str, Any]:
    """``OutplanDialInfoUpdate``: source, dial_timeout, try_interval, max_try_count_0..4."""
    _keys(body, _DIAL_INFO, ())
    return _dial_info(body)


def name_detail_update(body: Mapping[str, Any]) -> dict[str, Any]:
    """``NameDetailUpdate``: name and detail."""
    _keys(body, ("name", "detail"), ())
    return {"name": _string(body["name"], "name"), "detail": _string(body["detail"], "detail")}


def outdial_create(body: Mapping[str, Any]) -> dict[str, Any]:
    """``OutdialCreate``: campaign_id (a UUID), name, detail, data."""
    _keys(body, ("campaign_id", "name", "detail", "data"), ())
    return {
        "campaign_id": check_uuid(body["campaign_id"], "campaign_id"),
        "name": _string(body["name"], "name"),
        "detail": _string(body["detail"], "detail"),
        "data": _string(body["data"], "data"),
    }


def outdial_campaign_id_update(body: Mapping[str, Any]) -> dict[str, Any]:
    """``OutdialCampaignIdUpdate``: campaign_id (a UUID; the nil UUID detaches)."""
    _keys(body, ("campaign_id",), ())
    return {"campaign_id": check_uuid(body["campaign_id"], "campaign_id")}


def outdial_data_update(body: Mapping[str, Any]) -> dict[str, Any]:
    """``OutdialDataUpdate``: data."""
    _keys(body, ("data",), ())
    return {"data": _string(body["data"], "data")}


def outdialtarget_create(body: Mapping[str, Any]) -> dict[str, Any]:
    """``OutdialtargetCreate``: name, detail, data, destination_0 (an address or null) and the
    optional destination_1..4 (absent means null)."""
    _keys(body, ("name", "detail", "data", "destination_0"), DESTINATION_FIELDS[1:])
    fields: dict[str, Any] = {
        "name": _string(body["name"], "name"),
        "detail": _string(body["detail"], "detail"),
        "data": _string(body["data"], "data"),
    }
    for name in DESTINATION_FIELDS:
        value = body.get(name)
        fields[name] = None if value is None else _address(value, name)
    return fields
