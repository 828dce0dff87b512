"""The one timing helper: two sides timed side by side, alternating, median of N rounds.

A shared machine is noisy: another process takes a core for a second, the CPU clock moves. So
the two things compared (the *subject*, what we ship, and the *baseline*, the floor it is
compared with) are timed in the same run, one right after the other, and each round swaps which
goes first. A round gives one time per side and their ratio; the figures reported are the
medians over the rounds (the ratio is the median of the per-round ratios, so a slow second that
hits both sides of a round cancels out).

Garbage collection: ``gc_off=False`` (the default) is what a user's program sees; a full
collection is forced before every timed sample so each starts from the same heap, and the
collector runs normally while it is timed. ``gc_off=True`` disables it while timing, as
:mod:`timeit` does; benchmarks that use it say so and report the GC-on figure too.
"""

from __future__ import annotations

import dataclasses
import gc
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

__all__ = [
    "Clock",
    "Measure",
    "Op",
    "Pair",
    "Row",
    "compare",
    "compare_interleaved",
    "ratio_row",
    "time_once",
    "under_load",
]


Clock = Literal["wall", "cpu"]
"""Elapsed time, or this process's CPU time."""
Measure = Literal["wall", "cpu", "memory"]
"""What a row's figure was measured with: a clock, or bytes (tracemalloc, the peak RSS)."""


@dataclass(frozen=True)
class Pair:
    """The per-call times (seconds) of both sides, one per round, in round order."""

    subject: tuple[float, ...]
    baseline: tuple[float, ...]
    clock: Clock = "wall"
    """Which clock timed them (a wall-clock figure needs a quiet machine; see ``under_load``)."""

    @property
    def rounds(self) -> int:
        return len(self.subject)

    @property
    def subject_median(self) -> float:
        return statistics.median(self.subject)

    @property
    def baseline_median(self) -> float:
        return statistics.median(self.baseline)

    @property
    def ratios(self) -> tuple[float, ...]:
        return tuple(s / b for s, b in zip(self.subject, self.baseline, strict=True))

    @property
    def ratio(self) -> float:
        """subject / baseline: the median of the per-round ratios."""
        return statistics.median(self.ratios)


_CLOCKS: dict[str, Callable[[], float]] = {"wall": time.perf_counter, "cpu": time.process_time}


def time_once(
    fn: Callable[[], object], number: int = 1, *, gc_off: bool = False, clock: Clock = "wall"
) -> float:
    """Seconds per call of ``fn`` over ``number`` back-to-back calls (after a full collection)."""
    now = _CLOCKS[clock]
    gc.collect()
    was_enabled = gc.isenabled()
    if gc_off:
        gc.disable()
    try:
        start = now()
        for _ in range(number):
            fn()
        elapsed = now() - start
    finally:
        if was_enabled:
            gc.enable()
    return elapsed / number


def compare(
    subject: Callable[[], object],
    baseline: Callable[[], object],
    *,
    rounds: int,
    number: int = 1,
    warmup: int = 1,
    gc_off: bool = False,
    clock: Clock = "wall",
) -> Pair:
    """Time ``subject`` and ``baseline`` side by side: ``rounds`` rounds, alternating which
    goes first; each sample is ``number`` back-to-back calls. ``warmup`` untimed rounds first
    (imports, connection set-up, caches). ``clock="cpu"`` measures this process's CPU time
    (for code that does no I/O: time the scheduler gives to other processes on a busy
    machine is not counted); ``"wall"`` the elapsed time (for anything that waits on a
    server)."""
    if rounds < 1 or number < 1:
        raise ValueError("rounds and number must be at least 1")
    for _ in range(warmup):
        subject()
        baseline()
    subject_times: list[float] = []
    baseline_times: list[float] = []
    for r in range(rounds):
        if r % 2 == 0:
            subject_times.append(time_once(subject, number, gc_off=gc_off, clock=clock))
            baseline_times.append(time_once(baseline, number, gc_off=gc_off, clock=clock))
        else:
            baseline_times.append(time_once(baseline, number, gc_off=gc_off, clock=clock))
            subject_times.append(time_once(subject, number, gc_off=gc_off, clock=clock))
    return Pair(tuple(subject_times), tuple(baseline_times), clock)


