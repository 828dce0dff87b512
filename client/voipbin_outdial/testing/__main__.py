"""Serve the stateful mock: ``python -m voipbin_outdial.testing [--host H] [--port P] ...``.

The API is under ``http://H:P/v1.0`` (and at the root, like Prism); state lasts as long as the
process. The control endpoints under ``http://H:P/_mock`` reset it, move its clock, run or hold
a campaign and set faults (:mod:`._control`); the limits and faults are options too
(:mod:`._faults`). ``--port 0`` takes a free port; the first line on stdout says which. The
access log shows each request with its credentials redacted (``?accesskey=[REDACTED]``). A port
that cannot be taken is one line on stderr and exit status 1. ``voipbin-outdial mock`` is this
same command. Needs the ``testing`` extra (Starlette and uvicorn).
"""

from __future__ import annotations

import argparse
import socket
import sys
from collections.abc import Sequence

from .._redact import install_log_redaction
from . import API_PREFIX, VoipbinMock
from ._faults import add_fault_arguments, fault_options, quiet_dropped_responses
from ._wallclock import Ticker, WallClock

__all__ = ["main"]

PROG = "python -m voipbin_outdial.testing"
EXIT_ERROR = 1


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {text!r}") from None
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"not a port (0 to 65535; 0: any free one): {value}")
    return value


def _speed(text: str) -> float:
    value = float(text)
    if not 0 < value < 1e9:
        raise argparse.ArgumentTypeError(f"must be above 0, not {text}")
    return value


def _milliseconds(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, not {text}")
    return value


def _fraction(text: str) -> float:
    value = float(text)
    if not 0 <= value <= 1:
        raise argparse.ArgumentTypeError(f"must be from 0 to 1, not {text}")
    return value


def _parser(prog: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=prog,
        description="A stateful mock of VoIPBIN's outbound-calling API "
        f"(served under {API_PREFIX} and at /; test-only controls under /_mock).",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (127.0.0.1)")
    parser.add_argument(
        "--port", type=_port, default=4011, help="port to listen on (4011; 0: any free port)"
    )
    parser.add_argument(
        "--token",
        action="append",
        dest="tokens",
        metavar="JWT",
        help="accept only this token (cookie, ?token= or bearer; repeatable; default: any)",
    )
    parser.add_argument(
        "--accesskey",
        action="append",
        dest="accesskeys",
        metavar="KEY",
        help="accept only this access key (cookie or ?accesskey=; repeatable; default: any)",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="also refuse what openapi.yaml forbids but VoIPBIN accepts (unknown fields ...)",
    )
    add_fault_arguments(parser)
    parser.add_argument(
        "--clock",
        choices=["virtual", "wall"],
        default="virtual",
        help="virtual (the default): campaigns move when POST /_mock/clock moves the clock; "
        "wall: the clock follows real time and running campaigns move on their own",
    )
    parser.add_argument(
        "--clock-speed",
        type=_speed,
        default=1.0,
        metavar="N",
        help="with --clock wall: N virtual seconds per real second (1)",
    )
    parser.add_argument(
        "--answer",
        type=_fraction,
        default=0.0,
        metavar="P",
        help="the chance that a call of a campaign run through the API is answered (0)",
    )
    parser.add_argument(
        "--talk-time",
        type=_milliseconds,
        default=0,
        metavar="MS",
        help="how long an answered call lasts, in milliseconds (0)",
    )
    parser.add_argument("--seed", type=int, default=None, help="seeds --answer (random)")
    parser.add_argument(
        "--log-level",
        default="info",
        choices=["critical", "error", "warning", "info", "debug"],
        help="uvicorn's log level (info)",
    )
    return parser


def _listen(host: str, port: int) -> socket.socket:
    """A TCP socket bound to ``host:port`` and listening, so a client that reads the "serving"
    line and connects at once waits in the backlog until uvicorn accepts (before, it could
    come before uvicorn's own ``listen()`` and be refused, on a loaded machine).

    ``IPPROTO_TCP`` is named, as ``loop.create_server(host, port)`` does: asyncio turns Nagle's
    algorithm off only on sockets whose protocol says TCP, and with it on every response
    waits for a delayed ACK (40 ms a request here instead of 0.5 ms).
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(2048)  # uvicorn's default backlog; its own listen() later is harmless
    except BaseException:
        sock.close()
        raise
    return sock


def main(argv: Sequence[str] | None = None, *, prog: str = PROG) -> int:
    """Parse the arguments and serve until interrupted; the exit status."""
    args = _parser(prog).parse_args(argv)
    try:
        import uvicorn
    except ImportError:  # pragma: no cover - depends on the environment
        sys.stderr.write(
            f"{prog}: error: the mock server needs uvicorn, which comes with the 'testing' "
            'extra: pip install "voipbin-outdial[testing]"\n'
        )
        return EXIT_ERROR
    try:
        sock = _listen(args.host, args.port)
    except (OSError, OverflowError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        sys.stderr.write(f"{prog}: error: cannot listen on {args.host}:{args.port}: {reason}\n")
        return EXIT_ERROR
    with sock:
        host, port = sock.getsockname()[:2]
        shown = f"[{host}]" if ":" in host else host
        wall = WallClock(args.clock_speed) if args.clock == "wall" else None
        mock = VoipbinMock(
            tokens=args.tokens,
            accesskeys=args.accesskeys,
            strict=args.strict,
            clock=wall,
            campaign_calls={"answer": args.answer, "talk_time": args.talk_time, "seed": args.seed},
            **fault_options(args),
        )
        ticker = Ticker(lambda: mock.advance_clock(0)).start() if wall else None
        config = uvicorn.Config(mock.app, log_level=args.log_level)  # sets uvicorn's loggers up
        install_log_redaction(("uvicorn.access", "uvicorn.error"))
        quiet_dropped_responses()
        print(f"serving the VoIPBIN mock on http://{shown}:{port}{API_PREFIX}", flush=True)
        try:
            uvicorn.Server(config).run(sockets=[sock])
        finally:
            if ticker is not None:
                ticker.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
