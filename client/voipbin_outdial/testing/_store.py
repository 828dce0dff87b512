"""The mock's state: outplans, outdials and their targets in memory, behind one lock.

Records are kept as the JSON objects the API returns. Every method takes the lock for its whole
read-modify-write and hands out deep copies, so callers (HTTP handlers on any thread or event
loop, the campaign simulation, tests) never share a dict with the store.

Times, as VoIPBIN writes them (``"2022-04-30 17:52:16.484341"``, UTC):

* ``tm_create`` is when the record was made; ``tm_update`` and ``tm_delete`` start as the
  ``"9999-01-01 00:00:00.000000"`` sentinel ("never"), as VoIPBIN stores them.
* An update sets ``tm_update``; a delete sets ``tm_delete`` and ``tm_update`` (VoIPBIN's delete
  query writes both). A deleted record answers 404 and is left out of lists.
* Every time the store hands out is strictly later than the one before (one microsecond later
  if the clock has not moved), so no two records share a ``tm_create`` and paging by
  ``tm_create`` never loses or repeats an item, even with a frozen clock.

Lists are **oldest first** (``tm_create`` ascending), as openapi.yaml says. ``page_token`` is the
``tm_create`` of the last item already seen: a page holds the next ``page_size`` live items whose
``tm_create`` is strictly after it (compared as strings, which for VoIPBIN's fixed-width form is
time order; an empty token starts at the beginning). ``next_page_token`` is the last item's
``tm_create``, or ``""`` for an empty page, so a client stops on an empty page. (VoIPBIN's own
server pages newest first with ``tm_create < token``; the spec promises oldest first, and the
same "strictly beyond the token" rule gives the same no-loss guarantee either way.)
"""

from __future__ import annotations

import bisect
import copy
import threading
import uuid
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any, Final, Literal, TypeAlias

from .._slots import DESTINATION_FIELDS, TRY_COUNT_FIELDS
from ..timeutil import NEVER, as_utc, format_timestamp
from . import _validate as check

__all__ = ["Kind", "MockStore", "ResourceNotFoundError"]

Kind: TypeAlias = Literal["outplan", "outdial", "outdialtarget"]
Record: TypeAlias = dict[str, Any]

NIL_UUID: Final = "00000000-0000-0000-0000-000000000000"
_ONE_MICROSECOND: Final = timedelta(microseconds=1)


class ResourceNotFoundError(LookupError):
    """No live resource of that kind and id (never made, deleted, or under another outdial)."""

    def __init__(self, kind: str, resource_id: str) -> None:
        super().__init__(f"{kind} {resource_id} was not found")
        self.kind = kind
        self.resource_id = resource_id


def _wall_clock() -> datetime:
    return datetime.now(UTC)


class _Table:
    """One kind of record: by id, and the ids in ``tm_create`` order (creation order)."""

    __slots__ = ("by_id", "created", "ids")

    def __init__(self) -> None:
        self.by_id: dict[str, Record] = {}
        self.created: list[str] = []  # tm_create of each record, ascending
        self.ids: list[str] = []  # the ids, in the same order

    def add(self, record: Record) -> None:
        self.by_id[record["id"]] = record
        self.created.append(record["tm_create"])
        self.ids.append(record["id"])


