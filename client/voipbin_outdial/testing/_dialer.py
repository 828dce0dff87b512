"""Campaigns run through the API: VoIPBIN's status machine over the mock's one campaign engine.

``PUT /campaigns/{id}/status`` ``run`` starts a :class:`~._campaign.Campaign` (the engine held
campaigns use, :mod:`._simulation`) with the campaign's id, held with the others and moved by
the same clock; its first run is 1 s later (``status_run.go`` ``campaignRun``:
``CampaignV1CampaignExecute(ctx, id, 1000)``). An observer keeps what the API shows in step:

* each call placed is a campaigncall, ``dialing``, with the campaign's ids, the outplan's
  ``source``, the target's destination, its index and try (``execute.go`` ``executeCall``,
  ``campaigncallhandler/campaigncall.go`` ``Create``); it is ``done`` at the hangup with
  ``success`` (reason ``normal``) or ``fail`` (``eventhandle.go``
  ``calcCampaigncallResultByCallHangupReason``); a refused call is ``done``/``fail`` at once;
* when the engine stops (no target with ``end_handle`` ``stop``, a refused call, or ``stop``
  asked) the status is ``stop`` if no call is live, else ``stopping`` until the last hangup
  (``campaign.go`` ``updateExecuteStop``, ``status_stop.go`` ``campaignStop``).

Without an outplan the first run fails and stops the campaign; with an outplan but no outdial
there is no target: ``end_handle`` ``stop`` stops it, anything else polls forever (``Execute``).
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Mapping
from contextlib import AbstractContextManager
from datetime import datetime, timedelta
from typing import Any, Final, Protocol
from weakref import WeakKeyDictionary

from ._campaign import Campaign, CampaignOptions
from ._mockstore import MockStore
from ._outcomes import CallRecord
from ._simulation import StopReason
from ._store import Record, RecordStore

__all__ = ["FIRST_RUN_DELAY", "NIL", "Dialer", "Holder", "register", "registered"]

NIL: Final = "00000000-0000-0000-0000-000000000000"
FIRST_RUN_DELAY: Final = timedelta(seconds=1)
_POLL: Final = timedelta(seconds=5)
_FAIL_REASONS: Final = frozenset(
    {"failed", "busy", "cancel", "timeout", "noanswer", "dialout", "amd"}
)
_DIALERS: WeakKeyDictionary[RecordStore, Dialer] = WeakKeyDictionary()
_REGISTRY_LOCK: Final = threading.Lock()


def register(store: RecordStore, dialer: Dialer) -> None:
    """Make ``dialer`` the one that runs the API's campaigns on ``store``."""
    with _REGISTRY_LOCK:
        _DIALERS[store] = dialer


def registered(store: RecordStore) -> Dialer | None:
    """The dialer registered for ``store``, if any (``_held.dialer_of`` makes one if not)."""
    with _REGISTRY_LOCK:
        return _DIALERS.get(store)


class Holder(Protocol):
    """What a dialer uses of the held campaigns (``_held.HeldCampaigns``): a protocol, so that
    this module does not import the module that makes it."""

    def hold(self, campaign: Campaign) -> None: ...
    def locked(self) -> AbstractContextManager[None]: ...
    def by_id(self) -> Mapping[str, Campaign]: ...


def result_of(reason: str | None) -> str | None:
    """A campaigncall's ``result`` for a hangup reason; ``None``: unmapped, it stays dialing."""
    if reason == "normal":
        return "success"
    if reason is None or reason in _FAIL_REASONS:
        return "fail"
    return None


class _Watch:
    """The observer of one run of one campaign: its campaigncalls and its status."""

    def __init__(self, dialer: Dialer, campaign_id: str) -> None:
        self.dialer, self.campaign_id = dialer, campaign_id
        self.campaign: Campaign | None = None
        self.calls: dict[tuple[Any, datetime], str] = {}  # (target, placed at) -> campaigncall

    def placed(self, call: CallRecord) -> None:
        store = self.dialer.store
        with store.locked():
            campaign = store.stored("campaign", self.campaign_id)
            outplan = store.stored("outplan", campaign["outplan_id"])
            record = {
                "id": str(uuid.uuid4()),
                "customer_id": campaign["customer_id"],
                "campaign_id": self.campaign_id,
                **{name: campaign[name] for name in ("outplan_id", "outdial_id")},
                "outdial_target_id": str(call.target_id),
                "queue_id": campaign["queue_id"],
                "activeflow_id": str(uuid.uuid4()),
                "flow_id": self.dialer.flow_id(self.campaign_id),
                "reference_type": "call",
                "reference_id": str(uuid.uuid4()),
                "status": "dialing",
                "result": "",
                "source": dict(outplan["source"]),
                "destination": dict(call.address),
                "destination_index": call.index,
                "try_count": call.try_number,
            }
            store.insert("campaigncall", record, at=call.at)
            self.calls[(call.target_id, call.at)] = record["id"]

    def ended(self, call: CallRecord) -> None:
        result = result_of(call.hangup_reason)
        store = self.dialer.store
        with store.locked():
            campaigncall = self.calls.get((call.target_id, call.at))
            if result is not None and campaigncall is not None:
                changes = {"status": "done", "result": result}
                store.update("campaigncall", campaigncall, changes, deleted=True, at=call.ended_at)
            if self.campaign is not None and self.campaign.stop_reason is not None:
                self.dialer.settle_stopping(self.campaign_id, self.campaign, call.ended_at)

    def stopped(self, reason: StopReason) -> None:
        del reason  # every stop of the engine is updateExecuteStop
        if self.campaign is not None:
            self.dialer.engine_stopped(self.campaign_id, self.campaign)


