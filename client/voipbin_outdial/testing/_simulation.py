"""The campaign engine's loop, run on the mock's state as events on a virtual clock.

The engine (``bin-campaign-manager/pkg/campaignhandler/execute.go``, ``Execute``) is a chain of
runs. Each run asks for the first available target (least recently updated; the rules are
:mod:`voipbin_outdial.dialplan`'s) and then:

* none: with ``end_handle`` ``stop`` the campaign stops; with ``continue`` it runs again 5 s
  later (the simulation ends instead when no call is live either: nothing can change);
* one not due yet: it runs again 5 s later; nobody behind that target is dialed first;
* one that is due: the call starts (the target turns ``progressing``, its count goes up, in the
  store at once) and the engine runs again 500 ms later. The call hangs up later, as an event of
  its own; there is no cap on live calls.

A destination the call manager refuses (``{}``, or not tel/sip) fails at once: the target is
``idle`` again and the campaign stops; calls already live still hang up. Events wait in a heap by
due time; events due at the same time run in the order they were scheduled. Available targets
wait in a heap by the engine's order, checked against the store when they reach the front, so
what the API does meanwhile (a target added, the outplan changed) is seen by the next run, as
the engine's next query would see it.

Deleting changes nothing for the engine but the deleted target's ``tm_update``: the "available
targets" query (``bin-outdial-manager/pkg/dbhandler/outdialtarget.go``,
``outdialTargetSelectAvailable``) looks at neither the target's nor the outdial's ``tm_delete``,
``Execute`` reads the outplan by id alone (``outplanHandler.Get``), and the status updates
(``OutdialTargetUpdateProgressing``, ``OutdialTargetUpdate``) match the id only. So a deleted
target is dialed again (behind the others: the delete set its ``tm_update``), and a deleted
outplan or outdial does not stop a running campaign; only starting one on them is refused.
"""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any, Literal, Protocol, TypeAlias

from ..dialplan import PLACEMENT_DELAY, POLL_DELAY, DialAttempt, apply_call_start, apply_hangup
from ..dialplan.engine import Candidate, Plan, candidate, is_refused, read_plan, read_target
from ._calllog import CallColumns, CallLog
from ._mockstore import MockStore
from ._outcomes import CallRecord, Decide, address_dict
from ._row import plain
from ._store import ResourceNotFoundError

__all__ = ["EndHandle", "Observer", "Simulation", "StopReason"]

EndHandle: TypeAlias = Literal["stop", "continue"]
StopReason: TypeAlias = Literal[
    "exhausted", "no_target", "refused", "until", "not_found", "stopped"
]


class Observer(Protocol):
    """Told of each call placed and ended and of the stop (a campaign run through the API
    keeps its campaigncalls and its status with them: ``_dialer``)."""

    def placed(self, call: CallRecord) -> None: ...

    def ended(self, call: CallRecord) -> None: ...

    def stopped(self, reason: StopReason) -> None: ...


_Record: TypeAlias = dict[str, Any]
_EXECUTE, _HANGUP = "execute", "hangup"
_REFUSED_REASON = "failed"  # executeCall marks the campaigncall failed: the target turns idle