class MockStore:
    """Thread-safe in-memory state of :class:`~voipbin_outdial.testing.VoipbinMock`.

    Args:
        clock: Returns "now" as an aware datetime (naive: UTC); defaults to the wall clock.
            The store never hands out a time earlier than one it handed out before.
        customer_id: The ``customer_id`` written on outplans and outdials.
    """

    def __init__(
        self,
        *,
        clock: Callable[[], datetime] | None = None,
        customer_id: str | None = None,
    ) -> None:
        self._clock = clock or _wall_clock
        self.customer_id = customer_id or str(uuid.uuid4())
        self._lock = threading.RLock()
        self._last: datetime | None = None
        self._tables: dict[Kind, _Table] = {}
        self._targets_by_outdial: dict[str, _Table] = {}
        self.reset()

    # --- time -----------------------------------------------------------------------------

    def current_time(self) -> datetime:
        """The store's "now" (aware UTC) without using it up: never before the last time given."""
        with self._lock:
            now = self._read_clock()
            return now if self._last is None or now > self._last else self._last

    def _read_clock(self) -> datetime:
        return as_utc(self._clock(), "clock()")

    def _stamp(self) -> str:
        """A new time in VoIPBIN's form, strictly after every time handed out before."""
        now = self._read_clock()
        if self._last is not None and now <= self._last:
            now = self._last + _ONE_MICROSECOND
        self._last = now
        return format_timestamp(now)

    def advance_to(self, when: datetime) -> None:
        """Move the store's clock forward to ``when`` (no-op if it is already later)."""
        when = as_utc(when, "when")
        with self._lock:
            if self._last is None or when > self._last:
                self._last = when

    # --- housekeeping ---------------------------------------------------------------------

    def reset(self) -> None:
        """Forget every record (the clock keeps going forward)."""
        with self._lock:
            self._tables = {"outplan": _Table(), "outdial": _Table(), "outdialtarget": _Table()}
            self._targets_by_outdial = {}

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the store's lock (re-entrant) across several calls, for an atomic sequence."""
        with self._lock:
            yield

    # --- generic record operations --------------------------------------------------------

    def _live(self, kind: Kind, resource_id: str) -> Record:
        record = self._tables[kind].by_id.get(resource_id)
        if record is None or record["tm_delete"] != NEVER:
            raise ResourceNotFoundError(kind, resource_id)
        return record

    def get(self, kind: Kind, resource_id: str) -> Record:
        """A copy of the live record.

        Raises:
            ResourceNotFoundError: there is none.
        """
        with self._lock:
            return copy.deepcopy(self._live(kind, resource_id))

    def update(self, kind: Kind, resource_id: str, changes: Mapping[str, Any]) -> Record:
        """Apply ``changes`` to a live record and set its ``tm_update``; returns a copy.

        Raises:
            ResourceNotFoundError: there is no such live record.
        """
        with self._lock:
            record = self._live(kind, resource_id)
            record.update(copy.deepcopy(dict(changes)))
            record["tm_update"] = self._stamp()
            return copy.deepcopy(record)

    def delete(self, kind: Kind, resource_id: str) -> Record:
        """Soft-delete a live record (``tm_delete`` and ``tm_update`` = now); returns a copy.

        Raises:
            ResourceNotFoundError: there is no such live record.
        """
        with self._lock:
            record = self._live(kind, resource_id)
            record["tm_delete"] = record["tm_update"] = self._stamp()
            return copy.deepcopy(record)

    def _new(self, kind: Kind, fields: Mapping[str, Any]) -> Record:
        record: Record = {"id": str(uuid.uuid4()), **copy.deepcopy(dict(fields))}
        record["tm_create"] = self._stamp()
        record["tm_update"] = NEVER
        record["tm_delete"] = NEVER
        self._tables[kind].add(record)
        return record

    @staticmethod
    def _page(
        table: _Table, by_id: Mapping[str, Record], page_size: int, page_token: str | None
    ) -> tuple[list[Record], str]:
        start = 0 if not page_token else bisect.bisect_right(table.created, page_token)
        items: list[Record] = []
        for resource_id in table.ids[start:]:
            record = by_id[resource_id]
            if record["tm_delete"] == NEVER:
                items.append(copy.deepcopy(record))
                if len(items) == page_size:
                    break
        return items, items[-1]["tm_create"] if items else ""

    def list_page(
        self, kind: Literal["outplan", "outdial"], page_size: int, page_token: str | None = None
    ) -> tuple[list[Record], str]:
        """One page of live outplans or outdials, oldest first, and its ``next_page_token``."""
        with self._lock:
            table = self._tables[kind]
            return self._page(table, table.by_id, page_size, page_token)

    # --- the resources --------------------------------------------------------------------

    def create_outplan(self, body: Mapping[str, Any]) -> Record:
        """A new outplan from an ``OutplanCreate`` body (checked as the API checks it); a copy.

        Raises:
            InvalidRequestError: the body breaks the spec (a ValueError).
        """
        fields = check.outplan_create(body)
        with self._lock:
            return copy.deepcopy(self._new("outplan", {"customer_id": self.customer_id, **fields}))

    def create_outdial(self, body: Mapping[str, Any]) -> Record:
        """A new outdial from an ``OutdialCreate`` body (checked as the API checks it); a copy.

        Raises:
            InvalidRequestError: the body breaks the spec (a ValueError).
        """
        fields = check.outdial_create(body)
        with self._lock:
            record = self._new("outdial", {"customer_id": self.customer_id, **fields})
            self._targets_by_outdial[record["id"]] = _Table()
            return copy.deepcopy(record)

    def create_target(self, outdial_id: str, body: Mapping[str, Any]) -> Record:
        """A new idle, never-tried target in a live outdial from an ``OutdialtargetCreate`` body
        (checked as the API checks it); a copy.

        Raises:
            InvalidRequestError: the body breaks the spec (a ValueError).
            ResourceNotFoundError: the outdial is not live.
        """
        fields = check.outdialtarget_create(body)
        with self._lock:
            self._live("outdial", outdial_id)
            record = self._new(
                "outdialtarget",
                {
                    "outdial_id": outdial_id,
                    "name": fields["name"],
                    "detail": fields["detail"],
                    "data": fields["data"],
                    "status": "idle",
                    **{name: fields[name] for name in DESTINATION_FIELDS},
                    **dict.fromkeys(TRY_COUNT_FIELDS, 0),
                },
            )
            self._targets_by_outdial[outdial_id].add(record)
            return copy.deepcopy(record)

    def _live_target(self, outdial_id: str, target_id: str) -> Record:
        self._live("outdial", outdial_id)
        record = self._live("outdialtarget", target_id)
        if record["outdial_id"] != outdial_id:
            raise ResourceNotFoundError("outdialtarget", target_id)
        return record

    def get_target(self, outdial_id: str, target_id: str) -> Record:
        """A copy of a live target of a live outdial.

        Raises:
            ResourceNotFoundError: the outdial or the target is not live, or the target is in
                another outdial.
        """
        with self._lock:
            return copy.deepcopy(self._live_target(outdial_id, target_id))

    def delete_target(self, outdial_id: str, target_id: str) -> Record:
        """Soft-delete a target of a live outdial; returns a copy.

        Raises:
            ResourceNotFoundError: as for :meth:`get_target`.
        """
        with self._lock:
            self._live_target(outdial_id, target_id)
            return self.delete("outdialtarget", target_id)

    def list_targets(
        self, outdial_id: str, page_size: int, page_token: str | None = None
    ) -> tuple[list[Record], str]:
        """One page of a live outdial's live targets, oldest first, and its ``next_page_token``.

        Raises:
            ResourceNotFoundError: the outdial is not live.
        """
        with self._lock:
            self._live("outdial", outdial_id)
            table = self._targets_by_outdial[outdial_id]
            return self._page(table, self._tables["outdialtarget"].by_id, page_size, page_token)

    def targets(self, outdial_id: str) -> list[Record]:
        """Copies of every live target of a live outdial, oldest first (no paging).

        Raises:
            ResourceNotFoundError: the outdial is not live.
        """
        with self._lock:
            return copy.deepcopy(self._live_targets(outdial_id))

    def _live_targets(self, outdial_id: str) -> list[Record]:
        """The live targets themselves, not copies: read them only while holding :meth:`locked`.

        For the campaign simulation (same package), which reads every target once per call.

        Raises:
            ResourceNotFoundError: the outdial is not live.
        """
        with self._lock:
            self._live("outdial", outdial_id)
            table = self._targets_by_outdial[outdial_id]
            by_id = self._tables["outdialtarget"].by_id
            return [
                record for record in (by_id[i] for i in table.ids) if record["tm_delete"] == NEVER
            ]

    def replace_target(self, record: Mapping[str, Any]) -> Record:
        """Store a new state of a live target as given (its ``tm_update`` included).

        For the campaign simulation, which computes the state with
        :func:`voipbin_outdial.dialplan.apply_result`. Only the fields the dialer changes
        (``status``, ``try_count_0..4``, ``tm_update``) are taken.

        Raises:
            ResourceNotFoundError: the target or its outdial is not live.
        """
        with self._lock:
            self.write_target_state(record)
            return copy.deepcopy(self._live_target(record["outdial_id"], record["id"]))

    # --- for the campaign simulation --------------------------------------------------------

    def live_targets_from(self, outdial_id: str, start: int) -> tuple[list[Record], int]:
        """The live targets a live outdial was given from the ``start``-th on (creation order),
        not copies, and how many targets it was given in all (deleted ones included).

        For the campaign simulation, which reads an outdial's targets once and afterwards only
        the ones added since. Read the records only while holding :meth:`locked`.

        Raises:
            ResourceNotFoundError: the outdial is not live.
        """
        with self._lock:
            self._live("outdial", outdial_id)
            ids = self._targets_by_outdial[outdial_id].ids
            by_id = self._tables["outdialtarget"].by_id
            records = [by_id[target_id] for target_id in ids[start:]]
            return [r for r in records if r["tm_delete"] == NEVER], len(ids)

    def live_record(self, kind: Kind, resource_id: str) -> Record:
        """:meth:`get` without the copy: the live record itself, to read only while holding
        :meth:`locked` (the simulation reads the outplan on every run of the engine).

        Raises:
            ResourceNotFoundError: there is none.
        """
        with self._lock:
            return self._live(kind, resource_id)

    def write_target_state(self, record: Mapping[str, Any]) -> None:
        """:meth:`replace_target` without handing back a copy (the simulation writes twice a
        call, and a copy costs more than the rest of the write).

        Raises:
            ResourceNotFoundError: the target or its outdial is not live.
        """
        with self._lock:
            current = self._live_target(record["outdial_id"], record["id"])
            current["status"] = record["status"]
            current["tm_update"] = record["tm_update"]
            for name in TRY_COUNT_FIELDS:
                current[name] = record[name]
