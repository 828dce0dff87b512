"""Limits and faults for the mock, as an ASGI middleware around its app: all off by default.

* **The server's rate limit.** VoIPBIN limits each customer (an agent's token and an access key
  share one bucket) in ``bin-api-manager/lib/middleware/customer_ratelimit.go``,
  ``CustomerRateLimit``, with the defaults of ``bin-api-manager/internal/config/main.go``
  (``rate_limit_customer_v1_rps`` 16.7, ``rate_limit_customer_v1_burst`` 33). The rate reaches
  the limiter as ``max(int(math.Round(rps)), 1)`` requests per second, so 16.7 becomes **17**;
  the limiter is go-redis/redis_rate v9's GCRA (``lua.go``, ``allowN``): a request is let
  through when ``max(tat, now) + T - burst * T <= now`` (``T = 1 s / rate``; ``tat`` then moves
  to ``max(tat, now) + T``), so ``burst`` requests may come at once; a refused one moves
  nothing. It answers 429 with ``Retry-After: ceil(wait in seconds)`` (at least 1) and
  ``{"error": {"status": "RESOURCE_EXHAUSTED", "reason": "RATE_LIMIT_EXCEEDED", "message":
  "Too many requests. Please try again later.", "request_id": ..., "details":
  [{"limited_by": "customer"}]}}``. The check runs after authentication, so only requests
  that carry a credential count (the mock does not check here whether it is accepted).
  :class:`ServerRateLimit` is that limiter; the mock has one customer, so one bucket.
* **Latency**: every request waits this many seconds before it is handled (a round trip).
* **429s at random**: this fraction of requests is answered with the 429 above
  (``Retry-After: 1``) before anything is done.
* **Responses dropped after commit**: this fraction of successful POSTs (creates) does its
  work, then the connection is closed after the status line and headers, before the body. A
  client gets no answer (httpx: ``RemoteProtocolError``) for a create that happened: the case
  an importer must not turn into a duplicate. In process the middleware raises
  :class:`ResponseDropped` (an ``httpx.RemoteProtocolError``) through the transport; under
  uvicorn, the server closes the connection.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import math
import random
import threading
import time
import uuid
from collections.abc import Callable, MutableMapping
from typing import Any, Final

import attrs
import httpx
from starlette.requests import HTTPConnection
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ._app import render_json

__all__ = [
    "FAULT_FLAGS",
    "VOIPBIN_RATE_LIMIT",
    "FaultMiddleware",
    "Faults",
    "ResponseDropped",
    "ServerRateLimit",
    "add_fault_arguments",
    "fault_argv",
    "fault_options",
    "quiet_dropped_responses",
]

VOIPBIN_RATE_LIMIT: Final = (16.7, 33)
"""VoIPBIN's per-customer default: requests a second (``rate_limit_customer_v1_rps``, applied as
17) and burst (``rate_limit_customer_v1_burst``), ``bin-api-manager/internal/config/main.go``."""

RATE_LIMIT_MESSAGE: Final = "Too many requests. Please try again later."


class ResponseDropped(httpx.RemoteProtocolError):
    """The mock made what the request asked for and then dropped the response."""


class ServerRateLimit:
    """VoIPBIN's per-customer GCRA (``CustomerRateLimit`` over redis_rate's ``allowN``).

    Args:
        per_second: The configured rate; rounded half away from zero to a whole number of at
            least 1, as ``max(int(math.Round(rps)), 1)`` does (16.7 becomes 17).
        burst: How many requests may come at once (33 by default).
        clock: Seconds, monotonic.
    """

    def __init__(
        self,
        per_second: float = VOIPBIN_RATE_LIMIT[0],
        burst: int = VOIPBIN_RATE_LIMIT[1],
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if not per_second > 0 or burst < 1:
            raise ValueError(
                f"rate_limit needs a positive rate and burst, got {per_second}, {burst}"
            )
        self.rate = max(math.floor(per_second + 0.5), 1)
        self.burst = burst
        self._interval = 1.0 / self.rate
        self._clock = clock
        self._tat: float | None = None
        self._lock = threading.Lock()

    def admit(self) -> int | None:
        """Count a request: ``None`` when it may go on, else its ``Retry-After`` seconds."""
        with self._lock:
            now = self._clock()
            tat = now if self._tat is None else max(self._tat, now)
            new_tat = tat + self._interval
            allow_at = new_tat - self.burst * self._interval
            # Sums of 1/rate carry rounding errors: a nanosecond is what Go's Duration keeps.
            if allow_at - now > 1e-9:
                return max(math.ceil(allow_at - now), 1)
            self._tat = new_tat
            return None


def _fraction(name: str, value: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"{name} must be a number from 0 to 1, not {value!r}")
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"{name} must be from 0 to 1, got {value!r}")
    return float(value)


def _seconds(name: str, value: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"{name} must be seconds (a number), not {value!r}")
    if not 0.0 <= value < math.inf:
        raise ValueError(f"{name} must be zero or more seconds, got {value!r}")
    return float(value)


@attrs.frozen
class Faults:
    """What :class:`FaultMiddleware` does; every field off by default.

    Attributes:
        rate_limit: ``(per_second, burst)`` of the server's limit, or ``None``.
        latency: Seconds each request waits before it is handled.
        too_many_requests: The fraction of requests answered 429 at random.
        drop_after_commit: The fraction of successful POSTs whose response is dropped.
        seed: Seeds the random draws (``None``: different each run).
    """

    rate_limit: tuple[float, int] | None = None
    latency: float = 0.0
    too_many_requests: float = 0.0
    drop_after_commit: float = 0.0
    seed: int | None = None

    def __attrs_post_init__(self) -> None:
        _seconds("latency", self.latency)
        _fraction("too_many_requests", self.too_many_requests)
        _fraction("drop_after_commit", self.drop_after_commit)
        if self.rate_limit is not None:
            ServerRateLimit(*self.rate_limit)  # checks the numbers

    @property
    def active(self) -> bool:
        return bool(
            self.rate_limit or self.latency or self.too_many_requests or self.drop_after_commit
        )


def _has_credential(scope: Scope) -> bool:
    """Whether the request carries a token or an access key (header, query or cookie)."""
    connection = HTTPConnection(scope)
    scheme, _, value = connection.headers.get("authorization", "").partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return True
    query, cookies = connection.query_params, connection.cookies
    return any(query.get(name) or cookies.get(name) for name in ("token", "accesskey"))


def too_many_requests(retry_after: int) -> Any:
    """The 429 that ``CustomerRateLimit`` sends (the mock's ``request_id`` is a uuid4)."""
    request_id = str(uuid.uuid4())
    body = {
        "error": {
            "status": "RESOURCE_EXHAUSTED",
            "reason": "RATE_LIMIT_EXCEEDED",
            "message": RATE_LIMIT_MESSAGE,
            "request_id": request_id,
            "details": [{"limited_by": "customer"}],
        }
    }
    headers = {"Retry-After": str(retry_after), "X-Request-Id": request_id}
    return render_json(429, body, headers)


class FaultMiddleware:
    """Wraps the mock's ASGI app with the :class:`Faults` asked for."""

    def __init__(
        self, app: ASGIApp, *, faults: Faults, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.app = app
        self.faults = faults
        self.limit = (
            None if faults.rate_limit is None else ServerRateLimit(*faults.rate_limit, clock=clock)
        )
        seeds = random.Random(faults.seed)
        self._throttle_draws = random.Random(seeds.random())
        self._drop_draws = random.Random(seeds.random())

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        faults = self.faults
        if faults.latency:
            await asyncio.sleep(faults.latency)
        if self.limit is not None and _has_credential(scope):
            retry_after = self.limit.admit()
            if retry_after is not None:
                await too_many_requests(retry_after)(scope, receive, send)
                return
        if faults.too_many_requests and self._throttle_draws.random() < faults.too_many_requests:
            await too_many_requests(1)(scope, receive, send)
            return
        if (
            faults.drop_after_commit
            and scope["method"] == "POST"
            and self._drop_draws.random() < faults.drop_after_commit
        ):
            await self._drop_after_commit(scope, receive, send)
            return
        await self.app(scope, receive, send)

    async def _drop_after_commit(self, scope: Scope, receive: Receive, send: Send) -> None:
        messages: list[MutableMapping[str, Any]] = []

        async def keep(message: Message) -> None:
            messages.append(message)

        await self.app(scope, receive, keep)
        start = messages[0] if messages else None
        if start is None or start.get("status") != 200:
            for message in messages:
                await send(message)
            return
        await send(start)  # the status line and headers go out; the body never does
        raise ResponseDropped(
            f"the mock made what {scope['method']} {scope['path']} asked for, then dropped the"
            " response (drop_after_commit)"
        )


class _QuietDropped(logging.Filter):
    """uvicorn logs an app's exception with its traceback: one line is enough for a drop."""

    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        if isinstance(exc, ResponseDropped):
            record.msg, record.args, record.exc_info = str(exc), None, None
            record.levelno, record.levelname = logging.INFO, "INFO"
        return True


def quiet_dropped_responses() -> None:
    """Log each dropped response as one INFO line in uvicorn's error log (idempotent)."""
    logger = logging.getLogger("uvicorn.error")
    if not any(isinstance(f, _QuietDropped) for f in logger.filters):
        logger.addFilter(_QuietDropped())


# --- the command line: `python -m voipbin_outdial.testing` and `voipbin-outdial mock` ---------

FAULT_FLAGS: Final = (
    "rate_limit",
    "latency",
    "too_many_requests",
    "drop_after_commit",
    "fault_seed",
)
"""The options :func:`add_fault_arguments` adds (``--rate-limit`` ...), by destination."""


def _rate(text: str) -> tuple[float, int]:
    per_second, _, burst = text.partition(":")
    try:
        return float(per_second), int(burst or VOIPBIN_RATE_LIMIT[1])
    except ValueError:
        raise argparse.ArgumentTypeError(f"not RATE or RATE:BURST: {text!r}") from None


def _number(kind: Callable[[str, float], float]) -> Callable[[str], float]:
    def parse(text: str) -> float:
        try:
            return kind("the value", float(text))
        except ValueError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    return parse


def add_fault_arguments(parser: argparse.ArgumentParser) -> None:
    """The mock's limits and faults as options (all off unless given)."""
    group = parser.add_argument_group("limits and faults (all off by default)")
    default = f"{VOIPBIN_RATE_LIMIT[0]}:{VOIPBIN_RATE_LIMIT[1]}"
    group.add_argument(
        "--rate-limit",
        nargs="?",
        const=_rate(default),
        type=_rate,
        metavar="RATE[:BURST]",
        help=f"limit requests as VoIPBIN limits a customer (alone: {default}, applied as 17/s)",
    )
    group.add_argument(
        "--latency",
        type=_number(_seconds),
        default=0.0,
        metavar="SECONDS",
        help="wait this long before handling each request",
    )
    group.add_argument(
        "--too-many-requests",
        type=_number(_fraction),
        default=0.0,
        metavar="FRACTION",
        help="answer this fraction of requests 429 RATE_LIMIT_EXCEEDED at random",
    )
    group.add_argument(
        "--drop-after-commit",
        type=_number(_fraction),
        default=0.0,
        metavar="FRACTION",
        help="drop the response of this fraction of successful POSTs after the create",
    )
    group.add_argument(
        "--fault-seed", type=int, default=None, metavar="N", help="seed the random faults"
    )


def fault_options(args: argparse.Namespace) -> dict[str, Any]:
    """``VoipbinMock`` keyword arguments from the parsed options."""
    options = {name: getattr(args, name) for name in FAULT_FLAGS}
    options["rate_limit"] = options["rate_limit"] or False
    return options


def fault_argv(args: argparse.Namespace) -> list[str]:
    """The options again as arguments (what ``voipbin-outdial mock`` passes on)."""
    argv: list[str] = []
    for name in FAULT_FLAGS:
        value = getattr(args, name)
        if value is None or value is False or (value == 0.0 and name != "fault_seed"):
            continue
        flag = "--" + name.replace("_", "-")
        argv += [flag, f"{value[0]}:{value[1]}" if name == "rate_limit" else str(value)]
    return argv
