"""Errors of the mock: 400 / 401 / 404 / 405 in VoIPBIN's shape, each with a fresh request_id."""

from __future__ import annotations

import json
import uuid
from typing import Any

import httpx
import pytest
from mock_support import (
    AUTH,
    address,
    conforms,
    error_of,
    outdial_body,
    outplan_body,
    target_body,
)

from voipbin_outdial.testing import VoipbinMock

RANDOM_ID = "3f8e1c52-5d0b-4a5e-9a43-1f0c1b9e2d7a"

# Every operation: (method, spec path, a body it accepts or None).
OPERATIONS: list[tuple[str, str, dict[str, Any] | None]] = [
    ("GET", "/outplans", None),
    ("POST", "/outplans", outplan_body()),
    ("GET", "/outplans/{id}", None),
    ("PUT", "/outplans/{id}", {"name": "n", "detail": "d"}),
    ("DELETE", "/outplans/{id}", None),
    (
        "PUT",
        "/outplans/{id}/dial_info",
        {k: v for k, v in outplan_body().items() if k not in ("name", "detail")},
    ),
    ("GET", "/outdials", None),
    ("POST", "/outdials", outdial_body()),
    ("GET", "/outdials/{id}", None),
    ("PUT", "/outdials/{id}", {"name": "n", "detail": "d"}),
    ("DELETE", "/outdials/{id}", None),
    ("PUT", "/outdials/{id}/campaign_id", {"campaign_id": RANDOM_ID}),
    ("PUT", "/outdials/{id}/data", {"data": "x"}),
    ("GET", "/outdials/{id}/targets", None),
    ("POST", "/outdials/{id}/targets", target_body()),
    ("GET", "/outdials/{id}/targets/{target_id}", None),
    ("DELETE", "/outdials/{id}/targets/{target_id}", None),
]
WITH_IDS = [op for op in OPERATIONS if "{id}" in op[1]]
WITH_BODY = [op for op in OPERATIONS if op[2] is not None]


def _ids(op: tuple[str, str, Any]) -> str:
    return f"{op[0]} {op[1]}"


def _fill(path: str, outdial_id: str = RANDOM_ID, target_id: str = RANDOM_ID) -> str:
    return path.replace("{id}", outdial_id).replace("{target_id}", target_id)


# --- 401 --------------------------------------------------------------------------------------


@pytest.mark.parametrize("op", OPERATIONS, ids=_ids)
def test_every_operation_needs_credentials(mock: VoipbinMock, op: tuple[str, str, Any]) -> None:
    method, path, body = op
    with mock.client() as anonymous:
        response = anonymous.request(method, _fill(path), json=body)
    message = error_of(response, method, path, 401, "UNAUTHENTICATED")
    assert "credentials" in message


@pytest.mark.parametrize(
    ("headers", "params"),
    [
        ({"Authorization": "Bearer "}, {}),
        ({"Authorization": "Bearer"}, {}),
        ({"Authorization": "Basic dXNlcjpwYXNz"}, {}),
        ({"Authorization": "t"}, {}),
        ({}, {"token": ""}),
        ({}, {"accesskey": ""}),
        ({}, {"tokens": "t"}),
    ],
)
def test_empty_or_misplaced_credentials_are_refused(
    mock: VoipbinMock, headers: dict[str, str], params: dict[str, str]
) -> None:
    with mock.client(headers=headers) as client:
        response = client.get("/outplans", params=params)
    error_of(response, "GET", "/outplans", 401, "UNAUTHENTICATED")


@pytest.mark.parametrize(
    ("headers", "params"),
    [
        ({"Authorization": "Bearer any"}, {}),
        ({"Authorization": "bearer any"}, {}),
        ({}, {"token": "any"}),
        ({}, {"accesskey": "any"}),
        ({"Authorization": "Basic x"}, {"accesskey": "any"}),
    ],
)
def test_by_default_any_non_empty_credential_is_accepted(
    mock: VoipbinMock, headers: dict[str, str], params: dict[str, str]
) -> None:
    with mock.client(headers=headers) as client:
        assert client.get("/outplans", params=params).status_code == 200


