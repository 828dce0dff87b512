"""Every operation of openapi.yaml, through the facade, against Prism.

``CASES`` maps each operationId of openapi.yaml to a facade call (with the arguments of
tests/operation_examples.py) and the typed result it must give (written out below, one check per
model). Each case runs against static Prism (the spec's examples: today's server's form by
default, the docs' older form with ``Prefer: example=legacy``) with a token and with an access
key, from both clients, and against dynamic Prism (``-d``: responses made up from the schemas)
for several rounds. A recording httpx client checks what went over the wire: the operation's
method and path, the credential, the spec's own request example as the body, and no
``sl-violations`` (Prism's report of a request or response that breaks the spec).
``test_every_operation_has_a_case`` fails when an operationId in openapi.yaml has no arguments.
"""

from __future__ import annotations

import inspect
import json
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass, field
from itertools import islice
from typing import Any, TypeAlias
from uuid import UUID

import httpx
import pytest
from operation_examples import ARGUMENTS, arguments, call
from prism import PrismServer
from spec_ops import Operation, by_id, example, operation_ids, operations
from wire import Wire, violations

from voipbin_outdial import AsyncVoipbinClient, Page, VoipbinClient, models
from voipbin_outdial.errors import ApiResponseValidationError
from voipbin_outdial.models import (
    UNSET,
    Address,
    AddressType,
    Campaign,
    Campaigncall,
    CampaigncallResult,
    CampaigncallStatus,
    CampaignStatus,
    Outdial,
    Outdialtarget,
    OutdialtargetStatus,
    Outplan,
)

pytestmark = pytest.mark.contract

DYNAMIC_ROUNDS = 5
TOKEN = "eyJhbGciOiJIUzI1NiJ9.contract-token"
ACCESSKEY = "ak-contract-accesskey"
NEVER = "9999-01-01 00:00:00.000000"
LEGACY = {"Prefer": "example=legacy"}

OUTPLAN, OUTDIAL, TARGET = (
    example("OutplanCurrent"),
    example("OutdialCurrent"),
    example("OutdialtargetCurrent"),
)
OUTPLAN_ID, OUTDIAL_ID, TARGET_ID = OUTPLAN["id"], OUTDIAL["id"], TARGET["id"]
CAMPAIGN_ID = "183c0d5c-691e-42f3-af2b-9bffc2740f83"
CUSTOMER_ID = UUID("5e4a0680-804e-11ec-8477-2fea5968d85b")


# -- the typed results, written out (not derived from the spec) --------------------------------


def _check_outplan(plan: Outplan) -> None:
    assert isinstance(plan, Outplan)
    assert plan.id == UUID("d5fb7357-7ddb-4f2d-87b5-8ccbfd6c039e")
    assert plan.name == "test outplan"
    assert isinstance(plan.source, Address)
    assert plan.source.type_ is AddressType.TEL
    assert plan.source.target == "+15559876543"
    assert (plan.dial_timeout, plan.try_interval) == (30000, 60000)
    counts = [getattr(plan, f"max_try_count_{n}") for n in range(5)]
    assert counts == [5, 5, 5, 5, 5]


def check_outplan(plan: Outplan) -> None:
    """Today's server: RFC 3339, null for "not deleted", empty address fields left out."""
    _check_outplan(plan)
    assert plan.customer_id == CUSTOMER_ID
    assert plan.source.target_name is UNSET
    assert plan.tm_create == "2022-04-28T01:50:23.414Z"
    assert plan.tm_update == "2022-04-30T12:01:13.780469Z"
    assert plan.tm_delete is None


def check_legacy_outplan(plan: Outplan) -> None:
    """The docs' example: the space form, the 9999 sentinel, every address field."""
    _check_outplan(plan)
    assert plan.source.target_name == ""
    assert plan.tm_create == "2022-04-28 01:50:23.414000"
    assert plan.tm_delete == NEVER


def check_outdial(outdial: Outdial) -> None:
    assert isinstance(outdial, Outdial)
    assert outdial.id == UUID("40bea034-1d17-474d-a5de-da00d0861c69")
    assert outdial.campaign_id == UUID(CAMPAIGN_ID)
    assert (outdial.name, outdial.data) == ("test outdial", "test data")
    assert outdial.tm_create == "2022-04-28T01:41:40.50379Z"
    assert outdial.tm_update is None
    assert outdial.tm_delete is None


def check_legacy_outdial(outdial: Outdial) -> None:
    assert isinstance(outdial, Outdial)
    assert outdial.id == UUID("40bea034-1d17-474d-a5de-da00d0861c69")
    assert outdial.campaign_id == UUID(int=0)
    assert (outdial.name, outdial.data) == ("test outdial", "test data")
    assert outdial.tm_delete == NEVER


