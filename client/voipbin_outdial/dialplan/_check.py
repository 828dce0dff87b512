"""A preflight check: what in an outplan and its targets will make the engine act unexpectedly."""

from __future__ import annotations

from collections.abc import Iterable
from uuid import UUID

from .._slots import DESTINATION_FIELDS, MAX_TRY_COUNT_FIELDS, SLOTS, TRY_COUNT_FIELDS
from ._read import (
    DESTINATION,
    STATUS,
    OutplanLike,
    Plan,
    Row,
    TargetLike,
    present,
    read_plan,
    read_target,
    target_id,
    timestamp,
)
from ._read import try_count as read_count
from ._rules import IDLE, address_type, is_refused
from ._types import Finding

__all__ = ["check"]

_KNOWN_STATUSES = (IDLE, "progressing", "done")


def check(outplan: OutplanLike, targets: Iterable[TargetLike]) -> list[Finding]:
    """What will go wrong, or not as it looks, when a campaign dials ``targets`` under ``outplan``.

    Findings, the outplan's first, then each target's in the order given:

    * ``error``: every ``max_try_count`` is 0 (nobody is dialed); a destination that is ``{}``
      or of a type the call manager does not dial, with tries left (the engine dials it, the call
      is refused and the campaign stops); a value that is not what the API sends (the message
      names it).
    * ``warning``: a ``try_count`` above its max (the outplan was lowered: the slot is skipped);
      a target with no destination that can be dialed under this outplan (never called); a
      status the engine does not know.
    * ``info``: a null destination whose max is above 0 (the slot is skipped).

    Targets that are ``done`` are not looked at: the engine does not dial them again. A bad
    outplan is one ``error`` finding and nothing else.
    """
    try:
        plan = read_plan(outplan)
    except ValueError as exc:
        return [Finding("error", None, None, str(exc))]
    findings: list[Finding] = []
    if not any(plan.maxes):
        message = "every max_try_count is 0: the campaign dials nobody"
        findings.append(Finding("error", None, None, message))
    for target in targets:
        findings += _target_findings(read_target(target), plan)
    return findings


def _target_findings(row: Row, plan: Plan) -> list[Finding]:
    try:
        tid: UUID | None = target_id(row)
    except ValueError as exc:
        return [Finding("error", None, "id", str(exc))]
    status = row[STATUS]
    if isinstance(status, str) and status == "done":
        return []
    findings: list[Finding] = []
    if not (isinstance(status, str) and status in _KNOWN_STATUSES):
        findings.append(
            Finding("warning", tid, "status", f"status {status!r} is not one the engine dials")
        )
    for name in ("tm_create", "tm_update"):
        try:
            timestamp(row, name)
        except ValueError as exc:
            findings.append(Finding("error", tid, name, str(exc)))
    dialable: list[bool | None] = []
    for i in range(SLOTS):
        slot_findings, can_dial = _slot_findings(row, tid, i, plan.maxes[i])
        findings += slot_findings
        dialable.append(can_dial)
    if not any(dialable) and None not in dialable and any(plan.maxes):
        message = (
            "no destination the engine can dial under this outplan (each is null, refused,"
            " or has a max_try_count of 0): the target is never called"
        )
        findings.append(Finding("warning", tid, None, message))
    return findings


def _slot_findings(
    row: Row, tid: UUID | None, index: int, maximum: int
) -> tuple[list[Finding], bool | None]:
    """The findings about slot ``index``, and whether it can place a real call at all
    (``None``: its count is not readable, so nobody knows)."""
    dest_field, count_field = DESTINATION_FIELDS[index], TRY_COUNT_FIELDS[index]
    max_field = MAX_TRY_COUNT_FIELDS[index]
    destination = row[DESTINATION + index]
    try:
        count = read_count(row, index)
    except ValueError as exc:
        return [Finding("error", tid, count_field, str(exc))], None
    if count > maximum:
        message = (
            f"{count_field} is {count}, above {max_field} of {maximum}"
            " (the outplan was lowered): the engine skips the slot"
        )
        return [Finding("warning", tid, count_field, message)], False
    if maximum == 0:
        return [], False
    if not present(destination):
        message = f"{dest_field} is null and {max_field} is {maximum}: the engine skips the slot"
        return [Finding("info", tid, dest_field, message)], False
    if is_refused(destination):
        if count == maximum:
            return [], False
        message = (
            f"{dest_field} is {_shown(destination)}, not a tel or sip address, with"
            f" {maximum - count} of {max_field} tries left: the engine dials it, the call is"
            " refused and the campaign stops"
        )
        return [Finding("error", tid, dest_field, message)], False
    return [], True


def _shown(destination: object) -> str:
    kind = address_type(destination)
    return f"of type {kind!r}" if kind else "{}" if destination == {} else "empty"
