"""What every request of the API passes before its handler, as VoIPBIN's middleware does it.

``bin-api-manager/cmd/api-manager/main.go`` chains, for the ``/v1.0`` routes: ``RequestID`` (an id
for the request), ``Authenticate`` (the credential, else 401) and ``CustomerRateLimit`` (else 429).

* :func:`request_id`: the client's ``X-Request-Id`` when it is safe to echo (1 to 64 of
  ``A-Za-z0-9_-``), else ``req_`` and 26 base32 characters (``middleware/request_id.go``).
* :class:`AcceptedCredentials`: a token from the ``token`` cookie, ``?token=`` or ``Authorization``
  (``Bearer ``), looked for in that order; only without one, an access key from the
  ``accesskey`` cookie or ``?accesskey=``. No credential is 401 ``AUTHENTICATION_REQUIRED``, one
  that is not accepted 401 ``INVALID_CREDENTIALS`` (``middleware/authenticate.go``). Each
  credential belongs to a customer.
* :class:`MockRateLimiter`: per customer, GCRA with the rate rounded to whole requests per second
  and a burst; past it, 429 ``RATE_LIMIT_EXCEEDED`` with ``Retry-After`` in whole seconds
  (``middleware/customer_ratelimit.go``, with redis_rate's GCRA behind it). Off unless asked for.
"""

from __future__ import annotations

import base64
import math
import re
import secrets
import threading
import time
from collections.abc import Callable, Collection, Mapping
from typing import Final, TypeAlias

from starlette.requests import Request

from ._errors import MockApiError, internal, rate_limited, unauthenticated, unavailable

__all__ = [
    "VOIPBIN_RATE_LIMIT",
    "Accepted",
    "AcceptedCredentials",
    "FailureQueue",
    "MockRateLimiter",
    "request_id",
]

Accepted: TypeAlias = Collection[str] | Mapping[str, str] | None
"""Accepted credentials: ``None`` (any non-empty one, of the default customer), a collection
(these, of the default customer) or a mapping (credential -> its customer's id)."""

VOIPBIN_RATE_LIMIT: Final = (16.7, 33)
"""VoIPBIN's default per-customer limit: requests per second and burst (``RATE_LIMIT_CUSTOMER_V1_*``
in ``bin-api-manager/docs/operations.md``)."""

_SAFE_REQUEST_ID: Final = re.compile(r"[A-Za-z0-9_-]{1,64}")
_EPSILON: Final = 1e-9


def request_id(request: Request) -> str:
    """The request's id: the client's ``X-Request-Id`` if it is safe to echo, else a new one."""
    given = request.headers.get("x-request-id", "")
    if _SAFE_REQUEST_ID.fullmatch(given):
        return given
    return "req_" + base64.b32encode(secrets.token_bytes(16)).decode("ascii").rstrip("=")


def _first(request: Request, name: str) -> str:
    """The first value of a query parameter, as gin's ``c.Query`` reads it."""
    values = request.query_params.getlist(name)
    return values[0] if values else ""


def _bearer(header: str) -> str:
    """``strings.Split(authorization, "Bearer ")[1]``, or ``""`` when there is no such part."""
    parts = header.split("Bearer ")
    return parts[1] if len(parts) >= 2 else ""


class AcceptedCredentials:
    """Which tokens and access keys are accepted, and whose customer each one is."""

    def __init__(self, tokens: Accepted, accesskeys: Accepted, default_customer: str) -> None:
        self._tokens = self._table(tokens, default_customer)
        self._accesskeys = self._table(accesskeys, default_customer)
        self._default = default_customer

    @staticmethod
    def _table(accepted: Accepted, default_customer: str) -> Mapping[str, str] | None:
        if accepted is None:
            return None
        if isinstance(accepted, Mapping):
            return dict(accepted)
        return dict.fromkeys(accepted, default_customer)

    def _customer(self, value: str, accepted: Mapping[str, str] | None) -> str:
        if accepted is None:
            return self._default
        customer = accepted.get(value)
        if customer is None:
            raise unauthenticated("INVALID_CREDENTIALS", "The provided credentials are invalid.")
        return customer

    def customer_of(self, request: Request) -> str:
        """The customer whose credential the request carries.

        Raises:
            MockApiError: 401 ``AUTHENTICATION_REQUIRED`` or ``INVALID_CREDENTIALS``.
        """
        token = (
            request.cookies.get("token")
            or _first(request, "token")
            or _bearer(request.headers.get("authorization", ""))
        )
        if token:
            return self._customer(token, self._tokens)
        accesskey = request.cookies.get("accesskey") or _first(request, "accesskey")
        if accesskey:
            return self._customer(accesskey, self._accesskeys)
        raise unauthenticated("AUTHENTICATION_REQUIRED", "Authentication is required.")


