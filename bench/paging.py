"""Paging: ``client.outdialtargets.iter`` over 10,000 targets in pages of 100 vs a raw httpx loop.

Target (issue 7): the facade at most 1.15x the raw loop.

The standalone mock (a subprocess, uvicorn on 127.0.0.1) is seeded through its API with one
outdial of 10,000 targets (one POST each; about a millisecond apiece here). Both sides walk
every page of ``/v1.0/outdials/<id>/targets?page_size=100`` on the same server, each with its
own keep-alive httpx.Client, and stop the same way (the first empty page, or no token). The
facade yields ``Outdialtarget`` models; the raw loop decodes the JSON and collects the dicts.
Wall-clock time.

The walks are timed two ways. In lockstep (the first row, held to the target): both walks advance
one page at a time, taking turns page by page (which side goes first swaps every page), so a
slow second of the shared machine or of the server falls on both sides alike. Here the per-round
ratios of whole walks spread over +-0.2; those of lockstep walks over +-0.03. Both make the same
101 requests. And whole walks (``list(iter())`` against the raw loop collecting every dict),
alternating, as the other benchmarks are timed: the second row, for comparison.

A third row replays the recorded pages through ``httpx.MockTransport`` and times both walks in
CPU time, without the server: the facade's CPU per target (its whole walk's CPU time over the
targets, httpx and JSON included), held to at most 7 µs (issue 26; 14.6 µs before), with the
raw loop's per target (httpx and ``json.loads`` alone) beside it. It is invalid unless both
walks read the same ids, ``targets`` of them. The pages are today's server form: ``{}`` in the
unused destination slots (the mock sends them so).

    python -m bench.paging [--targets N] [--page_size N] [--rounds N]
"""

from __future__ import annotations

import gc
import time
from itertools import islice
from typing import Any

import httpx

from voipbin_outdial import VoipbinClient

from ._report import cli
from ._server import TOKEN, MockServer, facade_without_server, raw_client, seed_outdial
from ._timing import Pair, Row, compare, ratio_row

BENCH = "paging"
DEFAULTS: dict[str, Any] = {"targets": 10_000, "page_size": 100, "rounds": 7}
SMOKE: dict[str, Any] = {"targets": 30, "page_size": 10, "rounds": 3}


def raw_page(client: httpx.Client, path: str, page_size: int, token: str | None) -> Any:
    """One page, decoded, with httpx alone."""
    params: dict[str, Any] = {"page_size": page_size}
    if token:
        params["page_token"] = token
    response = client.get(path, params=params)
    if response.status_code != 200:
        raise AssertionError(f"GET {path}: {response.status_code}")
    return response.json()


def raw_walk(client: httpx.Client, path: str, page_size: int) -> list[dict[str, Any]]:
    """The baseline: every target, page by page, with httpx alone."""
    items: list[dict[str, Any]] = []
    token: str | None = None
    while True:
        page = raw_page(client, path, page_size, token)
        items.extend(page["result"])
        sent, token = token, page.get("next_page_token")
        if not page["result"] or not token or token == sent:
            return items


def lockstep_walks(
    client: VoipbinClient,
    raw: httpx.Client,
    outdial_id: str,
    path: str,
    page_size: int,
    *,
    swap: bool,
) -> tuple[float, float, int]:
    """One walk of each side, advanced a page at a time in turns: (facade s, raw s, targets).

    Each facade step takes ``page_size`` targets from ``iter()``, which fetches and parses the
    next page; each raw step fetches the same page and decodes it. Wall time, summed per side.
    Each side keeps only the ids it read (checked to be the same): kept pages would make each
    side's garbage collections walk the other side's objects too.
    """
    targets = client.outdialtargets.iter(outdial_id, page_size=page_size)
    facade_s = raw_s = 0.0
    facade_ids: list[str] = []
    raw_ids: list[str] = []
    token: str | None = None
    facade_done = raw_done = False

    def facade_step() -> None:
        nonlocal facade_s, facade_done
        start = time.perf_counter()
        page = list(islice(targets, page_size))
        facade_s += time.perf_counter() - start
        facade_ids.extend(str(t.id) for t in page)
        facade_done = not page

    def raw_step() -> None:
        nonlocal raw_s, raw_done, token
        start = time.perf_counter()
        page = raw_page(raw, path, page_size, token)
        raw_s += time.perf_counter() - start
        raw_ids.extend(t["id"] for t in page["result"])
        sent, token = token, page.get("next_page_token")
        raw_done = not page["result"] or not token or token == sent

    gc.collect()
    while not (facade_done and raw_done):
        for step in (raw_step, facade_step) if swap else (facade_step, raw_step):
            if not (facade_done if step is facade_step else raw_done):
                step()
        swap = not swap
    if facade_ids != raw_ids:
        raise AssertionError("the lockstep walks read different targets")
    return facade_s, raw_s, len(raw_ids)


def lockstep(
    client: VoipbinClient,
    raw: httpx.Client,
    outdial_id: str,
    path: str,
    page_size: int,
    rounds: int,
) -> Pair:
    """``rounds`` lockstep walks (each round starts with the other side)."""
    facade: list[float] = []
    baseline: list[float] = []
    for r in range(rounds):
        facade_s, raw_s, _ = lockstep_walks(
            client, raw, outdial_id, path, page_size, swap=r % 2 == 1
        )
        facade.append(facade_s)
        baseline.append(raw_s)
    return Pair(tuple(facade), tuple(baseline))


