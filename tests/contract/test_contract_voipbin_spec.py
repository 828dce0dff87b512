"""Every facade method against VoIPBIN's own published spec, served by the pinned Prism.

openapi.yaml is our contract; VoIPBIN publishes its own (bin-openapi-manager/openapi/openapi.yaml
in voipbin/monorepo; a trimmed copy of its outplan, outdial, target, campaign and campaigncall
paths is in tests/fixtures/voipbin-openapi-outdial.yaml). Prism validates each request the facade
sends against that spec and reports what breaks it in ``sl-violations``: no method may send a
request VoIPBIN's spec forbids. It requires every field of a campaign's bodies, and an ``id`` on
each action, which the facade therefore sends (the nil UUID where none is given); and all five
``destination_N`` keys on a target create (bin-openapi-manager/openapi/paths/outdials/
id_targets.yaml), so the facade sends ``{}`` for the unused ones, which the server stores as it
stores a slot left out (bin-api-manager/server/outdials.go ``PostOutdialsIdTargets``). Prism's
answers, made from that spec's examples, must parse into the SDK's models too.
"""

from __future__ import annotations

import functools
import json
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from itertools import islice
from typing import Any

import httpx
import pytest
from operation_examples import call
from prism import PrismServer
from wire import Wire, violations

from voipbin_outdial import AsyncVoipbinClient, Page, VoipbinClient
from voipbin_outdial._resources import OPERATIONS
from voipbin_outdial.errors import ApiResponseValidationError
from voipbin_outdial.models import (
    Address,
    AddressType,
    Campaign,
    Campaigncall,
    Outdial,
    Outdialtarget,
    OutdialtargetStatus,
    Outplan,
)

pytestmark = pytest.mark.contract

TOKEN = "eyJhbGciOiJIUzI1NiJ9.voipbin-spec-token"
PLAN_ID = "2b3c4d5e-6f7a-4901-bcde-f12345678901"
OUTDIAL_ID = "3c4d5e6f-7a8b-4012-8def-012345678901"
TARGET_ID = "550e8400-e29b-41d4-a716-446655440000"
TEL = {"type": "tel", "target": "+14155551234"}
CAMPAIGN_ID = "c3d4e5f6-a7b8-4012-8456-7890abcdef01"

# The model of each resource's results (of each item of a page).
MODELS: dict[str, type[Any]] = {
    "outplans": Outplan,
    "outdials": Outdial,
    "outdialtargets": Outdialtarget,
    "campaigns": Campaign,
    "campaigncalls": Campaigncall,
}
# operationId -> (the facade call, with tests/operation_examples.py's arguments, and its model).
CALLS: dict[str, tuple[Callable[[Any], Any], type[Any]]] = {
    op_id: (
        functools.partial(call, operation_id=op_id),
        MODELS["campaigncalls" if name.endswith("campaigncalls") else resource],
    )
    for op_id, (resource, name) in OPERATIONS.items()
}
ITERS: dict[str, Callable[[Any], Any]] = {
    "outplans.iter": lambda c: c.outplans.iter(page_size=10),
    "outdials.iter": lambda c: c.outdials.iter(),
    "outdialtargets.iter": lambda c: c.outdialtargets.iter(OUTDIAL_ID),
    "campaigns.iter": lambda c: c.campaigns.iter(),
    "campaigns.iter_campaigncalls": lambda c: c.campaigns.iter_campaigncalls(CAMPAIGN_ID),
    "campaigncalls.iter": lambda c: c.campaigncalls.iter(page_size=5),
}


def test_every_facade_method_is_driven_here() -> None:
    assert sorted(CALLS) == sorted(OPERATIONS)
    assert {name.split(".")[0] for name in ITERS} == {
        resource for resource, _ in OPERATIONS.values()
    }


@contextmanager
def client_on(prism: PrismServer, wire: Wire) -> Iterator[VoipbinClient]:
    hooks = {"response": [wire.record]}
    with (
        httpx.Client(event_hooks=hooks, trust_env=False) as http,
        VoipbinClient(token=TOKEN, base_url=prism.url, max_retries=0, http_client=http) as client,
    ):
        yield client


