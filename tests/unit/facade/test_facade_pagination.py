"""Paging: list() is one page; iter() walks every page lazily and stops the way the server says."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import httpx
import pytest
import respx
from facade_support import ACCESSKEY, BASE, OUTDIAL_ID, MakeHarness, outdial, outplan, target

from voipbin_outdial import Page, VoipbinClient
from voipbin_outdial._pagination import Walk, next_token
from voipbin_outdial.errors import ApiResponseValidationError


def id_of(name: str) -> str:
    """An id of its own for each name (a walk yields each id once)."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, name))


def plans(*names: str) -> list[dict[str, Any]]:
    return [
        outplan(id=id_of(n), name=n, tm_create=f"2022-04-28 01:50:2{i}.000000")
        for i, n in enumerate(names)
    ]


def serve_pages(route: respx.Route, pages: list[dict[str, Any]]) -> None:
    """Answer each request with the next of ``pages``."""
    route.side_effect = [httpx.Response(200, json=page) for page in pages]


async def aiter_of(items: Iterator[Any] | AsyncIterator[Any]) -> AsyncIterator[Any]:
    """A sync or an async iterator, as an async one (so one test drives both clients)."""
    if isinstance(items, Iterator):
        for item in items:
            yield item
    else:
        async for item in items:
            yield item


def tokens_sent(route: respx.Route) -> list[str | None]:
    return [call.request.url.params.get("page_token") for call in route.calls]


async def test_iter_walks_three_pages_passing_each_token_back(
    make_harness: MakeHarness, api: respx.MockRouter
) -> None:
    route = api.get("/outplans")
    serve_pages(
        route,
        [
            {"result": plans("a", "b"), "next_page_token": "t1"},
            {"result": plans("c", "d"), "next_page_token": "t2"},
            {"result": plans("e"), "next_page_token": "t3"},
            {"result": [], "next_page_token": None},
        ],
    )
    harness = await make_harness()

    names = [p.name for p in await harness.collect("outplans.iter", page_size=2)]

    assert names == ["a", "b", "c", "d", "e"]
    assert tokens_sent(route) == [None, "t1", "t2", "t3"]
    assert {call.request.url.params["page_size"] for call in route.calls} == {"2"}


async def test_iter_walks_newest_first_pages_as_voipbin_sends_them(
    make_harness: MakeHarness, api: respx.MockRouter
) -> None:
    """bin-api-manager/server/outplans.go ``GetOutplans``: newest first, the token is the last
    item's ``tm_create`` with six digits, ``""`` on the empty page that ends the list."""
    newest = [
        outplan(id=id_of(name), name=name, tm_create=stamp)
        for name, stamp in [
            ("c", "2026-03-01T09:30:02Z"),
            ("b", "2026-03-01T09:30:01.5Z"),
            ("a", "2026-03-01T09:30:01Z"),
        ]
    ]
    route = api.get("/outplans")
    serve_pages(
        route,
        [
            {"result": newest[:2], "next_page_token": "2026-03-01T09:30:01.500000Z"},
            {"result": newest[2:], "next_page_token": "2026-03-01T09:30:01.000000Z"},
            {"result": [], "next_page_token": ""},
        ],
    )
    harness = await make_harness()

    names = [plan.name for plan in await harness.collect("outplans.iter", page_size=2)]

    assert names == ["c", "b", "a"]  # as the server ordered them
    assert tokens_sent(route) == [
        None,
        "2026-03-01T09:30:01.500000Z",
        "2026-03-01T09:30:01.000000Z",
    ]


@pytest.mark.parametrize(
    "last_page",
    [
        pytest.param({"result": plans("c")}, id="token-missing"),
        pytest.param({"result": plans("c"), "next_page_token": None}, id="token-null"),
        pytest.param({"result": plans("c"), "next_page_token": ""}, id="token-empty"),
    ],
)
async def test_iter_stops_when_the_token_ends(
    make_harness: MakeHarness, api: respx.MockRouter, last_page: dict[str, Any]
) -> None:
    route = api.get("/outplans")
    serve_pages(route, [{"result": plans("a", "b"), "next_page_token": "t1"}, last_page])
    harness = await make_harness()

    names = [p.name for p in await harness.collect("outplans.iter")]

    assert names == ["a", "b", "c"]
    assert route.call_count == 2


