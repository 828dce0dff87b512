"""The rows of a contact list as people have them, each with its line number, or why it cannot
be read; nothing dropped silently, no cell quoted whole.

* The header's names are matched ignoring case and the spaces around them (``Name``, ``
  DETAIL ``); the delimiter is ``,``, ``;`` (a spreadsheet's in much of Europe) or a tab, the one
  the header line holds most of, unless given.
* A row whose cells are all blank is skipped, as a blank line is: it holds nothing to lose.
* A row is refused, naming its column, for a cell over the ``csv`` module's field limit (the
  rows after it are still read), a control character (NUL, a tab, a line break ...) in a
  column that is read, or cells past the header's columns.
* A reason quotes at most :data:`QUOTED` characters of a cell (:func:`quote`).
"""

from __future__ import annotations

import csv
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain
from typing import Final, Protocol

import attrs

__all__ = ["DELIMITERS", "FIELD_LIMIT", "QUOTED", "Row", "normalize", "quote", "read_rows"]

DELIMITERS: Final = (",", ";", "\t")
FIELD_LIMIT: Final = csv.field_size_limit()
"""The longest cell the ``csv`` module reads (131,072 characters); a longer one refuses its row."""
QUOTED: Final = 40
"""At most this many characters of a cell are quoted in a reason."""


def quote(cell: str) -> str:
    """``cell`` for a message: its repr, cut to :data:`QUOTED` characters with its length said."""
    if len(cell) <= QUOTED:
        return repr(cell)
    return f"{cell[:QUOTED]!r}... ({len(cell):,} characters)"


def normalize(name: str) -> str:
    """A header's column name as it is matched: no surrounding spaces (nor a byte order mark
    left by a file opened as plain UTF-8), lower case."""
    return name.strip().lstrip("\ufeff").strip().lower()


@attrs.frozen
class Row:
    """A row's cells by column name and its line (the header is 1), or ``problem``: why it
    cannot be read, naming the column."""

    line: int
    cells: dict[str, str]
    problem: str | None = None


def _sniff(header: str) -> str:
    """The delimiter the header line holds most of (``,`` when none)."""
    return max(DELIMITERS, key=header.count) if header else ","


class _Lines:
    """The lines given to the ``csv`` reader, remembering the last (to find an oversize cell)
    and how many ``"`` the current row's lines held (odd: a quoted cell is still open)."""

    def __init__(self, lines: Iterator[str]) -> None:
        self._lines = lines
        self.last = ""
        self.quotes = 0
        self.skipped = 0

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        self.last = next(self._lines)
        self.quotes += self.last.count('"')
        return self.last

    def close_quote(self) -> None:
        """Skip the rest of a quoted cell the reader gave up on, to the line that closes it
        (so that its lines are not read as rows)."""
        while self.quotes % 2:
            if next(self, None) is None:
                return
            self.skipped += 1


class _Reader(Protocol):
    """``csv.reader``'s object: its rows, and how many lines it has read."""

    line_num: int

    def __next__(self) -> list[str]: ...


def _control(cell: str) -> str | None:
    """The first control character in ``cell`` (Unicode category Cc), if any."""
    return next((c for c in cell if unicodedata.category(c) == "Cc"), None)


def read_rows(
    lines: Iterable[str], *, read: Sequence[str], delimiter: str | None = None
) -> tuple[list[str], Iterator[Row]]:
    """The header's column names (normalized) and the rows after it.

    ``read`` names the columns whose cells are used: only those are checked for control
    characters. ``ValueError`` for a column named twice, or a header the ``csv`` reader refuses
    (a cell over its field limit, say: there is no header to read the rows by).
    """
    source = iter(lines)
    first = next(source, "")
    sep = delimiter or _sniff(first)
    feed = _Lines(chain([first], source))
    reader = csv.reader(feed, delimiter=sep)
    try:
        header = [normalize(name) for name in next(reader, [])]
    except csv.Error as exc:
        raise ValueError(f"line 1: {_unreadable(exc, feed.last, [], sep)} (the header)") from None
    for name in set(read) & set(header):
        if header.count(name) > 1:
            at = [str(n + 1) for n, c in enumerate(header) if c == name]
            raise ValueError(
                f"the column {name!r} is in the header twice (columns {' and '.join(at)})"
            )
    return header, _rows(reader, feed, header, read, sep)


def _rows(
    reader: _Reader, feed: _Lines, header: list[str], read: Sequence[str], sep: str
) -> Iterator[Row]:
    while True:
        feed.quotes = 0
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:  # the reader starts afresh on the next line
            line_num = reader.line_num + feed.skipped
            yield Row(line_num, {}, _unreadable(exc, feed.last, header, sep))
            feed.close_quote()
            continue
        line_num = reader.line_num + feed.skipped
        if not any(cell.strip() for cell in record):
            continue
        cells = dict(zip(header, record, strict=False))
        yield Row(line_num, cells, _problem(record, header, cells, read))


def _problem(
    record: list[str], header: list[str], cells: dict[str, str], read: Sequence[str]
) -> str | None:
    extra = [(n, cell) for n, cell in enumerate(record[len(header) :], len(header)) if cell.strip()]
    if extra:
        n, cell = extra[0]
        return f"column {n + 1}: {quote(cell)} is past the header's {len(header)} columns"
    for name in read:
        control = _control(cells.get(name, ""))
        if control is not None:
            return (
                f"{name}: {quote(cells[name])} holds a control character "
                f"(U+{ord(control):04X}), which is refused"
            )
    return None


def _unreadable(exc: csv.Error, line: str, header: list[str], sep: str) -> str:
    """Why the ``csv`` reader refused a row, naming the column where it can tell."""
    if "field larger than field limit" not in str(exc):
        return f"the row cannot be read as CSV ({exc})"
    pieces = line.split(sep)
    n = next((n for n, piece in enumerate(pieces) if len(piece) > FIELD_LIMIT), None)
    names = [*header, *(f"column {k + 1}" for k in range(len(header), len(pieces)))]
    column = "a cell" if n is None else names[n]
    return f"{column}: over {FIELD_LIMIT:,} characters, the longest cell read"
