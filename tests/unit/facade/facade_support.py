"""Shared data and helpers for the facade tests (imported by conftest.py and the tests)."""

from __future__ import annotations

import copy
import inspect
import json
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import yaml

from voipbin_outdial import AsyncVoipbinClient, VoipbinClient

ROOT = Path(__file__).resolve().parents[3]
SPEC: dict[str, Any] = yaml.safe_load((ROOT / "openapi.yaml").read_text())
SEEDS: dict[str, Any] = json.loads((ROOT / "tests/fixtures/seed_examples.json").read_text())

BASE = "https://api.test.invalid/v1.0"
# Every credential holds SECRET, so one substring check finds any leak of either.
TOKEN = "eyJhbGciOiJIUzI1NiJ9.SECRET-jwt-payload.c2lnbmF0dXJl"
ACCESSKEY = "SECRET-accesskey-4f2d87b5"
LEAK = "SECRET"

PLAN_ID = "d5fb7357-7ddb-4f2d-87b5-8ccbfd6c039e"
OUTDIAL_ID = "40bea034-1d17-474d-a5de-da00d0861c69"
TARGET_ID = "1b3d7a92-7146-466d-90f5-4bc701ada4c0"
CAMPAIGN_ID = "183c0d5c-691e-42f3-af2b-9bffc2740f83"

Client = VoipbinClient | AsyncVoipbinClient

HTTP_CLIENT_OWNERS: list[dict[str, Any]] = [{}, {"http_client": None}]
"""``make_harness`` keyword arguments for a user's ``http_client`` (credentials and timeouts
passed per request) and for the client's own (both set as that httpx client's defaults)."""
OWNER_IDS = ["user-http", "own-http"]


def example(name: str) -> dict[str, Any]:
    """A fresh copy of ``components/examples/<name>`` of openapi.yaml."""
    value: dict[str, Any] = SPEC["components"]["examples"][name]["value"]
    return copy.deepcopy(value)


def outplan(**overrides: Any) -> dict[str, Any]:
    return {**copy.deepcopy(SEEDS["outplan"]), **overrides}


def outdial(**overrides: Any) -> dict[str, Any]:
    return {**example("OutdialValue"), **overrides}


def target(**overrides: Any) -> dict[str, Any]:
    return {**copy.deepcopy(SEEDS["outdialtarget"]), **overrides}


def error_body(status: str, reason: str, message: str, request_id: str) -> dict[str, Any]:
    return {
        "error": {"status": status, "reason": reason, "message": message, "request_id": request_id}
    }


async def settle(value: Any) -> Any:
    """``value``, awaited if it is awaitable: calls sync and async clients alike."""
    return await value if inspect.isawaitable(value) else value


async def collect(items: Iterator[Any] | AsyncIterator[Any]) -> list[Any]:
    """Every item of a sync or an async iterator."""
    if isinstance(items, Iterator):
        return list(items)
    return [item async for item in items]


class Harness:
    """One client (sync or async) and the delays its retries asked to sleep.

    Nothing really sleeps: the client's clock runs ahead by the sleeps it asked for, so its
    time bound sees them as if they had passed.
    """

    def __init__(self, client: Client) -> None:
        self.client = client
        self.sleeps: list[float] = []
        self.is_async = isinstance(client, AsyncVoipbinClient)
        client._sender.clock = lambda: time.monotonic() + sum(self.sleeps)
        if self.is_async:

            async def record(delay: float) -> None:
                self.sleeps.append(delay)

            client._sender.sleep = record
        else:
            client._sender.sleep = self.sleeps.append

    def method(self, dotted: str) -> Any:
        resource, name = dotted.split(".")
        return getattr(getattr(self.client, resource), name)

    async def call(self, dotted: str, *args: Any, **kwargs: Any) -> Any:
        """Call ``"outplans.get"`` etc. and await it when the client is async."""
        return await settle(self.method(dotted)(*args, **kwargs))

    async def collect(self, dotted: str, *args: Any, **kwargs: Any) -> list[Any]:
        return await collect(self.method(dotted)(*args, **kwargs))

    async def close(self) -> None:
        await settle(self.client.close())


MakeHarness = Callable[..., Awaitable[Harness]]
"""The ``make_harness`` fixture: ``await make_harness(**client_kwargs)``."""
