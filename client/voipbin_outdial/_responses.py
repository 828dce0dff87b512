"""From an httpx response to a model or an :class:`~voipbin_outdial.errors.ApiError`.

A 2xx body is parsed with the generated model's ``from_dict``; a body that does not fit raises
:class:`ApiResponseValidationError` naming the operation instead of a ``KeyError`` from deep inside.
An error body is VoIPBIN's ``{"error": {"status", "reason", "message", "request_id"}}``, read
leniently: a proxy's HTML page or an empty body still gives a useful error.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, Final, TypeVar

import httpx

from ._calls import Call
from ._retry import parse_retry_after
from .errors import ApiError, ApiResponseValidationError, RateLimitError, error_class_for_status

__all__ = ["error_from_response", "parse_success"]

T = TypeVar("T")
Redactor = Callable[[str], str]

_SNIPPET: Final = 200


def _snippet(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _SNIPPET else text[: _SNIPPET - 3] + "..."


def _problem(exc: Exception) -> str:
    if isinstance(exc, KeyError):
        return f"the field {exc.args[0]!r} is missing"
    return f"{type(exc).__name__}: {exc}"


def parse_success(call: Call[T], response: httpx.Response, redact: Redactor) -> T:
    """The model in a 2xx response, or :class:`ApiResponseValidationError`."""
    try:
        data = response.json()
        if isinstance(data, dict):
            return call.parse(data)
        problem = f"expected a JSON object, got {type(data).__name__}"
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        problem = _problem(exc)
    request_id = response.headers.get("x-request-id")
    # Raised outside the `except` block, so no raw exception hangs on as __context__.
    raise ApiResponseValidationError(
        redact(f"the response does not match the {call.operation} schema: {_snippet(problem)}"),
        status_code=response.status_code,
        operation=call.operation,
        request_id=request_id and redact(request_id),
    )


def _text(detail: dict[str, Any], key: str) -> str | None:
    value = detail.get(key)
    return value if isinstance(value, str) and value else None


def error_from_response(call: Call[Any], response: httpx.Response, redact: Redactor) -> ApiError:
    """The error for a response that is not 2xx, by status, with VoIPBIN's error details."""
    try:
        body = response.json()
    except ValueError:
        body = None
    detail = body.get("error") if isinstance(body, dict) else None
    if not isinstance(detail, dict):
        detail = {}
    message = _text(detail, "message") or _snippet(response.text) or response.reason_phrase
    # Every string a server sent is redacted: one that echoes the request URL would hold the key.
    status, reason = _text(detail, "status"), _text(detail, "reason")
    request_id = _text(detail, "request_id") or response.headers.get("x-request-id")
    cls = error_class_for_status(response.status_code)
    error = cls(
        redact(message or "no details"),
        status_code=response.status_code,
        status=status and redact(status),
        reason=reason and redact(reason),
        request_id=request_id and redact(request_id),
        operation=call.operation,
    )
    if isinstance(error, RateLimitError):
        now = datetime.now(UTC)
        error.retry_after = parse_retry_after(response.headers.get("retry-after"), now=now)
    return error
