"""The mock's campaign simulation at scale: time per simulated call, and how it grows.

Targets (issue 12): at most 100 µs per simulated call; at most 6x the time for 4x the targets;
4x the targets (100,000 by default) in under 30 s; ``voipbin-outdial demo --targets 100000``
finishes.

Each round seeds two fresh mocks, with N and 4N targets, straight into the store (the same
checks as the API, not timed), then times ``VoipbinMock.run_campaign`` on each, in turns (which
goes first swaps every round). CPU time, garbage collector on. The campaign: two numbers per
target, tries 3/2/0/0/0, try_interval 1 h, 30 % answered (2 min), the rest ring 60 s. The demo
runs once, as a subprocess (wall time): it creates its targets through the SDK client, one POST
each, which is most of its time.

    python -m bench.simulation [--targets N] [--rounds N] [--demo_targets N]
"""

from __future__ import annotations

import random
import subprocess
import sys
import time
import uuid
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

from voipbin_outdial.testing import VoipbinMock

from ._report import cli
from ._timing import Pair, Row, ratio_row, time_once

BENCH = "simulation"
DEFAULTS: dict[str, Any] = {"targets": 25_000, "rounds": 3, "demo_targets": 100_000}
SMOKE: dict[str, Any] = {"targets": 200, "rounds": 2, "demo_targets": 20}

START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
SCRIPT = Path(sys.executable).with_name("voipbin-outdial")


def seeded_mock(targets: int) -> tuple[VoipbinMock, str, str]:
    """A mock holding an outplan and an outdial of ``targets`` targets; (mock, plan, outdial)."""
    mock = VoipbinMock(clock=lambda: START)
    store = mock.store
    tries = {f"max_try_count_{i}": n for i, n in enumerate((3, 2, 0, 0, 0))}
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
        body = {"name": f"contact {k}", "detail": "bench", "data": "x"}
        body |= {"destination_0": numbers[0], "destination_1": numbers[1]}
        store.create_target(outdial["id"], body)
    return mock, plan["id"], outdial["id"]


def _campaign(mock: VoipbinMock, plan: str, outdial: str, calls: list[int]) -> None:
    placed = mock.run_campaign(
        plan, outdial, answer=0.3, seed=7, talk_time=timedelta(minutes=2), start=START
    )
    calls.append(len(placed))


def _round(small: int, large: int, large_first: bool) -> tuple[float, float, int, int]:
    """(seconds for small, seconds for large, calls of small, calls of large)."""
    sizes = (large, small) if large_first else (small, large)
    mocks = {n: seeded_mock(n) for n in sizes}
    seconds: dict[int, float] = {}
    calls: dict[int, list[int]] = {n: [] for n in sizes}
    for n in sizes:
        seconds[n] = time_once(partial(_campaign, *mocks[n], calls[n]), clock="cpu")
    return seconds[small], seconds[large], calls[small][0], calls[large][0]


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
    return Row(
        BENCH, f"voipbin-outdial demo --targets {targets:,}", seconds, "s", "info", 0.0, 1, detail
    )


def run(
    targets: int = DEFAULTS["targets"],
    rounds: int = DEFAULTS["rounds"],
    demo_targets: int = DEFAULTS["demo_targets"],
) -> list[Row]:
    small, large = targets, 4 * targets
    results = [_round(small, large, large_first=r % 2 == 1) for r in range(rounds)]
    pair = Pair(tuple(r[1] for r in results), tuple(r[0] for r in results))
    small_calls, large_calls = results[0][2], results[0][3]
    per_call = {
        n: pair_median / calls * 1e6
        for n, pair_median, calls in (
            (small, pair.baseline_median, small_calls),
            (large, pair.subject_median, large_calls),
        )
    }
    rows = [
        Row(
            BENCH,
            f"{n:,} targets: time per simulated call",
            per_call[n],
            "µs",
            "<=",
            100.0,
            rounds,
            f"{calls:,} calls",
        )
        for n, calls in ((small, small_calls), (large, large_calls))
    ]
    rows.append(ratio_row(BENCH, f"{large:,} vs {small:,} targets: time", pair, op="<=", limit=6.0))
    rows.append(
        Row(
            BENCH,
            f"{large:,} targets: campaign time",
            pair.subject_median,
            "s",
            "<",
            30.0,
            rounds,
            f"{large_calls:,} calls, CPU time",
        )
    )
    rows.append(_demo(demo_targets))
    return rows


if __name__ == "__main__":
    cli(run, DEFAULTS, __doc__)
