"""Paging: newest first, ``tm_create < page_token``, nothing lost or repeated, "" when empty.

As bin-outdial-manager/pkg/dbhandler/outdial.go ``OutdialList`` (and the outplan and target
lists) query it, and bin-api-manager/server/outdials.go ``GetOutdials`` writes the token.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from mock_support import AUTH, PAGE_TOKEN, conforms, outdial_body, outplan_body, target_body

from voipbin_outdial.testing import VoipbinMock
from voipbin_outdial.timeutil import parse_timestamp


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
        token = page["next_page_token"]
        assert PAGE_TOKEN.fullmatch(token)
        assert parse_timestamp(token) == parse_timestamp(page["result"][-1]["tm_create"])


@pytest.mark.parametrize("page_size", [1, 7, 25, 100])
def test_pages_cover_every_item_once_newest_first(http: httpx.Client, page_size: int) -> None:
    created = [http.post("/outdials", json=outdial_body(name=f"o{i}")).json() for i in range(25)]

    pages = _walk(http, "/outdials", page_size)

    assert all(len(page) == page_size for page in pages[:-2])
    assert [item["id"] for page in pages for item in page] == [o["id"] for o in created[::-1]]


def test_target_pages_leave_deleted_targets_out(http: httpx.Client) -> None:
    outdial = http.post("/outdials", json=outdial_body()).json()
    base = f"/outdials/{outdial['id']}/targets"
    targets = [http.post(base, json=target_body(name=f"t{i}")).json() for i in range(12)]
    for gone in targets[2:9:3]:
        http.delete(f"{base}/{gone['id']}")
    live = [t["id"] for t in targets[::-1] if t not in targets[2:9:3]]

    pages = _walk(http, base, 4)

    assert [len(page) for page in pages] == [4, 4, 1, 0]
    assert [t["id"] for page in pages for t in page] == live


def test_a_frozen_clock_still_gives_distinct_increasing_times() -> None:
    frozen = datetime(2024, 5, 1, 9, 30, tzinfo=UTC)
    mock = VoipbinMock(clock=lambda: frozen)
    with mock.client(headers=AUTH) as http:
        plans = [http.post("/outplans", json=outplan_body()).json() for _ in range(30)]
        stamps = [p["tm_create"] for p in plans]
        assert stamps[:3] == [
            "2024-05-01T09:30:00Z",
            "2024-05-01T09:30:00.000001Z",
            "2024-05-01T09:30:00.000002Z",
        ]
        times = [parse_timestamp(s) for s in stamps]
        assert times == sorted(set(times))  # as times: these strings do not sort as text
        pages = _walk(http, "/outplans", 4)
    assert [p["id"] for page in pages for p in page] == [p["id"] for p in plans[::-1]]


def test_a_clock_going_back_does_not_reorder() -> None:
    times = iter([datetime(2024, 1, 2, tzinfo=UTC), datetime(2023, 1, 1, tzinfo=UTC)])
    mock = VoipbinMock(clock=lambda: next(times))
    with mock.client(headers=AUTH) as client:
        first = client.post("/outplans", json=outplan_body()).json()
        second = client.post("/outplans", json=outplan_body()).json()
    assert first["tm_create"] == "2024-01-02T00:00:00Z"
    assert second["tm_create"] == "2024-01-02T00:00:00.000001Z"


def test_a_naive_clock_is_utc() -> None:
    mock = VoipbinMock(clock=lambda: datetime(2024, 3, 4, 5, 6, 7, 890))  # noqa: DTZ001
    with mock.client(headers=AUTH) as http:
        plan = http.post("/outplans", json=outplan_body()).json()
    assert plan["tm_create"] == "2024-03-04T05:06:07.00089Z"


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("", [2, 1, 0]),  # no token: everything (before now)
        ("2024-01-01T12:00:02.000000Z", [1, 0]),  # strictly before the token
        ("2024-01-01T12:00:01.5Z", [1, 0]),
        ("2024-01-01 12:00:01.000001", [1, 0]),  # the docs' form is a time too
        ("2024-01-01T13:00:01+01:00", [0]),  # an offset is converted
        ("2024-01-01T12:00:00Z", []),
        ("9999-01-01 00:00:00.000000", [2, 1, 0]),  # the old "never" sentinel: after all
    ],
)
def test_the_page_token_is_compared_as_a_time(
    http: httpx.Client, token: str, expected: list[int]
) -> None:
    # The fixture's clock makes the three tm_create 12:00:00, 12:00:01, 12:00:02.
    plans = [http.post("/outplans", json=outplan_body()).json() for _ in range(3)]
    page = conforms(http.get("/outplans", params={"page_token": token}), "GET", "/outplans")
    assert [p["id"] for p in page["result"]] == [plans[i]["id"] for i in expected]
    last = page["result"][-1]["tm_create"] if expected else None
    assert page["next_page_token"] == ("" if last is None else last[:19] + ".000000Z")


def test_the_default_page_size_is_100(http: httpx.Client, mock: VoipbinMock) -> None:
    for _ in range(105):
        mock.store.create_outplan(outplan_body())
    page = http.get("/outplans").json()
    assert len(page["result"]) == 100
    assert (
        len(http.get("/outplans", params={"page_token": page["next_page_token"]}).json()["result"])
        == 5
    )


def test_a_page_ends_where_it_began_while_newer_items_come(http: httpx.Client) -> None:
    first = [http.post("/outdials", json=outdial_body(name=f"a{i}")).json()["id"] for i in range(3)]
    page = http.get("/outdials", params={"page_size": 2}).json()
    newer = http.post("/outdials", json=outdial_body(name="newer")).json()["id"]

    rest = http.get("/outdials", params={"page_token": page["next_page_token"]}).json()

    assert [o["id"] for o in page["result"] + rest["result"]] == first[::-1]
    assert newer not in [o["id"] for o in rest["result"]]  # it is on a first page, not here