@pytest.mark.parametrize(
    ("headers", "params", "status"),
    [
        ({"Authorization": "Bearer jwt-1"}, {}, 200),
        ({}, {"token": "jwt-2"}, 200),
        ({}, {"accesskey": "key-1"}, 200),
        ({"Authorization": "Bearer other"}, {}, 401),
        ({}, {"token": "key-1"}, 401),  # an access key is not a token
        ({}, {"accesskey": "jwt-1"}, 401),  # nor the other way round
        ({"Authorization": "Bearer other"}, {"accesskey": "key-1"}, 200),  # any one suffices
    ],
)
def test_accepted_credentials_can_be_configured(
    headers: dict[str, str], params: dict[str, str], status: int
) -> None:
    mock = VoipbinMock(tokens={"jwt-1", "jwt-2"}, accesskeys=["key-1"])
    with mock.client(headers=headers) as client:
        assert client.get("/outplans", params=params).status_code == status


def test_no_accepted_credential_locks_everyone_out() -> None:
    mock = VoipbinMock(tokens=(), accesskeys=())
    with mock.client(headers=AUTH) as client:
        assert client.get("/outplans", params={"accesskey": "k"}).status_code == 401


# --- 404 --------------------------------------------------------------------------------------


@pytest.mark.parametrize("op", WITH_IDS, ids=_ids)
def test_unknown_ids_answer_404(http: httpx.Client, op: tuple[str, str, Any]) -> None:
    method, path, body = op
    response = http.request(method, _fill(path), json=body)
    message = error_of(response, method, path, 404, "NOT_FOUND")
    assert RANDOM_ID in message


def test_an_outplan_id_is_not_an_outdial_id(http: httpx.Client) -> None:
    plan = http.post("/outplans", json=outplan_body()).json()
    error_of(http.get(f"/outdials/{plan['id']}"), "GET", "/outdials/{id}", 404, "NOT_FOUND")


def test_an_unknown_path_answers_404_in_voipbin_shape(http: httpx.Client) -> None:
    response = http.get("/campaigns")
    assert response.status_code == 404
    error = response.json()["error"]
    assert error["status"] == "NOT_FOUND"
    assert uuid.UUID(error["request_id"])


def test_path_ids_are_matched_case_insensitively(http: httpx.Client) -> None:
    plan = http.post("/outplans", json=outplan_body()).json()
    assert http.get(f"/outplans/{plan['id'].upper()}").json() == plan


# --- 405 --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path", "allow"),
    [
        ("PATCH", "/outplans", "GET, POST"),
        ("DELETE", "/outplans", "GET, POST"),
        ("POST", f"/outplans/{RANDOM_ID}", "GET, PUT, DELETE"),
        ("GET", f"/outdials/{RANDOM_ID}/data", "PUT"),
        ("PUT", f"/outdials/{RANDOM_ID}/targets/{RANDOM_ID}", "GET, DELETE"),
    ],
)
def test_a_method_the_path_lacks_answers_405_with_allow(
    mock: VoipbinMock, method: str, path: str, allow: str
) -> None:
    with mock.client() as anonymous:  # the method is checked before the credentials
        response = anonymous.request(method, path)
    assert response.status_code == 405
    assert response.headers["allow"] == allow
    assert response.json()["error"]["status"] == "METHOD_NOT_ALLOWED"


# --- 400: path and query ----------------------------------------------------------------------


@pytest.mark.parametrize("op", WITH_IDS, ids=_ids)
@pytest.mark.parametrize("bad", ["not-a-uuid", "12345", RANDOM_ID[:-1], RANDOM_ID + "0"])
def test_a_path_id_that_is_not_a_uuid_is_400(
    http: httpx.Client, op: tuple[str, str, Any], bad: str
) -> None:
    method, path, body = op
    variants = [_fill(path, outdial_id=bad)]
    if "{target_id}" in path:
        variants.append(_fill(path, target_id=bad))
    for filled in variants:
        response = http.request(method, filled, json=body)
        message = error_of(response, method, path, 400, "INVALID_ARGUMENT")
        assert "UUID" in message


