"""The mock's campaign and campaigncall operations, one handler per operationId (as
:mod:`._operations`), in VoIPBIN's order: path id, body, the handler's own checks, strict
checks, lookup, then the campaign manager (``bin-api-manager/server/campaigns.go``,
``campaigncalls.go``; ``bin-campaign-manager/pkg/campaignhandler/``, ``campaigncallhandler/``).

* Every refusal of the campaign manager is one generic 400 ``INVALID_ARGUMENT`` "The request
  contains invalid data." (``listenhandler/main.go`` ``processRequest``): an outplan, outdial,
  queue or next campaign that is missing, another customer's or deleted, an outdial another
  campaign has (its ``campaign_id`` neither nil nor this campaign), a status other than
  ``run``/``stop`` (``campaign.go`` ``validateResources``, ``status_stop.go`` ``UpdateStatus``).
  The mock has no queue manager: a queue is one added with ``POST /_mock/queues``.
* Ids in bodies are read with ``FromStringOrNil``: missing, empty or not a UUID is "none".
* Deleting a campaign that is not ``stop``, or a campaigncall that is not ``done``, answers an
  all-zero object and deletes nothing (``campaign.go`` ``Delete``, ``campaigncall.go``
  ``Delete``: ``return nil, err`` with ``err`` nil, marshalled by the RPC as a zero struct).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any, Final

from ..timeutil import format_timestamp, parse_timestamp
from . import _validate as check
from ._bind import go_uuid
from ._dialer import NIL
from ._held import dialer_of
from ._operations import Invocation, Json, operation
from ._spec import ACTION_TYPES
from ._store import ResourceNotFoundError

__all__ = ["ZERO_CAMPAIGN", "ZERO_CAMPAIGNCALL"]

_IDS: Final = ("outplan_id", "outdial_id", "queue_id", "next_campaign_id")
ZERO_CAMPAIGN: Final[Json] = {
    "id": NIL,
    "customer_id": NIL,
    "type": "",
    "name": "",
    "detail": "",
    "status": "",
    "service_level": 0,
    "end_handle": "",
    "actions": None,
    **dict.fromkeys(_IDS, NIL),
    **dict.fromkeys(("tm_create", "tm_update", "tm_delete")),
}
ZERO_CAMPAIGNCALL: Final[Json] = {
    **dict.fromkeys(("id", "customer_id", "campaign_id", "outplan_id", "outdial_id"), NIL),
    **dict.fromkeys(("outdial_target_id", "queue_id", "activeflow_id", "flow_id"), NIL),
    "reference_type": "",
    "reference_id": NIL,
    "status": "",
    "result": "",
    "source": None,
    "destination": None,
    "destination_index": 0,
    "try_count": 0,
    **dict.fromkeys(("tm_create", "tm_update", "tm_delete")),
}


def _invalid() -> check.InvalidRequestError:
    """The one 400 every campaign-manager refusal becomes (``translateToVoipbinError``)."""
    return check.InvalidRequestError("The request contains invalid data.")


def _ids(fields: Mapping[str, Any]) -> dict[str, str]:
    return {name: go_uuid(fields[name]) or NIL for name in _IDS}


def _usable(
    call: Invocation, kind: Any, resource_id: str, customer: str
) -> Mapping[str, Any] | None:
    """The resource if it is there, the customer's and not deleted (``isValid*ID``)."""
    try:
        record = call.store.stored(kind, resource_id)
    except ResourceNotFoundError:
        return None
    if record["customer_id"] != customer or record["tm_delete"] is not None:
        return None
    return record


def _check_resources(
    call: Invocation, campaign_id: str, ids: Mapping[str, str], owner: str
) -> None:
    """``validateResources``: each id that is not nil names a usable resource."""
    kinds = {"outplan_id": "outplan", "outdial_id": "outdial", "next_campaign_id": "campaign"}
    for name, kind in kinds.items():
        if ids[name] != NIL:
            record = _usable(call, kind, ids[name], owner)
            if record is None:
                raise _invalid()
            if kind == "outdial" and record["campaign_id"] not in (NIL, campaign_id):
                raise _invalid()  # isValidOutdialID: another campaign's outdial
    if ids["queue_id"] != NIL:  # isValidQueueID: a queue the mock knows (POST /_mock/queues)
        known = dialer_of(call.store).queues.get(ids["queue_id"])
        if known is None or known[0] != owner:
            raise _invalid()


