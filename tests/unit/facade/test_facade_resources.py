"""Every resource method, sync and async: the request it sends and the model it returns."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any
from uuid import UUID

import pytest
import respx
from facade_support import (
    CAMPAIGN_ID,
    OUTDIAL_ID,
    PLAN_ID,
    TARGET_ID,
    MakeHarness,
    example,
    outdial,
    outplan,
    target,
)

from voipbin_outdial import Page
from voipbin_outdial.models import Address, AddressType, Outdial, Outdialtarget, Outplan

TEL = {"type": "tel", "target": "+15559876543", "target_name": "", "name": "", "detail": ""}
DIAL_INFO = {
    "source": TEL,
    "dial_timeout": 30000,
    "try_interval": 3600000,
    "max_try_count_0": 3,
    "max_try_count_1": 2,
    "max_try_count_2": 1,
    "max_try_count_3": 0,
    "max_try_count_4": 0,
}

# (method on the client, args, kwargs, HTTP method, path, JSON body sent, response, model)
CASES: list[tuple[str, tuple[Any, ...], dict[str, Any], str, str, Any, Any, type]] = [
    ("outplans.list", (), {}, "GET", "/outplans", None, example("OutplanPage"), Outplan),
    (
        "outplans.create",
        (),
        {
            "name": "night shift",
            "detail": "calls after 6 pm",
            "source": TEL,
            "dial_timeout": timedelta(seconds=30),
            "try_interval": timedelta(hours=1),
            "max_try_counts": [3, 2, 1, 0, 0],
        },
        "POST",
        "/outplans",
        {"name": "night shift", "detail": "calls after 6 pm", **DIAL_INFO},
        outplan(),
        Outplan,
    ),
    ("outplans.get", (PLAN_ID,), {}, "GET", f"/outplans/{PLAN_ID}", None, outplan(), Outplan),
    (
        "outplans.update",
        (UUID(PLAN_ID),),
        {"name": "renamed", "detail": ""},
        "PUT",
        f"/outplans/{PLAN_ID}",
        {"name": "renamed", "detail": ""},
        outplan(name="renamed"),
        Outplan,
    ),
    (
        "outplans.update_dial_info",
        (PLAN_ID,),
        {
            "source": Address(
                type_=AddressType.TEL, target="+15559876543", target_name="", name="", detail=""
            ),
            "dial_timeout": 30000,
            "try_interval": 3600000,
            "max_try_counts": (3, 2, 1, 0, 0),
        },
        "PUT",
        f"/outplans/{PLAN_ID}/dial_info",
        DIAL_INFO,
        outplan(),
        Outplan,
    ),
    ("outplans.delete", (PLAN_ID,), {}, "DELETE", f"/outplans/{PLAN_ID}", None, outplan(), Outplan),
    ("outdials.list", (), {}, "GET", "/outdials", None, example("OutdialPage"), Outdial),
    (
        "outdials.create",
        (),
        {"campaign_id": CAMPAIGN_ID, "name": "leads", "detail": "spring", "data": "crm"},
        "POST",
        "/outdials",
        {"campaign_id": CAMPAIGN_ID, "name": "leads", "detail": "spring", "data": "crm"},
        outdial(),
        Outdial,
    ),
    ("outdials.get", (OUTDIAL_ID,), {}, "GET", f"/outdials/{OUTDIAL_ID}", None, outdial(), Outdial),
    (
        "outdials.update",
        (OUTDIAL_ID,),
        {"name": "leads", "detail": "May"},
        "PUT",
        f"/outdials/{OUTDIAL_ID}",
        {"name": "leads", "detail": "May"},
        outdial(),
        Outdial,
    ),
    (
        "outdials.update_campaign_id",
        (OUTDIAL_ID, CAMPAIGN_ID),
        {},
        "PUT",
        f"/outdials/{OUTDIAL_ID}/campaign_id",
        {"campaign_id": CAMPAIGN_ID},
        outdial(campaign_id=CAMPAIGN_ID),
        Outdial,
    ),
    (
        "outdials.update_data",
        (OUTDIAL_ID, "tier=gold"),
        {},
        "PUT",
        f"/outdials/{OUTDIAL_ID}/data",
        {"data": "tier=gold"},
        outdial(data="tier=gold"),
        Outdial,
    ),
    (
        "outdials.delete",
        (OUTDIAL_ID,),
        {},
        "DELETE",
        f"/outdials/{OUTDIAL_ID}",
        None,
        outdial(),
        Outdial,
    ),
    (
        "outdialtargets.list",
        (OUTDIAL_ID,),
        {},
        "GET",
        f"/outdials/{OUTDIAL_ID}/targets",
        None,
        example("OutdialtargetPage"),
        Outdialtarget,
    ),
    (
        "outdialtargets.create",
        (OUTDIAL_ID,),
        {
            "name": "Kim",
            "detail": "VIP",
            "data": "crm",
            "destinations": [None, {"type": "tel", "target": "+821100000001"}],
        },
        "POST",
        f"/outdials/{OUTDIAL_ID}/targets",
        {
            "name": "Kim",
            "detail": "VIP",
            "data": "crm",
            "destination_0": {},
            "destination_1": {"type": "tel", "target": "+821100000001"},
            "destination_2": {},
            "destination_3": {},
            "destination_4": {},
        },
        target(),
        Outdialtarget,
    ),
    (
        "outdialtargets.get",
        (OUTDIAL_ID, TARGET_ID),
        {},
        "GET",
        f"/outdials/{OUTDIAL_ID}/targets/{TARGET_ID}",
        None,
        target(),
        Outdialtarget,
    ),
    (
        "outdialtargets.delete",
        (UUID(OUTDIAL_ID), UUID(TARGET_ID)),
        {},
        "DELETE",
        f"/outdials/{OUTDIAL_ID}/targets/{TARGET_ID}",
        None,
        target(),
        Outdialtarget,
    ),
]


@pytest.mark.parametrize(
    ("dotted", "args", "kwargs", "method", "path", "sent", "answer", "model"),
    CASES,
    ids=[case[0] for case in CASES],
)
async def test_method_sends_its_request_and_returns_the_model(
    make_harness: MakeHarness,
    api: respx.MockRouter,
    dotted: str,
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
    method: str,
    path: str,
    sent: Any,
    answer: Any,
    model: type,
) -> None:
    route = api.route(method=method, path=path).respond(200, json=answer)
    harness = await make_harness()

    result = await harness.call(dotted, *args, **kwargs)

    assert route.call_count == 1
    request = route.calls.last.request
    if sent is None:
        assert request.content == b""
    else:
        assert request.headers["content-type"] == "application/json"
        assert json.loads(request.content) == sent
    if isinstance(result, Page):
        assert request.url.params["page_size"] == "100"
        assert "page_token" not in request.url.params
        assert len(result) == 1
        assert isinstance(result.items[0], model)
        assert result.next_page_token == answer["next_page_token"]
    else:
        assert isinstance(result, model)
        assert str(result.id) == answer["id"]


async def test_list_sends_page_size_and_token(
    make_harness: MakeHarness, api: respx.MockRouter
) -> None:
    route = api.get(f"/outdials/{OUTDIAL_ID}/targets").respond(
        200, json={"result": [target()], "next_page_token": None}
    )
    harness = await make_harness()

    page = await harness.call(
        "outdialtargets.list", OUTDIAL_ID, page_size=25, page_token="2022-04-30 17:52:16.484341"
    )

    params = route.calls.last.request.url.params
    assert params["page_size"] == "25"
    assert params["page_token"] == "2022-04-30 17:52:16.484341"
    assert [t.name for t in page] == ["test destination 0"]
    assert page.next_page_token is None


async def test_returned_objects_are_the_generated_models(
    make_harness: MakeHarness, api: respx.MockRouter
) -> None:
    api.get(f"/outdials/{OUTDIAL_ID}/targets/{TARGET_ID}").respond(200, json=target())
    harness = await make_harness()

    got = await harness.call("outdialtargets.get", OUTDIAL_ID, TARGET_ID)

    assert got == Outdialtarget.from_dict(target())
    assert got.to_dict() == target()


async def test_unknown_enum_values_do_not_fail_a_page(
    make_harness: MakeHarness, api: respx.MockRouter
) -> None:
    odd = target(status="paused", destination_0={"type": "whatsapp", "target": "+8210"})
    api.get(f"/outdials/{OUTDIAL_ID}/targets").respond(
        200, json={"result": [odd, target()], "next_page_token": None}
    )
    harness = await make_harness()

    page = await harness.call("outdialtargets.list", OUTDIAL_ID)

    first, second = page.items
    assert first.status == "paused"
    assert first.destination_0.type_ == "whatsapp"
    assert first.to_dict()["status"] == "paused"
    assert second.status == "done"
