"""pytest fixtures for code that calls VoIPBIN: a fresh stateful mock for each test, and clients
wired to it in process (no sockets, no credentials to set up).

pytest loads this module by itself, through the package's ``pytest11`` entry point: with
``pip install "voipbin-outdial[testing]"`` a test file needs no conftest.py and no import to
use the fixtures. ``pytest -p no:voipbin_outdial`` leaves it out. Loading it imports nothing
else: the mock (Starlette) is imported when a test first asks for a fixture.

Each fixture is new for every test:

* ``voipbin_mock``: a :class:`~voipbin_outdial.testing.VoipbinMock`. Give it options with the
  marker ``@pytest.mark.voipbin_mock(strict=True, rate_limit=True, ...)`` (on a test, a class
  or a module: the closest one counts), which takes ``VoipbinMock``'s keyword arguments.
* ``voipbin_client``: a :class:`~voipbin_outdial.VoipbinClient` on that mock, with the token
  :data:`TOKEN`; its in-process transport is closed after the test.
* ``async_voipbin_client``: an :class:`~voipbin_outdial.AsyncVoipbinClient` on the same mock.
  It is a plain fixture, so it works under any async runner (pytest-asyncio in strict or auto
  mode, anyio) and holds nothing to close.

A mock made with ``tokens=`` or ``accesskeys=`` accepts only those: build your clients from
``voipbin_mock.client()`` yourself then. A fixture of the same name in your conftest.py replaces
one of these.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Final

import pytest

if TYPE_CHECKING:
    from voipbin_outdial import AsyncVoipbinClient, VoipbinClient
    from voipbin_outdial.testing import VoipbinMock

__all__ = ["TOKEN", "async_voipbin_client", "voipbin_client", "voipbin_mock"]

TOKEN: Final = "voipbin-test-token"
"""The JWT the client fixtures send (the mock takes any token unless it is given ``tokens=``)."""

MARKER: Final = "voipbin_mock"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        f"{MARKER}(**options): keyword arguments for the voipbin_mock fixture's VoipbinMock "
        "(strict=True, rate_limit=True, latency=0.05 ...)",
    )


@pytest.fixture
def voipbin_mock(request: pytest.FixtureRequest) -> VoipbinMock:
    """A fresh stateful mock of VoIPBIN's API (options from ``@pytest.mark.voipbin_mock``)."""
    from voipbin_outdial.testing import VoipbinMock

    marker = request.node.get_closest_marker(MARKER)
    if marker is not None and marker.args:
        raise pytest.UsageError(
            f"@pytest.mark.{MARKER} takes VoipbinMock's keyword arguments only, not {marker.args!r}"
        )
    return VoipbinMock(**(marker.kwargs if marker is not None else {}))


@pytest.fixture
def voipbin_client(voipbin_mock: VoipbinMock) -> Iterator[VoipbinClient]:
    """A :class:`~voipbin_outdial.VoipbinClient` on ``voipbin_mock``, in process."""
    from voipbin_outdial import VoipbinClient

    with voipbin_mock.client() as http:
        yield VoipbinClient(token=TOKEN, http_client=http)


@pytest.fixture
def async_voipbin_client(voipbin_mock: VoipbinMock) -> AsyncVoipbinClient:
    """An :class:`~voipbin_outdial.AsyncVoipbinClient` on ``voipbin_mock``, in process."""
    from voipbin_outdial import AsyncVoipbinClient

    return AsyncVoipbinClient(token=TOKEN, http_client=voipbin_mock.async_client())