def _check_target(target: Outdialtarget) -> None:
    assert isinstance(target, Outdialtarget)
    assert target.id == UUID("1b3d7a92-7146-466d-90f5-4bc701ada4c0")
    assert target.outdial_id == UUID("40bea034-1d17-474d-a5de-da00d0861c69")
    assert target.status is OutdialtargetStatus.DONE
    assert isinstance(target.destination_0, Address)
    assert target.destination_0.target == "+821100000001"
    assert (target.try_count_0, target.try_count_1) == (1, 0)


def check_target(target: Outdialtarget) -> None:
    """Today's server: unused destinations are {} (an Address with nothing set)."""
    _check_target(target)
    assert target.destination_1 == Address()
    assert target.destination_4 == Address()
    assert target.tm_update == "2022-04-30T17:53:51.183345Z"
    assert target.tm_delete is None


def check_legacy_target(target: Outdialtarget) -> None:
    """The docs' example: unused destinations are null."""
    _check_target(target)
    assert target.destination_1 is None
    assert target.tm_update == "2022-04-30 17:53:51.183345"
    assert target.tm_delete == NEVER


def _check_campaign(campaign: Campaign) -> None:
    assert isinstance(campaign, Campaign)
    assert campaign.id == UUID(CAMPAIGN_ID)
    assert (campaign.type_, campaign.name, campaign.end_handle) == ("call", "test campaign", "stop")
    assert campaign.status is CampaignStatus.STOP
    assert campaign.service_level == 100
    assert campaign.outplan_id == UUID(OUTPLAN_ID)
    assert campaign.outdial_id == UUID(OUTDIAL_ID)
    assert campaign.next_campaign_id == UUID(int=0)
    assert campaign.actions is not None
    (action,) = campaign.actions
    assert (action.type_, action.id) == ("talk", UUID(int=0))


def check_campaign(campaign: Campaign) -> None:
    """Today's server: RFC 3339, unset ids the nil UUID, null for "not yet"."""
    _check_campaign(campaign)
    assert campaign.queue_id == UUID(int=0)
    assert campaign.tm_create == "2022-04-28T02:16:39.712142Z"
    assert campaign.tm_delete is None


def check_legacy_campaign(campaign: Campaign) -> None:
    _check_campaign(campaign)
    assert campaign.tm_create == "2022-04-28 02:16:39.712142"


def _check_campaigncall(campaigncall: Campaigncall) -> None:
    assert isinstance(campaigncall, Campaigncall)
    assert campaigncall.id == UUID("56347901-5bb9-422d-add5-5a2ca47fa737")
    assert campaigncall.campaign_id == UUID(CAMPAIGN_ID)
    assert campaigncall.status is CampaigncallStatus.DONE
    assert campaigncall.result is CampaigncallResult.SUCCESS
    assert (campaigncall.destination_index, campaigncall.try_count) == (0, 1)
    assert isinstance(campaigncall.source, Address)
    assert campaigncall.source.target == "+15559876543"


def check_campaigncall(campaigncall: Campaigncall) -> None:
    _check_campaigncall(campaigncall)
    assert campaigncall.outdial_target_id == UUID(TARGET_ID)
    assert campaigncall.tm_update == "2022-04-29T07:02:48.304704Z"


def check_legacy_campaigncall(campaigncall: Campaigncall) -> None:
    _check_campaigncall(campaigncall)
    assert campaigncall.flow_id == UUID(int=0)
    assert campaigncall.tm_update == "2022-04-29 07:02:48.304704"


def check_page(check_item: Callable[[Any], None], token: str) -> Callable[[Page[Any]], None]:
    def check(page: Page[Any]) -> None:
        assert isinstance(page, Page)
        assert len(page) == 1
        check_item(page.items[0])
        assert page.next_page_token == token

    return check


ModelType: TypeAlias = (
    type[Outplan] | type[Outdial] | type[Outdialtarget] | type[Campaign] | type[Campaigncall]
)


@dataclass(frozen=True)
class Case:
    call: Callable[[Any], Any]  # client -> result (a coroutine for the async client)
    check: Callable[[Any], None]  # the static result, field by field
    item_type: ModelType  # the model (of each item, for a list)
    query: dict[str, str] = field(default_factory=dict)  # the query, credentials aside


# The typed result of each model, and of a page of it (with the token the spec's example holds).
CHECKS: dict[str, Callable[[Any], None]] = {
    "Outplan": check_outplan,
    "Outdial": check_outdial,
    "Outdialtarget": check_target,
    "Campaign": check_campaign,
    "Campaigncall": check_campaigncall,
}