class MockRateLimiter:
    """GCRA per customer: ``burst`` requests at once, then one per ``1 / rate`` seconds.

    Args:
        per_second: The rate; like the server, rounded to a whole number of at least 1.
            ``None``: no limit (until :meth:`set_limit` sets one).
        burst: How many requests may come at once.
        clock: Seconds, monotonic (``time.monotonic`` by default); pass your own to make a test
            that meets the limit independent of the machine's speed.
    """

    def __init__(
        self,
        per_second: float | None = VOIPBIN_RATE_LIMIT[0],
        burst: int = VOIPBIN_RATE_LIMIT[1],
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._interval: float | None = None  # seconds between requests; None: no limit
        self._per_second, self._burst = 0, 1
        self._tat: dict[str, float] = {}  # customer -> theoretical arrival time
        self.set_limit(per_second, burst)

    def set_limit(self, per_second: float | None, burst: int = VOIPBIN_RATE_LIMIT[1]) -> None:
        """Change the limit while the mock serves (``None``: none); every customer starts again
        with a full burst."""
        if burst < 1:
            raise ValueError(f"burst must be at least 1, got {burst}")
        # Go's math.Round rounds halves away from zero (16.5 -> 17); Python's round() to even.
        rate = None if per_second is None else max(math.floor(per_second + 0.5), 1)
        with self._lock:
            self._interval = None if rate is None else 1.0 / rate
            self._per_second, self._burst = rate or 0, burst
            self._tat = {}

    @property
    def limit(self) -> tuple[int, int] | None:
        """The limit in force: (requests a second, as rounded, burst), or ``None``."""
        return None if self._interval is None else (self._per_second, self._burst)

    def admit(self, customer: str) -> None:
        """Count one request of ``customer``.

        Raises:
            MockApiError: 429 ``RATE_LIMIT_EXCEEDED`` with ``Retry-After``.
        """
        if self._interval is None:
            return
        with self._lock:
            if self._interval is None:  # switched off meanwhile
                return
            now = self._clock()
            tat = max(self._tat.get(customer, now), now)
            new_tat = tat + self._interval
            allowed_at = new_tat - self._interval * self._burst
            if now < allowed_at - _EPSILON:  # sums of 1 / rate carry float rounding
                raise rate_limited(math.ceil(allowed_at - now))
            self._tat[customer] = new_tat


class FailureQueue:
    """Errors to answer the next requests with, as if a service behind the API failed."""

    _ERRORS: Final[Mapping[int, Callable[[], MockApiError]]] = {
        429: lambda: rate_limited(1),
        500: internal,
        503: unavailable,
    }

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pending: list[int] = []

    def add(self, status_code: int, times: int) -> None:
        if status_code not in self._ERRORS:
            raise ValueError(f"fail_next takes 429, 500 or 503, not {status_code!r}")
        if times < 1:
            raise ValueError(f"times must be at least 1, got {times}")
        with self._lock:
            self._pending += [status_code] * times

    @property
    def pending(self) -> list[int]:
        """The status codes still queued, next first."""
        with self._lock:
            return list(self._pending)

    def clear(self) -> None:
        """Forget every queued failure."""
        with self._lock:
            self._pending.clear()

    def check(self) -> None:
        """Raise the next queued error, if any."""
        with self._lock:
            if not self._pending:
                return
            status_code = self._pending.pop(0)
        raise self._ERRORS[status_code]()
