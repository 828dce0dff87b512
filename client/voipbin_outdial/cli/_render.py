"""Tables: rich when it is installed and stdout is a terminal, plain aligned text otherwise."""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import TextIO

from ..models import Address
from ..timeutil import to_milliseconds

Row = Sequence[str]


def render_table(title: str, headers: Row, rows: Sequence[Row], out: TextIO | None = None) -> None:
    """Print ``rows`` under ``headers``; plain aligned columns when ``out`` is not a terminal."""
    stream = out if out is not None else sys.stdout
    if _use_rich(stream):
        _rich_table(title, headers, rows, stream)
    else:
        stream.write(plain_table(title, headers, rows))


def plain_table(title: str, headers: Row, rows: Sequence[Row]) -> str:
    """The table as plain text: a title line, a header, a rule, then one line a row."""
    widths = [len(h) for h in headers]
    for row in rows:
        widths = [max(w, len(cell)) for w, cell in zip(widths, row, strict=True)]

    def line(cells: Row) -> str:
        return "  ".join(cell.ljust(w) for cell, w in zip(cells, widths, strict=True)).rstrip()

    lines = [title, line(headers), line(["-" * w for w in widths])]
    lines += [line(row) for row in rows]
    return "\n".join(lines) + "\n"


def address_text(address: Address | Mapping[str, object] | None) -> str:
    """The dialed address itself (a destination's ``target``), from a model or a dict."""
    if isinstance(address, Address):
        return address.target if isinstance(address.target, str) else ""  # {}: no target
    if isinstance(address, Mapping):
        return str(address.get("target", ""))
    return ""


def utc_text(at: datetime) -> str:
    """``YYYY-MM-DD HH:MM:SS`` in UTC, and ``.mmm`` when there are milliseconds."""
    utc = at.astimezone(UTC)
    text = utc.strftime("%Y-%m-%d %H:%M:%S")
    milliseconds = utc.microsecond // 1000
    return f"{text}.{milliseconds:03d}" if milliseconds else text


def duration_text(span: timedelta) -> str:
    """``H:MM:SS``, and ``.mmm`` when there are milliseconds (``timedelta`` prints microseconds)."""
    seconds, rest = divmod(to_milliseconds(span), 1000)
    text = str(timedelta(seconds=seconds))
    return f"{text}.{rest:03d}" if rest else text


def _use_rich(stream: TextIO) -> bool:
    if not stream.isatty():
        return False
    try:
        import rich  # noqa: F401
    except ImportError:
        return False
    return True


def _rich_table(title: str, headers: Row, rows: Sequence[Row], stream: TextIO) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, title_justify="left")
    for header in headers:
        table.add_column(header)
    for row in rows:
        table.add_row(*row)
    Console(file=stream).print(table)
