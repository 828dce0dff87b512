"""The argument checks of the campaign methods (``client.campaigns``), beside ``_args``.

What VoIPBIN's server refuses, and the SDK can know before sending, is refused here with an
:class:`~voipbin_outdial.errors.ArgumentError` naming the parameter:

* ``status`` other than ``run``/``stop``: ``campaignhandler.UpdateStatus``
  (``bin-campaign-manager/pkg/campaignhandler/status_stop.go``) refuses anything else, ``stopping``
  too, though VoIPBIN's published spec lists it;
* a ``next_campaign_id`` that is not a UUID: ``PutCampaignsIdNextCampaignId``
  (``bin-api-manager/server/campaigns.go``) answers 400 for it;
* an action without a ``type``: the flow manager refuses ``""``
  (``bin-flow-manager/pkg/actionhandler/action.go`` ``ValidateActions``).

``type`` and ``end_handle`` are limited to the values VoIPBIN's published spec lists: the server
stores any text, but its dialer has no case for a ``type`` other than ``call``/``flow``
(``campaignhandler/execute.go`` ``Execute``). Ids may be ``None`` for "none": the nil UUID, as the
server reads a missing or empty one (``uuid.FromStringOrNil``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Final
from uuid import UUID

from ._args import MAX_INT32, NIL_UUID, to_text, to_uuid
from .errors import ArgumentTypeError, InvalidArgumentError
from .models import FlowAction

__all__ = [
    "CAMPAIGN_END_HANDLES",
    "CAMPAIGN_STATUSES",
    "CAMPAIGN_TYPES",
    "to_actions",
    "to_choice",
    "to_optional_id",
    "to_service_level",
]

CAMPAIGN_STATUSES: Final = ("run", "stop")
"""The statuses ``PUT /campaigns/{id}/status`` takes."""
CAMPAIGN_TYPES: Final = ("call", "flow")
CAMPAIGN_END_HANDLES: Final = ("stop", "continue")


def to_choice(value: object, name: str, choices: Sequence[str]) -> str:
    """``value`` if it is one of ``choices`` (an enum member counts as its value)."""
    if not isinstance(value, str):
        got = "None" if value is None else type(value).__name__
        raise ArgumentTypeError(name, f"{name} must be a str, not {got}")
    text = str(value.value) if hasattr(value, "value") else str(value)
    if text not in choices:
        allowed = " or ".join(repr(choice) for choice in choices)
        raise InvalidArgumentError(name, f"{name} must be {allowed}, got {text!r}"[:300])
    return text


def to_service_level(value: object, name: str = "service_level") -> int:
    """``value`` if it is an int from 0 to 2**31 - 1 (VoIPBIN's ``integer`` column; it takes a
    negative one too, which dials as 0 does: never, so openapi.yaml asks for 0 or more)."""
    if not isinstance(value, int) or isinstance(value, bool):
        got = "None" if value is None else type(value).__name__
        raise ArgumentTypeError(name, f"{name} must be an int, not {got}")
    if not 0 <= value <= MAX_INT32:
        raise InvalidArgumentError(name, f"{name} must be from 0 to {MAX_INT32}, got {value}")
    return value


def to_optional_id(value: str | UUID | None, name: str) -> UUID:
    """``value`` as a UUID; ``None`` is the nil UUID (none)."""
    return NIL_UUID if value is None else to_uuid(value, name)


def _action(value: object, where: str) -> FlowAction:
    if not isinstance(value, Mapping):
        got = "None" if value is None else type(value).__name__
        raise ArgumentTypeError(where, f"{where} must be a mapping (a dict), not {got}")
    fields: dict[str, Any] = dict(value)
    # VoIPBIN's published spec requires an id; the server stores the nil UUID when none is sent.
    fields["id"] = str(to_optional_id(fields.get("id"), f"{where}.id"))
    if "next_id" in fields:
        fields["next_id"] = str(to_optional_id(fields["next_id"], f"{where}.next_id"))
    to_text(fields.get("type"), f"{where}.type")
    option = fields.get("option")
    if option is not None and not isinstance(option, Mapping):
        raise ArgumentTypeError(
            f"{where}.option", f"{where}.option must be a mapping, not {type(option).__name__}"
        )
    return FlowAction.from_dict(fields)


def to_actions(
    value: Sequence[Mapping[str, Any]] | None, name: str = "actions"
) -> list[FlowAction]:
    """Flow actions as the request models hold them (each a mapping with a ``type``)."""
    if value is None:
        return []
    if isinstance(value, str | bytes | Mapping) or not isinstance(value, Sequence):
        raise ArgumentTypeError(
            name, f"{name} must be a list of mappings, not {type(value).__name__}"
        )
    return [_action(item, f"{name}[{n}]") for n, item in enumerate(value)]
