"""The calls a simulated campaign placed, kept as columns; a :class:`CallRecord` is built when
one is read.

A campaign of 1,000,000 targets places about 2.8 million calls. As objects (a ``CallRecord``
with its two datetimes, its UUID and its own address dict) they cost about 480 bytes each; as
columns, about 42 (issue 26; ``bench.simulation`` measures it): two times as microseconds after
the campaign's start, the destination's index, the try, a code for the hangup reason (in
arrays), and two references shared with the mock's store (the target's id text and its
destination dict, which the store never changes in place: an update puts a new dict in the
record).

:class:`CallLog` is the read-only sequence users get: slicing and ``calls[before:]`` give
views of the same columns, and the log only grows, so a view never changes.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any, overload
from uuid import UUID

from ._outcomes import CallRecord, address_dict

__all__ = ["CallColumns", "CallLog"]

_US = timedelta(microseconds=1)


class CallColumns:
    """Every call of one simulation in the order placed, one column a field (append only).

    Args:
        origin: The simulation's start (aware); times are kept as microseconds after it.
    """

    __slots__ = (
        "_addresses",
        "_at",
        "_codes",
        "_ended",
        "_index",
        "_reasons",
        "_target",
        "_try",
        "_why",
        "origin",
    )

    def __init__(self, origin: datetime) -> None:
        self.origin = origin
        self._at = array("q")  # placed, microseconds after origin
        self._ended = array("q")  # hung up, microseconds after origin
        self._index = array("b")  # destination_<index>
        self._try = array("i")  # the try on that destination (1-based)
        self._why = array("i")  # the hangup reason's code in _reasons
        self._target: list[str] = []  # the target's store id (the record's own text)
        self._addresses: list[Any] = []  # the destination as the target held it (the store's)
        self._reasons: list[str | None] = [None]  # code -> hangup reason (None: refused)
        self._codes: dict[str | None, int] = {None: 0}

    def __len__(self) -> int:
        # The column appended last: a call counts once all of its columns hold it (a view
        # may be taken on another thread while a campaign runs).
        return len(self._addresses)

    def append(
        self,
        at: datetime,
        target: str,
        index: int,
        address: Mapping[str, Any] | object,
        try_number: int,
        hangup_reason: str | None,
        ended_at: datetime,
    ) -> int:
        """Keep one call; its row number. ``address`` is kept, not copied: it must not change."""
        code = self._codes.get(hangup_reason)
        if code is None:
            code = self._codes[hangup_reason] = len(self._reasons)
            self._reasons.append(hangup_reason)
        origin = self.origin
        self._at.append((at - origin) // _US)
        self._ended.append((ended_at - origin) // _US)
        self._index.append(index)
        self._try.append(try_number)
        self._why.append(code)
        self._target.append(target)
        self._addresses.append(address)  # last: see __len__
        return len(self._addresses) - 1

    def hangup_reason(self, row: int) -> str | None:
        """The hangup reason of call ``row`` (``None``: refused), without building the record."""
        return self._reasons[self._why[row]]

    def record(self, row: int) -> CallRecord:
        """Call ``row`` as a new :class:`CallRecord` (its address a new dict)."""
        origin = self.origin
        return CallRecord(
            origin + timedelta(microseconds=self._at[row]),
            UUID(self._target[row]),
            self._index[row],
            address_dict(self._addresses[row]),
            self._try[row],
            self._reasons[self._why[row]],
            origin + timedelta(microseconds=self._ended[row]),
        )


class CallLog(Sequence[CallRecord]):
    """Calls a simulated campaign placed, in the order placed: a read-only sequence of
    :class:`CallRecord` (what :meth:`VoipbinMock.run_campaign` and
    :meth:`Campaign.run` return).

    Each record is built when it is read, so ``calls[0] is calls[0]`` is false, but the two are
    equal; the log keeps the calls as columns (about 42 bytes a call, where a list of records
    takes about 480). ``list(calls)`` gives the records as a list. It equals a list or tuple of
    the same records; a slice is another ``CallLog``.
    """

    __slots__ = ("_columns", "_start", "_stop")

    def __init__(self, columns: CallColumns, start: int = 0, stop: int | None = None) -> None:
        self._columns = columns
        self._start = start
        self._stop = len(columns) if stop is None else stop

    def __len__(self) -> int:
        return self._stop - self._start

    @overload
    def __getitem__(self, index: int) -> CallRecord: ...
    @overload
    def __getitem__(self, index: slice) -> CallLog: ...
    def __getitem__(self, index: int | slice) -> CallRecord | CallLog:
        rows = range(self._start, self._stop)
        if isinstance(index, slice):
            picked = rows[index]
            if picked.step == 1:
                return CallLog(self._columns, picked.start, max(picked.start, picked.stop))
            raise ValueError("a CallLog slices with step 1 only; use list(calls)[...]")
        return self._columns.record(rows[index])

    def __iter__(self) -> Iterator[CallRecord]:
        record = self._columns.record
        for row in range(self._start, self._stop):
            yield record(row)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, CallLog | list | tuple):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]  # equal to lists, which do not hash

    def __repr__(self) -> str:
        return f"CallLog({list(self)!r})" if len(self) <= 5 else f"<CallLog of {len(self)} calls>"
