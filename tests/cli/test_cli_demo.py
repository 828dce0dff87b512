"""``voipbin-outdial demo``: offline, deterministic for a seed, and telling the truth."""

from __future__ import annotations

import itertools
import re
from datetime import datetime, timedelta
from pathlib import Path

from .conftest import cli

CALL_ROW = re.compile(
    r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d{3})?)\s+(\S+ \d+)\s+(\d)\s+(\+\d+)\s+(\d)"
    r"\s+(\w+)\s+(yes|no)$"
)
ANSWERED = {"normal", "amd", "timeout"}
MAX_TRIES = (3, 2, 0, 0, 0)


def call_rows(output: str) -> list[tuple[str, ...]]:
    return [m.groups() for line in output.splitlines() if (m := CALL_ROW.match(line))]


def test_demo_is_deterministic_for_a_seed() -> None:
    first, second = cli("demo", "--seed", "3"), cli("demo", "--seed", "3")

    assert first.returncode == 0, first.stderr
    assert first.stdout == second.stdout
    assert cli("demo", "--seed", "4").stdout != first.stdout


def test_demo_prints_the_order_the_calls_and_a_summary_that_agree() -> None:
    result = cli("demo", "--seed", "2", "--targets", "6")

    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    out = result.stdout
    assert "Preflight (dialplan.check): no findings" in out
    assert "Dial order before the campaign starts\n" in out
    calls = call_rows(out)
    successes = sum(row[6] == "yes" for row in calls)
    answered = sum(row[5] in ANSWERED for row in calls)
    summary = out.strip().splitlines()[-1]
    assert f"{len(calls)} calls placed, {successes} successes" in summary
    assert f"{answered - successes} answered but not a success" in summary
    assert f"{successes} targets done" in summary
    assert summary.endswith("(stopped: exhausted).")
    assert all((row[5] == "normal") == (row[6] == "yes") for row in calls)
    # Try numbers never exceed the plan's maxes, and calls are at least 500 ms apart.
    assert all(int(row[4]) <= MAX_TRIES[int(row[2])] for row in calls)
    times = [datetime.fromisoformat(row[0]) for row in calls]
    assert all(b - a >= timedelta(milliseconds=500) for a, b in itertools.pairwise(times))


def test_demo_shows_the_first_rows_of_a_long_table() -> None:
    out = cli("demo", "--targets", "40").stdout

    assert "Dial order before the campaign starts (the first 30 of 40)" in out
    assert "call by call" in out
    assert re.search(r"unanswered calls ring 60 s \(the first 30 of \d+\)", out)
    assert len(call_rows(out)) == 30


def test_demo_plain_output_has_no_terminal_codes() -> None:
    out = cli("demo", "--targets", "3").stdout

    assert "\x1b[" not in out
    assert "-  " in out  # the plain table's rule line


def test_bad_arguments_are_one_line_and_exit_2() -> None:
    result = cli("demo", "--targets", "0")

    assert result.returncode == 2
    assert "must be at least 1" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_docs_show_what_make_demo_prints() -> None:
    """docs/cli.md's "The output of `make demo`" block is the command's output, byte for byte."""
    page = (Path(__file__).resolve().parents[2] / "docs/cli.md").read_text()
    after = page.split("The output of `make demo`", 1)[1]
    block = re.search(r"```text\n(.*?)```", after, re.S)
    assert block is not None
    result = cli("demo")

    assert result.returncode == 0, result.stderr
    assert result.stdout == block.group(1)
