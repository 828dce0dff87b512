"""Dial order: ``dial_order`` vs the plainest loop giving the same answer, on what VoIPBIN sends.

Target (issues 12 and 26): at most 2.5x that loop, CPU time, on the campaign as the server sends
it today: every target idle, every unused slot ``{}``, ids as text, times in RFC 3339 as VoIPBIN
renders them (UTC, ``Z``, the fraction's trailing zeros cut). The same campaign as the generated
models is held to the same target; the docs' older form is timed too, kept correct, not fast.

The baseline is the plainest loop that gives the same answer, doing no work the answer does not
need: keep the idle targets, take the first slot with a destination and a try left, parse
``tm_update`` alone (a target was tried when its ``tm_update`` text is not its ``tm_create``: the
server writes one text per instant), sort by (``tm_update``, id), then walk the list for each
call's time (``now``, its due time, 500 ms after the call before). It checks nothing. Its entries
are ``dial_order``'s fields (id, slot, address, try, time) in a tuple, the id as a
:class:`~uuid.UUID` (``dial_order`` gives UUIDs, as the models hold them, so the loop parses each
text id it returns, as ``dial_order`` does). Before anything is timed, both must give the same
entries, one for one; if they do not, that input's rows are invalid.

The campaign: every target has destination_0, half destination_1, a tenth destination_2..4; try
counts 0..2 of a max of 2; half never tried (tm_update = tm_create, as VoIPBIN creates targets),
half tried. The older-form row: the docs' ``"2022-04-30 17:52:16.484341"`` times (the 9999
sentinel for a third of "never updated"), unused slots null, 80 % idle, 10 % progressing and
10 % done (the statuses this benchmark used by default before issue 26).

    python -m bench.dial_order [--targets N] [--rounds N]
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from operator import itemgetter
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
DESTINATIONS = tuple(f"destination_{i}" for i in range(5))
COUNTS = tuple(f"try_count_{i}" for i in range(5))

Entry = tuple[UUID, int, Any, int, datetime]
"""An entry as the plain loop gives it: (target_id, index, address, try_number, at)."""
Loop = Callable[[Sequence[Any], datetime], list[Entry]]


def rfc3339(dt: datetime) -> str:
    """As VoIPBIN writes times today: UTC, ``Z``, trailing fraction zeros cut."""
    return dt.strftime("%Y-%m-%dT%H:%M:%S.%f").rstrip("0").rstrip(".") + "Z"


def spaced(dt: datetime) -> str:
    return dt.strftime("%Y-%m-%d %H:%M:%S.%f")


def make_campaign(
    n: int,
    seed: int = 7,
    write: Callable[[datetime], str] = rfc3339,
    empty_slots: bool = False,
    *,
    all_idle: bool = False,
) -> tuple[list[dict[str, Any]], list[tuple[Any, ...]]]:
    """``n`` targets as JSON dicts, their times written by ``write``, and each target's
    :data:`FIELDS` as a tuple. Unused slots are null, or with ``empty_slots`` ``{}`` (each its
    own dict, as VoIPBIN sends them today). Targets are 80 % idle, 10 % progressing and 10 %
    done, or with ``all_idle`` all idle (the same random draws either way: the same ``seed``
    gives the same targets but for those two choices)."""
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
    statuses = ["idle"] * 10 if all_idle else ["idle"] * 8 + ["progressing", "done"]
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
                    f"destination_{i}": (
                        addresses[rng.randrange(1000)] if p else {} if empty_slots else None
                    )
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


def server_campaign(n: int, seed: int = 7) -> list[dict[str, Any]]:
    """``n`` targets as VoIPBIN sends them today: all idle, unused slots ``{}``, RFC 3339."""
    return make_campaign(n, seed, rfc3339, empty_slots=True, all_idle=True)[0]


def older_campaign(n: int, seed: int = 7) -> list[dict[str, Any]]:
    """``n`` targets in the docs' older form: spaced times, the 9999 sentinel for a third of
    "never updated", unused slots null, 80 % idle."""
    targets, _ = make_campaign(n, seed, spaced)
    for target in targets[::3]:
        if target["tm_update"] == target["tm_create"]:
            target["tm_update"] = NEVER
    return targets


def make_models(dicts: Sequence[dict[str, Any]]) -> list[Outdialtarget]:
    """The same targets as the generated models (built directly: ``from_dict`` on many targets
    takes long); a ``{}`` slot is an empty ``Address``, as ``from_dict`` reads it."""
    addresses: dict[int, Address] = {}
    members = {s: OutdialtargetStatus(s) for s in ("idle", "progressing", "done")}
    outdial = UUID(dicts[0]["outdial_id"]) if dicts else None

    def address(value: dict[str, Any] | None) -> Address | None:
        if value is None:
            return None
        if not value:
            return Address.from_dict(value)
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


# --- the baselines: the plainest loop that gives dial_order's answer, one per input -------------


def plain_loop(targets: Sequence[dict[str, Any]], now: datetime) -> list[Entry]:
    """Dicts in the server's form."""
    found = []
    for target in targets:
        if target["status"] != "idle":
            continue
        for i in range(5):
            destination, count = target[DESTINATIONS[i]], target[COUNTS[i]]
            if destination is not None and count < MAX_TRIES:
                break
        else:
            continue
        tm_update = target["tm_update"]
        updated = datetime.fromisoformat(tm_update)
        due = updated if tm_update == target["tm_create"] else updated + TRY_INTERVAL
        text = target["id"]  # lowercase hex: sorts as the UUIDs do
        found.append((updated, text, UUID(text), i, destination, count + 1, due))
    return walk(found, now)


