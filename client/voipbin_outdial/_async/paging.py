# unasync: the source of _sync/paging.py; edit this file, then run scripts/unasync.py
"""The one walk through a list's pages: ``iter`` on every resource, ``create_many``'s look-ups
and ``voipbin-outdial export`` all go through :func:`walk_pages`, so they share the one stop
rule (:class:`~voipbin_outdial._pagination.Walk`: an empty page or no token ends the walk, a
token sent before or a page that brings nothing new is an error, an item yielded before is left
out).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import TypeVar
from uuid import UUID

from .._args import to_limit, to_page_size
from .._calls import TimeoutArg
from .._pagination import AsyncFetch, AsyncListPage, Page, Walk

__all__ = ["iter_items", "iter_page_size", "walk_items", "walk_pages"]

T = TypeVar("T")


async def walk_pages(fetch: AsyncFetch[T]) -> AsyncIterator[Page[T]]:
    """Every page, each fetched only when the one before has been used, without the items an
    earlier page brought; a token that comes back (A, B, A ...) or a page with nothing new is
    an error, not an endless walk."""
    walk = Walk()
    token: str | None = None
    while True:
        page = await fetch(token)
        yield walk.fresh(page)
        token = walk.after(page)
        if token is None:
            return


async def walk_items(fetch: AsyncFetch[T], limit: int | None = None) -> AsyncIterator[T]:
    """The items of every page (the first ``limit`` when given). It stops after the last item
    it yields without asking for one more, so no page is fetched whose items would not be used."""
    if limit == 0:
        return
    left = limit
    async for page in walk_pages(fetch):
        for item in page.items:
            yield item
            if left is not None:
                left -= 1
                if left == 0:
                    return


def iter_page_size(page_size: int | None, limit: int | None) -> int:
    """The page size ``iter`` asks for: ``page_size`` (default 100), or ``limit`` if smaller."""
    size = to_page_size(page_size)
    return size if limit is None or limit == 0 else min(size, limit)


def iter_items(
    list_page: AsyncListPage[T],
    page_size: int | None,
    limit: int | None,
    timeout: TimeoutArg,
    /,
    *ids: str | UUID,
) -> AsyncIterator[T]:
    """What every ``iter`` returns: the items of ``list_page(*ids, ...)``'s pages (the first
    ``limit`` when given), each page fetched as the loop goes; the arguments are checked now,
    not at the first page."""
    limit = to_limit(limit)
    size = iter_page_size(page_size, limit)
    return walk_items(
        lambda token: list_page(*ids, page_size=size, page_token=token, timeout=timeout), limit
    )
