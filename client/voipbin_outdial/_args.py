"""Every argument check of the SDK, in one place: what a caller passes becomes what a request
takes, or an :class:`~voipbin_outdial.errors.ArgumentError` naming the parameter, before any
request.

An :class:`~voipbin_outdial.errors.InvalidArgumentError` (a ``ValueError`` too) says a value is
not allowed, an :class:`~voipbin_outdial.errors.ArgumentTypeError` (a ``TypeError`` too) that it
has the wrong type; ``None`` where a value is needed is a wrong type, whatever the parameter
(``name``, ``source``, ``campaign_id`` ...). ``bool`` is refused wherever an int is expected.

Ids become :class:`~uuid.UUID`, durations integer milliseconds (through
:func:`voipbin_outdial.timeutil.to_milliseconds`), addresses
:class:`~voipbin_outdial.models.Address`, timeouts :class:`httpx.Timeout`; texts must be
encodable (UTF-8: no lone surrogates). A request body is checked as a whole by
:func:`check_body` (every text field of the model, nested ones too). What VoIPBIN's server
refuses (an empty required text, the nil ``campaign_id``, a target without a destination to
call) is refused here first, so no request is sent that can only fail.

The bounds are the server's. VoIPBIN keeps ``dial_timeout``, ``try_interval`` and
``max_try_count_0..4`` in MySQL ``integer`` columns, signed 32-bit (``create table outplans`` in
``bin-dbscheme-manager/bin-manager/main/versions/e10a36a73850_reset_table_campaigns_outdials_outplans.py``),
and takes them into Go ``int`` fields without checking them (``PostOutplans`` in
``bin-api-manager/server/outplans.go``, then ``Create`` in
``bin-campaign-manager/pkg/outplanhandler/outplan.go``): a larger value is not refused, it
fails in the database (or is cut to 2**31 - 1 by a non-strict MySQL).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from datetime import timedelta
from functools import cache
from types import NoneType
from typing import Any, Final, NoReturn, get_args
from uuid import UUID

import attrs
import httpx

from ._slots import SLOTS
from .errors import ArgumentTypeError, InvalidArgumentError
from .models import Address, Unset
from .timeutil import to_milliseconds

__all__ = [
    "MAX_INT32",
    "MAX_PAGE_SIZE",
    "MAX_QUERY_TEXT",
    "NIL_UUID",
    "check_body",
    "check_query",
    "to_address",
    "to_campaign_id",
    "to_destinations",
    "to_duration_ms",
    "to_id_text",
    "to_limit",
    "to_max_try_counts",
    "to_page_size",
    "to_positive_int",
    "to_text",
    "to_timeout",
    "to_uuid",
]

NIL_UUID: Final = UUID(int=0)
"""The nil UUID: an outdial's ``campaign_id`` when no campaign dials it."""

MAX_PAGE_SIZE: Final = 100
MAX_QUERY_TEXT: Final = 1024
"""The longest text a query parameter (``page_token``) may carry. VoIPBIN's token is the last
item's ``tm_create`` (``2026-11-27T18:21:42.260245Z``, 27 characters; ``bin-api-manager/server/
outdials.go`` ``GetOutdialsIdTargets`` passes ``params.PageToken`` on as it is): 1024 is 38
times that, and keeps a URL well inside the 8 KiB that common proxies take, where httpx itself
only refuses one over 65,536 characters (``httpx.InvalidURL``, not a ``VoipbinError``)."""
MAX_INT32: Final = 2**31 - 1
"""The largest ``dial_timeout``, ``try_interval`` (ms) or ``max_try_count_N`` VoIPBIN stores."""
_SMALLEST_LIKELY_MS: Final = 1000


def _type_error(name: str, expected: str, value: object) -> NoReturn:
    got = "None" if value is None else type(value).__name__
    raise ArgumentTypeError(name, f"{name} must be {expected}, not {got}")


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