@pytest.mark.parametrize(
    "tokens",
    [
        pytest.param(["t1", "t1"], id="the-token-just-sent"),
        pytest.param(["A", "B", "A"], id="a-cycle"),
        pytest.param(["A", "B", "C", "B"], id="a-cycle-later"),
    ],
)
async def test_iter_stops_with_an_error_when_a_token_repeats(
    make_harness: MakeHarness, api: respx.MockRouter, tokens: list[str]
) -> None:
    """issue 13: tokens that cycle (A, B, A ...) made iter() walk forever."""
    route = api.get("/outplans")
    route.side_effect = [
        httpx.Response(200, json={"result": plans(f"p{n}"), "next_page_token": token})
        for n, token in enumerate(tokens)
    ] + [httpx.Response(200, json={"result": plans("never")})]
    harness = await make_harness()
    seen: list[str] = []

    async def walk() -> None:
        async for plan in aiter_of(harness.method("outplans.iter")()):
            seen.append(plan.name)

    with pytest.raises(ApiResponseValidationError, match="pages repeat") as caught:
        await walk()

    assert seen == [f"p{n}" for n in range(len(tokens))]  # every page up to the loop
    assert route.call_count == len(tokens)
    assert f"page_token {tokens[-1]!r}" in str(caught.value)


async def test_iter_stops_on_an_empty_page_even_with_a_token(
    make_harness: MakeHarness, api: respx.MockRouter
) -> None:
    route = api.get(f"/outdials/{OUTDIAL_ID}/targets")
    serve_pages(
        route,
        [
            {"result": [target()], "next_page_token": "t1"},
            {"result": [], "next_page_token": "t2"},
        ],
    )
    harness = await make_harness()

    got = await harness.collect("outdialtargets.iter", OUTDIAL_ID)

    assert len(got) == 1
    assert route.call_count == 2


async def test_iter_fetches_lazily(make_harness: MakeHarness, api: respx.MockRouter) -> None:
    route = api.get("/outdials")
    harness = await make_harness()

    harness.method("outdials.iter")()

    assert route.call_count == 0


def test_sync_iter_fetches_the_next_page_only_when_needed(api: respx.MockRouter) -> None:
    route = api.get("/outplans")
    serve_pages(
        route,
        [
            {"result": plans("a", "b"), "next_page_token": "t1"},
            {"result": plans("c"), "next_page_token": None},
        ],
    )
    with VoipbinClient(accesskey=ACCESSKEY, base_url=BASE) as client:
        items: Iterator[Any] = client.outplans.iter()
        assert next(items).name == "a"
        assert next(items).name == "b"
        assert route.call_count == 1
        assert next(items).name == "c"
        assert route.call_count == 2


async def test_list_returns_one_page(make_harness: MakeHarness, api: respx.MockRouter) -> None:
    route = api.get("/outplans").respond(200, json={"result": plans("a"), "next_page_token": "t"})
    harness = await make_harness()

    page = await harness.call("outplans.list", page_token="t0")

    assert isinstance(page, Page)
    assert [p.name for p in page] == ["a"]
    assert (len(page), page.next_page_token) == (1, "t")
    assert route.call_count == 1


@pytest.mark.parametrize(
    ("page_size", "error"),
    [(0, ValueError), (101, ValueError), (-1, ValueError), (True, TypeError), ("10", TypeError)],
)
async def test_bad_page_size_is_refused_before_any_request(
    make_harness: MakeHarness, api: respx.MockRouter, page_size: Any, error: type[Exception]
) -> None:
    route = api.get("/outplans")
    harness = await make_harness()

    with pytest.raises(error, match="page_size"):
        await harness.call("outplans.list", page_size=page_size)
    with pytest.raises(error, match="page_size"):
        harness.method("outplans.iter")(page_size=page_size)  # eagerly, not on first next()
    assert route.call_count == 0


@pytest.mark.parametrize(
    ("items", "token", "expected"),
    [(["x"], "t2", "t2"), (["x"], None, None), (["x"], "", None), ([], "t2", None)],
)
def test_next_token(items: list[str], token: str | None, expected: str | None) -> None:
    assert next_token(Page(items, token)) == expected


def test_a_walk_refuses_a_token_it_sent_before() -> None:
    walk = Walk()

    assert walk.after(Page(["a"], "A")) == "A"
    assert walk.after(Page(["b"], "B")) == "B"
    with pytest.raises(ApiResponseValidationError, match="page 3 points back to page_token 'A'"):
        walk.after(Page(["c"], "A"))


