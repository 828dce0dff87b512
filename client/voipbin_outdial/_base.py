"""Execute an operation call: base URL, credentials, timeout, retries and error mapping.

:class:`SenderBase` holds all of it but the request and the sleep themselves: what to send,
whether to retry and how long to wait (as ``_retry`` decides), what to return or raise. The
loop that sends is ``AsyncSender.send`` (``_async/sender.py``); the sync ``Sender`` is generated
from it. Errors are raised outside any ``except`` block, so a raw httpx exception (whose request
URL may hold the access key) is never attached as ``__context__`` or ``__cause__``.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from functools import partial
from typing import Any, Final, Generic, TypeAlias, TypeVar
from urllib.parse import quote, urlencode

import httpx

from ._calls import Call
from ._config import Settings
from ._redact import redact
from ._responses import error_from_response, parse_success
from ._retry import backoff_delay, should_retry
from .errors import ApiConnectionError, ApiTimeoutError

__all__ = ["AsyncSleep", "SenderBase", "Sleep"]

T = TypeVar("T")
H = TypeVar("H", httpx.Client, httpx.AsyncClient)
S = TypeVar("S")

Sleep: TypeAlias = Callable[[float], object]
"""Waits between retries in the sync client (``time.sleep``)."""
AsyncSleep: TypeAlias = Callable[[float], Awaitable[object]]
"""Waits between retries in the async client (``asyncio.sleep``)."""

logger: Final = logging.getLogger("voipbin_outdial")


class SenderBase(Generic[H, S]):
    """Everything about sending a call except the I/O itself.

    ``http`` is the httpx client to send through; ``sleep`` waits between retries (tests replace
    it with a recorder, so nothing really sleeps). ``defaults_set`` says that ``http`` already
    carries the credential header and the client's timeout as its own defaults (a client we
    made, :func:`~voipbin_outdial._config.http_client_for`), so requests need not pass them:
    httpx merges per-request headers and timeouts anew on every request. A caller's
    ``http_client`` gets them per request instead, and is never changed.
    """

    def __init__(self, http: H, sleep: S, settings: Settings, *, defaults_set: bool) -> None:
        self.http: H = http
        self.sleep: S = sleep
        self.base_url = settings.base_url
        self.timeout = settings.timeout
        self.max_retries = settings.max_retries
        credentials = settings.credentials
        self._auth_query = urlencode(credentials.params, quote_via=quote)
        self._defaults: dict[str, Any] = {}
        if not defaults_set:
            self._defaults = {"headers": credentials.headers or None, "timeout": self.timeout}
        self._redact = partial(redact, secrets=(credentials.secret,))

    def _prepare(self, call: Call[Any]) -> tuple[str, dict[str, Any]]:
        """The URL and httpx keyword arguments for ``call``.

        The query string is built here, credentials included, so that httpx parses each URL
        once (its URL parsing is the largest per-request cost after the network).
        """
        url = self.base_url + call.path
        query = urlencode(call.params, quote_via=quote) if call.params else ""
        if self._auth_query:
            query = f"{query}&{self._auth_query}" if query else self._auth_query
        if query:
            url = f"{url}?{query}"
        kwargs = self._defaults
        if call.json is not None or call.timeout is not None:
            kwargs = {**kwargs, "json": call.json}
            if call.timeout is not None:
                kwargs["timeout"] = call.timeout
        return url, kwargs

    def _on_exception(
        self, call: Call[Any], exc: httpx.HTTPError
    ) -> tuple[httpx.Response | None, ApiConnectionError | None]:
        """What an httpx exception means: ``(response, failure)``, one of them ``None``.

        The failure is built here but raised later, outside the ``except`` block, and its
        message is redacted: httpx's own may quote the request URL.
        """
        if isinstance(exc, httpx.HTTPStatusError):
            # An http_client event hook called raise_for_status(): httpx closed the response
            # before its body was read, so only the status and headers are left to go on.
            seen = exc.response
            return httpx.Response(seen.status_code, headers=seen.headers), None
        kind = ApiTimeoutError if isinstance(exc, httpx.TimeoutException) else ApiConnectionError
        what = "timed out" if kind is ApiTimeoutError else "got no response"
        detail = str(exc) or "no details"
        failure = kind(
            self._redact(f"{call.method} {call.path} {what} ({type(exc).__name__}: {detail})"),
            operation=call.operation,
        )
        return None, failure

    def _retry_delay(
        self,
        call: Call[Any],
        retry: int,
        response: httpx.Response | None,
        error: type[httpx.HTTPError] | None,
    ) -> float | None:
        """Seconds to wait before sending ``call`` again (``_retry`` decides), or ``None``."""
        if not should_retry(call.method, retry, self.max_retries, response, error):
            return None
        retry_after = None if response is None else response.headers.get("retry-after")
        delay = backoff_delay(retry, retry_after, now=datetime.now(UTC), jitter=random.random())
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

    def _finish(
        self, call: Call[T], response: httpx.Response | None, failure: ApiConnectionError | None
    ) -> T:
        if failure is not None:
            raise failure
        assert response is not None
        if 200 <= response.status_code < 300:
            return parse_success(call, response, self._redact)
        raise error_from_response(call, response, self._redact)
