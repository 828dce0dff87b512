"""Start and stop Stoplight Prism (``prism mock openapi.yaml``) for the contract tests.

Prism is pinned in ``mock/package.json`` and installed into ``mock/node_modules`` by
``make node`` (``npm ci`` in ``mock/``). :class:`PrismServer` runs it on 127.0.0.1 on a free port
in its own process group, with its output in a log file (a pipe nobody reads could fill up and
stall it), waits until it answers an authenticated request, and stops it again, also when it
failed to start. When it does not start, the error quotes the end of its log.

    with PrismServer(ROOT / "openapi.yaml") as prism:
        httpx.get(f"{prism.url}/outplans", headers={"Authorization": "Bearer x"})

:meth:`PrismServer.launch` and :meth:`PrismServer.wait_ready` are :meth:`~PrismServer.start` in
two halves, so that several servers can boot at the same time.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import IO, Final, Self

import httpx

__all__ = ["PrismNotInstalledError", "PrismServer", "PrismStartError", "find_prism"]

ROOT: Final = Path(__file__).resolve().parents[2]
MOCK_DIR: Final = ROOT / "mock"
HOST: Final = "127.0.0.1"
INSTALL_HINT: Final = "run `make node` (or `cd mock && npm ci`)"
READY_HEADERS: Final = {"Authorization": "Bearer prism-ready-check"}


class PrismNotInstalledError(RuntimeError):
    """Node.js or the pinned Prism is missing."""


class PrismStartError(RuntimeError):
    """Prism exited or did not answer in time; the message ends with its log."""


def find_prism(mock_dir: Path = MOCK_DIR) -> Path:
    """The pinned Prism executable, after checking that Node.js is there to run it."""
    if shutil.which("node") is None:
        raise PrismNotInstalledError(
            "Node.js is not installed (no `node` on PATH); the contract tests run the Prism mock "
            f"server on it. Install Node.js 20+ with npm, then {INSTALL_HINT}."
        )
    name = "prism.cmd" if sys.platform == "win32" else "prism"
    prism = mock_dir / "node_modules" / ".bin" / name
    if not prism.exists():
        npm = "" if shutil.which("npm") else " (npm is missing too: install Node.js 20+ with npm)"
        raise PrismNotInstalledError(
            f"Prism is not installed: {prism} does not exist{npm}. To install the version pinned "
            f"in {mock_dir / 'package.json'}, {INSTALL_HINT}."
        )
    return prism


def free_port(host: str = HOST) -> int:
    """A TCP port nothing listens on right now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        port: int = sock.getsockname()[1]
        return port


