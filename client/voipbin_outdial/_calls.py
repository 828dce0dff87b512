"""Operation calls: what to send for each operationId, and how to read its 2xx body.

Every builder here is named after its operationId, checks and converts the caller's arguments,
and asks the generated endpoint module's ``_get_kwargs`` for the method, path, query and JSON
body (the builders for get and delete by id ask it once, at import, for the method and the path
pattern: see :func:`_by_ids`). The result is a :class:`Call`; a sync or an async sender
(``_base``) executes it, so the request building and parsing exist once for both clients.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import timedelta
from typing import Any, Final, Generic, Protocol, TypeAlias, TypeVar
from uuid import UUID

import httpx

from ._args import (
    NIL_UUID,
    to_address,
    to_campaign_id,
    to_destinations,
    to_duration_ms,
    to_id_text,
    to_max_try_counts,
    to_page_size,
    to_required_text,
    to_uuid,
)
from ._generated.api.outdial import (
    outdials_create,
    outdials_delete,
    outdials_get,
    outdials_list,
    outdials_update,
    outdials_update_campaign_id,
    outdials_update_data,
    outdialtargets_create,
    outdialtargets_delete,
    outdialtargets_get,
    outdialtargets_list,
)
from ._generated.api.outplan import (
    outplans_create,
    outplans_delete,
    outplans_get,
    outplans_list,
    outplans_update,
    outplans_update_dial_info,
)
from ._pagination import Page
from ._slots import SLOTS
from .models import (
    UNSET,
    Address,
    NameDetailUpdate,
    Outdial,
    OutdialCampaignIdUpdate,
    OutdialCreate,
    OutdialDataUpdate,
    OutdialList,
    Outdialtarget,
    OutdialtargetCreate,
    OutdialtargetList,
    Outplan,
    OutplanCreate,
    OutplanDialInfoUpdate,
    OutplanList,
    Unset,
)

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)

TimeoutArg: TypeAlias = float | httpx.Timeout | None
"""A per-call timeout in seconds (or an httpx.Timeout); ``None`` keeps the client's."""
AddressArg: TypeAlias = Address | Mapping[str, Any]
Duration: TypeAlias = int | timedelta


class Call(Generic[T]):
    """One request to make (method, path below the base URL, query, JSON body) and the parser of
    its 2xx body; :meth:`from_request` builds one from a generated ``_get_kwargs``."""

    __slots__ = ("json", "method", "operation", "params", "parse", "path", "retryable", "timeout")

    def __init__(
        self,
        operation: str,
        method: str,
        path: str,
        parse: Callable[[dict[str, Any]], T],
        timeout: TimeoutArg,
        *,
        params: dict[str, Any] | None = None,
        json: Any = None,
    ) -> None:
        self.operation = operation
        self.method = method
        self.path = path
        self.params = params
        self.json = json
        self.parse = parse
        self.timeout = timeout
        self.retryable = method != "POST"

    @classmethod
    def from_request(
        cls,
        operation: str,
        request: dict[str, Any],
        parse: Callable[[dict[str, Any]], T],
        timeout: TimeoutArg,
    ) -> Call[T]:
        """The call for the keyword arguments a generated ``_get_kwargs`` returned. They also
        carry a Content-Type header, which is dropped: httpx sets it for ``json=`` itself."""
        return cls(
            operation,
            request["method"].upper(),
            request["url"],
            parse,
            timeout,
            params=request.get("params"),
            json=request.get("json"),
        )

    def __repr__(self) -> str:
        return f"Call({self.operation!r}, {self.method} {self.path})"


class _Listing(Protocol[T_co]):
    @property
    def result(self) -> Sequence[T_co]: ...

    @property
    def next_page_token(self) -> str | Unset | None: ...


