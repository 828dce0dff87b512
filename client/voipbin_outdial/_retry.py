"""When to retry and how long to wait: the whole retry policy, as pure functions.

Like openai-python: only requests that are safe to repeat (GET, PUT, DELETE) are retried, POST
never; on the statuses below and on the failures where the request may never have arrived; at
most ``max_retries`` times. The wait is 0.5 * 2**n seconds capped at 8 s, shortened by up to a
quarter at random, unless the server sent ``Retry-After`` (seconds or an HTTP date), which is
honoured as sent. A call has a time bound (:func:`call_time_bound`): a wait that would end past
it is not made, and the last error is raised at once (a 429's ``RateLimitError`` carrying the
server's ``retry_after``). The senders (``_base``) only apply these functions.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Final

import httpx

from .timeutil import as_utc

__all__ = [
    "DEFAULT_MAX_RETRIES",
    "INITIAL_DELAY",
    "MAX_DELAY",
    "RETRYABLE_METHODS",
    "RETRYABLE_STATUSES",
    "TRANSIENT_ERRORS",
    "backoff_delay",
    "call_time_bound",
    "parse_retry_after",
    "retry_delay",
    "should_retry",
    "tries",
]

DEFAULT_MAX_RETRIES: Final = 2
INITIAL_DELAY: Final = 0.5
MAX_DELAY: Final = 8.0
RETRYABLE_METHODS: Final = frozenset({"GET", "PUT", "DELETE"})
RETRYABLE_STATUSES: Final = frozenset({408, 429, 500, 502, 503, 504})
TRANSIENT_ERRORS: Final = (
    httpx.TimeoutException,
    httpx.NetworkError,
    httpx.RemoteProtocolError,
    httpx.ProxyError,
)
"""Failures with no response worth another try: the request may never have arrived."""


def tries(method: str, max_retries: int) -> int:
    """How many times a call may be sent: once for POST, ``1 + max_retries`` for the others."""
    return 1 + max_retries if method in RETRYABLE_METHODS else 1


def call_time_bound(method: str, max_retries: int, try_time: float) -> float:
    """The most seconds a call may take, its tries and the waits between them together: each
    try may take ``try_time`` (the timeout), so ``try_time`` times the tries it may make."""
    return try_time * tries(method, max_retries)


def should_retry(
    method: str,
    retry: int,
    max_retries: int,
    response: httpx.Response | None,
    error: type[Exception] | None = None,
) -> bool:
    """Whether to send a request again after its try number ``retry`` (0 for the first).

    The try got a ``response``, or none and raised an exception of the type ``error``.
    """
    if method not in RETRYABLE_METHODS or retry >= max_retries:
        return False
    if response is not None:
        return response.status_code in RETRYABLE_STATUSES
    return error is not None and issubclass(error, TRANSIENT_ERRORS)


def parse_retry_after(value: str | None, *, now: datetime) -> float | None:
    """Seconds to wait from a ``Retry-After`` value (delta-seconds or an HTTP date), or ``None``.

    A date in the past gives 0; an unreadable value (``NaN`` and infinities included) gives
    ``None``. ``now`` must be aware.
    """
    if value is None:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:  # a naive result ("-0000" in an HTTP date) is UTC, by RFC 5322
            when = as_utc(parsedate_to_datetime(value))
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
        seconds = (when - now).total_seconds()
    if not math.isfinite(seconds):
        return None
    return max(seconds, 0.0)


def backoff_delay(
    retry: int, retry_after: str | None = None, *, now: datetime, jitter: float = 0.0
) -> float:
    """Seconds to sleep before retry number ``retry`` (0 for the first retry).

    ``jitter`` in [0, 1) shortens the exponential delay by up to 25 % (pass ``random.random()``);
    it does not touch a ``Retry-After`` delay, which is taken as the server sent it.
    """
    server = parse_retry_after(retry_after, now=now)
    if server is not None:
        return server
    return min(INITIAL_DELAY * 2.0 ** min(retry, 16), MAX_DELAY) * (1.0 - 0.25 * jitter)


def retry_delay(
    retry: int,
    response: httpx.Response | None,
    *,
    time_left: float,
    now: Callable[[], datetime],
    jitter: Callable[[], float] = lambda: 0.0,
) -> float | None:
    """Seconds to wait before sending a request again after its try number ``retry`` that
    :func:`should_retry` says to retry (``response``: what that try got, if anything), or
    ``None`` when the wait would not end within the ``time_left`` to the call's time bound.
    ``now`` and ``jitter`` (``random.random``) are asked only here, when a retry is due."""
    retry_after = None if response is None else response.headers.get("retry-after")
    delay = backoff_delay(retry, retry_after, now=now(), jitter=jitter())
    return delay if delay < time_left else None
