"""Bulk import: ``client.outdialtargets.create_many`` against the standalone mock, held to the
ideal time the issue names (issue 16).

(a) Latency-bound: 2,000 rows, the mock adding 50 ms to every request (``--latency 0.05``),
    concurrency 16, no pacing (``rate_limit=None``). The ideal is 2,000 x 50 ms / 16 = 6.25 s;
    target <= 1.3x.
(b) Rate-bound: 500 rows, the mock enforcing VoIPBIN's per-customer limit (``--rate-limit``:
    GCRA, 16.7 a second applied as 17, burst 33; ``customer_ratelimit.go``), the import's
    default pacing (16 a second, burst 30). The ideal is (500 - 33) / 16.7 = 27.96 s; target
    <= 1.15x with no row failed. The detail also gives the server's own floor,
    (500 - 33) / 17.

Each round imports into a new outdial with the sync client (as ``voipbin-outdial import``
does, with ``skip_existing`` on: one listing first); the figure is the median of the rounds'
ratios (elapsed / ideal). Before each rate-bound round the bucket is left to fill up again.

    python -m bench.bulk_import [--rows N] [--latency S] [--rate_rows N] [--rounds N]
"""

from __future__ import annotations

import statistics
import time
from typing import Any

import httpx

from voipbin_outdial import RateLimiter, VoipbinClient
from voipbin_outdial._ratelimit import IMPORT_RATE_LIMIT

from ._report import cli
from ._server import HEADERS, TOKEN, MockServer
from ._timing import Row

BENCH = "bulk_import"
DEFAULTS: dict[str, Any] = {
    "rows": 2000,
    "latency": 0.05,
    "concurrency": 16,
    "rate_rows": 500,
    "rounds": 3,
}
SMOKE: dict[str, Any] = {
    "rows": 64,
    "latency": 0.01,
    "concurrency": 16,
    "rate_rows": 40,
    "rounds": 1,
}
SERVER_RATE, SERVER_BURST = 16.7, 33


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


def _import(
    base_url: str, rows: list[dict[str, Any]], limiter: RateLimiter | None = None, **options: Any
) -> tuple[float, int]:
    """(seconds, rows not created) of one create_many into a new outdial."""
    outdial = _outdial(base_url)
    with VoipbinClient(token=TOKEN, base_url=base_url, rate_limit=limiter) as client:
        start = time.perf_counter()
        results = client.outdialtargets.create_many(outdial, rows, **options)
        elapsed = time.perf_counter() - start
        made = sum(1 for _ in client.outdialtargets.iter(outdial))
    if made != len(rows):
        raise AssertionError(f"{made} targets for {len(rows)} rows")
    return elapsed, sum(1 for r in results if r.outcome != "created")


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
    )


def run(
    rows: int = DEFAULTS["rows"],
    latency: float = DEFAULTS["latency"],
    concurrency: int = DEFAULTS["concurrency"],
    rate_rows: int = DEFAULTS["rate_rows"],
    rounds: int = DEFAULTS["rounds"],
) -> list[Row]:
    ideal = rows * latency / concurrency
    times: list[float] = []
    with MockServer(args=["--latency", str(latency)]) as server:
        for _ in range(rounds):
            elapsed, left = _import(
                server.base_url, _rows(rows), concurrency=concurrency, rate_limit=None
            )
            if left:
                raise AssertionError(f"{left} rows not created")
            times.append(elapsed)
    latency_row = _row(
        f"{rows:,} rows, {latency * 1000:.0f} ms latency, concurrency {concurrency} vs ideal",
        [t / ideal for t in times],
        1.3,
        f"median {statistics.median(times):.2f} s vs ideal {ideal:.2f} s",
    )

    ideal = (rate_rows - SERVER_BURST) / SERVER_RATE
    floor = (rate_rows - SERVER_BURST) / round(SERVER_RATE)
    times, failed, paused = [], 0, 0
    with MockServer(args=["--rate-limit"]) as server:
        for _ in range(rounds):
            time.sleep(SERVER_BURST / round(SERVER_RATE) + 0.2)  # a full bucket again
            # The import's default pace, as a limiter of the client's, to count its 429 pauses.
            limiter = RateLimiter(IMPORT_RATE_LIMIT)
            elapsed, left = _import(server.base_url, _rows(rate_rows), limiter)
            failed += left
            paused += limiter.pauses
            times.append(elapsed)
    if failed:
        raise AssertionError(f"{failed} rows failed under the server's limit")
    rate_row = _row(
        f"{rate_rows:,} rows, server limit 16.7/s burst 33, default pacing vs ideal",
        [t / ideal for t in times],
        1.15,
        f"median {statistics.median(times):.2f} s vs ideal {ideal:.2f} s"
        f" (the server's own floor at 17/s: {floor:.2f} s); no row failed,"
        f" {paused} pauses for a 429",
    )
    return [latency_row, rate_row]


if __name__ == "__main__":
    cli(run, DEFAULTS, __doc__)
