"""Pure dial-order helpers: which destination VoIPBIN's campaign dials next, and when (no I/O).

The rules, as VoIPBIN's campaign engine applies them to an outdial's targets under an outplan:

* A target is *available* when its ``status`` is ``idle`` and some destination ``i`` is not null
  with ``try_count_i < max_try_count_i``. For such a target the campaign dials the first such
  ``i`` in index order, as try number ``try_count_i + 1``.
* Among available targets the least recently updated goes first (``tm_update`` ascending, or
  ``tm_create`` for a target whose ``tm_update`` is null or the 9999 sentinel); ties by ``id``.
* A target never tried (``tm_update`` null, the sentinel, or equal to ``tm_create``) may be dialed
  at once; otherwise not before ``tm_update + try_interval``.
* Dialing makes it ``progressing`` and adds one to ``try_count_i``; an answered call makes it
  ``done``, a failed one ``idle`` again with ``tm_update`` = when the call ended
  (:func:`apply_result`).

Every function takes targets and outplans either as JSON dicts (as the API returns them) or as the
models of :mod:`voipbin_outdial.models`; absent (``UNSET``) fields count as null. Time enters only
as a parameter (``now``, ``start``, ``at``): nothing here reads the clock. Times are aware UTC
datetimes; a naive datetime passed in is taken to be UTC. Conversions go through
:mod:`voipbin_outdial.timeutil`.

Bad input is a :class:`ValueError` whose message names the field: a missing outplan field, a
count that is not a non-negative int, or a ``try_count_i`` above ``max_try_count_i``.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from enum import Enum
from functools import partial
from operator import attrgetter, itemgetter
from typing import Any, Final, TypeAlias, overload
from uuid import UUID

import attrs

from ._generated.types import UNSET, Unset
from ._slots import DESTINATION_FIELDS, MAX_TRY_COUNT_FIELDS, SLOTS, TRY_COUNT_FIELDS
from .models import Address, Outdialtarget, OutdialtargetStatus, Outplan
from .timeutil import (
    EPOCH,
    NEVER,
    as_utc,
    format_legacy_timestamp,
    format_timestamp,
    parse_timestamp,
    to_timedelta,
)

__all__ = [
    "DialAttempt",
    "ScheduledAttempt",
    "apply_result",
    "dial_order",
    "is_available",
    "is_dialable",
    "next_attempt",
    "next_dial_time",
    "remaining_attempts",
    "schedule",
]

TargetLike: TypeAlias = Mapping[str, Any] | Outdialtarget
"""An outdialtarget: a JSON dict as the API returns it, or the model."""
OutplanLike: TypeAlias = Mapping[str, Any] | Outplan
"""An outplan: a JSON dict as the API returns it, or the model."""
AddressLike: TypeAlias = Address | Mapping[str, Any]
"""A destination as the target holds it: an address dict or the Address model."""


@attrs.frozen
class DialAttempt:
    """One call the campaign would place: destination ``index`` of a target, as try ``try_number``.

    ``address`` is the destination object as the target holds it (a dict or an Address model);
    ``try_number`` is 1-based (``try_count_<index> + 1``).
    """

    target_id: str
    index: int
    address: AddressLike
    try_number: int


class _ScheduledAttemptSlots:
    # ScheduledAttempt's slots, settable: dial_order fills one of these per entry, then makes it
    # a ScheduledAttempt (see the comment above dial_order). The slots are declared here, so the
    # two classes have the same layout: attrs reuses them and adds none.
    __slots__ = ("__weakref__", "address", "at", "index", "target_id", "try_number")
    target_id: str
    index: int
    address: AddressLike
    try_number: int
    at: datetime


@attrs.frozen
class ScheduledAttempt(_ScheduledAttemptSlots):
    """One call the campaign would place and the earliest time (aware UTC) it may be placed.

    The fields of a :class:`DialAttempt` (``target_id``, ``index``, ``address``,
    ``try_number``) plus ``at``, in one flat object; :attr:`attempt` gives the
    :class:`DialAttempt` itself.
    """

    target_id: str
    index: int
    address: AddressLike
    try_number: int
    at: datetime

    @property
    def attempt(self) -> DialAttempt:
        """The call, without its time: ``DialAttempt(target_id, index, address, try_number)``."""
        return DialAttempt(self.target_id, self.index, self.address, self.try_number)


def _scheduled(attempt: DialAttempt, at: datetime) -> ScheduledAttempt:
    return ScheduledAttempt(
        attempt.target_id, attempt.index, attempt.address, attempt.try_number, at
    )


# --- reading the inputs -----------------------------------------------------------------------

_PLAN_FIELDS: Final = ("dial_timeout", "try_interval", *MAX_TRY_COUNT_FIELDS)

# One C call reads every field the rules look at, in this order.
_ROW_FIELDS: Final = (
    "status",
    "id",
    "tm_update",
    "tm_create",
    *(name for pair in zip(DESTINATION_FIELDS, TRY_COUNT_FIELDS, strict=True) for name in pair),
)
_dict_row = itemgetter(*_ROW_FIELDS)
_model_row = attrgetter(*_ROW_FIELDS)

_IDLE: Final = "idle"
_EPOCH_KEY: Final = format_legacy_timestamp(EPOCH)
# The characters at 4, 7, 10, 13, 16 and 19 of "YYYY-MM-DD HH:MM:SS.ffffff" (value[4:20:3]). A
# 26-character string with them that fromisoformat reads is in VoIPBIN's form, and strings in that
# form sort in time order (ISO week dates, a comma before the fraction, "T" or a zone are not).
_WIRE_SEPARATORS: Final = "-- ::."

_Row: TypeAlias = tuple[Any, ...]


@attrs.frozen
class _Plan:
    maxes: tuple[int, int, int, int, int]
    dial_timeout: timedelta
    try_interval: timedelta


def _read_plan(outplan: OutplanLike) -> _Plan:
    """Read and check an outplan's dial settings once."""
    if isinstance(outplan, Mapping):
        values = [outplan.get(name) for name in _PLAN_FIELDS]
    else:
        values = [getattr(outplan, name, None) for name in _PLAN_FIELDS]
    checked: list[int] = []
    for name, value in zip(_PLAN_FIELDS, values, strict=True):
        if value is None or isinstance(value, Unset):
            raise ValueError(f"outplan is missing {name!r}")
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"outplan {name!r} must be an int, got {value!r}")
        if value < 0:
            raise ValueError(f"outplan {name!r} must not be negative, got {value}")
        checked.append(int(value))
    dial_timeout, try_interval, m0, m1, m2, m3, m4 = checked
    return _Plan((m0, m1, m2, m3, m4), to_timedelta(dial_timeout), to_timedelta(try_interval))