def test_a_page_repr_counts_its_items() -> None:
    assert repr(Page([1, 2, 3], "t")) == "Page(3 items, next_page_token='t')"


def test_page_is_frozen_iterable_and_sized() -> None:
    page = Page([1, 2, 3], "t")

    assert list(page) == [1, 2, 3]
    assert len(page) == 3
    with pytest.raises(AttributeError):
        page.next_page_token = None  # type: ignore[misc]


# --- iter(limit=): the first N items, and no page fetched past them --------------------------

LISTS = [
    pytest.param("outplans.iter", "/outplans", (), outplan, id="outplans"),
    pytest.param("outdials.iter", "/outdials", (), outdial, id="outdials"),
    pytest.param(
        "outdialtargets.iter", f"/outdials/{OUTDIAL_ID}/targets", (OUTDIAL_ID,), target, id="target"
    ),
]


def named_pages(item: Callable[..., dict[str, Any]], *pages: str) -> list[dict[str, Any]]:
    """Pages holding items named by the letters of each string, each but the last with a token;
    the list ends with an empty page."""
    served = [
        {
            "result": [item(id=id_of(name), name=name) for name in letters],
            "next_page_token": f"t{n}",
        }
        for n, letters in enumerate(pages, start=1)
    ]
    return [*served, {"result": [], "next_page_token": ""}]


@pytest.mark.parametrize(("dotted", "path", "args", "item"), LISTS)
@pytest.mark.parametrize(
    ("limit", "names", "fetched"),
    [
        pytest.param(1, "a", 1, id="one"),
        pytest.param(2, "ab", 1, id="a-whole-page-and-no-more"),
        pytest.param(3, "abc", 2, id="into-the-second-page"),
        pytest.param(5, "abcde", 3, id="the-whole-list"),
        pytest.param(50, "abcde", 4, id="more-than-there-are"),
    ],
)
async def test_iter_limit_stops_without_fetching_a_page_it_does_not_need(
    make_harness: MakeHarness,
    api: respx.MockRouter,
    dotted: str,
    path: str,
    args: tuple[str, ...],
    item: Callable[..., dict[str, Any]],
    limit: int,
    names: str,
    fetched: int,
) -> None:
    route = api.get(path)
    serve_pages(route, named_pages(item, "ab", "cd", "e"))
    harness = await make_harness()

    got = await harness.collect(dotted, *args, page_size=2, limit=limit)

    assert "".join(x.name for x in got) == names
    assert route.call_count == fetched
    assert tokens_sent(route) == [None, "t1", "t2", "t3"][:fetched]


@pytest.mark.parametrize(
    ("page_size", "limit", "sent"),
    [(None, 5, "5"), (None, 250, "100"), (20, 5, "5"), (20, 50, "20"), (None, None, "100")],
)
async def test_iter_asks_for_no_more_than_the_limit_in_a_page(
    make_harness: MakeHarness,
    api: respx.MockRouter,
    page_size: int | None,
    limit: int | None,
    sent: str,
) -> None:
    route = api.get("/outplans")
    serve_pages(route, [{"result": plans("a"), "next_page_token": ""}])
    harness = await make_harness()

    await harness.collect("outplans.iter", page_size=page_size, limit=limit)

    assert route.calls.last.request.url.params["page_size"] == sent


async def test_iter_limit_zero_yields_nothing_and_sends_nothing(
    make_harness: MakeHarness, api: respx.MockRouter
) -> None:
    route = api.get("/outplans")
    harness = await make_harness()

    assert await harness.collect("outplans.iter", limit=0) == []
    assert route.call_count == 0


@pytest.mark.parametrize(("dotted", "path", "args", "item"), LISTS)
@pytest.mark.parametrize(
    ("limit", "error"), [(-1, ValueError), (True, TypeError), ("10", TypeError), (2.0, TypeError)]
)
async def test_bad_limit_is_refused_before_any_request(
    make_harness: MakeHarness,
    api: respx.MockRouter,
    dotted: str,
    path: str,
    args: tuple[str, ...],
    item: Callable[..., dict[str, Any]],
    limit: Any,
    error: type[Exception],
) -> None:
    route = api.get(path)
    harness = await make_harness()

    with pytest.raises(error, match="limit"):
        harness.method(dotted)(*args, limit=limit)  # eagerly, not on first next()
    assert route.call_count == 0
