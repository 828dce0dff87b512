"""A synchronous httpx transport that calls an ASGI app in process (no sockets).

httpx ships :class:`httpx.ASGITransport` for :class:`httpx.AsyncClient` only. This wraps it for
:class:`httpx.Client`: requests run on an event loop in a helper thread that the transport starts
on first use (a daemon thread; :meth:`SyncASGITransport.close`, which ``httpx.Client.close``
calls, stops it, and so does garbage collection). The calling thread just waits for the answer,
so it works from plain code, from many threads at once, and from inside a running event loop.
The body is read up front and the response in full before it is returned.

(One loop for the transport's life instead of one per request, as Starlette's TestClient does
it, makes a request about seven times cheaper: ~0.35 ms instead of ~2.4 ms.)
"""

from __future__ import annotations

import asyncio
import threading
import weakref
from typing import TypeAlias

import httpx
from starlette.types import ASGIApp

__all__ = ["SyncASGITransport"]

_STOP_TIMEOUT = 5.0
_Finalizer: TypeAlias = (
    "weakref.finalize[[asyncio.AbstractEventLoop, threading.Thread], SyncASGITransport]"
)


def _serve(loop: asyncio.AbstractEventLoop) -> None:
    asyncio.set_event_loop(loop)
    try:
        loop.run_forever()
    finally:
        try:
            loop.run_until_complete(loop.shutdown_asyncgens())
        finally:
            loop.close()


def _stop(loop: asyncio.AbstractEventLoop, thread: threading.Thread) -> None:
    try:
        loop.call_soon_threadsafe(loop.stop)
    except RuntimeError:  # already closed
        return
    if thread is not threading.current_thread():
        thread.join(_STOP_TIMEOUT)


class SyncASGITransport(httpx.BaseTransport):
    """Send a sync client's requests to ``app`` in process.

    Args:
        app: The ASGI app.
        raise_app_exceptions: Re-raise an exception the app raises (else answer 500).
    """

    def __init__(self, app: ASGIApp, *, raise_app_exceptions: bool = True) -> None:
        self._transport = httpx.ASGITransport(app=app, raise_app_exceptions=raise_app_exceptions)
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._finalizer: _Finalizer | None = None

    def _event_loop(self) -> asyncio.AbstractEventLoop:
        with self._lock:
            if self._loop is None:
                loop = asyncio.new_event_loop()
                thread = threading.Thread(
                    target=_serve, args=(loop,), name="voipbin-mock-asgi", daemon=True
                )
                thread.start()
                self._loop = loop
                self._finalizer = weakref.finalize(self, _stop, loop, thread)
            return self._loop

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        # A sync request's stream may be sync-only (e.g. a generator): read it here, so the async
        # transport gets a byte stream it can read too.
        content = request.read()
        forwarded = httpx.Request(
            request.method,
            request.url,
            headers=request.headers,
            content=content,
            extensions=request.extensions,
        )
        future = asyncio.run_coroutine_threadsafe(self._send(forwarded), self._event_loop())
        return future.result()

    async def _send(self, request: httpx.Request) -> httpx.Response:
        response = await self._transport.handle_async_request(request)
        try:
            content = await response.aread()
        finally:
            await response.aclose()
        return httpx.Response(
            response.status_code,
            headers=response.headers,
            content=content,
            extensions=response.extensions,
        )

    def close(self) -> None:
        """Stop the helper thread (a later request starts a new one)."""
        with self._lock:
            finalizer, self._finalizer, self._loop = self._finalizer, None, None
        if finalizer is not None:
            finalizer()