def _action(bound: Mapping[str, Any]) -> Json:
    """``ConvertFlowManagerAction``, then the stored ``action.Action`` (``omitempty`` on
    ``type`` and ``option``; ``tm_execute`` kept only when it parses)."""
    action: Json = {
        "id": go_uuid(bound["id"]) or NIL,
        "next_id": go_uuid(bound["next_id"]) or NIL,
    }
    if bound["type"]:
        action["type"] = bound["type"]
    if bound["option"]:
        action["option"] = bound["option"]
    executed = None
    if bound["tm_execute"]:
        try:
            parsed = parse_timestamp(bound["tm_execute"])
        except ValueError:
            parsed = None
        executed = None if parsed is None else format_timestamp(parsed)
    action["tm_execute"] = executed
    return action


def _actions(bound: list[Mapping[str, Any]]) -> list[Json]:
    """The actions, each type checked as the flow manager checks it (``ValidateActions``;
    openapi.yaml's ``FlowActionType`` is its ``TypeListAll``)."""
    for item in bound:
        if item["type"] not in ACTION_TYPES:
            raise check.InvalidRequestError(
                f"not supported action type: {item['type']}", "INVALID_ACTION_TYPE"
            )
    return [_action(item) for item in bound]


def _page(items: list[Json], token: str) -> Json:
    return {"result": items, "next_page_token": token}


def _update(call: Invocation, changes: Json) -> Json:
    """After the id and the body: the strict checks, the lookup, the update (deleted ones too)."""
    call.strict()
    campaign_id = call.id()
    with call.store.locked():
        call.owned("campaign", campaign_id)
        return call.store.update("campaign", campaign_id, changes, deleted=True)


# --- campaigns (bin-api-manager/server/campaigns.go) ---------------------------------------------


@operation
def campaigns_list(call: Invocation) -> Json:
    """``GetCampaigns``: the caller's campaigns, newest first, deleted ones included."""
    size, token = call.page()
    return _page(*call.store.list_page("campaign", size, token, customer_id=call.customer))


@operation
def campaigns_create(call: Invocation) -> Json:
    """``PostCampaigns``: nothing checked but the resources and the actions; ``status: stop``;
    the outdial given gets the new campaign's id (``updateReferencedResources``)."""
    fields = call.fields()
    call.strict()
    ids = _ids(fields)
    campaign_id = str(uuid.uuid4())
    with call.store.locked():
        _check_resources(call, campaign_id, ids, call.customer)
        actions = _actions(fields["actions"])
        record = {
            "id": campaign_id,
            "customer_id": call.customer,
            "type": fields["type"],
            "name": fields["name"],
            "detail": fields["detail"],
            "status": "stop",
            "service_level": fields["service_level"],
            "end_handle": fields["end_handle"],
            "actions": actions,
            **ids,
        }
        created = call.store.insert("campaign", record)
        if ids["outdial_id"] != NIL:
            changes = {"campaign_id": campaign_id}
            call.store.update("outdial", ids["outdial_id"], changes, deleted=True)
        return created


@operation
def campaigns_get(call: Invocation) -> Json:
    """``GetCampaignsId``: the campaign, deleted or not."""
    return call.owned("campaign", call.id())


@operation
def campaigns_update(call: Invocation) -> Json:
    """``PutCampaignsId``: all five basic fields written, unchecked, in any status."""
    call.id()
    fields = call.fields()
    names = ("name", "detail", "type", "service_level", "end_handle")
    return _update(call, {name: fields[name] for name in names})


@operation
def campaigns_delete(call: Invocation) -> Json:
    """``DeleteCampaignsId``: a ``stop`` campaign gets ``tm_delete``; any other answers zero."""
    campaign_id = call.id()
    with call.store.locked():
        campaign = call.owned("campaign", campaign_id)
        if campaign["status"] != "stop":
            return dict(ZERO_CAMPAIGN)
        return call.store.delete("campaign", campaign_id, deleted=True)


