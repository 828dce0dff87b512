# unasync: the source of _sync/campaigns.py; edit this file, then run scripts/unasync.py
"""The campaign resources on a client: ``client.campaigns`` and ``client.campaigncalls``.

Built as ``resources.py`` builds the others: each method serves the operationId
``<resource>_<method>`` of openapi.yaml, building its request from that operation's row of the
generated table.

A campaign ties an outplan and an outdial together and dials the outdial's targets while its
status is ``run``; each attempt is a campaigncall, which only VoIPBIN's dialer makes. Since
every outdial is created with a ``campaign_id``, the working order is: create the campaign
without ``outdial_id``, create the outdial with ``campaign_id`` = the campaign's id, then
:meth:`AsyncCampaigns.update_resource_info` (``campaignhandler.isValidOutdialID`` accepts an
outdial only if its ``campaign_id`` is nil or the campaign's own).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping, Sequence
from functools import cached_property
from typing import Any
from uuid import UUID

from .._args import to_uuid
from .._calls import TimeoutArg, by_ids, page_request, request
from .._campaign_args import (
    CAMPAIGN_STATUSES,
    to_actions,
    to_choice,
    to_optional_id,
    to_service_level,
)
from .._generated.api import (
    campaigncalls_delete,
    campaigncalls_get,
    campaigncalls_list,
    campaigns_create,
    campaigns_delete,
    campaigns_get,
    campaigns_list,
    campaigns_list_campaigncalls,
    campaigns_update,
    campaigns_update_actions,
    campaigns_update_next_campaign_id,
    campaigns_update_resource_info,
    campaigns_update_service_level,
    campaigns_update_status,
)
from .._pagination import Page
from .._partial import (
    CAMPAIGN_BASICS,
    RESOURCE_INFO,
    changes,
    checked_campaign_basics,
    with_current,
)
from ..models import (
    Campaign,
    CampaignActionsUpdate,
    Campaigncall,
    CampaigncallList,
    CampaignCreate,
    CampaignList,
    CampaignNextCampaignIdUpdate,
    CampaignResourceInfoUpdate,
    CampaignServiceLevelUpdate,
    CampaignStatusUpdate,
    CampaignStatusUpdateStatus,
    CampaignUpdate,
)
from . import raw
from .paging import iter_items
from .resources import AsyncResource

__all__ = ["AsyncCampaigncalls", "AsyncCampaigns"]

IdArg = str | UUID | None
Actions = Sequence[Mapping[str, Any]]


class AsyncCampaigns(AsyncResource):
    """Campaigns: ``update_status(id, "run")`` starts dialing, ``"stop"`` stops it.

    ``type`` is ``call`` or ``flow``, ``end_handle`` ``stop`` (stop when no target is left) or
    ``continue``; ``actions`` are flow actions as dicts (``{"type": "talk", "option": {...}}``).
    An id given as ``None`` is the nil UUID: none.
    """

    with_raw_response = cached_property(raw.AsyncCampaignsWithRawResponse)

    async def list(
        self,
        *,
        page_size: int | None = None,
        page_token: str | None = None,
        timeout: TimeoutArg = None,
    ) -> Page[Campaign]:
        """One page of campaigns, newest first, deleted ones too (``page_size`` 1 to 100)."""
        call = page_request(campaigns_list, CampaignList.from_dict, timeout, page_size, page_token)
        return await self._sender.send(call)

    def iter(
        self,
        *,
        page_size: int | None = None,
        limit: int | None = None,
        timeout: TimeoutArg = None,
    ) -> AsyncIterator[Campaign]:
        """Every campaign (the newest ``limit`` when given), newest first, a page at a time."""
        return iter_items(self.list, page_size, limit, timeout)

    async def create(
        self,
        *,
        name: str,
        detail: str = "",
        type: str = "call",
        service_level: int = 100,
        end_handle: str = "stop",
        actions: Actions | None = None,
        outplan_id: IdArg = None,
        outdial_id: IdArg = None,
        queue_id: IdArg = None,
        next_campaign_id: IdArg = None,
        timeout: TimeoutArg = None,
    ) -> Campaign:
        """Create a campaign (its status is ``stop``).

        An ``outdial_id`` is refused by VoIPBIN (400) unless that outdial's ``campaign_id`` is
        nil: leave it out, create the outdial for the new campaign, then
        :meth:`update_resource_info`. Every field is sent (VoIPBIN's published spec requires them).
        """
        basics = dict(name=name, detail=detail, type=type, end_handle=end_handle)
        checked = checked_campaign_basics({**basics, "service_level": service_level})
        body = CampaignCreate(
            type_=checked.pop("type"),
            **checked,
            actions=to_actions(actions),
            outplan_id=to_optional_id(outplan_id, "outplan_id"),
            outdial_id=to_optional_id(outdial_id, "outdial_id"),
            queue_id=to_optional_id(queue_id, "queue_id"),
            next_campaign_id=to_optional_id(next_campaign_id, "next_campaign_id"),
        )
        call = request(campaigns_create, Campaign.from_dict, timeout, body=body)
        return await self._sender.send(call)

    async def get(self, campaign_id: str | UUID, *, timeout: TimeoutArg = None) -> Campaign:
        """The campaign with this id (a deleted one too: its ``tm_delete`` is set)."""
        call = by_ids(campaigns_get, Campaign.from_dict, timeout, campaign_id=campaign_id)
        return await self._sender.send(call)

    async def update(
        self,
        campaign_id: str | UUID,
        *,
        name: str | None = None,
        detail: str | None = None,
        type: str | None = None,
        service_level: int | None = None,
        end_handle: str | None = None,
        timeout: TimeoutArg = None,
    ) -> Campaign:
        """Change any of the five basic fields (``update(id, service_level=50)``). VoIPBIN's PUT
        writes all five, so given fewer, the SDK reads the others first: read, then write: not
        atomic."""
        uuid = to_uuid(campaign_id, "campaign_id")
        values = (name, detail, type, service_level, end_handle)
        given = checked_campaign_basics(changes("campaigns.update", CAMPAIGN_BASICS, values))
        if len(given) < len(CAMPAIGN_BASICS):
            given = with_current(await self.get(uuid, timeout=timeout), CAMPAIGN_BASICS, given)
        body = CampaignUpdate(type_=given.pop("type"), **given)
        call = request(campaigns_update, Campaign.from_dict, timeout, uuid, body=body)
        return await self._sender.send(call)

    async def delete(self, campaign_id: str | UUID, *, timeout: TimeoutArg = None) -> Campaign:
        """Delete a stopped campaign; returns it with ``tm_delete`` set.

        VoIPBIN does not delete a ``run`` or ``stopping`` campaign: it answers 200 with an
        all-zero campaign (``id`` the nil UUID, ``status`` ``""``). Stop it and wait for ``stop``.
        """
        call = by_ids(campaigns_delete, Campaign.from_dict, timeout, campaign_id=campaign_id)
        return await self._sender.send(call)

    async def update_status(
        self, campaign_id: str | UUID, status: str, *, timeout: TimeoutArg = None
    ) -> Campaign:
        """``"run"`` starts dialing (answers ``run``); ``"stop"`` on a running campaign answers
        ``stopping``, which becomes ``stop`` once the dialer stops and the last call ends."""
        uuid = to_uuid(campaign_id, "campaign_id")
        value = CampaignStatusUpdateStatus(to_choice(status, "status", CAMPAIGN_STATUSES))
        body = CampaignStatusUpdate(status=value)
        call = request(campaigns_update_status, Campaign.from_dict, timeout, uuid, body=body)
        return await self._sender.send(call)

    async def update_service_level(
        self, campaign_id: str | UUID, service_level: int, *, timeout: TimeoutArg = None
    ) -> Campaign:
        """With a queue, ring at most ``available agents * service_level / 100`` calls at once."""
        uuid = to_uuid(campaign_id, "campaign_id")
        body = CampaignServiceLevelUpdate(service_level=to_service_level(service_level))
        call = request(campaigns_update_service_level, Campaign.from_dict, timeout, uuid, body=body)
        return await self._sender.send(call)

    async def update_actions(
        self, campaign_id: str | UUID, actions: Actions, *, timeout: TimeoutArg = None
    ) -> Campaign:
        """Replace the flow actions run on each answered call."""
        uuid = to_uuid(campaign_id, "campaign_id")
        body = CampaignActionsUpdate(actions=to_actions(actions))
        call = request(campaigns_update_actions, Campaign.from_dict, timeout, uuid, body=body)
        return await self._sender.send(call)

    async def update_resource_info(
        self,
        campaign_id: str | UUID,
        *,
        outplan_id: str | UUID | None = None,
        outdial_id: str | UUID | None = None,
        queue_id: str | UUID | None = None,
        next_campaign_id: str | UUID | None = None,
        timeout: TimeoutArg = None,
    ) -> Campaign:
        """Change any of the four resources (``None``: unchanged; the nil UUID,
        ``uuid.UUID(int=0)``, clears one). VoIPBIN's PUT writes all four, so given fewer, the SDK
        reads the others first: read, then write: not atomic.

        The outdial's ``campaign_id`` must be nil or this campaign; it becomes this campaign.
        """
        uuid = to_uuid(campaign_id, "campaign_id")
        values = (outplan_id, outdial_id, queue_id, next_campaign_id)
        given = changes("campaigns.update_resource_info", RESOURCE_INFO, values)
        given = {name: to_uuid(value, name) for name, value in given.items()}
        if len(given) < len(RESOURCE_INFO):
            given = with_current(await self.get(uuid, timeout=timeout), RESOURCE_INFO, given)
        body = CampaignResourceInfoUpdate(**given)
        call = request(campaigns_update_resource_info, Campaign.from_dict, timeout, uuid, body=body)
        return await self._sender.send(call)

    async def update_next_campaign_id(
        self, campaign_id: str | UUID, next_campaign_id: IdArg, *, timeout: TimeoutArg = None
    ) -> Campaign:
        """Store the campaign to chain (``None``: none). VoIPBIN never starts it by itself."""
        uuid = to_uuid(campaign_id, "campaign_id")
        body = CampaignNextCampaignIdUpdate(
            next_campaign_id=to_optional_id(next_campaign_id, "next_campaign_id")
        )
        call = request(
            campaigns_update_next_campaign_id, Campaign.from_dict, timeout, uuid, body=body
        )
        return await self._sender.send(call)

    async def list_campaigncalls(
        self,
        campaign_id: str | UUID,
        *,
        page_size: int | None = None,
        page_token: str | None = None,
        timeout: TimeoutArg = None,
    ) -> Page[Campaigncall]:
        """One page of the campaign's campaigncalls (its dial attempts), newest first."""
        call = page_request(
            campaigns_list_campaigncalls,
            CampaigncallList.from_dict,
            timeout,
            page_size,
            page_token,
            to_uuid(campaign_id, "campaign_id"),
        )
        return await self._sender.send(call)

    def iter_campaigncalls(
        self,
        campaign_id: str | UUID,
        *,
        page_size: int | None = None,
        limit: int | None = None,
        timeout: TimeoutArg = None,
    ) -> AsyncIterator[Campaigncall]:
        """Every campaigncall of the campaign (the newest ``limit``), newest first."""
        return iter_items(
            self.list_campaigncalls, page_size, limit, timeout, to_uuid(campaign_id, "campaign_id")
        )


class AsyncCampaigncalls(AsyncResource):
    """Dial attempts of campaigns: read and deleted here, made only by VoIPBIN's dialer."""

    with_raw_response = cached_property(raw.AsyncCampaigncallsWithRawResponse)

    async def list(
        self,
        *,
        page_size: int | None = None,
        page_token: str | None = None,
        timeout: TimeoutArg = None,
    ) -> Page[Campaigncall]:
        """One page of the customer's campaigncalls, newest first (``page_size`` 1 to 100)."""
        call = page_request(
            campaigncalls_list, CampaigncallList.from_dict, timeout, page_size, page_token
        )
        return await self._sender.send(call)

    def iter(
        self,
        *,
        page_size: int | None = None,
        limit: int | None = None,
        timeout: TimeoutArg = None,
    ) -> AsyncIterator[Campaigncall]:
        """Every campaigncall (the newest ``limit`` when given), newest first, a page at a time."""
        return iter_items(self.list, page_size, limit, timeout)

    async def get(self, campaigncall_id: str | UUID, *, timeout: TimeoutArg = None) -> Campaigncall:
        """The campaigncall with this id (a deleted one too)."""
        call = by_ids(
            campaigncalls_get, Campaigncall.from_dict, timeout, campaigncall_id=campaigncall_id
        )
        return await self._sender.send(call)

    async def delete(
        self, campaigncall_id: str | UUID, *, timeout: TimeoutArg = None
    ) -> Campaigncall:
        """Delete a ``done`` campaigncall; a live one is not deleted (VoIPBIN answers an
        all-zero campaigncall)."""
        call = by_ids(
            campaigncalls_delete, Campaigncall.from_dict, timeout, campaigncall_id=campaigncall_id
        )
        return await self._sender.send(call)
