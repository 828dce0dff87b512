"""The mock's control endpoints, under ``/_mock``: for tests only, outside VoIPBIN's API.

Tests in any language (or ``curl``) drive the standalone mock through them; each is the HTTP face
of a :class:`~voipbin_outdial.testing.VoipbinMock` method. They take no credential and pass no
limit or fault; VoIPBIN has nothing like them.

* ``POST /_mock/reset``: ``mock.reset()``; answers the state.
* ``POST /_mock/clock``: ``{"advance_ms": N}`` (``mock.advance_clock``) or ``{"now": "<RFC
  3339>"}`` (``mock.move_clock_to``); answers ``{"now"}``. The clock never goes back; the held
  campaigns run up to the new time.
* ``POST /_mock/campaigns/run``: ``{"outplan_id", "outdial_id"}`` and optionally ``answer`` (a
  probability, or true/false), ``seed``, ``until`` (RFC 3339, or milliseconds after the start),
  ``talk_time_ms``, ``ring_time_ms``, ``end_handle``: ``mock.campaign(...).run(until=...)``,
  starting at the mock's current time; answers ``{"start", "now", "stop_reason", "calls"}``.
* ``POST /_mock/campaigns``: the body of ``/_mock/campaigns/run`` but ``until``:
  ``mock.start_campaign(...)``, a campaign the mock holds: its first call is placed now, and each
  move of the clock runs it on; answers ``{"id", "start", "now", "stop_reason", "calls",
  "live_calls"}`` (``now``: the time it has run up to). Another on an outdial a held campaign
  still dials is a 400 naming ``outdial_id``.
* ``GET /_mock/campaigns/{id}``: that held campaign as it is now (``mock.held_campaigns[id]``);
  an id the mock does not hold (or no longer: reset) is a 404 ``CAMPAIGN_NOT_FOUND``.
* ``POST /_mock/faults``: any of ``latency_ms``, ``too_many_requests``, ``drop_after_commit``,
  ``seed`` (``mock.set_faults``), ``rate_limit`` (true, false or ``{"per_second", "burst"}``:
  ``mock.set_rate_limit``), ``fail_next`` (``{"status", "times"}``: ``mock.fail_next``); fields
  left out stay as they are. Answers the faults in force.
* ``GET /_mock/state``: the clock, counts of each kind of record, the faults in force.

Bad input (:mod:`._control_body` reads the body) is a 400 in VoIPBIN's error envelope with the
reason :data:`CONTROL_REASON`, a message naming the field and ``details: [{"field": ...}]``;
nothing is changed by such a request. An outplan or outdial that is not there (or deleted) is a
404 as in the API; a method a path does not take is a 405 with ``Allow``.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime, timedelta
from typing import Any, Final, Protocol, TypeAlias, Unpack
from uuid import UUID

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route, Router

from ..timeutil import format_timestamp, to_milliseconds, to_timedelta
from ._app import AsgiEndpoint, error_response, render_json
from ._campaign import Campaign, CampaignOptions
from ._control_body import ABSENT, CONTROL_REASON, Body, Json, invalid, json_object
from ._errors import MockApiError, not_found
from ._faults import FaultChanges, Faults
from ._gate import MockRateLimiter, request_id
from ._held import OutdialInUseError, dialer_of
from ._mockstore import MockStore
from ._outcomes import CallRecord
from ._store import ResourceNotFoundError

__all__ = ["CONTROL_PREFIX", "CONTROL_REASON", "control_app"]

CONTROL_PREFIX: Final = "/_mock"
"""Where the control endpoints are served (outside the API's ``/v1.0``)."""


class Controlled(Protocol):
    """What the endpoints use of :class:`~voipbin_outdial.testing.VoipbinMock`: a protocol, so
    that this module does not import the package that serves it."""

    @property
    def store(self) -> MockStore: ...
    @property
    def rate_limiter(self) -> MockRateLimiter: ...
    @property
    def now(self) -> datetime: ...
    @property
    def faults(self) -> Faults: ...
    @property
    def held_campaigns(self) -> Mapping[str, Campaign]: ...
    @property
    def pending_failures(self) -> list[int]: ...
    def reset(self) -> None: ...
    def advance_clock(self, by: int | timedelta) -> datetime: ...
    def move_clock_to(self, when: datetime) -> datetime: ...
    def campaign(
        self, outplan_id: str | UUID, outdial_id: str | UUID, **options: Unpack[CampaignOptions]
    ) -> Campaign: ...
    def start_campaign(
        self, outplan_id: str | UUID, outdial_id: str | UUID, **options: Unpack[CampaignOptions]
    ) -> Campaign: ...
    def set_faults(self, **changes: Unpack[FaultChanges]) -> Faults: ...
    def set_rate_limit(self, rate_limit: bool | tuple[float, int]) -> None: ...
    def fail_next(self, status_code: int = 503, *, times: int = 1) -> None: ...


Handler: TypeAlias = Callable[[Controlled, Body], Awaitable[Json]]


# --- the endpoints ------------------------------------------------------------------------------


async def reset(mock: Controlled, body: Body) -> Json:
    body.done()
    mock.reset()
    return state_of(mock)


async def state(mock: Controlled, body: Body) -> Json:
    body.done()
    return state_of(mock)


async def clock(mock: Controlled, body: Body) -> Json:
    advance_ms = body.milliseconds("advance_ms")
    now = body.time("now")
    body.done()
    if (advance_ms is None) == (now is None):
        raise invalid(
            "advance_ms" if advance_ms is None else "now",
            'give either "advance_ms" (milliseconds to move on) or "now" (an RFC 3339 time)',
        )
    field = "advance_ms" if now is None else "now"

    def move() -> Json:  # in a thread: the held campaigns run up to the new time
        try:
            moved = mock.advance_clock(advance_ms or 0) if now is None else mock.move_clock_to(now)
        except ValueError as exc:  # back in time, or into VoIPBIN's "never"
            raise invalid(field, f"{field}: {exc}") from None
        return {"now": format_timestamp(moved)}

    return await run_in_threadpool(move)


async def run_campaign(mock: Controlled, body: Body) -> Json:
    outplan_id, outdial_id, options = _campaign_args(body)
    until = _until(body)
    body.done()

    def run() -> Json:
        with _starting():
            campaign = mock.campaign(outplan_id, outdial_id, **options)
        calls = campaign.run(until=until)
        return {
            "start": format_timestamp(campaign.start),
            "now": format_timestamp(mock.now),
            "stop_reason": campaign.stop_reason,
            "calls": [_call(call) for call in calls],
        }

    return await run_in_threadpool(run)


async def start_campaign(mock: Controlled, body: Body) -> Json:
    outplan_id, outdial_id, options = _campaign_args(body)
    body.done()

    def start() -> Json:
        with _starting():
            return _held(mock.start_campaign(outplan_id, outdial_id, **options))

    return await run_in_threadpool(start)


async def campaign_calls(mock: Controlled, body: Body) -> Json:
    """How the calls of campaigns run through the API end from now on (``answer``, ``seed``,
    ``talk_time_ms``, ``ring_time_ms``; what is left out, as by default)."""
    options = _campaign_options(body)
    options.pop("end_handle", None)  # the campaign's own end_handle is used
    body.done()
    dialer_of(mock.store).options = options
    shown: Json = {"answer": options.get("answer", False), "seed": options.get("seed")}
    for name in ("talk_time", "ring_time"):
        if name in options:
            shown[f"{name}_ms"] = to_milliseconds(options[name])
    return shown


async def add_queue(mock: Controlled, body: Body) -> Json:
    """A queue with ``available_agents`` agents, for a campaign's ``queue_id`` (the mock's
    customer's): VoIPBIN's dialer keeps at most ``agents * service_level / 100`` calls ringing."""
    agents = body.integer("available_agents")
    body.done()
    queue_id = dialer_of(mock.store).add_queue(mock.store.customer_id, agents or 0)
    return {"id": queue_id, "available_agents": agents or 0}


async def held_campaign(mock: Controlled, body: Body) -> Json:
    campaign_id = body.path_param("id")
    body.done()
    campaign = mock.held_campaigns.get(campaign_id.lower())
    if campaign is None:
        raise not_found("CAMPAIGN_NOT_FOUND", f"The mock holds no campaign {campaign_id}.")
    return _held(campaign)


@contextmanager
def _starting() -> Iterator[None]:
    """A campaign's start refused as the API refuses: 404 for an outplan or outdial not there,
    400 naming ``outdial_id`` for an outdial a held campaign dials."""
    try:
        yield
    except ResourceNotFoundError as exc:
        reason = f"{exc.kind.upper()}_NOT_FOUND"
        raise not_found(reason, f"There is no live {exc.kind} {exc.resource_id}.") from None
    except OutdialInUseError as exc:
        raise invalid("outdial_id", str(exc)) from None
    except ValueError as exc:  # pragma: no cover - the options are checked before
        raise invalid(None, str(exc)) from None


def _campaign_args(body: Body) -> tuple[str, str, CampaignOptions]:
    """The ids and the options, as both campaign endpoints take them."""
    return body.uuid("outplan_id"), body.uuid("outdial_id"), _campaign_options(body)


def _campaign_options(body: Body) -> CampaignOptions:
    options: CampaignOptions = {}
    answer = body.get("answer")
    if answer is not ABSENT:
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


def _until(body: Body) -> datetime | timedelta | None:
    """``until``: an RFC 3339 time, or milliseconds after the start."""
    value = body.get("until")
    if isinstance(value, int) and not isinstance(value, bool):
        ms = body.milliseconds("until")
        return None if ms is None else to_timedelta(ms)
    return body.time("until")


def _held(campaign: Campaign) -> Json:
    return {
        "id": campaign.id,
        "start": format_timestamp(campaign.start),
        "now": format_timestamp(campaign.now),
        "stop_reason": campaign.stop_reason,
        "calls": [_call(call) for call in campaign.calls],
        "live_calls": [_call(call) for call in campaign.live_calls],
    }


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


async def faults(mock: Controlled, body: Body) -> Json:
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


def _rate_limit(body: Body) -> bool | tuple[float, int] | None:
    value = body.get("rate_limit")
    if value is ABSENT:
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
        raise invalid(missing, f"{missing} is required (or give rate_limit as true or false)")
    return per_second, burst


def _fail_next(body: Body) -> tuple[int, int] | None:
    failing = body.object("fail_next")
    if failing is None:
        return None
    status = failing.integer("fail_next.status")
    times = failing.integer("fail_next.times", minimum=1)
    failing.done()
    if status not in (429, 500, 503):
        raise invalid("fail_next.status", f"fail_next.status must be 429, 500 or 503, not {status}")
    return status, 1 if times is None else times


# --- what the endpoints answer ---------------------------------------------------------------


def faults_of(mock: Controlled) -> Json:
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


def state_of(mock: Controlled) -> Json:
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
    "/campaigns/run": ("POST", run_campaign),  # before /campaigns/{id}: the first match wins
    "/campaigns": ("POST", start_campaign),
    "/campaigns/{id}": ("GET", held_campaign),
    "/campaign_calls": ("POST", campaign_calls),
    "/queues": ("POST", add_queue),
    "/faults": ("POST", faults),
    "/state": ("GET", state),
}


class _Endpoint(AsgiEndpoint):
    """One control path: its method's handler (a 405 for another method), JSON in and out,
    errors in VoIPBIN's envelope."""

    def __init__(self, mock: Controlled, path: str, method: str, handler: Handler) -> None:
        self._mock, self._path, self._method, self._handler = mock, path, method, handler

    async def respond(self, request: Request) -> Response:
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
            body = Body(json_object(await request.body()), path=request.path_params)
            result = await self._handler(self._mock, body)
        except MockApiError as exc:
            return error_response(exc, rid)
        return render_json(200, result, {"X-Request-Id": rid})


def control_app(mock: Controlled) -> Router:
    """The control endpoints of ``mock``, to mount at :data:`CONTROL_PREFIX`."""
    routes: list[BaseRoute] = [
        Route(path, _Endpoint(mock, path, method, handler))
        for path, (method, handler) in _ENDPOINTS.items()
    ]
    return Router(routes=routes)
