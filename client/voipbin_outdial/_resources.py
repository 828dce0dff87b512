"""The resources on a client: ``client.outplans``, ``client.outdials``, ``client.outdialtargets``.

Each method hands a :class:`~voipbin_outdial._calls.Call` (built once, in ``_calls``) to the
client's sender; the async classes are the same methods with ``await``. :data:`OPERATIONS` maps
every operationId of ``openapi.yaml`` to its method, and a test holds it to the spec.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator, Mapping, Sequence
from typing import Final
from uuid import UUID

from . import _calls as c
from ._args import to_page_size, to_uuid
from ._base import AsyncSender, SyncSender
from ._calls import AddressArg, Duration, TimeoutArg
from ._pagination import Page, iterate_pages, iterate_pages_async
from .models import Outdial, Outdialtarget, Outplan

__all__ = [
    "OPERATIONS",
    "AsyncOutdials",
    "AsyncOutdialtargets",
    "AsyncOutplans",
    "Outdials",
    "Outdialtargets",
    "Outplans",
]

OPERATIONS: Final[Mapping[str, tuple[str, str]]] = {
    "outplans_list": ("outplans", "list"),
    "outplans_create": ("outplans", "create"),
    "outplans_get": ("outplans", "get"),
    "outplans_update": ("outplans", "update"),
    "outplans_update_dial_info": ("outplans", "update_dial_info"),
    "outplans_delete": ("outplans", "delete"),
    "outdials_list": ("outdials", "list"),
    "outdials_create": ("outdials", "create"),
    "outdials_get": ("outdials", "get"),
    "outdials_update": ("outdials", "update"),
    "outdials_update_campaign_id": ("outdials", "update_campaign_id"),
    "outdials_update_data": ("outdials", "update_data"),
    "outdials_delete": ("outdials", "delete"),
    "outdialtargets_list": ("outdialtargets", "list"),
    "outdialtargets_create": ("outdialtargets", "create"),
    "outdialtargets_get": ("outdialtargets", "get"),
    "outdialtargets_delete": ("outdialtargets", "delete"),
}
"""operationId -> (resource attribute, method name), the same on both clients."""


class Outplans:
    """Dialing strategies: caller ID, ring timeout, retry interval and tries per destination.

    Durations are milliseconds on the wire; pass an int of milliseconds or a timedelta.
    """

    def __init__(self, sender: SyncSender) -> None:
        self._sender = sender

    def list(
        self,
        *,
        page_size: int | None = None,
        page_token: str | None = None,
        timeout: TimeoutArg = None,
    ) -> Page[Outplan]:
        """One page of outplans, newest first (``page_size`` 1 to 100, default 100)."""
        return self._sender.send(c.outplans_list_call(page_size, page_token, timeout))

    def iter(
        self, *, page_size: int | None = None, timeout: TimeoutArg = None
    ) -> Iterator[Outplan]:
        """Every outplan, newest first, fetching one page at a time as the iteration goes."""
        size = to_page_size(page_size)
        return iterate_pages(lambda t: self._sender.send(c.outplans_list_call(size, t, timeout)))

    def create(
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
        return self._sender.send(call)

    def get(self, outplan_id: str | UUID, *, timeout: TimeoutArg = None) -> Outplan:
        """The outplan with this id (a deleted one too: its ``tm_delete`` is set)."""
        return self._sender.send(c.outplans_get_call(outplan_id, timeout))

    def update(
        self, outplan_id: str | UUID, *, name: str, detail: str, timeout: TimeoutArg = None
    ) -> Outplan:
        """Change the outplan's name and detail (the dialing settings stay)."""
        return self._sender.send(c.outplans_update_call(outplan_id, name, detail, timeout))

    def update_dial_info(
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
        return self._sender.send(call)

    def delete(self, outplan_id: str | UUID, *, timeout: TimeoutArg = None) -> Outplan:
        """Delete the outplan; returns it with ``tm_delete`` set."""
        return self._sender.send(c.outplans_delete_call(outplan_id, timeout))


class Outdials:
    """Contact lists that campaigns dial; their contacts are ``client.outdialtargets``."""

    def __init__(self, sender: SyncSender) -> None:
        self._sender = sender

    def list(
        self,
        *,
        page_size: int | None = None,
        page_token: str | None = None,
        timeout: TimeoutArg = None,
    ) -> Page[Outdial]:
        """One page of outdials, newest first (``page_size`` 1 to 100, default 100)."""
        return self._sender.send(c.outdials_list_call(page_size, page_token, timeout))

    def iter(
        self, *, page_size: int | None = None, timeout: TimeoutArg = None
    ) -> Iterator[Outdial]:
        """Every outdial, newest first, fetching one page at a time as the iteration goes."""
        size = to_page_size(page_size)
        return iterate_pages(lambda t: self._sender.send(c.outdials_list_call(size, t, timeout)))

    def create(
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
        they are refused here first (``ValueError``/``TypeError`` naming the argument).
        """
        call = c.outdials_create_call(name, detail, data, campaign_id, timeout)
        return self._sender.send(call)

    def get(self, outdial_id: str | UUID, *, timeout: TimeoutArg = None) -> Outdial:
        """The outdial with this id (a deleted one too: its ``tm_delete`` is set)."""
        return self._sender.send(c.outdials_get_call(outdial_id, timeout))

    def update(
        self, outdial_id: str | UUID, *, name: str, detail: str, timeout: TimeoutArg = None
    ) -> Outdial:
        """Change the outdial's name and detail."""
        return self._sender.send(c.outdials_update_call(outdial_id, name, detail, timeout))

    def update_campaign_id(
        self, outdial_id: str | UUID, campaign_id: str | UUID, *, timeout: TimeoutArg = None
    ) -> Outdial:
        """Attach the outdial to a campaign (the nil UUID detaches it)."""
        call = c.outdials_update_campaign_id_call(outdial_id, campaign_id, timeout)
        return self._sender.send(call)

    def update_data(
        self, outdial_id: str | UUID, data: str, *, timeout: TimeoutArg = None
    ) -> Outdial:
        """Replace the outdial's free-form data."""
        return self._sender.send(c.outdials_update_data_call(outdial_id, data, timeout))

    def delete(self, outdial_id: str | UUID, *, timeout: TimeoutArg = None) -> Outdial:
        """Delete the outdial; returns it with ``tm_delete`` set."""
        return self._sender.send(c.outdials_delete_call(outdial_id, timeout))


class Outdialtargets:
    """The contacts of an outdial, each with up to five destinations tried in order."""

    def __init__(self, sender: SyncSender) -> None:
        self._sender = sender

    def list(
        self,
        outdial_id: str | UUID,
        *,
        page_size: int | None = None,
        page_token: str | None = None,
        timeout: TimeoutArg = None,
    ) -> Page[Outdialtarget]:
        """One page of the outdial's live targets, newest first (``page_size`` 1 to 100)."""
        call = c.outdialtargets_list_call(outdial_id, page_size, page_token, timeout)
        return self._sender.send(call)

    def iter(
        self, outdial_id: str | UUID, *, page_size: int | None = None, timeout: TimeoutArg = None
    ) -> Iterator[Outdialtarget]:
        """Every live target of the outdial, newest first, one page at a time."""
        oid, size = to_uuid(outdial_id, "outdial_id"), to_page_size(page_size)
        return iterate_pages(
            lambda t: self._sender.send(c.outdialtargets_list_call(oid, size, t, timeout))
        )

    def create(
        self,
        outdial_id: str | UUID,
        *,
        name: str,
        detail: str,
        data: str,
        destinations: Sequence[AddressArg | None],
        timeout: TimeoutArg = None,
    ) -> Outdialtarget:
        """Add a contact: 1 to 5 destinations in dial order, ``None`` for an empty slot.

        ``name``, ``detail`` and ``data`` must not be empty and one destination needs a
        ``target`` (VoIPBIN refuses the request otherwise; refused here first). Empty slots are
        sent and stored as ``{}``, which VoIPBIN's dialer does not skip: it tries them like any
        other slot, so put the real destinations first.
        """
        call = c.outdialtargets_create_call(outdial_id, name, detail, data, destinations, timeout)
        return self._sender.send(call)

    def get(
        self, outdial_id: str | UUID, target_id: str | UUID, *, timeout: TimeoutArg = None
    ) -> Outdialtarget:
        """The target with this id in the outdial (a deleted one too)."""
        return self._sender.send(c.outdialtargets_get_call(outdial_id, target_id, timeout))

    def delete(
        self, outdial_id: str | UUID, target_id: str | UUID, *, timeout: TimeoutArg = None
    ) -> Outdialtarget:
        """Delete the target; returns it with ``tm_delete`` set."""
        return self._sender.send(c.outdialtargets_delete_call(outdial_id, target_id, timeout))


# -- async: the same methods, awaited ----------------------------------------------------------


class AsyncOutplans:
    """Async :class:`Outplans`: the same methods as coroutines; ``iter`` is ``async for``."""

    def __init__(self, sender: AsyncSender) -> None:
        self._sender = sender

    async def list(
        self,
        *,
        page_size: int | None = None,
        page_token: str | None = None,
        timeout: TimeoutArg = None,
    ) -> Page[Outplan]:
        """One page of outplans, newest first (``page_size`` 1 to 100, default 100)."""
        return await self._sender.send(c.outplans_list_call(page_size, page_token, timeout))

    def iter(
        self, *, page_size: int | None = None, timeout: TimeoutArg = None
    ) -> AsyncIterator[Outplan]:
        """Every outplan, newest first (``async for``), fetching one page at a time."""
        size = to_page_size(page_size)
        return iterate_pages_async(
            lambda t: self._sender.send(c.outplans_list_call(size, t, timeout))
        )

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
        """The outplan with this id (a deleted one too: its ``tm_delete`` is set)."""
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


class AsyncOutdials:
    """Async :class:`Outdials`: the same methods as coroutines; ``iter`` is ``async for``."""

    def __init__(self, sender: AsyncSender) -> None:
        self._sender = sender

    async def list(
        self,
        *,
        page_size: int | None = None,
        page_token: str | None = None,
        timeout: TimeoutArg = None,
    ) -> Page[Outdial]:
        """One page of outdials, newest first (``page_size`` 1 to 100, default 100)."""
        return await self._sender.send(c.outdials_list_call(page_size, page_token, timeout))

    def iter(
        self, *, page_size: int | None = None, timeout: TimeoutArg = None
    ) -> AsyncIterator[Outdial]:
        """Every outdial, newest first (``async for``), fetching one page at a time."""
        size = to_page_size(page_size)
        return iterate_pages_async(
            lambda t: self._sender.send(c.outdials_list_call(size, t, timeout))
        )

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
        they are refused here first (``ValueError``/``TypeError`` naming the argument).
        """
        call = c.outdials_create_call(name, detail, data, campaign_id, timeout)
        return await self._sender.send(call)

    async def get(self, outdial_id: str | UUID, *, timeout: TimeoutArg = None) -> Outdial:
        """The outdial with this id (a deleted one too: its ``tm_delete`` is set)."""
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


class AsyncOutdialtargets:
    """Async :class:`Outdialtargets`: the same methods as coroutines; ``iter`` is ``async for``."""

    def __init__(self, sender: AsyncSender) -> None:
        self._sender = sender

    async def list(
        self,
        outdial_id: str | UUID,
        *,
        page_size: int | None = None,
        page_token: str | None = None,
        timeout: TimeoutArg = None,
    ) -> Page[Outdialtarget]:
        """One page of the outdial's live targets, newest first (``page_size`` 1 to 100)."""
        call = c.outdialtargets_list_call(outdial_id, page_size, page_token, timeout)
        return await self._sender.send(call)

    def iter(
        self, outdial_id: str | UUID, *, page_size: int | None = None, timeout: TimeoutArg = None
    ) -> AsyncIterator[Outdialtarget]:
        """Every live target of the outdial, newest first (``async for``), one page at a time."""
        oid, size = to_uuid(outdial_id, "outdial_id"), to_page_size(page_size)
        return iterate_pages_async(
            lambda t: self._sender.send(c.outdialtargets_list_call(oid, size, t, timeout))
        )

    async def create(
        self,
        outdial_id: str | UUID,
        *,
        name: str,
        detail: str,
        data: str,
        destinations: Sequence[AddressArg | None],
        timeout: TimeoutArg = None,
    ) -> Outdialtarget:
        """Add a contact: 1 to 5 destinations in dial order, ``None`` for an empty slot.

        ``name``, ``detail`` and ``data`` must not be empty and one destination needs a
        ``target`` (VoIPBIN refuses the request otherwise; refused here first). Empty slots are
        sent and stored as ``{}``, which VoIPBIN's dialer does not skip: it tries them like any
        other slot, so put the real destinations first.
        """
        call = c.outdialtargets_create_call(outdial_id, name, detail, data, destinations, timeout)
        return await self._sender.send(call)

    async def get(
        self, outdial_id: str | UUID, target_id: str | UUID, *, timeout: TimeoutArg = None
    ) -> Outdialtarget:
        """The target with this id in the outdial (a deleted one too)."""
        return await self._sender.send(c.outdialtargets_get_call(outdial_id, target_id, timeout))

    async def delete(
        self, outdial_id: str | UUID, target_id: str | UUID, *, timeout: TimeoutArg = None
    ) -> Outdialtarget:
        """Delete the target; returns it with ``tm_delete`` set."""
        return await self._sender.send(c.outdialtargets_delete_call(outdial_id, target_id, timeout))