# -- texts and ids ----------------------------------------------------------------------------


def to_text(value: object, name: str, *, required: bool = True) -> str:
    """``value`` if it is a str that can be sent: not ``None``, encodable as UTF-8 (no lone
    surrogate) and, when ``required``, not empty."""
    if type(value) is not str and not isinstance(value, str):
        _type_error(name, "a str", value)
    if not value:
        if required:
            raise InvalidArgumentError(
                name, f"{name} must not be empty: VoIPBIN refuses the request without it"
            )
        return value
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise InvalidArgumentError(
                name,
                f"{name} holds {value[exc.start]!r} at position {exc.start}, a lone surrogate "
                "that cannot be sent as UTF-8",
            ) from None
    return value


def to_uuid(value: str | UUID, name: str) -> UUID:
    """``value`` as a UUID, or an argument error naming ``name``."""
    if isinstance(value, UUID):
        return value
    if not isinstance(value, str):
        _type_error(name, "a str or UUID", value)
    try:
        return UUID(value)
    except ValueError:
        raise InvalidArgumentError(
            name, f"{name} must be a UUID such as {str(NIL_UUID)!r}, got {value!r}"[:300]
        ) from None


def to_campaign_id(value: str | UUID) -> UUID:
    """``value`` as a UUID that is not the nil UUID: VoIPBIN refuses an outdial without a
    campaign (an argument error naming ``campaign_id`` otherwise)."""
    campaign_id = to_uuid(value, "campaign_id")
    if campaign_id == NIL_UUID:
        raise InvalidArgumentError(
            "campaign_id",
            "campaign_id must be a campaign's id: VoIPBIN refuses the nil UUID when an outdial "
            "is created (attach or detach one later with outdials.update_campaign_id)",
        )
    return campaign_id


_CANONICAL_UUID: Final = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def to_id_text(value: str | UUID, name: str) -> str:
    """``value`` as the canonical text of a UUID (lowercase ``8-4-4-4-12``), as a URL holds it.

    The same as ``str(to_uuid(value, name))``, with the same errors; an id already in that form
    (as the API returns them) is taken as it is, without a round trip through :class:`UUID`.
    """
    if type(value) is str and _CANONICAL_UUID.fullmatch(value):
        return value
    return str(to_uuid(value, name))


# -- numbers, durations, timeouts -------------------------------------------------------------


def to_page_size(value: int | None) -> int:
    """The page size to send: 1 to :data:`MAX_PAGE_SIZE`, default :data:`MAX_PAGE_SIZE`."""
    if value is None:
        return MAX_PAGE_SIZE
    if not _is_int(value):
        _type_error("page_size", "an int", value)
    if not 1 <= value <= MAX_PAGE_SIZE:
        raise InvalidArgumentError(
            "page_size", f"page_size must be between 1 and {MAX_PAGE_SIZE}, got {value}"
        )
    return value


def check_query(params: Mapping[str, object] | None) -> None:
    """Every text in a call's query is at most :data:`MAX_QUERY_TEXT` characters, or the
    :class:`InvalidArgumentError` naming its parameter; a ``page_token`` must be a str."""
    for name, value in (params or {}).items():
        if name == "page_token" and not isinstance(value, str):
            _type_error(name, "a str or None", value)
        if isinstance(value, str) and len(value) > MAX_QUERY_TEXT:
            raise InvalidArgumentError(
                name,
                f"{name} is {len(value):,} characters, over the {MAX_QUERY_TEXT:,} it may have "
                f"(it starts {value[:40]!r})",
            )


def to_limit(value: int | None) -> int | None:
    """How many items ``iter`` yields at most: ``None`` for all of them, else an int from 0."""
    if value is None:
        return None
    if not _is_int(value):
        _type_error("limit", "an int or None", value)
    if value < 0:
        raise InvalidArgumentError("limit", f"limit cannot be negative, got {value}")
    return value


