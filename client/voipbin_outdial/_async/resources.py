# unasync: the source of _sync/resources.py; edit this file, then run scripts/unasync.py
"""The resources on a client: ``client.outplans``, ``client.outdials`` (``client.outdialtargets``
is in ``targets.py``).

Each method serves one operationId of openapi.yaml, ``<resource>_<method>``: it checks its
arguments, builds the request from that operation's row of the generated table (``_calls``), and
hands it to the client's sender. ``iter`` walks the pages of ``list``. ``_resources.OPERATIONS``
lists the methods, and a test holds them to the spec.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from functools import cached_property
from uuid import UUID

from .._args import to_campaign_id, to_text, to_uuid
from .._calls import (
    AddressArg,
    Duration,
    TimeoutArg,
    by_ids,
    dial_info,
    page_request,
    request,
)
from .._generated.api import (
    outdials_create,
    outdials_delete,
    outdials_get,
    outdials_list,
    outdials_update,
    outdials_update_campaign_id,
    outdials_update_data,
    outplans_create,
    outplans_delete,
    outplans_get,
    outplans_list,
    outplans_update,
    outplans_update_dial_info,
)
from .._pagination import Page
from .._partial import DIAL_INFO, NAME_DETAIL, changes, checked_dial_info, with_current
from ..models import (
    NameDetailUpdate,
    Outdial,
    OutdialCampaignIdUpdate,
    OutdialCreate,
    OutdialDataUpdate,
    OutdialList,
    Outplan,
    OutplanCreate,
    OutplanDialInfoUpdate,
    OutplanList,
)
from . import raw
from .paging import iter_items
from .sender import AsyncSender

__all__ = ["AsyncOutdials", "AsyncOutplans", "AsyncResource"]


class AsyncResource:
    """What every resource holds: the client's sender."""

    def __init__(self, sender: AsyncSender) -> None:
        self._sender = sender


class AsyncOutplans(AsyncResource):
    """Dialing strategies: caller ID, ring timeout, retry interval and tries per destination.

    Durations are milliseconds on the wire; pass an int of milliseconds or a timedelta.
    """

    with_raw_response = cached_property(raw.AsyncOutplansWithRawResponse)

    async def list(
        self,
        *,
        page_size: int | None = None,
        page_token: str | None = None,
        timeout: TimeoutArg = None,
    ) -> Page[Outplan]:
        """One page of outplans, newest first (``page_size`` 1 to 100, default 100)."""
        call = page_request(outplans_list, OutplanList.from_dict, timeout, page_size, page_token)
        return await self._sender.send(call)

    def iter(
        self,
        *,
        page_size: int | None = None,
        limit: int | None = None,
        timeout: TimeoutArg = None,
    ) -> AsyncIterator[Outplan]:
        """Every outplan (the newest ``limit`` when given), newest first, fetched a page at a
        time as the ``async for`` loop goes; no page is fetched past the limit."""
        return iter_items(self.list, page_size, limit, timeout)

    async def create(
        self,
        *,
        name: str,
        detail: str = "",
        source: AddressArg,
        dial_timeout: Duration,
        try_interval: Duration,
        max_try_counts: Sequence[int],
        timeout: TimeoutArg = None,
    ) -> Outplan:
        """Create an outplan; ``max_try_counts`` holds the most tries for destinations 0 to 4."""
        info = dial_info(source, dial_timeout, try_interval, max_try_counts)
        body = OutplanCreate(name=name, detail=detail, **info)
        call = request(outplans_create, Outplan.from_dict, timeout, body=body)
        return await self._sender.send(call)

    async def get(self, outplan_id: str | UUID, *, timeout: TimeoutArg = None) -> Outplan:
        """The outplan with this id (a deleted one too: its ``tm_delete`` is set)."""
        call = by_ids(outplans_get, Outplan.from_dict, timeout, outplan_id=outplan_id)
        return await self._sender.send(call)

    async def update(
        self,
        outplan_id: str | UUID,
        *,
        name: str | None = None,
        detail: str | None = None,
        timeout: TimeoutArg = None,
    ) -> Outplan:
        """Change the name, the detail or both (the dialing settings stay). VoIPBIN's PUT writes
        both, so given one, the SDK reads the other first: read, then write: not atomic."""
        uuid = to_uuid(outplan_id, "outplan_id")
        given = changes("outplans.update", NAME_DETAIL, (name, detail))
        if len(given) < len(NAME_DETAIL):
            given = with_current(await self.get(uuid, timeout=timeout), NAME_DETAIL, given)
        body = NameDetailUpdate(**given)
        call = request(outplans_update, Outplan.from_dict, timeout, uuid, body=body)
        return await self._sender.send(call)

    async def update_dial_info(
        self,
        outplan_id: str | UUID,
        *,
        source: AddressArg | None = None,
        dial_timeout: Duration | None = None,
        try_interval: Duration | None = None,
        max_try_counts: Sequence[int] | None = None,
        timeout: TimeoutArg = None,
    ) -> Outplan:
        """Change the caller ID, ring timeout, retry interval or tries per destination, any of
        them (``update_dial_info(id, try_interval=timedelta(hours=2))``). VoIPBIN's PUT writes
        all four, so given fewer, the SDK reads the others first: read, then write: not atomic.
        """
        uuid = to_uuid(outplan_id, "outplan_id")
        values = (source, dial_timeout, try_interval, max_try_counts)
        given = checked_dial_info(changes("outplans.update_dial_info", DIAL_INFO, values))
        if len(given) < len(DIAL_INFO):
            given = with_current(await self.get(uuid, timeout=timeout), DIAL_INFO, given)
        body = OutplanDialInfoUpdate(**dial_info(**given))
        call = request(outplans_update_dial_info, Outplan.from_dict, timeout, uuid, body=body)
        return await self._sender.send(call)

    async def delete(self, outplan_id: str | UUID, *, timeout: TimeoutArg = None) -> Outplan:
        """Delete the outplan; returns it with ``tm_delete`` set."""
        call = by_ids(outplans_delete, Outplan.from_dict, timeout, outplan_id=outplan_id)
        return await self._sender.send(call)


