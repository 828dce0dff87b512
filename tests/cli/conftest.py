"""The CLI driven as a user runs it: the console script in a subprocess, the mock as a server."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

SCRIPT = str(Path(sys.executable).with_name("voipbin-outdial"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``voipbin-outdial ARGS`` with a clean credential environment plus ``env``."""
    base = {k: v for k, v in os.environ.items() if not k.startswith("VOIPBIN_")}
    return subprocess.run(
        [SCRIPT, *args],
        env=base | (env or {}),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.fixture(scope="session")
def mock_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``voipbin-outdial mock`` on a free port; yields its API base URL."""
    port = free_port()
    log = tmp_path_factory.mktemp("mock") / "server.log"
    with log.open("w") as sink:
        process = subprocess.Popen(
            [SCRIPT, "mock", "--host", "127.0.0.1", "--port", str(port)],
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    base_url = f"http://127.0.0.1:{port}/v1.0"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(f"{base_url}/outplans", params={"token": "t"}, timeout=1)
                break
            except httpx.TransportError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"mock did not start:\n{log.read_text()}") from None
                time.sleep(0.1)
        yield base_url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
