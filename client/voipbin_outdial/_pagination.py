"""One page of a list, and walking every page.

The server sets ``next_page_token`` to the last item's ``tm_create`` whenever a page has items, so
the walk stops on an empty page, and on a missing, empty or ``null`` token. It also stops if the
server hands back the token it was just sent, which would otherwise repeat the page forever.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import Generic, TypeVar

import attrs

__all__ = ["Page", "iterate_pages", "iterate_pages_async", "next_token"]

T = TypeVar("T")


@attrs.frozen
class Page(Generic[T]):
    """One page of results: ``items`` and the token for the next page (``None`` on the last).

    Iterating a page yields its items; ``len(page)`` counts them.
    """

    items: list[T]
    next_page_token: str | None = None

    def __iter__(self) -> Iterator[T]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)


def next_token(page: Page[T], sent: str | None) -> str | None:
    """The token to fetch the page after ``page`` with (which was fetched with ``sent``), if any."""
    token = page.next_page_token
    if not page.items or not token or token == sent:
        return None
    return token


def iterate_pages(fetch: Callable[[str | None], Page[T]]) -> Iterator[T]:
    """Every item of every page, fetching each page only when the previous one is used up."""
    token: str | None = None
    while True:
        page = fetch(token)
        yield from page.items
        token = next_token(page, token)
        if token is None:
            return


async def iterate_pages_async(
    fetch: Callable[[str | None], Awaitable[Page[T]]],
) -> AsyncIterator[T]:
    """The ``async for`` twin of :func:`iterate_pages`."""
    token: str | None = None
    while True:
        page = await fetch(token)
        for item in page.items:
            yield item
        token = next_token(page, token)
        if token is None:
            return
