"""Paging: ``client.outdialtargets.iter`` over 10,000 targets in pages of 100 vs a raw httpx loop.

Target (issue 7): the facade at most 1.15x the raw loop.

The standalone mock (a subprocess, uvicorn on 127.0.0.1) is seeded through its API with one
outdial of 10,000 targets (one POST each; about a millisecond apiece here). Both sides walk
every page of ``/v1.0/outdials/<id>/targets?page_size=100`` on the same server, each with its
own keep-alive httpx.Client, and stop the same way (the first empty page, or no token). The
facade yields ``Outdialtarget`` models; the raw loop decodes the JSON and collects the dicts.
Wall-clock time.

A third row (no target) replays the recorded pages through ``httpx.MockTransport`` and times both
walks in CPU time: the facade's own cost per target, without the server.

    python -m bench.paging [--targets N] [--page_size N] [--rounds N]
"""

from __future__ import annotations

import dataclasses
from typing import Any

import httpx

from voipbin_outdial import VoipbinClient

from ._report import cli
from ._server import TOKEN, MockServer, facade_without_server, raw_client, seed_outdial
from ._timing import Row, compare, ratio_row

BENCH = "paging"
DEFAULTS: dict[str, Any] = {"targets": 10_000, "page_size": 100, "rounds": 7}
SMOKE: dict[str, Any] = {"targets": 30, "page_size": 10, "rounds": 3}


def raw_walk(client: httpx.Client, path: str, page_size: int) -> list[dict[str, Any]]:
    """The baseline: every target, page by page, with httpx alone."""
    items: list[dict[str, Any]] = []
    token: str | None = None
    while True:
        params: dict[str, Any] = {"page_size": page_size}
        if token:
            params["page_token"] = token
        response = client.get(path, params=params)
        if response.status_code != 200:
            raise AssertionError(f"GET {path}: {response.status_code}")
        page = response.json()
        items.extend(page["result"])
        sent, token = token, page.get("next_page_token")
        if not page["result"] or not token or token == sent:
            return items


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
            recorded = record_pages(raw, path, page_size)
    pages = len(recorded)
    return [
        ratio_row(
            BENCH,
            f"iter() over {targets:,} targets, pages of {page_size} vs raw httpx loop",
            pair,
            op="<=",
            limit=1.15,
        ),
        Row(
            BENCH,
            "facade: time per page",
            pair.subject_median / pages * 1e3,
            "ms",
            rounds=pair.rounds,
            detail=f"{pages} requests; raw {pair.baseline_median / pages * 1e3:.2f} ms per page",
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
    CPU time: what the facade adds on the client, per target."""

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
        pair = compare(
            lambda: list(client.outdialtargets.iter(outdial_id, page_size=page_size)),
            lambda: raw_walk(raw, path, page_size),
            rounds=rounds,
            clock="cpu",
        )
    row = ratio_row(BENCH, "the same, no server (httpx.MockTransport)", pair)
    extra = (pair.subject_median - pair.baseline_median) / max(targets, 1) * 1e6
    return dataclasses.replace(row, detail=f"{row.detail}; the facade adds {extra:.1f} µs/target")


if __name__ == "__main__":
    cli(run, DEFAULTS, __doc__)
