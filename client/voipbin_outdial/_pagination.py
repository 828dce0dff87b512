"""One page of a list, and when to fetch the next.

The server sets ``next_page_token`` to the last item's ``tm_create`` whenever a page has items, so
a walk stops on an empty page, and on a missing, empty or ``null`` token. A token the walk has
already sent (the page just fetched, or any before it: A, B, A ...) would repeat pages forever,
so it is an error (:class:`~voipbin_outdial.errors.ApiResponseValidationError`), not an end: the
items already yielded may not be all there are. The walk itself is ``walk_pages`` in
``_async/paging.py`` (and its generated sync twin); :class:`Walk` is its state.

A walk yields each id once (it keeps the ids it has yielded, about 100 bytes each: a server
whose token is inclusive repeats an item), and a page whose items all came before is an error
too (tokens that move on forever while the items repeat), as is a token longer than a query may
carry (:func:`token_problem`, checked as the page is read).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from typing import Generic, TypeAlias, TypeVar
from uuid import UUID

import attrs

from ._args import MAX_QUERY_TEXT
from .errors import ApiResponseValidationError

__all__ = [
    "AsyncFetch",
    "AsyncListPage",
    "Fetch",
    "ListPage",
    "Page",
    "Walk",
    "next_token",
    "token_problem",
]

T = TypeVar("T")


@attrs.frozen(repr=False)
class Page(Generic[T]):
    """One page of results: ``items`` and the token for the next page (``None`` on the last).

    Iterating a page yields its items; ``len(page)`` counts them. Its repr counts them too
    (a page of 100 targets in full is no use in a log or a traceback).
    """

    items: list[T]
    next_page_token: str | None = None
    request_id: str | None = attrs.field(default=None, eq=False, kw_only=True, repr=False)
    """The ``X-Request-Id`` of the response the page came in, redacted (``None``: none was
    sent, or the page was not read from a response), as a model's ``request_id``."""

    def __repr__(self) -> str:
        return f"Page({len(self.items)} items, next_page_token={self.next_page_token!r})"

    def __iter__(self) -> Iterator[T]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)


Fetch: TypeAlias = Callable[[str | None], Page[T]]
"""Fetches the page for a token (``None``: the first page)."""
AsyncFetch: TypeAlias = Callable[[str | None], Awaitable[Page[T]]]
"""The same, awaited."""
ListPage: TypeAlias = Callable[..., Page[T]]
"""A resource's ``list``: path ids, then ``page_size=``, ``page_token=`` and ``timeout=``."""
AsyncListPage: TypeAlias = Callable[..., Awaitable[Page[T]]]
"""The same, awaited."""


def token_problem(page: Page[T]) -> str | None:
    """Why ``page``'s ``next_page_token`` cannot be sent back (over the length a query text
    may have: ``_args.MAX_QUERY_TEXT``), if it cannot."""
    token = page.next_page_token
    if token is None or len(token) <= MAX_QUERY_TEXT:
        return None
    return (
        f"next_page_token is {len(token):,} characters, over the {MAX_QUERY_TEXT:,} a page "
        f"token may have (it starts {token[:40]!r})"
    )


def next_token(page: Page[T]) -> str | None:
    """The token to fetch the page after ``page`` with, if any."""
    token = page.next_page_token
    if not page.items or not token:
        return None
    return token


class Walk:
    """The tokens a walk through pages has sent and the ids of the items it has yielded;
    :meth:`fresh` keeps a page's new items, :meth:`after` gives the next token.

    An id that is a UUID is kept as its 128-bit int: the items (and their UUID objects) may be
    gone long before the walk ends, and the int alone is about half the memory (issue 26: a
    walk of 1,000,000 targets holds 100 MB less)."""

    __slots__ = ("_ids", "_pages", "_sent")

    def __init__(self) -> None:
        self._sent: set[str] = set()
        self._ids: set[object] = set()
        self._pages = 0

    def fresh(self, page: Page[T]) -> Page[T]:
        """``page`` without the items (by ``id``) an earlier page of this walk brought: a server
        whose token is inclusive repeats the last item of each page.

        Raises:
            ApiResponseValidationError: the page has items, and none is new (its tokens may
                move on forever while its items repeat).
        """
        items = []
        for item in page.items:
            key = getattr(item, "id", None)
            if isinstance(key, UUID):
                key = key.int
            if key is not None:
                if key in self._ids:
                    continue
                self._ids.add(key)
            items.append(item)
        if page.items and not items:
            raise ApiResponseValidationError(
                f"the list's page {self._pages + 1} brought nothing new: its {len(page.items)} "
                "items all came on earlier pages of this walk; stopped instead of looping"
            )
        return page if len(items) == len(page.items) else Page(items, page.next_page_token)

    def after(self, page: Page[T]) -> str | None:
        """The token for the page after ``page``; ``None`` at the end.

        Raises:
            ApiResponseValidationError: the token was sent before in this walk.
        """
        self._pages += 1
        token = next_token(page)
        if token is None:
            return None
        if token in self._sent:
            raise ApiResponseValidationError(
                f"the list's pages repeat: page {self._pages} points back to page_token "
                f"{token[:100]!r}, which this walk already sent; stopped instead of looping"
            )
        self._sent.add(token)
        return token
