"""A clock that only moves when something sleeps on it: the limiters' and pacers' tests run on
it (``clock=fake``, ``sleep=fake.sleep`` or ``fake.asleep``), so no test waits or races."""

from __future__ import annotations


class FakeTime:
    """A clock that only moves when something sleeps on it."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds

    async def asleep(self, seconds: float) -> None:
        self.sleep(seconds)
