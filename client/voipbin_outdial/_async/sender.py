# unasync: the source of _sync/sender.py; edit this file, then run scripts/unasync.py
"""The loop that sends a call, retrying as ``_retry`` decides (the rest is ``SenderBase``)."""

from __future__ import annotations

from typing import TypeVar

import httpx

from .._base import AsyncSleep, SenderBase
from .._calls import Call
from ..errors import ApiConnectionError
from .limiter import AsyncRateLimiter

__all__ = ["AsyncSender"]

T = TypeVar("T")


class AsyncSender(SenderBase[httpx.AsyncClient, AsyncSleep]):
    """Sends calls through an :class:`httpx.AsyncClient`."""

    limiter: AsyncRateLimiter | None = None
    """The client's rate limiter (``rate_limit=``): every try of every call waits on it."""

    async def send(self, call: Call[T]) -> T:
        """The parsed 2xx body of ``call``, or the error it came to, after any retries."""
        url, kwargs = self._prepare(call)
        retry = 0
        while True:
            response: httpx.Response | None = None
            failure: ApiConnectionError | None = None
            error: type[httpx.HTTPError] | None = None
            if self.limiter is not None:
                await self.limiter.acquire()
            try:
                response = await self.http.request(call.method, url, **kwargs)
            except httpx.HTTPError as exc:
                error = type(exc)
                response, failure = self._on_exception(call, exc)
            delay = self._retry_delay(call, retry, response, error)
            if delay is None:
                return self._finish(call, response, failure)
            await self.sleep(delay)
            retry += 1
