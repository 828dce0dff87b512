"""Partial updates: what an ``update*`` method was given, and the rest from the current record.

VoIPBIN's PUTs write every field of their body, and one left out becomes 0 or ``""``
(docs/server-behaviour.md, rule 5: ``PutOutplansId``, ``PutOutplansIdDialInfo``,
``PutOutdialsId``; a campaign's basic info and resource info are written whole too:
``bin-campaign-manager/pkg/dbhandler/campaign.go`` ``CampaignUpdateBasicInfo`` sets name,
detail, type, service_level and end_handle, ``CampaignUpdateResourceInfo`` the four ids). So a
method given only some fields reads the record first and sends the others as they are: read,
then write, not atomic (a change made in between is overwritten).
Given every field, it sends them at once, without the read.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Final

from ._args import to_address, to_duration_ms, to_max_try_counts, to_text
from ._campaign_args import CAMPAIGN_END_HANDLES, CAMPAIGN_TYPES, to_choice, to_service_level
from ._raw import RawResponse
from .errors import ArgumentTypeError

__all__ = [
    "CAMPAIGN_BASICS",
    "DIAL_INFO",
    "NAME_DETAIL",
    "RESOURCE_INFO",
    "changes",
    "checked_campaign_basics",
    "checked_dial_info",
    "with_current",
]

NAME_DETAIL: Final = ("name", "detail")
"""What ``outplans.update`` and ``outdials.update`` write."""
DIAL_INFO: Final = ("source", "dial_timeout", "try_interval", "max_try_counts")
"""What ``outplans.update_dial_info`` writes (an outplan has them as attributes too)."""
CAMPAIGN_BASICS: Final = ("name", "detail", "type", "service_level", "end_handle")
"""What ``campaigns.update`` writes."""
RESOURCE_INFO: Final = ("outplan_id", "outdial_id", "queue_id", "next_campaign_id")
"""What ``campaigns.update_resource_info`` writes."""


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
    return {**{name: _attribute(record, name) for name in params}, **given}


def _attribute(record: object, name: str) -> Any:
    # The generator adds "_" to a name Python keeps: a campaign's ``type`` is ``type_``.
    return getattr(record, name) if hasattr(record, name) else getattr(record, f"{name}_")


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


_CAMPAIGN_CHECKS: Final[dict[str, Callable[[Any], Any]]] = {
    "name": lambda value: to_text(value, "name", required=False),
    "detail": lambda value: to_text(value, "detail", required=False),
    "type": lambda value: to_choice(value, "type", CAMPAIGN_TYPES),
    "service_level": to_service_level,
    "end_handle": lambda value: to_choice(value, "end_handle", CAMPAIGN_END_HANDLES),
}


def checked_campaign_basics(given: dict[str, Any]) -> dict[str, Any]:
    """A campaign's basic fields given, each checked as ``create`` checks it, before the read."""
    return {name: _CAMPAIGN_CHECKS[name](value) for name, value in given.items()}
