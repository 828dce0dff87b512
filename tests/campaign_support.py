"""Helpers for the tests that run a campaign on the standalone mock: serve it, start a campaign
through the API as a user's program would."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import pytest

from voipbin_outdial import VoipbinClient
from voipbin_outdial.models import Campaign, Outdial

START_TIMEOUT = 20.0
STOP_TIMEOUT = 10.0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def serving(*options: str) -> Iterator[str]:
    """The mock as a subprocess on a free port with ``options``; its base URL."""
    port = _free_port()
    command = [sys.executable, "-m", "voipbin_outdial.testing", "--port", str(port)]
    process = subprocess.Popen(
        [*command, "--log-level", "warning", *options],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if process.poll() is not None:
                output = process.stdout.read().decode() if process.stdout else ""
                pytest.fail(f"the server exited with {process.returncode}:\n{output}")
            try:
                httpx.get(f"{base}/v1.0/outplans", timeout=1.0)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    pytest.fail(f"the server did not answer within {START_TIMEOUT} s")
                time.sleep(0.05)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=STOP_TIMEOUT)
        if process.stdout:
            process.stdout.close()


def make_campaign(
    client: VoipbinClient, *, targets: int = 1, end_handle: str = "stop", tries: int = 1
) -> tuple[Campaign, Outdial]:
    """The working order (campaign.go ``isValidOutdialID``): an outplan, the campaign, an
    outdial for it, its targets, then ``resource_info``."""
    plan = client.outplans.create(
        name="p",
        source={"type": "tel", "target": "+15559876543"},
        dial_timeout=30_000,
        try_interval=60_000,
        max_try_counts=[tries, 0, 0, 0, 0],
    )
    campaign = client.campaigns.create(name="c", end_handle=end_handle, outplan_id=plan.id)
    outdial = client.outdials.create(campaign_id=campaign.id, name="o", detail="d", data="x")
    for n in range(targets):
        client.outdialtargets.create(
            outdial.id,
            name=f"t{n}",
            detail="d",
            data="x",
            destinations=[{"type": "tel", "target": f"+1555010{n}"}],
        )
    campaign = client.campaigns.update_resource_info(campaign.id, outdial_id=outdial.id)
    return campaign, outdial


def start_campaign(client: VoipbinClient, targets: int = 3) -> Campaign:
    """What a user's program does: plan, campaign, outdial for it, targets, resources, run."""
    campaign, _ = make_campaign(client, targets=targets, tries=2)
    running = client.campaigns.update_status(campaign.id, "run")
    assert running.status == "run"
    return running
