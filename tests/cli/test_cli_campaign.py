"""``voipbin-outdial campaign start|stop|watch ID`` against the mock: as a user runs it (the
console script on a standalone mock whose clock follows real time) and in process."""

from __future__ import annotations

import io
import re
from datetime import timedelta

from campaign_support import serving, start_campaign

from voipbin_outdial import VoipbinClient
from voipbin_outdial.cli._campaign import run_set_status, run_watch
from voipbin_outdial.testing import VoipbinMock

from .conftest import cli

TOKEN = {"VOIPBIN_TOKEN": "t"}


def test_start_then_watch_until_stop_on_a_wall_clock_mock() -> None:
    options = ("--clock", "wall", "--clock-speed", "200", "--answer", "1", "--talk-time", "2000")
    with serving(*options) as base, VoipbinClient(token="t", base_url=f"{base}/v1.0") as client:
        campaign = start_campaign(client)
        client.campaigns.update_status(campaign.id, "stop")
        stopped = cli("campaign", "stop", str(campaign.id), "--base-url", f"{base}/v1.0", env=TOKEN)
        assert stopped.returncode == 0, stopped.stderr
        assert re.fullmatch(rf"campaign {campaign.id}: (stop|stopping)\n", stopped.stdout)
        watched_stop = cli(
            "campaign", "watch", str(campaign.id), "--base-url", f"{base}/v1.0", env=TOKEN
        )
        assert "status stop" in watched_stop.stdout.splitlines()[-1]

        again = start_campaign(client, targets=3)
        started = cli("campaign", "start", str(again.id), "--base-url", f"{base}/v1.0", env=TOKEN)
        assert started.stdout == f"campaign {again.id}: run\n"
        watched = cli(
            "campaign", "watch", str(again.id), "--base-url", f"{base}/v1.0", "--interval", "0.1",
            env=TOKEN,
        )  # fmt: skip

    assert watched.returncode == 0, watched.stderr
    last = watched.stdout.splitlines()[-1]
    assert "status stop" in last
    assert "calls 3 (dialing 0, success 3, fail 0)" in last
    assert "targets done 3, idle 0, left 0" in last
    assert "tries 3/6" in last  # two tries possible on each of the three targets


def test_watch_in_process_shows_the_calls_as_the_clock_moves() -> None:
    mock = VoipbinMock(campaign_calls={"answer": False})
    with mock.client() as http, VoipbinClient(token="t", http_client=http) as client:
        campaign = start_campaign(client, targets=2)
        out = io.StringIO()
        status = run_watch(
            str(campaign.id),
            client=client,
            out=out,
            interval=30,
            sleep=lambda seconds: mock.advance_clock(timedelta(seconds=seconds)),
            now=lambda: mock.now,
        )
        lines = out.getvalue().splitlines()
        assert status == 0
        assert lines[0].split("  ")[1:3] == ["status run", "calls 0 (dialing 0, success 0, fail 0)"]
        assert "calls 2 (dialing 2, success 0, fail 0)" in lines[1]
        assert "tries 2/4" in lines[1]
        # end_handle stop: with both targets on a call none is available, so the engine stops
        # (execute.go Execute) and the campaign is stop at the last hangup, tries left or not
        assert "status stop" in lines[-1]
        assert "calls 2 (dialing 0, success 0, fail 2)" in lines[-1]
        assert "targets done 0, idle 2, left 2" in lines[-1]
        assert lines[-1].endswith("expected end -")


def test_watch_on_a_terminal_is_a_live_table() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    mock = VoipbinMock()
    with mock.client() as http, VoipbinClient(token="t", http_client=http) as client:
        campaign = start_campaign(client, targets=1)
        run_set_status(str(campaign.id), "stop", client=client, out=io.StringIO())
        out = Terminal()
        run_watch(
            str(campaign.id),
            client=client,
            out=out,
            sleep=lambda seconds: mock.advance_clock(timedelta(seconds=seconds)),
        )
    shown = out.getvalue()
    assert "calls placed" in shown
    assert "stop" in shown
