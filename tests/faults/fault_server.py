"""A raw HTTP/1.1 server on 127.0.0.1 that misbehaves on purpose, counting what reaches it.

Each connection runs in a thread: the server reads a request (head and ``Content-Length`` body),
records it in :attr:`FaultServer.requests`, then lets the fault answer, or not: reset the
connection (before or in the middle of the body), close it without a word, wait before the
headers, drip the body, redirect, or send a body without end. A well-behaved answer keeps the
connection open for the next request. Every wait ends when the server stops.
"""

from __future__ import annotations

import contextlib
import json
import socket
import struct
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Final, Self

SEED = json.loads((Path(__file__).parents[1] / "fixtures/seed_examples.json").read_text())
OUTPLAN: Final = json.dumps(SEED["outplan"]).encode()
"""A valid outplan: the body a well-behaved answer carries (every call here returns one)."""

POLL: Final = 0.05
"""How often a waiting server thread looks whether the server is stopping."""

Fault = Callable[["Connection"], bool]
"""Answers one request on a connection; ``True`` to read the next request on it."""


class Connection:
    """One accepted connection and what the fault needs to answer on it: the request's path,
    its whole target (the query too) and its headers (names in lower case)."""

    def __init__(
        self,
        sock: socket.socket,
        stop: threading.Event,
        path: str,
        target: str = "",
        headers: dict[str, str] | None = None,
    ) -> None:
        self.sock = sock
        self.stop = stop
        self.path = path
        self.target = target or path
        self.headers = headers or {}

    def send(self, data: bytes) -> bool:
        """Send ``data``; ``False`` once the client has gone."""
        try:
            self.sock.sendall(data)
        except OSError:
            return False
        return True

    def head(self, status: str, headers: dict[str, str]) -> bool:
        lines = [f"HTTP/1.1 {status}", *(f"{k}: {v}" for k, v in headers.items()), "", ""]
        return self.send("\r\n".join(lines).encode())

    def reset(self) -> None:
        """Close with a TCP reset (RST), not a FIN."""
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.sock.close()


def ok(conn: Connection) -> bool:
    headers = {"Content-Type": "application/json", "Content-Length": str(len(OUTPLAN))}
    return conn.head("200 OK", headers) and conn.send(OUTPLAN)


def reset_before_response(conn: Connection) -> bool:
    conn.reset()
    return False


def reset_mid_body(conn: Connection) -> bool:
    conn.head("200 OK", {"Content-Length": str(len(OUTPLAN)), "Content-Type": "application/json"})
    conn.send(OUTPLAN[:40])
    conn.stop.wait(0.02)  # let the head and the first bytes leave before the reset
    conn.reset()
    return False


def close_without_response(conn: Connection) -> bool:
    conn.sock.close()
    return False


def slow_headers(delay: float) -> Fault:
    """Say nothing for ``delay`` seconds, then answer well (if anyone is still there)."""

    def fault(conn: Connection) -> bool:
        return not conn.stop.wait(delay) and ok(conn)

    return fault


def dripping_body(chunk: int, every: float) -> Fault:
    """A valid body, ``chunk`` bytes every ``every`` seconds: each read gets data in time."""

    def fault(conn: Connection) -> bool:
        body = OUTPLAN
        conn.head("200 OK", {"Content-Length": str(len(body)), "Content-Type": "application/json"})
        for start in range(0, len(body), chunk):
            if conn.stop.wait(every) or not conn.send(body[start : start + chunk]):
                return False
        return True

    return fault


def endless_body(conn: Connection) -> bool:
    """A chunked body that never ends (64 KiB a chunk), as fast as the client reads."""
    conn.head("200 OK", {"Transfer-Encoding": "chunked", "Content-Type": "application/json"})
    block = b"[" * 65536
    while not conn.stop.is_set() and conn.send(b"%x\r\n%s\r\n" % (len(block), block)):
        pass
    return False


def redirect(status: str) -> Fault:
    """Send the request elsewhere on this server, where it is answered well."""

    def fault(conn: Connection) -> bool:
        if conn.path.endswith("/elsewhere"):
            return ok(conn)
        return conn.head(status, {"Location": "/v1.0/elsewhere", "Content-Length": "0"})

    return fault


def status(code: str, headers: dict[str, str] | None = None) -> Fault:
    """Answer ``code`` with an empty body."""

    def fault(conn: Connection) -> bool:
        return conn.head(code, {"Content-Length": "0", **(headers or {})})

    return fault


class FaultServer:
    """Serves ``fault`` on 127.0.0.1 (a free port) while the ``with`` block runs.

    Attributes:
        requests: ``(method, path)`` of every request that arrived whole, in order.
        base_url: The API root to give a client.
    """

    def __init__(self, fault: Fault) -> None:
        self.fault = fault
        self.requests: list[tuple[str, str]] = []
        self._stop = threading.Event()
        self._listener = socket.socket()
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen()
        self.base_url = f"http://127.0.0.1:{self._listener.getsockname()[1]}/v1.0"
        self._threads: list[threading.Thread] = []
        self._lock = threading.Lock()

    def __enter__(self) -> Self:
        self._spawn(self._accept)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._stop.set()
        self._listener.close()
        for thread in list(self._threads):
            thread.join(5)

    def _spawn(self, target: Callable[..., None], *args: object) -> None:
        thread = threading.Thread(target=target, args=args, daemon=True)
        with self._lock:
            self._threads.append(thread)
        thread.start()

    def _accept(self) -> None:
        self._listener.settimeout(POLL)
        while not self._stop.is_set():
            try:
                sock, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:  # the listener was closed: the server stops
                return
            self._spawn(self._serve, sock)

    def _receive(self, sock: socket.socket) -> bytes:
        """The next bytes from the client; ``b""`` when it has gone or the server stops."""
        while not self._stop.is_set():
            try:
                return sock.recv(65536)
            except TimeoutError:
                continue
        return b""

    def _read_request(
        self, sock: socket.socket, buffer: bytes
    ) -> tuple[str, str, dict[str, str], bytes] | None:
        """``(method, target, headers, what is left after it)`` of the next request."""
        while b"\r\n\r\n" not in buffer:
            data = self._receive(sock)
            if not data:
                return None
            buffer += data
        head, _, buffer = buffer.partition(b"\r\n\r\n")
        request_line, *header_lines = head.decode("latin-1").split("\r\n")
        method, target, _ = request_line.split(" ", 2)
        pairs = (line.split(":", 1) for line in header_lines if ":" in line)
        headers = {name.strip().lower(): value.strip() for name, value in pairs}
        length = int(headers.get("content-length", "0"))
        while len(buffer) < length:
            data = self._receive(sock)
            if not data:
                return None
            buffer += data
        return method, target, headers, buffer[length:]

    def _serve(self, sock: socket.socket) -> None:
        sock.settimeout(POLL)
        buffer = b""
        try:
            while (request := self._read_request(sock, buffer)) is not None:
                method, target, headers, buffer = request
                path = target.partition("?")[0]
                with self._lock:
                    self.requests.append((method, path))
                if not self.fault(Connection(sock, self._stop, path, target, headers)):
                    return
        except OSError:
            return
        finally:
            with contextlib.suppress(OSError):
                sock.close()
