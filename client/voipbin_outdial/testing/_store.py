"""The mock's state: outplans, outdials and their targets in memory, behind one lock.

Records are kept as the JSON objects the API returns, with the fields in the order VoIPBIN's Go
structs give them: dicts, except targets, a million in a large campaign, which are kept as
slotted :class:`~._row.TargetRow` mappings, and addresses, kept read-only (``_bind``). Every
method takes the lock for its whole read-modify-write and hands out deep copies, plain dicts all
through, so callers (HTTP handlers on any thread or event loop, the campaign simulation, tests)
never share a record with the store.

What the server's handlers and databases do (``docs/server-behaviour.md`` cites the code):

* Times are written as today's server writes them (:func:`~voipbin_outdial.timeutil.
  format_timestamp`: RFC 3339, ``Z``, the fraction trimmed). A new outplan or outdial has
  ``tm_update`` and ``tm_delete`` ``null``; a new target has ``tm_update`` equal to
  ``tm_create``. An update sets ``tm_update``; a delete sets ``tm_delete`` and ``tm_update``.
* A deleted record is kept and still answers by id (get, update, delete again); outplan and
  outdial lists still hold it, target lists leave it out.
* Every time the store hands out is strictly later than the one before (one microsecond later
  if the clock has not moved: :class:`~._clock.Timeline`), so no two records share a
  ``tm_create`` and paging by ``tm_create`` never loses or repeats an item, even with a frozen
  clock.
* Lists are **newest first** (:mod:`._table`).

The store knows no resource's fields: the operations' handlers (:mod:`._operations`) build each
record and its changes; the public :class:`~._mockstore.MockStore` adds ``create_outplan`` and
friends, which run those handlers directly (so this module does not import them).

:meth:`RecordStore.get`, :meth:`RecordStore.get_target`, :meth:`RecordStore.targets` and friends
work on *live* records only and raise :class:`ResourceNotFoundError` for a deleted one. The HTTP
layer reads records in any state with :meth:`RecordStore.find`; so does the campaign simulation
(``_simulation``), through :meth:`RecordStore.stored`, :meth:`RecordStore.targets_from` and
:meth:`RecordStore.write_target_state`, since VoIPBIN's engine never looks at ``tm_delete``.
"""

from __future__ import annotations

import copy
import threading
import uuid
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime
from typing import Any, Literal, TypeAlias, get_args

from ..timeutil import format_timestamp, is_deleted
from ._clock import Timeline
from ._row import write, write_state
from ._table import EMPTY, Record, Stored, Table, copied

__all__ = ["Kind", "Record", "RecordStore", "ResourceNotFoundError", "Stored"]

Kind: TypeAlias = Literal["outplan", "outdial", "outdialtarget", "campaign", "campaigncall"]


class ResourceNotFoundError(LookupError):
    """No such resource: never made (or, where only live ones count, deleted; or a target of
    another outdial)."""

    def __init__(self, kind: str, resource_id: str) -> None:
        super().__init__(f"{kind} {resource_id} was not found")
        self.kind = kind
        self.resource_id = resource_id


def _is_live(record: Mapping[str, Any]) -> bool:
    return not is_deleted(record)