def _row(target: TargetLike) -> _Row:
    """The fields of :data:`_ROW_FIELDS`, ``None`` for any that is absent."""
    if isinstance(target, Mapping):
        if type(target) is dict:
            try:
                row: _Row = _dict_row(target)
                return row
            except KeyError:
                pass
        return tuple(target.get(name) for name in _ROW_FIELDS)
    try:
        row = _model_row(target)
        return row
    except AttributeError:
        return tuple(getattr(target, name, None) for name in _ROW_FIELDS)


def _target_id(value: object) -> str:
    if type(value) is str:
        return value
    if value is None or isinstance(value, Unset):
        raise ValueError("outdialtarget is missing 'id'")
    return str(value)  # a UUID on the model


def _present(destination: object) -> bool:
    return destination is not None and not isinstance(destination, Unset)


def _count(label: str, index: int, value: object, maximum: int | None) -> int:
    """Check ``try_count_<index>`` (against ``maximum`` unless None); the message names it."""
    name = TRY_COUNT_FIELDS[index]
    if value is None or isinstance(value, Unset):
        raise ValueError(f"outdialtarget {label} is missing {name!r}")
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"outdialtarget {label}: {name!r} must be an int, got {value!r}")
    if value < 0:
        raise ValueError(f"outdialtarget {label}: {name!r} must not be negative, got {value}")
    if maximum is not None and value > maximum:
        raise ValueError(
            f"outdialtarget {label}: {name!r} is {value}, above the outplan's"
            f" {MAX_TRY_COUNT_FIELDS[index]!r} of {maximum}"
        )
    return int(value)


