"""``voipbin-outdial import`` and ``export`` against the mock served over HTTP (issue 16)."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from .conftest import SCRIPT, cli, free_port

ENV = {"VOIPBIN_TOKEN": "cli-token"}
CAMPAIGN = "183c0d5c-691e-42f3-af2b-9bffc2740f83"


def new_outdial(base_url: str) -> str:
    body = {"campaign_id": CAMPAIGN, "name": "leads", "detail": "import", "data": "q3"}
    for _ in range(20):  # a server dropping answers may drop this one too
        try:
            response = httpx.post(f"{base_url}/outdials", json=body, params={"token": "t"})
        except httpx.RemoteProtocolError:
            continue
        return str(response.json()["id"])
    raise AssertionError("no outdial could be made")


def contacts(path: Path, n: int, *bad: str) -> Path:
    lines = ["name,detail,data,destination_0,destination_1"]
    lines += [f"c{k},card,crm-{k},(201) 555-{k:04d},sip:c{k}@example.com" for k in range(n)]
    lines += bad
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_import_twice_then_export(mock_server: str, tmp_path: Path) -> None:
    outdial = new_outdial(mock_server)
    source = contacts(tmp_path / "in.csv", 40, "Bob,card,x,12345,", ",card,x,(201) 555-9999,")
    rejects = tmp_path / "rejects.csv"
    args = ["import", str(source), "--outdial", outdial, "--base-url", mock_server]

    first = cli(*args, "--rejects", str(rejects), env=ENV)
    assert first.returncode == 1, first.stderr  # two rows rejected
    assert first.stdout.startswith("created 40, skipped 0, rejected 2, failed 0 (42 rows in")
    assert "42/42 rows" in first.stderr  # plain progress, not a terminal
    with rejects.open(newline="") as f:
        rows = list(csv.DictReader(f))
    assert [(r["name"], r["destination_0"]) for r in rows] == [
        ("Bob", "12345"),
        ("", "(201) 555-9999"),
    ]
    assert "not a valid phone number" in rows[0]["reason"]
    assert rows[1]["reason"].startswith("line 43: name must not be empty")

    again = cli(*args, env=ENV)
    assert again.stdout.startswith("created 0, skipped 40, rejected 2, failed 0")

    export = cli("export", "--outdial", outdial, "--base-url", mock_server, env=ENV)
    assert export.returncode == 0, export.stderr
    exported = list(csv.DictReader(io.StringIO(export.stdout)))
    assert len(exported) == 40
    assert {(r["name"], r["destination_0"], r["destination_1"]) for r in exported} == {
        (f"c{k}", f"'+1201555{k:04d}", f"sip:c{k}@example.com") for k in range(40)
    }  # a cell starting with + is a formula to a spreadsheet: written as text (issue 25)
    assert {r["status"] for r in exported} == {"idle"}


def test_a_dry_run_sends_nothing_and_needs_no_credentials(tmp_path: Path) -> None:
    source = contacts(tmp_path / "in.csv", 3, "Bob,card,x,12345,")
    result = cli("import", str(source), "--outdial", CAMPAIGN, "--dry-run")
    assert result.returncode == 1
    assert result.stdout == "dry run: 3 rows to import, 1 rejected\n"
    assert "line 5: destination_0: '12345' is not a valid phone number" in result.stderr
    clean = cli("import", str(contacts(tmp_path / "ok.csv", 3)), "--outdial", CAMPAIGN, "--dry-run")
    assert clean.returncode == 0


def test_a_file_without_the_columns_is_a_usage_error(tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_text("name,phone\nA,+12015550123\n", encoding="utf-8")
    result = cli("import", str(source), "--outdial", CAMPAIGN, "--dry-run")
    assert result.returncode == 2
    assert "missing: detail, data, destination_0" in result.stderr


@pytest.fixture
def faulty_server(tmp_path: Path) -> Iterator[str]:
    """``voipbin-outdial mock`` enforcing VoIPBIN's limit and dropping 10 % of create answers."""
    port = free_port()
    log = (tmp_path / "server.log").open("w")
    process = subprocess.Popen(
        [
            SCRIPT,
            "mock",
            "--port",
            str(port),
            "--rate-limit",
            "--drop-after-commit",
            "0.1",
            "--fault-seed",
            "4",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base_url = f"http://127.0.0.1:{port}/v1.0"
    try:
        for _ in range(300):
            try:
                httpx.get(f"{base_url}/outplans", params={"token": "t"}, timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        yield base_url
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()


def test_import_over_http_with_dropped_answers_creates_each_row_once(
    faulty_server: str, tmp_path: Path
) -> None:
    outdial = new_outdial(faulty_server)
    source = contacts(tmp_path / "in.csv", 60)
    result = cli("import", str(source), "--outdial", outdial, "--base-url", faulty_server, env=ENV)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("created 60, skipped 0, rejected 0, failed 0")
    exported = cli("export", "--outdial", outdial, "--base-url", faulty_server, env=ENV)
    names = [r["name"] for r in csv.DictReader(io.StringIO(exported.stdout))]
    assert sorted(names) == sorted(f"c{k}" for k in range(60))


def test_export_into_a_closed_pipe_ends_quietly(mock_server: str) -> None:
    """``export | head``: the command's one closed-pipe rule (``cli.main``), as for ``demo``."""
    outdial = new_outdial(mock_server)
    base = {k: v for k, v in os.environ.items() if not k.startswith("VOIPBIN_")}
    process = subprocess.Popen(
        [SCRIPT, "export", "--outdial", outdial, "--base-url", mock_server],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=base | ENV,
    )
    assert process.stdout is not None
    assert process.stderr is not None
    process.stdout.close()  # the reader is gone before the header is written
    status = process.wait(timeout=60)
    stderr = process.stderr.read().decode()
    process.stderr.close()

    assert stderr == ""
    assert status == 141
