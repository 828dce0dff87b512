"""Hostile servers over a real socket (issue 25): page tokens of any length, bodies in layers of
compression, pages that repeat; every call bounded, every failure a ``VoipbinError``, sync and
async."""

from __future__ import annotations

import gzip
import json
import tracemalloc
import uuid
import zlib
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from fault_server import OUTPLAN, SEED, Connection, Fault, FaultServer
from test_faults import PLAN_ID, settle

from voipbin_outdial import AsyncVoipbinClient, VoipbinClient
from voipbin_outdial._args import MAX_QUERY_TEXT
from voipbin_outdial.errors import (
    ApiConnectionError,
    ApiResponseValidationError,
    InvalidArgumentError,
    ResponseTooLargeError,
)

OUTDIAL_ID = "40bea034-1d17-474d-a5de-da00d0861c69"
LONG = "9" * 70_000


@pytest.fixture(params=["sync", "async"])
def kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def client_for(kind: str, base_url: str, **options: Any) -> Any:
    cls = AsyncVoipbinClient if kind == "async" else VoipbinClient
    return cls(token="t", base_url=base_url, timeout=5, max_retries=0, **options)


async def collect(items: Any) -> list[Any]:
    if hasattr(items, "__aiter__"):
        return [item async for item in items]
    return list(items)


async def run(kind: str, base_url: str, use: Callable[[Any], Any], **options: Any) -> Any:
    """``use(client)`` on a new client (awaited if need be); what it returned or raised."""
    client = client_for(kind, base_url, **options)
    try:
        return await settle(use(client))
    except Exception as exc:  # the test looks at whatever was raised
        return exc
    finally:
        await settle(client.close())


def answer(conn: Connection, body: bytes, headers: dict[str, str] | None = None) -> bool:
    head = {"Content-Type": "application/json", "Content-Length": str(len(body)), **(headers or {})}
    return conn.head("200 OK", head) and conn.send(body)


def page_token(conn: Connection) -> str | None:
    return parse_qs(urlsplit(conn.target).query).get("page_token", [None])[0]


def item(kind: str, n: int) -> dict[str, Any]:
    """An outplan or a target whose id is its number ``n``."""
    return {**SEED[kind], "id": str(uuid.UUID(int=n)), "name": f"item {n}"}


def pages(kind: str, serve: Callable[[str | None], tuple[list[int], str | None]]) -> Fault:
    """A list whose page for each token is ``serve(token)``: the items' numbers and the token."""

    def fault(conn: Connection) -> bool:
        numbers, token = serve(page_token(conn))
        body = {"result": [item(kind, n) for n in numbers], "next_page_token": token}
        return answer(conn, json.dumps(body).encode())

    return fault


# -- page tokens of any length --------------------------------------------------------------------


async def test_a_page_token_over_the_bound_from_the_caller_is_an_argument_error(kind: str) -> None:
    """issue 25: 70,000 characters escaped as a raw ``httpx.InvalidURL``."""
    with FaultServer(pages("outplan", lambda _: ([1], None))) as server:
        for token in (LONG, "t" * (MAX_QUERY_TEXT + 1)):
            raised = await run(
                kind, server.base_url, lambda c, t=token: c.outplans.list(page_token=t)
            )
            assert isinstance(raised, InvalidArgumentError), repr(raised)
            assert raised.param == "page_token"
            assert f"over the {MAX_QUERY_TEXT:,} it may have" in str(raised)
            assert len(str(raised)) < 200
        assert server.requests == []  # refused before any request
        listed = await run(
            kind, server.base_url, lambda c: c.outplans.list(page_token="t" * MAX_QUERY_TEXT)
        )
    assert [p.name for p in listed] == ["item 1"]


async def test_a_page_token_over_the_bound_from_the_server_is_a_response_validation_error(
    kind: str,
) -> None:
    with FaultServer(pages("outplan", lambda _: ([1], LONG))) as server:
        for use in (lambda c: c.outplans.list(), lambda c: collect(c.outplans.iter())):
            raised = await run(kind, server.base_url, use)
            assert isinstance(raised, ApiResponseValidationError), repr(raised)
            assert "next_page_token is 70,000 characters, over the 1,024" in str(raised)
            assert len(str(raised)) < 400
    assert len(server.requests) == 2  # one request each: the token was never sent back


async def test_a_page_token_over_the_bound_in_create_many_s_listing_is_refused(kind: str) -> None:
    """``create_many`` lists the outdial first (skip_existing): the token stops it there."""
    rows = [
        {"name": "a", "detail": "d", "data": "x", "destinations": [{"type": "tel", "target": "+1"}]}
    ]
    with FaultServer(pages("outdialtarget", lambda _: ([1], LONG))) as server:
        raised = await run(
            kind, server.base_url, lambda c: c.outdialtargets.create_many(OUTDIAL_ID, rows)
        )
    assert isinstance(raised, ApiResponseValidationError), repr(raised)
    assert "next_page_token is 70,000 characters" in str(raised)
    assert server.requests == [("GET", f"/v1.0/outdials/{OUTDIAL_ID}/targets")]  # no POST


