"""The sync in-process transport: its helper thread, app exceptions, the 500 shape."""

from __future__ import annotations

import threading

import httpx
import pytest
from mock_support import AUTH, conforms

from voipbin_outdial.testing import SyncASGITransport, VoipbinMock


def _helpers() -> int:
    return sum(t.name == "voipbin-mock-asgi" for t in threading.enumerate())


def test_the_helper_thread_starts_on_first_use_and_stops_on_close(mock: VoipbinMock) -> None:
    before = _helpers()
    client = mock.client(headers=AUTH)
    assert _helpers() == before
    assert client.get("/outplans").status_code == 200
    assert _helpers() == before + 1
    client.close()
    assert _helpers() == before


def test_a_closed_transport_starts_again(mock: VoipbinMock) -> None:
    transport = SyncASGITransport(mock.app)
    with httpx.Client(transport=transport, base_url="http://mock", headers=AUTH) as client:
        assert client.get("/outplans").status_code == 200
        transport.close()
        assert client.get("/outplans").status_code == 200


def _broken(mock: VoipbinMock, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*_: object, **__: object) -> None:
        raise RuntimeError("store on fire")

    monkeypatch.setattr(mock.store, "list_page", fail)


def test_an_app_exception_reaches_the_caller(
    mock: VoipbinMock, monkeypatch: pytest.MonkeyPatch
) -> None:
    _broken(mock, monkeypatch)
    with mock.client(headers=AUTH) as client, pytest.raises(RuntimeError, match="on fire"):
        client.get("/outplans")


def test_or_becomes_a_voipbin_shaped_500(
    mock: VoipbinMock, monkeypatch: pytest.MonkeyPatch
) -> None:
    _broken(mock, monkeypatch)
    transport = SyncASGITransport(mock.app, raise_app_exceptions=False)
    with httpx.Client(transport=transport, base_url="http://mock", headers=AUTH) as client:
        response = client.get("/outplans")
    assert response.status_code == 500
    assert conforms(response, "GET", "/outplans")["error"]["status"] == "INTERNAL"
