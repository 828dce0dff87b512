"""Faults for the mock, as an ASGI middleware around its app: all off by default.

For code that must survive the real service (an importer above all). The server's own rate limit
is not here: ``VoipbinMock(rate_limit=...)`` applies it in the app, after authentication, per
customer, as VoIPBIN does (``_gate.RateLimiter``; ``--rate-limit``). This module adds:

* **Latency**: every request waits this many seconds before it is handled (a round trip).
* **429s at random**: this fraction of requests is answered with the 429 of VoIPBIN's
  ``CustomerRateLimit`` (``bin-api-manager/lib/middleware/customer_ratelimit.go``:
  ``RESOURCE_EXHAUSTED``/``RATE_LIMIT_EXCEEDED``, ``details: [{"limited_by": "customer"}]``,
  ``Retry-After: 1``, the least its ``ceil`` gives) before anything is done.
* **Responses dropped after commit**: this fraction of successful POSTs (creates) does its
  work, then the connection is closed after the status line and headers, before the body. A
  client gets no answer (httpx: ``RemoteProtocolError``) for a create that happened: the case
  an importer must not turn into a duplicate. In process the middleware raises
  :class:`ResponseDropped` (an ``httpx.RemoteProtocolError``) through the transport; under
  uvicorn, the server closes the connection.

The command-line options of ``python -m voipbin_outdial.testing`` (which ``voipbin-outdial mock``
runs) are here too (:func:`add_fault_arguments`), with ``--rate-limit``.

The faults can change while the app serves (``VoipbinMock.set_faults``, ``POST /_mock/faults``):
the middleware reads them from a :class:`FaultSwitch` on each request.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import math
import random
from collections.abc import Callable, MutableMapping
from typing import Any, Final, TypedDict

import attrs
import httpx
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ._app import error_response
from ._errors import rate_limited
from ._gate import VOIPBIN_RATE_LIMIT, request_id

__all__ = [
    "FAULT_FLAGS",
    "FaultChanges",
    "FaultMiddleware",
    "FaultSwitch",
    "Faults",
    "ResponseDropped",
    "add_fault_arguments",
    "fault_options",
    "quiet_dropped_responses",
]


class ResponseDropped(httpx.RemoteProtocolError):
    """The mock made what the request asked for and then dropped the response."""


def check_fraction(name: str, value: float) -> float:
    """``value`` as a fraction of requests, 0 to 1 (the control endpoints read it so too)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"{name} must be a number from 0 to 1, not {value!r}")
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"{name} must be from 0 to 1, got {value!r}")
    return float(value)


