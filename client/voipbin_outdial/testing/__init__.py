"""A stateful mock of VoIPBIN's outbound-calling API, for your own tests.

Unlike a spec mock (Prism), it remembers: what you create can be read, listed, updated and
deleted afterwards, and a simulated campaign dials the targets the way VoIPBIN's engine does
(:mod:`voipbin_outdial.dialplan`), so try counts and statuses move as on the real service.

It answers as VoIPBIN's running server does (its Go code; ``docs/server-behaviour.md`` lists
each rule and where the code shows it): what the server refuses is refused with the server's
400/401/403/404 and reasons, what it accepts is accepted (unknown fields, any ``page_size``),
lists are newest first, deleted resources still answer by id, times are RFC 3339. Code that
passes against the mock should pass against VoIPBIN. ``VoipbinMock(strict=True)`` also refuses
what openapi.yaml forbids but the server lets through, to find mistakes early.

In process, without sockets (a campaign run with ``client.campaigns.update_status(id, "run")``
dials as the mock's clock moves, :meth:`VoipbinMock.advance_clock`; ``mock.run_campaign(outplan_id,
outdial_id)`` runs one without the API)::

    mock = VoipbinMock(campaign_calls={"answer": 0.3, "seed": 1})
    with VoipbinClient(token="t", http_client=mock.client()) as client:
        campaign = client.campaigns.create(name="spring", outplan_id=plan.id)  # plan: an outplan
        ...

As a server (under ``/v1.0`` and at the root): ``python -m voipbin_outdial.testing --port 4011``;
its test-only control endpoints under ``/_mock`` (:mod:`._control`) reset it, move its clock, run
or hold a campaign and set faults over HTTP. Needs the ``testing`` extra (``pip install
"voipbin-outdial[testing]"``).
"""

from __future__ import annotations

try:
    import starlette  # noqa: F401
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ImportError(
        "voipbin_outdial.testing needs Starlette, which comes with the 'testing' extra: "
        'pip install "voipbin-outdial[testing]"'
    ) from exc

from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any, Final, TypeAlias, Unpack
from uuid import UUID

import attrs
import httpx
from starlette.applications import Starlette

from ..timeutil import as_utc, format_timestamp, to_timedelta
from ._app import API_PREFIX, create_app
from ._calllog import CallLog
from ._campaign import Campaign, CampaignOptions
from ._clock import MockClock
from ._control import CONTROL_PREFIX, CONTROL_REASON, control_app
from ._errors import MockApiError
from ._faults import FaultChanges, FaultMiddleware, Faults, FaultSwitch, ResponseDropped
from ._gate import VOIPBIN_RATE_LIMIT, Accepted, FailureQueue, MockRateLimiter
from ._held import HeldCampaigns, OutdialInUseError
from ._mockstore import MockStore
from ._outcomes import Answer, CallOutcome, CallRecord
from ._simulation import EndHandle, StopReason
from ._store import ResourceNotFoundError
from ._transport import SyncASGITransport
from ._validate import STRICT_REASON, InvalidRequestError

__all__ = [
    "API_PREFIX",
    "BASE_URL",
    "CONTROL_PREFIX",
    "CONTROL_REASON",
    "STRICT_REASON",
    "VOIPBIN_RATE_LIMIT",
    "Accepted",
    "Answer",
    "CallLog",
    "CallOutcome",
    "CallRecord",
    "Campaign",
    "CampaignOptions",
    "EndHandle",
    "FaultChanges",
    "FaultMiddleware",
    "FaultSwitch",
    "Faults",
    "InvalidRequestError",
    "MockApiError",
    "MockRateLimiter",
    "MockStore",
    "OutdialInUseError",
    "ResourceNotFoundError",
    "ResponseDropped",
    "StopReason",
    "SyncASGITransport",
    "VoipbinMock",
    "create_app",
]

RateLimiter = MockRateLimiter  # the old spelling (voipbin_outdial.RateLimiter: the client's)
_LAST_TIME: Final = datetime(9999, 1, 1, tzinfo=UTC)  # the timeutil.NEVER sentinel's year

BASE_URL: Final = "https://api.voipbin.net" + API_PREFIX
"""The base URL of :meth:`VoipbinMock.client`: the SDK's default, so it needs no change."""


RateLimitArg: TypeAlias = bool | tuple[float, int]
"""A rate limit: ``True`` for VoIPBIN's, ``False`` for none, or ``(per_second, burst)``."""


