"""openapi.yaml says what VoIPBIN's running server does (docs/server-behaviour.md has the code).

The contract tests show Prism acting on these rules; these read them off the spec itself.
"""

from pathlib import Path
from typing import Any

import pytest
import yaml

from voipbin_outdial._schema import NON_NEGATIVE

ROOT = Path(__file__).resolve().parents[2]
SPEC: dict[str, Any] = yaml.safe_load((ROOT / "openapi.yaml").read_text())
COMPONENTS = SPEC["components"]
SCHEMAS = COMPONENTS["schemas"]
OPERATIONS = [
    (path, method, op)
    for path, item in SPEC["paths"].items()
    for method, op in item.items()
    if method in ("get", "put", "post", "delete")
]
# The schema of every request body, in the spec's order.
REQUEST_SCHEMAS = list(
    dict.fromkeys(
        op["requestBody"]["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[1]
        for _, _, op in OPERATIONS
        if "requestBody" in op
    )
)


def test_every_operation_answers_200_and_declares_the_servers_errors() -> None:
    for path, method, op in OPERATIONS:
        codes = set(op["responses"])
        assert {"200", "400", "401", "403", "429", "500", "503"} <= codes, (method, path)
        assert not {"201", "204"} & codes, (method, path)


@pytest.mark.parametrize("name", REQUEST_SCHEMAS)
def test_request_bodies_allow_fields_the_server_ignores(name: str) -> None:
    assert SCHEMAS[name].get("additionalProperties", True) is not False


def test_an_outdial_needs_four_texts_that_are_not_empty_and_a_campaign() -> None:
    schema = SCHEMAS["OutdialCreate"]
    assert schema["required"] == ["campaign_id", "name", "detail", "data"]
    assert all(schema["properties"][name]["minLength"] == 1 for name in ("name", "detail", "data"))
    assert "00000000-0000-0000-0000-000000000000" in schema["properties"]["campaign_id"]["pattern"]


def test_a_target_needs_three_texts_and_a_destination_with_a_target() -> None:
    schema = SCHEMAS["OutdialtargetCreate"]
    assert schema["required"] == ["name", "detail", "data"]
    (rule,) = schema["allOf"]
    slots = [next(iter(branch["required"])) for branch in rule["anyOf"]]
    assert slots == [f"destination_{n}" for n in range(5)]
    for branch, slot in zip(rule["anyOf"], slots, strict=True):
        assert branch["properties"][slot]["properties"]["target"]["minLength"] == 1


def test_an_address_may_be_empty() -> None:
    assert "required" not in SCHEMAS["Address"]
    destination = SCHEMAS["Outdialtarget"]["properties"]["destination_1"]
    assert destination["anyOf"] == [{"$ref": "#/components/schemas/Address"}, {"type": "null"}]


def test_page_size_takes_any_64_bit_integer() -> None:
    schema = COMPONENTS["parameters"]["PageSize"]["schema"]
    assert (schema["minimum"], schema["maximum"]) == (-(2**63), 2**63 - 1)
    assert "read as 100" in COMPONENTS["parameters"]["PageSize"]["description"]


def test_the_error_examples_carry_the_servers_reasons() -> None:
    reasons = set()
    for response in COMPONENTS["responses"].values():
        content = response.get("content", {}).get("application/json", {})
        examples = [content["example"]] if "example" in content else []
        examples += [e["value"] for e in content.get("examples", {}).values() if "value" in e]
        reasons |= {e["error"]["reason"] for e in examples if "error" in e}
    assert reasons >= {
        "INVALID_ARGUMENT",
        "INVALID_ID",
        "INVALID_JSON_BODY",
        "INVALID_REQUEST_PARAMETER",
        "AUTHENTICATION_REQUIRED",
        "INVALID_CREDENTIALS",
        "PERMISSION_DENIED",
        "OUTPLAN_NOT_FOUND",
        "OUTDIAL_NOT_FOUND",
        "OUTDIAL_TARGET_NOT_FOUND",
        "RATE_LIMIT_EXCEEDED",
        "INTERNAL",
        "SERVICE_UNAVAILABLE",
    }
    assert "Retry-After" in COMPONENTS["responses"]["TooManyRequests"]["headers"]
    assert "text/plain" in COMPONENTS["responses"]["BadRequest"]["content"]


def test_credentials_come_from_a_header_the_query_or_a_cookie() -> None:
    schemes = COMPONENTS["securitySchemes"]
    places = {(s.get("in", "header"), s.get("name", "Authorization")) for s in schemes.values()}
    assert places == {
        ("header", "Authorization"),
        ("query", "token"),
        ("cookie", "token"),
        ("query", "accesskey"),
        ("cookie", "accesskey"),
    }


def test_responses_show_todays_form_first_and_the_docs_form_too() -> None:
    for name in ("OutplanResponse", "OutdialResponse", "OutdialtargetResponse"):
        examples = COMPONENTS["responses"][name]["content"]["application/json"]["examples"]
        assert list(examples) == ["current", "legacy"]
    current = COMPONENTS["examples"]["OutdialtargetCurrent"]["value"]
    assert current["destination_1"] == {}
    assert current["tm_delete"] is None
    assert current["tm_create"].endswith("Z")


def test_the_response_check_keeps_the_specs_minimums() -> None:
    """``_schema`` refuses a negative integer only where a response schema says ``minimum: 0``
    (the try counts the server keeps); the outplan's numbers, stored unchecked, have none."""
    minimums = {
        name: prop.get("minimum")
        for schema in ("Outplan", "Outdial", "Outdialtarget")
        for name, prop in SCHEMAS[schema]["properties"].items()
        if prop.get("type") == "integer"
    }
    assert {name for name, low in minimums.items() if low == 0} == NON_NEGATIVE
    assert {low for name, low in minimums.items() if name not in NON_NEGATIVE} == {None}
