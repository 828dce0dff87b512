"""The control endpoints over a real socket: the standalone mock (``python -m
voipbin_outdial.testing --port 0``) driven by the curl walk-through of docs/testing.md, as
written, and by httpx for what curl does not show (a dropped answer closes the connection).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
PAGE_PORT = "4011"
OUTDIAL = {
    "campaign_id": "183c0d5c-691e-42f3-af2b-9bffc2740f83",
    "name": "o",
    "detail": "d",
    "data": "x",
}
RUNNING = re.compile(r"serving the VoIPBIN mock on http://127\.0\.0\.1:(\d+)")  # its first line


def walk_through() -> str:
    """The ```sh block of docs/testing.md that drives the mock over HTTP."""
    page = (ROOT / "docs/testing.md").read_text(encoding="utf-8")
    (block,) = [b for b in re.findall(r"```sh\n(.*?)```", page, re.S) if "/_mock" in b]
    return block


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The standalone mock on a port of its choosing; yields ``http://127.0.0.1:PORT``."""
    log = tmp_path_factory.mktemp("mock-server") / "server.log"
    with log.open("w") as sink:
        process = subprocess.Popen(
            [sys.executable, "-m", "voipbin_outdial.testing", "--host", "127.0.0.1", "--port", "0"],
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 30
        while not (found := RUNNING.search(log.read_text())):
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the mock did not start:\n{log.read_text()}")
            time.sleep(0.05)
        yield f"http://127.0.0.1:{found.group(1)}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def curl_with_json() -> bool:
    """Whether curl is here and knows ``--json`` (7.82 and later)."""
    if shutil.which("curl") is None:
        return False
    version = subprocess.run(["curl", "--version"], capture_output=True, text=True, check=False)
    found = re.match(r"curl (\d+)\.(\d+)", version.stdout)
    return found is not None and (int(found.group(1)), int(found.group(2))) >= (7, 82)


@pytest.mark.skipif(not curl_with_json(), reason="needs curl 7.82+ (for --json) on PATH")
def test_the_docs_curl_walk_through_runs_as_written(server: str, tmp_path: Path) -> None:
    """The block as written, but for its first line (the test serves the mock itself, on a free
    port) and the port; every curl fails the script on an error status (``--fail-with-body``)."""
    block = walk_through()
    first, rest = block.split("\n", 1)
    assert "voipbin_outdial.testing --port 4011 &" in first
    script = "set -euo pipefail\n" + rest.replace(PAGE_PORT, server.rsplit(":", 1)[1])
    httpx.post(f"{server}/_mock/reset").raise_for_status()
    env = {k: v for k, v in os.environ.items() if not k.startswith("VOIPBIN_")}
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"  # voipbin-outdial and python3

    done = subprocess.run(
        ["bash", "-c", script],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert done.returncode == 0, done.stdout + done.stderr
    shown = [line.removeprefix("# ") for line in block.splitlines() if line.startswith("# ")]
    plan_line = next(line for line in shown if line.startswith("Outdial 'leads'"))
    assert plan_line in done.stdout.splitlines()
    assert "UTC: nothing left to dial" in done.stdout
    by_status = re.search(r'"by_status":\{[^}]*\}', block)
    assert by_status is not None
    assert by_status.group() in done.stdout  # as the page shows it
    assert '"stop_reason":"exhausted"' in block
    assert '"stop_reason":"exhausted"' in done.stdout
    ada = [line for line in done.stdout.splitlines() if '"name":"Ada"' in line]
    assert len(ada) == 2  # the held campaign's target, read twice
    for line, status in zip(ada, ("progressing", "done"), strict=True):  # live, then ended
        assert f'"status":"{status}",...,"try_count_0":1,' in block
        assert f'"status":"{status}",' in line
        assert '"try_count_0":1,' in line
    assert '"stop_reason":"exhausted","calls":[' in done.stdout
    assert '"live_calls":[]}' in done.stdout
    state = httpx.get(f"{server}/_mock/state").json()
    assert state["outdialtargets"] == {  # the run's three contacts and the held campaign's one
        "total": 4,
        "deleted": 0,
        "by_status": {"done": 3, "idle": 1},
    }


def test_the_controls_over_a_socket(server: str) -> None:
    api, control = f"{server}/v1.0", f"{server}/_mock"
    with httpx.Client(params={"token": "t"}, timeout=10) as http:
        assert http.post(f"{control}/reset").status_code == 200
        before = http.get(f"{control}/state").json()["now"]
        moved = http.post(f"{control}/clock", json={"advance_ms": 86_400_000}).json()["now"]
        assert moved[:10] > before[:10]  # a day on

        faults: dict[str, Any] = {"drop_after_commit": 1, "fail_next": {"status": 500}}
        assert http.post(f"{control}/faults", json=faults).json()["fail_next"] == [500]
        assert http.get(f"{api}/outplans").status_code == 500  # the queued failure
        assert http.post(f"{api}/outdials", json={}).status_code == 400  # refused: not dropped
        with pytest.raises(httpx.RemoteProtocolError):  # made, then the answer dropped
            http.post(f"{api}/outdials", json=OUTDIAL)
        state = http.get(f"{control}/state").json()  # the controls are spared
        assert state["outdials"]["total"] == 1
        assert state["faults"]["drop_after_commit"] == 1.0

        reset = http.post(f"{control}/reset").json()
        assert reset["faults"]["drop_after_commit"] == 0.0
        assert reset["now"] >= moved  # reset does not take the clock back


def test_a_held_campaign_over_a_socket(server: str) -> None:
    """Between two requests a target shows its call live, then ended, as the clock moves."""
    api, control = f"{server}/v1.0", f"{server}/_mock"
    plan = {"name": "p", "source": {"type": "tel", "target": "+15559876543"},
            "dial_timeout": 30_000, "try_interval": 600_000, "max_try_count_0": 1,
            **{f"max_try_count_{n}": 0 for n in range(1, 5)}}  # one try  # fmt: skip
    with httpx.Client(params={"token": "t"}, timeout=10) as http:
        assert http.post(f"{control}/reset").status_code == 200
        outplan_id = http.post(f"{api}/outplans", json=plan).json()["id"]
        outdial_id = http.post(f"{api}/outdials", json=OUTDIAL).json()["id"]
        target = {"name": "Ada", "detail": "d", "data": "x",
                  "destination_0": {"type": "tel", "target": "+15550100009"}}  # fmt: skip
        target_id = http.post(f"{api}/outdials/{outdial_id}/targets", json=target).json()["id"]
        ids = {"outplan_id": outplan_id, "outdial_id": outdial_id}
        read = f"{api}/outdials/{outdial_id}/targets/{target_id}"

        started = http.post(f"{control}/campaigns", json={**ids, "answer": False}).json()
        live = http.get(read).json()
        assert (live["status"], live["try_count_0"]) == ("progressing", 1)
        again = http.post(f"{control}/campaigns", json=ids)
        assert again.status_code == 400
        assert again.json()["error"]["details"] == [{"field": "outdial_id"}]

        http.post(f"{control}/clock", json={"advance_ms": 61_000}).raise_for_status()
        ended = http.get(read).json()
        assert (ended["status"], ended["try_count_0"]) == ("idle", 1)  # noanswer: idle
        held = http.get(f"{control}/campaigns/{started['id']}").json()
        assert (held["stop_reason"], held["live_calls"]) == ("exhausted", [])
        assert [c["hangup_reason"] for c in held["calls"]] == ["noanswer"]

        http.post(f"{control}/reset").raise_for_status()
        assert http.get(f"{control}/campaigns/{started['id']}").status_code == 404