@asynccontextmanager
async def async_client_on(prism: PrismServer, wire: Wire) -> AsyncIterator[AsyncVoipbinClient]:
    hooks = {"response": [wire.arecord]}
    async with (
        httpx.AsyncClient(event_hooks=hooks, trust_env=False) as http,
        AsyncVoipbinClient(token=TOKEN, base_url=prism.url, max_retries=0, http_client=http) as c,
    ):
        yield c


def check_accepted(response: httpx.Response) -> None:
    """Prism took the request as VoIPBIN's spec allows it, and its answer fits that spec."""
    found = violations(response)
    assert found == [], (response.request.method, response.request.url, found)
    assert response.status_code == 200, response.text


def check_result(result: Any, model: type[Any]) -> None:
    items = result.items if isinstance(result, Page) else [result]
    assert items
    assert all(isinstance(item, model) for item in items)


@pytest.mark.parametrize("op_id", sorted(CALLS))
def test_each_request_is_valid_under_voipbins_spec(prism_voipbin: PrismServer, op_id: str) -> None:
    call, model = CALLS[op_id]
    wire = Wire()
    with client_on(prism_voipbin, wire) as client:
        result = call(client)

    (response,) = wire.exchanges
    check_accepted(response)
    check_result(result, model)


async def test_each_request_is_valid_from_the_async_client(prism_voipbin: PrismServer) -> None:
    wire = Wire()
    async with async_client_on(prism_voipbin, wire) as client:
        for op_id in sorted(CALLS):
            call, model = CALLS[op_id]
            check_result(await call(client), model)
    assert len(wire.exchanges) == len(CALLS)
    for response in wire.exchanges:
        check_accepted(response)


@pytest.mark.parametrize("name", sorted(ITERS))
def test_iter_pages_through_voipbins_spec(prism_voipbin: PrismServer, name: str) -> None:
    wire = Wire()
    items: list[Any] = []
    with client_on(prism_voipbin, wire) as client:
        pages = ITERS[name](client)
        with pytest.raises(ApiResponseValidationError, match="brought nothing new"):
            items.extend(islice(pages, 10))

    # Prism answers every page with the same example and token: the second page is asked with
    # that token, comes back the same, and the walk stops with an error (issues 13, 25) instead
    # of looping, after the first page's item, yielded once.
    assert len(items) == 1
    assert len(wire.exchanges) == 2
    for response in wire.exchanges:
        check_accepted(response)
    assert "page_token" in wire.exchanges[1].request.url.params


def test_a_target_is_sent_with_all_five_destinations(prism_voipbin: PrismServer) -> None:
    wire = Wire()
    with client_on(prism_voipbin, wire) as client:
        client.outdialtargets.create(
            OUTDIAL_ID, name="Ada", detail="VIP", data="x", destinations=[None, TEL]
        )

    sent = json.loads(wire.exchanges[0].request.content)
    assert sent == {
        "name": "Ada",
        "detail": "VIP",
        "data": "x",
        "destination_0": {},
        "destination_1": TEL,
        "destination_2": {},
        "destination_3": {},
        "destination_4": {},
    }


def test_a_target_without_every_destination_breaks_voipbins_spec(
    prism_voipbin: PrismServer,
) -> None:
    """Why the facade sends {}: the same body with a slot left out is what that spec forbids."""
    body = {"name": "Ada", "detail": "VIP", "data": "x", "destination_0": TEL}
    response = httpx.post(
        f"{prism_voipbin.url}/outdials/{OUTDIAL_ID}/targets", json=body, trust_env=False
    )

    assert response.status_code >= 400
    found = violations(response)
    assert any("destination_1" in v["message"] for v in found), found


def test_the_answers_read_as_the_sdks_models(prism_voipbin: PrismServer) -> None:
    """VoIPBIN's spec's examples (RFC 3339 times, full addresses) parse field by field."""
    wire = Wire()
    with client_on(prism_voipbin, wire) as client:
        target = client.outdialtargets.get(OUTDIAL_ID, TARGET_ID)
        plan = client.outplans.get(PLAN_ID)

    assert isinstance(target.destination_0, Address)
    assert isinstance(target.destination_0.type_, AddressType)
    assert target.destination_0.target == "+14155551234"
    assert target.tm_create == "2026-01-15T09:30:00.000000Z"
    assert target.status in set(OutdialtargetStatus)
    assert plan.dial_timeout == 30000
    assert target.to_dict() == wire.exchanges[0].json()
    assert plan.to_dict() == wire.exchanges[1].json()
