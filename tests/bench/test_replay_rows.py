"""The paging and parsing rows of issue 26 check what they time: a replayed walk that reads other
targets, or a page the fast decode does not take, makes the row invalid, never "pass"."""

from __future__ import annotations

import importlib
import json
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


def load(name: str) -> Iterator[ModuleType]:
    with pytest.MonkeyPatch.context() as mp:
        mp.syspath_prepend(str(ROOT))
        yield importlib.import_module(f"bench.{name}")


@pytest.fixture(scope="module")
def paging() -> Iterator[ModuleType]:
    yield from load("paging")


@pytest.fixture(scope="module")
def parsing() -> Iterator[ModuleType]:
    yield from load("parsing")


def test_replayed_walks_must_read_the_same_targets_all_of_them(paging: ModuleType) -> None:
    ids = ["a", "b", "c"]
    assert paging.replay_problem(ids, ids, 3) == ""
    assert "2 targets, not 3" in paging.replay_problem(ids[:2], ids[:2], 3)
    assert "different targets" in paging.replay_problem(["a", "c", "b"], ids, 3)
    assert "different targets" in paging.replay_problem(ids[:2], ids, 3)


def test_a_page_in_todays_form_is_taken_by_the_fast_decode(parsing: ModuleType) -> None:
    raw = parsing.make_page(10)
    page = json.loads(raw)
    assert all(t[f"destination_{i}"] is not None for t in page["result"] for i in range(5))
    assert {} in [t["destination_1"] for t in page["result"]]
    assert parsing.page_problem(raw, 10) == ""
    assert "9 targets, not 10" in parsing.page_problem(parsing.make_page(9), 10)


def test_a_page_the_fast_decode_leaves_makes_the_rows_invalid(parsing: ModuleType) -> None:
    page = json.loads(parsing.make_page(10))
    page["result"][3]["field_added_later"] = 1

    problem = parsing.page_problem(json.dumps(page).encode(), 10)

    assert "fast decode did not take the page" in problem
