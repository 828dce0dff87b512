"""Client-side pacing: a rate and a burst, and the pure scheduler that keeps to them.

VoIPBIN limits each customer with GCRA (``bin-api-manager/lib/middleware/customer_ratelimit.go``,
``CustomerRateLimit``, over go-redis/redis_rate's Lua script): one request every ``1 / rate``
seconds, with up to ``burst`` at once. :class:`Bucket` is the same algorithm run ahead of time on
the client: instead of refusing a request that comes too early, it says how long to wait, and
books the slot. It reads no clock and never sleeps; the limiters in ``_async/limiter.py`` (and
the generated ``_sync/limiter.py``) feed it the time and do the waiting, and for an adaptive
limit (``_pacing``) set its rate before each request.
"""

from __future__ import annotations

import math
from typing import Final

import attrs

from .errors import ArgumentTypeError, InvalidArgumentError

__all__ = ["VOIPBIN_RATE_LIMIT", "Bucket", "RateLimit", "to_rate_limit"]


# Argument errors (``param`` "rate_limit.per_second" ...), as _args raises them for the others.


def _positive_rate(instance: object, attribute: attrs.Attribute[float], value: float) -> None:
    param = "rate_limit.per_second"
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ArgumentTypeError(param, f"rate_limit: per_second must be a number, not {value!r}")
    if not (value > 0 and math.isfinite(value)):
        raise InvalidArgumentError(
            param, f"rate_limit: per_second must be a positive number, got {value!r}"
        )


def _positive_burst(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    param = "rate_limit.burst"
    if isinstance(value, bool) or not isinstance(value, int):
        raise ArgumentTypeError(param, f"rate_limit: burst must be an int, not {value!r}")
    if value < 1:
        raise InvalidArgumentError(param, f"rate_limit: burst must be at least 1, got {value}")


@attrs.frozen
class RateLimit:
    """At most ``per_second`` requests a second on average, and ``burst`` at once.

    ``RateLimit(16, burst=30)`` keeps under VoIPBIN's per-customer limit (16.7 a second, which
    its limiter rounds to 17, with a burst of 33) with room for the network's jitter and for
    other traffic of the customer; :class:`~voipbin_outdial.AdaptiveRateLimit` finds that room
    from the server's 429s instead.
    """

    per_second: float = attrs.field(validator=_positive_rate)
    burst: int = attrs.field(default=1, validator=_positive_burst)

    @property
    def interval(self) -> float:
        """Seconds between two requests at the steady rate."""
        return 1.0 / self.per_second


VOIPBIN_RATE_LIMIT: Final = RateLimit(17.0, burst=33)
"""VoIPBIN's per-customer limit as its server applies it: 16.7 rounded by Go's ``math.Round``
to 17 a second (``customer_ratelimit.go``), a burst of 33."""


def to_rate_limit(value: RateLimit | tuple[float, int]) -> RateLimit:
    """A :class:`RateLimit` from itself or a ``(per_second, burst)`` pair."""
    if isinstance(value, RateLimit):
        return value
    if isinstance(value, tuple) and len(value) == 2:
        return RateLimit(*value)
    raise ArgumentTypeError(
        "rate_limit",
        "rate_limit must be a RateLimit, an AdaptiveRateLimit, a (per_second, burst) pair or"
        f" None, not {value!r}",
    )


class Bucket:
    """GCRA scheduling ahead of time, for one bucket that any number of callers share.

    The state is the *theoretical arrival time* (``tat``): when the bucket would be empty again.
    A request may go at ``now`` if ``tat - now`` is at most ``(burst - 1) * interval`` (the
    server's test, rearranged), else at ``tat - (burst - 1) * interval``; either way it moves
    ``tat`` on by one ``interval``. :meth:`pause` holds everyone back until a time (a 429's
    ``Retry-After``) and then lets them go at the steady rate, without a burst.

    ``limit=None`` never paces; it only pauses. Not thread-safe: the limiters hold a lock.
    """

    def __init__(self, limit: RateLimit | None) -> None:
        self.limit = limit
        self._tat = -math.inf
        self._not_before = -math.inf
        self.pauses = 0
        """How many times :meth:`pause` has held the bucket back (a waiter that sees this
        change while it sleeps asks again, as its slot was given up)."""

    def reserve(self, now: float, max_wait: float = math.inf) -> float:
        """Book the next slot for a request wanting to go at ``now``; seconds to wait for it.

        A wait longer than ``max_wait`` books nothing: the request will not be sent then.
        """
        start = max(now, self._not_before)
        limit = self.limit
        if limit is None:
            return start - now
        interval = limit.interval
        tat = max(self._tat, start)
        start = max(start, tat - (limit.burst - 1) * interval)
        if start - now <= max_wait:
            self._tat = tat + interval
        return start - now

    def limit_at(self, now: float) -> RateLimit | None:
        """The rate and burst kept to at ``now`` (``None``: not paced)."""
        return self.limit

    def rate_limited(self, retry_after: float, now: float) -> None:
        """The server refused a request at ``now`` (429) and asked to wait ``retry_after``
        seconds: :meth:`pause` (an adaptive bucket also goes on slower)."""
        self.pause(retry_after, now)

    def pause(self, seconds: float, now: float) -> None:
        """Send nothing before ``now + seconds``, then only at the steady rate (no burst)."""
        until = now + max(seconds, 0.0)
        if until <= self._not_before:
            return
        self._not_before = until
        if self.limit is not None:
            self._tat = until + (self.limit.burst - 1) * self.limit.interval
        self.pauses += 1
