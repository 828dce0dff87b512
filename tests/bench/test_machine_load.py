"""A wall-clock figure taken while other processes held the cores does not count (issue 26):
``bench._machine`` measures what others used, ``bench._timing.under_load`` judges the row."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINUX = Path("/proc/stat").exists()


@pytest.fixture(scope="module")
def bench() -> Iterator[tuple[ModuleType, ModuleType]]:
    with pytest.MonkeyPatch.context() as mp:
        mp.syspath_prepend(str(ROOT))
        yield importlib.import_module("bench._machine"), importlib.import_module("bench._timing")


def test_others_are_what_all_cores_did_less_what_this_process_tree_did(
    bench: tuple[ModuleType, ModuleType],
) -> None:
    machine, _ = bench
    before = machine.CpuSample(at=10.0, busy=100.0, ours=40.0)
    after = machine.CpuSample(at=12.0, busy=103.0, ours=42.0)  # 3 s busy, 2 s of them ours
    assert machine.other_cores(before, after) == pytest.approx(0.5)
    noisy = machine.CpuSample(at=12.0, busy=101.9, ours=42.0)  # counters read a moment apart
    assert machine.other_cores(before, noisy) == 0.0
    assert machine.other_cores(before, machine.CpuSample(10.5, 101.0, 40.0)) is None  # too short


def test_busy_seconds_count_steal_but_not_idle_or_iowait(
    bench: tuple[ModuleType, ModuleType],
) -> None:
    machine, _ = bench
    ticks = machine._TICKS
    line = f"cpu  {ticks} 0 {ticks} 999999 999999 0 0 {ticks} 0 0\ncpu0 1 2 3\n"
    assert machine._busy_seconds(line) == pytest.approx(3.0)


@pytest.mark.skipif(not LINUX, reason="/proc is Linux's")
def test_a_live_child_and_a_reaped_one_are_ours(bench: tuple[ModuleType, ModuleType]) -> None:
    machine, _ = bench
    spin = (
        "import sys, time\nend = time.process_time() + 0.4\n"
        "while time.process_time() < end: pass\nprint(flush=True)\nsys.stdin.read()"
    )
    before = machine._tree_seconds(os.getpid())
    child = subprocess.Popen(
        [sys.executable, "-c", spin], stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    assert child.stdout is not None
    child.stdout.readline()  # it has spun, and waits: alive, not reaped
    alive = machine._tree_seconds(os.getpid())
    child.communicate(b"")
    reaped = machine._tree_seconds(os.getpid())
    assert alive - before >= 0.3  # spun 0.4 s (in 10 ms ticks): found by its parent chain
    assert reaped >= alive - 0.02  # once reaped, it is in this process's children's time


def test_a_wall_clock_row_on_a_busy_machine_is_invalid(
    bench: tuple[ModuleType, ModuleType],
) -> None:
    _, timing = bench
    wall = timing.Row("b", "round trips", 1.05, "x", "<=", 1.10, 5, "d", clock="wall")
    busy = timing.under_load(wall, 0.8, 0.3)
    assert busy.verdict == "invalid"
    assert "others used 0.80 cores" in busy.invalid
    quiet = timing.under_load(wall, 0.1, 0.3)
    assert quiet.verdict == "pass"
    assert quiet.detail == "d; others used 0.10 cores"
    cpu = timing.under_load(timing.Row("b", "cpu", 1.05, "x", "<=", 1.1, clock="cpu"), 0.8, 0.3)
    assert cpu.verdict == "pass"  # CPU time stands, with the load beside it
    assert "others used 0.80 cores" in cpu.detail
    assert timing.under_load(wall, None, 0.3) == wall  # unknown load: the row as it was