def _case(op: Operation) -> Case:
    listing = op.response_schema.endswith("List")  # OutplanList: {result: [Outplan], ...}
    model = op.response_schema.removesuffix("List")
    check = CHECKS[model]
    if listing:
        check = check_page(check, op.response_example["next_page_token"])
    _, kwargs = arguments(op.operation_id)
    # What a list sends: the facade's page_size of 100 unless given, the token if given.
    query = {"page_size": "100"} if listing else {}
    query |= {name: str(kwargs[name]) for name in op.query_params if name in kwargs}
    return Case(lambda c: call(c, op.operation_id), check, getattr(models, model), query)


# One entry per operationId in openapi.yaml.
CASES: dict[str, Case] = {op.operation_id: _case(op) for op in operations()}
OP_IDS = sorted(CASES)

# The docs' older form of each result, served by Prism for "Prefer: example=legacy".
LEGACY_CHECKS: dict[type[Any], Callable[[Any], None]] = {
    Outplan: check_legacy_outplan,
    Outdial: check_legacy_outdial,
    Outdialtarget: check_legacy_target,
    Campaign: check_legacy_campaign,
    Campaigncall: check_legacy_campaigncall,
}


def test_every_operation_has_a_case() -> None:
    spec_ops = operation_ids()

    assert sorted(spec_ops - set(CASES)) == [], "operations in openapi.yaml without a contract test"
    assert sorted(set(CASES) - spec_ops) == [], "contract tests of operations not in openapi.yaml"
    assert sorted(spec_ops - set(ARGUMENTS)) == [], "add their arguments to operation_examples"


# -- the wire, recorded -------------------------------------------------------------------------


def check_wire(
    response: httpx.Response, op: Operation, credential: str, query: dict[str, str] | None = None
) -> None:
    """The request was ``op`` as the spec documents it, and Prism found nothing wrong."""
    request = response.request
    assert violations(response) == []
    assert response.status_code == 200
    assert request.method == op.method
    assert request.url.host == "127.0.0.1"
    assert request.url.path.endswith(op.url_path)
    if query is not None:
        params = {k: v for k, v in request.url.params.items() if k != "accesskey"}
        assert params == query
    if credential == "token":
        assert request.headers["Authorization"] == f"Bearer {TOKEN}"
        assert "accesskey" not in request.url.params
    else:
        assert request.url.params["accesskey"] == ACCESSKEY
        assert "Authorization" not in request.headers
    if op.request_example is not None:
        # The facade sends exactly the body the spec gives as its example.
        assert json.loads(request.content) == op.request_example


def expected_from_spec(op: Operation, item_type: ModelType, example_name: str = "current") -> Any:
    """What the static server answers, parsed by the model the spec names for it."""
    body = op.response_examples[example_name]
    if op.response_schema.endswith("List"):  # OutplanList: {result: [Outplan], next_page_token}
        assert getattr(models, op.response_schema.removesuffix("List")) is item_type
        items = [item_type.from_dict(item) for item in body["result"]]
        return Page(items=items, next_page_token=body.get("next_page_token"))
    assert getattr(models, op.response_schema) is item_type
    return item_type.from_dict(body)


def check_round_trip(result: Any, body: dict[str, Any], item_type: ModelType) -> None:
    """The typed result holds exactly what the server sent: nothing lost, nothing invented."""
    if isinstance(result, Page):
        assert all(isinstance(item, item_type) for item in result.items)
        assert [item.to_dict() for item in result.items] == body["result"]
        assert result.next_page_token == body.get("next_page_token")
    else:
        assert isinstance(result, item_type)
        assert result.to_dict() == body


@contextmanager
def client_for(
    prism: PrismServer, wire: Wire, credential: str, **kwargs: Any
) -> Iterator[VoipbinClient]:
    """A facade client on ``prism`` whose traffic ``wire`` records (closed afterwards)."""
    token, accesskey = (TOKEN, None) if credential == "token" else (None, ACCESSKEY)
    hooks = {"response": [wire.record]}
    with (
        httpx.Client(event_hooks=hooks, trust_env=False, **kwargs) as http,
        VoipbinClient(
            token=token, accesskey=accesskey, base_url=prism.url, max_retries=0, http_client=http
        ) as client,
    ):
        yield client


@asynccontextmanager
async def async_client_for(prism: PrismServer, wire: Wire) -> AsyncIterator[AsyncVoipbinClient]:
    hooks = {"response": [wire.arecord]}
    async with (
        httpx.AsyncClient(event_hooks=hooks, trust_env=False) as http,
        AsyncVoipbinClient(token=TOKEN, base_url=prism.url, max_retries=0, http_client=http) as c,
    ):
        yield c


@pytest.fixture
def wire() -> Wire:
    return Wire()


# -- static: the spec's examples, typed ---------------------------------------------------------


@pytest.mark.parametrize("credential", ["token", "accesskey"])
@pytest.mark.parametrize("op_id", OP_IDS)
def test_operation_returns_the_spec_example(
    prism: PrismServer, wire: Wire, op_id: str, credential: str
) -> None:
    op, case = by_id(op_id), CASES[op_id]
    with client_for(prism, wire, credential) as client:
        result = case.call(client)

    case.check(result)
    assert result == expected_from_spec(op, case.item_type)
    check_wire(wire.only(), op, credential, case.query)


