# unasync: the source of _sync/client.py; edit this file, then run scripts/unasync.py
"""The client and its resources.

```python
async with AsyncVoipbinClient(accesskey="...") as client:  # or token=, or $VOIPBIN_ACCESSKEY
    plan = await client.outplans.get("d5fb7357-7ddb-4f2d-87b5-8ccbfd6c039e")
    async for target in client.outdialtargets.iter(outdial_id):
        ...
```
"""

from __future__ import annotations

import asyncio
from functools import cached_property
from typing import Self

import httpx

from .._auth import Given
from .._config import (
    DEFAULT_MAX_RESPONSE_BYTES,
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    http_client_for,
    make_settings,
    with_options,
)
from .._pacing import AdaptiveRateLimit
from .._ratelimit import RateLimit
from .campaigns import AsyncCampaigncalls, AsyncCampaigns
from .limiter import AsyncRateLimiter, to_limiter
from .raw import AsyncVoipbinClientWithRawResponse
from .resources import AsyncOutdials, AsyncOutplans
from .sender import AsyncSender
from .targets import AsyncOutdialtargets

__all__ = ["AsyncVoipbinClient"]


class AsyncVoipbinClient:
    """A client for VoIPBIN's outbound-calling API: ``async with`` it, or ``await client.close()``.

    Args:
        token: A JWT, sent as ``Authorization: Bearer <jwt>``.
        accesskey: An access key, sent as the ``accesskey`` query parameter.
            Without either, ``$VOIPBIN_TOKEN`` then ``$VOIPBIN_ACCESSKEY`` are used.
        base_url: The API root: ``https://api.voipbin.net/v1.0``, or the ``http_client``'s own
            ``base_url`` when it has one (both given and different: an error).
        timeout: Seconds (or an :class:`httpx.Timeout`, every part set) each try may take; each
            method takes ``timeout=`` too. A call takes at most ``timeout`` per try it may make
            (POST: 1, the others: ``1 + max_retries``), waits between tries included.
        max_retries: Retries of GET, PUT and DELETE on connection errors and 408, 429, 5xx
            (0: none), while the call's time bound allows. POST is never retried.
        max_response_bytes: The largest response body read (32 MiB); a larger one raises
            :class:`~voipbin_outdial.errors.ResponseTooLargeError`.
        http_client: Your own :class:`httpx.AsyncClient` (proxies, transports, an ASGI app).
            The credentials are applied per request, redirects are never followed, and
            :meth:`close` leaves it open.
        rate_limit: Pace every request of this client, retries included: a
            :class:`~voipbin_outdial.RateLimit` (or ``(per_second, burst)``), an
            :class:`~voipbin_outdial.AdaptiveRateLimit` (slower after the 429s
            ``create_many`` meets), or an :class:`AsyncRateLimiter` to share with other
            clients. ``None`` (the default): no pacing (``outdialtargets.create_many`` paces
            itself, adaptively). The wait for a slot counts
            against the call's time bound; a wait that would end past it is not made
            (:class:`~voipbin_outdial.errors.ClientRateLimitError`, nothing sent).

    Raises:
        MissingCredentialsError: No credential was given or found in the environment.
        ArgumentError: An argument is malformed (also a ``ValueError`` or ``TypeError``).
    """

    outplans: AsyncOutplans
    outdials: AsyncOutdials
    outdialtargets: AsyncOutdialtargets
    campaigns: AsyncCampaigns
    campaigncalls: AsyncCampaigncalls

    def __init__(
        self,
        *,
        token: str | None = None,
        accesskey: str | None = None,
        base_url: str | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
        http_client: httpx.AsyncClient | None = None,
        rate_limit: AsyncRateLimiter
        | RateLimit
        | AdaptiveRateLimit
        | tuple[float, int]
        | None = None,
    ) -> None:
        given = Given(token, accesskey)
        del token, accesskey  # no frame of a traceback from here on holds them as plain text
        self._settings = make_settings(
            given=given,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            max_response_bytes=max_response_bytes,
            http_type=httpx.AsyncClient,
            http_client=http_client,
        )
        limiter = to_limiter(rate_limit)  # checked before an httpx client is made
        http = http_client_for(httpx.AsyncClient, http_client, self._settings)
        self._owns_http = http_client is None
        self._attach(
            AsyncSender(
                http, asyncio.sleep, self._settings, limiter=limiter, defaults_set=self._owns_http
            )
        )

    def _attach(self, sender: AsyncSender) -> None:
        self._sender = sender
        self.outplans = AsyncOutplans(sender)
        self.outdials = AsyncOutdials(sender)
        self.outdialtargets = AsyncOutdialtargets(sender)
        self.campaigns = AsyncCampaigns(sender)
        self.campaigncalls = AsyncCampaigncalls(sender)

    def with_options(
        self, *, timeout: float | httpx.Timeout | None = None, max_retries: int | None = None
    ) -> Self:
        """A client like this one with another ``timeout`` or ``max_retries`` (``None``: this
        client's), sharing its connection pool, credentials and rate limiter: for one call,
        ``await client.with_options(max_retries=0).outplans.get(id)``.

        Closing it leaves the pool open; closing this client closes the pool for both.
        """
        settings = with_options(self._settings, timeout=timeout, max_retries=max_retries)
        clone = type(self).__new__(type(self))
        clone._settings = settings
        clone._owns_http = False
        clone._attach(self._sender.with_settings(settings))
        return clone

    @property
    def base_url(self) -> str:
        """The API root every path is appended to."""
        return self._settings.base_url

    @cached_property
    def with_raw_response(self) -> AsyncVoipbinClientWithRawResponse:
        """The resources' methods returning the response as it came: status, headers,
        ``request_id``, the body, and ``.parse()`` for the model
        (``await client.with_raw_response.outplans.get(id)``)."""
        return AsyncVoipbinClientWithRawResponse(self)

    @property
    def rate_limiter(self) -> AsyncRateLimiter | None:
        """The limiter every request waits on (``rate_limit=``), or ``None``."""
        return self._sender.limiter

    def __repr__(self) -> str:
        settings = getattr(self, "_settings", None)
        if settings is None:  # __init__ raised (a traceback with its locals shows `self`)
            return f"{type(self).__name__}(not set up)"
        return (
            f"{type(self).__name__}(base_url={settings.base_url!r}, "
            f"auth={settings.credentials.kind!r}, max_retries={settings.max_retries})"
        )

    async def close(self) -> None:
        """Close the connection pool (not an ``http_client`` you passed in: that is yours).

        A call after it raises :class:`~voipbin_outdial.errors.ClientClosedError`.
        """
        self._sender.closed = True
        if self._owns_http:
            await self._sender.http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()
