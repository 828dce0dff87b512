"""Paging: oldest first, page_token = last tm_create, nothing lost or repeated, "" when empty."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from mock_support import AUTH, conforms, outdial_body, outplan_body, target_body

from voipbin_outdial.testing import VoipbinMock


def _walk(http: httpx.Client, path: str, page_size: int) -> list[list[dict[str, Any]]]:
    """Every page up to and including the first empty one, each checked against the spec."""
    template = "/outdials/{id}/targets" if path.endswith("/targets") else path
    pages: list[list[dict[str, Any]]] = []
    token: str | None = None
    while True:
        params: dict[str, Any] = {"page_size": page_size}
        if token is not None:
            params["page_token"] = token
        page = conforms(http.get(path, params=params), "GET", template)
        pages.append(page["result"])
        if not page["result"]:
            assert page["next_page_token"] == ""
            return pages
        assert page["next_page_token"] == page["result"][-1]["tm_create"]
        token = page["next_page_token"]


@pytest.mark.parametrize("page_size", [1, 7, 25, 100])
def test_pages_cover_every_item_once_in_creation_order(http: httpx.Client, page_size: int) -> None:
    created = [http.post("/outdials", json=outdial_body(name=f"o{i}")).json() for i in range(25)]

    pages = _walk(http, "/outdials", page_size)

    assert all(len(page) == page_size for page in pages[:-2])
    assert [item["id"] for page in pages for item in page] == [o["id"] for o in created]


def test_target_pages_and_deleted_items_in_between(http: httpx.Client) -> None:
    outdial = http.post("/outdials", json=outdial_body()).json()
    base = f"/outdials/{outdial['id']}/targets"
    targets = [http.post(base, json=target_body(name=f"t{i}")).json() for i in range(12)]
    for gone in targets[2:9:3]:
        http.delete(f"{base}/{gone['id']}")
    live = [t["id"] for t in targets if t not in targets[2:9:3]]

    pages = _walk(http, base, 4)

    assert [len(page) for page in pages] == [4, 4, 1, 0]
    assert [t["id"] for page in pages for t in page] == live


def test_a_frozen_clock_still_gives_distinct_increasing_times() -> None:
    frozen = datetime(2024, 5, 1, 9, 30, tzinfo=UTC)
    mock = VoipbinMock(clock=lambda: frozen)
    with mock.client(headers=AUTH) as http:
        plans = [http.post("/outplans", json=outplan_body()).json() for _ in range(30)]
        stamps = [p["tm_create"] for p in plans]
        assert stamps[0] == "2024-05-01 09:30:00.000000"
        assert stamps[1] == "2024-05-01 09:30:00.000001"
        assert stamps == sorted(set(stamps))
        pages = _walk(http, "/outplans", 4)
    assert [p["id"] for page in pages for p in page] == [p["id"] for p in plans]


def test_a_clock_going_back_does_not_reorder(http: httpx.Client) -> None:
    times = iter([datetime(2024, 1, 2, tzinfo=UTC), datetime(2023, 1, 1, tzinfo=UTC)])
    mock = VoipbinMock(clock=lambda: next(times))
    with mock.client(headers=AUTH) as client:
        first = client.post("/outplans", json=outplan_body()).json()
        second = client.post("/outplans", json=outplan_body()).json()
    assert first["tm_create"] == "2024-01-02 00:00:00.000000"
    assert second["tm_create"] == "2024-01-02 00:00:00.000001"


def test_a_naive_clock_is_utc() -> None:
    mock = VoipbinMock(clock=lambda: datetime(2024, 3, 4, 5, 6, 7, 890))  # noqa: DTZ001
    with mock.client(headers=AUTH) as http:
        plan = http.post("/outplans", json=outplan_body()).json()
    assert plan["tm_create"] == "2024-03-04 05:06:07.000890"


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("", [0, 1, 2]),
        ("0", [0, 1, 2]),
        ("2024-01-01 12:00:00.000000", [1, 2]),  # strictly after the token
        ("2024-01-01 12:00:00.5", [1, 2]),
        ("2024-01-01 12:00:02.000000", []),
        ("zzz", []),
    ],
)
def test_page_token_is_compared_as_voipbin_compares_it(
    http: httpx.Client, token: str, expected: list[int]
) -> None:
    # The fixture's clock makes the three tm_create 12:00:00, 12:00:01, 12:00:02.
    plans = [http.post("/outplans", json=outplan_body()).json() for _ in range(3)]
    page = conforms(http.get("/outplans", params={"page_token": token}), "GET", "/outplans")
    assert [p["id"] for p in page["result"]] == [plans[i]["id"] for i in expected]
    assert page["next_page_token"] == (page["result"][-1]["tm_create"] if expected else "")


def test_the_default_page_size_is_100(http: httpx.Client, mock: VoipbinMock) -> None:
    for _ in range(105):
        mock.store.create_outplan(outplan_body())
    assert len(http.get("/outplans").json()["result"]) == 100
