"""Reading a campaign's outplan, outdial and every target from the live API (plan and check)."""

from __future__ import annotations

import sys
from typing import Any, TextIO

import attrs

from .. import VoipbinClient
from ..models import Outdial, Outdialtarget, Outplan

__all__ = ["CampaignInputs", "CampaignSource", "fetch_campaign"]


@attrs.frozen
class CampaignSource:
    """Where ``plan`` and ``check`` read a campaign: its outdial and outplan, from the API at
    ``base_url`` (VoIPBIN's when ``None``)."""

    outdial_id: str
    outplan_id: str
    base_url: str | None = None

    def ids(self) -> dict[str, str]:
        """The two ids, as the commands' JSON reports give them."""
        return {"outdial_id": self.outdial_id, "outplan_id": self.outplan_id}


@attrs.frozen
class CampaignInputs:
    """What a campaign dials: its outplan, its outdial and the outdial's targets."""

    outplan: Outplan
    outdial: Outdial
    targets: list[Outdialtarget]


def fetch_campaign(source: CampaignSource, err: TextIO | None = None) -> CampaignInputs:
    """Read the outplan, the outdial and every page of targets (credentials from the
    environment), showing ``reading targets: N`` on ``err`` (stderr) when it is a terminal."""
    options: dict[str, Any] = {} if source.base_url is None else {"base_url": source.base_url}
    with VoipbinClient(**options) as client:
        outplan = client.outplans.get(source.outplan_id)
        outdial = client.outdials.get(source.outdial_id)
        progress = _Progress(err if err is not None else sys.stderr)
        targets: list[Outdialtarget] = []
        for target in client.outdialtargets.iter(source.outdial_id):
            targets.append(target)
            progress.update(len(targets))
        progress.finish(len(targets))
    return CampaignInputs(outplan, outdial, targets)


class _Progress:
    """``reading targets: N`` on stderr while paging, only when stderr is a terminal."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._live = stream.isatty()

    def update(self, count: int) -> None:
        if self._live and count % 100 == 0:
            self._stream.write(f"\rreading targets: {count}")
            self._stream.flush()

    def finish(self, count: int) -> None:
        if self._live:
            self._stream.write(f"\rreading targets: {count} done\n")
            self._stream.flush()
