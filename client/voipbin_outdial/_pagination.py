"""One page of a list, and when to fetch the next.

The server sets ``next_page_token`` to the last item's ``tm_create`` whenever a page has items, so
a walk stops on an empty page, and on a missing, empty or ``null`` token. It also stops if the
server hands back the token it was just sent, which would otherwise repeat the page forever. The
walk itself is ``iterate_pages`` in ``_async/resources.py`` (and its generated sync twin).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from typing import Generic, TypeAlias, TypeVar

import attrs

__all__ = ["AsyncFetch", "Fetch", "Page", "next_token"]

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


Fetch: TypeAlias = Callable[[str | None], Page[T]]
"""Fetches the page for a token (``None``: the first page)."""
AsyncFetch: TypeAlias = Callable[[str | None], Awaitable[Page[T]]]
"""The same, awaited."""


def next_token(page: Page[T], sent: str | None) -> str | None:
    """The token to fetch the page after ``page`` with (which was fetched with ``sent``), if any."""
    token = page.next_page_token
    if not page.items or not token or token == sent:
        return None
    return token