def _pages(from_dict: Callable[[Mapping[str, Any]], _Listing[T]]) -> Callable[[Any], Page[T]]:
    def parse(data: dict[str, Any]) -> Page[T]:
        listing = from_dict(data)
        token = listing.next_page_token
        return Page(list(listing.result), token if isinstance(token, str) and token else None)

    return parse


_outplan_page = _pages(OutplanList.from_dict)
_outdial_page = _pages(OutdialList.from_dict)
_outdialtarget_page = _pages(OutdialtargetList.from_dict)


# Two ids no real resource has: they mark where a generated _get_kwargs puts each path id.
_PLACEHOLDERS: Final = (UUID(int=0x0F1E2D3C4B5A69788796A5B4C3D2E1F0), UUID(int=0x0A1B2C3D))


def _by_ids(
    operation: str,
    get_kwargs: Callable[..., dict[str, Any]],
    id_names: tuple[str, ...],
    parse: Callable[[dict[str, Any]], T],
) -> Callable[[Sequence[str | UUID], TimeoutArg], Call[T]]:
    """A builder for an operation that takes only path ids (get, delete).

    The generated ``_get_kwargs`` is asked once, with placeholder ids, for the method and the
    path; each call then puts the ids into that path (no query, no body). The builder checks
    each id as :func:`to_id_text` does, naming it (``id_names``) in any error.
    """
    placeholders = _PLACEHOLDERS[: len(id_names)]
    keywords = ("id", "target_id")[: len(id_names)]
    request = get_kwargs(**dict(zip(keywords, placeholders, strict=True)))
    if set(request) != {"method", "url"}:  # pragma: no cover - a spec change would show here
        raise RuntimeError(f"{operation}: expected only a method and a path, got {request}")
    method, pattern = request["method"].upper(), request["url"].replace("%", "%%")
    for placeholder in placeholders:
        if pattern.count(str(placeholder)) != 1:  # pragma: no cover - as above
            raise RuntimeError(f"{operation}: {placeholder} is not once in {request['url']}")
        pattern = pattern.replace(str(placeholder), "%s")

    def build(ids: Sequence[str | UUID], timeout: TimeoutArg) -> Call[T]:
        texts = tuple(map(to_id_text, ids, id_names))
        return Call(operation, method, pattern % texts, parse, timeout)

    return build


def _one_by_id(
    operation: str,
    get_kwargs: Callable[..., dict[str, Any]],
    id_name: str,
    parse: Callable[[dict[str, Any]], T],
) -> Callable[[str | UUID, TimeoutArg], Call[T]]:
    """A builder for an operation on one top-level resource by its id (get, delete)."""
    build_by_ids = _by_ids(operation, get_kwargs, (id_name,), parse)

    def build(resource_id: str | UUID, timeout: TimeoutArg) -> Call[T]:
        return build_by_ids((resource_id,), timeout)

    return build


def _one_page(
    operation: str, get_kwargs: Callable[..., dict[str, Any]], parse: Callable[[Any], Page[T]]
) -> Callable[[int | None, str | None, TimeoutArg], Call[Page[T]]]:
    """A builder for a top-level list operation: page size and token."""

    def build(page_size: int | None, page_token: str | None, timeout: TimeoutArg) -> Call[Page[T]]:
        request = get_kwargs(page_size=to_page_size(page_size), page_token=page_token or UNSET)
        return Call.from_request(operation, request, parse, timeout)

    return build


def _dial_info(
    source: AddressArg,
    dial_timeout: Duration,
    try_interval: Duration,
    max_try_counts: Sequence[int],
) -> dict[str, Any]:
    c0, c1, c2, c3, c4 = to_max_try_counts(max_try_counts)
    return {
        "source": to_address(source, "source"),
        "dial_timeout": to_duration_ms(dial_timeout, "dial_timeout"),
        "try_interval": to_duration_ms(try_interval, "try_interval", allow_zero=True),
        "max_try_count_0": c0,
        "max_try_count_1": c1,
        "max_try_count_2": c2,
        "max_try_count_3": c3,
        "max_try_count_4": c4,
    }


