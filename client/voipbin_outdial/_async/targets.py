# unasync: the source of _sync/targets.py; edit this file, then run scripts/unasync.py
"""``client.outdialtargets``: the contacts of an outdial, and importing many (``bulk.py``).

Each method but the imports and ``iter`` serves one operationId of openapi.yaml, as in
``resources.py``; ``create_many`` hands this resource's ``list`` and ``create``, the client's
limiter and its ``sleep`` to the importer.
"""

from __future__ import annotations

import builtins
from collections.abc import AsyncIterator, Callable, Iterable, Sequence
from functools import cached_property
from typing import Any
from uuid import UUID

from .._args import to_destinations, to_text, to_uuid
from .._bulk import ImportProgress, ImportRate, RowResult
from .._calls import AddressArg, TimeoutArg, by_ids, page_request, request
from .._generated.api import (
    outdialtargets_create,
    outdialtargets_delete,
    outdialtargets_get,
    outdialtargets_list,
)
from .._pagination import Page
from .._slots import DESTINATION_FIELDS
from ..models import Address, Outdialtarget, OutdialtargetCreate, OutdialtargetList
from . import raw
from .bulk import import_targets
from .paging import iter_items
from .resources import AsyncResource

__all__ = ["AsyncOutdialtargets"]


class AsyncOutdialtargets(AsyncResource):
    """The contacts of an outdial, each with up to five destinations tried in order.

    ``create_many`` and ``iter_create_many`` import many (``bulk.py``).
    """

    with_raw_response = cached_property(raw.AsyncOutdialtargetsWithRawResponse)

    async def list(
        self,
        outdial_id: str | UUID,
        *,
        page_size: int | None = None,
        page_token: str | None = None,
        timeout: TimeoutArg = None,
    ) -> Page[Outdialtarget]:
        """One page of the outdial's live targets, newest first (``page_size`` 1 to 100)."""
        call = page_request(
            outdialtargets_list,
            OutdialtargetList.from_dict,
            timeout,
            page_size,
            page_token,
            to_uuid(outdial_id, "outdial_id"),
        )
        return await self._sender.send(call)

    def iter(
        self,
        outdial_id: str | UUID,
        *,
        page_size: int | None = None,
        limit: int | None = None,
        timeout: TimeoutArg = None,
    ) -> AsyncIterator[Outdialtarget]:
        """Every live target of the outdial (the newest ``limit`` when given), newest first,
        fetched a page at a time; no page is fetched past the limit."""
        return iter_items(self.list, page_size, limit, timeout, to_uuid(outdial_id, "outdial_id"))

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
        sent and stored as ``{}``, which VoIPBIN's dialer does not skip: with tries left under
        the outplan it dials one, the call is refused and the campaign stops. Put the real
        destinations first and give the empty slots a ``max_try_count`` of 0.
        """
        uuid = to_uuid(outdial_id, "outdial_id")
        # Checked in the server's order (PostOutdialsIdTargets): name, detail, data, destinations.
        name = to_text(name, "name")
        detail = to_text(detail, "detail")
        data = to_text(data, "data")
        given = to_destinations(destinations)
        # Every slot is sent, an unused one as {}: VoIPBIN's published spec requires all five
        # keys, and the server stores {} for a slot left out or null anyway.
        slots = {
            field: given[n] if n < len(given) and given[n] is not None else Address()
            for n, field in enumerate(DESTINATION_FIELDS)
        }
        body = OutdialtargetCreate(name=name, detail=detail, data=data, **slots)
        call = request(outdialtargets_create, Outdialtarget.from_dict, timeout, uuid, body=body)
        return await self._sender.send(call)

    async def get(
        self, outdial_id: str | UUID, target_id: str | UUID, *, timeout: TimeoutArg = None
    ) -> Outdialtarget:
        """The target with this id in the outdial (a deleted one too)."""
        call = by_ids(
            outdialtargets_get,
            Outdialtarget.from_dict,
            timeout,
            outdial_id=outdial_id,
            target_id=target_id,
        )
        return await self._sender.send(call)

    async def delete(
        self, outdial_id: str | UUID, target_id: str | UUID, *, timeout: TimeoutArg = None
    ) -> Outdialtarget:
        """Delete the target; returns it with ``tm_delete`` set."""
        call = by_ids(
            outdialtargets_delete,
            Outdialtarget.from_dict,
            timeout,
            outdial_id=outdial_id,
            target_id=target_id,
        )
        return await self._sender.send(call)

    async def create_many(
        self,
        outdial_id: str | UUID,
        rows: Iterable[Any],
        *,
        concurrency: int = 8,
        skip_existing: bool = True,
        on_progress: Callable[[ImportProgress], object] | None = None,
        rate_limit: ImportRate = "auto",
    ) -> builtins.list[RowResult]:  # list is also a method here
        """Create a target for each row; one :class:`~voipbin_outdial.RowResult` per row, in
        input order. A row that fails does not stop the others: look at each result.

        Each row is a mapping or an object with ``name``, ``detail``, ``data`` (non-empty
        strings: VoIPBIN refuses empty ones) and ``destinations`` (one to five addresses in
        dial order, ``None`` for an empty slot).

        Args:
            outdial_id: The outdial to fill.
            rows: Any iterable; it is read as the import goes.
            concurrency: How many rows are sent at the same time.
            skip_existing: List the outdial once first and skip each row whose name and
                destination targets are already there (the result holds its ``target_id``), so a
                second run creates only what the first did not. ``False``: create every row.
            on_progress: Called after each row, in input order, with the counts so far.
            rate_limit: ``"auto"``: the client's ``rate_limit`` if it has one, else
                :class:`~voipbin_outdial.AdaptiveRateLimit` ``()``: VoIPBIN's 17 requests a
                second (burst 33 less 2 for jitter), slower after each 429 (another program
                spending the customer's bucket), creeping back up. A
                :class:`~voipbin_outdial.RateLimit` (or ``(per_second, burst)``) paces this
                import at that fixed rate, an ``AdaptiveRateLimit`` of your own adaptively
                (as well as the client's limit); ``None`` does not pace it. A 429 pauses every
                worker for its ``Retry-After`` in any case, and the row is sent again.

        The list holds a result per row; for very many rows use :meth:`iter_create_many`,
        which hands each result out and keeps none. Raises only for bad arguments (and the
        errors of the first listing when ``skip_existing``).
        """
        results = self.iter_create_many(
            outdial_id,
            rows,
            concurrency=concurrency,
            skip_existing=skip_existing,
            on_progress=on_progress,
            rate_limit=rate_limit,
        )
        return [result async for result in results]

    def iter_create_many(
        self,
        outdial_id: str | UUID,
        rows: Iterable[Any],
        *,
        concurrency: int = 8,
        skip_existing: bool = True,
        on_progress: Callable[[ImportProgress], object] | None = None,
        rate_limit: ImportRate = "auto",
    ) -> AsyncIterator[RowResult]:
        """:meth:`create_many`, handing each row's result out in input order as it is known:
        memory stays flat however many rows there are. Leaving the loop early stops the
        import (rows already sent finish first)."""
        sender = self._sender
        return import_targets(
            self,
            sender.limiter,
            sender.sleep,
            outdial_id,
            rows,
            concurrency=concurrency,
            skip_existing=skip_existing,
            on_progress=on_progress,
            rate_limit=rate_limit,
        )
