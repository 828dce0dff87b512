"""The mock's ASGI app (Starlette): every operation of openapi.yaml, answered as VoIPBIN answers.

The operations are served under ``/v1.0`` (the path of the SDK's default base URL
``https://api.voipbin.net/v1.0``) and, like Prism, at the root as well.

Each request goes through the steps of VoIPBIN's server, in its order (``docs/server-behaviour.md``
cites the code for each):

1. the route: a path or method the API does not have is 404 ``ROUTE_NOT_FOUND``, before any
   credential is looked at (gin's ``NoRoute``; there is no 405);
2. the credential (401) and the customer's rate limit (429), see :mod:`._gate`; then any failure
   queued with ``VoipbinMock.fail_next``;
3. the query: ``page_size``/``page_token`` given twice or a ``page_size`` that is not an
   integer, 400 ``INVALID_REQUEST_PARAMETER``;
4. the handler: a path id that is not a UUID (400 ``INVALID_ID``), the body (400
   ``INVALID_JSON_BODY`` or ``INVALID_ARGUMENT``), then, with ``strict``, the strict checks
   (:mod:`._validate`);
5. the lookup: no such resource is 404 (``OUTPLAN_NOT_FOUND``, ``OUTDIAL_NOT_FOUND``,
   ``OUTDIAL_TARGET_NOT_FOUND``), another customer's is 403 ``PERMISSION_DENIED``, a target of
   another outdial is 400 ``INVALID_ARGUMENT``. Deleted resources answer like the others.

Every answer carries ``X-Request-Id``; errors have VoIPBIN's envelope
``{"error": {"status", "reason", "message", "request_id", "details"?}}``; every success is 200.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Mapping
from typing import Any, Final, Literal, TypeAlias

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.types import Receive, Scope, Send

from . import _validate as check
from ._errors import MockApiError, internal, not_found, permission_denied
from ._gate import Accepted, Credentials, FailureQueue, RateLimiter, request_id
from ._store import MockStore, Record, ResourceNotFoundError

__all__ = ["API_PREFIX", "OPERATIONS", "create_app"]

API_PREFIX: Final = "/v1.0"
"""The path the API is served under (as well as at the root)."""

Json: TypeAlias = dict[str, Any]
_JSON_TYPE: Final = "application/json; charset=utf-8"  # gin's c.JSON
_TEXT_TYPE: Final = "text/plain; charset=utf-8"  # what Go sniffs an error body as, if unset
_NOT_FOUND: Final[Mapping[str, tuple[str, str]]] = {
    "outplan": ("OUTPLAN_NOT_FOUND", "The outplan was not found."),
    "outdial": ("OUTDIAL_NOT_FOUND", "The outdial was not found."),
    "outdialtarget": ("OUTDIAL_TARGET_NOT_FOUND", "The outdial target was not found."),
}


def render_json(
    status_code: int,
    content: Json,
    headers: Mapping[str, str] | None = None,
    media_type: str = _JSON_TYPE,
) -> Response:
    """A JSON response; strings that cannot be UTF-8 (lone surrogates) are sent \\u-escaped."""
    try:
        body = json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    except UnicodeEncodeError:
        body = json.dumps(content, separators=(",", ":")).encode("ascii")
    return Response(body, status_code, dict(headers or {}), media_type=media_type)


def error_response(error: MockApiError, rid: str) -> Response:
    """The error in VoIPBIN's envelope, with the request's id in the body and the header."""
    media_type = _TEXT_TYPE if error.plain_text else _JSON_TYPE
    headers = {**error.headers, "X-Request-Id": rid}
    return render_json(error.status_code, error.envelope(rid), headers, media_type)


class _Call:
    """One request as a handler sees it: who sent it, the store, and the parts to read."""

    __slots__ = ("customer", "request", "store", "strict")

    def __init__(self, request: Request, store: MockStore, customer: str, strict: bool) -> None:
        self.request = request
        self.store = store
        self.customer = customer
        self.strict = strict

    def id(self, name: str = "id") -> str:
        return check.path_id(self.request.path_params[name], name)

    async def body(self) -> Any:
        return check.parse_body(await self.request.body())

    def strict_body(self, schema: str, body: Any) -> None:
        if self.strict:
            check.strict_body(schema, body)

    def owned(self, kind: Literal["outplan", "outdial"], resource_id: str) -> Record:
        """The resource, deleted or not, if it is the caller's: else 404 or 403."""
        try:
            record = self.store.find(kind, resource_id)
        except ResourceNotFoundError:
            raise not_found(*_NOT_FOUND[kind]) from None
        if record["customer_id"] != self.customer:
            raise permission_denied()
        return record

    def target(self, outdial_id: str, target_id: str) -> Record:
        """A target of the caller's outdial (``OutdialtargetGet``'s checks, in its order)."""
        self.owned("outdial", outdial_id)
        try:
            record = self.store.find("outdialtarget", target_id)
        except ResourceNotFoundError:
            raise not_found(*_NOT_FOUND["outdialtarget"]) from None
        if record["outdial_id"] != outdial_id:
            raise check.InvalidRequestError("The request is invalid.")
        return record


