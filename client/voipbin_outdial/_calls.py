"""A request to make (a :class:`Call`), built from the operation's row of the generated table.

``_generated/api`` holds one :class:`~voipbin_outdial._generated.api.Operation` per operationId
of openapi.yaml: its method, path template, parameters and models. A resource method checks and
converts its arguments, then builds its call with one of two helpers, naming the operation and
the parser of the 2xx body: :func:`request` puts the (checked) path ids, the query and the body
model into the operation's request; :func:`by_ids`, for an operation that takes only path ids
(get, delete), checks each id, named by its keyword in any error. A sync or an async sender
(``_base``) executes the call: request building and parsing exist once.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import timedelta
from functools import cache, partial
from typing import Any, Generic, Protocol, TypeAlias, TypeVar
from uuid import UUID

import attrs
import httpx

from ._args import (
    check_body,
    to_address,
    to_duration_ms,
    to_id_text,
    to_max_try_counts,
    to_page_size,
    to_timeout,
    try_seconds,
)
from ._generated.api import Operation
from ._pagination import Page
from ._params import AddressParam
from ._schema import InvalidResponseError, check_model
from ._slots import MAX_TRY_COUNT_FIELDS
from ._wire import Decode, page_decoder
from .models import UNSET, Address, Unset

__all__ = [
    "AddressArg",
    "Call",
    "Duration",
    "TimeoutArg",
    "by_ids",
    "dial_info",
    "page_request",
    "pages",
    "request",
]

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)

TimeoutArg: TypeAlias = float | httpx.Timeout | None
"""A per-call timeout in seconds (or an httpx.Timeout); ``None`` keeps the client's. It bounds
each try, and the call as the client's does (see ``_base``)."""
AddressArg: TypeAlias = Address | AddressParam
"""An address argument: an :class:`Address` or a dict (any mapping at run time)."""
Duration: TypeAlias = int | timedelta
Parse: TypeAlias = Callable[[dict[str, Any]], T]
FastParse: TypeAlias = Callable[[bytes], T | None]
"""The 2xx body's bytes to the value, or ``None``: read it with ``parse`` instead."""


@attrs.define(eq=False)
class Call(Generic[T]):
    """One request to make (method, path below the base URL, query, JSON body) and the parser of
    its 2xx body; ``operation`` is the operationId, for errors and logs. ``timeout`` is checked
    here, so every call (whichever helper builds it) gets the same check, and resolved once:
    ``try_time`` is how long each of its tries may take (``None``: the client's). ``fast_parse``
    (list pages: ``_wire``) reads the body's bytes straight to the value, checked as it reads,
    or gives ``None`` for a body ``parse`` must read: the same value either way."""

    operation: str
    method: str
    path: str
    parse: Parse[T]
    timeout: httpx.Timeout | None = attrs.field(converter=to_timeout)
    params: dict[str, Any] | None = None
    json: Any = None
    try_time: float | None = attrs.field(init=False, default=None)
    fast_parse: FastParse[T] | None = attrs.field(default=None, kw_only=True)

    def __attrs_post_init__(self) -> None:
        if self.timeout is not None:
            self.try_time = try_seconds(self.timeout)

    def __repr__(self) -> str:
        return f"Call({self.operation!r}, {self.method} {self.path})"


@cache
def _pattern(path: str) -> str:
    """The path template with ``%s`` for each ``{name}`` (``/outdials/%s/targets``)."""
    return re.sub(r"\{[^}]*\}", "%s", path.replace("%", "%%"))


def _misuse(op: Operation, what: str) -> TypeError:
    path = [p.name for p in op.path_params]
    query = [p.name for p in op.query_params]
    body = op.body.__name__ if op.body else None
    return TypeError(f"{op.id} takes path ids {path}, query {query} and body {body}: {what}")


