"""Fixtures for the facade tests: clients (sync and async) over a respx router, no sockets."""

from __future__ import annotations

import ssl
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest
import respx
from facade_support import ACCESSKEY, BASE, TOKEN, Harness, MakeHarness, settle

from voipbin_outdial import AsyncVoipbinClient, VoipbinClient

# Building an SSL context costs ~40 ms; the clients of these tests share one (no socket is opened).
TLS = ssl.create_default_context()


@pytest.fixture(autouse=True)
def _no_env_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests see only the credentials they set, never the developer's own."""
    monkeypatch.delenv("VOIPBIN_TOKEN", raising=False)
    monkeypatch.delenv("VOIPBIN_ACCESSKEY", raising=False)


@pytest.fixture
def api() -> Iterator[respx.MockRouter]:
    """A respx router for BASE; a request it has no route for fails the test."""
    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        yield router


@pytest.fixture(params=["sync", "async"])
def kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
async def make_harness(kind: str, api: respx.MockRouter) -> AsyncIterator[MakeHarness]:
    """Build clients of this test's kind; each is closed at the end of the test."""
    made: list[tuple[Harness, Any]] = []

    async def make(**kwargs: Any) -> Harness:
        kwargs.setdefault("base_url", BASE)
        if "token" not in kwargs:
            kwargs.setdefault("accesskey", ACCESSKEY)
        http_type = httpx.AsyncClient if kind == "async" else httpx.Client
        # A user's http_client unless the test passes http_client=None (the client makes its own).
        http = kwargs.setdefault("http_client", http_type(verify=TLS))
        cls = AsyncVoipbinClient if kind == "async" else VoipbinClient
        harness = Harness(cls(**kwargs))
        made.append((harness, http))
        return harness

    yield make
    for harness, http in made:
        await harness.close()
        if http is not None:
            await settle(http.aclose() if isinstance(http, httpx.AsyncClient) else http.close())


@pytest.fixture(params=["token", "accesskey"])
def credential(request: pytest.FixtureRequest) -> dict[str, str]:
    """Client keyword arguments for each kind of credential."""
    return {"token": TOKEN} if request.param == "token" else {"accesskey": ACCESSKEY}
