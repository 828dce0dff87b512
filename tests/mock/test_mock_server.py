"""The standalone server (``python -m voipbin_outdial.testing``) and the optional-extra import."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator

import httpx
import pytest
from mock_support import outplan_body

START_TIMEOUT = 20.0
STOP_TIMEOUT = 10.0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """The mock as a subprocess on a free port, accepting only the token ``secret``."""
    port = _free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "voipbin_outdial.testing",
            "--port",
            str(port),
            "--token",
            "secret",
            "--log-level",
            "warning",
        ],
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


def test_the_server_answers_and_remembers(server: str) -> None:
    with httpx.Client(base_url=f"{server}/v1.0", timeout=5.0) as http:
        assert http.get("/outplans").status_code == 401
        assert http.get("/outplans", params={"token": "other"}).status_code == 401
        created = http.post(
            "/outplans", json=outplan_body(name="kept"), headers={"Authorization": "Bearer secret"}
        )
        assert created.status_code == 200
        listed = http.get("/outplans", params={"token": "secret"}).json()
    assert [p["name"] for p in listed["result"]] == ["kept"]
    root = httpx.get(f"{server}/outplans", params={"token": "secret"}, timeout=5.0)
    assert root.json() == listed  # also at the root, like Prism


def test_the_help_names_the_options() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "voipbin_outdial.testing", "--help"],
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    for option in ("--host", "--port", "--token", "--accesskey", "--strict", "--rate-limit"):
        assert option in result.stdout


def test_without_starlette_the_import_error_names_the_extra() -> None:
    code = (
        "import sys; sys.modules['starlette'] = None\n"
        "try:\n"
        "    import voipbin_outdial.testing\n"
        "except ImportError as exc:\n"
        "    print(exc)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=30, check=True
    )
    assert 'pip install "voipbin-outdial[testing]"' in result.stdout
    # The rest of the SDK does not need the extra.
    code = "import sys; sys.modules['starlette'] = None; import voipbin_outdial.dialplan"
    subprocess.run([sys.executable, "-c", code], timeout=30, check=True)


def test_the_server_socket_is_tcp_so_asyncio_turns_nagle_off() -> None:
    """The server binds its own socket (issue 13: a busy port as one line). asyncio disables
    Nagle's algorithm only on sockets whose protocol is IPPROTO_TCP; with it on, each response
    waited for the client's delayed ACK: 40 ms a request instead of 0.5 ms."""
    from voipbin_outdial.testing.__main__ import _listen

    with _listen("127.0.0.1", 0) as sock:
        assert sock.proto == socket.IPPROTO_TCP
