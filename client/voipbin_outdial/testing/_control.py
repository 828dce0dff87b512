"""The mock's control endpoints, under ``/_mock``: for tests only, outside VoIPBIN's API.

Tests in any language (or ``curl``) drive the standalone mock through them; each is the HTTP face
of a :class:`~voipbin_outdial.testing.VoipbinMock` method. They take no credential and pass no
limit or fault; VoIPBIN has nothing like them.

* ``POST /_mock/reset``: ``mock.reset()``; answers the state.
* ``POST /_mock/clock``: ``{"advance_ms": N}`` (``mock.advance_clock``) or ``{"now": "<RFC
  3339>"}`` (``mock.move_clock_to``); answers ``{"now"}``. The clock never goes back.
* ``POST /_mock/campaigns/run``: ``{"outplan_id", "outdial_id"}`` and optionally ``answer`` (a
  probability, or true/false), ``seed``, ``until`` (RFC 3339, or milliseconds after the start),
  ``talk_time_ms``, ``ring_time_ms``, ``end_handle``: ``mock.campaign(...).run(until=...)``,
  starting at the mock's current time; answers ``{"start", "now", "stop_reason", "calls"}``.
* ``POST /_mock/faults``: any of ``latency_ms``, ``too_many_requests``, ``drop_after_commit``,
  ``seed`` (``mock.set_faults``), ``rate_limit`` (true, false or ``{"per_second", "burst"}``:
  ``mock.set_rate_limit``), ``fail_next`` (``{"status", "times"}``: ``mock.fail_next``); fields
  left out stay as they are. Answers the faults in force.
* ``GET /_mock/state``: the clock, counts of each kind of record, the faults in force.

Bad input is a 400 in VoIPBIN's error envelope with the reason :data:`CONTROL_REASON`, a message
naming the field and ``details: [{"field": ...}]``; nothing is changed by such a request. An
outplan or outdial that is not there (or deleted) is a 404 as in the API; a method a path does not
take is a 405 with ``Allow``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Awaitable, Callable, Mapping
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Final, TypeAlias
from uuid import UUID

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route, Router
from starlette.types import Receive, Scope, Send

from ..timeutil import format_timestamp, parse_timestamp, to_timedelta
from ._app import error_response, render_json
from ._campaign import CampaignOptions
from ._errors import MockApiError, not_found
from ._faults import _fraction
from ._gate import request_id
from ._outcomes import CallRecord
from ._store import ResourceNotFoundError

if TYPE_CHECKING:
    from . import VoipbinMock

__all__ = ["CONTROL_PREFIX", "CONTROL_REASON", "control_app"]

CONTROL_PREFIX: Final = "/_mock"
"""Where the control endpoints are served (outside the API's ``/v1.0``)."""
CONTROL_REASON: Final = "MOCK_CONTROL_INVALID"
"""The ``reason`` of a 400 from a control endpoint; VoIPBIN never sends it."""

Json: TypeAlias = dict[str, Any]
Handler: TypeAlias = Callable[["VoipbinMock", "_Body"], Awaitable[Json]]
_ABSENT: Final = object()
_LONGEST_MS: Final = 100 * 365 * 86_400_000  # a century: any duration a test means


def _invalid(field: str | None, message: str) -> MockApiError:
    details = [] if field is None else [{"field": field}]
    return MockApiError("INVALID_ARGUMENT", CONTROL_REASON, message, details=details)


class _Body:
    """The request's JSON object, read field by field; every field must be used."""

    def __init__(self, fields: Json) -> None:
        self._fields = fields
        self._read: set[str] = set()

    def get(self, name: str) -> Any:
        """The field's value, or ``_ABSENT``; ``null`` counts as absent."""
        self._read.add(name)
        value = self._fields.get(name)
        return _ABSENT if value is None else value

    def given(self, name: str) -> bool:
        """Whether the field is there at all (``null`` included)."""
        self._read.add(name)
        return name in self._fields

    def done(self) -> None:
        """Refuse the fields nobody read (a misspelt one would otherwise do nothing)."""
        unknown = sorted(set(self._fields) - self._read)
        if unknown:
            known = ", ".join(sorted(self._read)) or "none"
            raise _invalid(
                unknown[0], f"unknown field {unknown[0]!r} (this endpoint takes {known})"
            )

    def integer(self, name: str, *, minimum: int = 0, maximum: int | None = None) -> int | None:
        value = self.get(name)
        if value is _ABSENT:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise _invalid(name, f"{name} must be a whole number, not {value!r}")
        if value < minimum:
            raise _invalid(name, f"{name} must be at least {minimum}, got {value}")
        if maximum is not None and value > maximum:
            raise _invalid(name, f"{name} must be at most {maximum:,}, got {value:,}")
        return value

    def milliseconds(self, name: str) -> int | None:
        """A duration in milliseconds, from 0 to a century."""
        return self.integer(name, maximum=_LONGEST_MS)

    def number(self, name: str) -> float | None:
        value = self.get(name)
        if value is _ABSENT:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise _invalid(name, f"{name} must be a number, not {value!r}")
        if not 0 <= value < math.inf:
            raise _invalid(name, f"{name} must be zero or more, got {value!r}")
        return float(value)

    def fraction(self, name: str) -> float | None:
        value = self.get(name)
        if value is _ABSENT:
            return None
        try:
            return _fraction(name, value)
        except (TypeError, ValueError) as exc:
            raise _invalid(name, str(exc)) from None

    def time(self, name: str) -> datetime | None:
        value = self.get(name)
        if value is _ABSENT:
            return None
        when = None
        if isinstance(value, str):
            try:
                when = parse_timestamp(value)
            except ValueError:
                when = None
        if when is None:
            example = "'2026-03-01T09:30:00Z'"
            raise _invalid(
                name, f"{name} must be an RFC 3339 time such as {example}, not {value!r}"
            )
        return when

    def uuid(self, name: str) -> str:
        value = self.get(name)
        if value is _ABSENT:
            raise _invalid(name, f"{name} is required")
        if isinstance(value, str):
            try:
                return str(UUID(value))
            except ValueError:
                pass
        raise _invalid(name, f"{name} must be a UUID, not {value!r}")

    def seed(self, name: str) -> int | None:
        value = self.get(name)
        if value is _ABSENT:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise _invalid(name, f"{name} must be a whole number or null, not {value!r}")
        return value

    def choice(self, name: str, choices: tuple[str, ...]) -> str | None:
        value = self.get(name)
        if value is _ABSENT:
            return None
        if value not in choices:
            raise _invalid(name, f"{name} must be one of {', '.join(choices)}, not {value!r}")
        return str(value)

    def object(self, name: str) -> _Body | None:
        value = self.get(name)
        if value is _ABSENT:
            return None
        if not isinstance(value, dict):
            raise _invalid(name, f"{name} must be a JSON object, not {value!r}")
        return _Body({f"{name}.{key}": item for key, item in value.items()})


# --- the endpoints ------------------------------------------------------------------------------


async def reset(mock: VoipbinMock, body: _Body) -> Json:
    body.done()
    mock.reset()
    return state_of(mock)


async def state(mock: VoipbinMock, body: _Body) -> Json:
    body.done()
    return state_of(mock)


async def clock(mock: VoipbinMock, body: _Body) -> Json:
    advance_ms = body.milliseconds("advance_ms")
    now = body.time("now")
    body.done()
    if (advance_ms is None) == (now is None):
        raise _invalid(
            "advance_ms" if advance_ms is None else "now",
            'give either "advance_ms" (milliseconds to move on) or "now" (an RFC 3339 time)',
        )
    field = "advance_ms" if now is None else "now"
    try:
        moved = mock.advance_clock(advance_ms or 0) if now is None else mock.move_clock_to(now)
    except ValueError as exc:  # back in time, or into VoIPBIN's "never"
        raise _invalid(field, f"{field}: {exc}") from None
    return {"now": format_timestamp(moved)}


async def run_campaign(mock: VoipbinMock, body: _Body) -> Json:
    outplan_id, outdial_id = body.uuid("outplan_id"), body.uuid("outdial_id")
    options = _campaign_options(body)
    until = _until(body)
    body.done()

    def run() -> Json:
        try:
            campaign = mock.campaign(outplan_id, outdial_id, **options)
        except ResourceNotFoundError as exc:
            raise not_found(
                f"{exc.kind.upper()}_NOT_FOUND", f"There is no live {exc.kind} {exc.resource_id}."
            ) from None
        except ValueError as exc:  # pragma: no cover - the options are checked above
            raise _invalid(None, str(exc)) from None
        calls = campaign.run(until=until)
        return {
            "start": format_timestamp(campaign.start),
            "now": format_timestamp(mock.now),
            "stop_reason": campaign.stop_reason,
            "calls": [_call(call) for call in calls],
        }

    return await run_in_threadpool(run)


def _campaign_options(body: _Body) -> CampaignOptions:
    options: CampaignOptions = {}
    answer = body.get("answer")
    if answer is not _ABSENT:
        if not isinstance(answer, bool):
            answer = body.fraction("answer")
        options["answer"] = answer
    options["seed"] = body.seed("seed")
    talk_time, ring_time = body.milliseconds("talk_time_ms"), body.milliseconds("ring_time_ms")
    if talk_time is not None:
        options["talk_time"] = talk_time
    if ring_time is not None:
        options["ring_time"] = ring_time
    end_handle = body.choice("end_handle", ("stop", "continue"))
    if end_handle is not None:
        options["end_handle"] = "stop" if end_handle == "stop" else "continue"
    return options


def _until(body: _Body) -> datetime | timedelta | None:
    """``until``: an RFC 3339 time, or milliseconds after the start."""
    value = body.get("until")
    if isinstance(value, int) and not isinstance(value, bool):
        ms = body.milliseconds("until")
        return None if ms is None else to_timedelta(ms)
    return body.time("until")


def _call(call: CallRecord) -> Json:
    return {
        "at": format_timestamp(call.at),
        "target_id": str(call.target_id),
        "index": call.index,
        "address": call.address,
        "try_number": call.try_number,
        "hangup_reason": call.hangup_reason,
        "answered": call.answered,
        "success": call.success,
        "ended_at": format_timestamp(call.ended_at),
    }


async def faults(mock: VoipbinMock, body: _Body) -> Json:
    changes: dict[str, Any] = {}
    latency_ms = body.number("latency_ms")
    if latency_ms is not None:
        changes["latency"] = latency_ms / 1000
    for name in ("too_many_requests", "drop_after_commit"):
        value = body.fraction(name)
        if value is not None:
            changes[name] = value
    if body.given("seed"):
        changes["seed"] = body.seed("seed")  # null: different draws each time
    rate_limit = _rate_limit(body)
    fail_next = _fail_next(body)
    body.done()
    mock.set_faults(**changes)
    if rate_limit is not None:
        mock.set_rate_limit(rate_limit)
    if fail_next is not None:
        status_code, times = fail_next
        mock.fail_next(status_code, times=times)
    return faults_of(mock)


def _rate_limit(body: _Body) -> bool | tuple[float, int] | None:
    value = body.get("rate_limit")
    if value is _ABSENT:
        return None
    if isinstance(value, bool):
        return value
    limit = body.object("rate_limit")
    if limit is None:  # pragma: no cover - value is not absent
        return None
    per_second = limit.number("rate_limit.per_second")
    burst = limit.integer("rate_limit.burst", minimum=1)
    limit.done()
    if per_second is None or burst is None:
        missing = "rate_limit.per_second" if per_second is None else "rate_limit.burst"
        raise _invalid(missing, f"{missing} is required (or give rate_limit as true or false)")
    return per_second, burst


def _fail_next(body: _Body) -> tuple[int, int] | None:
    failing = body.object("fail_next")
    if failing is None:
        return None
    status = failing.integer("fail_next.status")
    times = failing.integer("fail_next.times", minimum=1)
    failing.done()
    if status not in (429, 500, 503):
        raise _invalid(
            "fail_next.status", f"fail_next.status must be 429, 500 or 503, not {status}"
        )
    return status, 1 if times is None else times


# --- what the endpoints answer ---------------------------------------------------------------


def faults_of(mock: VoipbinMock) -> Json:
    """The faults in force, as ``POST /_mock/faults`` takes them."""
    now = mock.faults
    limit = mock.rate_limiter.limit
    return {
        "latency_ms": now.latency * 1000,
        "too_many_requests": now.too_many_requests,
        "drop_after_commit": now.drop_after_commit,
        "seed": now.seed,
        "rate_limit": None if limit is None else {"per_second": limit[0], "burst": limit[1]},
        "fail_next": mock.pending_failures,
    }


def state_of(mock: VoipbinMock) -> Json:
    """``GET /_mock/state``: the clock, the counts and the faults."""
    counts = mock.store.counts()
    return {
        "now": format_timestamp(mock.now),
        "outplans": counts["outplan"],
        "outdials": counts["outdial"],
        "outdialtargets": counts["outdialtarget"],
        "faults": faults_of(mock),
    }


# --- routing -------------------------------------------------------------------------------------

_ENDPOINTS: Final[Mapping[str, tuple[str, Handler]]] = {
    "/reset": ("POST", reset),
    "/clock": ("POST", clock),
    "/campaigns/run": ("POST", run_campaign),
    "/faults": ("POST", faults),
    "/state": ("GET", state),
}


class _Endpoint:
    """One control path: its method's handler, JSON in and out, errors in VoIPBIN's envelope."""

    def __init__(self, mock: VoipbinMock, path: str, method: str, handler: Handler) -> None:
        self._mock, self._path, self._method, self._handler = mock, path, method, handler

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive)
        response = await self._respond(request)
        await response(scope, receive, send)

    async def _respond(self, request: Request) -> Response:
        rid = request_id(request)
        if request.method != self._method:
            error = MockApiError(
                "UNIMPLEMENTED",
                "METHOD_NOT_ALLOWED",
                f"{CONTROL_PREFIX}{self._path} takes {self._method} only",
            )
            headers = {"Allow": self._method, "X-Request-Id": rid}
            return render_json(405, error.envelope(rid), headers)
        try:
            body = _Body(_json_object(await request.body()))
            result = await self._handler(self._mock, body)
        except MockApiError as exc:
            return error_response(exc, rid)
        return render_json(200, result, {"X-Request-Id": rid})


def _json_object(raw: bytes) -> Json:
    if not raw.strip():
        return {}
    try:
        value = json.loads(raw)
    except ValueError:
        value = None
    if not isinstance(value, dict):
        raise _invalid(None, "the body must be a JSON object (or empty)")
    return value


def control_app(mock: VoipbinMock) -> Router:
    """The control endpoints of ``mock``, to mount at :data:`CONTROL_PREFIX`."""
    routes: list[BaseRoute] = [
        Route(path, _Endpoint(mock, path, method, handler))
        for path, (method, handler) in _ENDPOINTS.items()
    ]
    return Router(routes=routes)