@pytest.mark.parametrize("op_id", OP_IDS)
def test_operation_reads_the_docs_older_form(prism: PrismServer, wire: Wire, op_id: str) -> None:
    op, case = by_id(op_id), CASES[op_id]
    with client_for(prism, wire, "token", headers=LEGACY) as client:
        result = case.call(client)

    expected = expected_from_spec(op, case.item_type, "legacy")
    assert result == expected
    for item in result.items if isinstance(result, Page) else [result]:
        LEGACY_CHECKS[case.item_type](item)
    check_wire(wire.only(), op, "token", case.query)


@pytest.mark.parametrize("op_id", OP_IDS)
async def test_async_operation_returns_the_spec_example(
    prism: PrismServer, wire: Wire, op_id: str
) -> None:
    op, case = by_id(op_id), CASES[op_id]
    async with async_client_for(prism, wire) as c:
        pending = case.call(c)
        assert inspect.isawaitable(pending)
        result = await pending

    case.check(result)
    assert result == expected_from_spec(op, case.item_type)
    check_wire(wire.only(), op, "token", case.query)


ITERATIONS: dict[str, tuple[Callable[[Any], Iterator[Any]], dict[str, str]]] = {
    "outplans_list": (lambda c: c.outplans.iter(page_size=10), {"page_size": "10"}),
    "outdials_list": (lambda c: c.outdials.iter(), {"page_size": "100"}),
    "outdialtargets_list": (lambda c: c.outdialtargets.iter(OUTDIAL_ID), {"page_size": "100"}),
}


@pytest.mark.parametrize("op_id", sorted(ITERATIONS))
def test_iter_follows_the_page_token(prism: PrismServer, wire: Wire, op_id: str) -> None:
    op, case = by_id(op_id), CASES[op_id]
    walk, query = ITERATIONS[op_id]
    items: list[Any] = []
    with client_for(prism, wire, "accesskey") as client:
        pages = walk(client)
        with pytest.raises(ApiResponseValidationError, match="brought nothing new"):
            items.extend(islice(pages, 10))

    # Static Prism hands back the same page and token forever: the facade asks for the second
    # page with that token, gets the items it has yielded already, and stops with an error
    # (issues 13, 25) instead of looping, after the first page's items, each yielded once.
    token = op.response_example["next_page_token"]
    first, second = wire.exchanges
    check_wire(first, op, "accesskey", query)
    check_wire(second, op, "accesskey", {**query, "page_token": token})
    assert items == expected_from_spec(op, case.item_type).items


async def test_async_iter_follows_the_page_token(prism: PrismServer, wire: Wire) -> None:
    items: list[Any] = []

    async def walk(pages: AsyncIterator[Any]) -> None:
        async for target in pages:
            items.append(target)

    async with async_client_for(prism, wire) as c:
        with pytest.raises(ApiResponseValidationError, match="brought nothing new"):
            await walk(c.outdialtargets.iter(OUTDIAL_ID))

    assert len(items) == 1
    for item in items:
        check_target(item)
    assert len(wire.exchanges) == 2


# -- dynamic: anything the schemas allow parses -------------------------------------------------


@pytest.fixture(scope="module")
def dynamic_client(prism_dynamic: PrismServer) -> Iterator[tuple[VoipbinClient, Wire]]:
    wire = Wire()
    with client_for(prism_dynamic, wire, "token") as client:
        yield client, wire


@pytest.mark.parametrize("round_", range(DYNAMIC_ROUNDS))
@pytest.mark.parametrize("op_id", OP_IDS)
def test_operation_parses_any_response_the_spec_allows(
    dynamic_client: tuple[VoipbinClient, Wire], op_id: str, round_: int
) -> None:
    client, wire = dynamic_client
    wire.exchanges.clear()
    op, case = by_id(op_id), CASES[op_id]

    result = case.call(client)

    response = wire.only()
    check_wire(response, op, "token")  # Prism's made-up answer passed its own schema check
    check_round_trip(result, response.json(), case.item_type)


@pytest.mark.parametrize("op_id", OP_IDS)
async def test_async_operation_parses_any_response_the_spec_allows(
    prism_dynamic: PrismServer, wire: Wire, op_id: str
) -> None:
    op, case = by_id(op_id), CASES[op_id]
    async with async_client_for(prism_dynamic, wire) as c:
        for _ in range(DYNAMIC_ROUNDS):
            wire.exchanges.clear()
            result = await case.call(c)
            response = wire.only()
            check_wire(response, op, "token")
            check_round_trip(result, response.json(), case.item_type)