class Simulation:
    """One campaign on the mock's store: :meth:`run_until` moves the virtual clock on."""

    def __init__(
        self,
        store: MockStore,
        outplan_id: str,
        outdial_id: str,
        *,
        decide: Decide,
        start: datetime,
        end_handle: EndHandle,
        observer: Observer | None = None,
        keep_polling: bool = False,
        gate: Callable[[], bool] | None = None,
    ) -> None:
        self.now = start
        # keep_polling: as VoIPBIN, poll every 5 s while end_handle is not stop, live calls or
        # not (a campaign run through the API); else end when nothing can change any more.
        self.observer, self.keep_polling, self.halt = observer, keep_polling, False
        self.gate = gate  # isDialable: whether the queue has room for one more call now
        self.columns = CallColumns(start)  # every call placed (``calls``: as records)
        self.live: dict[str, int] = {}  # store id of the target -> the row of its live call
        self.stop_reason: StopReason | None = None
        self._store, self._outplan_id, self._outdial_id = store, outplan_id, outdial_id
        self._decide, self._end_handle = decide, end_handle
        self._events: list[tuple[datetime, int, str, str]] = []
        self._order = itertools.count()
        self._queue: list[tuple[datetime, int, str]] = []  # available: engine order, store id
        # The store's own records (TargetRow), read under its lock.
        self._records: dict[str, Mapping[str, Any]] = {}
        self._seen = 0
        self._outplan: Mapping[str, Any] | None = None
        self._plan: Plan
        with store.locked():
            self._current_plan()
            self._take_new_targets()
        self._schedule(start, _EXECUTE)

    def run_until(self, limit: datetime | None) -> None:
        """Run every event due at or before ``limit`` (``None``: until none is left)."""
        while self._events and (limit is None or self._events[0][0] <= limit):
            at, _, kind, target = heapq.heappop(self._events)
            if kind == _EXECUTE and self.stop_reason is not None:
                continue  # stopped: the engine runs no more
            self.now = at
            if kind == _HANGUP:
                self._hang_up(at, target)
            else:
                self._execute(at)
        if limit is not None and limit > self.now:
            self.now = limit

    @property
    def calls(self) -> CallLog:
        """Every call placed so far, in the order placed (a view that stays as it is)."""
        return CallLog(self.columns)

    @property
    def live_calls(self) -> list[CallRecord]:
        """The calls placed and not hung up yet, as records."""
        rows = list(self.live.values())  # at once: the campaign may run on another thread
        return [self.columns.record(row) for row in rows]

    def stop(self, reason: StopReason) -> None:
        """Place no more calls (the engine's stop); calls already live still hang up."""
        if self.stop_reason is None:
            self.stop_reason = reason
            if self.observer is not None:
                self.observer.stopped(reason)

    # --- the engine's run ------------------------------------------------------------------

    def _execute(self, at: datetime) -> None:
        if self.halt:  # the status is no longer run: Execute stops (status_stop.go)
            self.stop("stopped")
            return
        try:
            with self._store.locked():
                plan = self._current_plan()
                self._take_new_targets()
                head = self._head(plan)
                if head is None:
                    self._nothing_available(at)
                    return
                found, target, record = head
                if self.gate is not None and not self.gate():
                    self._poll(at, None)  # execute.go: not dialable, look again in 5 s
                    return
                if found.due > at:
                    self._poll(at, found.due)
                    return
                heapq.heappop(self._queue)
                slot = found.slot
                # The callable gets a copy of the destination; the log keeps the store's own.
                dialed = DialAttempt(
                    found.target_id, slot.n, address_dict(slot.address), slot.tries + 1
                )
                self._write(apply_call_start(record, dialed, at))
        except ResourceNotFoundError:
            self.stop("not_found")  # the store was reset: Execute stops on a failed Get
            return
        self._place(at, target, dialed, slot.address)

    def _place(self, at: datetime, target: str, dialed: DialAttempt, address: object) -> None:
        reason: str | None = None  # refused: no call, no hangup reason
        ended = at
        if not is_refused(address):
            # Outside the lock: the callable may use the mock's API, which shows the call live.
            outcome = self._decide(dialed)
            reason, ended = outcome.hangup_reason, at + outcome.duration
        columns = self.columns
        row = columns.append(at, target, dialed.index, address, dialed.try_number, reason, ended)
        if self.observer is not None:
            self.observer.placed(columns.record(row))
        if reason is None:
            with self._store.locked():
                self._end(target, _REFUSED_REASON, at)
            if self.observer is not None:
                self.observer.ended(columns.record(row))
            self.stop("refused")
            return
        self.live[target] = row
        self._schedule(ended, _HANGUP, target)
        self._schedule(at + PLACEMENT_DELAY, _EXECUTE)

    def _nothing_available(self, at: datetime) -> None:
        if self._end_handle == "stop":
            self.stop("no_target")
        elif not self.live and not self.keep_polling:
            self.stop("exhausted")
        else:
            self._poll(at, None)

    def _poll(self, at: datetime, due: datetime | None) -> None:
        """Run again 5 s later; polls before ``due`` or the next event would change nothing,
        so the next one is the first poll at or after the earlier of the two."""
        horizon = [t for t in (due, self._events[0][0] if self._events else None) if t is not None]
        later = max(1, -((at - min(horizon)) // POLL_DELAY)) if horizon else 1
        self._schedule(at + later * POLL_DELAY, _EXECUTE)

    def _hang_up(self, at: datetime, target: str) -> None:
        row = self.live.pop(target)
        reason = self.columns.hangup_reason(row)
        if reason is not None:  # (a refused call has no hangup)
            with self._store.locked():
                self._end(target, reason, at)
        if self.observer is not None:
            self.observer.ended(self.columns.record(row))

    def _end(self, target: str, reason: str, at: datetime) -> None:
        record = plain(self._records[target])
        if record["status"] != "progressing":
            return  # changed outside the engine while the call was live
        ended = apply_hangup(record, reason, at)
        try:
            self._write(ended)
        except ResourceNotFoundError:
            return  # the store was reset while the call was live
        self._enqueue(target, candidate(read_target(ended), self._plan))  # as now stored

    # --- the engine's view of the store ----------------------------------------------------

    def _head(self, plan: Plan) -> tuple[Candidate, str, _Record] | None:
        """The first available target, its entry checked against the store's record; and
        that record as read (a dict)."""
        while self._queue:
            changed, tiebreak, target = self._queue[0]
            record = self._records[target]
            found = candidate(read_target(record), plan)
            if found is None:
                heapq.heappop(self._queue)
            elif (found.changed, found.tiebreak) != (changed, tiebreak):
                heapq.heapreplace(self._queue, (found.changed, found.tiebreak, target))
            else:
                return found, target, plain(record)
        return None

    def _current_plan(self) -> Plan:
        """The outplan as the engine reads it on each run; all targets re-read if it changed."""
        outplan = self._store.stored("outplan", self._outplan_id)
        if outplan != self._outplan:
            # A shallow copy: the store puts new values in a record, never changes one in
            # place, so the values stay the same objects and this test is quick.
            outplan = dict(outplan)
            self._plan = read_plan(outplan)
            if self._outplan is not None:
                self._queue = []
                for target, record in self._records.items():
                    if target not in self.live:
                        self._enqueue(target, candidate(read_target(record), self._plan))
            self._outplan = outplan
        return self._plan

    def _take_new_targets(self) -> None:
        records, self._seen = self._store.targets_from(self._outdial_id, self._seen)
        for record in records:
            self._records[record["id"]] = record
            self._enqueue(record["id"], candidate(read_target(record), self._plan))

    def _enqueue(self, target: str, found: Candidate | None) -> None:
        if found is not None:
            heapq.heappush(self._queue, (found.changed, found.tiebreak, target))

    def _write(self, record: _Record) -> None:
        self._store.write_target_state(record)

    def _schedule(self, at: datetime, kind: str, target: str = "") -> None:
        heapq.heappush(self._events, (at, next(self._order), kind, target))