Handler: TypeAlias = Callable[[_Call], Awaitable[Json]]


def _page(items: list[Record], next_token: str) -> Json:
    return {"result": items, "next_page_token": next_token}


# --- the operations ---------------------------------------------------------------------------
# The outplan and outdial handlers of the server (api/server/outplans.go, outdials.go) do the same
# steps for the same verbs, so their mock twins share these.


def _lister(kind: Literal["outplan", "outdial"]) -> Handler:
    async def handle(call: _Call) -> Json:
        size, token = _paging(call)
        return _page(*call.store.list_page(kind, size, token, customer_id=call.customer))

    return handle


def _getter(kind: Literal["outplan", "outdial"]) -> Handler:
    async def handle(call: _Call) -> Json:
        return call.owned(kind, call.id())

    return handle


def _updater(
    kind: Literal["outplan", "outdial"], read: Callable[[Any], Json], schema: str
) -> Handler:
    """Path id, body (the server's reading, then strict), lookup, then the update."""

    async def handle(call: _Call) -> Json:
        resource_id = call.id()
        body = await call.body()
        fields = read(body)
        call.strict_body(schema, body)
        with call.store.locked():
            call.owned(kind, resource_id)
            return call.store.update(kind, resource_id, fields, deleted=True)

    return handle


def _deleter(kind: Literal["outplan", "outdial"]) -> Handler:
    async def handle(call: _Call) -> Json:
        resource_id = call.id()
        with call.store.locked():
            call.owned(kind, resource_id)
            return call.store.delete(kind, resource_id, deleted=True)

    return handle


async def outplans_create(call: _Call) -> Json:
    body = await call.body()
    check.outplan_create(body)
    call.strict_body("outplans_create", body)
    return call.store.create_outplan(body, customer_id=call.customer)


async def outdials_create(call: _Call) -> Json:
    body = await call.body()
    check.outdial_create(body)
    call.strict_body("outdials_create", body)
    return call.store.create_outdial(body, customer_id=call.customer)


async def outdialtargets_list(call: _Call) -> Json:
    size, token = _paging(call)  # the generated wrapper binds the query before the handler
    outdial_id = call.id()
    with call.store.locked():
        call.owned("outdial", outdial_id)
        return _page(*call.store.list_targets(outdial_id, size, token))


async def outdialtargets_create(call: _Call) -> Json:
    outdial_id = call.id()
    body = await call.body()
    check.outdialtarget_create(body)
    call.strict_body("outdialtargets_create", body)
    with call.store.locked():
        call.owned("outdial", outdial_id)
        return call.store.create_target(outdial_id, body)


async def outdialtargets_get(call: _Call) -> Json:
    outdial_id, target_id = call.id(), call.id("target_id")
    return call.target(outdial_id, target_id)


async def outdialtargets_delete(call: _Call) -> Json:
    outdial_id, target_id = call.id(), call.id("target_id")
    with call.store.locked():
        call.target(outdial_id, target_id)
        return call.store.delete("outdialtarget", target_id, deleted=True)


def _paging(call: _Call) -> tuple[int, str]:
    query = call.request.query_params
    sizes, tokens = query.getlist("page_size"), query.getlist("page_token")
    size, token = check.page(sizes, tokens)
    if call.strict:
        check.strict_page(sizes)
    return size, token


