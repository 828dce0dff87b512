"""The errors the mock answers with, as VoIPBIN's server builds them.

The server turns every failure into a ``VoipbinError`` (``bin-common-handler/models/errors``): a
canonical ``status`` that fixes the HTTP status (``HTTPStatusFor`` in ``rpc.go``), a specific
``reason`` and a ``message``; ``bin-api-manager/lib/apierror.EnvelopeFor`` writes it as
``{"error": {"status", "reason", "message", "request_id", "details"?}}``. :class:`MockApiError` is
that error inside the mock, and the functions below are the constructors the server's code calls
(``cerrors.InvalidArgument`` ...), so each raise site reads like the Go code it follows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Final

__all__ = [
    "HTTP_STATUS",
    "MockApiError",
    "internal",
    "invalid_argument",
    "not_found",
    "permission_denied",
    "rate_limited",
    "unauthenticated",
    "unavailable",
]

HTTP_STATUS: Final[Mapping[str, int]] = {
    "INVALID_ARGUMENT": 400,
    "UNAUTHENTICATED": 401,
    "PAYMENT_REQUIRED": 402,
    "PERMISSION_DENIED": 403,
    "NOT_FOUND": 404,
    "ALREADY_EXISTS": 409,
    "FAILED_PRECONDITION": 409,
    "RESOURCE_EXHAUSTED": 429,
    "UNAVAILABLE": 503,
    "INTERNAL": 500,
}
"""VoIPBIN's canonical status -> HTTP status (``cerrors.HTTPStatusFor``; anything else is 500)."""


class MockApiError(Exception):
    """An error response: VoIPBIN ``status`` (which fixes the HTTP status), ``reason``, ``message``.

    Args:
        status: The canonical status, such as ``"INVALID_ARGUMENT"``.
        reason: The specific cause, such as ``"INVALID_ID"``.
        message: The human-readable text.
        details: The envelope's optional ``details`` list.
        headers: Extra response headers (``Retry-After``).
        plain_text: Send the body as ``text/plain``, as the server does for ``INVALID_JSON_BODY``.
    """

    def __init__(
        self,
        status: str,
        reason: str,
        message: str,
        *,
        details: Sequence[Mapping[str, Any]] = (),
        headers: Mapping[str, str] | None = None,
        plain_text: bool = False,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.reason = reason
        self.message = message
        self.details = [dict(item) for item in details]
        self.headers = dict(headers or {})
        self.plain_text = plain_text

    @property
    def status_code(self) -> int:
        return HTTP_STATUS.get(self.status, 500)

    def envelope(self, request_id: str) -> dict[str, Any]:
        """The response body (``apierror.EnvelopeFor``): ``details`` only when there are some."""
        body: dict[str, Any] = {
            "status": self.status,
            "reason": self.reason,
            "message": self.message,
            "request_id": request_id,
        }
        if self.details:
            body["details"] = self.details
        return {"error": body}


def invalid_argument(reason: str, message: str, *, plain_text: bool = False) -> MockApiError:
    """400 ``INVALID_ARGUMENT`` (``cerrors.InvalidArgument``)."""
    return MockApiError("INVALID_ARGUMENT", reason, message, plain_text=plain_text)


def unauthenticated(reason: str, message: str) -> MockApiError:
    """401 ``UNAUTHENTICATED`` (``middleware.abortUnauthenticated``)."""
    return MockApiError("UNAUTHENTICATED", reason, message)


def permission_denied() -> MockApiError:
    """403, as ``translateToVoipbinError`` words ``serviceerrors.ErrPermissionDenied``."""
    return MockApiError(
        "PERMISSION_DENIED",
        "PERMISSION_DENIED",
        "You do not have permission to access this resource.",
    )


def not_found(reason: str, message: str) -> MockApiError:
    """404 ``NOT_FOUND`` (``cerrors.NotFound``)."""
    return MockApiError("NOT_FOUND", reason, message)


def rate_limited(retry_after: int) -> MockApiError:
    """429, as ``middleware.CustomerRateLimit`` answers it, with ``Retry-After`` in seconds."""
    return MockApiError(
        "RESOURCE_EXHAUSTED",
        "RATE_LIMIT_EXCEEDED",
        "Too many requests. Please try again later.",
        details=[{"limited_by": "customer"}],
        headers={"Retry-After": str(retry_after)},
    )


def internal() -> MockApiError:
    """500, as ``translateToVoipbinError`` words a failure it does not know."""
    return MockApiError("INTERNAL", "INTERNAL", "An internal error occurred.")


def unavailable() -> MockApiError:
    """503, as ``translateToVoipbinError`` words a service behind the API not answering."""
    return MockApiError(
        "UNAVAILABLE", "SERVICE_UNAVAILABLE", "An upstream service is temporarily unavailable."
    )
