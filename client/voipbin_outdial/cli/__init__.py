"""The ``voipbin-outdial`` command: an offline demo, a real outdial's dial plan and preflight
check, CSV import and export of its contacts, the mock server.

Every failure is one line on stderr and a non-zero exit, never a traceback:
exit 1 for an API or network error, 2 for bad arguments, 130 when interrupted. ``check`` exits 3
when it finds an error.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from .. import __version__
from ..errors import VoipbinError
from ._export import add_export_command
from ._import import add_import_command

__all__ = ["main"]

PROG = "voipbin-outdial"
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (the console script exits with it)."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        status: int = args.run(args)
    except KeyboardInterrupt:
        _fail("interrupted")
        return EXIT_INTERRUPTED
    except VoipbinError as exc:
        _fail(str(exc))
        return EXIT_ERROR
    except ValueError as exc:
        _fail(str(exc))
        return EXIT_USAGE
    except Exception as exc:
        _fail(f"unexpected {type(exc).__name__}: {exc}")
        return EXIT_ERROR
    return status


def _fail(message: str) -> None:
    sys.stderr.write(f"{PROG}: error: {_scrub(message)}\n")


def _scrub(text: str) -> str:
    """Belt and braces: the SDK already redacts, but never print a credential from the env."""
    for name in ("VOIPBIN_TOKEN", "VOIPBIN_ACCESSKEY"):
        secret = os.environ.get(name)
        if secret:
            text = text.replace(secret, "***")
    return text


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {value}")
    return value


def _port(text: str) -> int:
    value = _positive_int(text)
    if value > 65535:
        raise argparse.ArgumentTypeError(f"not a port: {value}")
    return value


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG, description="VoIPBIN outbound dialing: demo, dial plans, mock server."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    demo = commands.add_parser(
        "demo", help="simulate a campaign offline on the built-in mock (no server, no credentials)"
    )
    demo.add_argument("--seed", type=int, default=7, help="random seed (default: 7)")
    demo.add_argument(
        "--targets", type=_positive_int, default=10, help="how many contacts (default: 10)"
    )
    demo.set_defaults(run=_run_demo)

    plan = commands.add_parser(
        "plan",
        help="show where a campaign's targets stand and who it dials next, from a real outdial "
        "and outplan",
    )
    _live_campaign_arguments(plan)
    plan.add_argument(
        "--limit", type=_positive_int, default=None, metavar="N", help="show the first N to dial"
    )
    plan.set_defaults(run=_run_plan)

    check = commands.add_parser(
        "check", help="find what in a real outdial and outplan will trip VoIPBIN's engine"
    )
    _live_campaign_arguments(check, "Exit status 3 when a finding is an error.")
    check.set_defaults(run=_run_check)

    add_import_command(commands, _positive_int)
    add_export_command(commands)

    mock = commands.add_parser("mock", help="serve the stateful VoIPBIN mock over HTTP")
    mock.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1)")
    mock.add_argument("--port", type=_port, default=4011, help="port (default: 4011)")
    _add_fault_arguments(mock)
    mock.set_defaults(run=_run_mock)
    return parser


def _live_campaign_arguments(command: argparse.ArgumentParser, note: str = "") -> None:
    """The arguments of the commands that read a campaign from the API (plan, check)."""
    command.add_argument("--outdial", required=True, metavar="ID", help="the outdial's id")
    command.add_argument("--outplan", required=True, metavar="ID", help="the outplan's id")
    command.add_argument(
        "--base-url", default=None, metavar="URL", help="API base (default: VoIPBIN's)"
    )
    command.add_argument("--json", action="store_true", help="print JSON for machines")
    credentials = "Credentials come from VOIPBIN_TOKEN (a JWT) or VOIPBIN_ACCESSKEY."
    command.epilog = f"{credentials} {note}".strip()


def _run_demo(args: argparse.Namespace) -> int:
    from ._demo import run_demo

    return run_demo(seed=args.seed, n_targets=args.targets)


def _run_plan(args: argparse.Namespace) -> int:
    from ._plan import run_plan

    return run_plan(
        outdial_id=args.outdial,
        outplan_id=args.outplan,
        base_url=args.base_url,
        as_json=args.json,
        limit=args.limit,
    )


def _run_check(args: argparse.Namespace) -> int:
    from ._check import run_check

    return run_check(
        outdial_id=args.outdial, outplan_id=args.outplan, base_url=args.base_url, as_json=args.json
    )


def _run_mock(args: argparse.Namespace) -> int:
    from ..testing.__main__ import main as serve_mock
    from ..testing._faults import fault_argv

    serve_mock(["--host", args.host, "--port", str(args.port), *fault_argv(args)])
    return 0


def _add_fault_arguments(mock: argparse.ArgumentParser) -> None:
    """The mock's limits and faults (``--rate-limit`` ...), when the testing extra is there."""
    try:
        from ..testing._faults import add_fault_arguments
    except ImportError:  # no Starlette: `mock` says so when it runs
        return
    add_fault_arguments(mock)
