"""Was the machine ours while a benchmark ran? The CPU that other processes used, measured.

A wall-clock figure (a round trip to the mock server, a paced import) counts only if nothing
else took the cores meanwhile: on this shared 2-core VM another job doubles a request's time.
So every benchmark runs inside :class:`OtherLoad`, which reads the kernel's busy time of every
core (``/proc/stat``) and the CPU time of this process and of all its descendants (the mock
server, the demo, the test suite: ``/proc/<pid>/stat``) before and after; what is left over is
what other processes used, in cores on average. ``python -m bench`` marks the wall-clock rows
of a benchmark invalid when others used more than ``MAX_OTHER_CORES``; CPU-time and memory
figures hold on a busy machine (less exactly) and only say what the load was.

Linux only: elsewhere the load is unknown (``None``) and no row is marked.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

__all__ = ["MAX_OTHER_CORES", "CpuSample", "OtherLoad", "sample"]

MAX_OTHER_CORES = 0.3
"""Other processes may use this much CPU (cores, on average) before a wall-clock figure of
ours stops counting: kernel threads and an idle desktop stay far below it."""

_PROC = Path("/proc")
_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


@dataclass(frozen=True)
class CpuSample:
    """CPU seconds at one moment: all cores busy, and this process tree's share of it."""

    at: float
    busy: float
    ours: float


def _busy_seconds(stat: str) -> float:
    """Busy seconds of all cores, from ``/proc/stat``'s first line (user, nice, system, idle,
    iowait, irq, softirq, steal...): everything but idle and iowait, steal included (another
    VM on our host is other load too)."""
    fields = [int(v) for v in stat.split("\n", 1)[0].split()[1:9]]
    user, nice, system, _idle, _iowait, irq, softirq, steal = fields
    return (user + nice + system + irq + softirq + steal) / _TICKS


def _process(pid: str) -> tuple[int, float] | None:
    """(parent pid, CPU seconds of the process and of its reaped children), or None if gone."""
    try:
        text = (_PROC / pid / "stat").read_text()
    except OSError:
        return None
    fields = text.rsplit(")", 1)[1].split()  # the name may hold spaces and parentheses
    parent = int(fields[1])
    utime, stime, cutime, cstime = (int(v) for v in fields[11:15])
    return parent, (utime + stime + cutime + cstime) / _TICKS


def _tree_seconds(root: int) -> float:
    """CPU seconds of ``root`` and every live descendant (each with its reaped children, so a
    descendant that ends between two samples is still counted, in its parent)."""
    parents: dict[int, int] = {}
    seconds: dict[int, float] = {}
    for entry in _PROC.iterdir():
        if entry.name.isdigit() and (got := _process(entry.name)) is not None:
            parents[int(entry.name)], seconds[int(entry.name)] = got
    total = 0.0
    for pid, cpu in seconds.items():
        ancestor = pid
        while ancestor > 1 and ancestor != root:
            ancestor = parents.get(ancestor, 0)
        if ancestor == root:
            total += cpu
    return total


def sample() -> CpuSample | None:
    """The CPU counters now (None where ``/proc`` is not Linux's)."""
    try:
        busy = _busy_seconds((_PROC / "stat").read_text())
    except (OSError, ValueError):
        return None
    return CpuSample(time.perf_counter(), busy, _tree_seconds(os.getpid()))


MIN_SECONDS = 1.0
"""Shorter than this, the kernel's 10 ms ticks make the figure meaningless: it is unknown."""


def other_cores(before: CpuSample, after: CpuSample) -> float | None:
    """Cores other processes used on average between two samples (never below 0: the two
    counters are read a moment apart); None over less than ``MIN_SECONDS``."""
    elapsed = after.at - before.at
    if elapsed < MIN_SECONDS:
        return None
    others = (after.busy - before.busy) - (after.ours - before.ours)
    return max(0.0, others / elapsed)


class OtherLoad:
    """``with OtherLoad() as load: ...``, then ``load.cores``: what others used meanwhile
    (None if it cannot be known here)."""

    def __init__(self) -> None:
        self._before: CpuSample | None = None
        self.cores: float | None = None

    def __enter__(self) -> OtherLoad:
        self._before = sample()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        after = sample()
        if self._before is not None and after is not None:
            self.cores = other_cores(self._before, after)
