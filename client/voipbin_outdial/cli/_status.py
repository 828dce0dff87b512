"""Where a campaign's targets stand, as a supervisor asks: how many are still to dial, on a call
now, done, or out of tries.

The statuses are VoIPBIN's (``idle``, ``progressing``, ``done``); *exhausted* is an idle target
the engine will not dial again, which :func:`voipbin_outdial.dialplan.is_available` decides.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from ..dialplan import OutplanLike, is_available
from ..models import Outdialtarget

__all__ = ["STATES", "status_summary", "summary_text"]

STATES: Final = ("idle", "progressing", "done", "exhausted")
"""The summary's states in order: ``idle`` counts only targets with a try left."""


def status_summary(targets: Iterable[Outdialtarget], outplan: OutplanLike) -> dict[str, int]:
    """How many targets are in each of :data:`STATES` (every one, 0 included), then any
    status VoIPBIN adds that this SDK does not know yet."""
    counts = dict.fromkeys(STATES, 0)
    for target in targets:
        status = str(target.status)
        if status == "idle" and not is_available(target, outplan):
            status = "exhausted"
        counts[status] = counts.get(status, 0) + 1
    return counts


def summary_text(counts: dict[str, int]) -> str:
    """``2 idle, 0 progressing, 7 done, 1 exhausted (every try used)``."""
    return ", ".join(
        f"{count:,} {state}" + (" (every try used)" if state == "exhausted" else "")
        for state, count in counts.items()
    )
