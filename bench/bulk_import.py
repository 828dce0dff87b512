"""Bulk import: ``client.outdialtargets.create_many`` against the standalone mock, held to the
ideal time the issue names (issue 16) and to the server's limit (issue 26).

(a) Latency-bound: 2,000 rows, the mock adding 50 ms to every request (``--latency 0.05``),
    concurrency 16, no pacing (``rate_limit=None``). The ideal is 2,000 x 50 ms / 16 = 6.25 s;
    target <= 1.3x.
(b) Alone at the server's limit: 800 rows, the mock enforcing VoIPBIN's per-customer limit
    (``--rate-limit``: GCRA, 16.7 a second applied as 17 by Go's ``math.Round``, burst 33;
    ``customer_ratelimit.go``), the import's default pacing (adaptive, from 17 a second). The
    figure is the server's floor (800 - 33) / 17 = 45.1 s over the import's time; target
    >= 98 %. Invalid if the mock does not enforce 17/s burst 33, if the import beat the floor
    (then the limit was not applied), or if a row was not created exactly once.
(c) Sharing the bucket: 500 rows as in (b) while another client of the same customer (a thread
    with its own connection and the same token) sends a GET every 1 / 8.5 s, half the server's
    rate. The figure is the share of the import's requests that met a 429; target <= 1 %.
    Invalid if a row was lost (not created, or created twice), or if the other client did not
    send at half the rate.

Each round imports into a new outdial with the sync client (as ``voipbin-outdial import``
does, with ``skip_existing`` on: one listing first). (a) and (b) give the median of the rounds'
figures, (c) the 429s over the requests of all rounds. Before each rate-bound round the bucket
is left to fill up again.

    python -m bench.bulk_import [--rows N] [--latency S] [--alone_rows N] [--shared_rows N]
        [--rounds N]
"""

from __future__ import annotations

import dataclasses
import statistics
import threading
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

import httpx

from voipbin_outdial import VoipbinClient
from voipbin_outdial._bulk import target_key

from ._report import cli
from ._server import HEADERS, TOKEN, MockServer
from ._timing import Row

BENCH = "bulk_import"
DEFAULTS: dict[str, Any] = {
    "rows": 2000,
    "latency": 0.05,
    "concurrency": 16,
    "alone_rows": 800,
    "shared_rows": 500,
    "rounds": 3,
}
SMOKE: dict[str, Any] = {
    "rows": 64,
    "latency": 0.01,
    "concurrency": 16,
    "alone_rows": 60,
    "shared_rows": 40,
    "rounds": 1,
}
SERVER_RATE, SERVER_BURST = 17, 33  # as customer_ratelimit.go applies 16.7: math.Round
OTHER_RATE = SERVER_RATE / 2


def _rows(n: int) -> list[dict[str, Any]]:
    return [
        {
            "name": f"contact {k}",
            "detail": "bench",
            "data": f"crm-{k}",
            "destinations": [{"type": "tel", "target": f"+1201{k:07d}"}],
        }
        for k in range(n)
    ]


def _outdial(base_url: str) -> str:
    body = {
        "campaign_id": "183c0d5c-691e-42f3-af2b-9bffc2740f83",
        "name": "bench import",
        "detail": "bench",
        "data": "bench",
    }
    response = httpx.post(f"{base_url}/outdials", json=body, headers=HEADERS, timeout=30)
    response.raise_for_status()
    return str(response.json()["id"])


class Counted:
    """The responses an httpx client received: all of them, and the 429s."""

    def __init__(self) -> None:
        self.responses = 0
        self.refused = 0

    def __call__(self, response: httpx.Response) -> None:
        self.responses += 1
        self.refused += response.status_code == 429


def _import(
    base_url: str,
    rows: list[dict[str, Any]],
    *,
    counted: Counted | None = None,
    full_bucket: bool = False,
    on_start: Callable[[], object] = lambda: None,
    **options: Any,
) -> tuple[float, str]:
    """(seconds, what went wrong: "" when each row made one target) of one create_many into a
    new outdial. ``counted`` counts the import's responses; ``full_bucket`` waits for the
    server's bucket to fill before; ``on_start`` is called just before the import."""
    outdial = _outdial(base_url)
    if full_bucket:
        time.sleep(SERVER_BURST / SERVER_RATE + 0.2)
    hooks: dict[str, list[Callable[..., object]]] = {"response": [counted]} if counted else {}
    http = httpx.Client(base_url=base_url, timeout=30.0, event_hooks=hooks)
    with http, VoipbinClient(token=TOKEN, http_client=http) as client:
        on_start()
        start = time.perf_counter()
        results = client.outdialtargets.create_many(outdial, rows, **options)
        elapsed = time.perf_counter() - start
    with VoipbinClient(token=TOKEN, base_url=base_url, max_retries=8) as client:
        made = Counter(target_key(t) for t in client.outdialtargets.iter(outdial))
    left = sum(1 for r in results if r.outcome != "created")
    if left:
        return elapsed, f"{left} rows not created"
    if sum(made.values()) != len(rows) or max(made.values(), default=1) != 1:
        return elapsed, f"{sum(made.values())} targets ({len(made)} keys) for {len(rows)} rows"
    return elapsed, ""


def _row(name: str, ratios: list[float], limit: float, detail: str) -> Row:
    spread = f"per-round ratios {min(ratios):.2f}..{max(ratios):.2f}"
    return Row(
        BENCH,
        name,
        statistics.median(ratios),
        "x",
        "<=",
        limit,
        len(ratios),
        f"{detail} ({spread})",
        clock="wall",
    )