@pytest.mark.parametrize("path", ["/outplans", "/outdials", "/outdials/{id}/targets"])
@pytest.mark.parametrize(
    "query",
    [
        "page_size=0",
        "page_size=101",
        "page_size=-1",
        "page_size=abc",
        "page_size=1.5",
        "page_size=",
        "page_size=1&page_size=2",
        "page_token=a&page_token=b",
        "page_size=" + "1" * 5000,  # issue 13: int() refuses it (a 500, not a 400)
    ],
)
def test_bad_paging_parameters_are_400(http: httpx.Client, path: str, query: str) -> None:
    outdial = http.post("/outdials", json=outdial_body()).json()
    response = http.get(f"{_fill(path, outdial['id'])}?{query}")
    message = error_of(response, "GET", path, 400, "INVALID_ARGUMENT")
    assert "page_" in message


@pytest.mark.parametrize("size", ["1", "100", "050"])
def test_page_size_from_1_to_100_is_accepted(http: httpx.Client, size: str) -> None:
    assert http.get(f"/outplans?page_size={size}").status_code == 200


# --- 400: bodies ------------------------------------------------------------------------------


@pytest.mark.parametrize("op", WITH_BODY, ids=_ids)
@pytest.mark.parametrize(
    "raw",
    [
        *(b"", b"   ", b"{", b"[]", b'"text"', b"null", b"\xff\xfe", b'{"name": NaN}'),
        b'{"name": ' + b"7" * 5000 + b"}",  # issue 13: json.loads refuses it (a 500, not a 400)
    ],
    ids=[
        "empty",
        "blank",
        "truncated",
        "array",
        "string",
        "null",
        "not-utf8",
        "nan",
        "5000-digits",
    ],
)
def test_a_body_that_is_not_a_json_object_is_400(
    http: httpx.Client, op: tuple[str, str, Any], raw: bytes
) -> None:
    method, path, _ = op
    outdial = http.post("/outdials", json=outdial_body()).json()
    plan = http.post("/outplans", json=outplan_body()).json()
    target = plan["id"] if path.startswith("/outplans") else outdial["id"]
    response = http.request(method, _fill(path, target), content=raw)
    error_of(response, method, path, 400, "INVALID_ARGUMENT")


@pytest.mark.parametrize("op", WITH_BODY, ids=_ids)
def test_every_required_field_and_no_unknown_one(
    http: httpx.Client, op: tuple[str, str, dict[str, Any]]
) -> None:
    method, path, body = op
    outdial = http.post("/outdials", json=outdial_body()).json()
    plan = http.post("/outplans", json=outplan_body()).json()
    url = _fill(path, plan["id"] if path.startswith("/outplans") else outdial["id"])
    required = [
        key
        for key in body
        if not (
            path.endswith("/targets") and key != "destination_0" and key.startswith("destination_")
        )
    ]
    for key in required:
        missing = {k: v for k, v in body.items() if k != key}
        message = error_of(
            http.request(method, url, json=missing), method, path, 400, "INVALID_ARGUMENT"
        )
        assert key in message
    extra = {**body, "surprise": 1}
    message = error_of(http.request(method, url, json=extra), method, path, 400, "INVALID_ARGUMENT")
    assert "surprise" in message
    assert http.request(method, url, json=body).status_code == 200


_BAD_OUTPLAN_FIELDS: list[tuple[str, Any]] = [
    ("name", 1),
    ("name", None),
    ("detail", ["x"]),
    ("dial_timeout", -1),
    ("dial_timeout", 1.5),
    ("dial_timeout", "30000"),
    ("dial_timeout", True),
    ("dial_timeout", None),
    ("try_interval", {}),
    ("max_try_count_0", -1),
    ("max_try_count_4", 2.5),
    ("source", None),
    ("source", "+15550100"),
    ("source", {"type": "tel"}),
    ("source", {"target": "+15550100"}),
    ("source", {"type": "fax", "target": "+15550100"}),
    ("source", {"type": None, "target": "+15550100"}),
    ("source", {"type": "tel", "target": 15550100}),
    ("source", {"type": "tel", "target": "+15550100", "name": 7}),
]


