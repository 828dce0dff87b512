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
4. the operation's handler (:mod:`._operations`, one per operationId, served at the method and
   path openapi.yaml gives it): a path id that is not a UUID (400 ``INVALID_ID``), the body (400
   ``INVALID_JSON_BODY`` or ``INVALID_ARGUMENT``), then, with ``strict``, the strict checks
   (:mod:`._validate`);
5. the lookup: no such resource is 404 (``OUTPLAN_NOT_FOUND``, ``OUTDIAL_NOT_FOUND``,
   ``OUTDIAL_TARGET_NOT_FOUND``), another customer's is 403 ``PERMISSION_DENIED``, a target of
   another outdial is 400 ``INVALID_ARGUMENT``. Deleted resources answer like the others.

Every answer carries ``X-Request-Id``; errors have VoIPBIN's envelope
``{"error": {"status", "reason", "message", "request_id", "details"?}}``; every success is 200.
"""

from __future__ import annotations

import abc
import json
from collections.abc import Mapping
from typing import Any, Final, TypeAlias

import attrs
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.types import Receive, Scope, Send

from . import _campaign_ops as _campaign_ops  # registers the campaign handlers in HANDLERS
from . import _spec
from . import _validate as check
from ._errors import MockApiError, internal, not_found, permission_denied
from ._gate import Accepted, AcceptedCredentials, FailureQueue, MockRateLimiter, request_id
from ._mockstore import MockStore
from ._operations import HANDLERS
from ._store import Kind, Record, ResourceNotFoundError

__all__ = ["API_PREFIX", "AsgiEndpoint", "create_app", "error_response", "render_json", "routes"]

API_PREFIX: Final = "/v1.0"
"""The path the API is served under (as well as at the root)."""

Json: TypeAlias = dict[str, Any]
_JSON_TYPE: Final = "application/json; charset=utf-8"  # gin's c.JSON
_TEXT_TYPE: Final = "text/plain; charset=utf-8"  # what Go sniffs an error body as, if unset
_NOT_FOUND: Final[Mapping[str, tuple[str, str]]] = {
    "outplan": ("OUTPLAN_NOT_FOUND", "The outplan was not found."),
    "outdial": ("OUTDIAL_NOT_FOUND", "The outdial was not found."),
    "outdialtarget": ("OUTDIAL_TARGET_NOT_FOUND", "The outdial target was not found."),
    "campaign": ("CAMPAIGN_NOT_FOUND", "The campaign was not found."),
    "campaigncall": ("CAMPAIGNCALL_NOT_FOUND", "The campaign call was not found."),
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


@attrs.define
class _HttpCall:
    """One request as its handler sees it (an :class:`~._operations.Call`): each part read and
    checked as the server reads and checks it."""

    request: Request
    raw: bytes  # the body, parsed by fields()
    operation_id: str
    store: MockStore
    customer: str
    checks_strict: bool
    _body: Any = attrs.field(default=None, init=False)

    def id(self, name: str = "id") -> str:
        return check.path_id(self.request.path_params[name], name)

    def fields(self) -> Json:
        self._body = check.parse_body(self.raw)
        return check.bind_body(self.operation_id, self._body)

    def strict(self) -> None:
        if self.checks_strict:
            check.strict_body(self.operation_id, self._body)

    def page(self) -> tuple[int, str]:
        query = self.request.query_params
        sizes, tokens = query.getlist("page_size"), query.getlist("page_token")
        size, token = check.page(sizes, tokens)
        if self.checks_strict:
            check.strict_page(sizes)
        return size, token

    def owned(self, kind: Kind, resource_id: str) -> Record:
        record = self.store.find(kind, resource_id)  # ResourceNotFoundError: 404
        if record["customer_id"] != self.customer:
            raise permission_denied()
        return record

    def target(self, outdial_id: str, target_id: str) -> Record:
        """``OutdialtargetGet``'s checks, in its order."""
        self.owned("outdial", outdial_id)
        record = self.store.find("outdialtarget", target_id)
        if record["outdial_id"] != outdial_id:
            raise check.InvalidRequestError("The request is invalid.")
        return record


@attrs.frozen
class _Gate:
    """What every request passes before its handler (:mod:`._gate`), shared by all paths."""

    store: MockStore
    credentials: AcceptedCredentials
    rate_limiter: MockRateLimiter | None
    failures: FailureQueue
    strict: bool

    async def admit(self, request: Request, operation_id: str) -> _HttpCall:
        customer = self.credentials.customer_of(request)
        if self.rate_limiter is not None:
            self.rate_limiter.admit(customer)
        self.failures.check()
        raw = await request.body()
        return _HttpCall(request, raw, operation_id, self.store, customer, self.strict)


def _route_not_found() -> MockApiError:
    return not_found("ROUTE_NOT_FOUND", "The requested endpoint does not exist.")


class AsgiEndpoint(abc.ABC):
    """The ASGI app of one path, answering every request with :meth:`respond`.

    A plain ASGI callable (not a function, which Starlette would serve for GET only), so every
    method of the path comes here and :meth:`respond` decides what a method the path lacks gets.
    """

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = await self.respond(Request(scope, receive))
        await response(scope, receive, send)

    @abc.abstractmethod
    async def respond(self, request: Request) -> Response:
        """The answer to ``request``."""


class _Endpoint(AsgiEndpoint):
    """An API path: picks the method's operation (the server's 404 for a method the path lacks)
    and turns errors into responses."""

    def __init__(self, operations: Mapping[str, str], gate: _Gate) -> None:
        self._operations = operations  # method -> operationId
        self._gate = gate

    async def respond(self, request: Request) -> Response:
        rid = request_id(request)
        operation_id = self._operations.get(request.method)
        try:
            if operation_id is None:
                raise _route_not_found()
            call = await self._gate.admit(request, operation_id)
            result = HANDLERS[operation_id](call)
        except MockApiError as exc:
            return error_response(exc, rid)
        except ResourceNotFoundError as exc:
            return error_response(not_found(*_NOT_FOUND[exc.kind]), rid)
        return render_json(200, result, {"X-Request-Id": rid})


def routes() -> dict[str, dict[str, str]]:
    """path -> method -> operationId, for every handler, at the route openapi.yaml gives it."""
    found: dict[str, dict[str, str]] = {}
    for operation_id in HANDLERS:
        method, path = _spec.route(operation_id)
        found.setdefault(path, {})[method] = operation_id
    return found


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
    rate_limiter: MockRateLimiter | None = None,
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
        AcceptedCredentials(tokens, accesskeys, store.customer_id),
        rate_limiter,
        failures or FailureQueue(),
        strict,
    )
    served: list[BaseRoute] = [
        Route(path, _Endpoint(operations, gate)) for path, operations in routes().items()
    ]
    return Starlette(
        routes=[Mount(API_PREFIX, routes=served), *served],
        exception_handlers={HTTPException: _http_exception, 500: _server_error},
    )