def run(
    targets: int = DEFAULTS["targets"],
    page_size: int = DEFAULTS["page_size"],
    rounds: int = DEFAULTS["rounds"],
) -> list[Row]:
    with MockServer() as server, raw_client(server.base_url) as raw:
        outdial_id = seed_outdial(raw, targets)["id"]
        path = f"/outdials/{outdial_id}/targets"
        with VoipbinClient(token=TOKEN, base_url=server.base_url, max_retries=0) as client:

            def facade() -> list[Any]:
                return list(client.outdialtargets.iter(outdial_id, page_size=page_size))

            def baseline() -> list[dict[str, Any]]:
                return raw_walk(raw, path, page_size)

            want = [t["id"] for t in baseline()]
            got = [str(t.id) for t in facade()]
            if len(want) != targets or got != want:
                raise AssertionError(
                    f"the walks differ: facade {len(got)} targets, raw {len(want)} of {targets}"
                )
            pair = compare(facade, baseline, rounds=rounds, warmup=0)
            in_lockstep = lockstep(client, raw, outdial_id, path, page_size, rounds)
            recorded = record_pages(raw, path, page_size)
    pages = len(recorded)
    return [
        ratio_row(
            BENCH,
            f"iter() over {targets:,} targets, pages of {page_size} vs raw httpx loop",
            in_lockstep,
            op="<=",
            limit=1.15,
        ),
        ratio_row(BENCH, "the same, whole walks alternating", pair),
        Row(
            BENCH,
            "facade: time per page (lockstep)",
            in_lockstep.subject_median / pages * 1e3,
            "ms",
            rounds=in_lockstep.rounds,
            detail=f"{pages} requests; raw {in_lockstep.baseline_median / pages * 1e3:.2f} ms",
            clock="wall",
        ),
        client_side(recorded, outdial_id, path, page_size, targets, rounds=rounds),
    ]


def record_pages(client: httpx.Client, path: str, page_size: int) -> dict[str | None, bytes]:
    """page_token -> the body the server sent for it, for every page of the walk."""
    bodies: dict[str | None, bytes] = {}
    token: str | None = None
    while True:
        params: dict[str, Any] = {"page_size": page_size}
        if token:
            params["page_token"] = token
        response = client.get(path, params=params)
        bodies[token] = response.content
        page = response.json()
        if not page["result"] or not page.get("next_page_token"):
            return bodies
        token = page["next_page_token"]


def client_side(
    bodies: dict[str | None, bytes],
    outdial_id: str,
    path: str,
    page_size: int,
    targets: int,
    *,
    rounds: int,
) -> Row:
    """The same two walks with no server (httpx.MockTransport replays the recorded pages), in
    CPU time: the facade's CPU per target, the raw loop's beside it."""

    def answer(request: httpx.Request) -> httpx.Response:
        body = bodies[request.url.params.get("page_token")]
        return httpx.Response(200, content=body, headers={"content-type": "application/json"})

    base_url = "http://127.0.0.1:9/v1.0"
    headers = {"Authorization": f"Bearer {TOKEN}"}
    with (
        httpx.Client(
            transport=httpx.MockTransport(answer), base_url=base_url, headers=headers
        ) as raw,
        facade_without_server(httpx.MockTransport(answer), base_url) as client,
    ):

        def facade() -> list[Any]:
            return list(client.outdialtargets.iter(outdial_id, page_size=page_size))

        def baseline() -> list[dict[str, Any]]:
            return raw_walk(raw, path, page_size)

        invalid = replay_problem(
            [str(t.id) for t in facade()], [t["id"] for t in baseline()], targets
        )
        pair = compare(facade, baseline, rounds=rounds, clock="cpu")
    count = max(targets, 1)
    facade_us, raw_us = pair.subject_median / count * 1e6, pair.baseline_median / count * 1e6
    per_round = [s / count * 1e6 for s in pair.subject]
    return Row(
        BENCH,
        "the same, no server (httpx.MockTransport): facade CPU per target",
        facade_us,
        "µs",
        op="<=",
        limit=7.0,
        rounds=pair.rounds,
        detail=(
            f"raw httpx + json.loads loop {raw_us:.2f} µs/target; {pair.ratio:.2f}x it "
            f"(per round {min(per_round):.2f}..{max(per_round):.2f} µs)"
        ),
        invalid=invalid,
        clock="cpu",
    )


def replay_problem(facade_ids: list[str], raw_ids: list[str], targets: int) -> str:
    """Why the replayed walks cannot be compared ("" if they can): both must read the same
    ids, ``targets`` of them."""
    if len(raw_ids) != targets:
        return f"the raw walk read {len(raw_ids)} targets, not {targets}"
    if facade_ids != raw_ids:
        return f"the walks read different targets ({len(facade_ids)} vs {len(raw_ids)})"
    return ""


if __name__ == "__main__":
    cli(run, DEFAULTS, __doc__)