def _label(raw_id: object) -> str:
    return repr(str(raw_id)) if _present(raw_id) else "(no id)"


def _slots(row: _Row, maxes: tuple[int, ...]) -> list[tuple[AddressLike | None, int]]:
    """Every slot as (destination or None, checked try count)."""
    label = _label(row[1])
    slots: list[tuple[AddressLike | None, int]] = []
    for i in range(SLOTS):
        destination = row[4 + 2 * i]
        count = _count(label, i, row[5 + 2 * i], maxes[i])
        slots.append((destination if _present(destination) else None, count))
    return slots


def _first(row: _Row, maxes: tuple[int, ...]) -> DialAttempt | None:
    for i, (destination, count) in enumerate(_slots(row, maxes)):
        if destination is not None and count < maxes[i]:
            return DialAttempt(_target_id(row[1]), i, destination, count + 1)
    return None


def _is_idle(status: object) -> bool:
    # A str (dict) or an OutdialtargetStatus (a StrEnum, so it compares as its value).
    return isinstance(status, str) and status == _IDLE


def _stamp(field: str, raw_id: object, value: object) -> tuple[datetime, str] | None:
    """Parse a timestamp field into (aware UTC datetime, sort key in the docs' fixed-width form);
    None for never."""
    if (
        type(value) is str
        and len(value) == 26
        and value[4:20:3] == _WIRE_SEPARATORS
        and value[0] != "9"  # the 9999 sentinel takes parse_timestamp
    ):
        # Already VoIPBIN's "YYYY-MM-DD HH:MM:SS.ffffff" (naive UTC): it is its own sort key.
        try:
            return datetime.fromisoformat(value + "+00:00"), value
        except ValueError:
            pass  # let parse_timestamp word the error
    try:
        dt = parse_timestamp(value)  # type: ignore[arg-type]
    except (ValueError, TypeError) as exc:
        raise ValueError(f"outdialtarget {_label(raw_id)}: {field!r}: {exc}") from None
    if dt is None:
        return None
    return dt, format_legacy_timestamp(dt)


def _looks_like_wire_form(value: object) -> bool:
    return type(value) is str and len(value) == 26 and value[10] == " "


def _base(row: _Row, interval: timedelta) -> tuple[datetime, str]:
    """(earliest dial time ignoring ``now``, sort key time) of an available target."""
    tm_update, tm_create = row[2], row[3]
    if tm_update in (None, UNSET, "", NEVER, tm_create):
        updated = None
    else:
        updated = _stamp("tm_update", row[1], tm_update)
        if updated is not None and (
            # tm_create is tm_update in VoIPBIN's form, or the same instant written another way
            updated[1] == tm_create
            or (
                not _looks_like_wire_form(tm_create)
                and (created := _stamp("tm_create", row[1], tm_create)) is not None
                and created[0] == updated[0]
            )
        ):
            updated = None  # never tried
    if updated is not None:
        return updated[0] + interval, updated[1]
    created = _stamp("tm_create", row[1], tm_create)
    if created is None:
        return EPOCH, _EPOCH_KEY
    return created


# --- the public functions ---------------------------------------------------------------------


def next_attempt(target: TargetLike, outplan: OutplanLike) -> DialAttempt | None:
    """The call the campaign would place next for ``target``, whatever its status.

    The first destination ``i`` (in index order) that is not null and has
    ``try_count_i < max_try_count_i``, as try ``try_count_i + 1``; ``None`` when every
    destination is exhausted. All five try counts are checked.
    """
    plan = _read_plan(outplan)
    return _first(_row(target), plan.maxes)


