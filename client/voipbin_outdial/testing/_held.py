"""The campaigns a mock holds (``VoipbinMock.start_campaign``) and moves on with its clock.

On VoIPBIN a campaign runs by itself once started; the mock's runs when its clock moves: each
move runs every held campaign still running up to the new time (:meth:`Campaign.run_until`), one
after another. Campaigns on different outdials touch different targets, so the order changes
nothing they show. Two on one outdial are refused, as VoIPBIN refuses a campaign on an outdial
another campaign uses (``bin-campaign-manager/pkg/campaignhandler/campaign.go``,
``isValidOutdialID``: ``od.CampaignID != campaignID``); here "uses" means a held campaign that is
still running (the mock does not keep the outdial's ``campaign_id`` in step with campaigns).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime
from typing import Unpack

from ._campaign import Campaign, CampaignOptions
from ._dialer import Dialer, register, registered
from ._mockstore import MockStore
from ._store import RecordStore

__all__ = ["HeldCampaigns", "OutdialInUseError", "dialer_of"]


class OutdialInUseError(ValueError):
    """A held campaign that is still running dials this outdial already."""


class HeldCampaigns:
    """A mock's held campaigns by id; one lock keeps two clock moves from running one at once."""

    def __init__(self, store: MockStore) -> None:
        self._store = store
        self._campaigns: dict[str, Campaign] = {}
        self._lock = threading.RLock()  # re-entrant: an answer= callable may call the mock back
        self.dialer = Dialer(store, self)  # the campaigns run through the API, held here too
        register(store, self.dialer)

    def start(
        self, outplan_id: str, outdial_id: str, **options: Unpack[CampaignOptions]
    ) -> Campaign:
        """A new campaign, held, run through the events due at its start (its first call)."""
        if "start" in options:
            raise ValueError(
                "a held campaign starts at the mock's current time; move the clock instead "
                "of giving start="
            )
        with self._lock:
            campaign = Campaign(self._store, outplan_id, outdial_id, **options)
            self.refuse_in_use(outdial_id)
            campaign.run_until(campaign.start)
            self._campaigns[campaign.id] = campaign
        return campaign

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold their lock: taken before the store's, as a clock move takes them."""
        with self._lock:
            yield

    def hold(self, campaign: Campaign) -> None:
        """Hold a campaign the API runs (``_dialer``); it replaces an earlier run of its id."""
        with self._lock:
            self.refuse_in_use(campaign.outdial_id, but=campaign.id)
            self._campaigns[campaign.id] = campaign

    def refuse_in_use(self, outdial_id: str, *, but: str | None = None) -> None:
        """Raise :class:`OutdialInUseError` if a held campaign still running (other than
        ``but``) dials the outdial (another one on it would write to the same targets)."""
        with self._lock:
            for other in self._campaigns.values():
                if other.outdial_id == outdial_id and other.running and other.id != but:
                    raise OutdialInUseError(
                        f"outdial_id: outdial {outdial_id} is dialed by held campaign {other.id}, "
                        "which is still running"
                    )

    def by_id(self) -> Mapping[str, Campaign]:
        with self._lock:
            return dict(self._campaigns)

    def run_until(self, when: datetime) -> None:
        """Run every held campaign still running up to ``when``; stopped ones stay as they are."""
        with self._lock:
            for campaign in list(self._campaigns.values()):
                if campaign.running:
                    campaign.run_until(when)
            self.dialer.settle(when)

    def clear(self) -> None:
        with self._lock:
            self._campaigns.clear()
            self.dialer.clear()


def dialer_of(store: RecordStore) -> Dialer:
    """The dialer of ``store``: the one its :class:`~voipbin_outdial.testing.VoipbinMock`
    registered, else one made with held campaigns of its own (a store served without a mock)."""
    found = registered(store)
    if found is not None:
        return found
    if not isinstance(store, MockStore):
        raise TypeError(f"no dialer runs the campaigns of {store!r}")
    return HeldCampaigns(store).dialer
