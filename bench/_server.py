"""The standalone mock as a subprocess on 127.0.0.1, and seeding it through its HTTP API.

``python -m voipbin_outdial.testing --host 127.0.0.1 --port N`` (uvicorn) on a free port; the
benchmarks talk to ``http://127.0.0.1:N/v1.0`` with a bearer token (the mock takes any
non-empty one). Both sides of a comparison use the same server and the same URLs.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from typing import IO, Any, Final

import httpx

from voipbin_outdial import VoipbinClient

__all__ = [
    "TOKEN",
    "MockServer",
    "facade_without_server",
    "raw_client",
    "seed_outdial",
    "seed_outplan",
]

TOKEN: Final = "bench-token"
HEADERS: Final = {"Authorization": f"Bearer {TOKEN}"}


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


class MockServer:
    """``with MockServer() as server:`` a running mock; ``server.base_url`` ends in /v1.0."""

    def __init__(self, *, startup_timeout: float = 30.0, args: Sequence[str] = ()) -> None:
        self.args = list(args)  # more options of the mock (--latency, --rate-limit ...)
        self.port = _free_port()
        self.base_url = f"http://127.0.0.1:{self.port}/v1.0"
        self._timeout = startup_timeout
        self._process: subprocess.Popen[bytes] | None = None
        # The server's output goes to a file, not a pipe nobody reads (which could fill up).
        self._log: IO[bytes] | None = None

    def __enter__(self) -> MockServer:
        command = [sys.executable, "-m", "voipbin_outdial.testing", "--host", "127.0.0.1"]
        command += ["--port", str(self.port), "--log-level", "warning", *self.args]
        self._log = tempfile.TemporaryFile()
        self._process = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=self._log, env=os.environ.copy()
        )
        try:
            self._wait_ready()
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def _wait_ready(self) -> None:
        assert self._process is not None
        deadline = time.monotonic() + self._timeout
        while True:
            if self._process.poll() is not None:
                code = self._process.returncode
                raise RuntimeError(f"the mock exited with {code}: {self._tail()}")
            with contextlib.suppress(httpx.TransportError):
                r = httpx.get(f"{self.base_url}/outplans", headers=HEADERS, timeout=2.0)
                if r.status_code == 200:
                    return
            if time.monotonic() > deadline:
                raise RuntimeError(
                    f"the mock did not answer on {self.base_url} in {self._timeout} s"
                )
            time.sleep(0.1)

    def _tail(self) -> str:
        if self._log is None:
            return ""
        self._log.seek(0)
        return self._log.read().decode(errors="replace")[-2000:]

    def __exit__(self, *exc: object) -> None:
        process, self._process = self._process, None
        if process is not None and process.poll() is None:
            process.send_signal(signal.SIGINT)  # uvicorn shuts down cleanly on SIGINT
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if self._log is not None:
            self._log.close()
            self._log = None


def _ok(response: httpx.Response) -> dict[str, Any]:
    if response.status_code != 200:
        raise RuntimeError(f"seeding the mock: {response.status_code} {response.text[:500]}")
    body: dict[str, Any] = response.json()
    return body


def seed_outplan(client: httpx.Client) -> dict[str, Any]:
    """Create one outplan; its JSON."""
    return _ok(
        client.post(
            "/outplans",
            json={
                "name": "bench outplan",
                "detail": "created by bench/",
                "source": {"type": "tel", "target": "+15559876543"},
                "dial_timeout": 30_000,
                "try_interval": 60_000,
                **{f"max_try_count_{i}": 2 for i in range(5)},
            },
        )
    )


def seed_outdial(client: httpx.Client, targets: int) -> dict[str, Any]:
    """Create one outdial with ``targets`` targets (one POST each); the outdial's JSON."""
    outdial = _ok(
        client.post(
            "/outdials",
            json={
                # VoIPBIN refuses a nil campaign_id and an empty name, detail or data.
                "campaign_id": "5c1e7a3b-9d84-4f0e-8a2b-6d3c9e1f0a47",
                "name": "bench outdial",
                "detail": "created by bench/",
                "data": "bench",
            },
        )
    )
    path = f"/outdials/{outdial['id']}/targets"
    for k in range(targets):
        body: dict[str, Any] = {
            "name": f"contact {k}",
            "detail": "bench contact",
            "data": "bench",
            "destination_0": {"type": "tel", "target": f"+1555{k:07d}"},
        }
        if k % 2:
            body["destination_1"] = {"type": "tel", "target": f"+1556{k:07d}"}
        _ok(client.post(path, json=body))
    return outdial


@contextlib.contextmanager
def raw_client(base_url: str) -> Iterator[httpx.Client]:
    """A keep-alive httpx.Client on the mock with the bench credentials."""
    with httpx.Client(base_url=base_url, headers=HEADERS, timeout=30.0) as client:
        yield client


def facade_without_server(
    transport: httpx.MockTransport, base_url: str
) -> contextlib.AbstractContextManager[VoipbinClient]:
    """A client set up as in the server rows (its own httpx.Client, with the credential and the
    timeout as that client's defaults), whose requests ``transport`` answers instead of a
    server. Passing ``http_client=`` would time the other path, where the facade passes the
    credential and the timeout with every request."""
    client = VoipbinClient(token=TOKEN, base_url=base_url, max_retries=0)
    client._sender.http._transport = transport  # private to httpx: benchmarks only
    return client
