"""``voipbin-outdial import FILE.csv --outdial ID``: a contact list into an outdial.

The file is read twice, a row at a time: once to count the rows (for the progress bar's ETA),
once to import them through ``outdialtargets.iter_create_many`` (paced at VoIPBIN's limit and
slower while another program spends part of it, each row created once, rows already there
skipped). Rejected rows (and rows the API refused)
go to ``--rejects`` with a ``reason`` column; the summary goes to stdout.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any, TextIO

import attrs

from .. import ImportProgress, RowResult, VoipbinClient
from ..contacts import (
    IMPORT_COLUMNS,
    REJECTS_COLUMNS,
    Contact,
    Rejected,
    RowWriter,
    check_region,
    count_rows,
    destination_cell,
    read_contacts,
    safe_writer,
)
from ._extras import MissingExtraError
from ._progress import Progress
from ._textfile import check_encoding, decoded_lines

__all__ = ["FileSource", "add_import_command", "run_import"]

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
    command.add_argument(
        "--delimiter",
        type=_delimiter,
        default=None,
        metavar="CHAR",
        help="the cell separator: ',', ';' or 'tab' (default: the one the header holds most of)",
    )
    command.add_argument(
        "--encoding",
        type=check_encoding,
        default="utf-8-sig",
        help="the file's text encoding, such as cp1252 or utf-16 (default: UTF-8, a BOM or not)",
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
    try:
        import defusedcsv  # type: ignore[import-untyped]  # noqa: F401  (the rejects file)
    except ImportError:
        raise MissingExtraError("import", "csv", "defusedcsv writes the rejects") from None
    return run_import(
        args.file,
        outdial_id=args.outdial,
        base_url=args.base_url,
        concurrency=args.concurrency,
        region=args.region,
        dry_run=args.dry_run,
        rejects=args.rejects,
        source=FileSource(args.encoding, args.delimiter),
    )


def _delimiter(text: str) -> str:
    value = "\t" if text.lower() in ("tab", "\\t") else text
    if len(value) != 1 or value in '"\r\n' or value.isalnum():
        raise argparse.ArgumentTypeError(f"one character such as ',', ';' or 'tab', not {text!r}")
    return value


@attrs.frozen
class FileSource:
    """How the contact list is read: its text ``encoding`` and cell ``delimiter`` (``None``:
    the one its header holds most of)."""

    encoding: str = "utf-8-sig"
    delimiter: str | None = None

    def lines(self, path: str, stack: ExitStack) -> Iterator[str]:
        """The file's lines (``-``: stdin's), decoded; a file that cannot be opened is a
        ``ValueError`` of one line."""
        if path == "-":
            return decoded_lines(sys.stdin.buffer, self.encoding)
        try:
            raw = stack.enter_context(open(path, "rb"))  # noqa: SIM115 (the stack closes it)
        except OSError as exc:
            raise ValueError(f"cannot read {path}: {exc.strerror or exc}") from None
        return decoded_lines(raw, self.encoding)

    def count(self, path: str) -> int | None:
        """How many rows the file has (blank ones not counted), for the progress bar."""
        if path == "-":
            return None
        with ExitStack() as stack:
            return count_rows(self.lines(path, stack), delimiter=self.delimiter)


class _Rejects:
    """The rejects file: the import columns of each row as read, and a ``reason`` column (so
    it can be corrected and imported again; the reason is ignored then). Written as an export
    is (UTF-8, ``,``, lines ending in ``\\r\\n``, cells a spreadsheet would run escaped)."""

    def __init__(self, path: Path | None, stack: ExitStack) -> None:
        self._path = path
        self._stack = stack
        self._writer: RowWriter | None = None

    def write(self, cells: dict[str, str], reason: str) -> None:
        """Write a row and why it was not imported (``line N: column: ...``)."""
        if self._path is None:
            return
        if self._writer is None:
            stream = self._stack.enter_context(self._path.open("w", newline="", encoding="utf-8"))
            self._writer = safe_writer(stream)
            self._writer.writerow(REJECTS_COLUMNS)
        self._writer.writerow([*(cells.get(c, "") for c in IMPORT_COLUMNS), reason])


def run_import(
    path: str,
    *,
    outdial_id: str,
    base_url: str | None,
    concurrency: int = 8,
    region: str = "US",
    dry_run: bool = False,
    rejects: Path | None = None,
    source: FileSource | None = None,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """Import the CSV at ``path``; returns the exit status (1 if any row was not imported)."""
    out = out if out is not None else sys.stdout
    err = err if err is not None else sys.stderr
    region = check_region(region)
    source = source if source is not None else FileSource()
    started = time.monotonic()
    with ExitStack() as stack:
        lines = source.lines(path, stack)
        items = read_contacts(lines, region=region, delimiter=source.delimiter)
        sink = _Rejects(rejects, stack)
        if dry_run:
            return _dry_run(items, sink, out, err)

        options: dict[str, Any] = {} if base_url is None else {"base_url": base_url}
        progress = stack.enter_context(Progress(source.count(path), err))
        tally = _Tally(sink, progress, err)
        with VoipbinClient(**options) as client:
            for result in client.outdialtargets.iter_create_many(
                outdial_id, tally.contacts(items), concurrency=concurrency
            ):
                tally.add(result)
        tally.finish()
    counts = tally.counts
    elapsed = time.monotonic() - started
    out.write(f"{_summary(counts)} ({counts.done} rows in {elapsed:.1f} s)\n")
    return EXIT_ROWS_LEFT if counts.rejected or counts.failed else 0


def _dry_run(items: Iterable[Contact | Rejected], sink: _Rejects, out: TextIO, err: TextIO) -> int:
    """``--dry-run``: count the rows to import and report the rejected ones; send nothing."""
    valid = rejected = 0
    for item in items:
        if isinstance(item, Rejected):
            rejected += 1
            reason = f"line {item.line}: {item.reason}"
            sink.write(item.cells, reason)
            err.write(f"{reason}\n")
        else:
            valid += 1
    out.write(f"dry run: {valid} rows to import, {rejected} rejected\n")
    return EXIT_ROWS_LEFT if rejected else 0


class _Tally:
    """The counts as an import goes: a row rejected while reading goes to the rejects file when
    the reading has passed it (with the next result), a row the API refused with its reason."""

    def __init__(self, sink: _Rejects, progress: Progress, err: TextIO) -> None:
        self.counts = ImportProgress()
        self._sink, self._progress, self._err = sink, progress, err
        self._rejected: deque[Rejected] = deque()

    def contacts(self, items: Iterable[Contact | Rejected]) -> Iterator[Contact]:
        """The rows to send; the rejected ones are kept to be reported."""
        for item in items:
            if isinstance(item, Rejected):
                self._rejected.append(item)
            else:
                yield item

    def add(self, result: RowResult) -> None:
        self._write_rejected()
        self.counts.add(result)
        if result.outcome in ("failed", "rejected"):
            reason = f"line {result.row.line}: {result.outcome}: {result.error}"
            self._sink.write(_cells(result.row), reason)
            self._err.write(f"{reason}\n")
        self._progress.update(self.counts.done, _summary(self.counts))

    def finish(self) -> None:
        self._write_rejected()
        self._progress.update(self.counts.done, _summary(self.counts))

    def _write_rejected(self) -> None:
        while self._rejected:
            item = self._rejected.popleft()
            self.counts.rejected += 1
            reason = f"line {item.line}: {item.reason}"
            self._sink.write(item.cells, reason)
            self._err.write(f"{reason}\n")


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
