"""Execute an operation call: base URL, credentials, time bounds, retries, reading the body,
error mapping.

:class:`SenderBase` holds all of it but the I/O itself: what to send, how long each try may take,
whether to retry and how long to wait (as ``_retry`` decides), what to return or raise. The loop
and the one place where a try starts are ``AsyncSender.send`` and ``AsyncSender.attempt``
(``_async/sender.py``); the sync ``Sender`` is generated from them.

**Time.** A call may take ``timeout`` seconds per try it may make (``_retry.call_time_bound``:
one try for POST, ``1 + max_retries`` for the others), waits included; for an
:class:`httpx.Timeout`, its largest part counts. A try gets ``timeout`` or what is left of the
call's bound, whichever is less: httpx's connect, write, pool and read timeouts are set to that
when the try starts, and the body is read in chunks against the try's deadline (httpx's read
timeout is per read: a body that drips a few bytes at a time would never trip it). So a try
can run past its deadline only while one read is waiting, and by less than that read's timeout.
A wait that would end past the call's bound is not made: the last error is raised at once.
The client's rate limiter (``rate_limit=``) is waited on at the start of each try, and that wait
counts too: one that would end past the bound is not made either, and nothing is sent
(:class:`~voipbin_outdial.errors.ClientRateLimitError`, a ``RateLimitError`` whose ``wait`` is
the limiter's).

**Size.** The body is read against ``max_response_bytes`` too, decoded a bounded piece at a
time, layer by layer (``_inflate``: so a compressed body, ``gzip, gzip`` included, cannot grow
past it in memory): :class:`~voipbin_outdial.errors.ResponseTooLargeError` as soon as it is
over, without reading or decoding the rest.

**Secrets.** Errors are raised outside any ``except`` block, so a raw httpx exception (whose
request URL may hold the access key) is never attached as ``__context__`` or ``__cause__``.
The URL and headers that carry the credential exist only inside :meth:`SenderBase.prepare`,
which returns them inside a :class:`Try` whose repr leaves them out: no frame of the SDK holds
them as a local variable that a traceback with its locals (Sentry, ``pytest --showlocals``)
would print.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from functools import partial
from typing import Any, Final, Generic, TypeAlias, TypeVar, cast
from urllib.parse import quote, urlencode

import attrs
import httpx

from ._args import check_query, try_seconds
from ._calls import Call
from ._config import Settings
from ._inflate import ACCEPT_ENCODING
from ._model import attach_request_id
from ._pagination import Page
from ._raw import RawResponse, redacted_response
from ._redact import redact
from ._responses import error_from_response, parse_success
from ._retry import call_time_bound, retry_delay, should_retry
from .errors import (
    ApiConnectionError,
    ApiError,
    ApiResponseValidationError,
    ApiTimeoutError,
    ClientClosedError,
    ClientRateLimitError,
    ResponseTooLargeError,
    VoipbinError,
)

__all__ = ["AsyncSleep", "Outcome", "SenderBase", "Sleep", "Try"]

T = TypeVar("T")
H = TypeVar("H", httpx.Client, httpx.AsyncClient)
S = TypeVar("S")

Sleep: TypeAlias = Callable[[float], object]
"""Waits between retries in the sync client (``time.sleep``)."""
AsyncSleep: TypeAlias = Callable[[float], Awaitable[object]]
"""Waits between retries in the async client (``asyncio.sleep``)."""
Clock: TypeAlias = Callable[[], float]
"""Seconds on a monotonic clock (``time.monotonic``)."""

logger: Final = logging.getLogger("voipbin_outdial")

_GRACE: Final = 0.001
"""httpx's timeouts stay as configured when a try has all but this much of its time (the
first try of a call that makes only one): the try's own deadline stays exact."""


def _utc_now() -> datetime:
    return datetime.now(UTC)


class Outcome:
    """What one try came to: a ``response`` with its ``body``, or a ``failure`` to raise.

    ``error`` is the kind of httpx failure, for the retry policy. Its repr shows neither the
    body nor the request, so no frame holding it shows a credential a server echoed.
    """

    __slots__ = ("body", "error", "failure", "response")

    def __init__(
        self,
        response: httpx.Response | None = None,
        body: bytes = b"",
        failure: VoipbinError | None = None,
        error: type[httpx.HTTPError] | None = None,
    ) -> None:
        self.response = response
        self.body = body
        self.failure = failure
        self.error = error

    def __repr__(self) -> str:
        if self.response is None:
            return f"Outcome(failure={type(self.failure).__name__})"
        return f"Outcome(status={self.response.status_code}, {len(self.body)} bytes)"