class AsyncOutdials(AsyncResource):
    """Contact lists that campaigns dial; their contacts are ``client.outdialtargets``."""

    with_raw_response = cached_property(raw.AsyncOutdialsWithRawResponse)

    async def list(
        self,
        *,
        page_size: int | None = None,
        page_token: str | None = None,
        timeout: TimeoutArg = None,
    ) -> Page[Outdial]:
        """One page of outdials, newest first (``page_size`` 1 to 100, default 100)."""
        call = page_request(outdials_list, OutdialList.from_dict, timeout, page_size, page_token)
        return await self._sender.send(call)

    def iter(
        self,
        *,
        page_size: int | None = None,
        limit: int | None = None,
        timeout: TimeoutArg = None,
    ) -> AsyncIterator[Outdial]:
        """Every outdial (the newest ``limit`` when given), newest first, fetched a page at a
        time as the ``async for`` loop goes; no page is fetched past the limit."""
        return iter_items(self.list, page_size, limit, timeout)

    async def create(
        self,
        *,
        campaign_id: str | UUID,
        name: str,
        detail: str,
        data: str,
        timeout: TimeoutArg = None,
    ) -> Outdial:
        """Create an empty outdial for the campaign ``campaign_id``.

        VoIPBIN refuses the nil ``campaign_id`` and an empty ``name``, ``detail`` or ``data``;
        they are refused here first (an argument error naming it, a ``ValueError`` or
        ``TypeError`` too).
        """
        # Checked in the server's order (PostOutdials): campaign_id, name, detail, data.
        body = OutdialCreate(
            campaign_id=to_campaign_id(campaign_id),
            name=to_text(name, "name"),
            detail=to_text(detail, "detail"),
            data=to_text(data, "data"),
        )
        call = request(outdials_create, Outdial.from_dict, timeout, body=body)
        return await self._sender.send(call)

    async def get(self, outdial_id: str | UUID, *, timeout: TimeoutArg = None) -> Outdial:
        """The outdial with this id (a deleted one too: its ``tm_delete`` is set)."""
        call = by_ids(outdials_get, Outdial.from_dict, timeout, outdial_id=outdial_id)
        return await self._sender.send(call)

    async def update(
        self,
        outdial_id: str | UUID,
        *,
        name: str | None = None,
        detail: str | None = None,
        timeout: TimeoutArg = None,
    ) -> Outdial:
        """Change the name, the detail or both. VoIPBIN's PUT writes both, so given one, the
        SDK reads the other first: read, then write: not atomic."""
        uuid = to_uuid(outdial_id, "outdial_id")
        given = changes("outdials.update", NAME_DETAIL, (name, detail))
        if len(given) < len(NAME_DETAIL):
            given = with_current(await self.get(uuid, timeout=timeout), NAME_DETAIL, given)
        body = NameDetailUpdate(**given)
        call = request(outdials_update, Outdial.from_dict, timeout, uuid, body=body)
        return await self._sender.send(call)

    async def update_campaign_id(
        self, outdial_id: str | UUID, campaign_id: str | UUID, *, timeout: TimeoutArg = None
    ) -> Outdial:
        """Attach the outdial to a campaign (the nil UUID detaches it)."""
        uuid = to_uuid(outdial_id, "outdial_id")
        body = OutdialCampaignIdUpdate(campaign_id=to_uuid(campaign_id, "campaign_id"))
        call = request(outdials_update_campaign_id, Outdial.from_dict, timeout, uuid, body=body)
        return await self._sender.send(call)

    async def update_data(
        self, outdial_id: str | UUID, data: str, *, timeout: TimeoutArg = None
    ) -> Outdial:
        """Replace the outdial's free-form data."""
        uuid = to_uuid(outdial_id, "outdial_id")
        body = OutdialDataUpdate(data=data)
        call = request(outdials_update_data, Outdial.from_dict, timeout, uuid, body=body)
        return await self._sender.send(call)

    async def delete(self, outdial_id: str | UUID, *, timeout: TimeoutArg = None) -> Outdial:
        """Delete the outdial; returns it with ``tm_delete`` set."""
        call = by_ids(outdials_delete, Outdial.from_dict, timeout, outdial_id=outdial_id)
        return await self._sender.send(call)
