"""Adaptive pacing: VoIPBIN's rate until a 429 says the bucket is shared, then slower, creeping
back up (issue 26).

VoIPBIN's limit is one bucket per customer (``customer_ratelimit.go``: 16.7 a second, which
``max(int(math.Round(rps)), 1)`` makes 17, burst 33), shared by every token and access key of
the customer. A fixed pace under it wastes what the server would take when the import is alone,
and is too fast when another program spends part of the bucket. :class:`AdaptiveRateLimit` is
the policy (a value), :class:`Pace` its state over time: additive increase, multiplicative
decrease, as TCP's congestion control. A 429 means the bucket is empty: wait out its
``Retry-After``, go on at ``decrease`` times the rate of the moment, then gain
``per_second / recovery`` requests a second for every second without a 429, up to
``per_second``. :class:`AdaptiveBucket` is a GCRA :class:`~voipbin_outdial._ratelimit.Bucket`
whose rate a :class:`Pace` sets. Like the Bucket, neither reads a clock: the limiters
(``_async/limiter.py``) pass the time in, hold the lock and do the waiting.
"""

from __future__ import annotations

import math
from typing import Final

import attrs

from ._ratelimit import VOIPBIN_RATE_LIMIT, Bucket, RateLimit
from .errors import ArgumentTypeError, InvalidArgumentError

__all__ = ["JITTER_SLOTS", "VOIPBIN_PACE", "AdaptiveBucket", "AdaptiveRateLimit", "Pace"]

JITTER_SLOTS: Final = 2
"""Slots of the server's burst the default pace leaves unused, so that the network's delays may
differ by up to ``JITTER_SLOTS`` intervals (at 17 a second, 118 ms) without a 429: a request
that takes less time to reach the server than one sent before it gets there early by the
server's count. The cost: 2/17 s once, at the start."""


def _check(value: object, name: str, *, below_one: bool = False) -> None:
    """A positive, finite number (and under 1 when ``below_one``), or the argument error."""
    param = f"rate_limit.{name}"
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ArgumentTypeError(param, f"rate_limit: {name} must be a number, not {value!r}")
    if not (value > 0 and math.isfinite(value)) or (below_one and value >= 1):
        kind = "a number between 0 and 1" if below_one else "a positive number"
        raise InvalidArgumentError(param, f"rate_limit: {name} must be {kind}, got {value!r}")


def _positive(instance: object, attribute: attrs.Attribute[float], value: float) -> None:
    _check(value, attribute.name)


def _fraction(instance: object, attribute: attrs.Attribute[float], value: float) -> None:
    _check(value, attribute.name, below_one=True)


@attrs.frozen
class AdaptiveRateLimit:
    """Pace at ``per_second`` (burst ``burst``) until a 429, then slow down and creep back.

    The defaults are VoIPBIN's limit as its server applies it: 17 requests a second, and a
    burst of 33 less two slots kept for the network's jitter (the delays of requests may differ
    by up to 2/17 s without a 429). On a 429, every request waits for its ``Retry-After``, then
    the rate is ``decrease`` times what it was (not below ``min_per_second``, nor below
    ``per_second`` if that is lower) and grows back by ``per_second / recovery`` a second for
    every second without a 429: from nothing back to ``per_second`` in ``recovery`` seconds.
    The 429s of requests sent together lower it once.
    """

    per_second: float = attrs.field(default=VOIPBIN_RATE_LIMIT.per_second, validator=_positive)
    burst: int = attrs.field(default=VOIPBIN_RATE_LIMIT.burst - JITTER_SLOTS)
    decrease: float = attrs.field(default=0.5, validator=_fraction)
    recovery: float = attrs.field(default=120.0, validator=_positive)
    min_per_second: float = attrs.field(default=1.0, validator=_positive)

    def __attrs_post_init__(self) -> None:
        self.ceiling  # noqa: B018 - checks the burst as a RateLimit does

    @property
    def floor(self) -> float:
        """The slowest rate a 429 leaves: ``min_per_second``, or ``per_second`` if lower."""
        return min(self.min_per_second, self.per_second)

    @property
    def ceiling(self) -> RateLimit:
        """The fastest pace: ``per_second`` with ``burst``."""
        return RateLimit(self.per_second, burst=self.burst)

    @property
    def creep(self) -> float:
        """Requests a second the rate gains per second without a 429."""
        return self.per_second / self.recovery


VOIPBIN_PACE: Final = AdaptiveRateLimit()
"""``create_many``'s pace by default: VoIPBIN's 17 a second (burst 33 less 2), adaptive."""


class Pace:
    """The rate an :class:`AdaptiveRateLimit` keeps at each moment, and what a 429 does to it.

    The state is a rate (``_base``) and the time the creep from it begins (``_since``: when
    the last 429's pause ends). Not thread-safe: the limiters hold a lock.
    """

    def __init__(self, policy: AdaptiveRateLimit) -> None:
        self.policy = policy
        self._base = policy.per_second
        self._since = -math.inf
        self.decreases = 0
        """How many times a 429 lowered the rate."""

    def rate(self, now: float) -> float:
        """Requests a second to keep to at ``now``."""
        policy = self.policy
        gained = max(now - self._since, 0.0) * policy.creep
        return min(self._base + gained, policy.per_second)

    def limit(self, now: float) -> RateLimit:
        """The rate of ``now`` with the policy's burst (what a Bucket keeps to)."""
        return RateLimit(self.rate(now), burst=self.policy.burst)

    def rate_limited(self, now: float, retry_after: float) -> None:
        """A 429 at ``now`` asked to wait ``retry_after`` seconds: go on at ``decrease`` times
        the rate when the wait ends. A 429 that comes during that wait (a request sent with
        the one refused first) changes nothing: the rate is lowered once a pause."""
        if now < self._since:
            return
        policy = self.policy
        self._base = max(self.rate(now) * policy.decrease, policy.floor)
        self._since = now + max(retry_after, 0.0)
        self.decreases += 1


class AdaptiveBucket(Bucket):
    """A :class:`~voipbin_outdial._ratelimit.Bucket` kept to the rate of a :class:`Pace`: each
    reservation at the rate of its moment, each 429 a pause and a lower rate."""

    def __init__(self, policy: AdaptiveRateLimit) -> None:
        super().__init__(policy.ceiling)
        self.pace = Pace(policy)

    def limit_at(self, now: float) -> RateLimit:
        return self.pace.limit(now)

    def reserve(self, now: float, max_wait: float = math.inf) -> float:
        self.limit = self.pace.limit(now)
        return super().reserve(now, max_wait)

    def rate_limited(self, retry_after: float, now: float) -> None:
        self.pace.rate_limited(now, retry_after)
        self.limit = self.pace.limit(now + retry_after)  # the pause's steady rate is the new one
        super().rate_limited(retry_after, now)
