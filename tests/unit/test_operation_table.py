"""The generated operation table (``_generated/api``) says what openapi.yaml says of each
operation, and the facade's requests are built from its rows alone."""

from __future__ import annotations

import inspect
from typing import Any, get_args, get_origin, get_type_hints
from uuid import UUID

import pytest
import yaml
from test_spec import ROOT

from voipbin_outdial import AsyncVoipbinClient, Page
from voipbin_outdial._calls import request
from voipbin_outdial._generated.api import OPERATIONS, outdialtargets_list, outplans_update
from voipbin_outdial._resources import OPERATIONS as METHODS
from voipbin_outdial.models import UNSET, NameDetailUpdate

SPEC: dict[str, Any] = yaml.safe_load((ROOT / "openapi.yaml").read_text())
SPEC_OPERATIONS = {
    op["operationId"]: (method, path, item.get("parameters", []) + op.get("parameters", []), op)
    for path, item in SPEC["paths"].items()
    for method, op in item.items()
    if method in ("get", "put", "post", "delete", "patch")
}


def _component(node: dict[str, Any], section: str) -> tuple[str, dict[str, Any]]:
    name = node["$ref"].rsplit("/", 1)[1]
    resolved: dict[str, Any] = SPEC["components"][section][name]
    return name, resolved


def test_the_table_holds_every_operation_in_the_spec_order() -> None:
    assert list(OPERATIONS) == list(SPEC_OPERATIONS)
    assert all(op.id == operation_id for operation_id, op in OPERATIONS.items())


@pytest.mark.parametrize("operation_id", list(SPEC_OPERATIONS))
def test_a_row_says_what_the_spec_says(operation_id: str) -> None:
    method, path, parameters, spec_op = SPEC_OPERATIONS[operation_id]
    op = OPERATIONS[operation_id]
    resolved = [_component(p, "parameters")[1] for p in parameters]
    body = spec_op.get("requestBody", {}).get("content", {}).get("application/json", {})
    success = spec_op["responses"]["200"]
    if "$ref" in success:
        success = _component(success, "responses")[1]
    response_schema = success["content"]["application/json"]["schema"]

    assert (op.method, op.path) == (method.upper(), path)
    assert [p.name for p in op.path_params] == [p["name"] for p in resolved if p["in"] == "path"]
    assert all(p.type is UUID and p.required for p in op.path_params)
    assert [(p.name, p.required) for p in op.query_params] == [
        (p["name"], p.get("required", False)) for p in resolved if p["in"] == "query"
    ]
    assert (op.body.__name__ if op.body else None) == (
        _component(body["schema"], "schemas")[0] if body else None
    )
    assert op.response.__name__ == _component(response_schema, "schemas")[0]
    assert op.errors == tuple(int(code) for code in spec_op["responses"] if code != "200")
    assert op.summary == spec_op["summary"]


@pytest.mark.parametrize("operation_id", list(SPEC_OPERATIONS))
def test_each_facade_method_returns_its_rows_response_model(operation_id: str) -> None:
    resource, name = METHODS[operation_id]
    resource_class = type(getattr(AsyncVoipbinClient(token="t"), resource))
    returned = get_type_hints(getattr(resource_class, name))["return"]
    response = OPERATIONS[operation_id].response

    if get_origin(returned) is Page:  # a list: its page model holds the items
        (item,) = get_args(returned)
        assert get_type_hints(response)["result"] == list[item]
    else:
        assert returned is response


def test_every_coroutine_method_of_a_resource_serves_an_operation_or_is_built_on_them() -> None:
    client = AsyncVoipbinClient(token="t")
    methods = {
        (resource, name)
        for resource in {resource for resource, _ in METHODS.values()}
        for name, member in inspect.getmembers(type(getattr(client, resource)))
        if inspect.iscoroutinefunction(member) and not name.startswith("_")
    }

    assert methods - set(METHODS.values()) == {("outdialtargets", "create_many")}


def test_request_fills_the_path_query_and_body_from_the_row() -> None:
    outdial_id = UUID(int=7)

    page = request(outdialtargets_list, dict, None, outdial_id, page_size=5, page_token=UNSET)
    update = request(outplans_update, dict, 2.0, str(outdial_id), body=NameDetailUpdate("n", "d"))

    assert (page.operation, page.method, page.path) == (
        "outdialtargets_list",
        "GET",
        f"/outdials/{outdial_id}/targets",
    )
    assert (page.params, page.json) == ({"page_size": 5}, None)
    assert (update.method, update.path, update.params) == ("PUT", f"/outplans/{outdial_id}", None)
    assert update.json == {"name": "n", "detail": "d"}
    assert (page.try_time, update.try_time) == (None, 2.0)  # the timeout, resolved once


def test_request_refuses_what_the_row_does_not_take() -> None:
    with pytest.raises(TypeError, match=r"outplans_update takes path ids \['id'\]"):
        request(outplans_update, dict, None, body=NameDetailUpdate("n", "d"))
    with pytest.raises(TypeError, match="body NameDetailUpdate"):
        request(outplans_update, dict, None, str(UUID(int=1)))
    with pytest.raises(TypeError, match=r"given query \['limit'\]"):
        request(outdialtargets_list, dict, None, str(UUID(int=1)), limit=3)
