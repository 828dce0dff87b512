"""From a response (its status, headers and the body the sender read) to a model or an
:class:`~voipbin_outdial.errors.ApiError`.

A 2xx body is parsed with the generated model's ``from_dict`` and checked by
:func:`~voipbin_outdial._schema.check_model` (types and ranges, not only presence), or, for a list
page, read by msgspec with the same checks (``_wire``; a page it does not take whole is read the
first way, so errors and unknown fields come out the same); a body that
does not fit raises :class:`ApiResponseValidationError` naming the operation and the field, never
a ``KeyError`` or a ``RecursionError`` from deep inside. An error body is VoIPBIN's
``{"error": {"status", "reason", "message", "request_id"}}``, read leniently: a proxy's HTML page,
an empty body or JSON nested too deeply still gives a useful error. Every string a server sent is
redacted before it goes into an error: one that echoes the request URL would hold the key.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any, Final, TypeVar

import httpx

from ._calls import Call
from ._pagination import Page, token_problem
from ._raw import redacted_response
from ._redact import redact
from ._retry import parse_retry_after
from ._schema import InvalidResponseError, check_model
from .errors import ApiError, ApiResponseValidationError, error_class_for_status

__all__ = ["error_from_response", "parse_success"]

T = TypeVar("T")

_SNIPPET: Final = 200


def _snippet(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _SNIPPET else text[: _SNIPPET - 3] + "..."


def _problem(exc: Exception) -> str:
    if isinstance(exc, KeyError):
        return f"the field {exc.args[0]!r} is missing"
    if isinstance(exc, InvalidResponseError):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"


def _json(body: bytes) -> Any:
    """The JSON value of ``body``; ``RecursionError`` (nesting deeper than Python's recursion
    limit) becomes a ``ValueError``."""
    try:
        return json.loads(body)
    except RecursionError:
        raise ValueError("the JSON is nested too deeply to read") from None


def parse_success(
    call: Call[T], response: httpx.Response, body: bytes
) -> T | ApiResponseValidationError:
    """The model in a 2xx response, or the :class:`ApiResponseValidationError` to raise.

    Returned, not raised: this frame holds the body, which may echo what the request carried.
    """
    try:
        # A list page that _wire reads whole was checked as it was read; else the general way.
        value = None if call.fast_parse is None else call.fast_parse(body)
        if value is None:
            data = _json(body)
            if not isinstance(data, dict):
                raise InvalidResponseError(f"expected a JSON object, got {type(data).__name__}")
            value = call.parse(data)
            if not isinstance(value, Page):  # a page's listing is checked as it is read
                check_model(value)
                return value
        problem = token_problem(value) if isinstance(value, Page) else None
        if problem is None:
            return value
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        problem = _problem(exc)
    except RecursionError:  # a value nested deeply enough to overflow a repr in from_dict
        problem = "a value is nested too deeply to read"
    request_id = response.headers.get("x-request-id")
    return ApiResponseValidationError(
        redact(f"the response does not match the {call.operation} schema: {_snippet(problem)}"),
        status_code=response.status_code,
        operation=call.operation,
        request_id=request_id and redact(request_id),
        response=redacted_response(response, body, call.operation),
    )


def _text(detail: dict[str, Any], key: str) -> str | None:
    value = detail.get(key)
    return value if isinstance(value, str) and value else None


def _redirect(response: httpx.Response) -> str:
    location = response.headers.get("location", "nowhere")
    return (
        f"the server redirected to {location}; the SDK follows no redirects "
        "(is base_url right, https included?)"
    )


def error_from_response(call: Call[Any], response: httpx.Response, body: bytes) -> ApiError:
    """The error for a response that is not 2xx, by status, with VoIPBIN's error details and
    the server's ``Retry-After`` (as ``retry_after``)."""
    try:
        data = _json(body)
    except ValueError:
        data = None
    detail = data.get("error") if isinstance(data, dict) else None
    if not isinstance(detail, dict):
        detail = {}
    message = _text(detail, "message")
    if message is None and 300 <= response.status_code < 400:
        message = _redirect(response)
    elif message is None:
        text = body.decode(response.encoding or "utf-8", errors="replace")
        message = _snippet(text) or response.reason_phrase
    status, reason = _text(detail, "status"), _text(detail, "reason")
    request_id = _text(detail, "request_id") or response.headers.get("x-request-id")
    retry_after = response.headers.get("retry-after")
    wait = None if retry_after is None else parse_retry_after(retry_after, now=datetime.now(UTC))
    cls = error_class_for_status(response.status_code)
    return cls(
        redact(message or "no details"),
        status_code=response.status_code,
        status=status and redact(status),
        reason=reason and redact(reason),
        request_id=request_id and redact(request_id),
        operation=call.operation,
        retry_after=wait,
        response=redacted_response(response, body, call.operation),
    )
