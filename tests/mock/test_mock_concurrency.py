"""Many clients at once, from threads and from tasks: nothing lost, nothing duplicated."""

from __future__ import annotations

import asyncio
import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from mock_support import AUTH, outdial_body, target_body

from voipbin_outdial.testing import VoipbinMock
from voipbin_outdial.timeutil import parse_timestamp

THREADS = 8
PER_THREAD = 15


def _all(http: Any, path: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    token = ""
    while True:
        page = http.get(path, params={"page_size": 7, "page_token": token}).json()
        if not page["result"]:
            return items
        items.extend(page["result"])
        token = page["next_page_token"]


def test_concurrent_creates_and_lists_from_threads(mock: VoipbinMock) -> None:
    outdial = mock.store.create_outdial(outdial_body())
    targets_path = f"/outdials/{outdial['id']}/targets"
    start = threading.Barrier(THREADS)

    def worker(n: int) -> tuple[list[str], list[int]]:
        made: list[str] = []
        seen: list[int] = []
        with mock.client(headers=AUTH) as http:
            start.wait(timeout=10)
            for i in range(PER_THREAD):
                made.append(http.post("/outdials", json=outdial_body(name=f"{n}-{i}")).json()["id"])
                made.append(http.post(targets_path, json=target_body(name=f"{n}-{i}")).json()["id"])
                listed = _all(http, "/outdials")
                ids = [o["id"] for o in listed]
                assert len(ids) == len(set(ids))  # a list never repeats an item mid-write
                seen.append(len(ids))
        return made, seen

    with ThreadPoolExecutor(THREADS) as pool:
        results = list(pool.map(worker, range(THREADS)))

    made = [resource_id for ids, _ in results for resource_id in ids]
    assert len(made) == len(set(made)) == 2 * THREADS * PER_THREAD
    for _, seen in results:
        assert seen == sorted(seen)  # each thread sees the list only grow
    with mock.client(headers=AUTH) as http:
        outdials = _all(http, "/outdials")
        targets = _all(http, targets_path)
    assert len(outdials) == THREADS * PER_THREAD + 1
    assert len(targets) == THREADS * PER_THREAD
    assert {o["id"] for o in outdials} | {t["id"] for t in targets} == set(made) | {outdial["id"]}
    stamps = [parse_timestamp(o["tm_create"]) for o in outdials]
    assert stamps == sorted(stamps, reverse=True)  # newest first
    assert len(set(stamps)) == len(stamps)


def test_concurrent_deletes_each_stamp_a_later_time(mock: VoipbinMock) -> None:
    # VoIPBIN deletes a deleted record again (tm_delete moves on), so every delete succeeds,
    # each with its own time.
    outdial = mock.store.create_outdial(outdial_body())
    path = f"/outdials/{outdial['id']}"

    def delete(_: int) -> tuple[int, str]:
        with mock.client(headers=AUTH) as http:
            response = http.delete(path)
            return response.status_code, response.json()["tm_delete"]

    with ThreadPoolExecutor(THREADS) as pool:
        results = list(pool.map(delete, range(THREADS * 2)))
    assert Counter(status for status, _ in results) == {200: THREADS * 2}
    stamps = {parse_timestamp(stamp) for _, stamp in results}
    assert len(stamps) == THREADS * 2
    assert mock.store.find("outdial", outdial["id"])["tm_delete"] == max(
        (stamp for _, stamp in results), key=parse_timestamp
    )


@pytest.mark.parametrize("clients", [1, 4])
async def test_concurrent_async_tasks(mock: VoipbinMock, clients: int) -> None:
    async def worker(n: int) -> list[str]:
        async with mock.async_client(headers=AUTH) as http:
            responses = [
                await http.post("/outdials", json=outdial_body(name=f"{n}-{i}")) for i in range(10)
            ]
        return [r.json()["id"] for r in responses]

    results = await asyncio.gather(*(worker(n) for n in range(clients * 3)))
    made = [i for ids in results for i in ids]
    listed: list[dict[str, Any]] = []
    async with mock.async_client(headers=AUTH) as http:
        token = ""
        while page := (await http.get("/outdials", params={"page_token": token})).json():
            if not page["result"]:
                break
            listed.extend(page["result"])
            token = page["next_page_token"]
    assert sorted(o["id"] for o in listed) == sorted(made)
    assert len(set(made)) == clients * 30
