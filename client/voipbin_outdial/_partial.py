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
from .errors import ArgumentTypeError
from .models import Outdial, Outplan

__all__ = [
    "DIAL_INFO",
    "NAME_DETAIL",
    "changes",
    "checked_dial_info",
    "current_dial_info",
    "current_name_detail",
]

NAME_DETAIL: Final = ("name", "detail")
DIAL_INFO: Final = ("source", "dial_timeout", "try_interval", "max_try_counts")


def changes(method: str, params: Sequence[str], given: dict[str, Any]) -> dict[str, Any]:
    """The arguments of ``given`` that are not ``None``; none is an error naming ``params``."""
    changed = {name: value for name, value in given.items() if value is not None}
    if not changed:
        wanted = ", ".join(f"{name}=" for name in params)
        raise ArgumentTypeError(
            params[0], f"{method} has nothing to change: pass one or more of {wanted}"
        )
    return changed


def current_name_detail(record: Outplan | Outdial) -> dict[str, Any]:
    """The name and detail of ``record``, as ``update`` takes them."""
    return {"name": record.name, "detail": record.detail}


def current_dial_info(plan: Outplan) -> dict[str, Any]:
    """The dialing settings of ``plan``, as ``update_dial_info`` takes them."""
    return {
        "source": plan.source,
        "dial_timeout": plan.dial_timeout,
        "try_interval": plan.try_interval,
        "max_try_counts": plan.max_try_counts,
    }


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
