"""``voipbin-outdial demo``: offline, deterministic for a seed, and telling the truth."""

from __future__ import annotations

import re

from .conftest import cli

CALL_ROW = re.compile(
    r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\s+(\S+ \d+)\s+(\d)\s+(\+\d+)?\s+(\d)\s+(yes|no)$"
)


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
    assert "Dial order before the campaign starts" in out
    calls = call_rows(out)
    answered = sum(row[4] == "yes" for row in calls)
    summary = out.strip().splitlines()[-1]
    assert f"{len(calls)} calls placed, {answered} answered" in summary
    assert f"{answered} targets done" in summary
    # The third contact has no destination_0: VoIPBIN stores {} there, which its dialer does not
    # skip, so the calls to it on destination 0 have no number (and only those).
    assert all((row[1] == "0") == (row[2] is None) for row in calls if row[0] == "Chloe 3")
    assert any(row[0] == "Chloe 3" for row in calls)
    # Try numbers never exceed the plan's maxes (3/2/1/0/0).
    assert all(int(row[3]) <= (3, 2, 1, 0, 0)[int(row[1])] for row in calls)


def test_demo_plain_output_has_no_terminal_codes() -> None:
    out = cli("demo", "--targets", "3").stdout

    assert "\x1b[" not in out
    assert "-  " in out  # the plain table's rule line


def test_bad_arguments_are_one_line_and_exit_2() -> None:
    result = cli("demo", "--targets", "0")

    assert result.returncode == 2
    assert "must be at least 1" in result.stderr
    assert "Traceback" not in result.stderr
