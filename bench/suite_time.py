"""Test suite wall time: ``.venv/bin/pytest -q -p no:cacheprovider -n 2`` (as ``make test``).

Target (issue 7): under 60 s on 2 cores, after set-up (``make venv node`` done). One run: the
figure is the suite's own cost, not a comparison, and the suite takes a minute.

The figure only counts if the suite it timed is the one ``make test`` runs, and it passed
(issue 26: a row once said "pass" over 3 failures and 382 errors). So it checks what ``make
test`` builds first (``.venv`` and the Prism mock's ``mock/node_modules``; ``make bench`` builds
only the first) and does not time without them; the detail gives the pass/fail/error counts it
timed, and the row is "invalid" when a test failed or errored.

    python -m bench.suite_time [--args "tests/unit tests/property"]
"""

from __future__ import annotations

import os
import re
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


def missing_set_up(root: Path = ROOT) -> list[str]:
    """What ``make test`` builds that is not there (``make venv node`` builds it)."""
    needed = {"mock/node_modules": root / "mock" / "node_modules" / ".installed"}
    return [name for name, marker in needed.items() if not marker.exists()]


_COUNT = re.compile(r"(\d+) (passed|failed|errors?|skipped|xfailed|xpassed)\b")


def counts(summary: str) -> dict[str, int]:
    """The counts of pytest's last line: ``{"passed": 1200, "failed": 3, "error": 382}``."""
    found: dict[str, int] = {}
    for number, word in _COUNT.findall(summary):
        found[word.rstrip("s") if word.startswith("error") else word] = int(number)
    return found


def suite_row(shown: str, elapsed: float, returncode: int, stdout: str, stderr: str) -> Row:
    """The row of one timed run: invalid unless every test it ran passed (or was skipped)."""
    lines = [line for line in stdout.splitlines() if line.strip()]
    summary = lines[-1].strip("= ") if lines else f"no output (exit {returncode})"
    found = counts(summary)
    bad = {k: found.get(k, 0) for k in ("failed", "error")}
    invalid = ""
    if returncode != 0 or any(bad.values()) or not found.get("passed"):
        invalid = (
            f"the timed suite did not pass (exit {returncode}, {bad['failed']} failed,"
            f" {bad['error']} errors, {found.get('passed', 0)} passed)"
        )
        if returncode not in (0, 1):
            summary = f"{summary} {stderr.strip()[-300:]}"
    name = f"{shown}: wall time"
    return Row(BENCH, name, elapsed, "s", "<", 60.0, 1, summary, invalid=invalid, clock="wall")


def run(args: str = DEFAULTS["args"]) -> list[Row]:
    shown = "pytest -q -p no:cacheprovider" + (f" {args}" if args else "")
    missing = missing_set_up()
    if missing:  # the contract tests would be skipped: not the suite make test runs
        why = f"not timed: {', '.join(missing)} missing (run make node)"
        name = f"{shown}: wall time"
        return [Row(BENCH, name, float("nan"), "s", "<", 60.0, invalid=why, clock="wall")]
    command = [*_pytest(), "-q", "-p", "no:cacheprovider", *shlex.split(args)]
    env = {k: v for k, v in os.environ.items() if k != "PYTEST_CURRENT_TEST"}
    start = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    return [suite_row(shown, elapsed, done.returncode, done.stdout, done.stderr)]


if __name__ == "__main__":
    cli(run, DEFAULTS, __doc__)