def remaining_attempts(target: TargetLike, outplan: OutplanLike) -> list[DialAttempt]:
    """Every call still to come for ``target`` if nobody answers, in the order they would happen.

    For example max counts 2/0/1, destinations A/B/C and try counts 1/0/0 give A#2, C#1.
    """
    plan = _read_plan(outplan)
    row = _row(target)
    attempts: list[DialAttempt] = []
    for i, (destination, count) in enumerate(_slots(row, plan.maxes)):
        if destination is not None:
            target_id = _target_id(row[1])
            attempts.extend(
                DialAttempt(target_id, i, destination, n)
                for n in range(count + 1, plan.maxes[i] + 1)
            )
    return attempts


def is_available(target: TargetLike, outplan: OutplanLike) -> bool:
    """Whether the campaign may pick ``target``: it is idle and has an attempt left.

    A target that is not idle is not available, and its try counts are not checked.
    """
    plan = _read_plan(outplan)
    row = _row(target)
    return _is_idle(row[0]) and _first(row, plan.maxes) is not None


def next_dial_time(target: TargetLike, outplan: OutplanLike) -> datetime | None:
    """The earliest time (aware UTC) the campaign may dial ``target``; ``None`` if not available.

    A target never tried (``tm_update`` null, the 9999 sentinel, or equal to ``tm_create``) may be
    dialed at once: the result is its ``tm_create`` (1970-01-01 UTC if that is unknown).
    Otherwise it is ``tm_update + try_interval``.
    """
    plan = _read_plan(outplan)
    row = _row(target)
    if not _is_idle(row[0]) or _first(row, plan.maxes) is None:
        return None
    return _base(row, plan.try_interval)[0]


def is_dialable(target: TargetLike, outplan: OutplanLike, now: datetime) -> bool:
    """Whether ``target`` is available and its :func:`next_dial_time` is not after ``now``.

    ``now`` is an aware datetime (a naive one is taken to be UTC).
    """
    now = as_utc(now, "now")
    at = next_dial_time(target, outplan)
    return at is not None and at <= now


def schedule(target: TargetLike, outplan: OutplanLike, start: datetime) -> list[ScheduledAttempt]:
    """The worst case for ``target`` (nobody answers): every remaining attempt and its time.

    The first is at ``max(start, next_dial_time)``, each next one ``dial_timeout + try_interval``
    after the previous (the call rings out, then the campaign waits). Empty if the target is not
    available (not idle, or exhausted). ``start`` naive is taken to be UTC.
    """
    start = as_utc(start, "start")
    plan = _read_plan(outplan)
    first = next_dial_time(target, outplan)
    if first is None:
        return []
    at = max(start, first)
    step = plan.dial_timeout + plan.try_interval
    return [
        _scheduled(attempt, at + n * step)
        for n, attempt in enumerate(remaining_attempts(target, outplan))
    ]


# dial_order builds one ScheduledAttempt per available target, and how matters: attrs' __init__
# sets each field through object.__setattr__, and setting the slots through their descriptors
# (ScheduledAttempt.__dict__["at"].__set__) is one call per field. Plain attribute stores are
# the cheapest way to fill slots, but a frozen class refuses them. So dial_order fills a
# _ScheduledAttemptSlots (same slots, no __setattr__ of its own) and then assigns its __class__:
# ScheduledAttempt adds no slot, so CPython allows it, and the object is from then on a
# ScheduledAttempt like any other. Building 650,000 and freeing them in shuffled order (as a
# caller frees the sorted list) took 0.60 us an entry this way, 0.96 us through the descriptors
# and 1.07 us through __init__. tests/unit/test_dialplan.py checks the results equal normally
# built instances. If ScheduledAttempt gains a validator, a converter, a default or a slot of
# its own, build it normally in dial_order instead.
_new = object.__new__


