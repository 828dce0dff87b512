"""The harness itself: PrismServer starts, fails clearly, and always stops its process."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import httpx
import pytest
import yaml
from prism import (
    READY_HEADERS,
    PrismNotInstalledError,
    PrismServer,
    PrismStartError,
    find_prism,
    free_port,
)
from spec_ops import SPEC_PATH, load_spec

pytestmark = pytest.mark.contract


def process_gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def test_missing_prism_names_the_install_command(tmp_path: Path) -> None:
    with pytest.raises(PrismNotInstalledError, match=r"make node.*npm ci"):
        find_prism(tmp_path)


def test_missing_node_names_the_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "")

    with pytest.raises(PrismNotInstalledError, match=r"Node\.js .*make node"):
        PrismServer(SPEC_PATH).start()


def test_missing_spec_fails_before_starting(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        PrismServer(tmp_path / "nope.yaml").start()


def test_server_answers_on_loopback_and_stops(prism: PrismServer) -> None:
    # The session server: on 127.0.0.1, a port of its own, already answering.
    assert prism.url == f"http://127.0.0.1:{prism.port}"
    assert prism.running
    response = httpx.get(prism.url + "/outplans", headers=READY_HEADERS, trust_env=False)
    assert response.status_code == 200


def test_invalid_spec_fails_with_log_tail_and_leaves_nothing_running(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("openapi: 3.1.0\npaths: [this is not an OpenAPI document\n")
    server = PrismServer(broken, log_path=tmp_path / "prism.log", startup_timeout=30)

    with pytest.raises(PrismStartError, match=r"(?s)Prism exited.*ends with:\n.+"):
        server.start()
    assert not server.running


def test_port_in_use_by_another_program_is_reported(tmp_path: Path) -> None:
    port = free_port()
    squatter = subprocess.Popen(
        ["node", "-e", f"require('net').createServer().listen({port}, '127.0.0.1')"]
    )
    try:
        server = PrismServer(SPEC_PATH, port=port, log_path=tmp_path / "p.log", startup_timeout=30)
        _wait_listening(port)
        # A fixed port is not swapped for another one: Prism's EADDRINUSE is the error.
        with pytest.raises(PrismStartError, match="EADDRINUSE"):
            server.start()
    finally:
        squatter.kill()
        squatter.wait()


def _wait_listening(port: int) -> None:
    for _ in range(200):
        try:
            httpx.get(f"http://127.0.0.1:{port}/", timeout=0.2, trust_env=False)
        except httpx.ReadTimeout:
            return  # accepted the connection, never answers: it listens
        except httpx.TransportError:
            continue
        return
    raise AssertionError("the squatter never listened")


def test_response_violations_are_reported_and_the_server_stops(tmp_path: Path) -> None:
    # Prism checks its own answers against the schema, and so catches a spec whose examples
    # contradict its schemas: the harness relies on this (sl-violations in the other tests).
    spec = load_spec()
    broken = yaml.safe_load(yaml.safe_dump(spec))
    broken["components"]["examples"]["OutplanCurrent"]["value"]["dial_timeout"] = "30 s"
    path = tmp_path / "openapi.yaml"
    path.write_text(yaml.safe_dump(broken))
    outplan_id = spec["components"]["examples"]["OutplanCurrent"]["value"]["id"]

    with PrismServer(path) as server:
        process, log = server._process, server.log_path
        assert process is not None
        assert log is not None
        assert f"Prism is listening on {server.url}" in log.read_text()
        response = httpx.get(
            f"{server.url}/outplans/{outplan_id}", headers=READY_HEADERS, trust_env=False
        )

    assert response.status_code == 200
    assert "Response body property dial_timeout must be integer" in response.headers.get(
        "sl-violations", ""
    )
    # Stopped: the process (and its group) is gone, and its temporary log removed.
    assert process.returncode is not None
    assert process_gone(process.pid)
    assert not log.exists()
    server.stop()  # twice is fine
