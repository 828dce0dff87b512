"""``--clock wall``: the mock's clock follows real time, and its campaigns move on their own.

By default the mock's campaigns move only when its clock is moved (``VoipbinMock.advance_clock``,
``POST /_mock/clock``), which a test controls. A program that only polls the API (a service, an
MCP server, curl) needs a campaign that runs by itself: :class:`WallClock` gives the mock a "now"
that goes ``speed`` virtual seconds per real second, and :class:`Ticker` runs the campaigns up to
that "now" several times a second.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Final

__all__ = ["TICK_SECONDS", "Ticker", "WallClock"]

TICK_SECONDS: Final = 0.05
"""How often (real seconds) the campaigns are run up to the clock."""


class WallClock:
    """Real time from now on, ``speed`` times as fast (a callable for ``VoipbinMock(clock=)``)."""

    def __init__(self, speed: float = 1.0) -> None:
        if not speed > 0:
            raise ValueError(f"the clock speed must be above 0, not {speed}")
        self.speed = speed
        self._start, self._real = datetime.now(UTC), time.monotonic()

    def __call__(self) -> datetime:
        return self._start + timedelta(seconds=(time.monotonic() - self._real) * self.speed)


class Ticker:
    """Calls ``tick`` every ``interval`` real seconds on a daemon thread until :meth:`stop`."""

    def __init__(self, tick: Callable[[], object], interval: float = TICK_SECONDS) -> None:
        self._tick, self._interval = tick, interval
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._run, name="mock-clock", daemon=True)

    def start(self) -> Ticker:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopped.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stopped.wait(self._interval):
            self._tick()
