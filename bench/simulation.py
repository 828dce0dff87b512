"""The mock's campaign simulation at scale: time per simulated call, how it grows, its memory.

Targets (issue 12): at most 100 µs per simulated call; at most 6x the time for 4x the targets;
4x the targets (100,000 by default) in under 30 s; ``voipbin-outdial demo --targets 100000``
finishes. Targets (issue 26): at most 250 bytes per call record; a 1,000,000-target campaign
in under 1.5 GB peak; no slower per call than the code before issue 26.

Every run is a process of its own (``bench._simulation_worker``): it seeds a fresh mock with N
targets straight into the store (the same checks as the API, not timed), then runs
``VoipbinMock.run_campaign``, timing it in CPU time (garbage collector on), and reports its
peak memory (``VmHWM``: the whole process, interpreter and store included) and whether
every target ended as it should (done, or idle with every try used; one try counted per call),
which each row checks. The campaign: two numbers per target, tries 3/2/0/0/0, try_interval 1 h,
30 % answered (2 min), the rest ring 60 s.

Each round runs N targets with this tree and with the code before issue 26 (``--before``, a
commit unpacked with ``git archive``; which goes first swaps every round), and 4N with this
tree. The 1,000,000-target peak is measured for real (``--million``, by default 1,000,000:
about 4 minutes and 1.8 GB; ``--million 0`` leaves it out), and extrapolated from N and 4N (a
straight line through the two; shown beside it, no goal). One more run of each
tree at N with tracemalloc gives the bytes the returned calls hold, per call. The demo runs
once, as a subprocess (wall time): it creates its targets through the SDK client, one POST
each, which is most of its time.

    python -m bench.simulation [--targets N] [--rounds N] [--demo_targets N] [--before REV]
                               [--million N]
"""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import voipbin_outdial
from voipbin_outdial.testing import VoipbinMock

from ._report import cli
from ._timing import Pair, Row, ratio_row

BENCH = "simulation"
MILLION = 1_000_000
# main just before the call records became columns (issue 26)
BEFORE_ISSUE_26 = "9ce019d8246b30d63a6bfcb54cbf6d2b189702a9"
DEFAULTS: dict[str, Any] = {
    "targets": 25_000,
    "rounds": 3,
    "demo_targets": 100_000,
    "before": BEFORE_ISSUE_26,
    "million": MILLION,
}
SMOKE: dict[str, Any] = {
    "targets": 200,
    "rounds": 2,
    "demo_targets": 20,
    "before": BEFORE_ISSUE_26,
    "million": 0,
}
RECORD_GOAL = 250.0  # bytes per call record
PEAK_GOAL = 1.5e9  # bytes at 1,000,000 targets
MAXES = (3, 2, 0, 0, 0)

START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
SCRIPT = Path(sys.executable).with_name("voipbin-outdial")
ROOT = Path(__file__).resolve().parents[1]


def seeded_mock(targets: int) -> tuple[VoipbinMock, str, str]:
    """A mock holding an outplan and an outdial of ``targets`` targets; (mock, plan, outdial)."""
    mock = VoipbinMock(clock=lambda: START)
    store = mock.store
    tries = {f"max_try_count_{i}": n for i, n in enumerate(MAXES)}
    plan = store.create_outplan(
        {
            "name": "bench",
            "detail": "3/2 tries, an hour apart",
            "source": {"type": "tel", "target": "+15559876543"},
            "dial_timeout": 30_000,
            "try_interval": 3_600_000,
            **tries,
        }
    )
    outdial = store.create_outdial(
        {"campaign_id": str(uuid.uuid4()), "name": "bench", "detail": "leads", "data": "x"}
    )
    rng = random.Random(7)
    for k in range(targets):
        numbers = [{"type": "tel", "target": f"+1555{rng.randrange(10**7):07d}"} for _ in "mo"]
        body: dict[str, object] = {"name": f"contact {k}", "detail": "bench", "data": "x"}
        body |= {"destination_0": numbers[0], "destination_1": numbers[1]}
        store.create_target(outdial["id"], body)
    return mock, plan["id"], outdial["id"]


@dataclass(frozen=True)
class Result:
    """One worker's run (see ``bench._simulation_worker``)."""

    tree: str
    targets: int
    calls: int
    cpu: float
    maxrss: int
    record_bytes: float
    invalid: str

    @property
    def per_call(self) -> float:
        return self.cpu / self.calls if self.calls else float("nan")


