"""A request to make (a :class:`Call`), built from a generated endpoint's ``_get_kwargs``.

A resource method checks and converts its arguments, then builds its call with one of two
helpers, naming the generated endpoint module's ``_get_kwargs`` and the parser of the 2xx body:
:func:`request` asks ``_get_kwargs`` for the method, path, query and JSON body; :func:`by_ids`,
for an operation that takes only path ids (get, delete), asks it once per operation, with
placeholder ids, for the method and the path, and then only puts the ids in. The generator names
each endpoint module after its operationId, so the call's ``operation`` is that name. A sync or
an async sender (``_base``) executes the call: request building and parsing exist once.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Sequence
from datetime import timedelta
from functools import cache, partial
from typing import Any, Final, Generic, ParamSpec, Protocol, TypeAlias, TypeVar
from uuid import UUID

import attrs
import httpx

from ._args import check_body, to_address, to_duration_ms, to_id_text, to_max_try_counts, to_timeout
from ._pagination import Page
from ._params import AddressParam
from ._schema import InvalidResponseError, check_model
from ._slots import MAX_TRY_COUNT_FIELDS
from .models import Address, Unset

__all__ = [
    "AddressArg",
    "Call",
    "Duration",
    "TimeoutArg",
    "by_ids",
    "dial_info",
    "operation_id",
    "pages",
    "request",
]

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)
P = ParamSpec("P")

TimeoutArg: TypeAlias = float | httpx.Timeout | None
"""A per-call timeout in seconds (or an httpx.Timeout); ``None`` keeps the client's. It bounds
each try, and the call as the client's does (see ``_base``)."""
AddressArg: TypeAlias = Address | AddressParam
"""An address argument: an :class:`Address` or a dict (any mapping at run time)."""
Duration: TypeAlias = int | timedelta
Parse: TypeAlias = Callable[[dict[str, Any]], T]
GetKwargs: TypeAlias = Callable[..., dict[str, Any]]


@attrs.define(eq=False)
class Call(Generic[T]):
    """One request to make (method, path below the base URL, query, JSON body) and the parser of
    its 2xx body; ``operation`` is the operationId, for errors and logs. ``timeout`` is checked
    here, so every call (whichever helper builds it) gets the same check."""

    operation: str
    method: str
    path: str
    parse: Parse[T]
    timeout: httpx.Timeout | None = attrs.field(converter=to_timeout)
    params: dict[str, Any] | None = None
    json: Any = None

    def __repr__(self) -> str:
        return f"Call({self.operation!r}, {self.method} {self.path})"


@cache
def operation_id(get_kwargs: GetKwargs) -> str:
    """The operationId whose request ``get_kwargs`` builds: the name of its endpoint module."""
    return get_kwargs.__module__.rpartition(".")[2]


def request(
    get_kwargs: Callable[P, dict[str, Any]],
    parse: Parse[T],
    timeout: TimeoutArg,
    /,
    *args: P.args,
    **kwargs: P.kwargs,
) -> Call[T]:
    """The call for the request ``get_kwargs(*args, **kwargs)`` describes.

    A ``body`` model is checked first (:func:`~voipbin_outdial._args.check_body`: every text
    can be sent). Its Content-Type header is dropped: httpx sets it for ``json=`` itself.
    """
    check_body(kwargs.get("body"))
    built = get_kwargs(*args, **kwargs)
    return Call(
        operation_id(get_kwargs),
        built["method"].upper(),
        built["url"],
        parse,
        timeout,
        params=built.get("params"),
        json=built.get("json"),
    )


# Ids no real resource has: they mark where a generated _get_kwargs puts each path id.
_PLACEHOLDERS: Final = (UUID(int=0x0F1E2D3C4B5A69788796A5B4C3D2E1F0), UUID(int=0x0A1B2C3D))


@cache
def _route(get_kwargs: GetKwargs) -> tuple[str, str]:
    """The method and the path pattern (``%s`` for each id) of an operation taking only ids."""
    parameters = list(inspect.signature(get_kwargs).parameters.values())
    placeholders = _PLACEHOLDERS[: len(parameters)]
    only_ids = len(placeholders) == len(parameters) > 0 and all(
        p.kind is p.POSITIONAL_OR_KEYWORD for p in parameters
    )
    built = get_kwargs(*placeholders) if only_ids else {}
    if set(built) != {"method", "url"}:
        names = [p.name for p in parameters]
        raise TypeError(f"{operation_id(get_kwargs)} takes more than path ids: {names}")
    pattern = built["url"].replace("%", "%%")
    for placeholder in placeholders:
        if pattern.count(str(placeholder)) != 1:  # pragma: no cover - the generator's doing
            raise RuntimeError(f"{placeholder} is not once in {built['url']}")
        pattern = pattern.replace(str(placeholder), "%s")
    return built["method"].upper(), pattern


def by_ids(
    get_kwargs: GetKwargs, parse: Parse[T], timeout: TimeoutArg, /, **ids: str | UUID
) -> Call[T]:
    """The call of an operation that takes only path ids, given in the path's order.

    The same request as ``request(get_kwargs, ..., *map(UUID, ids))`` without building a
    :class:`UUID` per id or the request anew: each id is checked as :func:`to_id_text` does,
    named by its keyword in any error.
    """
    method, pattern = _route(get_kwargs)
    path = pattern % tuple(map(to_id_text, ids.values(), ids))
    return Call(operation_id(get_kwargs), method, path, parse, timeout)


class _Listing(Protocol[T_co]):
    @property
    def result(self) -> Sequence[T_co]: ...

    @property
    def next_page_token(self) -> str | Unset | None: ...


def _to_page(from_dict: Callable[[dict[str, Any]], _Listing[T]], data: dict[str, Any]) -> Page[T]:
    listing = from_dict(data)
    if type(data["result"]) is not list:  # from_dict reads "" or {} as no items
        raise InvalidResponseError("result: expected an array")
    check_model(listing)
    token = listing.next_page_token
    return Page(list(listing.result), token if isinstance(token, str) and token else None)


def pages(from_dict: Callable[[dict[str, Any]], _Listing[T]]) -> Parse[Page[T]]:
    """The parser of a list body: its listing model's ``from_dict``, checked (as
    ``_responses.parse_success`` checks other bodies), then a :class:`Page`."""
    return partial(_to_page, from_dict)


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
