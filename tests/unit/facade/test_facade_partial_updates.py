"""Partial updates on the stateful mock, sync and async: an ``update*`` given some fields reads
the record and sends the rest as they are (VoIPBIN's PUT writes every field: server-behaviour
rule 5); given all, it sends them without the read; given none, it raises before any request."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any
from uuid import UUID

import httpx
import pytest
from facade_support import CAMPAIGN_ID, settle

from voipbin_outdial import ArgumentTypeError, AsyncVoipbinClient, VoipbinClient
from voipbin_outdial.models import Address, Campaign, Outdial, Outplan
from voipbin_outdial.testing import VoipbinMock

TEL = {"type": "tel", "target": "+15559876543"}


class Recorded:
    """A client on a fresh mock and the requests it sent ("GET /outplans/..." ...)."""

    def __init__(self, client: VoipbinClient | AsyncVoipbinClient, sent: list[str]) -> None:
        self.client = client
        self.sent = sent

    async def call(self, dotted: str, *args: Any, **kwargs: Any) -> Any:
        resource, name = dotted.split(".")
        return await settle(getattr(getattr(self.client, resource), name)(*args, **kwargs))


@pytest.fixture(params=["sync", "async"])
async def rec(request: pytest.FixtureRequest) -> AsyncIterator[Recorded]:
    mock = VoipbinMock()
    sent: list[str] = []

    def log(r: httpx.Request) -> None:
        sent.append(f"{r.method} {r.url.path.removeprefix('/v1.0')}")

    async def alog(r: httpx.Request) -> None:
        log(r)

    if request.param == "sync":
        with mock.client(event_hooks={"request": [log]}) as http:
            yield Recorded(VoipbinClient(token="t", http_client=http), sent)
    else:
        async with mock.async_client(event_hooks={"request": [alog]}) as http:
            yield Recorded(AsyncVoipbinClient(token="t", http_client=http), sent)


async def make_plan(rec: Recorded) -> Outplan:
    plan: Outplan = await rec.call(
        "outplans.create",
        name="night",
        detail="after 6 pm",
        source=TEL,
        dial_timeout=30000,
        try_interval=60000,
        max_try_counts=[3, 2, 1, 0, 0],
    )
    rec.sent.clear()
    return plan


async def test_update_dial_info_changes_one_setting_and_keeps_the_rest(rec: Recorded) -> None:
    plan = await make_plan(rec)

    updated = await rec.call("outplans.update_dial_info", plan.id, try_interval=timedelta(hours=2))

    assert rec.sent == [f"GET /outplans/{plan.id}", f"PUT /outplans/{plan.id}/dial_info"]
    assert updated.try_interval == 7_200_000
    assert updated.dial_timeout == 30000
    assert updated.max_try_counts == (3, 2, 1, 0, 0)
    assert updated.source.target == TEL["target"]
    assert (await rec.call("outplans.get", plan.id)).try_interval == 7_200_000


async def test_update_dial_info_given_everything_sends_without_reading(rec: Recorded) -> None:
    plan = await make_plan(rec)
    sip = Address.from_dict({"type": "sip", "target": "a@b.c"})

    updated = await rec.call(
        "outplans.update_dial_info",
        plan.id,
        source=sip,
        dial_timeout=timedelta(seconds=20),
        try_interval=0,
        max_try_counts=(1, 1, 1, 1, 1),
    )

    assert rec.sent == [f"PUT /outplans/{plan.id}/dial_info"]
    assert (updated.source.target, updated.dial_timeout, updated.try_interval) == (
        "a@b.c",
        20000,
        0,
    )
    assert updated.max_try_counts == (1, 1, 1, 1, 1)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ({"name": "day"}, ("day", "after 6 pm")),
        ({"detail": ""}, ("night", "")),  # "" is a change, not "nothing"
    ],
)
async def test_outplan_update_keeps_the_field_not_given(
    rec: Recorded, given: dict[str, str], expected: tuple[str, str]
) -> None:
    plan = await make_plan(rec)

    updated = await rec.call("outplans.update", plan.id, **given)

    assert rec.sent == [f"GET /outplans/{plan.id}", f"PUT /outplans/{plan.id}"]
    assert (updated.name, updated.detail) == expected
    assert updated.dial_timeout == 30000  # the dialing settings stay


async def test_outdial_update_keeps_the_field_not_given(rec: Recorded) -> None:
    made: Outdial = await rec.call(
        "outdials.create", campaign_id=CAMPAIGN_ID, name="list", detail="march", data="crm"
    )
    rec.sent.clear()

    updated = await rec.call("outdials.update", made.id, detail="april")

    assert rec.sent == [f"GET /outdials/{made.id}", f"PUT /outdials/{made.id}"]
    assert (updated.name, updated.detail, updated.data) == ("list", "april", "crm")
    both = await rec.call("outdials.update", made.id, name="a", detail="b")
    assert (both.name, both.detail) == ("a", "b")
    assert rec.sent[2:] == [f"PUT /outdials/{made.id}"]


@pytest.mark.parametrize(
    ("dotted", "named"),
    [
        ("outplans.update", "name=, detail="),
        ("outplans.update_dial_info", "source=, dial_timeout=, try_interval=, max_try_counts="),
        ("outdials.update", "name=, detail="),
        ("campaigns.update", "name=, detail=, type=, service_level=, end_handle="),
        (
            "campaigns.update_resource_info",
            "outplan_id=, outdial_id=, queue_id=, next_campaign_id=",
        ),
    ],
)
async def test_nothing_to_change_is_an_argument_error_naming_the_parameters(
    rec: Recorded, dotted: str, named: str
) -> None:
    plan = await make_plan(rec)

    with pytest.raises(ArgumentTypeError, match=f"{dotted} has nothing to change: .*{named}$"):
        await rec.call(dotted, plan.id, timeout=5)
    assert rec.sent == []


@pytest.mark.parametrize(
    ("given", "param"),
    [
        ({"dial_timeout": -1}, "dial_timeout"),
        ({"try_interval": "1h"}, "try_interval"),
        ({"source": {"type": "tel"}}, "source"),
        ({"max_try_counts": [1, 2]}, "max_try_counts"),
    ],
)
async def test_a_bad_value_is_refused_before_the_read_naming_it(
    rec: Recorded, given: dict[str, Any], param: str
) -> None:
    plan = await make_plan(rec)

    with pytest.raises((ValueError, TypeError), match=param) as raised:
        await rec.call("outplans.update_dial_info", plan.id, **given)
    assert getattr(raised.value, "param", "").startswith(param)
    assert rec.sent == []


async def make_campaign(rec: Recorded) -> Campaign:
    plan = await make_plan(rec)
    campaign: Campaign = await rec.call(
        "campaigns.create", name="spring", detail="promo", outplan_id=plan.id, end_handle="stop"
    )
    rec.sent.clear()
    return campaign


async def test_campaign_update_changes_one_field_and_keeps_the_rest(rec: Recorded) -> None:
    made = await make_campaign(rec)

    updated = await rec.call("campaigns.update", made.id, service_level=50)

    assert rec.sent == [f"GET /campaigns/{made.id}", f"PUT /campaigns/{made.id}"]
    assert updated.service_level == 50
    assert (updated.name, updated.detail, updated.type_, updated.end_handle) == (
        "spring",
        "promo",
        "call",
        "stop",
    )
    assert (await rec.call("campaigns.get", made.id)).service_level == 50


async def test_campaign_update_given_all_five_sends_without_reading(rec: Recorded) -> None:
    made = await make_campaign(rec)

    updated = await rec.call(
        "campaigns.update",
        made.id,
        name="autumn",
        detail="",
        type="flow",
        service_level=0,
        end_handle="continue",
    )

    assert rec.sent == [f"PUT /campaigns/{made.id}"]
    assert (updated.name, updated.detail, updated.type_) == ("autumn", "", "flow")
    assert (updated.service_level, updated.end_handle) == (0, "continue")


async def test_update_resource_info_keeps_the_ids_not_given_and_the_nil_uuid_clears(
    rec: Recorded,
) -> None:
    made = await make_campaign(rec)
    outdial: Outdial = await rec.call(
        "outdials.create", campaign_id=made.id, name="leads", detail="d", data="x"
    )
    rec.sent.clear()

    updated = await rec.call("campaigns.update_resource_info", made.id, outdial_id=outdial.id)

    assert rec.sent == [f"GET /campaigns/{made.id}", f"PUT /campaigns/{made.id}/resource_info"]
    assert (updated.outplan_id, updated.outdial_id) == (made.outplan_id, outdial.id)
    cleared = await rec.call("campaigns.update_resource_info", made.id, outplan_id=UUID(int=0))
    assert (cleared.outplan_id, cleared.outdial_id) == (UUID(int=0), outdial.id)


@pytest.mark.parametrize(
    ("dotted", "given", "param"),
    [
        ("campaigns.update", {"type": "sms"}, "type"),
        ("campaigns.update", {"service_level": -1}, "service_level"),
        ("campaigns.update", {"end_handle": ""}, "end_handle"),
        ("campaigns.update_resource_info", {"queue_id": "q-1"}, "queue_id"),
    ],
)
async def test_a_bad_campaign_value_is_refused_before_the_read_naming_it(
    rec: Recorded, dotted: str, given: dict[str, Any], param: str
) -> None:
    made = await make_campaign(rec)

    with pytest.raises((ValueError, TypeError), match=param) as raised:
        await rec.call(dotted, made.id, **given)
    assert getattr(raised.value, "param", "") == param
    assert rec.sent == []
