"""The mock's operations: one handler per operationId of openapi.yaml, the one place for each.

A handler is registered under its function's name, which is its operationId; the app serves it
at the method and path the spec gives that operation (:mod:`._spec`). It takes a :class:`Invocation`
and does what VoIPBIN's handler does, in its order (``docs/server-behaviour.md``, rule 8): the
path ids, then the body (bound as the server binds it), then the operation's own checks, then
``strict``'s checks, then the lookup, then the change; it calls the shared checks of
:mod:`._validate` and the generic store (:class:`~._store.RecordStore`). Adding an operation to
the mock is adding its handler here.

Handlers run with the store's lock held around each lookup and change they make together, so
no other request sees half of it.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Literal, Protocol, TypeAlias

import attrs

from .._slots import DESTINATION_FIELDS, MAX_TRY_COUNT_FIELDS, TRY_COUNT_FIELDS
from ..dialplan.engine import IDLE
from . import _validate as check
from ._bind import go_uuid
from ._row import TargetRow

if TYPE_CHECKING:
    from ._store import Kind, Record, RecordStore

__all__ = ["HANDLERS", "Handler", "Invocation", "apply", "operation"]

Json: TypeAlias = dict[str, Any]
Owned: TypeAlias = Literal["outplan", "outdial"]


class Invocation(Protocol):
    """One operation as a handler sees it: the store, the caller and the request's parts.

    Over HTTP (``_app``) every part is read and checked as the server does; the store's
    ``create_*`` methods apply a create operation directly, with what they were given.
    """

    @property
    def store(self) -> RecordStore: ...

    @property
    def customer(self) -> str:
        """Who calls: the owner of what the call creates."""
        ...

    def id(self, name: str = "id") -> str:
        """The path id ``name`` (400 ``INVALID_ID`` if it is not a UUID)."""
        ...

    def fields(self) -> Json:
        """The body, bound into the operation's request struct (400 ``INVALID_JSON_BODY``)."""
        ...

    def strict(self) -> None:
        """With ``strict=True``, the strict checks of the body (400 ``MOCK_STRICT_CHECK``)."""
        ...

    def page(self) -> tuple[int, str]:
        """``page_size`` and ``page_token`` (400 ``INVALID_REQUEST_PARAMETER``)."""
        ...

    def owned(self, kind: Kind, resource_id: str) -> Record:
        """The resource, deleted or not, if it is the caller's: else 404 or 403."""
        ...

    def target(self, outdial_id: str, target_id: str) -> Record:
        """A target of the caller's outdial: else 404, 403, or 400 for another outdial's."""
        ...


Handler: TypeAlias = Callable[[Invocation], Json]
HANDLERS: dict[str, Handler] = {}
"""operationId -> its handler."""


def operation(handler: Handler) -> Handler:
    """Register ``handler`` as the handler of the operationId that is its name."""
    HANDLERS[handler.__name__] = handler
    return handler


@attrs.define
class _Direct:
    """An operation applied to the store without HTTP (``MockStore.create_*``): the ids and the
    body as given, no strict checks, and what it reads is not checked for an owner."""

    operation_id: str
    store: RecordStore
    customer: str
    body: Any
    ids: Mapping[str, str]

    def id(self, name: str = "id") -> str:
        return self.ids[name]

    def fields(self) -> Json:
        return check.bind_body(self.operation_id, self.body)

    def strict(self) -> None:
        pass

    def page(self) -> tuple[int, str]:
        return check.PAGE_SIZE_MAX, ""

    def owned(self, kind: Kind, resource_id: str) -> Record:
        record = self.store.stored(kind, resource_id)
        # The record itself (a create reads its parent; a copy would cost more than the
        # create), as every kind but targets is kept as a dict; else a copy.
        return record if isinstance(record, dict) else self.store.find(kind, resource_id)

    def target(self, outdial_id: str, target_id: str) -> Record:
        return self.store.find("outdialtarget", target_id)


def apply(
    operation_id: str,
    store: RecordStore,
    body: Any = None,
    *,
    ids: Mapping[str, str] | None = None,
    customer: str | None = None,
) -> Json:
    """Run the operation's handler on ``store`` directly (see :class:`_Direct`).

    Args:
        customer: The owner of what it creates (the store's ``customer_id`` when ``None``).
    """
    owner = store.customer_id if customer is None else customer
    return HANDLERS[operation_id](_Direct(operation_id, store, owner, body, ids or {}))


def _new_id() -> str:
    return str(uuid.uuid4())


def _page(items: list[Record], next_token: str) -> Json:
    return {"result": items, "next_page_token": next_token}


def _pick(fields: Mapping[str, Any], *names: str) -> Json:
    return {name: fields[name] for name in names}


# --- what the outplan and outdial handlers share (api/server/outplans.go, outdials.go) ---------


def _list(call: Invocation, kind: Owned) -> Json:
    size, token = call.page()
    return _page(*call.store.list_page(kind, size, token, customer_id=call.customer))


def _update(call: Invocation, kind: Owned, resource_id: str, fields: Json) -> Json:
    """After the id and the body: the strict checks, the lookup, the update (deleted ones too)."""
    call.strict()
    with call.store.locked():
        call.owned(kind, resource_id)
        return call.store.update(kind, resource_id, fields, deleted=True)


def _delete(call: Invocation, kind: Owned) -> Json:
    """The id, the lookup, then ``tm_delete`` set (again, on a deleted one)."""
    resource_id = call.id()
    with call.store.locked():
        call.owned(kind, resource_id)
        return call.store.delete(kind, resource_id, deleted=True)


