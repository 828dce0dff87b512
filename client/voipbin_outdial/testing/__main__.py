"""Serve the stateful mock: ``python -m voipbin_outdial.testing [--host H] [--port P]``.

The API is under ``http://H:P/v1.0`` (and at the root, like Prism); state lasts as long as the
process. The control endpoints under ``http://H:P/_mock`` reset it, move its clock, run a
campaign and set faults (:mod:`._control`). ``--port 0`` takes a free port (uvicorn's log names
it). Needs the ``testing`` extra (Starlette and uvicorn).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from . import API_PREFIX, VoipbinMock
from ._faults import add_fault_arguments, fault_options, quiet_dropped_responses


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m voipbin_outdial.testing",
        description="A stateful mock of VoIPBIN's outbound-calling API "
        f"(served under {API_PREFIX} and at /; test-only controls under /_mock).",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (127.0.0.1)")
    parser.add_argument("--port", type=int, default=4011, help="port to listen on (4011)")
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
        "--log-level",
        default="info",
        choices=["critical", "error", "warning", "info", "debug"],
        help="uvicorn's log level (info)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> None:
    """Parse the arguments and serve until interrupted."""
    args = _parser().parse_args(argv)
    try:
        import uvicorn
    except ImportError:  # pragma: no cover - depends on the environment
        raise SystemExit(
            "the mock server needs uvicorn, which comes with the 'testing' extra: "
            'pip install "voipbin-outdial[testing]"'
        ) from None
    mock = VoipbinMock(
        tokens=args.tokens,
        accesskeys=args.accesskeys,
        strict=args.strict,
        **fault_options(args),
    )
    quiet_dropped_responses()
    uvicorn.run(mock.app, host=args.host, port=args.port, log_level=args.log_level)


if __name__ == "__main__":
    main()