OPERATIONS: Final[Mapping[str, Mapping[str, Handler]]] = {
    "/outplans": {"GET": _lister("outplan"), "POST": outplans_create},
    "/outplans/{id}": {
        "GET": _getter("outplan"),
        "PUT": _updater("outplan", check.name_detail_update, "name_detail_update"),
        "DELETE": _deleter("outplan"),
    },
    "/outplans/{id}/dial_info": {
        "PUT": _updater("outplan", check.dial_info_update, "outplans_update_dial_info"),
    },
    "/outdials": {"GET": _lister("outdial"), "POST": outdials_create},
    "/outdials/{id}": {
        "GET": _getter("outdial"),
        "PUT": _updater("outdial", check.name_detail_update, "name_detail_update"),
        "DELETE": _deleter("outdial"),
    },
    "/outdials/{id}/campaign_id": {
        "PUT": _updater("outdial", check.campaign_id_update, "outdials_update_campaign_id"),
    },
    "/outdials/{id}/data": {
        "PUT": _updater("outdial", check.data_update, "outdials_update_data"),
    },
    "/outdials/{id}/targets": {"GET": outdialtargets_list, "POST": outdialtargets_create},
    "/outdials/{id}/targets/{target_id}": {
        "GET": outdialtargets_get,
        "DELETE": outdialtargets_delete,
    },
}
"""Every operation of openapi.yaml: path -> method -> handler."""


class _Gate:
    """What every request passes before its handler (:mod:`._gate`), shared by all paths."""

    def __init__(
        self,
        store: MockStore,
        credentials: Credentials,
        rate_limiter: RateLimiter | None,
        failures: FailureQueue,
        strict: bool,
    ) -> None:
        self.store = store
        self.credentials = credentials
        self.rate_limiter = rate_limiter
        self.failures = failures
        self.strict = strict

    def admit(self, request: Request) -> _Call:
        customer = self.credentials.customer_of(request)
        if self.rate_limiter is not None:
            self.rate_limiter.admit(customer)
        self.failures.check()
        return _Call(request, self.store, customer, self.strict)


def _route_not_found() -> MockApiError:
    return not_found("ROUTE_NOT_FOUND", "The requested endpoint does not exist.")


class _Endpoint:
    """The ASGI app of one path: picks the method's handler and turns errors into responses.

    A plain ASGI callable (not a function), so Starlette routes every method here and a method
    the path lacks gets the server's 404.
    """

    def __init__(self, handlers: Mapping[str, Handler], gate: _Gate) -> None:
        self._handlers = handlers
        self._gate = gate

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive)
        response = await self._respond(request)
        await response(scope, receive, send)

    async def _respond(self, request: Request) -> Response:
        rid = request_id(request)
        handler = self._handlers.get(request.method)
        try:
            if handler is None:
                raise _route_not_found()
            result = await handler(self._gate.admit(request))
        except MockApiError as exc:
            return error_response(exc, rid)
        except ResourceNotFoundError as exc:  # pragma: no cover - the handlers look up first
            return error_response(not_found(*_NOT_FOUND[exc.kind]), rid)
        return render_json(200, result, {"X-Request-Id": rid})


async def _http_exception(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    error = _route_not_found() if exc.status_code == 404 else internal()
    return error_response(error, request_id(request))


async def _server_error(request: Request, exc: Exception) -> Response:
    return error_response(internal(), request_id(request))


def create_app(
    store: MockStore,
    *,
    tokens: Accepted = None,
    accesskeys: Accepted = None,
    strict: bool = False,
    rate_limiter: RateLimiter | None = None,
    failures: FailureQueue | None = None,
) -> Starlette:
    """The ASGI app serving ``store``.

    Args:
        store: The state to serve (shared with whoever else holds it).
        tokens: The JWTs accepted (cookie, ``?token=`` or ``Authorization: Bearer``): ``None``
            for any non-empty one, a collection, or a mapping of each to its customer's id
            (else the store's :attr:`~MockStore.customer_id`).
        accesskeys: The access keys accepted (cookie or ``?accesskey=``), the same way.
        strict: Add the strict checks of :mod:`._validate` to the server's own.
        rate_limiter: The per-customer limit (none by default).
        failures: Errors to answer the next requests with (``VoipbinMock.fail_next``).
    """
    gate = _Gate(
        store,
        Credentials(tokens, accesskeys, store.customer_id),
        rate_limiter,
        failures or FailureQueue(),
        strict,
    )
    routes: list[BaseRoute] = [
        Route(path, _Endpoint(handlers, gate)) for path, handlers in OPERATIONS.items()
    ]
    return Starlette(
        routes=[Mount(API_PREFIX, routes=routes), *routes],
        exception_handlers={HTTPException: _http_exception, 500: _server_error},
    )
