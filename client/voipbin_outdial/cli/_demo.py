"""``voipbin-outdial demo``: a whole campaign, offline, on the stateful mock.

It drives the mock through the real SDK client (in process, no sockets), so what it prints is what
the API answers; the campaign itself is the mock's simulation, which applies
:mod:`voipbin_outdial.dialplan`. The virtual clock starts at a fixed time, so a seed gives the same
output every run.
"""

from __future__ import annotations

import random
import sys
from datetime import UTC, datetime, timedelta
from typing import Any, TextIO
from uuid import UUID

from .._client import VoipbinClient
from ..dialplan import dial_order, next_attempt
from ..models import Outdialtarget, OutdialtargetStatus, Outplan
from ..testing import CallRecord, VoipbinMock
from ._render import address_text, render_table, utc_text

START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
CAMPAIGN_ID = UUID("5c1e7a3b-9d84-4f0e-8a2b-6d3c9e1f0a47")  # VoIPBIN needs one to create an outdial
MAX_TRIES = (3, 2, 1, 0, 0)
ANSWER_RATE = 0.3
TALK_TIME = timedelta(minutes=2)
NAMES = ("Ada", "Ben", "Chloe", "Dmitri", "Eun-ji", "Farah", "Goro", "Hana", "Ines", "Jonas")


def run_demo(*, seed: int, n_targets: int, out: TextIO | None = None) -> int:
    """Create an outplan, an outdial and its targets, print the dial order, then simulate."""
    out = out if out is not None else sys.stdout
    mock = VoipbinMock(clock=lambda: START)
    with VoipbinClient(token="demo", http_client=mock.client()) as client:
        outplan = client.outplans.create(
            name="demo sales",
            detail="30 s to answer, retry after an hour, tries 3/2/1/0/0",
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
            f"Outplan {outplan.name!r}: dial_timeout {outplan.dial_timeout} ms, try_interval "
            f"{outplan.try_interval} ms, max tries {'/'.join(map(str, MAX_TRIES))}; "
            f"{len(targets)} targets, answer rate {ANSWER_RATE:.0%}\n\n"
        )
        names = {str(t.id): t.name for t in targets}
        _print_order(targets, outplan, names, out)

        calls = mock.run_campaign(
            outplan.id, outdial.id, answer=ANSWER_RATE, seed=seed, start=START, talk_time=TALK_TIME
        )
        out.write("\n")
        _print_calls(calls, names, out)
        after = list(client.outdialtargets.iter(outdial.id))
    out.write("\n" + _summary(after, outplan, calls) + "\n")
    return 0


def _contacts(rng: random.Random, count: int) -> list[tuple[str, list[dict[str, Any] | None]]]:
    """Names and destinations: most with one number, some with three, one with no destination_0."""
    contacts: list[tuple[str, list[dict[str, Any] | None]]] = []
    for i in range(count):
        name = f"{NAMES[i % len(NAMES)]} {i + 1}"
        if i == 2:  # a contact whose first slot is empty: dialing starts at destination_1
            contacts.append((name, [None, _number(rng)]))
        elif rng.random() < 0.4:
            contacts.append((name, [_number(rng), _number(rng), _number(rng)]))
        else:
            contacts.append((name, [_number(rng)]))
    return contacts


def _number(rng: random.Random) -> dict[str, Any]:
    return {"type": "tel", "target": f"+1555{rng.randrange(10**7):07d}"}


def _print_order(
    targets: list[Outdialtarget], outplan: Outplan, names: dict[str, str], out: TextIO
) -> None:
    order = dial_order(targets, outplan, now=START)
    rows = [
        [
            str(n),
            names[s.target_id],
            str(s.index),
            address_text(s.address),
            str(s.try_number),
            utc_text(s.at),
        ]
        for n, s in enumerate(order, start=1)
    ]
    headers = ("#", "target", "dest", "number", "try", "earliest")
    render_table("Dial order before the campaign starts", headers, rows, out)


def _print_calls(calls: list[CallRecord], names: dict[str, str], out: TextIO) -> None:
    rows = [
        [
            utc_text(c.at),
            names[c.target_id],
            str(c.index),
            c.address_target,
            str(c.try_number),
            "yes" if c.answered else "no",
        ]
        for c in calls
    ]
    headers = ("time", "target", "dest", "number", "try", "answered")
    render_table(
        "The campaign, call by call (unanswered calls ring 30 s, answered ones last 2 min)",
        headers,
        rows,
        out,
    )


def _summary(targets: list[Outdialtarget], outplan: Outplan, calls: list[CallRecord]) -> str:
    done = sum(t.status == OutdialtargetStatus.DONE for t in targets)
    exhausted = sum(
        t.status == OutdialtargetStatus.IDLE and next_attempt(t, outplan) is None for t in targets
    )
    answered = sum(c.answered for c in calls)
    duration = (calls[-1].ended_at - calls[0].at) if calls else timedelta(0)
    return (
        f"Summary: {len(calls)} calls placed, {answered} answered; "
        f"{done} targets done, {exhausted} exhausted (every try used), "
        f"{len(targets) - done - exhausted} still to dial; campaign took {duration}."
    )