# -- pages that repeat ---------------------------------------------------------------------------


def inclusive(token: str | None) -> tuple[list[int], str | None]:
    """Each page starts with the last item of the page before (an inclusive token)."""
    start = 0 if token is None else int(token)
    numbers = list(range(start, min(start + 3, 7)))
    return numbers, str(numbers[-1])


def moving_on_forever(token: str | None) -> tuple[list[int], str]:
    """Tokens that move forward forever, and the same two items on every page."""
    return [1, 2], str(0 if token is None else int(token) + 1)


async def test_iter_yields_each_id_once_from_a_server_whose_token_is_inclusive(kind: str) -> None:
    """issue 25: the last item of each page came twice."""
    seen: list[str] = []

    async def walk(client: Any) -> None:
        items = client.outplans.iter()
        if hasattr(items, "__aiter__"):
            async for plan in items:
                seen.append(plan.name)
        else:
            seen.extend(plan.name for plan in items)

    with FaultServer(pages("outplan", inclusive)) as server:
        raised = await run(kind, server.base_url, walk)
    assert seen == [f"item {n}" for n in range(7)]  # each once, in the server's order
    assert isinstance(raised, ApiResponseValidationError)  # the last page brings only item 6
    assert "page 4 brought nothing new" in str(raised)
    assert len(server.requests) == 4


async def test_iter_stops_when_tokens_move_on_and_items_repeat(kind: str) -> None:
    """issue 25: tokens moving forward forever made iter walk on without end."""
    with FaultServer(pages("outplan", moving_on_forever)) as server:
        raised = await run(kind, server.base_url, lambda c: collect(c.outplans.iter()))
    assert isinstance(raised, ApiResponseValidationError), repr(raised)
    assert "page 2 brought nothing new: its 2 items all came on earlier pages" in str(raised)
    assert len(server.requests) == 2


# -- bodies in layers of compression -------------------------------------------------------------


def layered(body: bytes, *encodings: str) -> bytes:
    for encoding in encodings:
        body = gzip.compress(body) if encoding == "gzip" else zlib.compress(body)
    return body


@pytest.mark.parametrize("encodings", [("gzip",), ("gzip", "gzip"), ("deflate", "gzip", "gzip")])
async def test_a_body_in_layers_of_compression_is_read(
    kind: str, encodings: tuple[str, ...]
) -> None:
    header = {"Content-Encoding": ", ".join(encodings)}
    asked: list[str] = []

    def fault(conn: Connection) -> bool:
        asked.append(conn.headers.get("accept-encoding", ""))
        return answer(conn, layered(OUTPLAN, *encodings), header)

    with FaultServer(fault) as server:
        plan = await run(kind, server.base_url, lambda c: c.outplans.get(PLAN_ID))
    assert plan.name == SEED["outplan"]["name"], repr(plan)
    assert asked == ["gzip, deflate"]  # what the SDK reads, and no more


def bomb(size: int) -> bytes:
    """``size`` spaces, gzipped twice: a few hundred bytes (made without holding ``size``)."""
    inner = zlib.compressobj(wbits=31)
    block = b" " * 1_048_576
    once = b"".join(inner.compress(block) for _ in range(size // len(block))) + inner.flush()
    return gzip.compress(once, 9)


BOMB_SIZE = 256 * 1_048_576


@pytest.fixture(scope="module")
def gzip_bomb() -> bytes:
    return bomb(BOMB_SIZE)


async def test_a_gzip_gzip_body_does_not_grow_past_the_cap_in_memory(
    kind: str, gzip_bomb: bytes
) -> None:
    """issue 25: 797 bytes of ``Content-Encoding: gzip, gzip`` became 814 MiB in memory before
    the 32 MiB cap was checked. Here 256 MiB, with a 1 MB cap: the peak of Python's memory
    while the call runs stays within a few pieces of the cap."""
    header = {"Content-Encoding": "gzip, gzip"}
    with FaultServer(lambda conn: answer(conn, gzip_bomb, header)) as server:
        tracemalloc.start()
        try:
            raised = await run(
                kind,
                server.base_url,
                lambda c: c.outplans.get(PLAN_ID),
                max_response_bytes=1_000_000,
            )
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert len(gzip_bomb) < 1_000_000 < BOMB_SIZE
    assert isinstance(raised, ResponseTooLargeError), repr(raised)
    assert peak < 8 * 1_048_576, f"peak {peak:,} bytes"


async def test_an_encoding_the_sdk_does_not_read_is_an_error(kind: str) -> None:
    header = {"Content-Encoding": "br"}
    with FaultServer(lambda conn: answer(conn, b"\x1b\x00\x00", header)) as server:
        raised = await run(kind, server.base_url, lambda c: c.outplans.get(PLAN_ID))
    assert isinstance(raised, ApiConnectionError), repr(raised)
    assert "Content-Encoding 'br' is not one the SDK reads (gzip, deflate" in str(raised)
    assert "got a body it cannot decode" in str(raised)
    assert len(server.requests) == 1
