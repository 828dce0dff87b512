"""Parsing: a 100-target list page from JSON bytes to typed models vs ``json.loads`` alone.

Target (issue 7): at most 8x ``json.loads`` of the same bytes.

The subject is what the facade does with a 2xx list body (``_responses.parse_success`` on the
call of ``outdialtargets.list``): since issue 26, msgspec decodes the bytes into typed structs and
the models are built from them (``_wire``), with ``json.loads``, ``OutdialtargetList.from_dict``
and ``check_model`` (the general path) only for a page it does not take whole. A second row
times the general path against ``json.loads`` too: what the fast decode bought. A page is 100
targets as today's server sends them (every target has destination_0, half destination_1, a
tenth destination_2..4; ``{}`` in the unused slots). Both sides go through the same
:data:`PAGES` pages in turn, each with ids of its own, as a walk through an outdial meets them:
the generated ``parse_uuid`` keeps recent ids, and one page parsed again and again would find
all of them kept.

Preconditions (else the rows are invalid): the facade reads every page into the targets
``json.loads`` finds, ``targets`` of them, through the fast decode, and to the same models as
the general path.

The breakdown rows (figures without a target) time the pieces of one
``Outdialtarget.from_dict`` on its own, to show where the general path spends its time.

    python -m bench.parsing [--targets N] [--rounds N]
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import time
import timeit
from collections.abc import Callable
from typing import Any
from uuid import UUID, uuid4

import attrs
import httpx

from voipbin_outdial._calls import page_request
from voipbin_outdial._generated.api import outdialtargets_list
from voipbin_outdial._generated.types import parse_uuid
from voipbin_outdial._pagination import Page
from voipbin_outdial._responses import parse_success
from voipbin_outdial._schema import check_model
from voipbin_outdial._wire import page_decoder
from voipbin_outdial.models import (
    Address,
    AddressType,
    Outdialtarget,
    OutdialtargetList,
    OutdialtargetStatus,
)

from ._report import cli
from ._timing import Pair, Row, compare, ratio_row
from .dial_order import make_campaign

BENCH = "parsing"
status_from = OutdialtargetStatus._from_value
DEFAULTS: dict[str, Any] = {"targets": 100, "rounds": 9, "number": 40}
SMOKE: dict[str, Any] = {"targets": 10, "rounds": 3, "number": 2}
PAGES = 8  # more ids than parse_uuid keeps (256) at 100 targets a page


OUTDIAL_ID = "40bea034-1d17-474d-a5de-da00d0861c69"  # bench.dial_order's targets have it
RESPONSE = httpx.Response(200)
SLOTS = [f"destination_{i}" for i in range(5)]


def make_page(targets: int, seed: int = 11) -> bytes:
    """A list page as today's server sends it, ``{}`` in unused slots (``seed`` picks the ids)."""
    dicts, _ = make_campaign(targets, seed=seed)
    for target in dicts:
        target.update({slot: {} for slot in SLOTS if target[slot] is None})
    token = dicts[-1]["tm_create"] if dicts else None
    return json.dumps({"result": dicts, "next_page_token": token}).encode()


def parse_page(raw: bytes) -> list[Outdialtarget]:
    """Bytes to models, as the facade does for a list response."""
    from_dict = OutdialtargetList.from_dict
    call = page_request(outdialtargets_list, from_dict, None, None, None, OUTDIAL_ID)
    page = parse_success(call, RESPONSE, raw)
    if not isinstance(page, Page):
        raise page
    return page.items


def parse_page_generally(raw: bytes) -> list[Outdialtarget]:
    """Bytes to models the general way: ``json.loads``, ``from_dict``, ``check_model``."""
    listing = OutdialtargetList.from_dict(json.loads(raw))
    check_model(listing)
    return listing.result


def page_problem(raw: bytes, targets: int) -> str:
    """Why timing ``raw`` would not measure what the rows say ("" if it would)."""
    want = [t["id"] for t in json.loads(raw)["result"]]
    if len(want) != targets:
        return f"a page has {len(want)} targets, not {targets}"
    decode = page_decoder(OutdialtargetList)
    if decode is None or decode(raw) is None:
        return "the fast decode did not take the page (the facade read it the general way)"
    models = parse_page(raw)
    if [str(m.id) for m in models] != want:
        return "the facade read other targets than json.loads"
    if models != parse_page_generally(raw):
        return "the fast decode and the general path read different models"
    return ""


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
    invalid = next(filter(None, (page_problem(raw, targets) for raw in pages)), "")

    def side_by_side(subject: Callable[[bytes], object]) -> Pair:
        subject_pages, baseline_pages = itertools.cycle(pages), itertools.cycle(pages)
        return compare(
            lambda: subject(next(subject_pages)),
            lambda: json.loads(next(baseline_pages)),
            rounds=rounds,
            number=number,
            clock="cpu",
        )

    facade, general = side_by_side(parse_page), side_by_side(parse_page_generally)
    rows = [
        ratio_row(
            BENCH,
            f"{targets}-target page: bytes -> models vs json.loads",
            facade,
            op="<=",
            limit=8.0,
        ),
        ratio_row(BENCH, "the same, the general way (json.loads, from_dict, check_model)", general),
    ]
    # The share of from_dict (and check_model) in the general path, from the same run's medians.
    share = (general.subject_median - general.baseline_median) / general.subject_median * 100
    rows.append(
        Row(
            BENCH,
            "from_dict share of the general way",
            share,
            "%",
            rounds=general.rounds,
            detail=f"{len(pages[0]):,} bytes a page; json.loads is the rest",
        )
    )
    sample = json.loads(pages[0])["result"][0]
    rows += breakdown(sample, number=max(10, number * 50))
    # A page the fast decode does not take as the general way does: no row of it counts.
    return [dataclasses.replace(row, invalid=invalid, clock="cpu") for row in rows]


if __name__ == "__main__":
    cli(run, DEFAULTS, __doc__)