# --- outplans (bin-api-manager/server/outplans.go) ----------------------------------------------


@operation
def outplans_list(call: Invocation) -> Json:
    """``GetOutplans``: the caller's outplans, newest first, deleted ones included."""
    return _list(call, "outplan")


@operation
def outplans_create(call: Invocation) -> Json:
    """``PostOutplans``: every field bound, none checked."""
    fields = call.fields()
    call.strict()
    record = {
        "id": _new_id(),
        "customer_id": call.customer,
        **_pick(fields, "name", "detail", "source", "dial_timeout", "try_interval"),
        **_pick(fields, *MAX_TRY_COUNT_FIELDS),
    }
    return call.store.insert("outplan", record)


@operation
def outplans_get(call: Invocation) -> Json:
    """``GetOutplansId``: the outplan, deleted or not."""
    return call.owned("outplan", call.id())


@operation
def outplans_update(call: Invocation) -> Json:
    """``PutOutplansId``: name and detail, not checked."""
    return _update(call, "outplan", call.id(), call.fields())


@operation
def outplans_update_dial_info(call: Invocation) -> Json:
    """``PutOutplansIdDialInfo``: the dial settings, not checked."""
    return _update(call, "outplan", call.id(), call.fields())


@operation
def outplans_delete(call: Invocation) -> Json:
    """``DeleteOutplansId``: sets ``tm_delete`` (again, on a deleted one)."""
    return _delete(call, "outplan")


# --- outdials (bin-api-manager/server/outdials.go) ----------------------------------------------


@operation
def outdials_list(call: Invocation) -> Json:
    """``GetOutdials``: the caller's outdials, newest first, deleted ones included."""
    return _list(call, "outdial")


@operation
def outdials_create(call: Invocation) -> Json:
    """``PostOutdials``: campaign_id (not nil), name, detail, data not empty, in that order."""
    fields = call.fields()
    campaign_id = go_uuid(fields["campaign_id"])
    if campaign_id is None or campaign_id == check.NIL:
        raise check.InvalidRequestError("campaign_id is required.")
    check.required(fields, "name", "detail", "data")
    call.strict()
    record = {"id": _new_id(), "customer_id": call.customer, "campaign_id": campaign_id}
    return call.store.insert("outdial", record | _pick(fields, "name", "detail", "data"))


@operation
def outdials_get(call: Invocation) -> Json:
    """``GetOutdialsId``: the outdial, deleted or not."""
    return call.owned("outdial", call.id())


@operation
def outdials_update(call: Invocation) -> Json:
    """``PutOutdialsId``: name and detail, not checked."""
    return _update(call, "outdial", call.id(), call.fields())


@operation
def outdials_update_campaign_id(call: Invocation) -> Json:
    """``PutOutdialsIdCampaignId``: ``FromStringOrNil``, so text that is not a UUID detaches."""
    resource_id, fields = call.id(), call.fields()
    fields["campaign_id"] = go_uuid(fields["campaign_id"]) or check.NIL
    return _update(call, "outdial", resource_id, fields)


@operation
def outdials_update_data(call: Invocation) -> Json:
    """``PutOutdialsIdData``: data, not checked."""
    return _update(call, "outdial", call.id(), call.fields())


@operation
def outdials_delete(call: Invocation) -> Json:
    """``DeleteOutdialsId``: sets ``tm_delete`` (again, on a deleted one)."""
    return _delete(call, "outdial")


# --- outdialtargets (bin-api-manager/server/outdials.go, the /targets handlers) -----------------


@operation
def outdialtargets_list(call: Invocation) -> Json:
    """``GetOutdialsIdTargets``: the live targets, newest first (the outdial may be deleted).
    The generated wrapper binds the query before the handler reads the id."""
    size, token = call.page()
    outdial_id = call.id()
    with call.store.locked():
        call.owned("outdial", outdial_id)
        return _page(*call.store.list_targets(outdial_id, size, token))


@operation
def outdialtargets_create(call: Invocation) -> Json:
    """``PostOutdialsIdTargets``: name, detail, data not empty, then a destination with a target.

    A new target is idle and never tried (``tm_update`` = ``tm_create``); each destination is
    stored as bound: ``{}`` when it was left out, ``null`` or empty.
    """
    outdial_id, fields = call.id(), call.fields()
    check.required(fields, "name", "detail", "data")
    if not any(fields[name].get("target") for name in DESTINATION_FIELDS):
        raise check.InvalidRequestError("At least one destination_N target is required.")
    call.strict()
    with call.store.locked():
        call.owned("outdial", outdial_id)
        record = TargetRow(
            {
                "id": _new_id(),
                "outdial_id": outdial_id,
                **_pick(fields, "name", "detail", "data"),
                "status": IDLE,
                **_pick(fields, *DESTINATION_FIELDS),
                **dict.fromkeys(TRY_COUNT_FIELDS, 0),
            }
        )
        return call.store.insert("outdialtarget", record, parent=outdial_id, update_time=True)


@operation
def outdialtargets_get(call: Invocation) -> Json:
    """``GetOutdialsIdTargetsTargetId``: the target, deleted or not."""
    return call.target(call.id(), call.id("target_id"))


@operation
def outdialtargets_delete(call: Invocation) -> Json:
    """``DeleteOutdialsIdTargetsTargetId``: sets ``tm_delete`` (again, on a deleted one)."""
    outdial_id, target_id = call.id(), call.id("target_id")
    with call.store.locked():
        call.target(outdial_id, target_id)
        return call.store.delete("outdialtarget", target_id, deleted=True)
