"""CSV the tool writes (an export, a rejects file) is safe to open in a spreadsheet, and reads
back exactly.

A cell a spreadsheet would run as a formula ("CSV injection", OWASP:
https://owasp.org/www-community/attacks/CSV_Injection) is neutralized by the defusedcsv library
(3.0.0, its ``_escape``): a cell starting with ``= + - @ | %`` that is not a plain number
(``^-?[0-9,.]+$``) gets a ``'`` in front and each ``|`` becomes ``\\|``. The spreadsheet shows it
as text. That rule alone cannot be undone: ``=1`` and a name that really is ``'=1`` would both be
written ``'=1``. So a cell that starts with ``'`` itself (or with a tab or a carriage return, which
OWASP lists too) gets a ``'`` in front as well: in what the tool writes, a cell starting with
``'`` was always escaped, and :func:`restore` gives the value back exactly.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, Final, Protocol, TextIO

__all__ = ["LINE_END", "RowWriter", "restore", "safe_writer"]

LINE_END: Final = "\r\n"
"""The line ending of every CSV the tool writes: RFC 4180's, and the only one under which
Python 3.11's writer quotes a cell holding a lone carriage return (with ``\n`` it does not, and
the row would not read back)."""

_FORMULA: Final = frozenset("@+-=|%")
"""defusedcsv's first characters of a formula."""
_NUMBER: Final = re.compile(r"^-?[0-9,.]+$")
"""defusedcsv's plain number, left as it is (its pattern as it is, ``$`` included)."""
_OWN: Final = frozenset("'\t\r")
"""The first characters this module escapes on top of defusedcsv's, so that every escape can
be undone."""


class RowWriter(Protocol):
    """What :func:`safe_writer` returns: ``csv.writer``'s ``writerow``."""

    def writerow(self, row: Iterable[str], /) -> Any: ...


class _Writer:
    """defusedcsv's writer, with the cells that start with ``'``, a tab or a CR escaped too."""

    def __init__(self, out: TextIO) -> None:
        try:
            from defusedcsv import csv as defused  # type: ignore[import-untyped]
        except ImportError:  # pragma: no cover - depends on the environment
            raise ImportError(
                "writing CSV safe to open needs the defusedcsv library, which comes with the "
                "'csv' extra: pip install \"voipbin-outdial[csv]\""
            ) from None
        self._writer = defused.writer(out, lineterminator=LINE_END)

    def writerow(self, row: Iterable[str]) -> Any:
        return self._writer.writerow(["'" + c if c[:1] in _OWN else c for c in row])


def safe_writer(out: TextIO) -> RowWriter:
    """A CSV writer (``,``, ``"``, lines ending in ``\\r\\n``) whose cells a spreadsheet
    cannot run."""
    return _Writer(out)


def _escaped(value: str) -> str:
    """What :func:`safe_writer` writes for ``value`` (defusedcsv's rule, then ours)."""
    if value[:1] in _FORMULA and not _NUMBER.match(value):
        return "'" + value.replace("|", "\\|")
    return "'" + value if value[:1] in _OWN else value


def restore(cell: str) -> str:
    """The value :func:`safe_writer` wrote as ``cell``; a cell it would not have written so
    (``'-1``, ``'abc``) is returned as it is."""
    if not cell.startswith("'"):
        return cell
    value = cell[1:]
    if value[:1] not in _OWN:
        value = value.replace("\\|", "|")
    return value if _escaped(value) == cell else cell