def request(
    op: Operation,
    parse: Parse[T],
    timeout: TimeoutArg,
    /,
    *ids: str | UUID,
    body: Any = None,
    **query: Any,
) -> Call[T]:
    """The call of ``op``: ``ids`` (checked already) fill its path in order, ``query`` holds
    its query parameters (one ``UNSET`` or ``None`` is not sent), ``body`` its request model.

    A ``body`` model is checked first (:func:`~voipbin_outdial._args.check_body`: every text
    can be sent) and sent as its ``to_dict()``.
    """
    if len(ids) != len(op.path_params) or (body is None) != (op.body is None):
        raise _misuse(op, f"given {len(ids)} ids and body {type(body).__name__}")
    params: dict[str, Any] | None = None
    if op.query_params:
        params = {}
        for parameter in op.query_params:
            value = query.pop(parameter.name, UNSET)
            if value is not UNSET and value is not None:
                params[parameter.name] = value
    if query:
        raise _misuse(op, f"given query {sorted(query)}")
    path = _pattern(op.path) % tuple(map(str, ids)) if ids else op.path
    if body is None:
        return Call(op.id, op.method, path, parse, timeout, params=params)
    check_body(body)
    return Call(op.id, op.method, path, parse, timeout, params=params, json=body.to_dict())


def by_ids(op: Operation, parse: Parse[T], timeout: TimeoutArg, /, **ids: str | UUID) -> Call[T]:
    """The call of an operation that takes only path ids, given in the path's order.

    Each id is checked as :func:`to_id_text` does, named by its keyword in any error.
    """
    if op.body is not None or op.query_params or len(ids) != len(op.path_params):
        raise _misuse(op, f"given only the ids {list(ids)}")
    path = _pattern(op.path) % tuple(map(to_id_text, ids.values(), ids))
    return Call(op.id, op.method, path, parse, timeout)


class _Listing(Protocol[T_co]):
    @property
    def result(self) -> Sequence[T_co]: ...

    @property
    def next_page_token(self) -> str | Unset | None: ...


def _page_of(listing: _Listing[T]) -> Page[T]:
    token = listing.next_page_token
    return Page(list(listing.result), token if isinstance(token, str) and token else None)


def _to_page(from_dict: Callable[[dict[str, Any]], _Listing[T]], data: dict[str, Any]) -> Page[T]:
    listing = from_dict(data)
    if type(data["result"]) is not list:  # from_dict reads "" or {} as no items
        raise InvalidResponseError("result: expected an array")
    check_model(listing)
    return _page_of(listing)


def _fast_page(decode: Decode, body: bytes) -> Page[Any] | None:
    """The page in ``body`` if ``_wire`` reads it whole (checked as it reads: no check_model)."""
    listing = decode(body)
    return None if listing is None else _page_of(listing)


def pages(from_dict: Callable[[dict[str, Any]], _Listing[T]]) -> Parse[Page[T]]:
    """The parser of a list body: its listing model's ``from_dict``, checked (as
    ``_responses.parse_success`` checks other bodies), then a :class:`Page`."""
    return partial(_to_page, from_dict)


def page_request(
    op: Operation,
    from_dict: Callable[[dict[str, Any]], _Listing[T]],
    timeout: TimeoutArg,
    page_size: int | None,
    page_token: str | None,
    /,
    *ids: str | UUID,
) -> Call[Page[T]]:
    """The call for one page of a list operation (every ``list``): ``page_size`` checked (1 to
    100, default 100), no token on the first page, the body read by ``_wire`` (msgspec) when it
    takes it whole, else by :func:`pages`."""
    call = request(
        op,
        pages(from_dict),
        timeout,
        *ids,
        page_size=to_page_size(page_size),
        page_token=page_token or UNSET,
    )
    decode = page_decoder(op.response)
    if decode is not None:
        call.fast_parse = partial(_fast_page, decode)
    return call


def dial_info(
    source: AddressArg,
    dial_timeout: Duration,
    try_interval: Duration,
    max_try_counts: Sequence[int],
) -> dict[str, Any]:
    """An outplan's dialing settings, checked, as keyword arguments of its request models."""
    return {
        "source": to_address(source, "source"),
        "dial_timeout": to_duration_ms(dial_timeout, "dial_timeout"),
        "try_interval": to_duration_ms(try_interval, "try_interval", allow_zero=True),
        **dict(zip(MAX_TRY_COUNT_FIELDS, to_max_try_counts(max_try_counts), strict=True)),
    }