def dial_order(
    targets: Iterable[TargetLike], outplan: OutplanLike, now: datetime | None = None
) -> list[ScheduledAttempt]:
    """The available targets in the order the campaign takes them, each with its next attempt.

    Least recently updated first (``tm_update``, or ``tm_create`` for a target never tried),
    ties by ``id``. Each entry is a :class:`ScheduledAttempt`: the fields of the target's
    :func:`next_attempt` (``entry.attempt`` is that :class:`DialAttempt`) and ``at``, its
    earliest time: ``max(now, next_dial_time)`` when ``now`` is given (naive: UTC), else
    ``next_dial_time``. Targets that are not available are left out.

    Built for large campaigns: the outplan is read once and each target in one pass, reading only
    the fields it needs (a target that is not idle is skipped unread, and slots after the one
    picked are not looked at). Bad values among what it reads raise :class:`ValueError` naming
    the field; :func:`next_attempt` checks all five slots of one target.
    """
    plan = _read_plan(outplan)
    m0, m1, m2, m3, m4 = plan.maxes
    interval = plan.try_interval
    if now is not None:
        now = as_utc(now, "now")
    # Sort keys and entries in two lists (see the sort below), not (key, entry) pairs: a
    # million fewer tuples for the garbage collector to trace.
    keys: list[str] = []
    entries: list[ScheduledAttempt] = []
    add_key, add = keys.append, entries.append

    def fallback(target: TargetLike) -> None:
        entry = _entry(target, plan, now)
        if entry is not None:
            add_key(entry[0])
            add(entry[1])

    unset, never, idle, separators = UNSET, NEVER, _IDLE, _WIRE_SEPARATORS
    fromisoformat = datetime.fromisoformat
    model_type, uuid_type, to_bytes = Outdialtarget, UUID, int.to_bytes
    new, slots_type, scheduled_type = _new, _ScheduledAttemptSlots, ScheduledAttempt
    # The loop is _entry() (the reference for what each target yields) unrolled for the common
    # shapes: a plain dict or the model, plain int counts, VoIPBIN's own timestamp form. Anything
    # else goes to _entry(), which also words the errors.
    for target in targets:
        if type(target) is dict:
            try:
                if target["status"] != idle:
                    continue
                # The first slot with a destination and a try left (count != max, checked below).
                if (
                    (d := target["destination_0"]) is not None
                    and d is not unset
                    and (c := target["try_count_0"]) != m0
                ):
                    index, m = 0, m0
                elif (
                    (d := target["destination_1"]) is not None
                    and d is not unset
                    and (c := target["try_count_1"]) != m1
                ):
                    index, m = 1, m1
                elif (
                    (d := target["destination_2"]) is not None
                    and d is not unset
                    and (c := target["try_count_2"]) != m2
                ):
                    index, m = 2, m2
                elif (
                    (d := target["destination_3"]) is not None
                    and d is not unset
                    and (c := target["try_count_3"]) != m3
                ):
                    index, m = 3, m3
                elif (
                    (d := target["destination_4"]) is not None
                    and d is not unset
                    and (c := target["try_count_4"]) != m4
                ):
                    index, m = 4, m4
                else:
                    continue
                target_id = target["id"]
                tm_update = target["tm_update"]
                tm_create = target["tm_create"]
            except KeyError:  # a field left out: let _entry() treat it as null
                fallback(target)
                continue
        elif isinstance(target, model_type):
            if target.status != idle:
                continue
            if (d := target.destination_0) is not None and (c := target.try_count_0) != m0:
                index, m = 0, m0
            elif (
                (d := target.destination_1) is not None
                and d is not unset
                and (c := target.try_count_1) != m1
            ):
                index, m = 1, m1
            elif (
                (d := target.destination_2) is not None
                and d is not unset
                and (c := target.try_count_2) != m2
            ):
                index, m = 2, m2
            elif (
                (d := target.destination_3) is not None
                and d is not unset
                and (c := target.try_count_3) != m3
            ):
                index, m = 3, m3
            elif (
                (d := target.destination_4) is not None
                and d is not unset
                and (c := target.try_count_4) != m4
            ):
                index, m = 4, m4
            else:
                continue
            uid = target.id
            if type(uid) is uuid_type:
                # str(uid) (lowercase 8-4-4-4-12 hex) without UUID.__str__'s '%032x' and five
                # slices: bytes.hex groups of 2 bytes, then three dashes dropped. ~30 % faster.
                h = to_bytes(uid.int, 16, "big").hex("-", 2)
                target_id = h[:4] + h[5:29] + h[30:34] + h[35:]
            else:
                target_id = _target_id(uid)
            tm_update = target.tm_update
            tm_create = target.tm_create
        else:
            fallback(target)
            continue
        if type(c) is not int or not 0 <= c < m or type(target_id) is not str:
            # A count out of range or not an int (_entry() raises, naming it), an int
            # subclass, or an id that is not a str.
            fallback(target)
            continue

        # _base(), unrolled for VoIPBIN's "YYYY-MM-DD HH:MM:SS.ffffff" (naive UTC), which is
        # also its own sort key (fixed width, so "time + id" sorts by time, then id).
        if type(tm_update) is str and tm_update != never and tm_update != tm_create and tm_update:
            # Tried before: dialable at tm_update + try_interval.
            if not (
                len(tm_update) == 26
                and tm_update[4:20:3] == separators
                and tm_update[0] != "9"
                # tm_create in the same form, so unequal strings are unequal times
                and type(tm_create) is str
                and len(tm_create) == 26
                and tm_create[10] == " "
            ):
                fallback(target)
                continue
            key = tm_update
            try:
                at = fromisoformat(tm_update + "+00:00") + interval
            except ValueError:
                fallback(target)
                continue
        elif tm_update is None or tm_update is unset or type(tm_update) is str:
            # Never tried: dialable from tm_create on.
            if not (
                type(tm_create) is str
                and len(tm_create) == 26
                and tm_create[4:20:3] == separators
                and tm_create[0] != "9"
            ):
                fallback(target)
                continue
            key = tm_create
            try:
                at = fromisoformat(tm_create + "+00:00")
            except ValueError:
                fallback(target)
                continue
        else:
            fallback(target)
            continue
        if now is not None and at < now:
            at = now
        entry = new(slots_type)
        entry.target_id = target_id
        entry.index = index
        entry.address = d
        entry.try_number = c + 1
        entry.at = at
        entry.__class__ = scheduled_type  # see _ScheduledAttemptSlots
        add_key(key + target_id)
        add(entry)  # type: ignore[arg-type]  # a ScheduledAttempt now
    # Sort the entries by their keys in place, without pairs or an index sort (about half the
    # time of sorted(range(n), key=keys.__getitem__) and the gather it needs, measured in
    # bench/dial_order.py): list.sort computes every key first, calling the key function once
    # per item in list order (CPython's list_sort_impl), so the i-th entry gets next(keys), the
    # i-th key. The sort is stable, so ties keep the input order, as before.
    next_key = iter(keys)
    entries.sort(key=partial(next, next_key))
    if next(next_key, None) is not None:  # pragma: no cover - every key was taken
        raise RuntimeError("dial_order: list.sort did not take one key per entry")
    return entries


