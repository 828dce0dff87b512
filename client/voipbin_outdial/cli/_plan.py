"""``voipbin-outdial plan``: where a campaign stands and who it dials next, from the live API."""

from __future__ import annotations

import json
import sys
from collections import Counter
from datetime import UTC, datetime
from typing import Any, TextIO
from uuid import UUID

from ..dialplan import ScheduledAttempt, dial_order
from ..models import Outdialtarget
from ._fetch import CampaignSource, fetch_campaign
from ._render import address_text, render_table, utc_text
from ._status import status_summary, summary_text

HEADERS = ("#", "target", "name", "dest", "address", "try", "earliest (UTC)")


def run_plan(
    source: CampaignSource,
    *,
    as_json: bool,
    limit: int | None = None,
    now: datetime | None = None,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """Read the outplan and every target page, then print the targets' states and the dial
    order (its first ``limit`` entries when given); returns the exit status."""
    out = out if out is not None else sys.stdout
    campaign = fetch_campaign(source, err)
    outplan, outdial, targets = campaign.outplan, campaign.outdial, campaign.targets

    at = now if now is not None else datetime.now(UTC)
    order = dial_order(targets, outplan, now=at)  # every target is needed to know the first
    shown = order if limit is None else order[:limit]
    summary = status_summary(targets, outplan)
    by_id = {t.id: t for t in targets}
    if as_json:
        report = _as_json(source, at, targets, summary, order, shown, by_id)
        out.write(json.dumps(report, indent=2) + "\n")
        return 0

    out.write(
        f"Outdial {outdial.name!r} with outplan {outplan.name!r}: {len(targets):,} targets, "
        f"{summary_text(summary)}\n"
    )
    if not order:
        out.write(f"Dial order at {utc_text(at)} UTC: nothing left to dial\n")
        return 0
    title = f"Dial order at {utc_text(at)} UTC: {len(order):,} to dial"
    if len(shown) < len(order):
        title += f" (the first {len(shown):,} shown)"
    rows = [_row(n, s, by_id) for n, s in enumerate(shown, start=1)]
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


def _as_json(
    source: CampaignSource,
    at: datetime,
    targets: list[Outdialtarget],
    summary: dict[str, int],
    order: list[ScheduledAttempt],
    shown: list[ScheduledAttempt],
    by_id: dict[UUID, Outdialtarget],
) -> dict[str, Any]:
    return {
        **source.ids(),
        "now": at.isoformat(),
        "targets": len(targets),
        "statuses": dict(sorted(Counter(str(t.status) for t in targets).items())),
        "summary": summary,
        "to_dial": len(order),
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
            for n, s in enumerate(shown, start=1)
        ],
    }


__all__ = ["run_plan"]