class Try:
    """One try's request and deadline; its repr leaves the request (and its URL) out."""

    __slots__ = ("deadline", "request")

    def __init__(self, request: httpx.Request | None, deadline: float) -> None:
        self.request = request
        self.deadline = deadline

    def __repr__(self) -> str:
        return f"Try(deadline={self.deadline:.3f}, ready={self.request is not None})"


class SenderBase(Generic[H, S]):
    """Everything about sending a call except the I/O itself.

    ``http`` is the httpx client to send through; ``sleep`` waits between retries and ``clock``
    tells the time (tests replace both, so nothing really sleeps). ``defaults_set`` says that
    ``http`` already carries the credential header as its own default (a client we made,
    :func:`~voipbin_outdial._config.http_client_for`), so requests need not pass it. A caller's
    ``http_client`` gets it per request instead, and is never changed.
    """

    def __init__(
        self,
        http: H,
        sleep: S,
        settings: Settings,
        *,
        defaults_set: bool,
        clock: Clock = time.monotonic,
    ) -> None:
        self.http: H = http
        self.sleep: S = sleep
        self.clock = clock
        self.closed = False
        self.settings = settings
        self.defaults_set = defaults_set
        self.base_url = settings.base_url
        self.timeout = settings.timeout
        self.max_retries = settings.max_retries
        self.max_response_bytes = settings.max_response_bytes
        credentials = settings.credentials
        self._auth_query = urlencode(credentials.params, quote_via=quote)
        headers = {} if defaults_set else dict(credentials.headers)
        if http.headers.get("accept-encoding") != ACCEPT_ENCODING:  # what _inflate reads
            headers["Accept-Encoding"] = ACCEPT_ENCODING
        self._headers = headers or None
        self._try_time = try_seconds(settings.timeout)
        self._timeouts = settings.timeout.as_dict()

    def start(self, call: Call[Any]) -> float:
        """The deadline of ``call`` on :attr:`clock`; a closed client refuses it."""
        if self.closed:
            raise ClientClosedError(f"{call.operation}: this client was closed")
        check_query(call.params)  # a text over the bound is the caller's, before any request
        try_time = self._try_time if call.try_time is None else call.try_time
        return self.clock() + call_time_bound(call.method, self.max_retries, try_time)

    def _url(self, call: Call[Any]) -> str:
        """The URL of ``call``, credentials included; the query string is built here so that
        httpx parses each URL once (its URL parsing is the largest per-request cost after the
        network)."""
        url = self.base_url + call.path
        query = urlencode(call.params, quote_via=quote) if call.params else ""
        if self._auth_query:
            query = f"{query}&{self._auth_query}" if query else self._auth_query
        return f"{url}?{query}" if query else url

    def prepare(self, call: Call[Any], deadline: float) -> Try:
        """The request of one try and that try's deadline: ``timeout`` from now or the call's
        ``deadline``, whichever comes first (no request when there is no time left, or the
        ``http_client`` was closed)."""
        timeout = self.timeout if call.timeout is None else call.timeout
        try_time = self._try_time if call.try_time is None else call.try_time
        now = self.clock()
        left = min(try_time, deadline - now)
        if left <= 0 or self.http.is_closed:
            return Try(None, now + left)
        timeouts = self._timeouts if timeout is self.timeout else timeout.as_dict()
        if left < try_time - _GRACE:
            timeouts = {
                part: left if seconds is None else min(seconds, left)
                for part, seconds in timeouts.items()
            }
        request = self.http.build_request(
            call.method,
            self._url(call),
            json=call.json,
            headers=self._headers,
            extensions={"timeout": timeouts},
        )
        return Try(request, now + left)

    def unsent(self, call: Call[Any]) -> Outcome:
        """The outcome of a try :meth:`prepare` made no request for."""
        if self.http.is_closed:
            return Outcome(
                failure=ClientClosedError(f"{call.operation}: the http_client was closed")
            )
        failure = ApiTimeoutError(
            f"{call.method} {call.path}: no time was left to send it", operation=call.operation
        )
        return Outcome(failure=failure)

    def held_back(self, call: Call[Any], wait: float, deadline: float) -> Outcome:
        """The outcome of a try the client's rate limiter would hold for ``wait`` seconds,
        past the call's ``deadline``: not sent, and not retried."""
        left = max(deadline - self.clock(), 0.0)
        failure = ClientRateLimitError(
            f"{call.method} {call.path} was not sent: the client's rate_limit would hold it "
            f"{wait:.2f} s, past the call's time bound ({left:.2f} s left)",
            wait=wait,
            operation=call.operation,
        )
        return Outcome(failure=failure)

    def cut_short(self, call: Call[Any], response: httpx.Response, size: int) -> Outcome:
        """The failure of a body that ``attempt`` stopped reading after ``size`` bytes: over
        the size cap, or past the try's deadline."""
        if size > self.max_response_bytes:
            failure: ApiError = ResponseTooLargeError(
                f"{call.method} {call.path}: the response body is over max_response_bytes="
                f"{self.max_response_bytes} ({size} bytes read, and not all of it)",
                status_code=response.status_code,
                operation=call.operation,
                response=redacted_response(response, b"", call.operation),
            )
            return Outcome(failure=failure)
        failure = ApiTimeoutError(
            f"{call.method} {call.path} timed out reading the response body "
            f"({size} bytes read before the deadline)",
            status_code=response.status_code,
            operation=call.operation,
        )
        return Outcome(failure=failure, error=httpx.ReadTimeout)

    def on_exception(self, call: Call[Any], exc: httpx.HTTPError) -> Outcome:
        """What an httpx exception means: a response (a hook's ``raise_for_status``) or a
        failure, built here but raised later, outside the ``except`` block, with its message
        redacted: httpx's own may quote the request URL."""
        if isinstance(exc, httpx.HTTPStatusError):
            # An http_client event hook called raise_for_status(): httpx closed the response
            # before its body was read, so only the status and headers are left to go on.
            seen = exc.response
            return Outcome(httpx.Response(seen.status_code, headers=seen.headers))
        kind = ApiTimeoutError if isinstance(exc, httpx.TimeoutException) else ApiConnectionError
        what = "timed out" if kind is ApiTimeoutError else "got no response"
        if isinstance(exc, httpx.DecodingError):
            what = "got a body it cannot decode"
        detail = str(exc) or "no details"
        failure = kind(
            redact(f"{call.method} {call.path} {what} ({type(exc).__name__}: {detail})"),
            operation=call.operation,
        )
        return Outcome(failure=failure, error=type(exc))

    def retry_delay(
        self, call: Call[Any], retry: int, outcome: Outcome, deadline: float
    ) -> float | None:
        """Seconds to wait before sending ``call`` again (``_retry`` decides), or ``None``."""
        response = outcome.response
        if not should_retry(call.method, retry, self.max_retries, response, outcome.error):
            return None
        time_left = deadline - self.clock()
        delay = retry_delay(
            retry, response, time_left=time_left, now=_utc_now, jitter=random.random
        )
        if delay is not None:
            logger.info(
                "%s %s (%s): %s; retry %d of %d in %.2f s",
                call.method,
                call.path,
                call.operation,
                "no response" if response is None else f"HTTP {response.status_code}",
                retry + 1,
                self.max_retries,
                delay,
            )
        return delay

    def finish(self, call: Call[T], outcome: Outcome) -> T:
        """The parsed 2xx body, or the error the outcome came to (raised)."""
        response = self._success(call, outcome)
        value = parsed(call, response, outcome.body)
        if isinstance(value, ApiResponseValidationError):
            raise value
        return value

    def finish_raw(self, call: Call[T], outcome: Outcome) -> RawResponse[T]:
        """The 2xx response as it came, to be parsed when asked, or the error the outcome
        came to (raised, as :meth:`finish` does)."""
        response = self._success(call, outcome)
        return RawResponse(
            response.status_code,
            response.headers,
            outcome.body,
            call.operation,
            parser=partial(parsed, call, response, outcome.body),
        )

    def _success(self, call: Call[Any], outcome: Outcome) -> httpx.Response:
        """The outcome's 2xx response, or its failure or error status raised."""
        if outcome.failure is not None:
            raise outcome.failure
        response = outcome.response
        assert response is not None
        if logger.isEnabledFor(logging.DEBUG):
            logger.debug(
                "%s %s (%s): HTTP %d, %d bytes, request_id %s",
                call.method,
                call.path,
                call.operation,
                response.status_code,
                len(outcome.body),
                response.headers.get("x-request-id"),
            )
        if 200 <= response.status_code < 300:
            return response
        raise error_from_response(call, response, outcome.body)


def parsed(call: Call[T], response: httpx.Response, body: bytes) -> T | ApiResponseValidationError:
    """The model (or page) in a 2xx ``body``, with the response's ``request_id`` (redacted)
    kept on it, or the error to raise (returned: this frame holds the body)."""
    value = parse_success(call, response, body)
    if isinstance(value, ApiResponseValidationError):
        return value
    request_id = response.headers.get("x-request-id")
    request_id = request_id and redact(request_id)
    if isinstance(value, Page):
        return cast(T, attrs.evolve(value, request_id=request_id))
    attach_request_id(value, request_id)
    return value
