"""Responses as the server sent them: :class:`RawResponse` (``with_raw_response``), the
``.response`` of an :class:`~voipbin_outdial.errors.ApiError` (:class:`ResponseInfo`), and the
wrappers that make a resource method return a :class:`RawResponse`.

As openai-python does it: ``client.with_raw_response.outplans.get(id)`` (or
``client.outplans.with_raw_response.get(id)``) returns the status, headers, ``request_id`` and
body of the response, and :meth:`RawResponse.parse` reads the model from it. An error status
still raises. A response kept on an error is redacted (credentials in its headers and body are
replaced, as in error messages); the request, whose URL may carry the access key, is never kept.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any, Generic, ParamSpec, TypeVar, cast

import attrs
import httpx

from ._redact import redact
from .errors import ApiResponseValidationError

__all__ = ["AsyncRawMethod", "RawMethod", "RawResponse", "ResponseInfo", "redacted_response"]

T = TypeVar("T")
P = ParamSpec("P")


@attrs.frozen(repr=False)
class ResponseInfo:
    """A response: ``status_code``, ``headers`` and the body (``content`` as bytes, ``text``).

    Its repr shows the status, the request id and the body's size, not the body.
    """

    status_code: int
    headers: httpx.Headers
    content: bytes
    operation: str | None = None
    """The operationId the response answered (``"outplans_get"``)."""

    @property
    def request_id(self) -> str | None:
        """The ``X-Request-Id`` header, to quote to VoIPBIN (``None``: not sent)."""
        value = self.headers.get("x-request-id")
        return None if value is None else redact(value)

    @property
    def text(self) -> str:
        """The body decoded (the charset of its Content-Type, else UTF-8)."""
        charset = httpx.Response(self.status_code, headers=self.headers).charset_encoding
        return self.content.decode(charset or "utf-8", errors="replace")

    def json(self) -> Any:
        """The body as JSON (``ValueError`` if it is not)."""
        return json.loads(self.content)

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(status_code={self.status_code}, "
            f"request_id={self.request_id!r}, {len(self.content)} bytes)"
        )


@attrs.frozen(repr=False)
class RawResponse(ResponseInfo, Generic[T]):
    """A 2xx response returned as it came (``with_raw_response``); :meth:`parse` reads the model
    (or page) from it, as the method itself would have returned it."""

    parser: Callable[[], T | ApiResponseValidationError] = attrs.field(kw_only=True)
    """Reads the body; returns the error to raise (its frame holds the body)."""

    def parse(self) -> T:
        """The model in the body, checked against the operation's schema.

        Raises:
            ApiResponseValidationError: the body does not match the schema.
        """
        value = self.parser()
        if isinstance(value, ApiResponseValidationError):
            raise value
        return value


def redacted_response(response: httpx.Response, body: bytes, operation: str) -> ResponseInfo:
    """What an error keeps of ``response``: its status, its headers and body with every
    credential replaced (a server that echoes the request URL would show the access key)."""
    headers = httpx.Headers([(k, redact(v)) for k, v in response.headers.multi_items()])
    text = body.decode("utf-8", errors="replace")
    cleaned = redact(text)
    content = body if cleaned == text else cleaned.encode()
    return ResponseInfo(response.status_code, headers, content, operation)


class RawMethod(Generic[P, T]):
    """A resource method on a sender that returns :class:`RawResponse`: typed as such."""

    def __init__(self, method: Callable[P, T]) -> None:
        self._method = method

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> RawResponse[T]:
        return cast(RawResponse[T], self._method(*args, **kwargs))


class AsyncRawMethod(Generic[P, T]):
    """An async resource method on a sender that returns :class:`RawResponse`: typed as such."""

    def __init__(self, method: Callable[P, Awaitable[T]]) -> None:
        self._method = method

    async def __call__(self, *args: P.args, **kwargs: P.kwargs) -> RawResponse[T]:
        return cast(RawResponse[T], await self._method(*args, **kwargs))
