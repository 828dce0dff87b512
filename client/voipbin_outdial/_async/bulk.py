# unasync: the source of _sync/bulk.py; edit this file, then run scripts/unasync.py
"""``client.outdialtargets.create_many``: many targets, each created once, at the server's pace.

VoIPBIN creates one target per POST, and a POST is not idempotent: the API has no idempotency
key. So the import never sends a row's POST again while the first one may have worked. When its
answer is lost (no response, a timeout, a 5xx: the server may have made the target anyway), it
looks the target up by its key (name and destination targets, ``_bulk``) and only posts again if
the target is not there. A 429 made nothing: it pauses every worker for ``Retry-After`` (through
the shared limiter, which, adaptive by default, also goes on slower) and sends the row again.
A ``ClientRateLimitError`` (the client's own limiter would have held the POST past its time
bound) sent nothing either: that row waits as long as the limiter said and is sent again.

The rows are read as the import goes (any iterable, a generator included), at most
``concurrency`` of them are being sent at a time and at most ``4 * concurrency`` are held for
their results to come out in input order, so memory does not grow with the number of rows;
``iter_create_many`` hands the results out as they come, ``create_many`` collects them in a list.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import AsyncIterator, Callable, Iterable, Sequence
from datetime import datetime, timedelta
from functools import partial
from typing import Any, Final, Protocol, TypeAlias
from uuid import UUID

from .._args import to_positive_int, to_uuid
from .._base import AsyncSleep
from .._bulk import (
    ImportProgress,
    ImportRate,
    Key,
    NewTarget,
    RowResult,
    check_row,
    created_at,
    key_digest,
    target_key,
)
from .._pacing import VOIPBIN_PACE
from .._pagination import Page
from .._pool import AsyncPending, AsyncPool
from ..errors import (
    ApiConnectionError,
    ApiError,
    ClientRateLimitError,
    InternalServerError,
    InvalidRowError,
    RateLimitError,
)
from ..models import Address, Outdialtarget
from .limiter import AsyncRateLimiter, to_limiter
from .paging import walk_pages

__all__ = ["AsyncTargetApi", "AsyncTargetImport", "import_targets"]

MAX_CREATE_TRIES: Final = 3
"""POSTs of one row at most, each sent only after a look-up found no target from the last."""
MAX_RATE_LIMITED: Final = 20
"""429s one row may meet before it is given up as failed."""
DEFAULT_PAUSE: Final = 1.0
"""Seconds to pause on a 429 without ``Retry-After`` (VoIPBIN's is never below 1)."""
CLOCK_MARGIN: Final = timedelta(seconds=2)
"""How much older than the newest target known before a POST a look-up still reads (servers'
clocks differ by a little)."""


Slots: TypeAlias = Sequence[Address | None]
"""A target's destinations in dial order, ``None`` for an empty slot."""


class AsyncTargetApi(Protocol):
    """The two operations an import sends (``client.outdialtargets``'s ``list`` and ``create``)."""

    async def list(
        self, outdial_id: UUID, *, page_token: str | None = None
    ) -> Page[Outdialtarget]: ...

    async def create(
        self, outdial_id: UUID, *, name: str, detail: str, data: str, destinations: Slots
    ) -> Outdialtarget: ...


def import_targets(
    targets: AsyncTargetApi,
    client_limiter: AsyncRateLimiter | None,
    sleep: AsyncSleep,
    outdial_id: str | UUID,
    rows: Iterable[Any],
    *,
    concurrency: int,
    skip_existing: bool,
    on_progress: Callable[[ImportProgress], object] | None,
    rate_limit: ImportRate,
) -> AsyncIterator[RowResult]:
    """The results of importing ``rows`` into the outdial, in input order, as they are known
    (``client.outdialtargets.iter_create_many``): sent through ``targets``, paced by the
    client's limiter and the import's own (``rate_limit``), waiting with ``sleep``."""
    run = AsyncTargetImport(
        targets,
        to_uuid(outdial_id, "outdial_id"),
        concurrency=to_positive_int(concurrency, "concurrency"),
        on_progress=on_progress,
        limiters=_limiters(client_limiter, rate_limit),
        sleep=sleep,
    )
    return run.results(rows, skip_existing=skip_existing)


def _limiters(
    client: AsyncRateLimiter | None, rate_limit: ImportRate
) -> tuple[AsyncRateLimiter | None, AsyncRateLimiter | None]:
    """(the import's own limiter, the client's): the import waits on its own before each
    request (the sender waits on the client's); a 429 pauses both (and slows an adaptive one)."""
    if rate_limit == "auto":
        own = None if client is not None else AsyncRateLimiter(VOIPBIN_PACE)
    elif rate_limit is None:
        own = None if client is not None else AsyncRateLimiter(None)  # it only pauses
    else:
        own = to_limiter(rate_limit)
    return own, client


class AsyncTargetImport:
    """One run of ``create_many``: the rows, the workers, what the outdial already holds.

    It is given what it needs: the operations it sends (``targets``), the limiters that pace
    them and the ``sleep`` it waits with.
    """

    def __init__(
        self,
        targets: AsyncTargetApi,
        outdial_id: UUID,
        *,
        concurrency: int,
        on_progress: Callable[[ImportProgress], object] | None,
        limiters: tuple[AsyncRateLimiter | None, AsyncRateLimiter | None],
        sleep: AsyncSleep = asyncio.sleep,
    ) -> None:
        self._targets = targets
        self._outdial_id = outdial_id
        self._concurrency = concurrency
        self._on_progress = on_progress
        self._own, self._client_limiter = limiters
        self._sleep = sleep
        self._existing: dict[int, int] | None = None  # key_digest -> the target's id (as int)
        self._newest: datetime | None = None  # the newest tm_create known: see _look_up

    async def results(
        self, rows: Iterable[Any], *, skip_existing: bool
    ) -> AsyncIterator[RowResult]:
        if skip_existing:
            await self._load_existing()
        progress = ImportProgress()
        window = 4 * self._concurrency
        pending: deque[AsyncPending[RowResult]] = deque()
        async with AsyncPool[RowResult](self._concurrency) as pool:
            for index, row in enumerate(rows):
                if len(pending) >= window:
                    yield self._report(progress, await pool.result(pending.popleft()))
                pending.append(pool.submit(partial(self._one, index, row)))
            while pending:
                yield self._report(progress, await pool.result(pending.popleft()))

    def _report(self, progress: ImportProgress, result: RowResult) -> RowResult:
        progress.add(result)
        if self._on_progress is not None:
            self._on_progress(progress)
        return result

    # --- the requests, paced ------------------------------------------------------------

    async def _pace(self) -> None:
        if self._own is not None:
            await self._own.acquire()

    def _rate_limited(self, retry_after: float | None) -> None:
        for limiter in (self._own, self._client_limiter):
            if limiter is not None:
                limiter.rate_limited(DEFAULT_PAUSE if retry_after is None else retry_after)

    def _note(self, target: Outdialtarget) -> None:
        """Remember the newest ``tm_create`` seen (a look-up reads no further back)."""
        at = created_at(target)
        if at is not None and (self._newest is None or at > self._newest):
            self._newest = at

    async def _page(self, token: str | None) -> Page[Outdialtarget]:
        await self._pace()
        return await self._targets.list(self._outdial_id, page_token=token)

    async def _load_existing(self) -> None:
        """What the outdial holds: each target's key digest and id, the first one for a key
        (ints: ~130 bytes a target, where the targets would take ~2.4 KB; issue 26)."""
        existing: dict[int, int] = {}
        async for page in walk_pages(self._page):
            for target in page.items:
                existing.setdefault(key_digest(target_key(target)), target.id.int)
                self._note(target)
        self._existing = existing

    async def _look_up(self, key: Key, since: datetime | None) -> Outdialtarget | None:
        """The target with ``key`` made since ``since``, if the outdial holds one.

        The target a lost POST made is newer than every target known before that POST was
        sent (``since``). On a list that is newest first (VoIPBIN's), the look-up stops at the
        first target older than that, usually on the first page; oldest first, it reads on.
        """
        floor = None if since is None else since - CLOCK_MARGIN
        previous: datetime | None = None
        newest_first: bool | None = None
        async for page in walk_pages(self._page):
            for target in page.items:
                if target_key(target) == key:
                    return target
                at = created_at(target)
                if at is None:
                    continue
                if newest_first is None and previous is not None and at != previous:
                    newest_first = at < previous
                previous = at
                if newest_first and floor is not None and at < floor:
                    return None
        return None

    # --- one row ------------------------------------------------------------------------

    async def _one(self, index: int, row: Any) -> RowResult:
        try:
            new = check_row(row)
        except InvalidRowError as exc:
            return RowResult(index, row, "rejected", error=exc)
        if self._existing is not None:
            there = self._existing.get(key_digest(new.key))
            if there is not None:
                return RowResult(index, row, "skipped", target_id=UUID(int=there))
        return await self._create(index, row, new)

    async def _create(self, index: int, row: Any, new: NewTarget) -> RowResult:
        posts = limited = 0
        while True:
            since = self._newest
            await self._pace()
            try:
                target = await self._targets.create(
                    self._outdial_id,
                    name=new.name,
                    detail=new.detail,
                    data=new.data,
                    destinations=new.destinations,
                )
            except RateLimitError as exc:  # nothing was made
                limited += 1
                if limited > MAX_RATE_LIMITED:
                    return RowResult(index, row, "failed", error=exc)
                if isinstance(exc, ClientRateLimitError):  # held back by the client: not sent
                    await self._sleep(exc.wait or DEFAULT_PAUSE)
                else:
                    self._rate_limited(exc.retry_after)
                continue
            except (ApiConnectionError, InternalServerError) as exc:  # made, or not?
                posts += 1
                try:
                    found = await self._look_up(new.key, since)
                except ApiError:
                    return RowResult(index, row, "failed", error=exc)
                if found is not None:
                    self._note(found)
                    return RowResult(index, row, "created", target=found, recovered=True)
                if posts >= MAX_CREATE_TRIES:
                    return RowResult(index, row, "failed", error=exc)
                continue
            except ApiError as exc:
                return RowResult(index, row, "failed", error=exc)
            self._note(target)
            return RowResult(index, row, "created", target=target)
