"""``voipbin-outdial demo``: a whole campaign, offline, on the stateful mock.

It drives the mock through the real SDK client (in process, no sockets), so what it prints is what
the API answers; the campaign itself is the mock's simulation of VoIPBIN's engine, which applies
:mod:`voipbin_outdial.dialplan`. The virtual clock starts at a fixed time, so a seed gives the same
output every run. Long tables show their first rows only, so ``--targets 100000`` stays readable.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from typing import TextIO
from uuid import UUID

from .. import AddressParam, VoipbinClient
from ..dialplan import DialAttempt, Finding, check, dial_order
from ..models import Outdialtarget, Outplan
from ..testing import CallOutcome, CallRecord, Campaign, VoipbinMock
from ._render import Row, address_text, duration_text, render_table, utc_text
from ._status import status_summary

START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
CAMPAIGN_ID = UUID("5c1e7a3b-9d84-4f0e-8a2b-6d3c9e1f0a47")  # VoIPBIN needs one to create an outdial
MAX_TRIES = (3, 2, 0, 0, 0)
NAMES = ("Ada", "Ben", "Chloe", "Dmitri", "Eun-ji", "Farah", "Goro", "Hana", "Ines", "Jonas")
SHOWN_ROWS = 30
# How the demo's calls end: (share, hangup reason and how long after it was placed). The
# failures' lengths differ modulo the 500 ms between calls, so no two failed calls hang up at
# the same instant: the next run would take such targets in id order, and the mock's ids are
# random, so the output would not repeat for a seed.
OUTCOMES = (
    (0.25, CallOutcome("normal", timedelta(minutes=2))),  # answered: a success
    (0.05, CallOutcome("amd", timedelta(seconds=21.3))),  # a machine answered: not a success
    (0.10, CallOutcome("busy", timedelta(seconds=7.9))),
    (0.60, CallOutcome("noanswer", timedelta(seconds=60))),  # rang out (the engine's 60 s)
)


def run_demo(*, seed: int, n_targets: int, out: TextIO | None = None) -> int:
    """Create an outplan, an outdial and its targets, print the dial order, then simulate."""
    out = out if out is not None else sys.stdout
    mock = VoipbinMock(clock=lambda: START)
    with VoipbinClient(token="demo", http_client=mock.client()) as client:
        outplan = client.outplans.create(
            name="demo sales",
            detail="retry after an hour, tries 3/2/0/0/0",
            source={"type": "tel", "target": "+15559876543"},
            dial_timeout=timedelta(seconds=30),
            try_interval=timedelta(hours=1),
            max_try_counts=MAX_TRIES,
        )
        outdial = client.outdials.create(
            campaign_id=CAMPAIGN_ID, name="demo contacts", detail=f"seed {seed}", data="demo"
        )
        for name, destinations in _contacts(random.Random(seed), n_targets):
            client.outdialtargets.create(
                outdial.id, name=name, detail="demo contact", data="demo", destinations=destinations
            )
        targets = list(client.outdialtargets.iter(outdial.id))

        out.write(
            f"voipbin-outdial demo (seed {seed}): an offline campaign on the built-in mock\n"
            f"Outplan {outplan.name!r}: try_interval {outplan.try_interval} ms, max tries "
            f"{'/'.join(map(str, MAX_TRIES))}; {len(targets):,} targets with a mobile and an "
            "office number\n\n"
        )
        names = {t.id: t.name for t in targets}
        _print_findings(check(outplan, targets), names, out)
        start = mock.store.current_time()  # the campaign starts once the contacts are in
        _print_order(targets, outplan, names, start, out)

        campaign = mock.campaign(outplan.id, outdial.id, outcome=_outcomes(seed), start=start)
        calls = campaign.run()
        out.write("\n")
        _print_calls(calls, names, out)
        after = list(client.outdialtargets.iter(outdial.id))
    out.write("\n" + _summary(after, outplan, calls, campaign) + "\n")
    return 0


def _outcomes(seed: int) -> Callable[[DialAttempt], CallOutcome]:
    """Each call's outcome, drawn from :data:`OUTCOMES` with ``random.Random(seed)``."""
    rng = random.Random(seed)
    shares = [share for share, _ in OUTCOMES]
    choices = [outcome for _, outcome in OUTCOMES]
    return lambda _attempt: rng.choices(choices, shares)[0]


