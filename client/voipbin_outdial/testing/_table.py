"""One kind of the mock's records (or one outdial's targets) in creation order, and its pages.

Lists are **newest first**, as VoIPBIN's databases answer them (``docs/server-behaviour.md``,
rule 9): a page holds the ``page_size`` newest items created strictly before ``page_token``
(``tm_create < token``, compared as times; all of them without a token), and
``next_page_token`` is the last item's ``tm_create`` as
:func:`~voipbin_outdial.timeutil.format_page_token`, ``""`` on an empty page.
"""

from __future__ import annotations

import bisect
import copy
from array import array
from collections.abc import Callable, MutableMapping
from datetime import UTC, datetime, timedelta
from typing import Any, Final, TypeAlias

from ..timeutil import as_utc, format_page_token, parse_timestamp

__all__ = ["EMPTY", "Record", "Stored", "Table", "copied"]

Record: TypeAlias = dict[str, Any]
"""A record as the store hands it out: a plain dict of its own."""
Stored: TypeAlias = MutableMapping[str, Any]
"""A record as the store keeps it: a dict, or a target's :class:`~._row.TargetRow`."""

_EPOCH: Final = datetime(1970, 1, 1, tzinfo=UTC)
_ONE_MICROSECOND: Final = timedelta(microseconds=1)


def copied(record: Stored) -> Record:
    """A deep copy of a stored record as a plain dict (a ``TargetRow`` copies itself as one)."""
    result = copy.deepcopy(record)
    return result if isinstance(result, dict) else dict(result)


def _micros(when: datetime) -> int:
    """``when`` as microseconds since 1970 (UTC): 8 bytes in an array, where a datetime costs
    48 more (one a record, a million records a campaign)."""
    return (as_utc(when, "created") - _EPOCH) // _ONE_MICROSECOND


def _time(micros: int) -> datetime:
    return _EPOCH + micros * _ONE_MICROSECOND


class Table:
    """Records by id, and their ids and creation times in creation order (ascending).

    Args:
        by_id: The records by id, shared with another table that holds them all (an outdial's
            targets look theirs up in the targets' table, which does not keep a second index).
    """

    __slots__ = ("by_id", "created", "ids")

    def __init__(self, by_id: dict[str, Stored] | None = None) -> None:
        self.by_id: dict[str, Stored] = {} if by_id is None else by_id
        self.created = array("q")  # tm_create of each record in microseconds, ascending
        self.ids: list[str] = []  # the ids, in the same order

    def add(self, record: Stored, created: datetime) -> None:
        self.by_id[record["id"]] = record
        self.add_id(record["id"], created)

    def add_id(self, record_id: str, created: datetime) -> None:
        """Add a record already in :attr:`by_id` (a table that shares another's)."""
        micros = _micros(created)
        if self.created and micros < self.created[-1]:  # a campaign event's own time
            index = bisect.bisect_right(self.created, micros)
            self.created.insert(index, micros)
            self.ids.insert(index, record_id)
            return
        self.created.append(micros)
        self.ids.append(record_id)

    def page(
        self, page_size: int, page_token: str | None, keep: Callable[[Stored], bool]
    ) -> tuple[list[Record], str]:
        """Copies of the newest ``page_size`` records ``keep`` keeps that were created before
        ``page_token``, and the next page's token."""
        end = len(self.ids)
        if page_token:
            try:
                bound = parse_timestamp(page_token)
            except ValueError:
                # Not a time: the database cannot compare with it, so nothing comes back.
                return [], ""
            if bound is not None:  # None: the 9999 sentinel, after everything
                end = bisect.bisect_left(self.created, _micros(bound))
        items: list[Record] = []
        last: int | None = None
        for index in range(end - 1, -1, -1):
            record = self.by_id[self.ids[index]]
            if keep(record):
                items.append(copied(record))
                last = self.created[index]
                if len(items) == page_size:
                    break
        return items, "" if last is None else format_page_token(_time(last))


EMPTY: Final = Table()
"""No records (a kind or an outdial nothing was added to yet); never added to."""
