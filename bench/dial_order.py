"""Dial order: ``dial_order`` over a campaign's targets vs a hand-written loop over tuples.

Targets (issue 7): at least 1 M targets/s, and at most 2x the tuple loop, on 1,000,000 targets,
given as JSON dicts (as the API returns them) and as the generated models.

The baseline is what a user would write with the fields already unpacked into tuples and no
checks: keep the idle targets, take the first destination with a try left, sort by
``tm_update`` (or ``tm_create`` if never tried) then id, and give (sort key, id, index,
address, try number, time) tuples. The benchmark asserts both sides give the same answer (same
order, same attempt, same time) on a sample before it times anything. CPU time (no I/O here).

The campaign is a mix: 80 % idle, 10 % progressing, 10 % done; every target has destination_0,
half destination_1, a tenth destination_2..4; try counts 0..2 of a max of 2 (so some idle
targets are exhausted); tm_update the 9999 sentinel, null, equal to tm_create, or a real time.

Figures with the garbage collector on (what a program sees) and off (as :mod:`timeit` runs):
each result is a new object (about 656,000 of them for a million targets), and the full
collections they trigger trace every live object, the million input targets included.

    python -m bench.dial_order [--targets N] [--rounds N]
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from operator import itemgetter
from typing import Any
from uuid import UUID

from voipbin_outdial.dialplan import ScheduledAttempt, dial_order
from voipbin_outdial.models import Address, Outdialtarget, OutdialtargetStatus

from ._report import cli
from ._timing import Op, Row, compare, ratio_row

BENCH = "dial_order"
DEFAULTS: dict[str, Any] = {"targets": 1_000_000, "rounds": 5}
SMOKE: dict[str, Any] = {"targets": 2_000, "rounds": 3}

NEVER = "9999-01-01 00:00:00.000000"
MAX_TRIES = 2
TRY_INTERVAL_MS = 60_000
OUTPLAN: dict[str, Any] = {
    "id": "d5fb7357-7ddb-4f2d-87b5-8ccbfd6c039e",
    "name": "bench",
    "detail": "",
    "source": {"type": "tel", "target": "+15559876543"},
    "dial_timeout": 30_000,
    "try_interval": TRY_INTERVAL_MS,
    **{f"max_try_count_{i}": MAX_TRIES for i in range(5)},
    "tm_create": "2022-04-28 01:50:23.414000",
    "tm_update": NEVER,
    "tm_delete": NEVER,
}
NOW = datetime(2022, 5, 1, 12, 0, tzinfo=UTC)

Rows = list[tuple[Any, ...]]
Answer = list[tuple[str, str, int, Any, int, datetime]]


def make_campaign(n: int, seed: int = 7) -> tuple[list[dict[str, Any]], Rows]:
    """``n`` targets as JSON dicts, and (for the baseline) as tuples of the fields the rules
    read, in the order (status, id, tm_update, tm_create, d0, c0, ..., d4, c4)."""
    rng = random.Random(seed)
    base = datetime(2022, 4, 1, tzinfo=UTC)
    # A pool of times (so that some tie and sort by id) in VoIPBIN's wire form.
    stamps = [
        (
            base + timedelta(seconds=rng.randrange(30 * 86_400), microseconds=rng.randrange(10**6))
        ).isoformat(" ", "microseconds")[:26]
        for _ in range(min(n, 50_000))
    ]
    addresses = [
        {"type": "tel", "target": f"+1555{k:07d}", "target_name": "", "name": "", "detail": ""}
        for k in range(1_000)
    ]
    statuses = ["idle"] * 8 + ["progressing", "done"]
    outdial_id = "40bea034-1d17-474d-a5de-da00d0861c69"
    dicts: list[dict[str, Any]] = []
    rows: Rows = []
    for k in range(n):
        tid = str(UUID(int=rng.getrandbits(128), version=4))
        status = statuses[rng.randrange(10)]
        tm_create = stamps[rng.randrange(len(stamps))]
        r = rng.randrange(10)
        if r < 4:
            tm_update: str | None = NEVER
        elif r < 5:
            tm_update = None
        elif r < 6:
            tm_update = tm_create
        else:
            tm_update = max(tm_create, stamps[rng.randrange(len(stamps))])
        present = [True, rng.random() < 0.5, *(rng.random() < 0.1 for _ in range(3))]
        dests = [addresses[rng.randrange(len(addresses))] if p else None for p in present]
        counts = [rng.randrange(MAX_TRIES + 1) if p else 0 for p in present]
        d: dict[str, Any] = {
            "id": tid,
            "outdial_id": outdial_id,
            "name": f"contact {k}",
            "detail": "",
            "data": "",
            "status": status,
            **{f"destination_{i}": dests[i] for i in range(5)},
            **{f"try_count_{i}": counts[i] for i in range(5)},
            "tm_create": tm_create,
            "tm_update": tm_update,
            "tm_delete": NEVER,
        }
        dicts.append(d)
        pairs = (x for i in range(5) for x in (dests[i], counts[i]))
        rows.append((status, tid, tm_update, tm_create, *pairs))
    return dicts, rows


def make_models(dicts: Sequence[dict[str, Any]]) -> list[Outdialtarget]:
    """The same targets as the generated models (what ``Outdialtarget.from_dict`` gives, built
    directly: from_dict on a million targets takes a minute here)."""
    addresses: dict[int, Address] = {}
    members = {s: OutdialtargetStatus(s) for s in ("idle", "progressing", "done")}
    outdial_uuid = UUID(dicts[0]["outdial_id"]) if dicts else None

    def address(value: dict[str, Any] | None) -> Address | None:
        if value is None:
            return None
        model = addresses.get(id(value))
        if model is None:
            model = addresses[id(value)] = Address.from_dict(value)
        return model

    return [
        Outdialtarget(
            id=UUID(d["id"]),
            outdial_id=outdial_uuid,  # type: ignore[arg-type]
            name=d["name"],
            detail=d["detail"],
            data=d["data"],
            status=members[d["status"]],
            destination_0=address(d["destination_0"]),
            try_count_0=d["try_count_0"],
            try_count_1=d["try_count_1"],
            try_count_2=d["try_count_2"],
            try_count_3=d["try_count_3"],
            try_count_4=d["try_count_4"],
            tm_create=d["tm_create"],
            destination_1=address(d["destination_1"]),
            destination_2=address(d["destination_2"]),
            destination_3=address(d["destination_3"]),
            destination_4=address(d["destination_4"]),
            tm_update=d["tm_update"],
            tm_delete=d["tm_delete"],
        )
        for d in dicts
    ]


def tuple_loop(rows: Rows, maxes: Sequence[int], interval: timedelta, now: datetime) -> Answer:
    """The baseline: the same rules, hand-written over tuples, no checks. Each answer is
    (sort key, id, index, address, try number, time), sorted by the key."""
    m0, m1, m2, m3, m4 = maxes
    fromisoformat = datetime.fromisoformat
    out: Answer = []
    for status, tid, tm_update, tm_create, d0, c0, d1, c1, d2, c2, d3, c3, d4, c4 in rows:
        if status != "idle":
            continue
        if d0 is not None and c0 < m0:
            i, d, c = 0, d0, c0
        elif d1 is not None and c1 < m1:
            i, d, c = 1, d1, c1
        elif d2 is not None and c2 < m2:
            i, d, c = 2, d2, c2
        elif d3 is not None and c3 < m3:
            i, d, c = 3, d3, c3
        elif d4 is not None and c4 < m4:
            i, d, c = 4, d4, c4
        else:
            continue
        if tm_update is None or tm_update == NEVER or tm_update == tm_create:  # noqa: SIM109
            key = tm_create
            at = fromisoformat(tm_create + "+00:00")
        else:
            key = tm_update
            at = fromisoformat(tm_update + "+00:00") + interval
        if at < now:
            at = now
        out.append((key + tid, tid, i, d, c + 1, at))
    out.sort(key=itemgetter(0))
    return out


def _plain(entry: ScheduledAttempt) -> tuple[str, int, str, int, datetime]:
    address = entry.address
    number = address.target if isinstance(address, Address) else address["target"]
    return (entry.target_id, entry.index, number, entry.try_number, entry.at)


def check_same_answer(got: Sequence[ScheduledAttempt], want: Answer) -> None:
    """Same length, and the same entries at ~1000 positions spread over the list (the first
    and the last included): same order, same attempt, same time."""
    if len(got) != len(want):
        raise AssertionError(f"dial_order gave {len(got)} entries, the tuple loop {len(want)}")
    step = max(1, len(got) // 1000)
    for i in {*range(0, len(got), step), len(got) - 1} if got else ():
        _, tid, index, address, try_number, at = want[i]
        expected = (tid, index, address["target"], try_number, at)
        if _plain(got[i]) != expected:
            raise AssertionError(f"entry {i}: dial_order {_plain(got[i])} != loop {expected}")


def _throughput(name: str, n: int, seconds: float, rounds: int, *, target: bool = True) -> Row:
    op: Op = ">=" if target else "info"
    detail = f"{n:,} targets in {seconds:.3g} s"
    return Row(BENCH, name, n / seconds / 1e6, "M targets/s", op, 1.0, rounds, detail)


def run(targets: int = DEFAULTS["targets"], rounds: int = DEFAULTS["rounds"]) -> list[Row]:
    dicts, rows = make_campaign(targets)
    maxes = [MAX_TRIES] * 5
    interval = timedelta(milliseconds=TRY_INTERVAL_MS)

    def baseline() -> object:
        return tuple_loop(rows, maxes, interval, NOW)

    want = tuple_loop(rows, maxes, interval, NOW)
    out: list[Row] = []
    # One input shape alive at a time (with the baseline's tuples), as in a real program: the
    # cost of a full garbage collection grows with every object alive.
    for shape in ("dicts", "models"):
        items: list[Any] = dicts if shape == "dicts" else make_models(dicts)
        if shape == "models":
            del dicts
        check_same_answer(dial_order(items, OUTPLAN, NOW), want)

        def subject(items: list[Any] = items) -> object:
            return dial_order(items, OUTPLAN, NOW)

        for gc_off in (False, True):
            gc_label = "GC off" if gc_off else "GC on"
            pair = compare(subject, baseline, rounds=rounds, gc_off=gc_off, warmup=0, clock="cpu")
            out.append(
                _throughput(
                    f"{shape}: throughput ({gc_label})", targets, pair.subject_median, rounds
                )
            )
            out.append(
                ratio_row(
                    BENCH,
                    f"{shape}: vs tuple loop ({gc_label})",
                    pair,
                    op="<=",
                    limit=2.0,
                )
            )
            if shape == "dicts":
                out.append(
                    _throughput(
                        f"tuple loop: throughput ({gc_label})",
                        targets,
                        pair.baseline_median,
                        rounds,
                        target=False,
                    )
                )
        del items
    share = len(want) / targets * 100 if targets else 0.0
    out.append(Row(BENCH, "available targets", share, "%", detail="of all targets"))
    return out


if __name__ == "__main__":
    cli(run, DEFAULTS, __doc__)