def _contacts(rng: random.Random, count: int) -> list[tuple[str, list[AddressParam | None]]]:
    """Names and two numbers each (a mobile, then an office): every slot the outplan dials is
    set, so no slot is empty (VoIPBIN's engine dials an empty one and stops the campaign)."""
    names = (f"{NAMES[i % len(NAMES)]} {i + 1}" for i in range(count))
    return [(name, [_number(rng), _number(rng)]) for name in names]


def _number(rng: random.Random) -> AddressParam:
    return {"type": "tel", "target": f"+1555{rng.randrange(10**7):07d}"}


def _print_findings(findings: list[Finding], names: dict[UUID, str], out: TextIO) -> None:
    if not findings:
        out.write("Preflight (dialplan.check): no findings\n\n")
        return
    rows = [
        [f.severity, names.get(f.target_id, "") if f.target_id else "", f.field or "", f.message]
        for f in findings
    ]
    _table("Preflight (dialplan.check)", ("severity", "target", "field", "finding"), rows, out)
    out.write("\n")


def _print_order(
    targets: list[Outdialtarget],
    outplan: Outplan,
    names: dict[UUID, str],
    start: datetime,
    out: TextIO,
) -> None:
    order = dial_order(targets, outplan, now=start)
    rows = [
        [
            str(n),
            names[s.target_id],
            str(s.index),
            address_text(s.address),
            str(s.try_number),
            utc_text(s.at),
        ]
        for n, s in enumerate(order[:SHOWN_ROWS], start=1)
    ]
    headers = ("#", "target", "dest", "number", "try", "earliest")
    _table("Dial order before the campaign starts", headers, rows, out, len(order))


def _print_calls(calls: Sequence[CallRecord], names: dict[UUID, str], out: TextIO) -> None:
    rows = [
        [
            utc_text(c.at),
            names[c.target_id],
            str(c.index),
            c.address_target,
            str(c.try_number),
            c.hangup_reason or "refused",
            "yes" if c.success else "no",
        ]
        for c in calls[:SHOWN_ROWS]
    ]
    headers = ("placed", "target", "dest", "number", "try", "hangup", "success")
    title = (
        "The campaign, call by call: 500 ms apart while targets are due, overlapping; "
        "unanswered calls ring 60 s"
    )
    _table(title, headers, rows, out, len(calls))


def _table(
    title: str, headers: Row, rows: Sequence[Row], out: TextIO, total: int | None = None
) -> None:
    """A table, with how many rows there are in all when it shows only the first ones."""
    if total is not None and total > len(rows):
        title += f" (the first {len(rows):,} of {total:,})"
    render_table(title, headers, rows, out)


def _summary(
    targets: list[Outdialtarget], outplan: Outplan, calls: Sequence[CallRecord], campaign: Campaign
) -> str:
    states = status_summary(targets, outplan)
    done, exhausted = states["done"], states["exhausted"]
    successes = sum(c.success for c in calls)
    answered = sum(c.answered for c in calls) - successes
    took = duration_text((campaign.now - calls[0].at) if calls else timedelta(0))
    return (
        f"Summary: {len(calls):,} calls placed, {successes:,} successes, {answered:,} answered "
        f"but not a success; {done:,} targets done, {exhausted:,} exhausted (every try used), "
        f"{len(targets) - done - exhausted:,} still to dial; campaign took {took} "
        f"(stopped: {campaign.stop_reason})."
    )
