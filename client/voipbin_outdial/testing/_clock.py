"""The mock's clock: a base clock (the wall clock, or the one given) that tests move forward,
and the timeline of the times the store hands out.

The store reads the clock for every time it hands out and never hands out a time earlier than
one it handed out before (:class:`Timeline`); moving the clock only ever adds to its offset, so
the mock's times never go back. A moved clock keeps running from where it was moved to.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Final

from ..timeutil import as_utc

__all__ = ["MockClock", "Timeline"]

_ONE_MICROSECOND: Final = timedelta(microseconds=1)


def _wall_clock() -> datetime:
    return datetime.now(UTC)


class MockClock:
    """``base() + offset``; :meth:`shift` adds to the offset (forward only).

    Args:
        base: Returns "now" (aware; naive means UTC); the wall clock by default.
    """

    def __init__(self, base: Callable[[], datetime] | None = None) -> None:
        self._base = base or _wall_clock
        self._offset = timedelta(0)
        self._lock = threading.Lock()

    def __call__(self) -> datetime:
        return as_utc(self._base(), "clock()") + self._offset

    def shift(self, by: timedelta) -> None:
        """Move the clock ``by`` forward.

        Raises:
            ValueError: ``by`` is negative.
        """
        if by < timedelta(0):
            raise ValueError(f"the mock's clock does not go back (asked to move by {by})")
        with self._lock:
            self._offset += by


class Timeline:
    """The times a store hands out, read off ``clock``: each strictly after the one before (one
    microsecond later if the clock has not moved), so no two records share a ``tm_create``, and
    never before a time it was advanced to. Not locked: its owner's lock is held around it.

    Args:
        clock: Returns "now" (aware; naive means UTC); the wall clock by default.
    """

    def __init__(self, clock: Callable[[], datetime] | None = None) -> None:
        self._clock = clock or _wall_clock
        self._last: datetime | None = None

    def _read(self) -> datetime:
        return as_utc(self._clock(), "clock()")

    def current(self) -> datetime:
        """The time now without using it up: never before the last time handed out."""
        now = self._read()
        return now if self._last is None or now > self._last else self._last

    def next(self) -> datetime:
        """A new time, strictly after every time handed out before."""
        now = self._read()
        if self._last is not None and now <= self._last:
            now = self._last + _ONE_MICROSECOND
        self._last = now
        return now

    def advance_to(self, when: datetime) -> None:
        """Hand out nothing before ``when`` from now on (no-op if already later)."""
        when = as_utc(when, "when")
        if self._last is None or when > self._last:
            self._last = when
