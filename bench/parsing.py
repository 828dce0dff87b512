"""Parsing: a 100-target list page from JSON bytes to typed models vs ``json.loads`` alone.

Target (issue 7): at most 8x ``json.loads`` of the same bytes.

The subject is what the facade does with a 2xx list body: ``json.loads`` and
``OutdialtargetList.from_dict`` (the generated models). A page is 100 targets as the API
returns them (every target has destination_0, half destination_1, a tenth destination_2..4).
Both sides go through the same :data:`PAGES` pages in turn, each with ids of its own, as a walk
through an outdial meets them: the generated ``parse_uuid`` keeps recent ids, and one page parsed
again and again would find all of them kept.

The breakdown rows (figures without a target) time the pieces of one
``Outdialtarget.from_dict`` on its own, to show where the generated code spends its time.

    python -m bench.parsing [--targets N] [--rounds N]
"""

from __future__ import annotations

import itertools
import json
import time
import timeit
from collections.abc import Callable
from typing import Any
from uuid import UUID, uuid4

import attrs

from voipbin_outdial._generated.types import parse_uuid
from voipbin_outdial.models import (
    Address,
    AddressType,
    Outdialtarget,
    OutdialtargetList,
    OutdialtargetStatus,
)

from ._report import cli
from ._timing import Row, compare, ratio_row
from .dial_order import make_campaign

BENCH = "parsing"
status_from = OutdialtargetStatus._from_value
DEFAULTS: dict[str, Any] = {"targets": 100, "rounds": 9, "number": 40}
SMOKE: dict[str, Any] = {"targets": 10, "rounds": 3, "number": 2}
PAGES = 8  # more ids than parse_uuid keeps (256) at 100 targets a page


def make_page(targets: int, seed: int = 11) -> bytes:
    """A list page as the server sends it (``seed`` picks the ids)."""
    dicts, _ = make_campaign(targets, seed=seed)
    token = dicts[-1]["tm_create"] if dicts else None
    return json.dumps({"result": dicts, "next_page_token": token}).encode()


def parse_page(raw: bytes) -> list[Outdialtarget]:
    """Bytes to models, as the facade does for a list response."""
    return OutdialtargetList.from_dict(json.loads(raw)).result


def _per_call(fn: Callable[[], object], number: int) -> float:
    """CPU µs per call: the best of 5 runs of ``number`` calls (a breakdown, not a ratio)."""
    return min(timeit.repeat(fn, number=number, repeat=5, timer=time.process_time)) / number * 1e6


def breakdown(sample: dict[str, Any], number: int = 2000) -> list[Row]:
    """Where one ``Outdialtarget.from_dict`` spends its time (µs per call, best of 5), next to
    what the generator's stock templates would do for the same step."""
    model = Outdialtarget.from_dict(sample)
    fields = [getattr(model, f.name) for f in attrs.fields(Outdialtarget) if f.init]
    kwargs = {f.name: getattr(model, f.name) for f in attrs.fields(Outdialtarget) if f.init}
    address = sample["destination_0"]
    # Ids parse_uuid has not kept (every target's own id, in a long walk).
    fresh = [str(uuid4()) for _ in range(number * 5 + 300)]
    next_fresh = itertools.cycle(fresh).__next__

    parts: list[tuple[str, Callable[[], object], str]] = [
        ("Outdialtarget.from_dict, total", lambda: Outdialtarget.from_dict(sample), "ids kept"),
        ("  parse_uuid, a new id", lambda: parse_uuid(next_fresh()), "x1 per target: id"),
        ("  parse_uuid, a repeated id", lambda: parse_uuid(sample["outdial_id"]), "outdial_id"),
        ("  (UUID(str), stock)", lambda: UUID(sample["id"]), "what the stock template calls"),
        ("  Address.from_dict", lambda: Address.from_dict(address), "per destination set"),
        ("  OutdialtargetStatus._from_value", lambda: status_from("idle"), "x1; AddressType too"),
        ("  (OutdialtargetStatus(str), stock)", lambda: OutdialtargetStatus("idle"), ""),
        ("  Outdialtarget(*fields)", lambda: Outdialtarget(*fields), "attrs __init__"),
        ("  (Outdialtarget(**fields), stock)", lambda: Outdialtarget(**kwargs), ""),
        ("  dict(src_dict)", lambda: dict(sample), "the copy it pops from"),
    ]
    rows = []
    for name, fn, detail in parts:
        rows.append(Row(BENCH, name, _per_call(fn, number), "µs", detail=detail))
    _ = AddressType  # the same enum call cost as OutdialtargetStatus
    return rows


def run(
    targets: int = DEFAULTS["targets"],
    rounds: int = DEFAULTS["rounds"],
    number: int = DEFAULTS["number"],
) -> list[Row]:
    pages = [make_page(targets, seed=11 + n) for n in range(PAGES)]
    for raw in pages:
        models = parse_page(raw)
        if len(models) != targets or [str(m.id) for m in models] != [
            t["id"] for t in json.loads(raw)["result"]
        ]:
            raise AssertionError("the page did not parse into the same targets")

    subject_pages, baseline_pages = itertools.cycle(pages), itertools.cycle(pages)
    pair = compare(
        lambda: parse_page(next(subject_pages)),
        lambda: json.loads(next(baseline_pages)),
        rounds=rounds,
        number=number,
        clock="cpu",
    )
    rows = [
        ratio_row(
            BENCH,
            f"{targets}-target page: bytes -> models vs json.loads",
            pair,
            op="<=",
            limit=8.0,
        ),
    ]
    # The share of from_dict in the parse, from the same run's medians.
    share = (pair.subject_median - pair.baseline_median) / pair.subject_median * 100
    rows.append(
        Row(
            BENCH,
            "from_dict share of bytes -> models",
            share,
            "%",
            rounds=pair.rounds,
            detail=f"{len(pages[0]):,} bytes a page; json.loads is the rest",
        )
    )
    sample = json.loads(pages[0])["result"][0]
    rows += breakdown(sample, number=max(10, number * 50))
    return rows


if __name__ == "__main__":
    cli(run, DEFAULTS, __doc__)
