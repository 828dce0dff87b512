# unasync: the source of _sync/sender.py; edit this file, then run scripts/unasync.py
"""The loop that sends a call, retrying as ``_retry`` decides, and the one place where a try
starts (after the client's rate limiter) and its body is read (the rest is ``SenderBase``)."""

from __future__ import annotations

import time
from typing import Any, TypeVar

import httpx

from .._base import AsyncSleep, Clock, Outcome, SenderBase
from .._calls import Call
from .._config import Settings
from .._inflate import BodyReader
from .limiter import AsyncRateLimiter

__all__ = ["AsyncSender"]

T = TypeVar("T")


class AsyncSender(SenderBase[httpx.AsyncClient, AsyncSleep]):
    """Sends calls through an :class:`httpx.AsyncClient`."""

    def __init__(
        self,
        http: httpx.AsyncClient,
        sleep: AsyncSleep,
        settings: Settings,
        *,
        limiter: AsyncRateLimiter | None,
        defaults_set: bool,
        clock: Clock = time.monotonic,
    ) -> None:
        super().__init__(http, sleep, settings, defaults_set=defaults_set, clock=clock)
        self.limiter = limiter
        """The client's rate limiter (``rate_limit=``): every try of every call waits on it."""

    def with_settings(self, settings: Settings) -> AsyncSender:
        """A sender with other ``settings`` (timeout, max_retries) on the same httpx client,
        sleep, clock and rate limiter: ``with_options``."""
        sender = AsyncSender(
            self.http,
            self.sleep,
            settings,
            limiter=self.limiter,
            defaults_set=self.defaults_set,
            clock=self.clock,
        )
        sender.closed = self.closed
        return sender

    async def send(self, call: Call[T]) -> T:
        """The parsed 2xx body of ``call``, or the error it came to, after any retries, within
        the call's time bound."""
        return self.finish(call, await self.outcome(call))

    async def outcome(self, call: Call[Any]) -> Outcome:
        """What ``call`` came to after any retries, within the call's time bound."""
        deadline = self.start(call)
        retry = 0
        while True:
            outcome = await self.attempt(call, deadline)
            delay = self.retry_delay(call, retry, outcome, deadline)
            if delay is None:
                return outcome
            await self.sleep(delay)
            retry += 1

    async def attempt(self, call: Call[Any], deadline: float) -> Outcome:
        """One try: wait for the rate limiter within the call's time bound, send the request,
        then read the body against the try's deadline and the size cap. Never raises for what
        the network or the server does: it returns it."""
        if self.limiter is not None:
            wait = await self.limiter.acquire(deadline - self.clock())
            if wait is not None:
                return self.held_back(call, wait, deadline)
        attempt = self.prepare(call, deadline)
        if attempt.request is None:
            return self.unsent(call)
        try:
            response = await self.http.send(attempt.request, stream=True, follow_redirects=False)
        except httpx.HTTPError as exc:
            return self.on_exception(call, exc)
        try:  # raw, decoded by BodyReader a bounded piece at a time: the cap is on what we keep
            body = BodyReader(response, self.max_response_bytes, self.clock, attempt.deadline)
            read = body.add(response.content) if body.in_memory else True
            if not body.in_memory:
                async for raw in response.aiter_raw():
                    if not (read := body.add(raw)):
                        break
            if not (read and body.end()):
                return self.cut_short(call, response, body.size)
            return Outcome(response, body.body())
        except httpx.HTTPError as exc:
            return self.on_exception(call, exc)
        finally:
            await response.aclose()
