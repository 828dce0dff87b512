#!/usr/bin/env python3
"""Record the command's live views from real runs, as SVG for the docs.

    .venv/bin/python scripts/record_terminal.py   # docs/img/import.svg, docs/img/campaign-watch.svg

Each recording serves the mock (``voipbin-outdial mock``), sets up what the command needs through
the SDK, runs the command in a tmux pane (a real terminal, so it draws its rich view), captures
the pane with its colours while it runs and once more at its end, and turns both frames into one
SVG with rich's ``Console(record=True)`` (without its remote font).

- ``import``: 300 rows (two bad) against ``--rate-limit --drop-after-commit 0.05`` (VoIPBIN's
  limit, some create answers lost), captured halfway.
- ``campaign start`` then ``campaign watch``: 20 contacts, two tries each, against ``--clock wall
  --clock-speed 5 --answer 0.5`` (the campaign runs on its own, 5 times as fast), captured
  12 s in, then stopped (as ``campaign stop`` does) and captured when ``watch`` ends.

Needs tmux and the ``testing`` and ``cli`` extras. Not run by ``make test`` (about 40 s, and
tmux); rerun it when a command's output changes.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shlex
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from rich.console import Console
from rich.text import Text

from voipbin_outdial import VoipbinClient

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
IMG = ROOT / "docs" / "img"
ROWS = 300
WIDTH = 120
CAMPAIGN_OF_NONE = "183c0d5c-691e-42f3-af2b-9bffc2740f83"
SERVING = re.compile(r"serving the VoIPBIN mock on (http://127\.0\.0\.1:\d+)")


def serve(log: Path, *options: str) -> tuple[subprocess.Popen[bytes], str]:
    """The standalone mock with ``options`` on a free port; its API's base URL."""
    with log.open("w") as sink:
        process = subprocess.Popen(
            [str(BIN / "voipbin-outdial"), "mock", "--port", "0", *options],
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    deadline = time.monotonic() + 30
    while not (found := SERVING.search(log.read_text())):
        if process.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"the mock did not start:\n{log.read_text()}")
        time.sleep(0.05)
    return process, found.group(1) + "/v1.0"


def contacts(path: Path) -> None:
    """ROWS contacts with a national number and a SIP address; two that cannot be sent."""
    with path.open("w", newline="") as file:
        out = csv.writer(file)
        out.writerow(["name", "detail", "data", "destination_0", "destination_1"])
        for k in range(ROWS - 2):
            out.writerow(
                [f"c{k}", "card", f"crm-{k}", f"(201) 555-{k:04d}", f"sip:c{k}@example.com"]
            )
        out.writerow(["no number", "card", "crm-x", "12", ""])
        out.writerow(["", "card", "crm-y", "(201) 555-9999", ""])


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], check=True, capture_output=True, text=True).stdout


def run_in_pane(
    command: str, height: int, halfway: float, folder: Path, then: Callable[[], object] = list
) -> list[str]:
    """``command`` in a tmux pane: the pane ``halfway`` seconds in and, after ``then()``, at its
    end.

    The command runs from a script that first clears the screen, so the pane holds only its
    output (and the ``DONE-<status>`` line after it, which :func:`strip` takes out)."""
    script = folder / "run.sh"
    script.write_text(f"printf '\\033[H\\033[2J'\n{command}\n", encoding="utf-8")
    session = f"record-{os.getpid()}"
    size = ("-x", str(WIDTH), "-y", str(height))
    tmux("new-session", "-d", "-s", session, *size, "env", "PS1=$ ", "bash", "--norc")
    try:
        tmux("set-option", "-t", session, "remain-on-exit", "on")
        tmux("send-keys", "-t", session, f"bash {script}; echo DONE-$?", "Enter")
        time.sleep(halfway)
        frames = [tmux("capture-pane", "-t", session, "-p", "-e")]
        then()
        deadline = time.monotonic() + 120
        while "DONE-" not in (last := tmux("capture-pane", "-t", session, "-p", "-e")):
            if time.monotonic() > deadline:
                raise RuntimeError(f"{command} did not end:\n{last}")
            time.sleep(0.5)
        frames.append(last)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], check=False)
    return frames