def _limit(rate_limit: RateLimitArg) -> tuple[float | None, int]:
    """``MockRateLimiter.set_limit``'s arguments for a limit asked for."""
    if rate_limit is True:
        return VOIPBIN_RATE_LIMIT
    if rate_limit is False:
        return None, VOIPBIN_RATE_LIMIT[1]
    per_second, burst = rate_limit
    return per_second, burst


class VoipbinMock:
    """An in-memory VoIPBIN: the ASGI app, its state, clients wired to it, and a dialer.

    Args:
        tokens: JWTs accepted from the ``token`` cookie, ``?token=`` or ``Authorization:
            Bearer``: ``None`` (the default) accepts any non-empty one; a collection accepts
            those; a mapping accepts its keys, each as the customer whose id it maps to.
        accesskeys: Keys accepted from the ``accesskey`` cookie or ``?accesskey=``, the same
            way. As on VoIPBIN, a token is checked instead of the access key when both come.
        clock: "Now" for ``tm_create``/``tm_update``/``tm_delete`` (an aware datetime; naive
            means UTC); the wall clock by default. Times never repeat or go back.
        customer_id: The customer of credentials not mapped to another one, and so of what
            they create (a new uuid4 by default). Another customer's resources answer 403.
        strict: Also refuse what VoIPBIN accepts but is almost surely a mistake: fields
            openapi.yaml requires but the server does not check, ``null`` and negative counts,
            unknown address types, unknown fields, ``page_size`` outside 1..100. Such a 400 has
            the reason :data:`STRICT_REASON`.
        rate_limit: Limit each customer's requests as VoIPBIN does: ``True`` for its
            :data:`VOIPBIN_RATE_LIMIT` (about 16.7 a second, a burst of 33),
            ``(per_second, burst)``, or a :class:`MockRateLimiter` (with a clock of your own);
            beyond it, 429 with ``Retry-After``. Off by default.
        campaign_calls: How the calls of campaigns run through the API end: ``answer``,
            ``seed``, ``talk_time``, ``ring_time`` or ``outcome``, as :meth:`campaign` takes
            them (none is answered by default); ``POST /_mock/campaign_calls`` changes them.
        latency: Seconds every request waits before it is handled.
        too_many_requests: The fraction of requests answered with VoIPBIN's 429 at random.
        drop_after_commit: The fraction of successful POSTs that create what they ask for and
            then lose the response (the client sees the connection closed).
        fault_seed: Seeds the random 429s and drops, to repeat a run. These last four are
            faults (:class:`FaultMiddleware`), all off by default. :meth:`set_faults`,
            :meth:`set_rate_limit` and :meth:`fail_next` change them later.

    Attributes:
        app: The Starlette app (serve it with any ASGI server, or call it in process), with
            the control endpoints under :data:`CONTROL_PREFIX` (``/_mock``).
        store: Its state; :class:`MockStore` reads and writes it directly.
        rate_limiter: The per-customer limit (:class:`MockRateLimiter`; off unless asked for).
    """

    def __init__(
        self,
        *,
        tokens: Accepted = None,
        accesskeys: Accepted = None,
        clock: Callable[[], datetime] | None = None,
        customer_id: str | None = None,
        strict: bool = False,
        rate_limit: RateLimitArg | MockRateLimiter = False,
        latency: float = 0.0,
        too_many_requests: float = 0.0,
        drop_after_commit: float = 0.0,
        fault_seed: int | None = None,
        campaign_calls: CampaignOptions | None = None,
    ) -> None:
        self._clock = MockClock(clock)
        self.store = MockStore(clock=self._clock, customer_id=customer_id)
        self._held = HeldCampaigns(self.store)
        self._held.dialer.options = {**(campaign_calls or {})}
        self._failures = FailureQueue()
        if isinstance(rate_limit, MockRateLimiter):
            self.rate_limiter = rate_limit
        else:
            self.rate_limiter = MockRateLimiter(*_limit(rate_limit))
        self._initial_limit = self.rate_limiter.limit
        self.app: Starlette = create_app(
            self.store,
            tokens=tokens,
            accesskeys=accesskeys,
            strict=strict,
            rate_limiter=self.rate_limiter,
            failures=self._failures,
        )
        self._initial_faults = Faults(
            latency=latency,
            too_many_requests=too_many_requests,
            drop_after_commit=drop_after_commit,
            seed=fault_seed,
        )
        self._faults = FaultSwitch(self._initial_faults)
        self.app.add_middleware(FaultMiddleware, faults=self._faults, exempt=CONTROL_PREFIX)
        self.app.mount(CONTROL_PREFIX, control_app(self))

    @property
    def faults(self) -> Faults:
        """The faults in force (:class:`Faults`)."""
        return self._faults.faults

    @property
    def now(self) -> datetime:
        """The mock's current time (aware UTC): never before a time it has handed out."""
        return self.store.current_time()

    def client(self, *, base_url: str = BASE_URL, **kwargs: Any) -> httpx.Client:
        """A new :class:`httpx.Client` that sends every request to :attr:`app` in process.

        ``kwargs`` go to :class:`httpx.Client` (headers, params, timeout ...). Close it when
        done (or use it as a context manager); pass it as ``VoipbinClient(http_client=...)``.
        """
        return httpx.Client(transport=SyncASGITransport(self.app), base_url=base_url, **kwargs)

    def async_client(self, *, base_url: str = BASE_URL, **kwargs: Any) -> httpx.AsyncClient:
        """A new :class:`httpx.AsyncClient` on :attr:`app` (:class:`httpx.ASGITransport`)."""
        return httpx.AsyncClient(
            transport=httpx.ASGITransport(app=self.app), base_url=base_url, **kwargs
        )

    def campaign(
        self, outplan_id: str | UUID, outdial_id: str | UUID, **options: Unpack[CampaignOptions]
    ) -> Campaign:
        """A campaign dialing ``outdial_id`` under ``outplan_id``, to run step by step.

        ``campaign.run_until(when)`` moves its virtual clock on; in between, the API shows what
        VoIPBIN would show then (targets ``progressing`` with their new try count while their
        call is live). ``campaign.run()`` runs it to the end. The options are
        :class:`~voipbin_outdial.testing.Campaign`'s: ``answer``, ``seed``, ``start``,
        ``talk_time``, ``ring_time``, ``outcome``, ``end_handle``.

        Raises:
            ResourceNotFoundError: the outplan or the outdial does not exist (or is deleted).
            OutdialInUseError: a held campaign still running dials the outdial (a ValueError).
            ValueError: an option is out of range (see :class:`Campaign`).
        """
        self._held.refuse_in_use(_id(outdial_id))
        return Campaign(self.store, _id(outplan_id), _id(outdial_id), **options)

    def start_campaign(
        self, outplan_id: str | UUID, outdial_id: str | UUID, **options: Unpack[CampaignOptions]
    ) -> Campaign:
        """A campaign the mock holds, as VoIPBIN runs one once started: it places its first call
        now, and each move of the clock (:meth:`advance_clock`, :meth:`move_clock_to`) runs it
        up to the new time, so between two requests the API shows live calls and ended ones.
        Options as :meth:`campaign`'s but ``start``; read it back from :attr:`held_campaigns`.

        Raises:
            ResourceNotFoundError: the outplan or the outdial does not exist (or is deleted).
            OutdialInUseError: a held campaign still running dials the outdial (a ValueError).
            ValueError: an option is out of range, or ``start`` is given.
        """
        return self._held.start(_id(outplan_id), _id(outdial_id), **options)

    @property
    def held_campaigns(self) -> Mapping[str, Campaign]:
        """The campaigns :meth:`start_campaign` started (stopped ones too) by ``id``, a copy."""
        return self._held.by_id()

    def run_campaign(
        self,
        outplan_id: str | UUID,
        outdial_id: str | UUID,
        *,
        until: datetime | timedelta | None = None,
        **options: Unpack[CampaignOptions],
    ) -> CallLog:
        """Simulate a campaign dialing ``outdial_id`` under ``outplan_id`` to its end; the calls
        (a :class:`CallLog`: a read-only sequence of :class:`CallRecord`).

        As VoIPBIN's engine does it (see :class:`~voipbin_outdial.testing.Campaign`): one
        available target at a time, least recently updated first, 500 ms between calls, which
        overlap; each call's start and hangup change the target in the mock, so the API shows
        the new try counts, statuses and ``tm_update``. No call is placed after ``until`` (a
        datetime, or a timedelta after the start); calls live then still hang up.

        ``answer=`` (default ``False``: nobody answers) is a probability drawn with ``seed=``, or
        a callable per attempt; ``outcome=`` gives each call's hangup reason and length instead.

        The run starts at the mock's current time (unless ``start=``); afterwards the mock's
        times are never earlier than the run's last event.

        Raises:
            ResourceNotFoundError, OutdialInUseError, ValueError: as :meth:`campaign`.
        """
        return self.campaign(outplan_id, outdial_id, **options).run(until=until)

    def fail_next(self, status_code: int = 503, *, times: int = 1) -> None:
        """Answer the next ``times`` authenticated requests with VoIPBIN's error for
        ``status_code``, as if a service behind the API failed: 503 ``SERVICE_UNAVAILABLE``,
        500 ``INTERNAL`` or 429 ``RATE_LIMIT_EXCEEDED`` (``Retry-After: 1``). For testing
        retries; nothing is changed by those requests.

        Raises:
            ValueError: another status, or ``times`` below 1.
        """
        self._failures.add(status_code, times)

    @property
    def pending_failures(self) -> list[int]:
        """The status codes :meth:`fail_next` has queued and no request has met yet."""
        return self._failures.pending

    def set_faults(self, **changes: Unpack[FaultChanges]) -> Faults:
        """Change some of the faults (``latency``, ``too_many_requests``, ``drop_after_commit``,
        ``seed``: see :class:`Faults`) while the mock serves; the others stay. The random
        draws start again from the seed. Returns the faults now in force.

        Raises:
            TypeError, ValueError: a value out of range (the message names it).
        """
        faults = attrs.evolve(self.faults, **changes)
        self._faults.set(faults)
        return faults

    def set_rate_limit(self, rate_limit: RateLimitArg) -> None:
        """Switch VoIPBIN's per-customer limit on (``True``, or ``(per_second, burst)``) or off
        (``False``) while the mock serves; every customer starts with a full burst.

        Raises:
            ValueError: a burst below 1.
        """
        self.rate_limiter.set_limit(*_limit(rate_limit))

    def advance_clock(self, by: int | timedelta) -> datetime:
        """Move the mock's clock ``by`` (milliseconds or a timedelta) past its current time;
        it keeps running from there. Returns the new time. Times the mock hands out afterwards
        (``tm_create``, ``tm_update``, a campaign's default start) are at least that late; the
        held campaigns (:meth:`start_campaign`) have run up to it.

        Raises:
            ValueError: ``by`` is negative: the mock's times never go back.
        """
        try:
            step = by if isinstance(by, timedelta) else to_timedelta(by)
        except OverflowError:
            step = timedelta.max
        if step < timedelta(0):
            raise ValueError(f"the mock's clock does not go back (asked to move by {step})")

        def later(now: datetime) -> datetime:
            try:
                return now + step
            except OverflowError:  # past the year 9999: refused as such below
                return _LAST_TIME

        return self._set_clock(later)

    def move_clock_to(self, when: datetime) -> datetime:
        """Set the mock's clock to ``when`` (aware; naive means UTC); it keeps running from
        there, and the held campaigns have run up to ``when``. Returns ``when`` in UTC.

        Raises:
            ValueError: ``when`` is before the mock's current time (after a campaign run, its
                last event): the mock's times never go back.
        """
        when = as_utc(when, "when")
        return self._set_clock(lambda _now: when)

    def _set_clock(self, to: Callable[[datetime], datetime]) -> datetime:
        """Move the clock to ``to(now)``, reading "now" once, under the store's lock; then run
        the held campaigns up to it."""
        with self.store.locked():
            now = self.now
            when = to(now)
            if when < now:
                raise ValueError(
                    f"the mock's clock does not go back: it is {format_timestamp(now)}, "
                    f"{format_timestamp(when)} is earlier"
                )
            if when >= _LAST_TIME:
                raise ValueError(
                    f"the mock's clock stops before the year {_LAST_TIME.year}, whose times "
                    f"VoIPBIN reads as 'never' ({format_timestamp(when)} asked for)"
                )
            self._clock.shift(max(when - self._clock(), timedelta(0)))
        self._held.run_until(when)
        return when

    def reset(self) -> None:
        """Forget every outplan, outdial and target, every held campaign and every failure
        :meth:`fail_next` queued, and put the faults and the rate limit back to what the mock
        was made with (every customer starts with a full burst). The clock keeps going
        forward."""
        self.store.reset()
        self._held.clear()
        self._failures.clear()
        self._faults.set(self._initial_faults)
        initial = self._initial_limit
        if initial is None:
            self.rate_limiter.set_limit(None)
        else:
            self.rate_limiter.set_limit(*initial)


def _id(value: str | UUID) -> str:
    """An id as the store keys it: the lowercase text of the UUID."""
    return str(value).lower()
