"""The ``voipbin-outdial`` command: an offline demo, a real outdial's dial plan and preflight
check, CSV import and export of its contacts, starting, stopping and watching a campaign, the
mock server.

Every failure is one line on stderr and a non-zero exit, never a traceback: exit 1 for an API
or network error (or a missing extra), 2 for bad arguments, 130 when interrupted. ``check`` exits
3 when it finds an error. Output into a pipe that closes early (``voipbin-outdial demo | head``)
ends quietly, with 141 as a shell reports a process ended by SIGPIPE.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

from .. import __version__
from .._redact import redact
from ..errors import ArgumentError, VoipbinError
from ._export import add_export_command
from ._extras import MissingExtraError
from ._fetch import CampaignSource
from ._import import add_import_command

__all__ = ["main"]

PROG = "voipbin-outdial"
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
EXIT_CLOSED_PIPE = 141


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (the console script exits with it)."""
    parser = _parser()
    args, rest = parser.parse_known_args(argv)
    if args.command == "mock":  # every option is the mock server's own (one parser)
        return _run(lambda: _run_mock(rest))
    if rest:
        parser.error(f"unrecognized arguments: {' '.join(rest)}")
    return _run(lambda: args.run(args))


def _run(command: Callable[[], int]) -> int:
    """Run ``command``; what it raises becomes one line on stderr and an exit status."""
    try:
        status = command()
        sys.stdout.flush()  # a closed pipe shows here, not in the interpreter's flush at exit
        return status
    except KeyboardInterrupt:
        _fail("interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_CLOSED_PIPE
    except (ArgumentError, ValueError) as exc:
        _fail(str(exc))
        return EXIT_USAGE
    except (VoipbinError, MissingExtraError) as exc:
        _fail(str(exc))
        return EXIT_ERROR
    except Exception as exc:
        _fail(f"unexpected {type(exc).__name__}: {exc}")
        return EXIT_ERROR


def _silence_stdout() -> None:
    """The reader of stdout is gone: send what is left to /dev/null, so that the interpreter's
    own flush at exit does not fail again (the recipe of Python's `signal` docs)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    finally:
        os.close(devnull)


def _fail(message: str) -> None:
    """``message`` on stderr as one line: whitespace runs (newlines too) become one space, and
    credentials are redacted (belt and braces: the SDK's messages already are)."""
    sys.stderr.write(f"{PROG}: error: {' '.join(redact(message).split())}\n")


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {value}")
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
    check.add_argument(
        "--verbose",
        "-v",
        action="store_true",
        help="one line a finding (default: one line a kind of finding, with a count)",
    )
    check.set_defaults(run=_run_check)

    add_import_command(commands, _positive_int)
    add_export_command(commands)
    _campaign_command(commands)

    commands.add_parser(
        "mock",
        add_help=False,  # --help is the server's: see _run_mock
        help="serve the stateful VoIPBIN mock over HTTP (options: mock --help)",
    )
    return parser


def _campaign_command(commands: Any) -> None:
    campaign = commands.add_parser("campaign", help="start, stop or watch a campaign")
    actions = campaign.add_subparsers(dest="action", required=True, metavar="ACTION")
    for action, help_text in [
        ("start", "run the campaign (VoIPBIN dials about 1 s later)"),
        ("stop", "stop it (stopping until its live calls end)"),
        ("watch", "follow it until it is stop: a live table on a terminal, else a line"),
    ]:
        command = actions.add_parser(action, help=help_text)
        command.add_argument("id", metavar="ID", help="the campaign's id")
        command.add_argument(
            "--base-url", default=None, metavar="URL", help="API base (default: VoIPBIN's)"
        )
        if action == "watch":
            command.add_argument(
                "--interval", type=float, default=3.0, metavar="S", help="seconds between looks"
            )
        command.epilog = "Credentials come from VOIPBIN_TOKEN (a JWT) or VOIPBIN_ACCESSKEY."
        command.set_defaults(run=_run_campaign)


def _run_campaign(args: argparse.Namespace) -> int:
    from ._campaign import run_set_status, run_watch

    if args.action == "watch":
        return run_watch(args.id, base_url=args.base_url, interval=args.interval)
    status = "run" if args.action == "start" else "stop"
    return run_set_status(args.id, status, base_url=args.base_url)


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
    try:
        from ._demo import run_demo
    except ImportError:
        raise MissingExtraError("demo", "testing", "the built-in mock runs on Starlette") from None
    return run_demo(seed=args.seed, n_targets=args.targets)


def _source(args: argparse.Namespace) -> CampaignSource:
    return CampaignSource(args.outdial, args.outplan, args.base_url)


def _run_plan(args: argparse.Namespace) -> int:
    from ._plan import run_plan

    return run_plan(_source(args), as_json=args.json, limit=args.limit)


def _run_check(args: argparse.Namespace) -> int:
    from ._check import run_check

    return run_check(_source(args), as_json=args.json, verbose=args.verbose)


def _run_mock(argv: list[str]) -> int:
    """``python -m voipbin_outdial.testing``, every option included, under this command's name."""
    try:
        from ..testing.__main__ import main as serve_mock
    except ImportError:
        raise MissingExtraError("mock", "testing", "Starlette and uvicorn") from None
    return serve_mock(argv, prog=f"{PROG} mock")