def simulate(client_dir: Path, targets: int, *, trace: bool = False) -> Result:
    """Run one campaign of ``targets`` targets in a new process with ``voipbin_outdial`` from
    ``client_dir``; a run whose process fails, or that ran another tree, is invalid."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join((str(client_dir), str(ROOT)))}
    command = [sys.executable, "-m", "bench._simulation_worker", "--targets", str(targets)]
    done = subprocess.run(
        command + (["--trace"] if trace else []),
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=False,
    )
    if done.returncode != 0:
        reason = f"the run failed: {done.stderr.strip().splitlines()[-1:]}"
        return Result(str(client_dir), targets, 0, 0.0, 0, 0.0, reason)
    result = Result(**json.loads(done.stdout.strip().splitlines()[-1]))
    if not Path(result.tree).is_relative_to(client_dir):
        return replace(result, invalid=f"it ran {result.tree}")
    return result


@contextmanager
def tree_at(rev: str) -> Iterator[tuple[Path | None, str]]:
    """The ``client/`` of commit ``rev`` unpacked in a temporary folder (``git archive``), or
    ``None`` and why not."""
    with tempfile.TemporaryDirectory(prefix="bench-before-") as folder:
        done = subprocess.run(
            ["git", "-C", str(ROOT), "archive", "--format=tar", rev, "client"],
            capture_output=True,
            check=False,
        )
        if done.returncode != 0 or not rev:
            yield None, f"no code before issue 26 ({rev!r}): {done.stderr.decode().strip()}"
            return
        archive = Path(folder) / "before.tar"
        archive.write_bytes(done.stdout)
        with tarfile.open(archive) as tar:
            tar.extractall(folder, filter="data")
        yield Path(folder) / "client", ""


def _why_invalid(*results: Result) -> str:
    return "; ".join(f"{r.targets:,} targets: {r.invalid}" for r in results if r.invalid)


MIN_EXTRAPOLATED = 10_000
"""Under this many targets the interpreter's own memory hides the line's slope."""


def _extrapolated(small: Result, large: Result, targets: int = MILLION) -> float:
    """The peak at ``targets``, on the straight line through two runs' peaks."""
    slope = (large.maxrss - small.maxrss) / (large.targets - small.targets)
    return small.maxrss + slope * (targets - small.targets)


