"""``voipbin-outdial plan``: who a campaign dials next, read from the live API."""

from __future__ import annotations

import json
import sys
from collections import Counter
from datetime import UTC, datetime
from typing import Any, TextIO
from uuid import UUID

from ..dialplan import ScheduledAttempt, dial_order
from ..models import Outdialtarget
from ._fetch import fetch_campaign
from ._render import address_text, render_table, utc_text

HEADERS = ("#", "target", "name", "dest", "address", "try", "earliest (UTC)")


def run_plan(
    *,
    outdial_id: str,
    outplan_id: str,
    base_url: str | None,
    as_json: bool,
    now: datetime | None = None,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """Read the outplan and every target page, then print the dial order; returns the status."""
    out = out if out is not None else sys.stdout
    campaign = fetch_campaign(
        outdial_id=outdial_id,
        outplan_id=outplan_id,
        base_url=base_url,
        err=err if err is not None else sys.stderr,
    )
    outplan, outdial, targets = campaign.outplan, campaign.outdial, campaign.targets

    at = now if now is not None else datetime.now(UTC)
    order = dial_order(targets, outplan, now=at)
    by_id = {t.id: t for t in targets}
    if as_json:
        out.write(json.dumps(_as_json(outdial_id, outplan_id, at, targets, order, by_id), indent=2))
        out.write("\n")
        return 0

    title = (
        f"Dial order for outdial {outdial.name!r} with outplan {outplan.name!r} at "
        f"{utc_text(at)} UTC: {len(order)} of {len(targets)} targets to dial ({_summary(targets)})"
    )
    rows = [_row(n, s, by_id) for n, s in enumerate(order, start=1)]
    render_table(title, HEADERS, rows, out)
    return 0


def _row(position: int, scheduled: ScheduledAttempt, by_id: dict[UUID, Outdialtarget]) -> list[str]:
    return [
        str(position),
        str(scheduled.target_id),
        by_id[scheduled.target_id].name,
        str(scheduled.index),
        address_text(scheduled.address),
        str(scheduled.try_number),
        utc_text(scheduled.at),
    ]


def _summary(targets: list[Outdialtarget]) -> str:
    counts = Counter(str(t.status) for t in targets)
    return ", ".join(f"{status} {counts[status]}" for status in sorted(counts)) or "none"


def _as_json(
    outdial_id: str,
    outplan_id: str,
    at: datetime,
    targets: list[Outdialtarget],
    order: list[ScheduledAttempt],
    by_id: dict[UUID, Outdialtarget],
) -> dict[str, Any]:
    return {
        "outdial_id": outdial_id,
        "outplan_id": outplan_id,
        "now": at.isoformat(),
        "targets": len(targets),
        "statuses": dict(sorted(Counter(str(t.status) for t in targets).items())),
        "order": [
            {
                "position": n,
                "target_id": str(s.target_id),
                "name": by_id[s.target_id].name,
                "destination_index": s.index,
                "destination": address_text(s.address),
                "try_number": s.try_number,
                "earliest": s.at.isoformat(),
            }
            for n, s in enumerate(order, start=1)
        ],
    }


__all__ = ["run_plan"]
