"""Everything the SDK raises, under one base class.

```
VoipbinError
├── MissingCredentialsError          no token or accesskey (raised before any request)
├── InvalidRowError                  a row of create_many that cannot be sent (also a ValueError)
└── ApiError                         a call failed; any status without a class of its own
    ├── BadRequestError              400
    ├── AuthenticationError          401
    ├── PermissionDeniedError        403
    ├── NotFoundError                404
    ├── ConflictError                409
    ├── RateLimitError               429
    ├── InternalServerError          5xx
    ├── ApiResponseValidationError   a 2xx body that does not match the schema
    └── ApiConnectionError           no response (DNS, refused, reset, TLS ...)
        └── ApiTimeoutError          no response in time
```

Each :class:`ApiError` carries ``status_code`` (``None`` without a response), VoIPBIN's ``status``
and ``reason``, a ``message``, the ``request_id`` to quote to VoIPBIN, and the ``operation`` (the
operationId, such as ``"outplans_get"``). Messages never hold credentials: the SDK redacts them
before an error is built and raises without chaining httpx's own exception (whose request URL may
carry ``?accesskey=``).

Wrong arguments (a malformed id, ``dial_timeout=30``) raise the built-in ``ValueError`` or
``TypeError`` before any request.
"""

from __future__ import annotations

__all__ = [
    "ApiConnectionError",
    "ApiError",
    "ApiResponseValidationError",
    "ApiTimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "InternalServerError",
    "InvalidRowError",
    "MissingCredentialsError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "VoipbinError",
    "error_class_for_status",
]


class VoipbinError(Exception):
    """The base of every exception this SDK raises."""


class MissingCredentialsError(VoipbinError):
    """Neither ``token=`` nor ``accesskey=`` was given and neither environment variable is set."""


class InvalidRowError(VoipbinError, ValueError):
    """A row given to ``create_many`` that cannot become a target; nothing was sent for it.

    ``field`` names what is wrong (``"name"``, ``"destinations[2]"``); the message says why.
    """

    def __init__(self, message: str, *, field: str) -> None:
        super().__init__(message)
        self.field = field


class ApiError(VoipbinError):
    """A call to the API failed. Subclasses name the common statuses."""

    status_code: int | None
    status: str | None
    reason: str | None
    message: str
    request_id: str | None
    operation: str | None

    def __init__(
        self,
        message: str,
        *,
        status_code: int | None = None,
        status: str | None = None,
        reason: str | None = None,
        request_id: str | None = None,
        operation: str | None = None,
    ) -> None:
        self.message = message
        self.status_code = status_code
        self.status = status
        self.reason = reason
        self.request_id = request_id
        self.operation = operation
        super().__init__(self._describe())

    def _describe(self) -> str:
        head = self.operation or "request"
        if self.status_code is not None:
            code = " ".join(str(p) for p in (self.status_code, self.status, self.reason) if p)
            head = f"{head} failed with HTTP {code}"
        text = f"{head}: {self.message}"
        if self.request_id:
            text += f" (request_id {self.request_id})"
        return text


class BadRequestError(ApiError):
    """400: the request was malformed or a value is not allowed."""


class AuthenticationError(ApiError):
    """401: the credentials are missing or not valid."""


class PermissionDeniedError(ApiError):
    """403: the credentials are valid but may not touch this resource."""


class NotFoundError(ApiError):
    """404: no such resource for this customer."""


class ConflictError(ApiError):
    """409: the request conflicts with the resource's state."""


class RateLimitError(ApiError):
    """429: too many requests (retried for GET, PUT and DELETE before it is raised).

    ``retry_after`` holds the seconds the server's ``Retry-After`` asked to wait, if it said.
    """

    retry_after: float | None = None


class InternalServerError(ApiError):
    """Any 5xx: the server failed (500, 502, 503, 504 are retried for GET, PUT and DELETE)."""


class ApiResponseValidationError(ApiError):
    """A successful response whose body does not match the schema of its operation."""


class ApiConnectionError(ApiError):
    """No response: the connection failed (retried for GET, PUT and DELETE before it is raised)."""


class ApiTimeoutError(ApiConnectionError):
    """No response within the timeout (retried like other connection errors)."""


_BY_STATUS: dict[int, type[ApiError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    429: RateLimitError,
}


def error_class_for_status(status_code: int) -> type[ApiError]:
    """The exception class for an HTTP error status (:class:`ApiError` for the unnamed ones)."""
    if status_code >= 500:
        return InternalServerError
    return _BY_STATUS.get(status_code, ApiError)