@operation
def campaigns_update_status(call: Invocation) -> Json:
    """``PutCampaignsIdStatus``: ``run`` (resources checked again) or ``stop``; else 400."""
    campaign_id, fields = call.id(), call.fields()
    call.strict()
    dialer = dialer_of(call.store)
    with dialer.held.locked(), call.store.locked():  # in the order a clock move takes them
        campaign = call.owned("campaign", campaign_id)
        if fields["status"] == "stop":
            return dialer.stop(campaign)
        if fields["status"] != "run":
            raise _invalid()
        if campaign["status"] != "run":
            ids = {name: campaign[name] for name in _IDS}
            _check_resources(call, campaign_id, ids, campaign["customer_id"])
            try:
                return dialer.run(campaign)
            except ValueError:  # a held campaign dials the outdial: isValidOutdialID
                raise _invalid() from None
        return campaign


@operation
def campaigns_update_service_level(call: Invocation) -> Json:
    """``PutCampaignsIdServiceLevel``: any integer, unchecked."""
    call.id()
    return _update(call, {"service_level": call.fields()["service_level"]})


@operation
def campaigns_update_actions(call: Invocation) -> Json:
    """``PutCampaignsIdActions``: the flow manager checks each type; stored as sent."""
    campaign_id, fields = call.id(), call.fields()
    call.strict()
    with call.store.locked():
        call.owned("campaign", campaign_id)
        actions = _actions(fields["actions"])
        return call.store.update("campaign", campaign_id, {"actions": actions}, deleted=True)


@operation
def campaigns_update_resource_info(call: Invocation) -> Json:
    """``PutCampaignsIdResourceInfo``: all four written, checked with this campaign's id; the
    outdial gets this campaign (the previous one is not detached)."""
    campaign_id, fields = call.id(), call.fields()
    call.strict()
    ids = _ids(fields)
    with call.store.locked():
        campaign = call.owned("campaign", campaign_id)
        _check_resources(call, campaign_id, ids, campaign["customer_id"])
        updated = call.store.update("campaign", campaign_id, ids, deleted=True)
        if ids["outdial_id"] != NIL:
            changes = {"campaign_id": campaign_id}
            call.store.update("outdial", ids["outdial_id"], changes, deleted=True)
        return updated


@operation
def campaigns_update_next_campaign_id(call: Invocation) -> Json:
    """``PutCampaignsIdNextCampaignId``: ``""`` is none, other text that is not a UUID is 400
    (before the lookup); stored unchecked."""
    call.id()
    text = call.fields()["next_campaign_id"]
    next_id = go_uuid(text) if text else NIL
    if next_id is None:
        raise check.InvalidRequestError("next_campaign_id is not a valid UUID.")
    return _update(call, {"next_campaign_id": next_id})


@operation
def campaigns_list_campaigncalls(call: Invocation) -> Json:
    """``GetCampaignsIdCampaigncalls``: the campaign's campaigncalls (the campaign may be
    deleted), newest first."""
    size, token = call.page()
    campaign_id = call.id()
    with call.store.locked():
        call.owned("campaign", campaign_id)

        def keep(record: Mapping[str, Any]) -> bool:
            return bool(record["campaign_id"] == campaign_id)

        return _page(*call.store.list_page("campaigncall", size, token, keep=keep))


# --- campaigncalls (bin-api-manager/server/campaigncalls.go) --------------------------------------


@operation
def campaigncalls_list(call: Invocation) -> Json:
    """``GetCampaigncalls``: the caller's campaigncalls, newest first, deleted ones included."""
    size, token = call.page()
    return _page(*call.store.list_page("campaigncall", size, token, customer_id=call.customer))


@operation
def campaigncalls_get(call: Invocation) -> Json:
    """``GetCampaigncallsId``: the campaigncall, deleted or not."""
    return call.owned("campaigncall", call.id())


@operation
def campaigncalls_delete(call: Invocation) -> Json:
    """``DeleteCampaigncallsId``: a ``done`` one gets ``tm_delete``; a live one answers zero."""
    campaigncall_id = call.id()
    with call.store.locked():
        record = call.owned("campaigncall", campaigncall_id)
        if record["status"] != "done":
            return dict(ZERO_CAMPAIGNCALL)
        return call.store.delete("campaigncall", campaigncall_id, deleted=True)