@pytest.mark.parametrize(("field", "value"), _BAD_OUTPLAN_FIELDS)
def test_outplan_create_checks_types_minimums_and_the_address(
    http: httpx.Client, field: str, value: Any
) -> None:
    response = http.post("/outplans", json=outplan_body(**{field: value}))
    message = error_of(response, "POST", "/outplans", 400, "INVALID_ARGUMENT")
    assert field in message


@pytest.mark.parametrize(
    ("field", "value"), [f for f in _BAD_OUTPLAN_FIELDS if f[0] not in ("name", "detail")]
)
def test_dial_info_update_checks_the_same(http: httpx.Client, field: str, value: Any) -> None:
    plan = http.post("/outplans", json=outplan_body()).json()
    body = {k: v for k, v in outplan_body(**{field: value}).items() if k not in ("name", "detail")}
    response = http.put(f"/outplans/{plan['id']}/dial_info", json=body)
    error_of(response, "PUT", "/outplans/{id}/dial_info", 400, "INVALID_ARGUMENT")
    assert http.get(f"/outplans/{plan['id']}").json() == plan  # nothing changed


def test_integral_floats_are_integers_and_extra_address_fields_are_dropped(
    http: httpx.Client,
) -> None:
    # JSON Schema counts 3.0 as an integer; the Address schema allows other properties.
    source = {"type": "sip", "target": "alice@example.com", "color": "blue"}
    plan = http.post("/outplans", json=outplan_body(dial_timeout=3.0, source=source)).json()
    assert plan["dial_timeout"] == 3
    assert type(plan["dial_timeout"]) is int
    assert plan["source"] == {
        "type": "sip",
        "target": "alice@example.com",
        "target_name": "",
        "name": "",
        "detail": "",
    }


@pytest.mark.parametrize(
    "kind", ["", "agent", "conference", "email", "extension", "line", "web_session"]
)
def test_every_address_type_of_the_spec_is_accepted(http: httpx.Client, kind: str) -> None:
    response = http.post("/outplans", json=outplan_body(source={"type": kind, "target": "x"}))
    assert conforms(response, "POST", "/outplans")["source"]["type"] == kind


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        ("/outdials", outdial_body(campaign_id="nope"), "campaign_id"),
        ("/outdials", outdial_body(campaign_id=None), "campaign_id"),
        ("/outdials", outdial_body(campaign_id=RANDOM_ID.replace("-", "")), "campaign_id"),
        ("/outdials", outdial_body(data=5), "data"),
        ("/outdials/{id}/campaign_id", {"campaign_id": "x"}, "campaign_id"),
        ("/outdials/{id}/data", {"data": None}, "data"),
        ("/outdials/{id}/targets", target_body(address(), "+15550101"), "destination_1"),
        ("/outdials/{id}/targets", target_body({"type": "tel"}), "destination_0"),
        (
            "/outdials/{id}/targets",
            target_body(None, None, None, None, None, destination_5=None),
            "destination_5",
        ),
        ("/outdials/{id}/targets", target_body(data=None), "data"),
    ],
)
def test_outdial_and_target_bodies_are_checked(
    http: httpx.Client, path: str, body: dict[str, Any], field: str
) -> None:
    outdial = http.post("/outdials", json=outdial_body()).json()
    method = "POST" if path in ("/outdials", "/outdials/{id}/targets") else "PUT"
    response = http.request(method, _fill(path, outdial["id"]), content=json.dumps(body))
    message = error_of(response, method, path, 400, "INVALID_ARGUMENT")
    assert field in message


def test_request_ids_are_fresh(mock: VoipbinMock) -> None:
    with mock.client() as anonymous:
        ids = {anonymous.get("/outplans").json()["error"]["request_id"] for _ in range(5)}
    assert len(ids) == 5