class RecordStore:
    """Thread-safe in-memory records of :class:`~voipbin_outdial.testing.VoipbinMock` (the
    public :class:`~._mockstore.MockStore` adds the create operations).

    Args:
        clock: Returns "now" as an aware datetime (naive: UTC); defaults to the wall clock.
            The store never hands out a time earlier than one it handed out before.
        customer_id: The customer that owns outplans and outdials made without naming one.
    """

    def __init__(
        self,
        *,
        clock: Callable[[], datetime] | None = None,
        customer_id: str | None = None,
    ) -> None:
        self._times = Timeline(clock)
        self.customer_id = customer_id or str(uuid.uuid4())
        self._lock = threading.RLock()
        self._tables: dict[str, Table] = {}  # kind -> its records
        self._children: dict[str, Table] = {}  # an outdial's id -> its targets
        self.reset()

    # --- time -----------------------------------------------------------------------------

    def current_time(self) -> datetime:
        """The store's "now" (aware UTC) without using it up: never before the last time given."""
        with self._lock:
            return self._times.current()

    def advance_to(self, when: datetime) -> None:
        """Move the store's clock forward to ``when`` (no-op if it is already later)."""
        with self._lock:
            self._times.advance_to(when)

    # --- housekeeping ---------------------------------------------------------------------

    def reset(self) -> None:
        """Forget every record (the clock keeps going forward)."""
        with self._lock:
            self._tables = {}
            self._children = {}

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the store's lock (re-entrant) across several calls, for an atomic sequence."""
        with self._lock:
            yield

    # --- records in any state (the API) -----------------------------------------------------

    def _any(self, kind: Kind, resource_id: str) -> Stored:
        record = self._tables.get(kind, EMPTY).by_id.get(resource_id)
        if record is None:
            raise ResourceNotFoundError(kind, resource_id)
        return record

    def _table(self, kind: str) -> Table:
        return self._tables.get(kind, EMPTY)

    def find(self, kind: Kind, resource_id: str) -> Record:
        """A copy of the record, deleted or not (as the API answers a GET by id).

        Raises:
            ResourceNotFoundError: no record of that kind has this id.
        """
        with self._lock:
            return copied(self._any(kind, resource_id))

    def stored(self, kind: Kind, resource_id: str) -> Mapping[str, Any]:
        """:meth:`find` without the copy: the record itself, deleted or not, to read only while
        holding :meth:`locked` (a create operation applied directly looks its parent up). A
        mapping: a dict, or a target's :class:`~._row.TargetRow`.

        Raises:
            ResourceNotFoundError: no record of that kind has this id.
        """
        with self._lock:
            return self._any(kind, resource_id)

    def insert(
        self,
        kind: Kind,
        record: Stored,
        *,
        parent: str | None = None,
        update_time: bool = False,
        at: datetime | None = None,
    ) -> Record:
        """Store a new record (its fields in their JSON order), stamped with the times last:
        ``tm_create`` now, ``tm_update`` now with ``update_time`` (a target) else ``null``,
        ``tm_delete`` ``null``. Returns a copy.

        Args:
            parent: The id of the record it belongs to (a target's outdial), for its lists.
            at: Its ``tm_create`` instead of now (the time of a campaign's event).
        """
        with self._lock:
            created = self._times.next() if at is None else at
            stamp = format_timestamp(created)
            record["tm_create"] = stamp
            record["tm_update"] = stamp if update_time else None
            record["tm_delete"] = None
            table = self._tables.setdefault(kind, Table())
            table.add(record, created)
            if parent is not None:  # its ids in order; the records stay in the kind's table
                self._children.setdefault(parent, Table(table.by_id)).add_id(record["id"], created)
            return copied(record)

    def update(
        self,
        kind: Kind,
        resource_id: str,
        changes: Mapping[str, Any],
        *,
        deleted: bool = False,
        at: datetime | None = None,
    ) -> Record:
        """Apply ``changes`` and set ``tm_update``; returns a copy.

        Args:
            deleted: Update a deleted record too (the API does).
            at: The ``tm_update`` instead of now (the time of a campaign's event).

        Raises:
            ResourceNotFoundError: no such record (or it is deleted and ``deleted`` is false).
            KeyError: a change names a field a target does not have (nothing is written).
        """
        with self._lock:
            record = self._any(kind, resource_id) if deleted else self._live(kind, resource_id)
            write(record, copy.deepcopy(dict(changes)))
            record["tm_update"] = format_timestamp(self._times.next() if at is None else at)
            return copied(record)

    def delete(self, kind: Kind, resource_id: str, *, deleted: bool = False) -> Record:
        """Soft-delete: ``tm_delete`` and ``tm_update`` become now; returns a copy.

        Args:
            deleted: Delete a deleted record again, which sets both times again (the API does).

        Raises:
            ResourceNotFoundError: no such record (or it is deleted and ``deleted`` is false).
        """
        with self._lock:
            record = self._any(kind, resource_id) if deleted else self._live(kind, resource_id)
            record["tm_update"] = record["tm_delete"] = format_timestamp(self._times.next())
            return copied(record)

    def list_page(
        self,
        kind: Kind,
        page_size: int,
        page_token: str | None = None,
        *,
        customer_id: str | None = None,
        keep: Callable[[Mapping[str, Any]], bool] | None = None,
    ) -> tuple[list[Record], str]:
        """One page of the records of a kind, newest first, deleted ones included, and its
        ``next_page_token``: only ``customer_id``'s (all when ``None``), or those ``keep`` keeps.
        """
        with self._lock:
            return self._table(kind).page(
                page_size,
                page_token,
                keep
                or (lambda record: customer_id is None or record["customer_id"] == customer_id),
            )

    def list_targets(
        self, outdial_id: str, page_size: int, page_token: str | None = None
    ) -> tuple[list[Record], str]:
        """One page of an outdial's targets that are not deleted, newest first, and its
        ``next_page_token``. The outdial itself may be deleted.

        Raises:
            ResourceNotFoundError: there is no such outdial.
        """
        with self._lock:
            self._any("outdial", outdial_id)
            return self._children.get(outdial_id, EMPTY).page(page_size, page_token, _is_live)

    # --- live records (the campaign simulation) ---------------------------------------------

    def _live(self, kind: Kind, resource_id: str) -> Stored:
        record = self._any(kind, resource_id)
        if not _is_live(record):
            raise ResourceNotFoundError(kind, resource_id)
        return record

    def get(self, kind: Kind, resource_id: str) -> Record:
        """A copy of the record if it is not deleted.

        Raises:
            ResourceNotFoundError: there is none, or it is deleted.
        """
        with self._lock:
            return copied(self._live(kind, resource_id))

    def _live_target(self, outdial_id: str, target_id: str) -> Stored:
        self._live("outdial", outdial_id)
        record = self._live("outdialtarget", target_id)
        if record["outdial_id"] != outdial_id:
            raise ResourceNotFoundError("outdialtarget", target_id)
        return record

    def get_target(self, outdial_id: str, target_id: str) -> Record:
        """A copy of a live target of a live outdial.

        Raises:
            ResourceNotFoundError: the outdial or the target is deleted or not there, or the
                target is in another outdial.
        """
        with self._lock:
            return copied(self._live_target(outdial_id, target_id))

    def delete_target(self, outdial_id: str, target_id: str) -> Record:
        """Soft-delete a live target of a live outdial; returns a copy.

        Raises:
            ResourceNotFoundError: as for :meth:`get_target`.
        """
        with self._lock:
            self._live_target(outdial_id, target_id)
            return self.delete("outdialtarget", target_id)

    def targets(self, outdial_id: str) -> list[Record]:
        """Copies of every live target of a live outdial, oldest first (no paging).

        Raises:
            ResourceNotFoundError: the outdial is deleted or not there.
        """
        with self._lock:
            self._live("outdial", outdial_id)
            table = self._children.get(outdial_id, EMPTY)
            records = (table.by_id[target_id] for target_id in table.ids)
            return [copied(record) for record in records if _is_live(record)]

    def targets_from(self, outdial_id: str, start: int) -> tuple[list[Mapping[str, Any]], int]:
        """The targets an outdial was given from the ``start``-th on (creation order), deleted
        ones and those of a deleted outdial included, not copies (:class:`~._row.TargetRow`);
        and how many in all.

        For the campaign simulation, which reads an outdial's targets once and afterwards only
        the ones added since. VoIPBIN's "available targets" query looks at neither the
        target's nor the outdial's ``tm_delete``. Read the records only while holding
        :meth:`locked`.

        Raises:
            ResourceNotFoundError: the outdial was never made (or the store was reset).
        """
        with self._lock:
            self._any("outdial", outdial_id)
            table = self._children.get(outdial_id, EMPTY)
            return [table.by_id[target_id] for target_id in table.ids[start:]], len(table.ids)

    def replace_target(self, record: Mapping[str, Any]) -> Record:
        """Set a live target's dialer state as given, as a test would set it up; returns a copy.

        Only the fields the dialer changes (``status``, ``try_count_0..4``, ``tm_update``) are
        taken (a state from :func:`voipbin_outdial.dialplan.apply_call_start` or
        :func:`~voipbin_outdial.dialplan.apply_hangup`, say).

        Raises:
            ResourceNotFoundError: the target or its outdial is not live.
        """
        with self._lock:
            current = self._live_target(record["outdial_id"], record["id"])
            self.write_target_state(record)
            return copied(current)

    def write_target_state(self, record: Mapping[str, Any]) -> None:
        """Store what the dialer changes in a target of this outdial, deleted or not, as
        VoIPBIN's engine does (its updates look only at the id); no copy handed back (the
        simulation writes twice a call, and a copy costs more than the rest of the write).

        Raises:
            ResourceNotFoundError: no such target in that outdial (or the store was reset).
        """
        with self._lock:
            current = self._any("outdialtarget", record["id"])
            if current["outdial_id"] != record["outdial_id"]:
                raise ResourceNotFoundError("outdialtarget", record["id"])
            write_state(current, record)

    # --- counts (GET /_mock/state) -----------------------------------------------------------

    def counts(self) -> dict[Kind, dict[str, Any]]:
        """How many records of each kind there are (deleted ones included) and how many of them
        are deleted; for targets also ``by_status``, the targets not deleted by status."""
        with self._lock:
            counts: dict[Kind, dict[str, Any]] = {}
            for kind in get_args(Kind):
                table = self._table(kind)
                deleted = sum(not _is_live(record) for record in table.by_id.values())
                counts[kind] = {"total": len(table.by_id), "deleted": deleted}
            targets = self._table("outdialtarget").by_id.values()
            statuses = Counter(str(r["status"]) for r in targets if _is_live(r))
            counts["outdialtarget"]["by_status"] = dict(sorted(statuses.items()))
            return counts
