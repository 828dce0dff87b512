"""``voipbin-outdial campaign start|stop|watch ID``: run, stop and follow a campaign.

``watch`` polls the API (the campaign, its campaigncalls, its outplan and its outdial's targets)
and shows where the campaign stands: its status, the calls placed, those dialing now, how many
succeeded and failed, the targets done, idle and left to dial, the tries used of the tries
possible, and when what is left would end at the earliest (the outplan's dial order of the
targets left, :func:`voipbin_outdial.dialplan.dial_order`, plus a ring). A live table on a
terminal (rich), else a line every few seconds; it ends when the campaign is ``stop``.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from datetime import UTC, datetime
from typing import Any, TextIO
from uuid import UUID

import attrs

from .. import VoipbinClient
from ..dialplan import RING_TIME, dial_order, remaining_attempts
from ..models import Outdialtarget
from ._render import utc_text

__all__ = ["Snapshot", "run_set_status", "run_watch", "snapshot"]

NIL = UUID(int=0)


@attrs.frozen
class Snapshot:
    """Where a campaign stands at ``at``."""

    at: datetime
    status: str
    placed: int
    dialing: int
    success: int
    fail: int
    done: int
    idle: int
    left: int
    tries_used: int
    tries_possible: int
    expected_end: datetime | None

    def line(self) -> str:
        end = "-" if self.expected_end is None else f"{utc_text(self.expected_end)} UTC"
        return (
            f"{utc_text(self.at)} UTC  status {self.status}  calls {self.placed} "
            f"(dialing {self.dialing}, success {self.success}, fail {self.fail})  "
            f"targets done {self.done}, idle {self.idle}, left {self.left}  "
            f"tries {self.tries_used}/{self.tries_possible}  expected end {end}"
        )

    def rows(self) -> list[tuple[str, str]]:
        return [
            ("status", self.status),
            ("calls placed", str(self.placed)),
            ("dialing now", str(self.dialing)),
            ("success / fail", f"{self.success} / {self.fail}"),
            ("targets done / idle / left", f"{self.done} / {self.idle} / {self.left}"),
            ("tries used / possible", f"{self.tries_used} / {self.tries_possible}"),
            (
                "expected end (UTC)",
                "-" if self.expected_end is None else utc_text(self.expected_end),
            ),
        ]


def _used(target: Outdialtarget) -> int:
    return sum(getattr(target, f"try_count_{n}") for n in range(5))


def snapshot(client: VoipbinClient, campaign_id: str, now: datetime | None = None) -> Snapshot:
    """Read the campaign, its campaigncalls and its targets, and count."""
    at = now if now is not None else datetime.now(UTC)
    campaign = client.campaigns.get(campaign_id)
    calls = list(client.campaigns.iter_campaigncalls(campaign_id))
    results = [str(call.result) for call in calls]
    targets: list[Outdialtarget] = []
    order: list[Any] = []
    possible = 0
    if campaign.outplan_id != NIL and campaign.outdial_id != NIL:
        outplan = client.outplans.get(campaign.outplan_id)
        targets = list(client.outdialtargets.iter(campaign.outdial_id))
        order = dial_order(targets, outplan, now=at)
        possible = sum(_used(t) + len(remaining_attempts(t, outplan)) for t in targets)
    live = sum(str(call.status) in ("dialing", "progressing") for call in calls)
    # nothing is dialed after a stop, whatever is left
    end = order[-1].at + RING_TIME if order and str(campaign.status) != "stop" else None
    return Snapshot(
        at=at,
        status=str(campaign.status),
        placed=len(calls),
        dialing=live,
        success=results.count("success"),
        fail=results.count("fail"),
        done=sum(str(t.status) == "done" for t in targets),
        idle=sum(str(t.status) == "idle" for t in targets),
        left=len(order),
        tries_used=sum(map(_used, targets)),
        tries_possible=possible,
        expected_end=end,
    )


def _client(
    base_url: str | None, given: VoipbinClient | None
) -> AbstractContextManager[VoipbinClient]:
    """The client given (left open: it is the caller's), or one of our own (closed after)."""
    if given is not None:
        return nullcontext(given)
    return VoipbinClient() if base_url is None else VoipbinClient(base_url=base_url)


def run_set_status(
    campaign_id: str,
    status: str,
    *,
    base_url: str | None = None,
    client: VoipbinClient | None = None,
    out: TextIO | None = None,
) -> int:
    """``campaign start`` (``run``) or ``campaign stop``: print what VoIPBIN answers."""
    out = out if out is not None else sys.stdout
    with _client(base_url, client) as api:
        campaign = api.campaigns.update_status(campaign_id, status)
    out.write(f"campaign {campaign.id}: {campaign.status}\n")
    return 0


def run_watch(
    campaign_id: str,
    *,
    base_url: str | None = None,
    interval: float = 3.0,
    client: VoipbinClient | None = None,
    out: TextIO | None = None,
    sleep: Callable[[float], object] = time.sleep,
    now: Callable[[], datetime] | None = None,
) -> int:
    """Show the campaign every ``interval`` seconds until its status is ``stop``."""
    out = out if out is not None else sys.stdout
    with _client(base_url, client) as api:

        def take() -> Snapshot:
            return snapshot(api, campaign_id, now() if now is not None else None)

        if out.isatty():
            try:
                return _watch_live(take, interval, out, sleep)
            except ImportError:  # rich is not installed: lines
                pass
        while True:
            current = take()
            out.write(current.line() + "\n")
            out.flush()
            if current.status == "stop":
                return 0
            sleep(interval)


def _watch_live(
    take: Callable[[], Snapshot], interval: float, out: TextIO, sleep: Callable[[float], object]
) -> int:
    from rich.console import Console
    from rich.live import Live
    from rich.table import Table

    def table(current: Snapshot) -> Table:
        shown = Table(title=f"campaign at {utc_text(current.at)} UTC", show_header=False)
        for name, value in current.rows():
            shown.add_row(name, value)
        return shown

    current = take()
    with Live(table(current), console=Console(file=out), auto_refresh=False) as live:
        while current.status != "stop":
            sleep(interval)
            current = take()
            live.update(table(current), refresh=True)
    return 0