def plain_loop_models(targets: Sequence[Outdialtarget], now: datetime) -> list[Entry]:
    """Models made from the server's form (the id is a UUID already)."""
    found = []
    for target in targets:
        if target.status != "idle":
            continue
        for i in range(5):
            destination, count = getattr(target, DESTINATIONS[i]), getattr(target, COUNTS[i])
            if destination is not None and count < MAX_TRIES:
                break
        else:
            continue
        tm_update = target.tm_update
        updated = datetime.fromisoformat(tm_update)  # type: ignore[arg-type]
        due = updated if tm_update == target.tm_create else updated + TRY_INTERVAL
        found.append((updated, target.id.int, target.id, i, destination, count + 1, due))
    return walk(found, now)


def plain_loop_older(targets: Sequence[dict[str, Any]], now: datetime) -> list[Entry]:
    """Dicts in the docs' older form: one time parsed, ``tm_create`` if never updated."""
    found = []
    for target in targets:
        if target["status"] != "idle":
            continue
        for i in range(5):
            destination, count = target[DESTINATIONS[i]], target[COUNTS[i]]
            if destination is not None and count < MAX_TRIES:
                break
        else:
            continue
        tm_create, tm_update = target["tm_create"], target["tm_update"]
        tried = tm_update not in (tm_create, NEVER)
        updated = datetime.fromisoformat((tm_update if tried else tm_create) + "+00:00")
        due = updated + TRY_INTERVAL if tried else updated
        text = target["id"]
        found.append((updated, text, UUID(text), i, destination, count + 1, due))
    return walk(found, now)


def walk(found: list[tuple[Any, ...]], now: datetime) -> list[Entry]:
    """Sort by (tm_update, id), then give each call its time: (updated, id key, id, index,
    address, try, due) each."""
    found.sort(key=itemgetter(0, 1))
    answer: list[Entry] = []
    earliest = now
    for _, _, tid, i, destination, try_number, due in found:
        at = due if due > earliest else earliest
        answer.append((tid, i, destination, try_number, at))
        earliest = at + PLACEMENT_DELAY
    return answer


def difference(got: Sequence[ScheduledAttempt], want: Sequence[Entry]) -> str:
    """How ``dial_order``'s entries differ from the loop's ("" if they are the same, one for one:
    order, id (a UUID both sides), slot, the address object itself, try and time)."""
    if len(got) != len(want):
        return f"dial_order gave {len(got)} entries, the plain loop {len(want)}"
    for i, (entry, expected) in enumerate(zip(got, want, strict=True)):
        actual = (entry.target_id, entry.index, entry.address, entry.try_number, entry.at)
        if actual != expected or type(entry.target_id) is not type(expected[0]):
            return f"entry {i}: dial_order {actual!r} != loop {expected!r}"
    return ""


def _throughput(name: str, n: int, seconds: float, rounds: int) -> Row:
    detail = f"{n:,} targets in {seconds:.3g} s"
    value = n / seconds / 1e6
    return Row(BENCH, name, value, "M targets/s", "info", 0.0, rounds, detail, clock="cpu")


def side_by_side(label: str, targets: list[Any], loop: Loop, rounds: int, op: Op) -> list[Row]:
    """``dial_order`` vs ``loop`` on ``targets``: GC on (and off, for a row with a target), with
    the throughput of both; invalid rows, untimed, if the two answers differ."""
    limit = 2.5 if op != "info" else 0.0
    why = difference(dial_order(targets, OUTPLAN, NOW), loop(targets, NOW))
    rows: list[Row] = []
    for gc_off in (False, True) if op != "info" else (False,):
        name = f"{label}: vs plain loop ({'GC off' if gc_off else 'GC on'})"
        if why:
            nan = float("nan")
            rows.append(Row(BENCH, name, nan, "x", op, limit, invalid=why, clock="cpu"))
            if not gc_off:
                for what in ("throughput", "plain loop"):
                    shown = f"{label}: {what} (GC on)"
                    rows.append(Row(BENCH, shown, nan, "M targets/s", invalid=why, clock="cpu"))
            continue
        pair = compare(
            lambda: dial_order(targets, OUTPLAN, NOW),
            lambda: loop(targets, NOW),
            rounds=rounds,
            gc_off=gc_off,
            warmup=0,
            clock="cpu",
        )
        rows.append(ratio_row(BENCH, name, pair, op=op, limit=limit))
        if not gc_off:
            n = len(targets)
            rows.append(_throughput(f"{label}: throughput (GC on)", n, pair.subject_median, rounds))
            rows.append(
                _throughput(f"{label}: plain loop (GC on)", n, pair.baseline_median, rounds)
            )
    return rows


def run(targets: int = DEFAULTS["targets"], rounds: int = DEFAULTS["rounds"]) -> list[Row]:
    rows: list[Row] = []
    # One input alive at a time, as in a real program: the cost of a full garbage collection
    # grows with every object alive.
    dicts = server_campaign(targets)
    share = len(dial_order(dicts, OUTPLAN)) / targets * 100 if targets else 0.0
    rows += side_by_side("server form, dicts", dicts, plain_loop, rounds, "<=")
    models = make_models(dicts)
    del dicts
    rows += side_by_side("server form, models", models, plain_loop_models, rounds, "<=")
    del models
    older = older_campaign(targets)
    rows += side_by_side("docs' older form, dicts", older, plain_loop_older, rounds, "info")
    detail = "of the server-form targets (all idle; the rest have no try left)"
    rows.append(Row(BENCH, "available targets", share, "%", detail=detail))
    return rows


if __name__ == "__main__":
    cli(run, DEFAULTS, __doc__)
