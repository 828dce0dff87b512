"""``voipbin-outdial export --outdial ID``: every target of an outdial as CSV on stdout.

Row by row, through ``client.outdialtargets.iter``: each page of targets is written before the
next is asked for, so the output starts at once and memory does not grow with the outdial. The
columns are :data:`voipbin_outdial.contacts.EXPORT_COLUMNS`; a tel destination is its number,
another type ``type:target``, so the file can be imported again. A cell a spreadsheet would run
as a formula is written as text (``'=...``; ``contacts.safe_writer``), and ``import`` reads it
back as it was.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any, TextIO

from .. import VoipbinClient
from ..contacts import write_targets
from ._extras import MissingExtraError

__all__ = ["add_export_command", "run_export"]


def add_export_command(commands: Any) -> None:
    """The ``export`` subcommand."""
    command = commands.add_parser(
        "export", help="write every target of an outdial as CSV on stdout"
    )
    command.add_argument("--outdial", required=True, metavar="ID", help="the outdial's id")
    command.add_argument(
        "--base-url", default=None, metavar="URL", help="API base (default: VoIPBIN's)"
    )
    command.epilog = "Credentials come from VOIPBIN_TOKEN (a JWT) or VOIPBIN_ACCESSKEY."
    command.set_defaults(run=_run)


def _run(args: argparse.Namespace) -> int:
    try:
        import defusedcsv  # type: ignore[import-untyped]  # noqa: F401  (contacts.write_targets)
    except ImportError:
        raise MissingExtraError("export", "csv", "defusedcsv keeps formulas out") from None
    return run_export(outdial_id=args.outdial, base_url=args.base_url)


def run_export(*, outdial_id: str, base_url: str | None, out: TextIO | None = None) -> int:
    """Write the outdial's targets to ``out`` (stdout) as the pages come; returns 0. (A reader
    that stops early, as ``| head`` does, ends the command quietly: see ``cli.main``.)"""
    out = out if out is not None else sys.stdout
    options: dict[str, Any] = {} if base_url is None else {"base_url": base_url}
    with VoipbinClient(**options) as client:
        write_targets(client.outdialtargets.iter(outdial_id), out)  # each page when it is used
        out.flush()
    return 0
