"""Prism checks requests and responses against openapi.yaml (raw httpx, no SDK involved).

This is what makes the facade tests a contract test: a request the spec does not allow gets the
spec's 400 (or 401 without credentials) instead of a happy example, and an answer that breaks
the spec is reported in Prism's ``sl-violations`` header. The spec describes VoIPBIN's server,
so what the server takes (unknown fields, any integer ``page_size``) Prism takes too, and what
it refuses (an empty ``name`` of an outdial, the nil ``campaign_id``, a target without a
destination to call) Prism refuses.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from prism import PrismServer
from spec_ops import Operation, by_id, example, load_spec, operations

pytestmark = pytest.mark.contract

OPS = operations()
BODY_OPS = [op for op in OPS if op.request_example is not None]
LIST_OPS = [op for op in OPS if "page_size" in op.query_params]
BEARER = {"Authorization": "Bearer eyJhbGciOiJIUzI1NiJ9.contract.test"}
CREDENTIALS = {
    "bearer": ({}, BEARER),
    "token": ({"token": "eyJhbGciOiJIUzI1NiJ9.contract.test"}, {}),
    "accesskey": ({"accesskey": "ak-contract-test"}, {}),
    "token_cookie": ({}, {"Cookie": "token=eyJhbGciOiJIUzI1NiJ9.contract.test"}),
    "accesskey_cookie": ({}, {"Cookie": "accesskey=ak-contract-test"}),
}


@pytest.fixture(scope="module")
def http(prism: PrismServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=prism.url, timeout=10.0, trust_env=False) as client:
        yield client


def send(
    http: httpx.Client,
    op: Operation,
    *,
    body: Any = None,
    params: dict[str, Any] | None = None,
    headers: dict[str, str] | None = None,
    path: str | None = None,
) -> httpx.Response:
    return http.request(
        op.method,
        path or op.url_path,
        params=params,
        headers=BEARER if headers is None else headers,
        json=op.body() if body is None else body,
    )


def violations(response: httpx.Response) -> list[dict[str, Any]]:
    """What Prism found wrong with the request or its own response (``sl-violations``)."""
    found: list[dict[str, Any]] = json.loads(response.headers.get("sl-violations", "[]"))
    return found


def assert_error(response: httpx.Response, status: int, voipbin_status: str) -> None:
    assert response.status_code == status, response.text
    # Prism answers with the spec's own error example, so the SDK's error mapping gets the
    # real VoIPBIN error shape.
    assert response.json()["error"]["status"] == voipbin_status


# -- what the spec allows is answered, and the spec's examples are valid ----------------------


@pytest.mark.parametrize("credential", CREDENTIALS)
@pytest.mark.parametrize("op", OPS, ids=str)
def test_spec_example_request_gets_spec_example_response(
    http: httpx.Client, op: Operation, credential: str
) -> None:
    params, headers = CREDENTIALS[credential]
    response = send(http, op, params=params, headers=headers)

    assert response.status_code == 200, response.text
    assert response.json() == op.response_example
    # Prism validated our request example and its own answer (the response example) against
    # the schemas; no violation means the spec's examples agree with its schemas.
    assert violations(response) == []


# -- what it does not allow fails ------------------------------------------------------------


def test_wrong_type_in_body_is_rejected(http: httpx.Client) -> None:
    op = by_id("outplans_create")
    response = send(http, op, body=op.body(dial_timeout="30000"))

    assert_error(response, 400, "INVALID_ARGUMENT")
    assert [v["location"] for v in violations(response)] == [["request", "body", "dial_timeout"]]


@pytest.mark.parametrize("op", BODY_OPS, ids=str)
def test_unknown_body_field_is_accepted(http: httpx.Client, op: Operation) -> None:
    # VoIPBIN's server ignores fields it does not know (Go's encoding/json), and so does the spec.
    response = send(http, op, body=op.body(unknown_field=1))

    assert response.status_code == 200, response.text
    assert violations(response) == []


@pytest.mark.parametrize("op", BODY_OPS, ids=str)
def test_missing_required_body_field_is_rejected(http: httpx.Client, op: Operation) -> None:
    body = op.body()
    assert body is not None
    body.pop(next(iter(body)))

    assert_error(send(http, op, body=body), 400, "INVALID_ARGUMENT")


@pytest.mark.parametrize(
    ("op_id", "changes"),
    [
        ("outplans_create", {"max_try_count_2": -1}),
        ("outplans_create", {"dial_timeout": 2**31}),  # the column is a 32-bit integer
        ("outplans_update_dial_info", {"try_interval": 1.5}),
        ("outplans_create", {"source": {"type": "tel", "target": 7}}),
        ("outdials_create", {"campaign_id": "not-a-uuid"}),
        ("outdials_create", {"campaign_id": "00000000-0000-0000-0000-000000000000"}),
        ("outdials_create", {"name": ""}),
        ("outdials_create", {"data": ""}),
        ("outdialtargets_create", {"detail": ""}),
        ("outdialtargets_create", {"destination_0": "+821100000001"}),  # must be an Address
        ("outdialtargets_create", {"destination_0": {"type": "tel"}}),  # no target anywhere
        ("outdialtargets_create", {"destination_0": {"type": "tel", "target": ""}}),
        ("outdials_update_data", {"data": None}),
    ],
)
def test_value_the_schema_forbids_is_rejected(
    http: httpx.Client, op_id: str, changes: dict[str, Any]
) -> None:
    op = by_id(op_id)

    assert_error(send(http, op, body=op.body(**changes)), 400, "INVALID_ARGUMENT")


def test_null_destination_0_is_accepted(http: httpx.Client) -> None:
    op = by_id("outdialtargets_create")
    response = send(
        http,
        op,
        body=op.body(destination_0=None, destination_1=example("OutplanCurrent")["source"]),
    )

    assert response.status_code == 200, violations(response)


def test_a_destination_with_a_target_in_any_slot_is_enough(http: httpx.Client) -> None:
    op = by_id("outdialtargets_create")
    body = op.body(destination_0={}, destination_3=example("OutplanCurrent")["source"])

    assert send(http, op, body=body).status_code == 200


@pytest.mark.parametrize("bad", ["not-a-uuid", "00000000-0000-0000-0000-000000000000"])
@pytest.mark.parametrize("op", [o for o in OPS if o.path_params], ids=str)
def test_malformed_or_nil_path_id_is_rejected(http: httpx.Client, op: Operation, bad: str) -> None:
    path = op.path.format(**dict.fromkeys(op.path_params, bad))

    assert_error(send(http, op, path=path), 400, "INVALID_ARGUMENT")


@pytest.mark.parametrize("op", LIST_OPS, ids=str)
def test_page_size_that_is_not_an_integer_is_rejected(http: httpx.Client, op: Operation) -> None:
    assert_error(send(http, op, params={"page_size": "ten"}), 400, "INVALID_ARGUMENT")


@pytest.mark.parametrize("page_size", [0, -1, 101])
def test_page_size_out_of_range_is_accepted(http: httpx.Client, page_size: int) -> None:
    # The server reads any other integer as 100.
    response = send(http, by_id("outplans_list"), params={"page_size": page_size})

    assert response.status_code == 200, response.text


@pytest.mark.parametrize("op", OPS, ids=str)
def test_request_without_credentials_is_unauthorized(http: httpx.Client, op: Operation) -> None:
    response = send(http, op, headers={})

    assert_error(response, 401, "UNAUTHENTICATED")


def test_bearer_scheme_is_required_in_authorization_header(http: httpx.Client) -> None:
    op = by_id("outplans_get")
    response = send(http, op, headers={"Authorization": "Basic dXNlcjpwYXNz"})

    assert_error(response, 401, "UNAUTHENTICATED")


def test_prefer_header_selects_the_spec_error_example(http: httpx.Client) -> None:
    # Prism's "Prefer: code=404" returns the spec's NotFound example: the error tests of the SDK
    # can get every declared error from the contract itself.
    response = send(http, by_id("outplans_get"), headers={**BEARER, "Prefer": "code=404"})

    assert_error(response, 404, "NOT_FOUND")
    expected = load_spec()["components"]["responses"]["NotFound"]["content"]["application/json"]
    assert response.json() == expected["examples"]["outplan_not_found"]["value"]
