"""Fixtures for the tests of voipbin_outdial.testing: a mock and clients on it, in process."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
from mock_support import AUTH, StepClock

from voipbin_outdial.testing import VoipbinMock


@pytest.fixture
def mock() -> VoipbinMock:
    """A fresh mock on a clock that starts at 2024-01-01 12:00 UTC and ticks 1 s per reading."""
    return VoipbinMock(clock=StepClock())


@pytest.fixture
def http(mock: VoipbinMock) -> Iterator[httpx.Client]:
    """A sync httpx client on ``mock`` with a bearer token."""
    with mock.client(headers=AUTH) as client:
        yield client


@pytest.fixture
async def ahttp(mock: VoipbinMock) -> AsyncIterator[httpx.AsyncClient]:
    """An async httpx client on ``mock`` with a bearer token."""
    async with mock.async_client(headers=AUTH) as client:
        yield client
