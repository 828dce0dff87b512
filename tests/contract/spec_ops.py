"""The operations of openapi.yaml, read from the spec itself, for the contract tests.

Every operation is described by what the spec says about it: method, path, request example and
the example it answers with, so the tests need no second copy of the contract.
"""

from __future__ import annotations

import copy
import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import yaml

ROOT: Final = Path(__file__).resolve().parents[2]
SPEC_PATH: Final = ROOT / "openapi.yaml"
HTTP_METHODS: Final = ("get", "put", "post", "delete", "patch", "head", "options", "trace")


@functools.cache
def load_spec(path: Path = SPEC_PATH) -> dict[str, Any]:
    spec: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return spec


def example(name: str) -> dict[str, Any]:
    """A copy of ``components.examples[name].value``."""
    value: dict[str, Any] = load_spec()["components"]["examples"][name]["value"]
    return copy.deepcopy(value)


def _ref_name(node: dict[str, Any]) -> str:
    return str(node["$ref"]).rsplit("/", 1)[-1]


def _resolve(node: dict[str, Any], section: str) -> dict[str, Any]:
    if "$ref" in node:
        resolved: dict[str, Any] = load_spec()["components"][section][_ref_name(node)]
        return resolved
    return node


# The spec's path parameters, filled with the ids of its own examples.
PATH_PARAM_VALUES: Final = {
    "OutplanId": example("OutplanValue")["id"],
    "OutdialId": example("OutdialValue")["id"],
    "TargetId": example("OutdialtargetValue")["id"],
    "CampaignId": example("CampaignValue")["id"],
    "CampaigncallId": example("CampaigncallValue")["id"],
}


@dataclass(frozen=True)
class Operation:
    operation_id: str
    method: str
    path: str
    path_params: dict[str, str]  # name -> the example id it is filled with
    query_params: tuple[str, ...]
    request_schema: str | None  # components.schemas name of the JSON body
    request_example: dict[str, Any] | None
    response_schema: str  # components.schemas name of the 200 body
    response_examples: dict[str, dict[str, Any]]  # name -> value; "current" first, "legacy"

    @property
    def response_example(self) -> dict[str, Any]:
        """What Prism answers by default: the first example, today's server's form."""
        return next(iter(self.response_examples.values()))

    @property
    def url_path(self) -> str:
        """The path with every parameter filled in, such as ``/outplans/d5fb...``."""
        return self.path.format(**self.path_params)

    def body(self, **changes: Any) -> dict[str, Any] | None:
        """A copy of the request example with ``changes`` applied (``None`` if no body)."""
        if self.request_example is None:
            return None
        return {**copy.deepcopy(self.request_example), **changes}

    def __str__(self) -> str:
        return self.operation_id


def _operation(path: str, method: str, path_item: dict[str, Any], op: dict[str, Any]) -> Operation:
    params = [
        _resolve(p, "parameters") | {"_ref": p.get("$ref", "")}
        for p in [*path_item.get("parameters", []), *op.get("parameters", [])]
    ]
    path_params = {
        p["name"]: PATH_PARAM_VALUES[str(p["_ref"]).rsplit("/", 1)[-1]]
        for p in params
        if p["in"] == "path"
    }
    query_params = tuple(p["name"] for p in params if p["in"] == "query")

    request_schema = request_example = None
    if "requestBody" in op:
        media = op["requestBody"]["content"]["application/json"]
        request_schema = _ref_name(media["schema"])
        request_example = media["example"]

    ok = _resolve(op["responses"]["200"], "responses")["content"]["application/json"]
    response_examples = {
        name: _resolve(node, "examples")["value"] for name, node in ok["examples"].items()
    }
    return Operation(
        operation_id=op["operationId"],
        method=method.upper(),
        path=path,
        path_params=path_params,
        query_params=query_params,
        request_schema=request_schema,
        request_example=copy.deepcopy(request_example),
        response_schema=_ref_name(ok["schema"]),
        response_examples=copy.deepcopy(response_examples),
    )


@functools.cache
def operations() -> tuple[Operation, ...]:
    """Every operation in openapi.yaml, in the spec's order."""
    found = []
    for path, path_item in load_spec()["paths"].items():
        for method in HTTP_METHODS:
            if method in path_item:
                found.append(_operation(path, method, path_item, path_item[method]))
    return tuple(found)


def operation_ids() -> set[str]:
    return {op.operation_id for op in operations()}


def by_id(operation_id: str) -> Operation:
    for op in operations():
        if op.operation_id == operation_id:
            return op
    raise KeyError(operation_id)