class OtherClient(threading.Thread):
    """Another program of the same customer: a GET every ``1 / per_second`` seconds on a fixed
    schedule (late ones are sent at once, so the average holds), until :meth:`stop`."""

    def __init__(self, base_url: str, per_second: float) -> None:
        super().__init__(daemon=True)
        self.base_url, self.per_second = base_url, per_second
        self.sent = self.refused = 0
        self.seconds = 0.0
        self._stop_event = threading.Event()

    def run(self) -> None:
        with httpx.Client(base_url=self.base_url, headers=HEADERS, timeout=30.0) as http:
            start = time.perf_counter()
            while True:
                due = start + self.sent / self.per_second
                if self._stop_event.wait(max(due - time.perf_counter(), 0.0)):
                    break
                response = http.get("/outplans", params={"page_size": 1})
                self.sent += 1
                self.refused += response.status_code == 429
            self.seconds = time.perf_counter() - start

    def stop(self) -> None:
        self._stop_event.set()
        self.join()

    @property
    def rate(self) -> float:
        """Requests a second it sent."""
        return self.sent / self.seconds if self.seconds else 0.0


def _enforced(base_url: str) -> tuple[int, int] | None:
    """The limit the mock enforces, (per second, burst), from its ``/_mock/state``."""
    state = httpx.get(base_url.removesuffix("/v1.0") + "/_mock/state", timeout=30).json()
    limit = state["faults"]["rate_limit"]
    return None if limit is None else (limit["per_second"], limit["burst"])


def _limit_problem(base_url: str) -> str:
    enforced = _enforced(base_url)
    if enforced != (SERVER_RATE, SERVER_BURST):
        return f"the mock enforces {enforced}, not ({SERVER_RATE}, {SERVER_BURST})"
    return ""


def _latency_row(rows: int, latency: float, concurrency: int, rounds: int) -> Row:
    ideal = rows * latency / concurrency
    times: list[float] = []
    invalid = ""
    with MockServer(args=["--latency", str(latency)]) as server:
        for _ in range(rounds):
            elapsed, problem = _import(
                server.base_url, _rows(rows), concurrency=concurrency, rate_limit=None
            )
            invalid = invalid or problem
            times.append(elapsed)
    row = _row(
        f"{rows:,} rows, {latency * 1000:.0f} ms latency, concurrency {concurrency} vs ideal",
        [t / ideal for t in times],
        1.3,
        f"median {statistics.median(times):.2f} s vs ideal {ideal:.2f} s",
    )
    return dataclasses.replace(row, invalid=invalid)


def _alone_row(server: MockServer, rows: int, rounds: int) -> Row:
    """(b): the default pace alone against the server's limit, as a share of its floor."""
    floor = (rows - SERVER_BURST) / SERVER_RATE
    times: list[float] = []
    counted = Counted()
    invalid = _limit_problem(server.base_url)
    for _ in range(rounds):
        elapsed, problem = _import(server.base_url, _rows(rows), counted=counted, full_bucket=True)
        invalid = invalid or problem
        times.append(elapsed)
    shares = [100 * floor / t for t in times]
    if max(shares) > 100:
        invalid = invalid or f"faster than the server's floor ({max(shares):.1f} %): no limit"
    return Row(
        BENCH,
        f"{rows:,} rows alone, server limit 17/s burst 33, default pacing: floor / time",
        statistics.median(shares),
        "%",
        ">=",
        98.0,
        rounds,
        f"median {statistics.median(times):.2f} s vs the floor ({rows:,} - 33) / 17 ="
        f" {floor:.2f} s (per round {min(shares):.1f}..{max(shares):.1f} %);"
        f" {counted.refused} of {counted.responses} requests met a 429",
        invalid,
        clock="wall",
    )


def _shared_row(server: MockServer, rows: int, rounds: int) -> Row:
    """(c): the default pace while another client spends half the bucket: 429s met."""
    counted = Counted()
    invalid = _limit_problem(server.base_url)
    rates: list[float] = []
    times: list[float] = []
    other_sent = other_refused = 0
    for _ in range(rounds):
        other = OtherClient(server.base_url, OTHER_RATE)
        try:
            elapsed, problem = _import(
                server.base_url,
                _rows(rows),
                counted=counted,
                full_bucket=True,
                on_start=other.start,
            )
        finally:
            if other.is_alive():
                other.stop()
        invalid = invalid or problem
        if not 0.9 * OTHER_RATE <= other.rate <= 1.1 * OTHER_RATE:
            invalid = invalid or f"the other client sent {other.rate:.1f}/s, not {OTHER_RATE}/s"
        rates.append(rows / elapsed)
        times.append(elapsed)
        other_sent += other.sent
        other_refused += other.refused
    share = 100 * counted.refused / max(counted.responses, 1)
    return Row(
        BENCH,
        f"{rows:,} rows, another client at 8.5/s on the customer: 429s the import met",
        share,
        "%",
        "<=",
        1.0,
        rounds,
        f"{counted.refused} of {counted.responses} requests; the import made"
        f" {statistics.median(rates):.1f} rows/s (median {statistics.median(times):.1f} s),"
        f" the other client {other_sent} GETs, {other_refused} refused",
        invalid,
    )


def run(
    rows: int = DEFAULTS["rows"],
    latency: float = DEFAULTS["latency"],
    concurrency: int = DEFAULTS["concurrency"],
    alone_rows: int = DEFAULTS["alone_rows"],
    shared_rows: int = DEFAULTS["shared_rows"],
    rounds: int = DEFAULTS["rounds"],
) -> list[Row]:
    latency_row = _latency_row(rows, latency, concurrency, rounds)
    with MockServer(args=["--rate-limit"]) as server:
        alone = _alone_row(server, alone_rows, rounds)
        shared = _shared_row(server, shared_rows, rounds)
    return [latency_row, alone, shared]


if __name__ == "__main__":
    cli(run, DEFAULTS, __doc__)
