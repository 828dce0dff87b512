"""Call overhead: ``client.outplans.get(id)`` through the facade vs a raw ``httpx.Client.get``.

Target (issue 7): the facade at most 1.10x the raw call.

Both sides talk to the same standalone mock (``python -m voipbin_outdial.testing``, uvicorn on
127.0.0.1, a subprocess), fetch the same URL ``/v1.0/outplans/<id>`` with the same bearer token,
and keep their connection alive (one httpx.Client each, made before timing). The facade also
turns the body into an ``Outplan`` model; the raw side reads the body and checks the status.
Wall-clock time: most of it is the round trip to the server. The two sides take turns call by
call (``compare_interleaved``), so the shared machine's slow moments fall on both alike.

A second row (no target) times the same two calls against ``httpx.MockTransport`` in CPU time:
the facade's own cost per call, without the server in the denominator.

Preconditions (a row is "invalid" when one fails): the facade is not paced (a client limiter
would time its waits, not its overhead), and every timed call of either side read the plan the
benchmark made (status 200, the same id), not an error.

    python -m bench.call_overhead [--calls N] [--rounds N]
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

import httpx

from voipbin_outdial import VoipbinClient

from ._report import cli
from ._server import TOKEN, MockServer, facade_without_server, raw_client, seed_outplan
from ._timing import Row, compare, compare_interleaved, ratio_row

BENCH = "call_overhead"
DEFAULTS: dict[str, Any] = {"calls": 200, "rounds": 15}
SMOKE: dict[str, Any] = {"calls": 5, "rounds": 3}


class Reads:
    """What the timed calls of both sides read: each wrong answer is kept, to be reported."""

    def __init__(self, plan_id: str) -> None:
        self.plan_id = plan_id
        self.wrong: list[str] = []

    def facade(self, client: VoipbinClient) -> Callable[[], object]:
        def call() -> object:
            got = client.outplans.get(self.plan_id)
            if str(got.id) != self.plan_id:
                self.wrong.append(f"the facade read {got.id}")
            return got

        return call

    def raw(self, client: httpx.Client, url: str) -> Callable[[], object]:
        def call() -> object:
            response = client.get(url)
            if response.status_code != 200 or self.plan_id.encode() not in response.content:
                self.wrong.append(f"GET {url}: {response.status_code}")
            return response

        return call

    def invalid(self, client: VoipbinClient) -> str:
        """Why the figure does not count, or ""."""
        if client.rate_limiter is not None:
            return f"the facade is paced ({client.rate_limiter!r}): its waits would be timed"
        if self.wrong:
            return f"{len(self.wrong)} timed calls read no plan, first: {self.wrong[0]}"
        return ""


def run(calls: int = DEFAULTS["calls"], rounds: int = DEFAULTS["rounds"]) -> list[Row]:
    with MockServer() as server, raw_client(server.base_url) as raw:
        plan_id = seed_outplan(raw)["id"]
        url = f"{server.base_url}/outplans/{plan_id}"
        reads = Reads(plan_id)
        with VoipbinClient(token=TOKEN, base_url=server.base_url, max_retries=0) as client:
            pair = compare_interleaved(
                reads.facade(client), reads.raw(raw, url), rounds=rounds, number=calls
            )
            invalid = reads.invalid(client)
            body = raw.get(url).content
    row = ratio_row(BENCH, "outplans.get(id) vs httpx.Client.get(url)", pair, op="<=", limit=1.10)
    return [dataclasses.replace(row, invalid=invalid), client_side(plan_id, body, rounds, calls)]


def client_side(plan_id: str, body: bytes, rounds: int, calls: int) -> Row:
    """The same two calls without a server (httpx.MockTransport answering the same body), in
    CPU time: what the facade adds on the client, free of the network and the server."""

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=body, headers={"content-type": "application/json"})

    base_url = "http://127.0.0.1:9/v1.0"
    url = f"{base_url}/outplans/{plan_id}"
    headers = {"Authorization": f"Bearer {TOKEN}"}
    reads = Reads(plan_id)
    with (
        httpx.Client(transport=httpx.MockTransport(answer), headers=headers) as raw,
        facade_without_server(httpx.MockTransport(answer), base_url) as client,
    ):
        pair = compare(
            reads.facade(client), reads.raw(raw, url), rounds=rounds, number=calls, clock="cpu"
        )
        invalid = reads.invalid(client)
    row = ratio_row(BENCH, "the same, no server (httpx.MockTransport)", pair)
    extra = (pair.subject_median - pair.baseline_median) * 1e6
    detail = f"{row.detail}; the facade adds {extra:.0f} µs"
    return dataclasses.replace(row, detail=detail, invalid=invalid)


if __name__ == "__main__":
    cli(run, DEFAULTS, __doc__)