class Dialer:
    """Runs and stops the API's campaigns of one store, on its held campaigns' engine.

    Args:
        options: How its calls end (``answer``, ``seed``, ``talk_time``, ``ring_time``,
            ``outcome``, as :class:`~._campaign.Campaign` takes them); none: no call is answered.
    """

    def __init__(self, store: MockStore, held: Holder) -> None:
        self.store, self.held = store, held
        self.options: CampaignOptions = {}
        self._lock = threading.RLock()
        self._flows: dict[str, str] = {}  # campaign -> its hidden flow's id
        self._executing: set[str] = set()  # campaigns whose engine runs (execute: run)
        self._due_stops: dict[str, datetime] = {}  # campaigns without an engine: stop then
        self.queues: dict[str, tuple[str, int]] = {}  # queue -> its customer, available agents

    def add_queue(self, customer_id: str, available_agents: int) -> str:
        """A queue the mock knows (it has no queue manager), with its available agents."""
        with self._lock:
            queue_id = str(uuid.uuid4())
            self.queues[queue_id] = (customer_id, available_agents)
            return queue_id

    def _dialable(self, campaign_id: str, campaign: Campaign | None) -> bool:
        """execute.go ``isDialable``: no queue, always; else ``agents * service_level / 100``
        (integer division) must be above the campaign's calls ringing now (at most 100 counted)."""
        record = self.store.stored("campaign", campaign_id)
        if record["queue_id"] == NIL:
            return True
        _, agents = self.queues.get(record["queue_id"], ("", 0))
        dialing = 0 if campaign is None else min(len(campaign.live_calls), 100)
        return bool(agents * record["service_level"] // 100 > dialing)

    def flow_id(self, campaign_id: str) -> str:
        """The id of the campaign's hidden flow (the campaigncalls show it, the campaign not)."""
        with self._lock:
            return self._flows.setdefault(campaign_id, str(uuid.uuid4()))

    def clear(self) -> None:
        with self._lock:
            self._flows.clear()
            self._executing.clear()
            self._due_stops.clear()
            self.queues.clear()

    def _set_status(self, campaign_id: str, status: str, at: datetime | None = None) -> Record:
        current = self.store.stored("campaign", campaign_id)
        if current["status"] == status:
            return dict(current)
        return self.store.update("campaign", campaign_id, {"status": status}, deleted=True, at=at)

    def run(self, record: Record) -> Record:
        """``status: run`` on a campaign whose resources were found valid (the caller's check)."""
        campaign_id = record["id"]
        with self.store.locked(), self._lock:
            if record["status"] == "run":
                return record
            answer = self._set_status(campaign_id, "run")
            if campaign_id in self._executing:
                return answer  # the engine still runs: no second Execute is queued
            start = self.store.current_time() + FIRST_RUN_DELAY
            self._executing.add(campaign_id)
            if record["outplan_id"] == NIL or (
                record["outdial_id"] == NIL and record["end_handle"] == "stop"
            ):
                self._due_stops[campaign_id] = start
            elif record["outdial_id"] != NIL:
                self._start(record, start)
            return answer

    def _start(self, record: Record, start: datetime) -> None:
        watch = _Watch(self, record["id"])
        options: CampaignOptions = {**self.options}
        options["start"] = start
        options["end_handle"] = "stop" if record["end_handle"] == "stop" else "continue"
        campaign = Campaign(
            self.store,
            record["outplan_id"],
            record["outdial_id"],
            campaign_id=record["id"],
            observer=watch,
            gate=lambda: self._dialable(record["id"], watch.campaign),
            **options,
        )
        watch.campaign = campaign
        self.held.hold(campaign)

    def stop(self, record: Record) -> Record:
        """``status: stop``: ``stopping`` while the engine runs or calls are live, else ``stop``."""
        campaign_id = record["id"]
        with self.store.locked(), self._lock:
            held = self.held.by_id().get(campaign_id)
            live = held is not None and bool(held.live_calls)
            if campaign_id not in self._executing and not live:
                return self._set_status(campaign_id, "stop")
            answer = record
            if record["status"] == "run":
                answer = self._set_status(campaign_id, "stopping")
            if campaign_id in self._executing:
                if held is not None and held.stop_reason is None:
                    held.halt()
                elif campaign_id not in self._due_stops:
                    self._due_stops[campaign_id] = self.store.current_time() + _POLL
            return answer

    def engine_stopped(self, campaign_id: str, campaign: Campaign) -> None:
        with self.store.locked(), self._lock:
            self._executing.discard(campaign_id)
            self.settle_stopping(campaign_id, campaign, campaign.now)

    def settle_stopping(self, campaign_id: str, campaign: Campaign, at: datetime) -> None:
        """After the engine stopped: ``stop`` once no call is live, ``stopping`` until then."""
        with self.store.locked(), self._lock:
            if campaign_id in self._executing:
                return  # run again meanwhile
            status = self.store.stored("campaign", campaign_id)["status"]
            if not campaign.live_calls:
                self._set_status(campaign_id, "stop", at)
            elif status == "run":
                self._set_status(campaign_id, "stopping", at)

    def settle(self, when: datetime) -> None:
        """The stops due by ``when`` of campaigns the engine does not run (no outplan, ...)."""
        with self.store.locked(), self._lock:
            for campaign_id, at in sorted(self._due_stops.items(), key=lambda item: item[1]):
                if at <= when:
                    del self._due_stops[campaign_id]
                    self._executing.discard(campaign_id)
                    self._set_status(campaign_id, "stop", at)
