"""Test suite wall time: ``.venv/bin/pytest -q -p no:cacheprovider -n 2`` (as ``make test``).

Target (issue 7): under 60 s on 2 cores, after set-up (``make venv node`` done). One run: the
figure is the suite's own cost, not a comparison, and the suite takes a minute. The contract
tests need the Prism mock (``mock/node_modules``); where it is missing they are skipped, and the
summary line in the detail says so.

    python -m bench.suite_time [--args "tests/unit tests/property"]
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from ._report import cli
from ._timing import Row

BENCH = "test_suite"
ROOT = Path(__file__).resolve().parents[1]
DEFAULTS: dict[str, Any] = {"args": "-n 2"}
# One small file, without the plugins that take most of pytest's start-up (the smoke test runs
# this inside the suite it would otherwise time).
SMOKE: dict[str, Any] = {
    "args": "-p no:hypothesispytest -p no:schemathesis tests/unit/test_timeutil.py"
}


def _pytest() -> list[str]:
    venv_pytest = ROOT / ".venv" / "bin" / "pytest"
    if venv_pytest.exists():
        return [str(venv_pytest)]
    return [sys.executable, "-m", "pytest"]


def run(args: str = DEFAULTS["args"]) -> list[Row]:
    command = [*_pytest(), "-q", "-p", "no:cacheprovider", *shlex.split(args)]
    env = {k: v for k, v in os.environ.items() if k != "PYTEST_CURRENT_TEST"}
    start = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    summary = lines[-1].strip("= ") if lines else f"no output (exit {done.returncode})"
    shown = "pytest -q -p no:cacheprovider" + (f" {args}" if args else "")
    if done.returncode not in (0, 1):  # 1: some test failed, still a wall time
        summary = f"exit {done.returncode}: {summary} {done.stderr.strip()[-300:]}"
    return [Row(BENCH, f"{shown}: wall time", elapsed, "s", "<", 60.0, 1, summary)]


if __name__ == "__main__":
    cli(run, DEFAULTS, __doc__)
