"""The clients: :class:`VoipbinClient` and its ``async`` twin :class:`AsyncVoipbinClient`.

```python
with VoipbinClient(accesskey="...") as client:          # or token=, or $VOIPBIN_ACCESSKEY
    plan = client.outplans.get("d5fb7357-7ddb-4f2d-87b5-8ccbfd6c039e")
    for target in client.outdialtargets.iter(outdial_id):
        ...
```
"""

from __future__ import annotations

import asyncio
import time
from types import TracebackType
from typing import Self, TypeVar

import httpx

from ._base import AsyncSender, SyncSender
from ._config import (
    DEFAULT_BASE_URL,
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    USER_AGENT,
    Settings,
    make_settings,
)
from ._resources import (
    AsyncOutdials,
    AsyncOutdialtargets,
    AsyncOutplans,
    Outdials,
    Outdialtargets,
    Outplans,
)

__all__ = ["AsyncVoipbinClient", "VoipbinClient"]


H = TypeVar("H", httpx.Client, httpx.AsyncClient)


def _setup(
    http_type: type[H],
    http_client: H | None,
    token: str | None,
    accesskey: str | None,
    base_url: str,
    timeout: float | httpx.Timeout,
    max_retries: int,
) -> tuple[Settings, H]:
    """Checked settings and the httpx client to send through (a new one if none is given)."""
    settings = make_settings(
        token=token,
        accesskey=accesskey,
        base_url=base_url,
        timeout=timeout,
        max_retries=max_retries,
    )
    if http_client is None:
        # The credential header and the timeout are this client's defaults: requests then need
        # not pass them, which spares httpx a merge per request (see _Sender).
        headers = {"User-Agent": USER_AGENT, **settings.credentials.headers}
        return settings, http_type(headers=headers, timeout=settings.timeout)
    if not isinstance(http_client, http_type):
        raise TypeError(
            f"http_client must be an httpx.{http_type.__name__}, not {type(http_client).__name__}"
        )
    return settings, http_client


class _ClientBase:
    """What both clients share beyond their resources: settings, ``base_url`` and the repr."""

    _settings: Settings

    @property
    def base_url(self) -> str:
        """The API root every path is appended to."""
        return self._settings.base_url

    def __repr__(self) -> str:
        settings = self._settings
        return (
            f"{type(self).__name__}(base_url={settings.base_url!r}, "
            f"auth={settings.credentials.kind!r}, max_retries={settings.max_retries})"
        )


class VoipbinClient(_ClientBase):
    """A client for VoIPBIN's outbound-calling API.

    Args:
        token: A JWT, sent as ``Authorization: Bearer <jwt>``.
        accesskey: An access key, sent as the ``accesskey`` query parameter.
            Without either, ``$VOIPBIN_TOKEN`` then ``$VOIPBIN_ACCESSKEY`` are used.
        base_url: The API root.
        timeout: Seconds (or an :class:`httpx.Timeout`) per request; each method takes
            ``timeout=`` too.
        max_retries: Retries of GET, PUT and DELETE on connection errors and 408, 429, 5xx
            (0: none). POST is never retried.
        http_client: Your own :class:`httpx.Client` (proxies, transports, an ASGI app). The
            base URL and credentials are applied per request, and :meth:`close` leaves it open.

    Raises:
        MissingCredentialsError: No credential was given or found in the environment.
    """

    outplans: Outplans
    outdials: Outdials
    outdialtargets: Outdialtargets

    def __init__(
        self,
        *,
        token: str | None = None,
        accesskey: str | None = None,
        base_url: str = DEFAULT_BASE_URL,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.Client | None = None,
    ) -> None:
        self._settings, http = _setup(
            httpx.Client, http_client, token, accesskey, base_url, timeout, max_retries
        )
        self._owns_http = http_client is None
        self._sender = SyncSender(http, time.sleep, self._settings, defaults_set=self._owns_http)
        self.outplans = Outplans(self._sender)
        self.outdials = Outdials(self._sender)
        self.outdialtargets = Outdialtargets(self._sender)

    def close(self) -> None:
        """Close the connection pool (not an ``http_client`` you passed in: that is yours)."""
        if self._owns_http:
            self._sender.http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class AsyncVoipbinClient(_ClientBase):
    """The ``async`` twin of :class:`VoipbinClient`: the same arguments and resources, with
    coroutine methods and ``async for`` over ``iter()``; ``http_client`` is an
    :class:`httpx.AsyncClient`. Use ``async with`` or ``await client.close()``.
    """

    outplans: AsyncOutplans
    outdials: AsyncOutdials
    outdialtargets: AsyncOutdialtargets

    def __init__(
        self,
        *,
        token: str | None = None,
        accesskey: str | None = None,
        base_url: str = DEFAULT_BASE_URL,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        self._settings, http = _setup(
            httpx.AsyncClient, http_client, token, accesskey, base_url, timeout, max_retries
        )
        self._owns_http = http_client is None
        self._sender = AsyncSender(
            http, asyncio.sleep, self._settings, defaults_set=self._owns_http
        )
        self.outplans = AsyncOutplans(self._sender)
        self.outdials = AsyncOutdials(self._sender)
        self.outdialtargets = AsyncOutdialtargets(self._sender)

    async def close(self) -> None:
        """Close the connection pool (not an ``http_client`` you passed in: that is yours)."""
        if self._owns_http:
            await self._sender.http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()
