# unasync: the source of _sync/resources.py; edit this file, then run scripts/unasync.py
"""The resources on a client: ``client.outplans``, ``client.outdials``, ``client.outdialtargets``.

Each method hands a :class:`~voipbin_outdial._calls.Call` to the client's sender.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from typing import TypeVar
from uuid import UUID

from .. import _calls as c
from .._args import NIL_UUID, to_page_size, to_uuid
from .._calls import AddressArg, Duration, TimeoutArg
from .._pagination import AsyncFetch, Page, next_token
from ..models import Outdial, Outdialtarget, Outplan
from .sender import AsyncSender

__all__ = ["AsyncOutdials", "AsyncOutdialtargets", "AsyncOutplans", "iterate_pages"]

T = TypeVar("T")


async def iterate_pages(fetch: AsyncFetch[T]) -> AsyncIterator[T]:
    """Every item of every page, fetching each page only when the previous one is used up."""
    token: str | None = None
    while True:
        page = await fetch(token)
        for item in page.items:
            yield item
        token = next_token(page, token)
        if token is None:
            return


class AsyncResource:
    """What every resource holds: the client's sender."""

    def __init__(self, sender: AsyncSender) -> None:
        self._sender = sender


class AsyncOutplans(AsyncResource):
    """Dialing strategies: caller ID, ring timeout, retry interval and tries per destination.

    Durations are milliseconds on the wire; pass an int of milliseconds or a timedelta.
    """

    async def list(
        self,
        *,
        page_size: int | None = None,
        page_token: str | None = None,
        timeout: TimeoutArg = None,
    ) -> Page[Outplan]:
        """One page of outplans, oldest first (``page_size`` 1 to 100, default 100)."""
        return await self._sender.send(c.outplans_list_call(page_size, page_token, timeout))

    def iter(
        self, *, page_size: int | None = None, timeout: TimeoutArg = None
    ) -> AsyncIterator[Outplan]:
        """Every outplan, fetched a page at a time as the ``async for`` loop goes."""
        size = to_page_size(page_size)
        return iterate_pages(lambda t: self.list(page_size=size, page_token=t, timeout=timeout))

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
        call = c.outplans_create_call(
            name, detail, source, dial_timeout, try_interval, max_try_counts, timeout
        )
        return await self._sender.send(call)

    async def get(self, outplan_id: str | UUID, *, timeout: TimeoutArg = None) -> Outplan:
        """The outplan with this id."""
        return await self._sender.send(c.outplans_get_call(outplan_id, timeout))

    async def update(
        self, outplan_id: str | UUID, *, name: str, detail: str, timeout: TimeoutArg = None
    ) -> Outplan:
        """Change the outplan's name and detail (the dialing settings stay)."""
        return await self._sender.send(c.outplans_update_call(outplan_id, name, detail, timeout))

    async def update_dial_info(
        self,
        outplan_id: str | UUID,
        *,
        source: AddressArg,
        dial_timeout: Duration,
        try_interval: Duration,
        max_try_counts: Sequence[int],
        timeout: TimeoutArg = None,
    ) -> Outplan:
        """Replace the caller ID, ring timeout, retry interval and tries per destination."""
        call = c.outplans_update_dial_info_call(
            outplan_id, source, dial_timeout, try_interval, max_try_counts, timeout
        )
        return await self._sender.send(call)

    async def delete(self, outplan_id: str | UUID, *, timeout: TimeoutArg = None) -> Outplan:
        """Delete the outplan; returns it with ``tm_delete`` set."""
        return await self._sender.send(c.outplans_delete_call(outplan_id, timeout))


