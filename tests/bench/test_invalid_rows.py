"""A benchmark that can fail (issue 26): a row whose measurement does not count says
"invalid", never "pass"; the suite-time row is invalid when the suite it timed failed, a
dial-order row when its plain loop does not give ``dial_order``'s answer."""

from __future__ import annotations

import importlib
import math
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
FAILED_RUN = "\n".join(
    [
        "........F.E",
        "FAILED tests/unit/test_x.py::test_y - AssertionError",
        "==== 3 failed, 1180 passed, 12 skipped, 382 errors in 41.20s ====",
    ]
)
PASSED_RUN = "....\n==== 1200 passed, 12 skipped in 58.10s ====\n"


@pytest.fixture(scope="module")
def suite_time() -> Iterator[ModuleType]:
    with pytest.MonkeyPatch.context() as mp:
        mp.syspath_prepend(str(ROOT))
        yield importlib.import_module("bench.suite_time")


@pytest.fixture(scope="module")
def report() -> Iterator[ModuleType]:
    with pytest.MonkeyPatch.context() as mp:
        mp.syspath_prepend(str(ROOT))
        yield importlib.import_module("bench._report")


def test_a_failed_run_makes_an_invalid_row_even_under_its_target(suite_time: ModuleType) -> None:
    row = suite_time.suite_row("pytest -q", 41.2, 1, FAILED_RUN, "")
    assert row.value < row.limit  # the time alone would have passed
    assert row.verdict == "invalid"
    assert row.ok is False
    assert "3 failed" in row.invalid
    assert "382 errors" in row.invalid
    assert "1180 passed" in row.invalid


def test_a_passed_run_is_held_to_its_target(suite_time: ModuleType) -> None:
    row = suite_time.suite_row("pytest -q", 58.1, 0, PASSED_RUN, "")
    assert row.invalid == ""
    assert row.verdict == "pass"
    assert suite_time.suite_row("pytest -q", 61.0, 0, PASSED_RUN, "").verdict == "MISS"


def test_a_run_that_ran_no_test_or_crashed_is_invalid(suite_time: ModuleType) -> None:
    assert suite_time.suite_row("pytest -q", 1.0, 5, "no tests ran in 0.01s\n", "").verdict == (
        "invalid"
    )
    assert suite_time.suite_row("pytest -q", 1.0, 2, "", "ImportError").verdict == "invalid"


def test_counts_read_pytests_summary(suite_time: ModuleType) -> None:
    assert suite_time.counts(FAILED_RUN.splitlines()[-1]) == {
        "failed": 3,
        "passed": 1180,
        "skipped": 12,
        "error": 382,
    }
    assert suite_time.counts("1 passed, 1 error in 2s") == {"passed": 1, "error": 1}


def test_it_refuses_to_time_without_the_prism_mock(
    suite_time: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert suite_time.missing_set_up(tmp_path) == ["mock/node_modules"]
    (tmp_path / "mock" / "node_modules").mkdir(parents=True)
    (tmp_path / "mock" / "node_modules" / ".installed").touch()
    assert suite_time.missing_set_up(tmp_path) == []
    monkeypatch.setattr(suite_time, "missing_set_up", lambda: ["mock/node_modules"])
    (row,) = suite_time.run("tests/unit/test_timeutil.py")
    assert row.verdict == "invalid"
    assert "mock/node_modules missing" in row.invalid
    assert math.isnan(row.value)


def test_the_report_shows_why_a_row_is_invalid(suite_time: ModuleType, report: ModuleType) -> None:
    row = suite_time.suite_row("pytest -q", 41.2, 1, FAILED_RUN, "")
    text = report.text_table([row])
    assert "invalid" in text
    assert "INVALID: the timed suite did not pass" in text
    assert "| invalid |" in report.markdown_table([row])


@pytest.fixture(scope="module")
def dial_bench() -> Iterator[ModuleType]:
    with pytest.MonkeyPatch.context() as mp:
        mp.syspath_prepend(str(ROOT))
        yield importlib.import_module("bench.dial_order")


def test_the_dial_order_loops_give_dial_orders_answer(dial_bench: ModuleType) -> None:
    dicts = dial_bench.server_campaign(300)
    shapes = [
        (dicts, dial_bench.plain_loop),
        (dial_bench.make_models(dicts), dial_bench.plain_loop_models),
        (dial_bench.older_campaign(300), dial_bench.plain_loop_older),
    ]
    for targets, loop in shapes:
        got = dial_bench.dial_order(targets, dial_bench.OUTPLAN, dial_bench.NOW)
        assert len(got) > 100
        assert dial_bench.difference(got, loop(targets, dial_bench.NOW)) == ""


def test_the_server_campaign_is_what_voipbin_sends(dial_bench: ModuleType) -> None:
    targets = dial_bench.server_campaign(300)
    assert {t["status"] for t in targets} == {"idle"}
    slots = [t[f"destination_{i}"] for t in targets for i in range(5)]
    assert None not in slots
    assert {} in slots
    assert all(t["tm_create"].endswith("Z") and "T" in t["tm_create"] for t in targets)
    assert all(type(t["id"]) is str for t in targets)


def test_a_dial_order_row_whose_loop_answers_otherwise_is_invalid(dial_bench: ModuleType) -> None:
    targets = dial_bench.server_campaign(50)

    def loop_a_second_late(targets: Any, now: datetime) -> Any:
        entries = dial_bench.plain_loop(targets, now)
        tid, index, address, try_number, at = entries[-1]
        return [*entries[:-1], (tid, index, address, try_number, at + timedelta(seconds=1))]

    def loop_with_text_ids(targets: Any, now: datetime) -> Any:
        return [(str(tid), *rest) for tid, *rest in dial_bench.plain_loop(targets, now)]

    for loop in (loop_a_second_late, loop_with_text_ids):
        rows = dial_bench.side_by_side("server form, dicts", targets, loop, 1, "<=")
        assert [r.verdict for r in rows] == ["invalid"] * 4
        assert all(r.ok is False and r.rounds == 0 for r in rows)
        assert "dial_order" in rows[0].invalid


def test_a_dial_order_row_with_a_short_answer_is_invalid(dial_bench: ModuleType) -> None:
    targets = dial_bench.server_campaign(50)
    rows = dial_bench.side_by_side(
        "x", targets, lambda t, now: dial_bench.plain_loop(t, now)[:-1], 1, "info"
    )
    assert [r.verdict for r in rows] == ["invalid"] * 3
    assert "gave" in rows[0].invalid
