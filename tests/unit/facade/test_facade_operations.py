"""Every operation in openapi.yaml is reachable from both clients, at the method OPERATIONS names.

The routes are read from the spec itself (method and path of each operationId), so a facade
method that sends the wrong request, or an operation the facade lacks, fails here.
"""

from __future__ import annotations

import inspect
import ssl
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import respx
from facade_support import SPEC, MakeHarness, example
from operation_examples import ARGUMENTS, arguments

from voipbin_outdial import AsyncVoipbinClient, NotFoundError, Page, VoipbinClient
from voipbin_outdial._resources import OPERATIONS

TLS = ssl.create_default_context()
HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options")
SPEC_OPERATIONS: dict[str, tuple[str, str, dict[str, Any]]] = {
    op["operationId"]: (method.upper(), path, op)
    for path, item in SPEC["paths"].items()
    for method, op in item.items()
    if method in HTTP_METHODS
}


def _ref(node: dict[str, Any]) -> dict[str, Any]:
    """Follow a local ``$ref`` (one level is all the spec uses)."""
    if "$ref" not in node:
        return node
    section, name = node["$ref"].removeprefix("#/components/").split("/")
    resolved: dict[str, Any] = SPEC["components"][section][name]
    return resolved


def _success_example(op: dict[str, Any]) -> Any:
    """The spec's own example of the operation's 200 body."""
    content = _ref(op["responses"]["200"])["content"]["application/json"]
    first = next(iter(content["examples"].values()))
    return example(first["$ref"].rsplit("/", 1)[1])


def _concrete(path: str, args: tuple[Any, ...]) -> str:
    """The path template filled with the call's positional ids, in order."""
    for placeholder, value in zip(("{id}", "{target_id}"), args, strict=False):
        path = path.replace(placeholder, str(value))
    return path


@pytest.fixture(scope="module")
def clients() -> Iterator[tuple[VoipbinClient, AsyncVoipbinClient]]:
    """One client of each kind, only inspected (never sends)."""
    with httpx.Client(verify=TLS) as http:
        yield (
            VoipbinClient(token="t", http_client=http),
            AsyncVoipbinClient(token="t", http_client=httpx.AsyncClient(verify=TLS)),
        )


def test_every_spec_operation_has_a_facade_method() -> None:
    assert set(SPEC_OPERATIONS) == set(OPERATIONS)
    assert sorted(set(SPEC_OPERATIONS) - set(ARGUMENTS)) == [], "add them to operation_examples"
    assert sorted(set(ARGUMENTS) - set(SPEC_OPERATIONS)) == []


def _parameters(method: Any) -> list[inspect.Parameter]:
    return list(inspect.signature(method).parameters.values())


@pytest.mark.parametrize("operation_id", sorted(SPEC_OPERATIONS))
def test_method_exists_on_both_clients(
    clients: tuple[VoipbinClient, AsyncVoipbinClient], operation_id: str
) -> None:
    resource, name = OPERATIONS[operation_id]
    sync, async_ = (getattr(getattr(client, resource), name) for client in clients)

    assert callable(sync)
    assert not inspect.iscoroutinefunction(sync)
    assert inspect.iscoroutinefunction(async_)
    assert _parameters(sync) == _parameters(async_)


@pytest.mark.parametrize(
    "resource", ["outplans", "outdials", "outdialtargets", "campaigns", "campaigncalls"]
)
def test_both_clients_have_the_same_methods(
    clients: tuple[VoipbinClient, AsyncVoipbinClient], resource: str
) -> None:
    sync, async_ = (getattr(client, resource) for client in clients)
    public = [n for n in dir(sync) if not n.startswith("_")]

    assert public == [n for n in dir(async_) if not n.startswith("_")]
    assert {"list", "iter", "get", "delete", "with_raw_response"} <= set(public)
    public.remove("with_raw_response")  # not a method: tests/unit/facade/test_facade_raw_responses
    for name in public:
        assert _parameters(getattr(sync, name)) == _parameters(getattr(async_, name))
    raw = [n for n in vars(sync.with_raw_response) if not n.startswith("_")]
    assert raw == [n for n in vars(async_.with_raw_response) if not n.startswith("_")]
    assert set(raw) == set(public) - {
        "iter",
        "iter_campaigncalls",
        "create_many",
        "iter_create_many",
    }


@pytest.mark.parametrize("operation_id", sorted(SPEC_OPERATIONS))
async def test_operation_sends_the_spec_request(
    make_harness: MakeHarness, api: respx.MockRouter, operation_id: str
) -> None:
    method, path, op = SPEC_OPERATIONS[operation_id]
    args, kwargs = arguments(operation_id)
    answer = _success_example(op)
    route = api.route(method=method, path=_concrete(path, args)).respond(200, json=answer)
    harness = await make_harness()
    resource, name = OPERATIONS[operation_id]

    result = await harness.call(f"{resource}.{name}", *args, **kwargs)

    assert route.call_count == 1
    if isinstance(result, Page):
        assert [item.to_dict() for item in result] == answer["result"]
    else:
        assert result.to_dict() == answer


@pytest.mark.parametrize("operation_id", sorted(SPEC_OPERATIONS))
async def test_operation_names_itself_in_errors(
    make_harness: MakeHarness, api: respx.MockRouter, operation_id: str
) -> None:
    """The operation a method's call reports (read off the row of the operation table it sends)
    is the operationId its name says it serves."""
    method, path, _ = SPEC_OPERATIONS[operation_id]
    args, kwargs = arguments(operation_id)
    api.route(method=method, path=_concrete(path, args)).respond(404, json={})
    harness = await make_harness()
    resource, name = OPERATIONS[operation_id]

    with pytest.raises(NotFoundError) as caught:
        await harness.call(f"{resource}.{name}", *args, **kwargs)

    assert caught.value.operation == operation_id
