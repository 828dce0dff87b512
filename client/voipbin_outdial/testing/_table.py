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
from collections.abc import Callable
from datetime import datetime
from typing import Any, Final, TypeAlias

from ..timeutil import format_page_token, parse_timestamp

__all__ = ["EMPTY", "Record", "Table"]

Record: TypeAlias = dict[str, Any]


class Table:
    """Records by id, and their ids and creation times in creation order (ascending)."""

    __slots__ = ("by_id", "created", "ids")

    def __init__(self) -> None:
        self.by_id: dict[str, Record] = {}
        self.created: list[datetime] = []  # tm_create of each record, ascending
        self.ids: list[str] = []  # the ids, in the same order

    def add(self, record: Record, created: datetime) -> None:
        self.by_id[record["id"]] = record
        if self.created and created < self.created[-1]:  # a campaign event's own time
            index = bisect.bisect_right(self.created, created)
            self.created.insert(index, created)
            self.ids.insert(index, record["id"])
            return
        self.created.append(created)
        self.ids.append(record["id"])

    def page(
        self, page_size: int, page_token: str | None, keep: Callable[[Record], bool]
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
                end = bisect.bisect_left(self.created, bound)
        items: list[Record] = []
        last: datetime | None = None
        for index in range(end - 1, -1, -1):
            record = self.by_id[self.ids[index]]
            if keep(record):
                items.append(copy.deepcopy(record))
                last = self.created[index]
                if len(items) == page_size:
                    break
        return items, "" if last is None else format_page_token(last)


EMPTY: Final = Table()
"""No records (a kind or an outdial nothing was added to yet); never added to."""
