"""Factories for the dialplan tests: targets and outplans as the API returns them, and rows.

``make_target(**overrides)`` / ``make_outplan(**overrides)`` build valid JSON dicts with every
field filled; a test overrides what it is about. Times are written in RFC 3339 (what VoIPBIN
sends today) unless a test is about the older ``"2022-04-30 17:52:16.484341"`` form.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from voipbin_outdial.dialplan import DialAttempt, ScheduledAttempt
from voipbin_outdial.models import Address, Outdialtarget, Outplan

T0 = datetime(2022, 4, 30, 17, 52, 16, 484341, tzinfo=UTC)
MINUTE = timedelta(minutes=1)
HALF_SECOND = timedelta(milliseconds=500)
SHAPES = ["dict", "model"]


def rfc3339(dt: datetime) -> str:
    """``dt`` as VoIPBIN writes it today: RFC 3339 in UTC, ``Z``, trailing fraction zeros cut."""
    text = dt.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f").rstrip("0").rstrip(".")
    return text + "Z"


def spaced(dt: datetime) -> str:
    """``dt`` in the docs' older form: ``"2022-04-30 17:52:16.484341"`` (UTC, no zone)."""
    return dt.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def address(n: int) -> dict[str, Any]:
    number = f"+8211000000{n:02d}"
    return {"type": "tel", "target": number, "target_name": "", "name": "", "detail": ""}


def target_uuid(n: int) -> str:
    return f"00000000-0000-4000-8000-{n:012d}"


def make_target(**overrides: Any) -> dict[str, Any]:
    """An idle target never tried (tm_update = tm_create, as VoIPBIN creates it), destination_0
    only, the unused slots null."""
    target: dict[str, Any] = {
        "id": target_uuid(1),
        "outdial_id": "40bea034-1d17-474d-a5de-da00d0861c69",
        "name": "test destination",
        "detail": "a contact",
        "data": "crm-1",
        "status": "idle",
        "destination_0": address(0),
        "destination_1": None,
        "destination_2": None,
        "destination_3": None,
        "destination_4": None,
        "try_count_0": 0,
        "try_count_1": 0,
        "try_count_2": 0,
        "try_count_3": 0,
        "try_count_4": 0,
        "tm_create": rfc3339(T0),
        "tm_update": rfc3339(T0),
        "tm_delete": None,
    }
    target.update(overrides)
    return target


def make_outplan(**overrides: Any) -> dict[str, Any]:
    """An outplan: 30 s dial timeout, 1 min try interval, two tries per destination."""
    outplan: dict[str, Any] = {
        "id": "d5fb7357-7ddb-4f2d-87b5-8ccbfd6c039e",
        "customer_id": "5e4a0680-804e-11ec-8477-2fea5968d85b",
        "name": "test outplan",
        "detail": "two tries a slot",
        "source": address(99),
        "dial_timeout": 30000,
        "try_interval": 60000,
        **{f"max_try_count_{i}": 2 for i in range(5)},
        "tm_create": "2022-04-28T01:50:23.414Z",
        "tm_update": "2022-04-30T12:01:13.780469Z",
        "tm_delete": None,
    }
    outplan.update(overrides)
    return outplan


def tried_at(n: int, tm_update: str, **overrides: Any) -> dict[str, Any]:
    """Target n, tried once, last updated at ``tm_update``."""
    fields: dict[str, Any] = {
        "id": target_uuid(n),
        "tm_create": "2022-04-01T00:00:00Z",
        "tm_update": tm_update,
        "try_count_0": 1,
    }
    return make_target(**{**fields, **overrides})


def slots(
    dests: str = "A....", counts: tuple[int, ...] = (0,) * 5, maxes: tuple[int, ...] = (2,) * 5
) -> tuple[dict[str, Any], dict[str, Any]]:
    """(target overrides, outplan overrides) from a row: "A" an address, "." null, "{" ``{}``."""
    target: dict[str, Any] = {}
    outplan: dict[str, Any] = {}
    for i, (letter, count, maximum) in enumerate(zip(dests, counts, maxes, strict=True)):
        target[f"destination_{i}"] = {"A": address(i), ".": None, "{": {}}.get(letter, address(i))
        target[f"try_count_{i}"] = count
        outplan[f"max_try_count_{i}"] = maximum
    return target, outplan


def shaped(shape: str, target: dict[str, Any]) -> Any:
    """The target as given (``dict``) or as the model. The model has no ``{}`` address yet: it
    gets an Address with an empty type and target, which is what ``{}`` means."""
    if shape == "dict":
        return target
    empty = {"type": "", "target": ""}
    return Outdialtarget.from_dict({k: empty if v == {} else v for k, v in target.items()})


def shaped_plan(shape: str, outplan: dict[str, Any]) -> Any:
    return Outplan.from_dict(outplan) if shape == "model" else outplan


def number(destination: Any) -> str:
    """The phone number of a destination, dict or Address model."""
    if isinstance(destination, Address):
        return str(destination.target)
    return str(destination.get("target", ""))


def brief(attempt: DialAttempt | ScheduledAttempt | None) -> tuple[int, int, str] | None:
    return None if attempt is None else (attempt.index, attempt.try_number, number(attempt.address))