def _demo(targets: int) -> Row:
    start = time.perf_counter()
    result = subprocess.run(
        [str(SCRIPT), "demo", "--targets", str(targets)],
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError(f"voipbin-outdial demo failed: {result.stderr.strip()}")
    summary = result.stdout.strip().splitlines()[-1]
    placed = summary.split(" calls placed")[0].removeprefix("Summary: ")
    detail = f"finished (exit 0): {placed} calls placed"
    name = f"voipbin-outdial demo --targets {targets:,}"
    return Row(BENCH, name, seconds, "s", "info", 0.0, 1, detail, clock="wall")


def run(
    targets: int = DEFAULTS["targets"],
    rounds: int = DEFAULTS["rounds"],
    demo_targets: int = DEFAULTS["demo_targets"],
    before: str = DEFAULTS["before"],
    million: int = DEFAULTS["million"],
) -> list[Row]:
    now_tree = Path(voipbin_outdial.__file__).resolve().parents[1]
    small, large = targets, 4 * targets
    with tree_at(before) as (before_tree, missing):
        now_small: list[Result] = []
        now_large: list[Result] = []
        before_small: list[Result] = []
        for r in range(rounds):
            sides = [(now_tree, now_small), (before_tree, before_small)]
            for tree, results in sides[:: -1 if r % 2 else 1]:
                if tree is not None:
                    results.append(simulate(tree, small))
            now_large.append(simulate(now_tree, large))
        traced_now = simulate(now_tree, small, trace=True)
        before_large = traced_before = None
        if before_tree is not None:
            before_large = simulate(before_tree, large)
            traced_before = simulate(before_tree, small, trace=True)
    rows = _scaling_rows(small, large, now_small, now_large, rounds)
    rows.append(_versus_before(small, now_small, before_small, rounds, missing))
    rows.append(_record_row(small, traced_now, traced_before))
    rows.append(_peak_row(now_small[0], now_large[0], before_large, before_small))
    if million:
        rows.append(_million_row(simulate(now_tree, million)))
    rows.append(_demo(demo_targets))
    return rows


def _scaling_rows(
    small: int, large: int, now_small: list[Result], now_large: list[Result], rounds: int
) -> list[Row]:
    pair = Pair(tuple(r.cpu for r in now_large), tuple(r.cpu for r in now_small), "cpu")
    invalid = _why_invalid(*now_small, *now_large)
    rows = [
        Row(
            BENCH,
            f"{n:,} targets: time per simulated call",
            statistics.median(r.per_call for r in results) * 1e6,
            "µs",
            "<=",
            100.0,
            rounds,
            f"{results[0].calls:,} calls",
            invalid=_why_invalid(*results),
            clock="cpu",
        )
        for n, results in ((small, now_small), (large, now_large))
    ]
    ratio = ratio_row(BENCH, f"{large:,} vs {small:,} targets: time", pair, op="<=", limit=6.0)
    rows.append(replace(ratio, invalid=invalid))
    rows.append(
        Row(
            BENCH,
            f"{large:,} targets: campaign time",
            pair.subject_median,
            "s",
            "<",
            30.0,
            rounds,
            f"{now_large[0].calls:,} calls, CPU time",
            invalid=_why_invalid(*now_large),
            clock="cpu",
        )
    )
    return rows


def _versus_before(
    small: int, now: list[Result], before: list[Result], rounds: int, missing: str
) -> Row:
    name = f"{small:,} targets: time per call vs before issue 26"
    if missing:
        return Row(BENCH, name, 1.0, "x", "<=", 1.0, rounds, invalid=missing, clock="cpu")
    pair = Pair(tuple(r.per_call for r in now), tuple(r.per_call for r in before), "cpu")
    row = ratio_row(BENCH, name, pair, op="<=", limit=1.0)
    detail = f"CPU time; {row.detail}; {now[0].calls:,} and {before[0].calls:,} calls"
    return replace(row, invalid=_why_invalid(*now, *before), detail=detail)


def _record_row(small: int, now: Result, before: Result | None) -> Row:
    was = (
        "no run of the code before issue 26"
        if before is None
        else f"before issue 26 (a list of CallRecord) {before.record_bytes:,.0f} B"
    )
    return Row(
        BENCH,
        f"{small:,} targets: bytes per call record",
        now.record_bytes,
        "B",
        "<=",
        RECORD_GOAL,
        detail=f"tracemalloc, what run_campaign's result frees, over {now.calls:,} calls; {was}",
        invalid=_why_invalid(now, *([before] if before else [])),
        clock="memory",
    )


def _peak_row(
    small: Result, large: Result, before_large: Result | None, before_small: list[Result]
) -> Row:
    estimate = _extrapolated(small, large)
    was = ""
    if before_large is not None and before_small:
        was = f"; before issue 26: {_extrapolated(before_small[0], before_large) / 1e9:.2f} GB"
    detail = (
        f"peak resident memory (VmHWM) of a process that seeds and runs: "
        f"{small.maxrss / 1e6:,.0f} MB at {small.targets:,}, {large.maxrss / 1e6:,.0f} MB at"
        f" {large.targets:,} targets, on a straight line to 1,000,000{was}"
    )
    invalid = _why_invalid(small, large)
    if small.targets < MIN_EXTRAPOLATED and not invalid:
        invalid = f"{small.targets:,} targets are too few to draw a line to 1,000,000 from"
    if large.maxrss <= small.maxrss and not invalid:
        invalid = "the peak did not grow with the targets: it is not the runs' own"
    return Row(
        BENCH,
        "1,000,000 targets: peak memory (extrapolated)",
        estimate / 1e9,
        "GB",
        detail=detail,
        invalid=invalid,
        clock="memory",
    )


def _million_row(result: Result) -> Row:
    return Row(
        BENCH,
        f"{result.targets:,} targets: peak memory",
        result.maxrss / 1e9,
        "GB",
        "<",
        PEAK_GOAL / 1e9 * result.targets / MILLION,
        detail=(
            f"peak resident memory (VmHWM) of the process that seeded and ran it;"
            f" {result.calls:,} calls, {result.per_call * 1e6:.1f} µs a call (CPU),"
            f" {result.cpu:,.0f} s"
        ),
        invalid=_why_invalid(result),
        clock="memory",
    )


if __name__ == "__main__":
    cli(run, DEFAULTS, __doc__)
