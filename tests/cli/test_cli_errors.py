"""The command's failures as a user meets them (issue 13): one line and exit 1 (2 for usage), a
closed pipe ends quietly, a missing extra is named, ``mock`` is ``python -m
voipbin_outdial.testing`` with every option, a busy port is one line."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from .conftest import SCRIPT, cli

DEEP = b"[" * 100_000 + b"]" * 100_000


def python(code: str) -> subprocess.CompletedProcess[str]:
    """``code`` in a fresh interpreter, without the developer's VoIPBIN credentials."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("VOIPBIN_")}
    return subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )


def without_starlette(argv: list[str]) -> subprocess.CompletedProcess[str]:
    """``voipbin-outdial ARGV`` as after a plain ``pip install .`` (no 'testing' extra)."""
    return python(
        "import sys; sys.modules['starlette'] = None\n"
        "from voipbin_outdial.cli import main\n"
        f"sys.exit(main({argv!r}))\n"
    )


def test_a_closed_pipe_ends_quietly() -> None:
    """issue 13: `voipbin-outdial demo | head -1` ended with "unexpected BrokenPipeError"."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("VOIPBIN_")}
    process = subprocess.Popen(
        [SCRIPT, "demo"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    )
    assert process.stdout is not None
    assert process.stderr is not None
    process.stdout.close()  # the reader is gone before the demo prints its first line
    status = process.wait(timeout=60)
    stderr = process.stderr.read().decode()
    process.stderr.close()

    assert stderr == ""
    assert status == 141  # as a shell reports a process that SIGPIPE ended


@pytest.mark.parametrize("command", [["demo"], ["mock", "--port", "0"]])
def test_a_missing_extra_is_named(command: list[str]) -> None:
    """issue 13: `demo` after a plain `pip install .` said "unexpected ImportError"."""
    result = without_starlette(command)

    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"voipbin-outdial: error: {command[0]} needs the 'testing'")
    assert 'pip install "voipbin-outdial[testing]"' in result.stderr
    assert "unexpected" not in result.stderr


def test_import_without_phonenumbers_names_the_csv_extra(tmp_path: Path) -> None:
    """The rule above for ``import`` (issue 16's command), which reads numbers with phonenumbers."""
    source = tmp_path / "in.csv"
    source.write_text("name,detail,data,destination_0\nAda,d,x,+12015550123\n", encoding="utf-8")
    result = python(
        "import sys; sys.modules['phonenumbers'] = None\n"
        "from voipbin_outdial.cli import main\n"
        f"sys.exit(main(['import', {str(source)!r}, '--outdial', 'x', '--dry-run']))\n"
    )

    assert result.returncode == 1
    assert result.stderr == (
        "voipbin-outdial: error: import needs the 'csv' extra (phonenumbers reads the numbers): "
        'pip install "voipbin-outdial[csv]"\n'
    )


def test_the_help_works_without_the_extras() -> None:
    result = without_starlette(["--help"])

    assert result.returncode == 0
    assert "mock" in result.stdout


@pytest.fixture
def busy_port() -> Iterator[int]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        yield sock.getsockname()[1]


@pytest.mark.parametrize("prog", ["voipbin-outdial mock", "python -m voipbin_outdial.testing"])
def test_a_busy_port_is_one_line(busy_port: int, prog: str) -> None:
    """issue 13: six lines of uvicorn's log and exit status 3."""
    argv = ["--port", str(busy_port)]
    if prog.startswith("python"):
        command = [sys.executable, "-m", "voipbin_outdial.testing", *argv]
        result = subprocess.run(command, capture_output=True, text=True, timeout=60)
    else:
        result = cli("mock", *argv)

    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == (
        f"{prog}: error: cannot listen on 127.0.0.1:{busy_port}: Address already in use\n"
    )


def _serve(argv: list[str]) -> tuple[subprocess.Popen[str], str]:
    """``voipbin-outdial mock ARGV`` (its output merged); the API base from its first line."""
    process = subprocess.Popen(
        [SCRIPT, "mock", *argv], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    assert process.stdout is not None
    first = process.stdout.readline()
    assert first.startswith("serving the VoIPBIN mock on http://127.0.0.1:"), first
    return process, first.split()[-1]


def _stop(process: subprocess.Popen[str]) -> str:
    process.terminate()
    output, _ = process.communicate(timeout=20)
    return output


def test_mock_takes_port_0_and_every_option_of_the_module() -> None:
    """issue 13: `mock --port 0` was refused, and --token, --accesskey, --log-level missing."""
    process, base = _serve(["--port", "0", "--token", "jwt-1", "--log-level", "warning"])
    try:
        refused = httpx.get(f"{base}/outplans", params={"token": "other"}, timeout=5)
        accepted = httpx.get(f"{base}/outplans", params={"token": "jwt-1"}, timeout=5)
    finally:
        output = _stop(process)

    assert (refused.status_code, accepted.status_code) == (401, 200)
    assert "GET /v1.0/outplans" not in output  # --log-level warning: no access log


def test_mock_help_is_the_modules_help() -> None:
    mine = cli("mock", "--help")
    module = subprocess.run(
        [sys.executable, "-m", "voipbin_outdial.testing", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert mine.returncode == 0
    assert (
        mine.stdout.replace("voipbin-outdial mock", "PROG").split()
        == module.stdout.replace("python -m voipbin_outdial.testing", "PROG").split()
    )


def test_the_mock_access_log_redacts_credentials() -> None:
    """issue 13: the standalone mock's access log printed ?accesskey= values."""
    process, base = _serve(["--port", "0"])
    try:
        for query in ("accesskey=SECRET-key-1", "token=SECRET-jwt-2", "page_size=2&accesskey=a"):
            assert httpx.get(f"{base}/outplans?{query}", timeout=5).status_code == 200
    finally:
        output = _stop(process)

    assert "SECRET" not in output
    assert "accesskey=a " not in output
    assert output.count('"GET /v1.0/outplans?') == 3
    assert "GET /v1.0/outplans?accesskey=[REDACTED] HTTP/1.1" in output
    assert "GET /v1.0/outplans?page_size=2&accesskey=[REDACTED] HTTP/1.1" in output


class _DeepJson(BaseHTTPRequestHandler):
    """Answers every GET with a 200 whose JSON is nested past Python's recursion limit."""

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(DEEP)))
        self.end_headers()
        self.wfile.write(DEEP)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def deep_json_server() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _DeepJson)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v1.0"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def test_a_deeply_nested_response_is_one_line_not_a_recursion_error(
    deep_json_server: str,
) -> None:
    """issue 13: the CLI printed "unexpected RecursionError"."""
    ids = ["--outdial", "40bea034-1d17-474d-a5de-da00d0861c69"]
    ids += ["--outplan", "d5fb7357-7ddb-4f2d-87b5-8ccbfd6c039e"]
    result = cli("plan", *ids, "--base-url", deep_json_server, env={"VOIPBIN_TOKEN": "t"})

    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert "unexpected" not in result.stderr
    assert "outplans_get failed with HTTP 200" in result.stderr
    assert "nested too deeply" in result.stderr


def test_the_cli_package_imports_without_the_extras() -> None:
    assert Path(SCRIPT).exists()
    result = python("import sys; sys.modules['starlette'] = None; import voipbin_outdial.cli")
    assert result.returncode == 0, result.stderr
