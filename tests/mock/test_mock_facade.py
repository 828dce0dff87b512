"""The SDK's own clients on the mock: ``VoipbinClient(token=..., http_client=mock.client())``.

``test_each_operation_through_the_facade`` calls every operation of openapi.yaml with the
arguments of tests/operation_examples.py, its ids swapped for live ones: it fails while an
operation has no arguments there or the mock does not serve it.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import timedelta
from typing import Any
from uuid import UUID, uuid4

import pytest
from mock_support import CAMPAIGN_ID, NIL_UUID, address, operations, outdial_body, target_body
from operation_examples import CAMPAIGNCALL_ID, OUTDIAL_ID, PLAN_ID, TARGET_ID, arguments

from voipbin_outdial import (
    AsyncVoipbinClient,
    AuthenticationError,
    BadRequestError,
    NotFoundError,
    Page,
    VoipbinClient,
)
from voipbin_outdial._resources import OPERATIONS
from voipbin_outdial.models import (
    Address,
    Campaign,
    Campaigncall,
    Outdial,
    Outdialtarget,
    OutdialtargetStatus,
    Outplan,
)
from voipbin_outdial.testing import STRICT_REASON, VoipbinMock
from voipbin_outdial.testing._campaign_ops import ZERO_CAMPAIGNCALL
from voipbin_outdial.testing._operations import apply
from voipbin_outdial.timeutil import is_deleted, parse_timestamp


@pytest.fixture
def client(mock: VoipbinMock) -> Iterator[VoipbinClient]:
    with mock.client() as http, VoipbinClient(token="t", http_client=http) as sdk:
        yield sdk


@pytest.fixture
async def aclient(mock: VoipbinMock) -> AsyncIterator[AsyncVoipbinClient]:
    async with mock.async_client() as http, AsyncVoipbinClient(token="t", http_client=http) as sdk:
        yield sdk


MODELS: dict[str, type[Any]] = {
    "outplans": Outplan,
    "outdials": Outdial,
    "outdialtargets": Outdialtarget,
    "campaigns": Campaign,
    "campaigncalls": Campaigncall,
}


def _done_campaigncall(mock: VoipbinMock, campaign: dict[str, Any]) -> dict[str, Any]:
    """A campaigncall as the dialer leaves one (only the dialer makes them): done, success."""
    record = {"id": str(uuid4()), "customer_id": campaign["customer_id"]}
    record |= {"campaign_id": campaign["id"], "status": "done", "result": "success"}
    zero = {key: value for key, value in ZERO_CAMPAIGNCALL.items() if key not in record}
    return mock.store.insert("campaigncall", {**zero, **record})


def _at_live_ids(value: Any, live: dict[str, str]) -> Any:
    """``value`` with each example id (text or UUID) swapped for the live one, in its type."""
    if isinstance(value, tuple | list):
        return type(value)(_at_live_ids(item, live) for item in value)
    if isinstance(value, dict):
        return {key: _at_live_ids(item, live) for key, item in value.items()}
    if isinstance(value, UUID | str) and str(value) in live:
        return type(value)(live[str(value)])
    return value


@pytest.mark.parametrize("operation_id", sorted(operations()))
def test_each_operation_through_the_facade(
    client: VoipbinClient, mock: VoipbinMock, operation_id: str
) -> None:
    plan = mock.store.create_outplan({"name": "p"})
    outdial = mock.store.create_outdial(outdial_body())
    target = mock.store.create_target(outdial["id"], target_body())
    campaign = apply("campaigns_create", mock.store, {"name": "c", "outplan_id": plan["id"]})
    campaigncall = _done_campaigncall(mock, campaign)
    live = {PLAN_ID: plan["id"], OUTDIAL_ID: outdial["id"], TARGET_ID: target["id"]}
    live |= {CAMPAIGN_ID: campaign["id"], CAMPAIGNCALL_ID: campaigncall["id"]}
    resource, name = OPERATIONS[operation_id]
    args, kwargs = _at_live_ids(arguments(operation_id), live)

    result = getattr(getattr(client, resource), name)(*args, **kwargs)

    items = result.items if isinstance(result, Page) else [result]
    model = MODELS["campaigncalls" if name.endswith("campaigncalls") else resource]
    assert all(isinstance(item, model) for item in items)
    if not isinstance(result, Page) and not name.startswith("create"):
        assert str(result.id) in live.values()


def test_every_operation_through_the_sync_facade(client: VoipbinClient, mock: VoipbinMock) -> None:
    plan = client.outplans.create(
        name="plan",
        source={"type": "tel", "target": "+15550100"},
        dial_timeout=timedelta(seconds=30),
        try_interval=60_000,
        max_try_counts=[2, 1, 0, 0, 0],
    )
    assert plan.dial_timeout == 30_000
    assert client.outplans.get(plan.id) == plan
    assert client.outplans.update(plan.id, name="n", detail="d").name == "n"
    updated = client.outplans.update_dial_info(
        plan.id,
        source=address("+15550101"),
        dial_timeout=10_000,
        try_interval=timedelta(minutes=5),
        max_try_counts=[1, 1, 1, 1, 1],
    )
    assert updated.try_interval == 300_000
    assert [p.id for p in client.outplans.list()] == [plan.id]

    outdial = client.outdials.create(campaign_id=CAMPAIGN_ID, name="list", detail="d", data="x")
    assert str(outdial.campaign_id) == CAMPAIGN_ID
    assert client.outdials.get(outdial.id).data == "x"
    assert client.outdials.update(outdial.id, name="l2", detail="").name == "l2"
    assert str(client.outdials.update_campaign_id(outdial.id, NIL_UUID).campaign_id) == NIL_UUID
    assert client.outdials.update_data(outdial.id, "y").data == "y"

    target = client.outdialtargets.create(
        outdial.id, name="bob", detail="d", data="x", destinations=[address("+15550111")]
    )
    assert target.status == OutdialtargetStatus.IDLE
    assert target.destination_1 == Address()  # sent as {}, stored and returned as {}
    assert target.tm_update == target.tm_create
    assert client.outdialtargets.get(outdial.id, target.id) == target
    assert [t.id for t in client.outdialtargets.iter(outdial.id, page_size=1)] == [target.id]

    calls = mock.run_campaign(plan.id, outdial.id, answer=True)
    assert [(c.index, c.try_number) for c in calls] == [(0, 1)]
    dialed = client.outdialtargets.get(outdial.id, target.id)
    assert dialed.status == OutdialtargetStatus.DONE
    assert dialed.try_count_0 == 1

    assert is_deleted(client.outdialtargets.delete(outdial.id, target.id))
    assert is_deleted(client.outdials.delete(outdial.id))
    assert is_deleted(client.outplans.delete(plan.id))
    assert is_deleted(client.outplans.get(plan.id))  # a deleted outplan still answers
    with pytest.raises(NotFoundError) as caught:
        client.outplans.get(outdial.id)
    assert caught.value.reason == "OUTPLAN_NOT_FOUND"
    assert caught.value.request_id


def test_iter_walks_every_page_newest_first(client: VoipbinClient) -> None:
    made = [
        client.outdials.create(campaign_id=CAMPAIGN_ID, name=f"o{i}", detail="d", data="x").id
        for i in range(11)
    ]
    assert [o.id for o in client.outdials.iter(page_size=3)] == made[::-1]
    page = client.outdials.list(page_size=4)
    assert len(page) == 4
    assert page.next_page_token is not None
    assert parse_timestamp(page.next_page_token) == parse_timestamp(page.items[-1].tm_create)


def test_errors_reach_the_facade_as_its_exceptions(mock: VoipbinMock) -> None:
    locked = VoipbinMock(tokens={"right"})
    with (
        locked.client() as http,
        VoipbinClient(token="wrong", http_client=http) as sdk,
        pytest.raises(AuthenticationError) as auth,
    ):
        sdk.outplans.list()
    assert auth.value.status_code == 401
    assert auth.value.reason == "INVALID_CREDENTIALS"
    strict = VoipbinMock(strict=True)
    with strict.client() as http, VoipbinClient(accesskey="k", http_client=http) as sdk:
        with pytest.raises(BadRequestError) as bad:
            # An address type the spec does not list passes the facade; strict refuses it.
            sdk.outplans.create(
                name="p",
                source={"type": "fax", "target": "+1"},
                dial_timeout=30_000,
                try_interval=60_000,
                max_try_counts=[0, 0, 0, 0, 0],
            )
        assert (bad.value.status_code, bad.value.reason) == (400, STRICT_REASON)
        with pytest.raises(NotFoundError) as missing:
            sdk.outdialtargets.create(
                "00000000-0000-4000-8000-000000000000",
                name="x",
                detail="d",
                data="x",
                destinations=[address()],
            )
        assert missing.value.reason == "OUTDIAL_NOT_FOUND"


async def test_the_async_facade(aclient: AsyncVoipbinClient, mock: VoipbinMock) -> None:
    plan = await aclient.outplans.create(
        name="p",
        source=address(),
        dial_timeout=30_000,
        try_interval=60_000,
        max_try_counts=[2, 0, 0, 0, 0],
    )
    outdial = await aclient.outdials.create(campaign_id=CAMPAIGN_ID, name="o", detail="d", data="x")
    for i in range(3):
        await aclient.outdialtargets.create(
            outdial.id, name=f"t{i}", detail="d", data="x", destinations=[address()]
        )

    calls = mock.run_campaign(plan.id, outdial.id, answer=False)

    assert len(calls) == 6
    targets = [t async for t in aclient.outdialtargets.iter(outdial.id, page_size=2)]
    assert [t.try_count_0 for t in targets] == [2, 2, 2]
    with pytest.raises(NotFoundError):
        await aclient.outdials.get(plan.id)
