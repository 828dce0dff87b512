"""What went over the wire in a contract test: each response and its request, via httpx hooks."""

from __future__ import annotations

import json
from typing import Any

import httpx


class Wire:
    """Every request a client sent and the response it got, read from httpx event hooks:
    ``httpx.Client(event_hooks={"response": [wire.record]})`` (``arecord`` for async)."""

    def __init__(self) -> None:
        self.exchanges: list[httpx.Response] = []

    def record(self, response: httpx.Response) -> None:
        response.read()
        self.exchanges.append(response)

    async def arecord(self, response: httpx.Response) -> None:
        await response.aread()
        self.exchanges.append(response)

    def only(self) -> httpx.Response:
        assert len(self.exchanges) == 1, [str(r.request.url) for r in self.exchanges]
        return self.exchanges[0]


def violations(response: httpx.Response) -> list[Any]:
    """What Prism found wrong with the request or its own answer (``sl-violations``)."""
    found: list[Any] = json.loads(response.headers.get("sl-violations", "[]"))
    return found