def to_positive_int(value: int, name: str) -> int:
    """An int of at least 1 (``bool`` refused)."""
    if not _is_int(value):
        _type_error(name, "an int", value)
    if value < 1:
        raise InvalidArgumentError(name, f"{name} must be at least 1, got {value}")
    return value


def to_duration_ms(value: int | timedelta, name: str, *, allow_zero: bool = False) -> int:
    """Milliseconds for ``dial_timeout``/``try_interval``, within what VoIPBIN stores.

    An int is milliseconds; one from 1 to 999 is refused as a slip (``dial_timeout=30`` is almost
    certainly meant as 30 seconds, but VoIPBIN reads 30 ms); a timedelta is taken as meant.
    0 is allowed only with ``allow_zero`` (``try_interval``: no wait between tries); the most is
    :data:`MAX_INT32` ms (24 days, 20:31:23.647).
    """
    try:
        ms = to_milliseconds(value)
    except TypeError:
        _type_error(name, "an int (milliseconds) or a timedelta", value)
    except ValueError:
        raise InvalidArgumentError(name, f"{name} cannot be negative, got {value!r}") from None
    if ms > MAX_INT32:
        raise InvalidArgumentError(
            name,
            f"{name} can be at most {MAX_INT32} ms ({timedelta(milliseconds=MAX_INT32)}), as "
            f"VoIPBIN stores it in a 32-bit integer; got {ms} ms",
        )
    if ms == 0 and not allow_zero:
        raise InvalidArgumentError(name, f"{name} must be more than 0 milliseconds, got {value!r}")
    if isinstance(value, int) and 0 < ms < _SMALLEST_LIKELY_MS:
        raise InvalidArgumentError(
            name,
            f"{name}={value} is {value} milliseconds; VoIPBIN takes milliseconds, so pass "
            f"{value * 1000} or timedelta(seconds={value})",
        )
    return ms


def to_max_try_counts(value: Sequence[int]) -> tuple[int, int, int, int, int]:
    """Exactly :data:`~._slots.SLOTS` ints from 0 to :data:`MAX_INT32`, the most tries on each
    destination (the tuple type spells the five out: a type cannot be computed)."""
    name = "max_try_counts"
    if isinstance(value, str | bytes) or not isinstance(value, Sequence):
        _type_error(name, f"a sequence of {SLOTS} ints", value)
    if len(value) != SLOTS:
        raise InvalidArgumentError(
            name, f"{name} needs exactly {SLOTS} numbers (one per destination), got {len(value)}"
        )
    for count in value:
        if not _is_int(count):
            raise ArgumentTypeError(name, f"{name} holds {count!r}; each must be an int")
        if count < 0:
            raise InvalidArgumentError(name, f"{name} cannot be negative, got {value!r}")
        if count > MAX_INT32:
            raise InvalidArgumentError(
                name, f"{name} holds {count}; VoIPBIN stores at most {MAX_INT32} (32 bits)"
            )
    c0, c1, c2, c3, c4 = value
    return c0, c1, c2, c3, c4


def _seconds(value: object, name: str, part: str = "") -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        _type_error(name, "seconds (a number) or an httpx.Timeout", value)
    if not (value > 0 and math.isfinite(value)):
        raise InvalidArgumentError(
            name, f"{name}{part} must be a positive, finite number of seconds, got {value}"
        )
    return float(value)


def to_timeout(value: float | httpx.Timeout | None, name: str = "timeout") -> httpx.Timeout | None:
    """A finite, positive timeout (``None`` stays ``None``: the client's).

    Seconds, or an :class:`httpx.Timeout` whose four parts are all set: the SDK bounds every call
    (see ``_base``), so a part without a limit (``None``) is refused.
    """
    if value is None:
        return None
    if isinstance(value, httpx.Timeout):
        for part, seconds in value.as_dict().items():
            if seconds is None:
                raise InvalidArgumentError(
                    name, f"{name} needs a limit for every part; its {part} timeout is None"
                )
            _seconds(seconds, name, f" ({part})")
        return value
    return httpx.Timeout(_seconds(value, name))