def compare_interleaved(
    subject: Callable[[], object],
    baseline: Callable[[], object],
    *,
    rounds: int,
    number: int,
    warmup: int = 1,
) -> Pair:
    """Like :func:`compare` (wall time), but within a round the two sides take turns call by
    call (which goes first swaps every call), so a slow moment of a shared machine or of a
    server hits both alike. For calls of a millisecond or so: the clock is read around each one.
    """
    if rounds < 1 or number < 1:
        raise ValueError("rounds and number must be at least 1")
    for _ in range(warmup):
        subject()
        baseline()
    now = time.perf_counter
    subject_times: list[float] = []
    baseline_times: list[float] = []
    for r in range(rounds):
        gc.collect()
        spent = [0.0, 0.0]
        for i in range(number):
            order = (
                ((0, subject), (1, baseline)) if (r + i) % 2 == 0 else ((1, baseline), (0, subject))
            )
            for side, fn in order:
                start = now()
                fn()
                spent[side] += now() - start
        subject_times.append(spent[0] / number)
        baseline_times.append(spent[1] / number)
    return Pair(tuple(subject_times), tuple(baseline_times))


Op = Literal["<=", ">=", "<", ">", "info"]


@dataclass(frozen=True)
class Row:
    """One line of the report: a figure and the target it is held to."""

    bench: str
    name: str
    value: float
    unit: str  # "x" (a ratio), "M targets/s", "s", "µs", ...
    op: Op = "info"
    limit: float = 0.0
    rounds: int = 0
    detail: str = ""
    invalid: str = ""
    """Why the measurement does not count (a precondition failed, the timed run failed), or ""."""
    clock: Measure | None = None
    """What measured it; None for a count or a figure no clock measured. A "wall" figure is
    invalid when other processes took the cores meanwhile (``under_load``)."""

    @property
    def ok(self) -> bool | None:
        """Whether the target is met; None for a figure without a target; False for an
        invalid measurement (it meets no target)."""
        if self.invalid:
            return False
        if self.op == "info":
            return None
        return {
            "<=": self.value <= self.limit,
            ">=": self.value >= self.limit,
            "<": self.value < self.limit,
            ">": self.value > self.limit,
        }[self.op]

    @property
    def target(self) -> str:
        return "" if self.op == "info" else f"{self.op} {_fmt(self.limit)}{self.unit_suffix}"

    @property
    def figure(self) -> str:
        if self.unit == "x":  # ratios: three decimals, so 1.104x does not print as a "1.10x" miss
            return f"{self.value:.3f}x"
        return f"{_fmt(self.value)}{self.unit_suffix}"

    @property
    def unit_suffix(self) -> str:
        return "x" if self.unit == "x" else f" {self.unit}"

    @property
    def verdict(self) -> str:
        if self.invalid:
            return "invalid"
        return {None: "-", True: "pass", False: "MISS"}[self.ok]


def _fmt(value: float) -> str:
    if value >= 100:
        return f"{value:,.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def ratio_row(bench: str, name: str, pair: Pair, *, op: Op = "info", limit: float = 0.0) -> Row:
    """A row for ``pair.ratio`` with both medians (per call) in its detail."""
    larger = max(pair.subject_median, pair.baseline_median)
    factor, unit = (1.0, "s") if larger >= 1 else (1e3, "ms") if larger >= 1e-3 else (1e6, "µs")
    subject, baseline = _fmt(pair.subject_median * factor), _fmt(pair.baseline_median * factor)
    detail = (
        f"{subject} {unit} vs {baseline} {unit} per call"
        f" (per-round ratios {min(pair.ratios):.2f}..{max(pair.ratios):.2f})"
    )
    return Row(bench, name, pair.ratio, "x", op, limit, pair.rounds, detail, clock=pair.clock)


def under_load(row: Row, other_cores: float | None, most: float) -> Row:
    """``row`` as measured while other processes used ``other_cores`` cores (None: unknown).

    The load goes into the detail; a wall-clock figure taken while others used more than
    ``most`` cores is invalid (another job's second is in its time). CPU and memory figures
    stand, with the load beside them."""
    if other_cores is None:
        return row
    note = f"others used {other_cores:.2f} cores"
    detail = f"{row.detail}; {note}" if row.detail else note
    invalid = row.invalid
    if row.clock == "wall" and other_cores > most and not invalid:
        invalid = f"the machine was busy: {note} (at most {most:.2f} for a wall-clock figure)"
    return dataclasses.replace(row, detail=detail, invalid=invalid)
