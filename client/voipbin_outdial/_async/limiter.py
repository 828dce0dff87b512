# unasync: the source of _sync/limiter.py; edit this file, then run scripts/unasync.py
"""A client-wide rate limiter: one :class:`~voipbin_outdial._ratelimit.Bucket` behind a lock
(an :class:`~voipbin_outdial._pacing.AdaptiveBucket` for an adaptive limit).

Every request of a client (and every worker of its ``create_many``) waits on the same limiter
before it is sent, so together they keep to one rate. The time and the sleep are injectable:
``clock`` returns seconds (monotonic), ``sleep`` waits.
"""

from __future__ import annotations

import asyncio
import math
import threading
from collections.abc import Callable
from time import monotonic
from typing import Any

from .._pacing import AdaptiveBucket, AdaptiveRateLimit
from .._ratelimit import Bucket, RateLimit, to_rate_limit

__all__ = ["AsyncRateLimiter", "to_limiter"]


class AsyncRateLimiter:
    """Paces requests to ``limit``: a :class:`~voipbin_outdial.RateLimit` (or a
    ``(per_second, burst)`` pair), an :class:`~voipbin_outdial.AdaptiveRateLimit` (slower after
    each 429 :meth:`rate_limited` reports, creeping back), or ``None`` (never paces, but still
    pauses).

    Pass it as ``rate_limit=`` to several clients that share one VoIPBIN customer (an agent's
    token and an access key share the server's bucket) to pace them together.
    """

    def __init__(
        self,
        limit: RateLimit | AdaptiveRateLimit | tuple[float, int] | None,
        *,
        clock: Callable[[], float] = monotonic,
        sleep: Callable[[float], Any] = asyncio.sleep,
    ) -> None:
        self._bucket = (
            AdaptiveBucket(limit)
            if isinstance(limit, AdaptiveRateLimit)
            else Bucket(None if limit is None else to_rate_limit(limit))
        )
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()  # held only to compute, never while sleeping
        self.rate_limits = 0
        """How many 429s :meth:`rate_limited` was told of."""

    @property
    def limit(self) -> RateLimit | None:
        """The rate and burst kept to now (``None``: not paced); an adaptive limit's moves."""
        with self._lock:
            return self._bucket.limit_at(self._clock())

    @property
    def adaptive(self) -> AdaptiveRateLimit | None:
        """The adaptive limit this limiter keeps to, or ``None`` (a fixed one, or none)."""
        bucket = self._bucket
        return bucket.pace.policy if isinstance(bucket, AdaptiveBucket) else None

    @property
    def pauses(self) -> int:
        """How many times :meth:`pause` held the requests back (429s met, for one)."""
        return self._bucket.pauses

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.adaptive or self.limit!r})"

    async def acquire(self, max_wait: float = math.inf) -> float | None:
        """Wait until the next request may go (its slot is then used up); ``None``.

        A wait that would end more than ``max_wait`` seconds from now (a call's time bound) is
        not made and books nothing: the seconds it would have taken are returned instead.
        """
        start = self._clock()
        while True:
            with self._lock:
                pauses = self._bucket.pauses
                now = self._clock()
                left = max_wait - (now - start)
                delay = self._bucket.reserve(now, left)
            if delay > left:
                return now - start + delay
            if delay <= 0:
                return None
            await self._sleep(delay)
            with self._lock:
                if self._bucket.pauses == pauses:
                    return None

    def pause(self, seconds: float) -> None:
        """Hold every request back for ``seconds``, then go on at the steady rate; a request
        already waiting for its slot waits for the pause too."""
        with self._lock:
            self._bucket.pause(seconds, self._clock())

    def rate_limited(self, retry_after: float) -> None:
        """The server refused a request (429) and asked to wait ``retry_after`` seconds:
        :meth:`pause` for that long and, for an adaptive limit, go on slower."""
        with self._lock:
            self.rate_limits += 1
            self._bucket.rate_limited(retry_after, self._clock())


def to_limiter(
    value: AsyncRateLimiter | RateLimit | AdaptiveRateLimit | tuple[float, int] | None,
) -> AsyncRateLimiter | None:
    """The limiter a client's ``rate_limit=`` asks for (``None``: none)."""
    if value is None or isinstance(value, AsyncRateLimiter):
        return value
    if isinstance(value, AdaptiveRateLimit):
        return AsyncRateLimiter(value)
    return AsyncRateLimiter(to_rate_limit(value))
