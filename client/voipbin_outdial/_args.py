"""Turn what a caller passes into what the generated request models take, before any request.

Ids become :class:`~uuid.UUID` (a malformed one is a ``ValueError`` naming the parameter), durations
become integer milliseconds through :func:`voipbin_outdial.timeutil.to_milliseconds`, addresses
become :class:`~voipbin_outdial.models.Address`. ``bool`` is refused wherever an int is expected.
What VoIPBIN's server refuses (an empty required text, the nil ``campaign_id``, a target without a
destination to call) is refused here first, so no request is sent that can only fail.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import timedelta
from typing import Any, Final
from uuid import UUID

from ._slots import SLOTS
from .models import Address
from .timeutil import to_milliseconds

__all__ = [
    "MAX_PAGE_SIZE",
    "NIL_UUID",
    "to_address",
    "to_campaign_id",
    "to_destinations",
    "to_duration_ms",
    "to_id_text",
    "to_limit",
    "to_max_try_counts",
    "to_page_size",
    "to_required_text",
    "to_uuid",
]

NIL_UUID: Final = UUID(int=0)
"""The nil UUID: an outdial's ``campaign_id`` when no campaign dials it."""

MAX_PAGE_SIZE: Final = 100
_SMALLEST_LIKELY_MS: Final = 1000


def to_uuid(value: str | UUID, name: str) -> UUID:
    """``value`` as a UUID; ``ValueError``/``TypeError`` naming ``name`` when it is not one."""
    if isinstance(value, UUID):
        return value
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str or UUID, not {type(value).__name__}")
    try:
        return UUID(value)
    except ValueError:
        raise ValueError(
            f"{name} must be a UUID such as {str(NIL_UUID)!r}, got {value!r}"
        ) from None


def to_campaign_id(value: str | UUID) -> UUID:
    """``value`` as a UUID that is not the nil UUID: VoIPBIN refuses an outdial without a campaign.

    Raises:
        ValueError: not a UUID, or the nil UUID (the message names ``campaign_id``).
        TypeError: neither a str nor a UUID.
    """
    campaign_id = to_uuid(value, "campaign_id")
    if campaign_id == NIL_UUID:
        raise ValueError(
            "campaign_id must be a campaign's id: VoIPBIN refuses the nil UUID when an outdial "
            "is created (attach or detach one later with outdials.update_campaign_id)"
        )
    return campaign_id


def to_required_text(value: str, name: str) -> str:
    """``value`` if it is a string that is not empty; VoIPBIN refuses an empty one (400).

    Raises:
        TypeError: not a str (``None`` included); the message names ``name``.
        ValueError: the empty string; the message names ``name``.
    """
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, not {type(value).__name__}")
    if not value:
        raise ValueError(f"{name} must not be empty: VoIPBIN refuses the request without it")
    return value


_CANONICAL_UUID: Final = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def to_id_text(value: str | UUID, name: str) -> str:
    """``value`` as the canonical text of a UUID (lowercase ``8-4-4-4-12``), as a URL holds it.

    The same as ``str(to_uuid(value, name))``, with the same errors; an id already in that form
    (as the API returns them) is taken as it is, without a round trip through :class:`UUID`.
    """
    if type(value) is str and _CANONICAL_UUID.fullmatch(value):
        return value
    return str(to_uuid(value, name))


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def to_page_size(value: int | None) -> int:
    """The page size to send: 1 to :data:`MAX_PAGE_SIZE`, default :data:`MAX_PAGE_SIZE`."""
    if value is None:
        return MAX_PAGE_SIZE
    if not _is_int(value):
        raise TypeError(f"page_size must be an int, not {value!r}")
    if not 1 <= value <= MAX_PAGE_SIZE:
        raise ValueError(f"page_size must be between 1 and {MAX_PAGE_SIZE}, got {value}")
    return value


def to_limit(value: int | None) -> int | None:
    """How many items ``iter`` yields at most: ``None`` for all of them, else an int from 0."""
    if value is None:
        return None
    if not _is_int(value):
        raise TypeError(f"limit must be an int or None, not {value!r}")
    if value < 0:
        raise ValueError(f"limit cannot be negative, got {value}")
    return value


def to_duration_ms(value: int | timedelta, name: str, *, allow_zero: bool = False) -> int:
    """Milliseconds for ``dial_timeout``/``try_interval``; an int under 1000 is refused as a slip.

    ``dial_timeout=30`` is almost certainly meant as 30 seconds, but VoIPBIN reads 30 ms; a
    timedelta is taken as meant. ``allow_zero`` lets 0 through (no wait between tries).
    """
    try:
        ms = to_milliseconds(value)
    except (TypeError, ValueError) as exc:
        raise type(exc)(f"{name}: {exc}") from None
    if isinstance(value, int) and ms < _SMALLEST_LIKELY_MS and not (allow_zero and ms == 0):
        raise ValueError(
            f"{name}={value} is {value} milliseconds; VoIPBIN takes milliseconds, so pass "
            f"{value * 1000} or timedelta(seconds={value})"
        )
    return ms


def to_max_try_counts(value: Sequence[int]) -> tuple[int, int, int, int, int]:
    """Exactly five non-negative ints: the most tries on ``destination_0`` .. ``destination_4``."""
    if isinstance(value, str | bytes) or not isinstance(value, Sequence):
        raise TypeError(f"max_try_counts must be a sequence of 5 ints, not {value!r}")
    if len(value) != SLOTS:
        raise ValueError(
            f"max_try_counts needs exactly 5 numbers (one per destination), got {value!r}"
        )
    for count in value:
        if not _is_int(count):
            raise TypeError(f"max_try_counts holds {count!r}; each must be an int")
        if count < 0:
            raise ValueError(f"max_try_counts cannot be negative, got {value!r}")
    c0, c1, c2, c3, c4 = value
    return c0, c1, c2, c3, c4


def to_address(value: Address | Mapping[str, Any], name: str) -> Address:
    """An :class:`Address`, or a mapping with at least ``type`` and ``target`` made into one."""
    if isinstance(value, Address):
        return value
    if not isinstance(value, Mapping):
        raise TypeError(f"{name} must be an Address or a mapping, not {type(value).__name__}")
    missing = [key for key in ("type", "target") if key not in value]
    if missing:
        raise ValueError(f"{name} needs the keys 'type' and 'target'; {missing[0]!r} is missing")
    try:
        return Address.from_dict(value)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{name} is not an address: {exc}") from None


def _has_target(address: Address | None) -> bool:
    return address is not None and isinstance(address.target, str) and bool(address.target)


def to_destinations(
    value: Sequence[Address | Mapping[str, Any] | None],
) -> list[Address | None]:
    """One to five destinations in dial order, ``None`` for an empty slot; at least one of them
    with a ``target`` that is not empty, which VoIPBIN requires."""
    if isinstance(value, str | bytes | Mapping) or not isinstance(value, Sequence):
        raise TypeError(f"destinations must be a sequence of addresses, not {type(value).__name__}")
    if not 1 <= len(value) <= SLOTS:
        raise ValueError(f"destinations holds 1 to {SLOTS} items, got {len(value)}")
    result = [
        None if item is None else to_address(item, f"destinations[{n}]")
        for n, item in enumerate(value)
    ]
    if not any(map(_has_target, result)):
        raise ValueError(
            "destinations needs at least one address with a target that is not empty: "
            "VoIPBIN refuses a target with nothing to call"
        )
    return result