class AsyncOutdials(AsyncResource):
    """Contact lists that campaigns dial; their contacts are ``client.outdialtargets``."""

    async def list(
        self,
        *,
        page_size: int | None = None,
        page_token: str | None = None,
        timeout: TimeoutArg = None,
    ) -> Page[Outdial]:
        """One page of outdials, oldest first (``page_size`` 1 to 100, default 100)."""
        return await self._sender.send(c.outdials_list_call(page_size, page_token, timeout))

    def iter(
        self, *, page_size: int | None = None, timeout: TimeoutArg = None
    ) -> AsyncIterator[Outdial]:
        """Every outdial, fetched a page at a time as the ``async for`` loop goes."""
        size = to_page_size(page_size)
        return iterate_pages(lambda t: self.list(page_size=size, page_token=t, timeout=timeout))

    async def create(
        self,
        *,
        name: str,
        detail: str = "",
        data: str = "",
        campaign_id: str | UUID = NIL_UUID,
        timeout: TimeoutArg = None,
    ) -> Outdial:
        """Create an empty outdial (the nil ``campaign_id`` means no campaign yet)."""
        call = c.outdials_create_call(name, detail, data, campaign_id, timeout)
        return await self._sender.send(call)

    async def get(self, outdial_id: str | UUID, *, timeout: TimeoutArg = None) -> Outdial:
        """The outdial with this id."""
        return await self._sender.send(c.outdials_get_call(outdial_id, timeout))

    async def update(
        self, outdial_id: str | UUID, *, name: str, detail: str, timeout: TimeoutArg = None
    ) -> Outdial:
        """Change the outdial's name and detail."""
        return await self._sender.send(c.outdials_update_call(outdial_id, name, detail, timeout))

    async def update_campaign_id(
        self, outdial_id: str | UUID, campaign_id: str | UUID, *, timeout: TimeoutArg = None
    ) -> Outdial:
        """Attach the outdial to a campaign (the nil UUID detaches it)."""
        call = c.outdials_update_campaign_id_call(outdial_id, campaign_id, timeout)
        return await self._sender.send(call)

    async def update_data(
        self, outdial_id: str | UUID, data: str, *, timeout: TimeoutArg = None
    ) -> Outdial:
        """Replace the outdial's free-form data."""
        return await self._sender.send(c.outdials_update_data_call(outdial_id, data, timeout))

    async def delete(self, outdial_id: str | UUID, *, timeout: TimeoutArg = None) -> Outdial:
        """Delete the outdial; returns it with ``tm_delete`` set."""
        return await self._sender.send(c.outdials_delete_call(outdial_id, timeout))


class AsyncOutdialtargets(AsyncResource):
    """The contacts of an outdial, each with up to five destinations tried in order."""

    async def list(
        self,
        outdial_id: str | UUID,
        *,
        page_size: int | None = None,
        page_token: str | None = None,
        timeout: TimeoutArg = None,
    ) -> Page[Outdialtarget]:
        """One page of the outdial's targets, oldest first (``page_size`` 1 to 100)."""
        call = c.outdialtargets_list_call(outdial_id, page_size, page_token, timeout)
        return await self._sender.send(call)

    def iter(
        self, outdial_id: str | UUID, *, page_size: int | None = None, timeout: TimeoutArg = None
    ) -> AsyncIterator[Outdialtarget]:
        """Every target of the outdial, fetched a page at a time as the ``async for`` loop goes."""
        oid, size = to_uuid(outdial_id, "outdial_id"), to_page_size(page_size)
        return iterate_pages(
            lambda t: self.list(oid, page_size=size, page_token=t, timeout=timeout)
        )

    async def create(
        self,
        outdial_id: str | UUID,
        *,
        name: str,
        detail: str = "",
        data: str = "",
        destinations: Sequence[AddressArg | None],
        timeout: TimeoutArg = None,
    ) -> Outdialtarget:
        """Add a contact: 1 to 5 destinations in dial order (``None`` for an empty slot)."""
        call = c.outdialtargets_create_call(outdial_id, name, detail, data, destinations, timeout)
        return await self._sender.send(call)

    async def get(
        self, outdial_id: str | UUID, target_id: str | UUID, *, timeout: TimeoutArg = None
    ) -> Outdialtarget:
        """The target with this id in the outdial."""
        return await self._sender.send(c.outdialtargets_get_call(outdial_id, target_id, timeout))

    async def delete(
        self, outdial_id: str | UUID, target_id: str | UUID, *, timeout: TimeoutArg = None
    ) -> Outdialtarget:
        """Delete the target; returns it with ``tm_delete`` set."""
        return await self._sender.send(c.outdialtargets_delete_call(outdial_id, target_id, timeout))