# -- outplans ---------------------------------------------------------------------------------

outplans_list_call = _one_page("outplans_list", outplans_list._get_kwargs, _outplan_page)
outplans_get_call = _one_by_id(
    "outplans_get", outplans_get._get_kwargs, "outplan_id", Outplan.from_dict
)
outplans_delete_call = _one_by_id(
    "outplans_delete", outplans_delete._get_kwargs, "outplan_id", Outplan.from_dict
)


def outplans_create_call(
    name: str,
    detail: str,
    source: AddressArg,
    dial_timeout: Duration,
    try_interval: Duration,
    max_try_counts: Sequence[int],
    timeout: TimeoutArg,
) -> Call[Outplan]:
    info = _dial_info(source, dial_timeout, try_interval, max_try_counts)
    body = OutplanCreate(name=name, detail=detail, **info)
    return Call.from_request(
        "outplans_create", outplans_create._get_kwargs(body=body), Outplan.from_dict, timeout
    )


def outplans_update_call(
    outplan_id: str | UUID, name: str, detail: str, timeout: TimeoutArg
) -> Call[Outplan]:
    request = outplans_update._get_kwargs(
        id=to_uuid(outplan_id, "outplan_id"), body=NameDetailUpdate(name=name, detail=detail)
    )
    return Call.from_request("outplans_update", request, Outplan.from_dict, timeout)


def outplans_update_dial_info_call(
    outplan_id: str | UUID,
    source: AddressArg,
    dial_timeout: Duration,
    try_interval: Duration,
    max_try_counts: Sequence[int],
    timeout: TimeoutArg,
) -> Call[Outplan]:
    uuid = to_uuid(outplan_id, "outplan_id")
    body = OutplanDialInfoUpdate(**_dial_info(source, dial_timeout, try_interval, max_try_counts))
    request = outplans_update_dial_info._get_kwargs(id=uuid, body=body)
    return Call.from_request("outplans_update_dial_info", request, Outplan.from_dict, timeout)


# -- outdials ---------------------------------------------------------------------------------

outdials_list_call = _one_page("outdials_list", outdials_list._get_kwargs, _outdial_page)
outdials_get_call = _one_by_id(
    "outdials_get", outdials_get._get_kwargs, "outdial_id", Outdial.from_dict
)
outdials_delete_call = _one_by_id(
    "outdials_delete", outdials_delete._get_kwargs, "outdial_id", Outdial.from_dict
)


def outdials_create_call(
    name: str, detail: str, data: str, campaign_id: str | UUID, timeout: TimeoutArg
) -> Call[Outdial]:
    # Checked in the server's order (PostOutdials): campaign_id, name, detail, data.
    body = OutdialCreate(
        campaign_id=to_campaign_id(campaign_id),
        name=to_required_text(name, "name"),
        detail=to_required_text(detail, "detail"),
        data=to_required_text(data, "data"),
    )
    return Call.from_request(
        "outdials_create", outdials_create._get_kwargs(body=body), Outdial.from_dict, timeout
    )


def outdials_update_call(
    outdial_id: str | UUID, name: str, detail: str, timeout: TimeoutArg
) -> Call[Outdial]:
    request = outdials_update._get_kwargs(
        id=to_uuid(outdial_id, "outdial_id"), body=NameDetailUpdate(name=name, detail=detail)
    )
    return Call.from_request("outdials_update", request, Outdial.from_dict, timeout)


def outdials_update_campaign_id_call(
    outdial_id: str | UUID, campaign_id: str | UUID, timeout: TimeoutArg
) -> Call[Outdial]:
    uuid = to_uuid(outdial_id, "outdial_id")
    body = OutdialCampaignIdUpdate(campaign_id=to_uuid(campaign_id, "campaign_id"))
    request = outdials_update_campaign_id._get_kwargs(id=uuid, body=body)
    return Call.from_request("outdials_update_campaign_id", request, Outdial.from_dict, timeout)


