#!/usr/bin/env python3
"""Record ``voipbin-outdial import`` with its progress bar, from a real run, as SVG for the docs.

    .venv/bin/python scripts/record_import.py      # writes docs/img/import.svg

It serves the mock (``voipbin-outdial mock --rate-limit --drop-after-commit 0.05``: VoIPBIN's
limit, and some create answers lost), writes a contact list of 300 rows (two of them bad), runs
the import in a tmux pane (a real terminal, so the command draws its rich progress bar), captures
the pane with its colours halfway through and once more at the end, and turns both frames into
one SVG with rich's ``Console(record=True)`` (without its remote font). Needs tmux and the
``testing`` and ``cli`` extras.
Not run by ``make test`` (it takes about 20 s and needs tmux); rerun it when the output changes.
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
from pathlib import Path

from rich.console import Console
from rich.text import Text

from voipbin_outdial import VoipbinClient

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
OUT = ROOT / "docs" / "img" / "import.svg"
ROWS = 300
WIDTH, HEIGHT = 120, 8
SERVING = re.compile(r"serving the VoIPBIN mock on (http://127\.0\.0\.1:\d+)")


def serve(log: Path) -> tuple[subprocess.Popen[bytes], str]:
    """The standalone mock with VoIPBIN's limit and lost answers; its base URL."""
    with log.open("w") as sink:
        process = subprocess.Popen(
            [
                *(str(BIN / "voipbin-outdial"), "mock", "--port", "0", "--rate-limit"),
                *("--drop-after-commit", "0.05", "--fault-seed", "4"),
            ],
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


def record(base_url: str, folder: Path) -> list[str]:
    """The pane halfway through the import and at its end, with escape sequences."""
    with VoipbinClient(token="t", base_url=base_url) as client:
        outdial = client.outdials.create(
            campaign_id="183c0d5c-691e-42f3-af2b-9bffc2740f83", name="q3", detail="d", data="x"
        )
    command = (
        f"cd {shlex.quote(str(folder))} && VOIPBIN_TOKEN=t {BIN}/voipbin-outdial import "
        f"contacts.csv --outdial {outdial.id} --base-url {base_url} --rejects rejects.csv"
    )
    shown = f"$ voipbin-outdial import contacts.csv --outdial {outdial.id} --rejects rejects.csv"
    session = f"record-import-{os.getpid()}"
    size = ("-x", str(WIDTH), "-y", str(HEIGHT))
    tmux("new-session", "-d", "-s", session, *size, "env", "PS1=$ ", "bash", "--norc")
    try:
        tmux("set-option", "-t", session, "remain-on-exit", "on")
        tmux("send-keys", "-t", session, f"clear; {command}; echo DONE-$?", "Enter")
        frames = []
        time.sleep(9)  # about half of 300 rows at 16 a second
        frames.append(tmux("capture-pane", "-t", session, "-p", "-e"))
        deadline = time.monotonic() + 120
        while "DONE-" not in (last := tmux("capture-pane", "-t", session, "-p", "-e")):
            if time.monotonic() > deadline:
                raise RuntimeError(f"the import did not end:\n{last}")
            time.sleep(0.5)
        frames.append(last)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], check=False)
    # The pane shows the command with its --base-url and the shell's echo; show it as typed.
    return [shown + "\n" + strip(frame) for frame in frames]


def strip(frame: str) -> str:
    """The frame without the typed command line and the DONE marker."""
    lines = [line for line in frame.splitlines() if "voipbin-outdial import" not in line]
    lines = [line for line in lines if not line.startswith("DONE-") and line.strip() != "$"]
    return "\n".join(lines).strip("\n")


def main() -> int:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        contacts(folder / "contacts.csv")
        process, base_url = serve(folder / "mock.log")
        try:
            during, end = record(base_url, folder)
        finally:
            process.terminate()
            process.wait(timeout=10)
    console = Console(
        file=io.StringIO(), record=True, width=WIDTH, force_terminal=True, color_system="truecolor"
    )
    console.print(Text.from_ansi(during))
    console.print()
    console.print(Text.from_ansi("# ... and when it ends:\n" + end))
    OUT.parent.mkdir(exist_ok=True)
    svg = console.export_svg(title="voipbin-outdial import")
    # rich's SVG loads Fira Code from a CDN when viewed; the docs use no remote font.
    svg = re.sub(r"\n *@font-face \{.*?\}", "", svg, flags=re.S)
    OUT.write_text(svg, encoding="utf-8")
    print(f"record_import: wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