class PrismServer:
    """One ``prism mock`` process serving ``spec_path`` on 127.0.0.1.

    Args:
        spec_path: the OpenAPI document to mock.
        dynamic: pass ``-d``: generate every response from the schemas (json-schema-faker)
            instead of answering with the spec's examples.
        port: the port to listen on; by default a free one (picked again if it was taken
            between picking it and Prism binding it).
        seed: pass ``--seed`` so dynamic responses repeat from run to run.
        extra_args: more ``prism mock`` options, such as ``["--errors"]``.
        log_path: where Prism's output goes; by default a temporary file removed by
            :meth:`stop`.
        ready_path: what to GET, with a bearer token, to learn that Prism answers; any HTTP
            response counts.
        startup_timeout: seconds to wait for the first answer.
    """

    _PORT_ATTEMPTS: Final = 3

    def __init__(
        self,
        spec_path: str | os.PathLike[str],
        *,
        dynamic: bool = False,
        port: int | None = None,
        seed: str | None = None,
        extra_args: Sequence[str] = (),
        log_path: str | os.PathLike[str] | None = None,
        ready_path: str = "/outplans?page_size=1",
        startup_timeout: float = 60.0,
    ) -> None:
        self.spec_path = Path(spec_path).resolve()
        self.dynamic = dynamic
        self.seed = seed
        self.extra_args = tuple(extra_args)
        self.ready_path = ready_path
        self.startup_timeout = startup_timeout
        self._fixed_port = port
        self._port: int | None = port
        self._own_log = log_path is None
        self._log_path: Path | None = None if log_path is None else Path(log_path)
        self._log: IO[bytes] | None = None
        self._process: subprocess.Popen[bytes] | None = None
        self._ready = False

    # -- what the tests use ----------------------------------------------------------------

    @property
    def host(self) -> str:
        return HOST

    @property
    def port(self) -> int:
        if self._port is None:
            raise RuntimeError("PrismServer has no port yet: call start() first")
        return self._port

    @property
    def url(self) -> str:
        """The base URL, such as ``http://127.0.0.1:40123`` (the spec's paths go after it)."""
        return f"http://{HOST}:{self.port}"

    @property
    def log_path(self) -> Path | None:
        return self._log_path

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def command(self) -> list[str]:
        """The ``prism mock`` command line for the current port."""
        cmd = [str(find_prism()), "mock", str(self.spec_path), "-h", HOST, "-p", str(self.port)]
        if self.dynamic:
            cmd.append("--dynamic")
        if self.seed is not None:
            cmd += ["--seed", self.seed]
        return [*cmd, *self.extra_args]

    def log_tail(self, lines: int = 40) -> str:
        """The last ``lines`` lines Prism wrote (empty when there is no log yet)."""
        if self._log_path is None or not self._log_path.exists():
            return ""
        text = self._log_path.read_text(encoding="utf-8", errors="replace")
        return "\n".join(text.splitlines()[-lines:])

    # -- life cycle --------------------------------------------------------------------------

    def start(self) -> Self:
        """Launch Prism and wait until it answers; stops it again if it does not."""
        self.launch()
        self.wait_ready()
        return self

    def launch(self) -> Self:
        """Start the process without waiting for it (see :meth:`wait_ready`)."""
        if self._process is not None:
            raise RuntimeError("this PrismServer was started already")
        if not self.spec_path.is_file():
            raise FileNotFoundError(f"no OpenAPI document at {self.spec_path}")
        find_prism()  # fail with the install hint before creating anything
        if self._port is None:
            self._port = free_port()
        if self._log_path is None:
            fd, name = tempfile.mkstemp(prefix="prism-", suffix=".log")
            os.close(fd)
            self._log_path = Path(name)
        self._spawn()
        # A safety net for an interpreter that exits without running the fixture teardown.
        atexit.register(self.stop)
        return self

    def wait_ready(self) -> Self:
        """Block until Prism answers; on failure stop it and raise :class:`PrismStartError`."""
        if self._ready:
            return self
        if self._process is None:
            raise RuntimeError("call launch() before wait_ready()")
        try:
            self._wait_ready()
        except BaseException:
            self._own_log = False  # keep the log the error message points to
            self.stop()
            raise
        self._ready = True
        return self

    def stop(self, timeout: float = 5.0) -> None:
        """Stop Prism (SIGTERM to its process group, then SIGKILL). Safe to call twice."""
        process, self._process = self._process, None
        self._ready = False
        if process is not None:
            atexit.unregister(self.stop)
            _terminate(process, timeout)
        if self._log is not None:
            self._log.close()
            self._log = None
        if self._own_log and self._log_path is not None:
            self._log_path.unlink(missing_ok=True)
            self._log_path = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def __repr__(self) -> str:
        mode = "dynamic" if self.dynamic else "static"
        where = self.url if self._port is not None else "not started"
        return f"PrismServer({self.spec_path.name!r}, {mode}, {where})"

    # -- internals ---------------------------------------------------------------------------

    def _spawn(self) -> None:
        assert self._log_path is not None
        if self._log is None:
            self._log = self._log_path.open("ab")
        self._log.write(f"$ {' '.join(self.command())}\n".encode())
        self._log.flush()
        # Plain-text log, and no update check or telemetry from the Node tools.
        env = {**os.environ, "NO_COLOR": "1", "FORCE_COLOR": "0", "CI": "1"}
        self._process = subprocess.Popen(
            self.command(),
            cwd=self.spec_path.parent,
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            env=env,
            # Its own process group, so that stop() reaches anything it forks and a Ctrl-C in
            # the terminal does not kill it before pytest's teardown gets to it.
            start_new_session=sys.platform != "win32",
            creationflags=getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0),
        )

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + self.startup_timeout
        attempts = 1
        with httpx.Client(timeout=2.0, trust_env=False) as http:
            while True:
                assert self._process is not None
                code = self._process.poll()
                if code is not None:
                    if (
                        self._fixed_port is None
                        and "EADDRINUSE" in self.log_tail()
                        and attempts < self._PORT_ATTEMPTS
                    ):
                        # Someone took the free port before Prism bound it: pick another one.
                        attempts += 1
                        self._port = free_port()
                        self._spawn()
                        continue
                    raise PrismStartError(self._failure(f"Prism exited with code {code}"))
                # Ours answers only after it logged that it listens (another process may have
                # taken the port since free_port() saw it free).
                if f"listening on {self.url}" in self.log_tail(lines=200):
                    try:
                        http.get(self.url + self.ready_path, headers=READY_HEADERS)
                    except httpx.TransportError:
                        pass
                    else:
                        return
                if time.monotonic() > deadline:
                    raise PrismStartError(
                        self._failure(f"Prism did not answer within {self.startup_timeout:g} s")
                    )
                time.sleep(0.05)

    def _failure(self, what: str) -> str:
        return (
            f"{what} ({' '.join(self.command())}).\n"
            f"Log {self._log_path} ends with:\n{self.log_tail() or '(empty)'}"
        )


def _terminate(process: subprocess.Popen[bytes], timeout: float) -> None:
    if process.poll() is None:
        _signal(process, signal.SIGTERM)
        try:
            process.wait(timeout)
            return
        except subprocess.TimeoutExpired:
            pass
        _signal(process, getattr(signal, "SIGKILL", signal.SIGTERM))
    process.wait(timeout)


def _signal(process: subprocess.Popen[bytes], sig: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        if sys.platform == "win32":
            process.terminate()
        else:
            os.killpg(process.pid, sig)  # start_new_session: its pgid is its pid
