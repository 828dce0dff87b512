"""Helpers for the tests of voipbin_outdial.testing: request bodies and spec checks of responses.

Responses are checked against openapi.yaml itself (jsonschema over the spec's response schemas,
with the ``uuid`` format checked), so these tests hold no second copy of the contract.
"""

from __future__ import annotations

import copy
import functools
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Final

import httpx
import jsonschema
import yaml

ROOT: Final = Path(__file__).resolve().parents[2]
SPEC_PATH: Final = ROOT / "openapi.yaml"
TOKEN: Final = "test-token"
AUTH: Final = {"Authorization": f"Bearer {TOKEN}"}
NIL_UUID: Final = "00000000-0000-0000-0000-000000000000"
# Go's RFC3339Nano in UTC at microseconds: the fraction's trailing zeros trimmed, or no fraction.
WIRE_TIME: Final = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{0,5}[1-9])?Z")
PAGE_TOKEN: Final = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z")
REQUEST_ID: Final = re.compile(r"req_[A-Z2-7]{26}")
JSON_TYPE: Final = "application/json; charset=utf-8"
T0: Final = datetime(2024, 1, 1, 12, 0, tzinfo=UTC)


@functools.cache
def spec() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
    return loaded


HTTP_METHODS: Final = ("get", "put", "post", "delete", "patch")
Operation = tuple[str, str, dict[str, Any] | None]


def operations() -> dict[str, Operation]:
    """Every operation of openapi.yaml, by operationId: method, path and its request example."""
    found: dict[str, Operation] = {}
    for path, item in spec()["paths"].items():
        for method in HTTP_METHODS:
            if method in item:
                body = item[method].get("requestBody", {}).get("content", {})
                example = body.get("application/json", {}).get("example")
                found[item[method]["operationId"]] = (method.upper(), path, copy.deepcopy(example))
    return found


def request_schemas() -> list[str]:
    """The schemas of openapi.yaml's request bodies, in the spec's order."""
    names = []
    for item in spec()["paths"].values():
        for method in HTTP_METHODS:
            body = item.get(method, {}).get("requestBody")
            if body is not None:
                names.append(str(body["content"]["application/json"]["schema"]["$ref"]))
    return list(dict.fromkeys(name.rsplit("/", 1)[1] for name in names))


def _resolve(node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        _, section, name = str(node["$ref"]).removeprefix("#/").split("/")
        node = spec()["components"][section][name]
    return node


@functools.cache
def _validator(method: str, path: str, status: int) -> jsonschema.Draft202012Validator:
    operation = spec()["paths"][path][method.lower()]
    responses = operation["responses"]
    assert str(status) in responses, f"{method} {path} does not declare a {status} response"
    content = _resolve(responses[str(status)])["content"]["application/json"]
    schema = {**content["schema"], "components": spec()["components"]}
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def conforms(response: httpx.Response, method: str, path: str) -> Any:
    """Assert ``response`` is one that ``method path`` of openapi.yaml declares; its JSON."""
    assert response.headers["content-type"] == JSON_TYPE
    body = response.json()
    _validator(method, path, response.status_code).validate(body)
    return body


def error_of(
    response: httpx.Response,
    method: str,
    path: str,
    status: int,
    code: str,
    reason: str | None = None,
) -> str:
    """Assert a VoIPBIN-shaped error (conforming to the spec) with this status, VoIPBIN status
    and (if given) reason, and a fresh ``req_`` request id; its message."""
    assert response.status_code == status, response.text
    if response.headers["content-type"].startswith("text/plain"):
        # INVALID_JSON_BODY: the server sends the envelope, but as text/plain (see _validate)
        body = response.json()
        _validator(method, path, status).validate(body)
    else:
        body = conforms(response, method, path)
    error = body["error"]
    assert error["status"] == code
    assert isinstance(error["reason"], str)
    assert error["reason"] == reason if reason is not None else error["reason"]
    assert REQUEST_ID.fullmatch(error["request_id"])
    assert response.headers["x-request-id"] == error["request_id"]
    message: str = error["message"]
    return message


def address(target: str = "+15550100", **extra: str) -> dict[str, str]:
    return {"type": "tel", "target": target, **extra}


def outplan_body(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "name": "plan",
        "detail": "a plan",
        "source": address("+15559876543"),
        "dial_timeout": 30_000,
        "try_interval": 60_000,
        **{f"max_try_count_{i}": 1 for i in range(5)},
    }
    body.update(overrides)
    return body


CAMPAIGN_ID: Final = "183c0d5c-691e-42f3-af2b-9bffc2740f83"


def outdial_body(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "campaign_id": CAMPAIGN_ID,
        "name": "list",
        "detail": "a list",
        "data": "data",
    }
    body.update(overrides)
    return body


def target_body(*destinations: dict[str, str] | None, **overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {"name": "contact", "detail": "a contact", "data": "data"}
    dests = destinations or (address(),)
    body.update({f"destination_{i}": dest for i, dest in enumerate(dests)})
    body.update(overrides)
    return body


class StepClock:
    """A clock for the mock: starts at ``start`` and moves ``step`` per reading."""

    def __init__(self, start: datetime = T0, step: timedelta = timedelta(seconds=1)) -> None:
        self.now = start
        self.step = step

    def __call__(self) -> datetime:
        now = self.now
        self.now += self.step
        return now
