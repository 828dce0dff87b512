"""The mock's ASGI app (Starlette): every operation of openapi.yaml over a :class:`MockStore`.

The operations are served under ``/v1.0`` (the path of the SDK's default base URL
``https://api.voipbin.net/v1.0``) and, like Prism, at the root as well.

Each request goes through the same steps, in this order:

1. the method: one the path does not have answers 405 with an ``Allow`` header;
2. the credentials: an ``Authorization: Bearer <token>`` header, a ``?token=`` or an
   ``?accesskey=`` that is accepted (any non-empty value unless configured), else 401
   ``UNAUTHENTICATED``;
3. the path ids (a UUID each), the query (``page_size`` 1..100, at most one ``page_token``) and
   the body (the spec's request schema), else 400 ``INVALID_ARGUMENT``;
4. the lookup: a resource never made, deleted, or (targets) under another outdial is 404
   ``NOT_FOUND``.

Errors have VoIPBIN's shape: ``{"error": {"status", "reason", "message", "request_id"}}`` with a
fresh uuid4 ``request_id`` (also sent as the ``X-Request-Id`` header).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Awaitable, Callable, Collection, Iterable, Mapping
from typing import Any, Final, TypeAlias

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.types import Receive, Scope, Send

from . import _validate as check
from ._store import MockStore, ResourceNotFoundError
from ._validate import InvalidRequestError

__all__ = ["API_PREFIX", "create_app"]

API_PREFIX: Final = "/v1.0"
"""The path the API is served under (as well as at the root)."""

Json: TypeAlias = dict[str, Any]
Handler: TypeAlias = Callable[[Request, MockStore], Awaitable[Json]]

_STATUSES: Final[Mapping[int, tuple[str, str]]] = {
    400: ("INVALID_ARGUMENT", "BAD_REQUEST"),
    401: ("UNAUTHENTICATED", "INVALID_TOKEN"),
    403: ("PERMISSION_DENIED", "NO_PERMISSION"),
    404: ("NOT_FOUND", "RESOURCE_NOT_FOUND"),
    405: ("METHOD_NOT_ALLOWED", "METHOD_NOT_ALLOWED"),
    500: ("INTERNAL", "INTERNAL_ERROR"),
}


class _UnauthenticatedError(Exception):
    pass


def render_json(
    status_code: int, content: Json, headers: Mapping[str, str] | None = None
) -> Response:
    """A JSON response; strings that cannot be UTF-8 (lone surrogates) are sent \\u-escaped."""
    try:
        body = json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    except UnicodeEncodeError:
        body = json.dumps(content, separators=(",", ":")).encode("ascii")
    return Response(body, status_code, dict(headers or {}), media_type="application/json")


def error_response(
    status_code: int,
    message: str,
    *,
    reason: str | None = None,
    headers: Mapping[str, str] | None = None,
) -> Response:
    """A VoIPBIN-shaped error with a new ``request_id``."""
    status, default_reason = _STATUSES.get(status_code, ("UNKNOWN", "UNKNOWN"))
    request_id = str(uuid.uuid4())
    body = {
        "error": {
            "status": status,
            "reason": reason or default_reason,
            "message": message,
            "request_id": request_id,
        }
    }
    return render_json(status_code, body, {**(headers or {}), "X-Request-Id": request_id})


class _Credentials:
    """Which credentials are accepted: ``None`` means any non-empty value of that kind."""

    def __init__(self, tokens: Iterable[str] | None, accesskeys: Iterable[str] | None) -> None:
        self._tokens = None if tokens is None else frozenset(tokens)
        self._accesskeys = None if accesskeys is None else frozenset(accesskeys)

    @staticmethod
    def _ok(value: str, accepted: frozenset[str] | None) -> bool:
        return bool(value) and (accepted is None or value in accepted)

    def check(self, request: Request) -> None:
        scheme, _, value = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() == "bearer" and self._ok(value.strip(), self._tokens):
            return
        query = request.query_params
        if any(self._ok(value, self._tokens) for value in query.getlist("token")):
            return
        if any(self._ok(value, self._accesskeys) for value in query.getlist("accesskey")):
            return
        raise _UnauthenticatedError


# --- request parts ----------------------------------------------------------------------------


def _path_id(request: Request, name: str = "id") -> str:
    return check.check_uuid(request.path_params[name], f"the path's {name}")


def _paging(request: Request) -> tuple[int, str | None]:
    size = check.page_size(request.query_params.getlist("page_size"))
    tokens = request.query_params.getlist("page_token")
    if len(tokens) > 1:
        raise InvalidRequestError("page_token must be given at most once")
    return size, tokens[0] if tokens else None


async def _body(request: Request) -> Json:
    return check.parse_json_object(await request.body())


def _page(items: list[Json], next_token: str) -> Json:
    return {"result": items, "next_page_token": next_token}


# --- the operations ---------------------------------------------------------------------------


async def outplans_list(request: Request, store: MockStore) -> Json:
    return _page(*store.list_page("outplan", *_paging(request)))


async def outplans_create(request: Request, store: MockStore) -> Json:
    return store.create_outplan(await _body(request))


async def outplans_get(request: Request, store: MockStore) -> Json:
    return store.get("outplan", _path_id(request))


async def outplans_update(request: Request, store: MockStore) -> Json:
    outplan_id = _path_id(request)
    return store.update("outplan", outplan_id, check.name_detail_update(await _body(request)))


async def outplans_delete(request: Request, store: MockStore) -> Json:
    return store.delete("outplan", _path_id(request))


async def outplans_update_dial_info(request: Request, store: MockStore) -> Json:
    outplan_id = _path_id(request)
    fields = check.outplan_dial_info_update(await _body(request))
    return store.update("outplan", outplan_id, fields)


async def outdials_list(request: Request, store: MockStore) -> Json:
    return _page(*store.list_page("outdial", *_paging(request)))


async def outdials_create(request: Request, store: MockStore) -> Json:
    return store.create_outdial(await _body(request))


async def outdials_get(request: Request, store: MockStore) -> Json:
    return store.get("outdial", _path_id(request))


async def outdials_update(request: Request, store: MockStore) -> Json:
    outdial_id = _path_id(request)
    return store.update("outdial", outdial_id, check.name_detail_update(await _body(request)))


async def outdials_delete(request: Request, store: MockStore) -> Json:
    return store.delete("outdial", _path_id(request))


async def outdials_update_campaign_id(request: Request, store: MockStore) -> Json:
    outdial_id = _path_id(request)
    fields = check.outdial_campaign_id_update(await _body(request))
    return store.update("outdial", outdial_id, fields)


async def outdials_update_data(request: Request, store: MockStore) -> Json:
    outdial_id = _path_id(request)
    return store.update("outdial", outdial_id, check.outdial_data_update(await _body(request)))


async def outdialtargets_list(request: Request, store: MockStore) -> Json:
    outdial_id = _path_id(request)
    return _page(*store.list_targets(outdial_id, *_paging(request)))


async def outdialtargets_create(request: Request, store: MockStore) -> Json:
    outdial_id = _path_id(request)
    return store.create_target(outdial_id, await _body(request))


async def outdialtargets_get(request: Request, store: MockStore) -> Json:
    outdial_id, target_id = _path_id(request), _path_id(request, "target_id")
    return store.get_target(outdial_id, target_id)


async def outdialtargets_delete(request: Request, store: MockStore) -> Json:
    outdial_id, target_id = _path_id(request), _path_id(request, "target_id")
    return store.delete_target(outdial_id, target_id)


OPERATIONS: Final[Mapping[str, Mapping[str, Handler]]] = {
    "/outplans": {"GET": outplans_list, "POST": outplans_create},
    "/outplans/{id}": {"GET": outplans_get, "PUT": outplans_update, "DELETE": outplans_delete},
    "/outplans/{id}/dial_info": {"PUT": outplans_update_dial_info},
    "/outdials": {"GET": outdials_list, "POST": outdials_create},
    "/outdials/{id}": {"GET": outdials_get, "PUT": outdials_update, "DELETE": outdials_delete},
    "/outdials/{id}/campaign_id": {"PUT": outdials_update_campaign_id},
    "/outdials/{id}/data": {"PUT": outdials_update_data},
    "/outdials/{id}/targets": {"GET": outdialtargets_list, "POST": outdialtargets_create},
    "/outdials/{id}/targets/{target_id}": {
        "GET": outdialtargets_get,
        "DELETE": outdialtargets_delete,
    },
}
"""Every operation of openapi.yaml: path -> method -> handler (named by operationId)."""


class _Endpoint:
    """The ASGI app of one path: picks the method's handler and turns errors into responses.

    A plain ASGI callable (not a function), so Starlette routes every method here and the 405
    lists exactly the path's methods.
    """

    def __init__(
        self, handlers: Mapping[str, Handler], store: MockStore, credentials: _Credentials
    ) -> None:
        self._handlers = handlers
        self._store = store
        self._credentials = credentials
        self._allow = ", ".join(handlers)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive)
        response = await self._respond(request)
        await response(scope, receive, send)

    async def _respond(self, request: Request) -> Response:
        handler = self._handlers.get(request.method)
        if handler is None:
            message = f"{request.method} is not allowed here"
            return error_response(405, message, headers={"Allow": self._allow})
        try:
            self._credentials.check(request)
            return render_json(200, await handler(request, self._store))
        except _UnauthenticatedError:
            return error_response(401, "The credentials are missing or invalid.")
        except InvalidRequestError as exc:
            return error_response(400, str(exc))
        except ResourceNotFoundError as exc:
            return error_response(404, str(exc))


async def _http_exception(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    return error_response(exc.status_code, exc.detail, headers=exc.headers)


async def _server_error(request: Request, exc: Exception) -> Response:
    return error_response(500, "Something went wrong in the mock.")


def create_app(
    store: MockStore,
    *,
    tokens: Collection[str] | None = None,
    accesskeys: Collection[str] | None = None,
) -> Starlette:
    """The ASGI app serving ``store``.

    Args:
        store: The state to serve (shared with whoever else holds it).
        tokens: The JWTs accepted as ``Authorization: Bearer`` or ``?token=``; ``None``: any
            non-empty one.
        accesskeys: The keys accepted as ``?accesskey=``; ``None``: any non-empty one.
    """
    credentials = _Credentials(tokens, accesskeys)
    routes: list[BaseRoute] = [
        Route(path, _Endpoint(handlers, store, credentials))
        for path, handlers in OPERATIONS.items()
    ]
    return Starlette(
        routes=[Mount(API_PREFIX, routes=routes), *routes],
        exception_handlers={HTTPException: _http_exception, 500: _server_error},
    )