def outdials_update_data_call(
    outdial_id: str | UUID, data: str, timeout: TimeoutArg
) -> Call[Outdial]:
    request = outdials_update_data._get_kwargs(
        id=to_uuid(outdial_id, "outdial_id"), body=OutdialDataUpdate(data=data)
    )
    return Call.from_request("outdials_update_data", request, Outdial.from_dict, timeout)


# -- outdialtargets ---------------------------------------------------------------------------


def outdialtargets_list_call(
    outdial_id: str | UUID, page_size: int | None, page_token: str | None, timeout: TimeoutArg
) -> Call[Page[Outdialtarget]]:
    request = outdialtargets_list._get_kwargs(
        id=to_uuid(outdial_id, "outdial_id"),
        page_size=to_page_size(page_size),
        page_token=page_token or UNSET,
    )
    return Call.from_request("outdialtargets_list", request, _outdialtarget_page, timeout)


def outdialtargets_create_call(
    outdial_id: str | UUID,
    name: str,
    detail: str,
    data: str,
    destinations: Sequence[AddressArg | None],
    timeout: TimeoutArg,
) -> Call[Outdialtarget]:
    uuid = to_uuid(outdial_id, "outdial_id")
    # Checked in the server's order (PostOutdialsIdTargets): name, detail, data, destinations.
    name = to_required_text(name, "name")
    detail = to_required_text(detail, "detail")
    data = to_required_text(data, "data")
    given = to_destinations(destinations)
    # Every slot is sent, an unused one as {}: VoIPBIN's published spec requires all five keys,
    # and the server stores {} for a slot left out or null anyway.
    d0, d1, d2, d3, d4 = (
        given[n] if n < len(given) and given[n] is not None else Address() for n in range(SLOTS)
    )
    body = OutdialtargetCreate(
        name=name,
        detail=detail,
        data=data,
        destination_0=d0,
        destination_1=d1,
        destination_2=d2,
        destination_3=d3,
        destination_4=d4,
    )
    request = outdialtargets_create._get_kwargs(id=uuid, body=body)
    return Call.from_request("outdialtargets_create", request, Outdialtarget.from_dict, timeout)


_outdialtargets_get_by_ids = _by_ids(
    "outdialtargets_get",
    outdialtargets_get._get_kwargs,
    ("outdial_id", "target_id"),
    Outdialtarget.from_dict,
)


def outdialtargets_get_call(
    outdial_id: str | UUID, target_id: str | UUID, timeout: TimeoutArg
) -> Call[Outdialtarget]:
    return _outdialtargets_get_by_ids((outdial_id, target_id), timeout)


_outdialtargets_delete_by_ids = _by_ids(
    "outdialtargets_delete",
    outdialtargets_delete._get_kwargs,
    ("outdial_id", "target_id"),
    Outdialtarget.from_dict,
)


def outdialtargets_delete_call(
    outdial_id: str | UUID, target_id: str | UUID, timeout: TimeoutArg
) -> Call[Outdialtarget]:
    return _outdialtargets_delete_by_ids((outdial_id, target_id), timeout)


__all__ = [
    "NIL_UUID",
    "AddressArg",
    "Call",
    "Duration",
    "TimeoutArg",
    "outdials_create_call",
    "outdials_delete_call",
    "outdials_get_call",
    "outdials_list_call",
    "outdials_update_call",
    "outdials_update_campaign_id_call",
    "outdials_update_data_call",
    "outdialtargets_create_call",
    "outdialtargets_delete_call",
    "outdialtargets_get_call",
    "outdialtargets_list_call",
    "outplans_create_call",
    "outplans_delete_call",
    "outplans_get_call",
    "outplans_list_call",
    "outplans_update_call",
    "outplans_update_dial_info_call",
]
