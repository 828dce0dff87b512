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

In process, without sockets::

    from voipbin_outdial import VoipbinClient
    from voipbin_outdial.testing import VoipbinMock

    mock = VoipbinMock()
    with VoipbinClient(token="t", http_client=mock.client()) as client:
        plan = client.outplans.create(name="p", source={"type": "tel", "target": "+15550100"},
                                      dial_timeout=30_000, try_interval=60_000,
                                      max_try_counts=[2, 0, 0, 0, 0])
        outdial = client.outdials.create(campaign_id="183c0d5c-691e-42f3-af2b-9bffc2740f83",
                                         name="o", detail="d", data="x")
        ...
    calls = mock.run_campaign(plan.id, outdial.id, answer=0.3, seed=1)

As a server (under ``/v1.0`` and at the root): ``python -m voipbin_outdial.testing --port 4011``.

Needs the ``testing`` extra: ``pip install "voipbin-outdial[testing]"``.
"""

from __future__ import annotations

try:
    import starlette  # noqa: F401
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ImportError(
        "voipbin_outdial.testing needs Starlette, which comes with the 'testing' extra: "
        'pip install "voipbin-outdial[testing]"'
    ) from exc

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any, Final, Unpack
from uuid import UUID

import httpx
from starlette.applications import Starlette

from ._app import API_PREFIX, create_app
from ._campaign import Campaign, CampaignOptions
from ._errors import MockApiError
from ._gate import VOIPBIN_RATE_LIMIT, Accepted, FailureQueue, RateLimiter
from ._outcomes import Answer, CallOutcome, CallRecord
from ._simulation import EndHandle, StopReason
from ._store import MockStore, ResourceNotFoundError
from ._transport import SyncASGITransport
from ._validate import STRICT_REASON, InvalidRequestError

__all__ = [
    "API_PREFIX",
    "BASE_URL",
    "STRICT_REASON",
    "VOIPBIN_RATE_LIMIT",
    "Accepted",
    "Answer",
    "CallOutcome",
    "CallRecord",
    "Campaign",
    "CampaignOptions",
    "EndHandle",
    "InvalidRequestError",
    "MockApiError",
    "MockStore",
    "RateLimiter",
    "ResourceNotFoundError",
    "StopReason",
    "SyncASGITransport",
    "VoipbinMock",
    "create_app",
]

BASE_URL: Final = "https://api.voipbin.net" + API_PREFIX
"""The base URL of :meth:`VoipbinMock.client`: the SDK's default, so it needs no change."""


def _rate_limiter(rate_limit: bool | tuple[float, int] | RateLimiter) -> RateLimiter | None:
    if isinstance(rate_limit, RateLimiter):
        return rate_limit
    if rate_limit is True:
        return RateLimiter(*VOIPBIN_RATE_LIMIT)
    if not rate_limit:
        return None
    return RateLimiter(*rate_limit)


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
            ``(per_second, burst)``, or a :class:`RateLimiter` (with a clock of your own);
            beyond it, 429 with ``Retry-After``. Off by default.

    Attributes:
        app: The Starlette app (serve it with any ASGI server, or call it in process).
        store: Its state; :class:`MockStore` reads and writes it directly.
    """

    def __init__(
        self,
        *,
        tokens: Accepted = None,
        accesskeys: Accepted = None,
        clock: Callable[[], datetime] | None = None,
        customer_id: str | None = None,
        strict: bool = False,
        rate_limit: bool | tuple[float, int] | RateLimiter = False,
    ) -> None:
        self.store = MockStore(clock=clock, customer_id=customer_id)
        self._failures = FailureQueue()
        self.app: Starlette = create_app(
            self.store,
            tokens=tokens,
            accesskeys=accesskeys,
            strict=strict,
            rate_limiter=_rate_limiter(rate_limit),
            failures=self._failures,
        )

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
            ValueError: an option is out of range (see :class:`Campaign`).
        """
        return Campaign(self.store, _id(outplan_id), _id(outdial_id), **options)

    def run_campaign(
        self,
        outplan_id: str | UUID,
        outdial_id: str | UUID,
        *,
        until: datetime | timedelta | None = None,
        **options: Unpack[CampaignOptions],
    ) -> list[CallRecord]:
        """Simulate a campaign dialing ``outdial_id`` under ``outplan_id`` to its end; the calls.

        As VoIPBIN's engine does it (see :class:`~voipbin_outdial.testing.Campaign`): one
        available target at a time, least recently updated first, 500 ms between calls, which
        overlap; each call's start and hangup change the target in the mock, so the API shows
        the new try counts, statuses and ``tm_update``. No call is placed after ``until`` (a
        datetime, or a timedelta after the start); calls live then still hang up.

        ``answer=`` (default ``False``: nobody answers) is a probability drawn with ``seed=``, or
        a callable per attempt; ``outcome=`` gives each call's hangup reason and length instead.

        Raises:
            ResourceNotFoundError: the outplan or the outdial does not exist (or is deleted).
            ValueError: an option is out of range (see :class:`Campaign`).
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

    def reset(self) -> None:
        """Forget every outplan, outdial and target (the clock keeps going forward)."""
        self.store.reset()


def _id(value: str | UUID) -> str:
    """An id as the store keys it: the lowercase text of the UUID."""
    return str(value).lower()
