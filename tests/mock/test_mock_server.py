"""The standalone server (``python -m voipbin_outdial.testing``) and the optional-extra import."""

from __future__ import annotations

import socket
import subprocess
import sys
from collections.abc import Iterator

import httpx
import pytest
from campaign_support import serving
from mock_support import outplan_body


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """The mock as a subprocess on a free port, accepting only the token ``secret``."""
    with serving("--token", "secret") as base:
        yield base


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