def _entry(
    target: TargetLike, plan: _Plan, now: datetime | None
) -> tuple[str, ScheduledAttempt] | None:
    """What dial_order makes of one target: (sort key, entry), or None if not available."""
    row = _row(target)
    if not _is_idle(row[0]):
        return None
    attempt = _first(row, plan.maxes)
    if attempt is None:
        return None
    at, key = _base(row, plan.try_interval)
    if now is not None and at < now:
        at = now
    return key + attempt.target_id, _scheduled(attempt, at)


@overload
def apply_result(
    target: Outdialtarget,
    attempt: DialAttempt | ScheduledAttempt,
    answered: bool,
    at: datetime,
    *,
    outplan: OutplanLike | None = None,
) -> Outdialtarget: ...
@overload
def apply_result(
    target: Mapping[str, Any],
    attempt: DialAttempt | ScheduledAttempt,
    answered: bool,
    at: datetime,
    *,
    outplan: OutplanLike | None = None,
) -> dict[str, Any]: ...
def apply_result(
    target: TargetLike,
    attempt: DialAttempt | ScheduledAttempt,
    answered: bool,
    at: datetime,
    *,
    outplan: OutplanLike | None = None,
) -> Outdialtarget | dict[str, Any]:
    """The target after ``attempt`` ended at ``at``: a new object, ``target`` is not changed.

    ``try_count_<index>`` goes up by one, ``status`` becomes ``done`` if ``answered`` else
    ``idle``, and ``tm_update`` becomes ``at`` in VoIPBIN's wire form (naive ``at``: UTC). A dict
    gives a new dict (a shallow copy); a model gives a new model of the same class
    (``attrs.evolve``), with ``status`` an :class:`OutdialtargetStatus` member.

    ``attempt`` is a :class:`DialAttempt`, or a :class:`ScheduledAttempt` (an entry of
    :func:`dial_order` or :func:`schedule`; its ``at`` is not used). It must be for this target
    (``target_id``), on a destination that is set, with ``try_number == try_count_<index> + 1``,
    and the target must not be ``done``. Given ``outplan``, it must also be exactly the target's
    :func:`next_attempt`.

    Raises:
        TypeError: ``attempt`` is neither a DialAttempt nor a ScheduledAttempt.
        ValueError: any of the above does not hold; the message names the field.
    """
    if isinstance(attempt, ScheduledAttempt):
        attempt = attempt.attempt
    elif not isinstance(attempt, DialAttempt):
        raise TypeError(
            f"attempt must be a DialAttempt or a ScheduledAttempt, not {type(attempt).__name__}"
        )
    at_text = format_timestamp(as_utc(at, "at"))
    row = _row(target)
    target_id = _target_id(row[1])
    index = attempt.index
    if type(index) is not int or not 0 <= index < SLOTS:
        raise ValueError(f"attempt 'index' must be 0..{SLOTS - 1}, got {index!r}")
    if attempt.target_id != target_id:
        raise ValueError(
            f"attempt 'target_id' {attempt.target_id!r} is not the target's 'id' {target_id!r}"
        )
    if isinstance(row[0], str) and row[0] == "done":
        raise ValueError(f"outdialtarget {target_id!r}: 'status' is done; it takes no more calls")
    if outplan is not None:
        expected = next_attempt(target, outplan)
        if attempt != expected:
            raise ValueError(
                f"attempt (index {index}, try_number {attempt.try_number}) is not the next"
                f" attempt of outdialtarget {target_id!r}: {expected!r}"
            )
    dest_field, count_field = DESTINATION_FIELDS[index], TRY_COUNT_FIELDS[index]
    if not _present(row[4 + 2 * index]):
        raise ValueError(f"outdialtarget {target_id!r}: {dest_field!r} is null")
    count = _count(repr(target_id), index, row[5 + 2 * index], None)
    if attempt.try_number != count + 1:
        raise ValueError(
            f"attempt 'try_number' is {attempt.try_number!r}, but {count_field!r} is {count}:"
            f" the next try is {count + 1}"
        )
    status = "done" if answered else _IDLE
    if isinstance(target, Mapping):
        updated = dict(target)
        updated[count_field] = count + 1
        updated["status"] = status
        updated["tm_update"] = at_text
        return updated
    old_status = row[0]
    if isinstance(target, Outdialtarget):
        new_status: object = OutdialtargetStatus(status)
    elif isinstance(old_status, Enum):
        new_status = type(old_status)(status)
    else:
        new_status = status
    changes: dict[str, Any] = {count_field: count + 1, "status": new_status, "tm_update": at_text}
    result = attrs.evolve(target, **changes)
    # evolve() only passes __init__ arguments; carry over the rest (the models'
    # additional_properties, which hold fields this client does not know yet).
    for field in attrs.fields(type(target)):
        if not field.init:
            object.__setattr__(result, field.name, copy.copy(getattr(target, field.name)))
    return result
