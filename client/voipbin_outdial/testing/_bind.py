"""What VoIPBIN's server makes of a request before its own checks run, written out in Python.

* A JSON body goes through gin's ``c.BindJSON`` into the request struct oapi-codegen generated
  (``bin-api-manager/gens/openapi_server/gen.go``, e.g. ``PostOutdialsJSONBody``), which is Go's
  ``encoding/json``: only the first JSON value is read; a key matches a field exactly or, failing
  that, ignoring case; unknown keys are ignored; ``null`` leaves a field as it was; a later
  duplicate key wins; a field left out keeps Go's zero value (``""``, ``0``, an empty address).
  A body that is not JSON, or a value of the wrong JSON type (``"30"`` or ``30.0`` for an int,
  a number for a string), fails the whole bind: 400 ``INVALID_JSON_BODY``.
* An address is ``CommonAddress`` (five optional strings), converted by ``ConvertCommonAddress``
  (``bin-api-manager/server/main.go``) into ``commonaddress.Address``, whose JSON leaves empty
  fields out (``omitempty``): an empty address is ``{}``.
* Ids are read with gofrs/uuid's ``FromStringOrNil``: the canonical form, 32 hex digits, either
  in braces, or after ``urn:uuid:``; anything else is the nil UUID.
* Query parameters go through oapi-codegen's ``BindQueryParameter``: given twice, or not an
  integer where one is expected, is an error (400 ``INVALID_REQUEST_PARAMETER``).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, Final, Literal, TypeAlias

from .._readonly import ReadOnlyEmptyDict

__all__ = [
    "ADDRESS_FIELDS",
    "CANONICAL_UUID",
    "EMPTY_ADDRESS",
    "BindError",
    "Kind",
    "StoredAddress",
    "bind",
    "bind_actions",
    "go_int",
    "go_uuid",
    "parse_body",
    "plain",
    "stored_address",
]

Kind: TypeAlias = Literal["string", "int", "address", "actions"]
"""The Go type of a request field: ``string``, ``int``, ``CommonAddress`` or
``[]FlowManagerAction`` (a campaign's actions, :func:`bind_actions`)."""

ADDRESS_FIELDS: Final = ("type", "target", "target_name", "name", "detail")
"""``CommonAddress``'s fields, in ``commonaddress.Address``'s order (its JSON order too)."""

_WHITESPACE: Final = " \t\n\r"  # JSON's whitespace, all a Go decoder skips before a value
_INT64: Final = range(-(2**63), 2**63)
_ZERO: Final[Mapping[Kind, Any]] = {"string": "", "int": 0}
_HEX32: Final = re.compile(r"[0-9a-fA-F]{32}")
CANONICAL_UUID: Final = re.compile(r"[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}")
"""A UUID's canonical form, 8-4-4-4-12 hex digits (as JSON Schema's ``format: uuid`` checks it)."""
_DIGITS: Final = re.compile(r"[+-]?[0-9]+")


class _EmptyAddress(ReadOnlyEmptyDict):
    """``{}``, shared by every stored record whose address is empty (a target's unused slots:
    three of five in a typical campaign, 64 bytes each as dicts of their own), so read-only.

    Nothing changes a stored address in place: an update stores a new dict in its place, and
    the store hands out deep copies, which are plain new ``{}``.
    """

    __slots__ = ()
    refusal = "the stored empty address is shared: store a new dict in its place"


EMPTY_ADDRESS: Final[Mapping[str, str]] = _EmptyAddress()
"""The empty address (``{}``) every record shares; read-only."""


class StoredAddress(Mapping[str, str]):
    """A non-empty address as the store keeps it: read-only, its fields in slots (72 bytes,
    where a dict of two fields takes 184; a target holds two, a campaign a million targets).

    It reads as the dict it stands for (the fields that are not empty, in
    :data:`ADDRESS_FIELDS` order) and equals it; copies (:mod:`copy`) are that plain dict, so
    records handed out and answers are as before. Nothing changes a stored address in place
    (an update stores a new value), which is why the call log may keep it (``_calllog``).
    """

    __slots__ = ADDRESS_FIELDS

    def __init__(self, fields: Mapping[str, str]) -> None:
        for name in ADDRESS_FIELDS:
            setattr(self, name, fields.get(name) or None)  # None: empty, left out of the JSON

    def __getitem__(self, key: str) -> str:
        value = getattr(self, key, None) if key in _ADDRESS_NAMES else None
        if value is None:
            raise KeyError(key)
        return value  # type: ignore[no-any-return]

    def __iter__(self) -> Iterator[str]:
        return (name for name in ADDRESS_FIELDS if getattr(self, name) is not None)

    def __len__(self) -> int:
        return sum(getattr(self, name) is not None for name in ADDRESS_FIELDS)

    def get(self, key: str, default: Any = None) -> Any:
        # Mapping's goes through __getitem__ and a try: the engine reads "type" a call.
        value = getattr(self, key, None) if key in _ADDRESS_NAMES else None
        return default if value is None else value

    def as_dict(self) -> dict[str, str]:
        """The address as a new plain dict (``dict(address)`` calls back for each field)."""
        return {
            name: value for name in ADDRESS_FIELDS if (value := getattr(self, name)) is not None
        }

    def __repr__(self) -> str:
        return repr(self.as_dict())

    def __copy__(self) -> dict[str, str]:
        return self.as_dict()

    def __deepcopy__(self, memo: Any) -> dict[str, str]:
        return self.as_dict()


_ADDRESS_NAMES: Final = frozenset(ADDRESS_FIELDS)


class BindError(ValueError):
    """The body is not JSON, or a field has the wrong JSON type (the server's bind fails)."""


class _Object(list[tuple[str, Any]]):
    """A JSON object as its key/value pairs, in order and with duplicates, as Go reads them."""


def _reject_constant(name: str) -> Any:
    raise BindError(f"{name} is not JSON")


def _long_int(text: str) -> int | float:
    """An integer; past Python's 4300 digits a float, as Go reads a number into ``any`` (a
    campaign action's ``option``); an int field refuses a float anyway."""
    try:
        return int(text)
    except ValueError:
        number = float(text)
        if number in (math.inf, -math.inf):
            raise BindError("a number out of range") from None
        return number


_DECODER: Final = json.JSONDecoder(
    object_pairs_hook=_Object, parse_constant=_reject_constant, parse_int=_long_int
)


def parse_body(raw: bytes) -> Any:
    """The first JSON value in ``raw``, as ``json.Decoder.Decode`` reads it; objects are pairs.

    Text after that value is not read (Go's decoder stops there). Bytes that are not UTF-8 are
    replaced, as Go replaces them inside strings.

    Raises:
        BindError: there is no JSON value (an empty body, a syntax error).
    """
    text = raw.decode("utf-8", errors="replace").lstrip(_WHITESPACE)
    try:
        value, _end = _DECODER.raw_decode(text)
    except (ValueError, RecursionError):  # ValueError: also an int of over 4300 digits
        raise BindError("the body is not JSON") from None
    return value


def _pairs(value: Any) -> Sequence[tuple[str, Any]] | None:
    if isinstance(value, _Object):
        return value
    if isinstance(value, Mapping):  # a dict from Python code calling the store directly
        return list(value.items())
    return None


def plain(value: Any) -> Any:
    """A parsed body with its objects as dicts (of duplicate keys, the last one wins)."""
    pairs = _pairs(value)
    if pairs is not None:
        return {key: plain(item) for key, item in pairs}
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value


def _field(key: str, names: Sequence[str]) -> str | None:
    """The field ``key`` sets: an exact match first, else one equal ignoring case (Go's rule)."""
    if key in names:
        return key
    folded = key.casefold()
    return next((name for name in names if name.casefold() == folded), None)


def _convert(kind: Kind, value: Any, where: str) -> Any:
    if kind == "string":
        if not isinstance(value, str):
            raise BindError(f"{where}: cannot unmarshal {_json_type(value)} into a string")
        return value
    if kind == "int":
        if type(value) is not int or value not in _INT64:
            raise BindError(f"{where}: cannot unmarshal {_json_type(value)} into an int")
        return value
    if kind == "actions":
        return bind_actions(value, where)
    fields = bind(value, dict.fromkeys(ADDRESS_FIELDS, "string"), where)
    return stored_address(fields)


def bind(value: Any, fields: Mapping[str, Kind], where: str = "the body") -> dict[str, Any]:
    """``value`` (a parsed body or a mapping) read into a struct with ``fields``, Go's way.

    Returns every field: the value given, else Go's zero value (an address: ``{}``).

    Raises:
        BindError: ``value`` is not an object (``null`` is: all zero), or a field has the
            wrong JSON type.
    """
    result: dict[str, Any] = {name: _zero(kind) for name, kind in fields.items()}
    if value is None:
        return result
    pairs = _pairs(value)
    if pairs is None:
        raise BindError(f"{where}: cannot unmarshal {_json_type(value)} into an object")
    names = list(fields)
    for key, item in pairs:
        name = _field(key, names)
        if name is None or item is None:
            continue  # an unknown key is ignored; null leaves the field as it is
        result[name] = _convert(fields[name], item, f"{where}.{name}")
    return result


def _zero(kind: Kind) -> Any:
    return EMPTY_ADDRESS if kind == "address" else [] if kind == "actions" else _ZERO[kind]


# FlowManagerAction (bin-api-manager/gens/openapi_server/gen.go): id string, next_id *string,
# type string, option *map[string]interface{}, tm_execute *string.
_ACTION_FIELDS: Final[Mapping[str, Kind]] = {
    "id": "string",
    "next_id": "string",
    "type": "string",
    "tm_execute": "string",
}


def bind_actions(value: Any, where: str) -> list[dict[str, Any]]:
    """A JSON array of actions as ``[]FlowManagerAction`` binds it: each its fields (Go's zero
    value when left out) and ``option``, an object or ``None``.

    Raises:
        BindError: not an array, an item not an object, or a field of the wrong JSON type.
    """
    if not isinstance(value, list):
        raise BindError(f"{where}: cannot unmarshal {_json_type(value)} into an array")
    actions = []
    for n, item in enumerate(value):
        pairs = _pairs(item)
        if pairs is None and item is not None:
            raise BindError(f"{where}[{n}]: cannot unmarshal {_json_type(item)} into an object")
        action: dict[str, Any] = bind(item, _ACTION_FIELDS, f"{where}[{n}]")
        option = next((v for k, v in reversed(pairs or []) if k.casefold() == "option"), None)
        if option is not None and _pairs(option) is None:
            raise BindError(f"{where}[{n}].option: cannot unmarshal into an object")
        action["option"] = plain(option)
        actions.append(action)
    return actions


def stored_address(fields: Mapping[str, str]) -> Mapping[str, str]:
    """``commonaddress.Address`` as JSON: the fields that are not empty (``omitempty``); the
    shared :data:`EMPTY_ADDRESS` when none is, else a :class:`StoredAddress`."""
    if any(fields.get(name) for name in ADDRESS_FIELDS):
        return StoredAddress(fields)
    return EMPTY_ADDRESS


def go_uuid(text: str) -> str | None:
    """``text`` as gofrs/uuid's ``FromString`` reads it, in canonical lowercase; else ``None``.

    The forms: ``8-4-4-4-12`` hex, 32 hex digits, either one in braces, either one after
    ``urn:uuid:`` (any case). The nil UUID is returned as such; callers treat it as "none",
    as ``FromStringOrNil`` does.
    """
    if len(text) in (34, 38) and text[0] == "{" and text[-1] == "}":
        text = text[1:-1]
    elif len(text) in (41, 45) and text[:9].lower() == "urn:uuid:":
        text = text[9:]
    if len(text) == 36 and CANONICAL_UUID.fullmatch(text):
        text = text.replace("-", "")
    elif not (len(text) == 32 and _HEX32.fullmatch(text)):
        return None
    hex_ = text.lower()
    return f"{hex_[:8]}-{hex_[8:12]}-{hex_[12:16]}-{hex_[16:20]}-{hex_[20:]}"


def go_int(text: str) -> int | None:
    """``text`` as ``strconv.ParseInt(text, 10, 64)`` reads it; ``None`` if it cannot."""
    if _DIGITS.fullmatch(text) is None or len(text.lstrip("+-").lstrip("0")) > 19:
        return None  # not a number, or past int64 (int() would refuse 4300 digits and more)
    number = int(text)
    return number if number in _INT64 else None


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if _pairs(value) is not None:
        return "an object"
    return "an array"
