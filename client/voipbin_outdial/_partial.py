"""Partial updates: what an ``update*`` method was given, and the rest from the current record.

VoIPBIN's PUTs write every field of their body, and one left out becomes 0 or ``""``
(docs/server-behaviour.md, rule 5: ``PutOutplansId``, ``PutOutplansIdDialInfo``,
``PutOutdialsId``). So a method given only some fields reads the record first and sends the
others as they are: read, then write, not atomic (a change made in between is overwritten).
Given every field, it sends them at once, without the read.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Final

from ._args import to_address, to_duration_ms, to_max_try_counts
from ._raw import RawResponse
from .errors import ArgumentTypeError

__all__ = ["DIAL_INFO", "NAME_DETAIL", "changes", "checked_dial_info", "with_current"]

NAME_DETAIL: Final = ("name", "detail")
"""What ``outplans.update`` and ``outdials.update`` write."""
DIAL_INFO: Final = ("source", "dial_timeout", "try_interval", "max_try_counts")
"""What ``outplans.update_dial_info`` writes (an outplan has them as attributes too)."""


def changes(method: str, params: Sequence[str], values: Sequence[object]) -> dict[str, Any]:
    """The ``values`` (of ``params``, in order) that are not ``None``; none is an error naming
    ``params``."""
    changed = {n: v for n, v in zip(params, values, strict=True) if v is not None}
    if not changed:
        wanted = ", ".join(f"{name}=" for name in params)
        raise ArgumentTypeError(
            params[0], f"{method} has nothing to change: pass one or more of {wanted}"
        )
    return changed


def with_current(record: object, params: Sequence[str], given: dict[str, Any]) -> dict[str, Any]:
    """``given``, and the other ``params`` as ``record`` has them. On ``with_raw_response`` the
    read comes back raw: its model is parsed here."""
    if isinstance(record, RawResponse):
        record = record.parse()
    return {**{name: getattr(record, name) for name in params}, **given}


_DIAL_INFO_CHECKS: Final[dict[str, Callable[[Any], Any]]] = {
    "source": lambda value: to_address(value, "source"),
    "dial_timeout": lambda value: to_duration_ms(value, "dial_timeout"),
    "try_interval": lambda value: to_duration_ms(value, "try_interval", allow_zero=True),
    "max_try_counts": to_max_try_counts,
}


def checked_dial_info(given: dict[str, Any]) -> dict[str, Any]:
    """The dialing settings given, each checked as ``create`` checks it: a wrong one is refused
    before the read."""
    return {name: _DIAL_INFO_CHECKS[name](value) for name, value in given.items()}