def record_import(folder: Path) -> list[str]:
    """``import`` halfway through 300 rows and at its end."""
    contacts(folder / "contacts.csv")
    options = ("--rate-limit", "--drop-after-commit", "0.05", "--fault-seed", "4")
    process, base_url = serve(folder / "mock.log", *options)
    try:
        with VoipbinClient(token="t", base_url=base_url) as client:
            outdial = client.outdials.create(
                campaign_id=CAMPAIGN_OF_NONE, name="q3", detail="d", data="x"
            )
        command = (
            f"cd {shlex.quote(str(folder))} && VOIPBIN_TOKEN=t {BIN}/voipbin-outdial import "
            f"contacts.csv --outdial {outdial.id} --base-url {base_url} --rejects rejects.csv"
        )
        frames = run_in_pane(command, 8, 9, folder)  # 9 s: about half of 300 rows at 16 a second
    finally:
        process.terminate()
        process.wait(timeout=10)
    # The pane shows the command with its --base-url; show it as a user types it.
    shown = f"$ voipbin-outdial import contacts.csv --outdial {outdial.id} --rejects rejects.csv"
    return [shown + "\n" + strip(frame) for frame in frames]


def record_watch(folder: Path) -> list[str]:
    """``campaign start`` and ``campaign watch`` while the campaign runs, and at its end after a
    ``campaign stop`` (its ``end_handle`` keeps it running when no target is left)."""
    options = ("--clock", "wall", "--clock-speed", "5", "--answer", "0.5", "--seed", "3")
    process, base_url = serve(folder / "mock.log", *options, "--talk-time", "20000")
    try:
        with VoipbinClient(token="t", base_url=base_url) as client:
            plan = client.outplans.create(
                name="sales",
                source={"type": "tel", "target": "+15559876543"},
                dial_timeout=30_000,
                try_interval=0,  # a failed contact is due again at once
                max_try_counts=(2, 0, 0, 0, 0),
            )
            campaign = client.campaigns.create(
                name="spring",
                outplan_id=plan.id,
                end_handle="continue",
                actions=[{"type": "hangup"}],
            )
            outdial = client.outdials.create(
                campaign_id=campaign.id, name="leads", detail="spring", data="q3"
            )
            for k in range(20):
                client.outdialtargets.create(
                    outdial.id,
                    name=f"contact {k}",
                    detail="lead",
                    data=f"crm-{k}",
                    destinations=[{"type": "tel", "target": f"+1555010{k:04d}"}],
                )
            client.campaigns.update_resource_info(campaign.id, outdial_id=outdial.id)
        cli = f"VOIPBIN_TOKEN=t {BIN}/voipbin-outdial campaign"
        where = f"{campaign.id} --base-url {base_url}"
        command = f"{cli} start {where} && {cli} watch {where} --interval 1"

        def stop() -> None:
            with VoipbinClient(token="t", base_url=base_url) as client:
                client.campaigns.update_status(campaign.id, "stop")

        frames = run_in_pane(command, 16, 12, folder, then=stop)
    finally:
        process.terminate()
        process.wait(timeout=10)
    shown = (
        f"$ voipbin-outdial campaign start {campaign.id}\n"
        f"$ voipbin-outdial campaign watch {campaign.id}"
    )
    return [shown + "\n" + strip(frame) for frame in frames]


def strip(frame: str) -> str:
    """The frame without the DONE marker and the shell's prompt."""
    lines = [line for line in frame.splitlines() if not line.startswith(("DONE-", "$"))]
    return "\n".join(lines).strip("\n")


def write_svg(frames: list[str], title: str, name: str) -> None:
    """The frames, one under the other, as ``docs/img/<name>``."""
    console = Console(
        file=io.StringIO(), record=True, width=WIDTH, force_terminal=True, color_system="truecolor"
    )
    console.print(Text.from_ansi(frames[0]))
    console.print()
    console.print(Text.from_ansi("# ... and when it ends:\n" + frames[1]))
    svg = console.export_svg(title=title)
    # rich's SVG loads Fira Code from a CDN when viewed; the docs use no remote font.
    svg = re.sub(r"\n *@font-face \{.*?\}", "", svg, flags=re.S)
    IMG.mkdir(exist_ok=True)
    (IMG / name).write_text(svg, encoding="utf-8")
    print(f"record_terminal: wrote {(IMG / name).relative_to(ROOT)}")


def main() -> int:
    with tempfile.TemporaryDirectory() as name:
        write_svg(record_import(Path(name)), "voipbin-outdial import", "import.svg")
    with tempfile.TemporaryDirectory() as name:
        frames = record_watch(Path(name))
        write_svg(frames, "voipbin-outdial campaign watch", "campaign-watch.svg")
    return 0


if __name__ == "__main__":
    sys.exit(main())