def try_seconds(timeout: httpx.Timeout) -> float:
    """How long one try may take with ``timeout``: its largest part (:func:`to_timeout` made
    sure every part is set)."""
    parts = (timeout.connect, timeout.read, timeout.write, timeout.pool)
    return max(part for part in parts if part is not None)


# -- addresses ----------------------------------------------------------------------------------


def to_address(value: Address | Mapping[str, Any], name: str) -> Address:
    """An :class:`Address`, or a mapping with at least ``type`` and ``target`` made into one; its
    texts are checked as :func:`to_text` does (``type`` and ``target`` must be set)."""
    if isinstance(value, Address):
        address = value
    elif isinstance(value, Mapping):
        missing = [key for key in ("type", "target") if key not in value]
        if missing:
            raise InvalidArgumentError(
                name, f"{name} needs the keys 'type' and 'target'; {missing[0]!r} is missing"
            )
        to_text(value["type"], f"{name}.type", required=False)
        try:
            address = Address.from_dict(value)
        except (TypeError, ValueError) as exc:
            raise InvalidArgumentError(name, f"{name} is not an address: {exc}") from None
    else:
        _type_error(name, "an Address or a mapping", value)
    check_body(address, name)
    return address


def _has_target(address: Address | None) -> bool:
    return address is not None and isinstance(address.target, str) and bool(address.target)


def to_destinations(
    value: Sequence[Address | Mapping[str, Any] | None],
) -> list[Address | None]:
    """One to five destinations in dial order, ``None`` for an empty slot; at least one of them
    with a ``target`` that is not empty, which VoIPBIN requires."""
    name = "destinations"
    if isinstance(value, str | bytes | Mapping) or not isinstance(value, Sequence):
        _type_error(name, "a sequence of addresses", value)
    if not 1 <= len(value) <= SLOTS:
        raise InvalidArgumentError(name, f"{name} holds 1 to {SLOTS} items, got {len(value)}")
    result = [
        None if item is None else to_address(item, f"{name}[{n}]") for n, item in enumerate(value)
    ]
    if not any(map(_has_target, result)):
        raise InvalidArgumentError(
            name,
            f"{name} needs at least one address with a target that is not empty: "
            "VoIPBIN refuses a target with nothing to call",
        )
    return result


# -- request bodies ---------------------------------------------------------------------------


@cache
def _text_fields(model: type) -> tuple[tuple[str, str, frozenset[object]], ...]:
    """``(attribute, wire name, what else it may hold)`` of each text field of a request model.

    Read off its attrs fields' types: ``str``, or a union of ``str`` with ``Unset`` and/or
    ``None``. The generator appends ``_`` to names that are Python builtins (``type_``).
    """
    found = []
    for field in attrs.fields(attrs.resolve_types(model)):
        members = set(get_args(field.type)) or {field.type}
        others = members - {str}
        if str in members and others <= {Unset, NoneType}:
            found.append((field.name, field.name.removesuffix("_"), frozenset(others)))
    return tuple(found)


def check_body(body: object, where: str = "") -> None:
    """Check the text fields of a request model and of the models it holds (addresses are
    :func:`to_address`'s): each one set is a str :func:`to_text` accepts, empty allowed (which
    must not be empty is for each method to say). Errors name the field's wire name, under
    ``where``."""
    model = type(body)
    if not attrs.has(model):
        return
    for attribute, wire, others in _text_fields(model):
        value = getattr(body, attribute)
        if type(value) not in others:
            to_text(value, f"{where}.{wire}" if where else wire, required=False)
    for field in attrs.fields(model):
        value = getattr(body, field.name)
        if attrs.has(type(value)) and not isinstance(value, Address):
            check_body(value, field.name)
