"""Memory of ``create_many(skip_existing=True)``: bytes kept per target the outdial already holds.

Target (issue 26): at most 150 bytes per existing target, so that 1,000,000 existing targets
cost under 200 MB (it was 2,377 bytes: every target kept whole, to hand it back when a row was
skipped).

The subject is the import's own listing (``AsyncTargetImport._load_existing``, which keeps a
digest of each target's key and its id); the baseline, in the same run, keeps every target as
the import did before issue 26 (``{target_key(t): t}``). Both walk the same pages, as VoIPBIN
sends them (unused slots ``{}``), each page decoded from its JSON bytes when it is asked for
(fresh strings, as from a server), from a fake ``list`` (no server: memory, not time). The
figure is tracemalloc's count of what is still allocated after the walk, garbage collected,
over the number of targets; it does not depend on the machine's load.

    python -m bench.import_memory [--targets N]
"""

from __future__ import annotations

import asyncio
import gc
import json
import tracemalloc
from collections.abc import Callable
from typing import Any
from uuid import UUID

from voipbin_outdial._async.bulk import AsyncTargetImport
from voipbin_outdial._bulk import Key, target_key
from voipbin_outdial._pagination import Page
from voipbin_outdial.models import Outdialtarget, OutdialtargetList

from ._report import cli
from ._timing import Row
from .dial_order import make_campaign

BENCH = "import_memory"
DEFAULTS: dict[str, Any] = {"targets": 100_000}
SMOKE: dict[str, Any] = {"targets": 2_000}
PAGE_SIZE = 100
GOAL = 150.0  # bytes per existing target
MILLION = 1_000_000
OUTDIAL = UUID("40bea034-1d17-474d-a5de-da00d0861c69")


def server_pages(targets: int) -> list[bytes]:
    """The outdial's list pages as VoIPBIN sends them: every unused slot ``{}``."""
    dicts, _ = make_campaign(targets, seed=26)
    for target in dicts:
        for i in range(5):
            if target[f"destination_{i}"] is None:
                target[f"destination_{i}"] = {}
    chunks = [dicts[k : k + PAGE_SIZE] for k in range(0, len(dicts), PAGE_SIZE)]
    return [
        json.dumps({"result": chunk, "next_page_token": str(n + 1)}).encode()
        for n, chunk in enumerate(chunks)
    ]


class _Listing:
    """``outdialtargets.list`` over fixed pages, each decoded when it is asked for."""

    def __init__(self, pages: list[bytes]) -> None:
        self._pages = pages

    async def list(self, outdial_id: UUID, *, page_token: str | None = None) -> Page[Outdialtarget]:
        n = int(page_token or 0)
        items = OutdialtargetList.from_dict(json.loads(self._pages[n])).result
        return Page(items, str(n + 1) if n + 1 < len(self._pages) else None)

    async def create(self, outdial_id: UUID, **fields: Any) -> Outdialtarget:
        raise AssertionError("the listing creates nothing")


def _import(pages: list[bytes]) -> AsyncTargetImport:
    return AsyncTargetImport(
        _Listing(pages), OUTDIAL, concurrency=1, on_progress=None, limiters=(None, None)
    )


def kept_now(pages: list[bytes]) -> object:
    """What the import keeps today: its own listing's digests and ids."""
    run = _import(pages)
    asyncio.run(run._load_existing())
    return run


def kept_before(pages: list[bytes]) -> object:
    """What the import kept before issue 26: every target whole, by its key."""

    async def walk() -> dict[Key, Outdialtarget]:
        listing, token = _Listing(pages), None
        existing: dict[Key, Outdialtarget] = {}
        while True:
            page = await listing.list(OUTDIAL, page_token=token)
            for target in page.items:
                existing.setdefault(target_key(target), target)
            if page.next_page_token is None:
                return existing
            token = page.next_page_token

    return asyncio.run(walk())


def retained(keep: Callable[[], object]) -> tuple[int, int, object]:
    """Bytes still allocated (tracemalloc) after ``keep()``, its result held, garbage gone;
    the most allocated at any moment during ``keep()`` above what was before (its peak); and
    the result."""
    gc.collect()
    started = not tracemalloc.is_tracing()  # python -X tracemalloc: leave it on
    if started:
        tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        tracemalloc.reset_peak()
        held = keep()
        peak = tracemalloc.get_traced_memory()[1]
        gc.collect()
        after = tracemalloc.get_traced_memory()[0]
    finally:
        if started:
            tracemalloc.stop()
    return after - before, peak - before, held


def _count_problem(now: object, before: object, targets: int) -> str:
    """Why the two walks did not see the same targets ("" if they did)."""
    if not isinstance(now, AsyncTargetImport) or not isinstance(before, dict):
        return "a walk returned something else"
    keys = len(now._existing or {})
    if keys != len(before) or not 0 < keys <= targets:
        return f"the import kept {keys:,} keys, the whole targets {len(before):,}, of {targets:,}"
    return ""


def run(targets: int = DEFAULTS["targets"]) -> list[Row]:
    pages = server_pages(targets)
    kept_before(pages[:2])  # warm-up: imports, caches (parse_uuid's) filled on both sides
    kept_now(pages[:2])
    now_bytes, now_peak, now_held = retained(lambda: kept_now(pages))
    before_bytes, before_peak, before_held = retained(lambda: kept_before(pages))
    invalid = _count_problem(now_held, before_held, targets)
    del now_held, before_held
    now, before = now_bytes / targets, before_bytes / targets
    peak, peak_before = now_peak / targets, before_peak / targets
    name = f"skip_existing, {targets:,} existing targets"
    return [
        Row(
            BENCH,
            f"{name}: bytes kept per target",
            now,
            "B",
            "<=",
            GOAL,
            detail=(
                f"tracemalloc; {now * MILLION / 1e6:,.0f} MB per 1,000,000 (goal < 200 MB);"
                f" the targets kept whole instead (as before issue 26) {before:,.0f} B,"
                f" {before / now:.0f}x"
            ),
            invalid=invalid,
            clock="memory",
        ),
        Row(
            BENCH,
            f"{name}: peak bytes per target while listing",
            peak,
            "B",
            detail=(
                f"tracemalloc's peak during the walk, above what was allocated before it:"
                f" {now_peak / 1e6:,.1f} MB in all, {peak * MILLION / 1e6:,.0f} MB per"
                f" 1,000,000 (no goal: the page in flight weighs on a small walk);"
                f" the targets kept whole {peak_before:,.0f} B"
            ),
            invalid=invalid,
            clock="memory",
        ),
        Row(
            BENCH,
            f"{name}: bytes per target kept whole (as before)",
            before,
            "B",
            detail=(
                f"tracemalloc; {{Key: Outdialtarget}} with today's models;"
                f" {before * MILLION / 1e9:.2f} GB per 1,000,000"
            ),
            invalid=invalid,
            clock="memory",
        ),
    ]


if __name__ == "__main__":
    cli(run, DEFAULTS, __doc__)
