"""The mock's clock: a base clock (the wall clock, or the one given) that tests move forward.

The store reads it for every time it hands out and never hands out a time earlier than one it
handed out before (``MockStore.current_time``); moving the clock only ever adds to its offset,
so the mock's times never go back. A moved clock keeps running from where it was moved to.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from ..timeutil import as_utc

__all__ = ["MockClock"]


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
