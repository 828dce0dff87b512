"""``voipbin-outdial import FILE.csv --outdial ID``: a contact list into an outdial.

The file is read twice, a row at a time: once to count the rows (for the progress bar's ETA),
once to import them through ``outdialtargets.iter_create_many`` (paced under VoIPBIN's limit,
each row created once, rows already there skipped). Rejected rows (and rows the API refused)
go to ``--rejects`` with a ``reason`` column; the summary goes to stdout.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any, TextIO

from .._bulk import ImportProgress, RowResult
from .._client import VoipbinClient
from ..contacts import (
    IMPORT_COLUMNS,
    Contact,
    Rejected,
    check_region,
    destination_cell,
    read_contacts,
)
from ._extras import MissingExtraError
from ._progress import Progress

__all__ = ["add_import_command", "run_import"]

EXIT_ROWS_LEFT = 1


def add_import_command(commands: Any, positive_int: Any) -> None:
    """The ``import`` subcommand."""
    command = commands.add_parser(
        "import",
        help="import a CSV contact list into an outdial (E.164 numbers, no duplicates)",
        description=(
            "Create a target for each row of FILE.csv (columns name, detail, data, "
            "destination_0..destination_4; a destination is a phone number or type:target, "
            "such as sip:alice@example.com). Rows already in the outdial are skipped, so "
            "running it again creates only what is missing."
        ),
    )
    command.add_argument("file", metavar="FILE.csv", help="the contact list ('-': stdin)")
    command.add_argument("--outdial", required=True, metavar="ID", help="the outdial's id")
    command.add_argument(
        "--base-url", default=None, metavar="URL", help="API base (default: VoIPBIN's)"
    )
    command.add_argument(
        "--concurrency", type=positive_int, default=8, help="rows sent at once (default: 8)"
    )
    command.add_argument(
        "--region", default="US", help="country of numbers written without +CC (default: US)"
    )
    command.add_argument("--dry-run", action="store_true", help="check the file only: send nothing")
    command.add_argument(
        "--rejects", type=Path, metavar="REJECTS.csv", help="write the rows not imported here"
    )
    command.epilog = (
        "Credentials come from VOIPBIN_TOKEN (a JWT) or VOIPBIN_ACCESSKEY. "
        "Exit status 1 when a row was rejected or failed."
    )
    command.set_defaults(run=_run)


def _run(args: argparse.Namespace) -> int:
    try:
        import phonenumbers  # noqa: F401  (read_contacts writes numbers in E.164 with it)
    except ImportError:
        raise MissingExtraError("import", "csv", "phonenumbers reads the numbers") from None
    return run_import(
        args.file,
        outdial_id=args.outdial,
        base_url=args.base_url,
        concurrency=args.concurrency,
        region=args.region,
        dry_run=args.dry_run,
        rejects=args.rejects,
    )


class _Rejects:
    """The rejects file: the import columns of each row as read, and a ``reason`` column (so
    it can be corrected and imported again; the reason is ignored then)."""

    def __init__(self, path: Path | None, stack: ExitStack) -> None:
        self._path = path
        self._stack = stack
        self._writer: Any = None

    def write(self, cells: dict[str, str], reason: str) -> None:
        if self._path is None:
            return
        if self._writer is None:
            stream = self._stack.enter_context(self._path.open("w", newline="", encoding="utf-8"))
            fields = [*IMPORT_COLUMNS, "reason"]
            self._writer = csv.DictWriter(stream, fields, extrasaction="ignore")
            self._writer.writeheader()
        self._writer.writerow({**cells, "reason": reason})


def _open(path: str, stack: ExitStack) -> TextIO:
    if path == "-":
        return sys.stdin
    return stack.enter_context(open(path, newline="", encoding="utf-8-sig"))


def _count_rows(path: str) -> int | None:
    if path == "-":
        return None
    with open(path, newline="", encoding="utf-8-sig") as stream:
        return max(sum(1 for _ in csv.reader(stream)) - 1, 0)


def run_import(
    path: str,
    *,
    outdial_id: str,
    base_url: str | None,
    concurrency: int = 8,
    region: str = "US",
    dry_run: bool = False,
    rejects: Path | None = None,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """Import the CSV at ``path``; returns the exit status (1 if any row was not imported)."""
    out = out if out is not None else sys.stdout
    err = err if err is not None else sys.stderr
    region = check_region(region)
    started = time.monotonic()
    with ExitStack() as stack:
        items = read_contacts(_open(path, stack), region=region)
        sink = _Rejects(rejects, stack)
        counts = ImportProgress()
        if dry_run:
            valid = 0
            for item in items:
                if isinstance(item, Rejected):
                    counts.rejected += 1
                    sink.write(item.cells, item.reason)
                    err.write(f"line {item.line}: {item.reason}\n")
                else:
                    valid += 1
            out.write(f"dry run: {valid} rows to import, {counts.rejected} rejected\n")
            return EXIT_ROWS_LEFT if counts.rejected else 0

        options: dict[str, Any] = {} if base_url is None else {"base_url": base_url}
        progress = stack.enter_context(Progress(_count_rows(path), err))
        rejected: list[Rejected] = []

        def contacts() -> Iterator[Contact]:
            for item in items:
                if isinstance(item, Rejected):
                    rejected.append(item)
                else:
                    yield item

        def report(result: RowResult) -> None:
            while rejected:  # rows rejected while reading, reported as they are passed
                item = rejected.pop(0)
                counts.rejected += 1
                sink.write(item.cells, item.reason)
            counts.add(result)
            if result.outcome in ("failed", "rejected"):
                line = result.row.line
                reason = str(result.error)
                sink.write(_cells(result.row), f"{result.outcome}: {reason}")
                err.write(f"line {line}: {result.outcome}: {reason}\n")
            progress.update(counts.done, _summary(counts))

        with VoipbinClient(**options) as client:
            for result in client.outdialtargets.iter_create_many(
                outdial_id, contacts(), concurrency=concurrency
            ):
                report(result)
        for item in rejected:
            counts.rejected += 1
            sink.write(item.cells, item.reason)
        progress.update(counts.done, _summary(counts))
    elapsed = time.monotonic() - started
    out.write(f"{_summary(counts)} ({counts.done} rows in {elapsed:.1f} s)\n")
    return EXIT_ROWS_LEFT if counts.rejected or counts.failed else 0


def _summary(counts: ImportProgress) -> str:
    return (
        f"created {counts.created}, skipped {counts.skipped}, "
        f"rejected {counts.rejected}, failed {counts.failed}"
    )


def _cells(contact: Contact) -> dict[str, str]:
    cells = {"name": contact.name, "detail": contact.detail, "data": contact.data}
    for n, address in enumerate(contact.destinations):
        cells[f"destination_{n}"] = destination_cell(address)
    return cells
