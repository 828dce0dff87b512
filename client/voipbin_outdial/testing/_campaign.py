"""The mock's campaign: VoIPBIN's engine dialing an outdial under an outplan, on a virtual clock.

:class:`Campaign` runs it step by step (what the API shows between two steps is what VoIPBIN
would show at that moment, live calls included); :func:`run_campaign` runs it to the end. The
engine's loop is in :mod:`._simulation`, its rules in :mod:`voipbin_outdial.dialplan`.

What is modeled: one available target at a time, least recently updated first, waiting for a
target that is not due (runs every 5 s), 500 ms between calls so calls overlap, ``progressing``
and the new try count from a call's start, ``done`` only on a ``normal`` hangup, a refused
destination stopping the campaign, ``end_handle``. What is not: queues (a campaign with a queue
dials only while agents are free), flow campaigns, the 1 s between starting a campaign and its
first run (``start`` is the first run). Deleting is as on VoIPBIN: a campaign cannot start on
a deleted outplan or outdial (``bin-campaign-manager/pkg/campaignhandler/campaign.go``,
``isValidOutplanID``, ``isValidOutdialID``), but once it runs, deleting changes nothing for
the engine (its queries do not look at ``tm_delete``): a deleted target is dialed again, behind
the others, and deleting the outplan or the outdial does not stop it (:mod:`._simulation`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TypedDict, get_args
from uuid import uuid4

from ..dialplan import RING_TIME
from ..timeutil import as_utc
from ._calllog import CallLog
from ._mockstore import MockStore
from ._outcomes import Answer, CallRecord, Decide, decider
from ._simulation import EndHandle, Observer, Simulation, StopReason

__all__ = ["Campaign", "CampaignOptions"]


class Campaign:
    """A campaign being simulated on the mock's store; nothing happens until it is run.

    Args:
        store: The mock's state: the targets' status, try counts and ``tm_update`` change in it
            as the engine changes them.
        answer: The chance (0..1) that a call is answered, drawn from ``random.Random(seed)``,
            or a callable deciding each :class:`~voipbin_outdial.dialplan.DialAttempt`. An
            answered call hangs up ``normal`` after ``talk_time``, an unanswered one
            ``noanswer`` after ``ring_time``.
        seed: The seed for a probability ``answer`` (same seed, same calls).
        start: When the engine first runs (aware; naive means UTC); the mock's current time if
            not given.
        talk_time: How long an answered call lasts (milliseconds or a timedelta).
        ring_time: How long an unanswered call rings: 60 s, as VoIPBIN's call manager dials
            (the outplan's ``dial_timeout`` is not used by the engine).
        outcome: A callable giving each call's :class:`CallOutcome` (hangup reason and
            length); it replaces ``answer``, ``talk_time`` and ``ring_time``.
        end_handle: The campaign's ``end_handle``: ``stop`` ends it the first time no target
            is available (even with calls live), ``continue`` keeps it polling; the simulation
            then ends when no target is available and no call is live.

    Attributes:
        id: A new uuid4, as VoIPBIN gives each campaign one (a held campaign's key in
            ``VoipbinMock.held_campaigns``).
        outplan_id, outdial_id: What it dials, as the store keys them.

    Targets last updated at the same instant are taken in id order (VoIPBIN's query leaves
    their order open); the mock's ids are random, so where two calls hang up at the same instant
    a seed does not fix which target goes next.

    Raises:
        ResourceNotFoundError: the outplan or the outdial is not there, or deleted (VoIPBIN
            refuses a campaign on them; one already running goes on).
        ValueError: ``answer`` is a number outside 0..1, a duration is negative, or
            ``end_handle`` is neither ``stop`` nor ``continue``.

    A campaign run through the API (``PUT /campaigns/{id}/status``) is one of these too, with
    its ``campaign_id`` and an ``observer`` keeping its campaigncalls and status (``_dialer``);
    it polls on while its ``end_handle`` is not ``stop``, as VoIPBIN's engine does.
    """

    def __init__(
        self,
        store: MockStore,
        outplan_id: str,
        outdial_id: str,
        *,
        answer: Answer = False,
        seed: int | None = None,
        start: datetime | None = None,
        talk_time: int | timedelta = 0,
        ring_time: int | timedelta = RING_TIME,
        outcome: Decide | None = None,
        end_handle: EndHandle = "continue",
        campaign_id: str | None = None,
        observer: Observer | None = None,
        gate: Callable[[], bool] | None = None,
    ) -> None:
        if end_handle not in get_args(EndHandle):
            raise ValueError(f"end_handle must be 'stop' or 'continue', not {end_handle!r}")
        decide = decider(answer, seed, talk_time, ring_time, outcome)
        self.start = store.current_time() if start is None else as_utc(start, "start")
        self.id = campaign_id or str(uuid4())
        self.outplan_id, self.outdial_id = outplan_id, outdial_id
        self._store = store
        store.get("outplan", outplan_id)  # a copy, only to refuse a missing or deleted one
        store.get("outdial", outdial_id)
        self._simulation = Simulation(
            store,
            outplan_id,
            outdial_id,
            decide=decide,
            start=self.start,
            end_handle=end_handle,
            observer=observer,
            keep_polling=observer is not None,
            gate=gate,
        )

    def halt(self) -> None:
        """Stop at the engine's next run (``PUT /campaigns/{id}/status`` ``stop``)."""
        self._simulation.halt = True

    @property
    def now(self) -> datetime:
        """The virtual clock: the time of the last event run, or the time run up to."""
        return self._simulation.now

    @property
    def calls(self) -> CallLog:
        """Every call placed so far, in the order placed (a :class:`CallLog`, which later calls
        do not change)."""
        return self._simulation.calls

    @property
    def live_calls(self) -> list[CallRecord]:
        """The calls placed and not hung up yet (their targets are ``progressing``)."""
        return self._simulation.live_calls

    @property
    def stop_reason(self) -> StopReason | None:
        """Why the engine stopped placing calls, or ``None`` while it runs: ``exhausted`` (no
        target left to dial and no call live), ``no_target`` (``end_handle`` ``stop`` and no
        target available), ``refused`` (the call manager refused a destination), ``until``
        (:meth:`run`'s limit), ``not_found`` (the outplan or the outdial is no longer in the
        store at all: the mock was reset; deleting them does not stop a campaign)."""
        return self._simulation.stop_reason

    @property
    def running(self) -> bool:
        """Whether it may still change a target: not stopped, or with calls still live."""
        return self.stop_reason is None or bool(self._simulation.live)

    def run_until(self, when: datetime | timedelta) -> CallLog:
        """Run every event up to ``when`` (a datetime, or a timedelta after :attr:`start`);
        calls live then stay live. The calls placed in this step. The mock's clock moves on to
        ``when``."""
        before = len(self._simulation.calls)
        self._simulation.run_until(self._limit(when))
        self._store.advance_to(self._simulation.now)
        return self._simulation.calls[before:]

    def run(self, *, until: datetime | timedelta | None = None) -> CallLog:
        """Run to the end: no call is placed after ``until`` (a datetime, or a timedelta after
        :attr:`start`); calls live then still hang up, as when VoIPBIN stops a campaign. The
        calls placed in this step. The mock's clock moves on to the last event."""
        before = len(self._simulation.calls)
        if until is not None:
            self._simulation.run_until(self._limit(until))
            self._simulation.stop("until")
        self._simulation.run_until(None)
        self._store.advance_to(self._simulation.now)
        return self._simulation.calls[before:]

    def _limit(self, when: datetime | timedelta) -> datetime:
        return self.start + when if isinstance(when, timedelta) else as_utc(when, "until")


class CampaignOptions(TypedDict, total=False):
    """The keyword arguments of :class:`Campaign` after the ids (for ``**options``)."""

    answer: Answer
    seed: int | None
    start: datetime | None
    talk_time: int | timedelta
    ring_time: int | timedelta
    outcome: Decide | None
    end_handle: EndHandle