def check_amount(name: str, value: float, unit: str = "") -> float:
    """``value`` as a finite number, zero or more (of ``unit``, which the messages name)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        kind = f"{unit} (a number)" if unit else "a number"
        raise TypeError(f"{name} must be {kind}, not {value!r}")
    if not 0.0 <= value < math.inf:
        raise ValueError(f"{name} must be zero or more{' ' + unit if unit else ''}, got {value!r}")
    return float(value)


def _seconds(name: str, value: float) -> float:
    return check_amount(name, value, "seconds")


@attrs.frozen
class Faults:
    """What :class:`FaultMiddleware` does; every field off by default.

    Attributes:
        latency: Seconds each request waits before it is handled.
        too_many_requests: The fraction of requests answered 429 at random.
        drop_after_commit: The fraction of successful POSTs whose response is dropped.
        seed: Seeds the random draws (``None``: different each run).
    """

    latency: float = 0.0
    too_many_requests: float = 0.0
    drop_after_commit: float = 0.0
    seed: int | None = None

    def __attrs_post_init__(self) -> None:
        _seconds("latency", self.latency)
        check_fraction("too_many_requests", self.too_many_requests)
        check_fraction("drop_after_commit", self.drop_after_commit)

    @property
    def active(self) -> bool:
        return bool(self.latency or self.too_many_requests or self.drop_after_commit)


class FaultChanges(TypedDict, total=False):
    """The keyword arguments of ``VoipbinMock.set_faults`` (the fields of :class:`Faults`)."""

    latency: float
    too_many_requests: float
    drop_after_commit: float
    seed: int | None


def _too_many_requests(scope: Scope) -> Response:
    """The 429 of ``CustomerRateLimit``, with the request id the server would give."""
    return error_response(rate_limited(1), request_id(Request(scope)))


@attrs.frozen
class _Drawing:
    """Faults in force and their random draws (one generator for 429s, one for drops)."""

    faults: Faults
    throttle: random.Random
    drop: random.Random


class FaultSwitch:
    """The :class:`Faults` in force, which :meth:`set` may change while the app serves.

    Each :meth:`set` starts the random draws again from the faults' seed.
    """

    def __init__(self, faults: Faults | None = None) -> None:
        self.set(faults or Faults())

    def set(self, faults: Faults) -> None:
        seeds = random.Random(faults.seed)
        self.drawing = _Drawing(
            faults, random.Random(seeds.random()), random.Random(seeds.random())
        )

    @property
    def faults(self) -> Faults:
        return self.drawing.faults


class FaultMiddleware:
    """Wraps the mock's ASGI app with the :class:`Faults` asked for.

    Args:
        faults: The faults, fixed, or a :class:`FaultSwitch` to change them later.
        exempt: A path prefix whose requests pass untouched (the mock's ``/_mock`` controls).
    """

    def __init__(
        self, app: ASGIApp, *, faults: Faults | FaultSwitch, exempt: str | None = None
    ) -> None:
        self.app = app
        self.switch = faults if isinstance(faults, FaultSwitch) else FaultSwitch(faults)
        self._exempt = exempt

    @property
    def faults(self) -> Faults:
        """The faults in force."""
        return self.switch.faults

    def _spared(self, scope: Scope) -> bool:
        if scope["type"] != "http":
            return True
        path: str = scope["path"]
        return self._exempt is not None and (
            path == self._exempt or path.startswith(self._exempt + "/")
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        drawing = self.switch.drawing
        faults = drawing.faults
        if not faults.active or self._spared(scope):
            await self.app(scope, receive, send)
            return
        if faults.latency:
            await asyncio.sleep(faults.latency)
        if faults.too_many_requests and drawing.throttle.random() < faults.too_many_requests:
            await _too_many_requests(scope)(scope, receive, send)
            return
        if (
            faults.drop_after_commit
            and scope["method"] == "POST"
            and drawing.drop.random() < faults.drop_after_commit
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


# --- the command line: `python -m voipbin_outdial.testing` (and `voipbin-outdial mock`) ---------

FAULT_FLAGS: Final = (
    "rate_limit",
    "latency",
    "too_many_requests",
    "drop_after_commit",
    "fault_seed",
)
"""The options :func:`add_fault_arguments` adds (``--rate-limit`` ...), by destination."""


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
    per_second, burst = VOIPBIN_RATE_LIMIT
    group.add_argument(
        "--rate-limit",
        action="store_true",
        help=f"limit each customer to VoIPBIN's {per_second} requests a second (burst {burst}),"
        " else 429",
    )
    for flag, check, metavar, help_text in (
        ("--latency", _seconds, "SECONDS", "wait this long before handling each request"),
        (
            "--too-many-requests",
            check_fraction,
            "FRACTION",
            "answer this fraction of requests 429 RATE_LIMIT_EXCEEDED at random",
        ),
        (
            "--drop-after-commit",
            check_fraction,
            "FRACTION",
            "drop the response of this fraction of successful POSTs after the create",
        ),
    ):
        group.add_argument(flag, type=_number(check), default=0.0, metavar=metavar, help=help_text)
    group.add_argument(
        "--fault-seed", type=int, default=None, metavar="N", help="seed the random faults"
    )


def fault_options(args: argparse.Namespace) -> dict[str, Any]:
    """``VoipbinMock`` keyword arguments from the parsed options."""
    return {name: getattr(args, name) for name in FAULT_FLAGS}
