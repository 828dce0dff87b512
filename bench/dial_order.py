"""Dial order: ``dial_order`` vs a plain loop applying the same rules, on RFC 3339 targets.

Target (issue 12): at most 2.5x the plain loop, on targets whose times are RFC 3339 (what VoIPBIN
sends today), given as JSON dicts and as the generated models. The >= 1 M targets/s goal of issue
7 is retired: clear code won over the last 30 %.

The plain loop is what a user would write with no checks and ids left as they come: keep the
idle targets, take the first slot with a destination and a try left, parse ``tm_update`` and
``tm_create`` with ``datetime.fromisoformat`` (never tried when they are the same instant), sort
once by (``tm_update``, id), then walk the list for each call's time (``now``, its due time, 500
ms after the call before). The benchmark checks that both give the same order, attempts and times
before it times anything. CPU time (no I/O here).

The campaign: 80 % idle, 10 % progressing, 10 % done; every target has destination_0, half
destination_1, a tenth destination_2..4, unused slots ``{}`` or null; try counts 0..2 of a max of
2; half never tried (tm_update = tm_create, as VoIPBIN creates targets), half tried. A row without
a target times the docs' older ``"2022-04-30 17:52:16.484341"`` form (with the 9999 sentinel for
"never"), which is kept correct, not fast.

    python -m bench.dial_order [--targets N] [--rounds N]
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from operator import attrgetter, itemgetter
from typing import Any
from uuid import UUID

from voipbin_outdial.dialplan import ScheduledAttempt, dial_order
from voipbin_outdial.models import Address, Outdialtarget, OutdialtargetStatus

from ._report import cli
from ._timing import Op, Row, compare, ratio_row

BENCH = "dial_order"
DEFAULTS: dict[str, Any] = {"targets": 200_000, "rounds": 5}
SMOKE: dict[str, Any] = {"targets": 2_000, "rounds": 3}

NEVER = "9999-01-01 00:00:00.000000"
MAX_TRIES = 2
TRY_INTERVAL = timedelta(minutes=1)
PLACEMENT_DELAY = timedelta(milliseconds=500)
OUTPLAN: dict[str, Any] = {
    "id": "d5fb7357-7ddb-4f2d-87b5-8ccbfd6c039e",
    "name": "bench",
    "detail": "two tries a slot",
    "source": {"type": "tel", "target": "+15559876543"},
    "dial_timeout": 30_000,
    "try_interval": TRY_INTERVAL // timedelta(milliseconds=1),
    **{f"max_try_count_{i}": MAX_TRIES for i in range(5)},
    "tm_create": "2022-04-28T01:50:23.414Z",
}
NOW = datetime(2022, 5, 1, 12, 0, tzinfo=UTC)
FIELDS = (
    "status",
    "id",
    "tm_create",
    "tm_update",
    *(f"destination_{i}" for i in range(5)),
    *(f"try_count_{i}" for i in range(5)),
)

Answer = list[tuple[Any, int, Any, int, datetime]]


def rfc3339(dt: datetime) -> str:
    """As VoIPBIN writes times today: UTC, ``Z``, trailing fraction zeros cut."""
    return dt.strftime("%Y-%m-%dT%H:%M:%S.%f").rstrip("0").rstrip(".") + "Z"


def spaced(dt: datetime) -> str:
    return dt.strftime("%Y-%m-%d %H:%M:%S.%f")


def make_campaign(
    n: int, seed: int = 7, write: Callable[[datetime], str] = rfc3339, empty_slots: bool = False
) -> tuple[list[dict[str, Any]], list[tuple[Any, ...]]]:
    """``n`` targets as JSON dicts, their times written by ``write``, and each target's
    :data:`FIELDS` as a tuple. Unused slots are null, or with ``empty_slots`` ``{}`` in every
    other target (as VoIPBIN sends them today, which the generated models do not read yet)."""
    rng = random.Random(seed)
    base = datetime(2022, 4, 1, tzinfo=UTC)
    # A pool of times, so that some tie and sort by id.
    instants = [
        base + timedelta(seconds=rng.randrange(30 * 86_400), microseconds=rng.randrange(10**6))
        for _ in range(min(n, 50_000))
    ]
    addresses = [
        {"type": "tel", "target": f"+1555{k:07d}", "target_name": "", "name": "", "detail": ""}
        for k in range(1_000)
    ]
    statuses = ["idle"] * 8 + ["progressing", "done"]
    unused: list[Any] = [{}, None] if empty_slots else [None, None]
    targets: list[dict[str, Any]] = []
    for k in range(n):
        created = instants[rng.randrange(len(instants))]
        tried = rng.random() < 0.5
        updated = max(created, instants[rng.randrange(len(instants))]) if tried else created
        present = [True, rng.random() < 0.5, *(rng.random() < 0.1 for _ in range(3))]
        targets.append(
            {
                "id": str(UUID(int=rng.getrandbits(128), version=4)),
                "outdial_id": "40bea034-1d17-474d-a5de-da00d0861c69",
                "name": f"contact {k}",
                "detail": "bench",
                "data": "x",
                "status": statuses[rng.randrange(10)],
                **{
                    f"destination_{i}": addresses[rng.randrange(1000)] if p else unused[k % 2]
                    for i, p in enumerate(present)
                },
                **{f"try_count_{i}": rng.randrange(MAX_TRIES + 1) for i in range(5)},
                "tm_create": write(created),
                "tm_update": write(updated),
                "tm_delete": None,
            }
        )
    read = itemgetter(*FIELDS)
    return targets, [read(target) for target in targets]


def make_models(dicts: Sequence[dict[str, Any]]) -> list[Outdialtarget]:
    """The same targets as the generated models (built directly: ``from_dict`` on many targets
    takes long). The model has no ``{}`` address: an unused slot is null there."""
    addresses: dict[int, Address] = {}
    members = {s: OutdialtargetStatus(s) for s in ("idle", "progressing", "done")}
    outdial = UUID(dicts[0]["outdial_id"]) if dicts else None

    def address(value: dict[str, Any] | None) -> Address | None:
        if not value:
            return None
        model = addresses.get(id(value))
        if model is None:
            model = addresses[id(value)] = Address.from_dict(value)
        return model

    return [
        Outdialtarget(
            id=UUID(d["id"]),
            outdial_id=outdial,  # type: ignore[arg-type]
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


def plain_loop(
    targets: Sequence[Any],
    read: Callable[[Any], tuple[Any, ...]],
    parse: Callable[[str], datetime],
    now: datetime,
) -> Answer:
    """The baseline: the same rules, written plainly; (id, index, address, try, at) each."""
    found = []
    for target in targets:
        status, tid, tm_create, tm_update, *slots = read(target)
        if status != "idle":
            continue
        for i in range(5):
            destination, count = slots[i], slots[5 + i]
            if destination is not None and count < MAX_TRIES:
                break
        else:
            continue
        created = parse(tm_create)
        updated = created if tm_update is None or tm_update == NEVER else parse(tm_update)
        due = updated if updated == created else updated + TRY_INTERVAL
        found.append((updated, tid, i, destination, count + 1, due))
    found.sort(key=itemgetter(0, 1))
    answer: Answer = []
    earliest = now
    for _, tid, i, destination, try_number, due in found:
        at = due if due > earliest else earliest
        answer.append((tid, i, destination, try_number, at))
        earliest = at + PLACEMENT_DELAY
    return answer


def _parse_rfc3339(text: str) -> datetime:
    return datetime.fromisoformat(text)


def _parse_spaced(text: str) -> datetime:
    return datetime.fromisoformat(text + "+00:00")


def _number(address: Any) -> str:
    return str(address.target if isinstance(address, Address) else address.get("target", ""))


def check_same_answer(got: Sequence[ScheduledAttempt], want: Answer) -> None:
    """Same length, and the same entries at ~1000 positions spread over the list (the first
    and the last included): same order, same attempt, same time."""
    if len(got) != len(want):
        raise AssertionError(f"dial_order gave {len(got)} entries, the plain loop {len(want)}")
    step = max(1, len(got) // 1000)
    for i in {*range(0, len(got), step), len(got) - 1} if got else ():
        tid, index, address, try_number, at = want[i]
        expected = (str(tid), index, _number(address), try_number, at)
        entry = got[i]
        actual = (
            str(entry.target_id),
            entry.index,
            _number(entry.address),
            entry.try_number,
            entry.at,
        )
        if actual != expected:
            raise AssertionError(f"entry {i}: dial_order {actual} != loop {expected}")


def _throughput(name: str, n: int, seconds: float, rounds: int) -> Row:
    detail = f"{n:,} targets in {seconds:.3g} s"
    return Row(BENCH, name, n / seconds / 1e6, "M targets/s", "info", 0.0, rounds, detail)


def _side_by_side(
    label: str,
    targets: list[Any],
    read: Callable[[Any], tuple[Any, ...]],
    parse: Callable[[str], datetime],
    rounds: int,
    op: Op,
) -> list[Row]:
    check_same_answer(dial_order(targets, OUTPLAN, NOW), plain_loop(targets, read, parse, NOW))
    rows: list[Row] = []
    for gc_off in (False, True) if op != "info" else (False,):
        pair = compare(
            lambda: dial_order(targets, OUTPLAN, NOW),
            lambda: plain_loop(targets, read, parse, NOW),
            rounds=rounds,
            gc_off=gc_off,
            warmup=0,
            clock="cpu",
        )
        gc_label = "GC off" if gc_off else "GC on"
        limit = 2.5 if op != "info" else 0.0
        rows.append(
            ratio_row(BENCH, f"{label}: vs plain loop ({gc_label})", pair, op=op, limit=limit)
        )
        if not gc_off:
            n = len(targets)
            rows.append(_throughput(f"{label}: throughput (GC on)", n, pair.subject_median, rounds))
            rows.append(
                _throughput(f"{label}: plain loop (GC on)", n, pair.baseline_median, rounds)
            )
    return rows


def run(targets: int = DEFAULTS["targets"], rounds: int = DEFAULTS["rounds"]) -> list[Row]:
    rows: list[Row] = []
    # One input shape alive at a time, as in a real program: the cost of a full garbage
    # collection grows with every object alive.
    dicts, _ = make_campaign(targets, empty_slots=True)
    share = sum(1 for _ in dial_order(dicts, OUTPLAN)) / targets * 100 if targets else 0.0
    rows += _side_by_side(
        "dicts, RFC 3339", dicts, itemgetter(*FIELDS), _parse_rfc3339, rounds, "<="
    )
    models = make_models(dicts)
    del dicts
    rows += _side_by_side(
        "models, RFC 3339", models, attrgetter(*FIELDS), _parse_rfc3339, rounds, "<="
    )
    del models
    older, _ = make_campaign(targets, write=spaced, empty_slots=True)
    for target in older[::3]:  # the docs' "never updated"
        if target["tm_update"] == target["tm_create"]:
            target["tm_update"] = NEVER
    rows += _side_by_side(
        "dicts, older form", older, itemgetter(*FIELDS), _parse_spaced, rounds, "info"
    )
    rows.append(Row(BENCH, "available targets", share, "%", detail="of all targets"))
    return rows


if __name__ == "__main__":
    cli(run, DEFAULTS, __doc__)
