"""Everything the SDK raises, under one base class.

```
VoipbinError
├── MissingCredentialsError          no token or accesskey (raised before any request)
├── ArgumentError                    a wrong argument, before any request; ``param`` names it
│   ├── InvalidArgumentError         ... of the right type but not allowed (also a ValueError)
│   │   └── InvalidRowError          ... a row of create_many that cannot be sent
│   └── ArgumentTypeError            ... of the wrong type, None included (also a TypeError)
├── ClientClosedError                a call after close() (also a RuntimeError)
└── ApiError                         a call failed; any status without a class of its own
    ├── BadRequestError              400
    ├── AuthenticationError          401
    ├── PermissionDeniedError        403
    ├── NotFoundError                404
    ├── ConflictError                409
    ├── RateLimitError               429
    │   └── ClientRateLimitError     ... the client's own rate_limit: nothing sent, no status
    ├── InternalServerError          5xx
    ├── ApiResponseValidationError   a 2xx body that does not match the schema (types and ranges)
    ├── ResponseTooLargeError        a body over the client's max_response_bytes
    └── ApiConnectionError           no response (DNS, refused, reset, TLS ...)
        └── ApiTimeoutError          no (whole) response in time
```

Each :class:`ApiError` carries ``status_code`` (``None`` without a response), VoIPBIN's ``status``
and ``reason``, a ``message``, the ``request_id`` to quote to VoIPBIN, the ``operation`` (the
operationId, such as ``"outplans_get"``) and ``retry_after``: the seconds the server asked to wait
(its ``Retry-After`` header), when it sent one, and ``response``: the response it came to (status,
headers, body; ``None`` when there was none), its credentials redacted. Messages never hold
credentials: the SDK redacts them before an error is built and raises without chaining httpx's
own exception (whose request URL may carry ``?accesskey=``).

Wrong arguments (a malformed id, ``dial_timeout=30``, ``name=None``) raise an
:class:`ArgumentError` before any request: an :class:`InvalidArgumentError` is also a
``ValueError``, an :class:`ArgumentTypeError` also a ``TypeError``, so ``except ValueError`` keeps
working.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._raw import ResponseInfo

__all__ = [
    "ApiConnectionError",
    "ApiError",
    "ApiResponseValidationError",
    "ApiTimeoutError",
    "ArgumentError",
    "ArgumentTypeError",
    "AuthenticationError",
    "BadRequestError",
    "ClientClosedError",
    "ClientRateLimitError",
    "ConflictError",
    "InternalServerError",
    "InvalidArgumentError",
    "InvalidRowError",
    "MissingCredentialsError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "ResponseTooLargeError",
    "VoipbinError",
    "error_class_for_status",
]


class VoipbinError(Exception):
    """The base of every exception this SDK raises."""


class MissingCredentialsError(VoipbinError):
    """Neither ``token=`` nor ``accesskey=`` was given and neither environment variable is set."""


class ArgumentError(VoipbinError):
    """An argument is wrong; raised before any request. ``param`` names it (``"dial_timeout"``,
    ``"destinations[1]"``, ``"source.target"``)."""

    param: str

    def __init__(self, param: str, message: str) -> None:
        self.param = param
        super().__init__(message)


class InvalidArgumentError(ArgumentError, ValueError):
    """An argument of the right type whose value is not allowed (out of range, malformed)."""


class InvalidRowError(InvalidArgumentError):
    """A row given to ``create_many`` that cannot become a target; nothing was sent for it.
    ``create_many`` does not raise it: the row's result holds it (``outcome == "rejected"``).

    ``param`` names what is wrong within the row (``"name"``, ``"destinations[2]"``); ``field``
    is the same name.
    """

    @property
    def field(self) -> str:
        """The row's field that is wrong: :attr:`param`."""
        return self.param


class ArgumentTypeError(ArgumentError, TypeError):
    """An argument of the wrong type; ``None`` where a value is needed is one too."""


class ClientClosedError(VoipbinError, RuntimeError):
    """A call on a client after its ``close()`` (or on an ``http_client`` that was closed)."""


class ApiError(VoipbinError):
    """A call to the API failed. Subclasses name the common statuses."""

    status_code: int | None
    status: str | None
    reason: str | None
    message: str
    request_id: str | None
    operation: str | None
    retry_after: float | None
    response: ResponseInfo | None
    """The response (``status_code``, ``headers``, ``content``, ``text``), every credential in
    it redacted; ``None`` when there was none (no connection, the client's own rate limit)."""

    def __init__(
        self,
        message: str,
        *,
        status_code: int | None = None,
        status: str | None = None,
        reason: str | None = None,
        request_id: str | None = None,
        operation: str | None = None,
        retry_after: float | None = None,
        response: ResponseInfo | None = None,
    ) -> None:
        self.message = message
        self.response = response
        self.status_code = status_code
        self.status = status
        self.reason = reason
        self.request_id = request_id
        self.operation = operation
        self.retry_after = retry_after
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

    ``retry_after`` holds the server's ``Retry-After`` in seconds; it is raised at once when that
    wait would end after the call's time bound. The client's own limiter raises its subclass,
    :class:`ClientRateLimitError`.
    """


class ClientRateLimitError(RateLimitError):
    """The client's own ``rate_limit`` would have held the request past the call's time bound:
    nothing was sent (no ``status_code``). ``wait`` (also ``retry_after``) is the limiter's wait
    in seconds; a ``RateLimitError``, so ``except RateLimitError`` catches it too."""

    def __init__(self, message: str, *, wait: float, operation: str | None = None) -> None:
        self.wait = wait
        super().__init__(message, operation=operation, retry_after=wait)


class InternalServerError(ApiError):
    """Any 5xx: the server failed (500, 502, 503, 504 are retried for GET, PUT and DELETE)."""


class ApiResponseValidationError(ApiError):
    """A successful response whose body does not match the schema of its operation."""


class ResponseTooLargeError(ApiError):
    """A response body larger than the client's ``max_response_bytes`` (never retried)."""


class ApiConnectionError(ApiError):
    """No response: the connection failed (retried for GET, PUT and DELETE before it is raised)."""


class ApiTimeoutError(ApiConnectionError):
    """No whole response within the time left to the try (retried like other connection
    errors while the call's time bound allows)."""


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
