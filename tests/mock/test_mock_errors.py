"""Errors of the mock, operation by operation, and the strict checks of ``strict=True``.

test_mock_fidelity.py pins each rule of VoIPBIN's server once; this module runs the rules over
every operation they apply to, and shows what ``VoipbinMock(strict=True)`` adds.
"""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from mock_support import (
    AUTH,
    address,
    conforms,
    error_of,
    operations,
    outdial_body,
    outplan_body,
    target_body,
)

from voipbin_outdial.testing import STRICT_REASON, VoipbinMock

RANDOM_ID = "3f8e1c52-5d0b-4a5e-9a43-1f0c1b9e2d7a"

# Every operation of openapi.yaml: (method, spec path, a body it accepts (its example) or None).
OPERATIONS: list[tuple[str, str, dict[str, Any] | None]] = list(operations().values())
WITH_IDS = [op for op in OPERATIONS if "{id}" in op[1]]
WITH_BODY = [op for op in OPERATIONS if op[2] is not None]
# The reason of a 404 for each kind of id in a path.
MISSING = {
    "/outplans": "OUTPLAN_NOT_FOUND",
    "/outdials": "OUTDIAL_NOT_FOUND",
    "target": "OUTDIAL_TARGET_NOT_FOUND",
    "/campaigns": "CAMPAIGN_NOT_FOUND",
    "/campaigncalls": "CAMPAIGNCALL_NOT_FOUND",
}


def _ids(op: tuple[str, str, Any]) -> str:
    return f"{op[0]} {op[1]}"


def _fill(path: str, outdial_id: str = RANDOM_ID, target_id: str = RANDOM_ID) -> str:
    return path.replace("{id}", outdial_id).replace("{target_id}", target_id)


def _live_url(http: httpx.Client, path: str) -> str:
    """``path`` with the ids of resources that exist (an outplan's, or an outdial's and its
    target's)."""
    if path.startswith("/outplans"):
        return _fill(path, http.post("/outplans", json=outplan_body()).json()["id"])
    if path.startswith("/campaigns"):
        body = operations()["campaigns_create"][2]
        return _fill(path, http.post("/campaigns", json=body).json()["id"])
    outdial = http.post("/outdials", json=outdial_body()).json()["id"]
    target = http.post(f"/outdials/{outdial}/targets", json=target_body()).json()["id"]
    return _fill(path, outdial, target)


# --- 401 ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("op", OPERATIONS, ids=_ids)
def test_every_operation_needs_a_credential(mock: VoipbinMock, op: tuple[str, str, Any]) -> None:
    method, path, body = op
    with mock.client() as anonymous:
        response = anonymous.request(method, _fill(path), json=body)
    error_of(response, method, path, 401, "UNAUTHENTICATED", "AUTHENTICATION_REQUIRED")


@pytest.mark.parametrize(
    ("headers", "params"),
    [
        ({"Authorization": "Bearer "}, {}),
        ({"Authorization": "Bearer"}, {}),
        ({"Authorization": "t"}, {}),
        ({}, {"token": ""}),
        ({}, {"accesskey": ""}),
        ({}, {"tokens": "t"}),
    ],
)
def test_an_empty_or_misplaced_credential_is_no_credential(
    mock: VoipbinMock, headers: dict[str, str], params: dict[str, str]
) -> None:
    with mock.client(headers=headers) as client:
        response = client.get("/outplans", params=params)
    error_of(response, "GET", "/outplans", 401, "UNAUTHENTICATED", "AUTHENTICATION_REQUIRED")


@pytest.mark.parametrize(
    ("headers", "params"),
    [
        ({"Authorization": "Bearer any"}, {}),
        ({"Authorization": "xBearer any"}, {}),  # the server splits on "Bearer "
        ({}, {"token": "any"}),
        ({}, {"accesskey": "any"}),
        ({}, {"token": ["any", "other"]}),
    ],
)
def test_by_default_any_non_empty_credential_is_accepted(
    mock: VoipbinMock, headers: dict[str, str], params: dict[str, Any]
) -> None:
    with mock.client(headers=headers) as client:
        assert client.get("/outplans", params=params).status_code == 200


def test_the_first_token_of_the_query_is_the_one_checked() -> None:
    mock = VoipbinMock(tokens={"right"})
    with mock.client() as client:
        assert client.get("/outplans", params={"token": ["right", "wrong"]}).status_code == 200
        assert client.get("/outplans", params={"token": ["wrong", "right"]}).status_code == 401


def test_no_accepted_credential_locks_everyone_out() -> None:
    mock = VoipbinMock(tokens=(), accesskeys=())
    with mock.client(headers=AUTH) as client:
        response = client.get("/outplans", params={"accesskey": "k"})
    error_of(response, "GET", "/outplans", 401, "UNAUTHENTICATED", "INVALID_CREDENTIALS")


def test_credentials_mapped_to_customers_see_their_own() -> None:
    one, two = "11111111-1111-4111-8111-111111111111", "22222222-2222-4222-8222-222222222222"
    mock = VoipbinMock(tokens={"t1": one}, accesskeys={"k2": two})
    with mock.client() as http:
        mine = http.post("/outplans", json=outplan_body(), params={"token": "t1"}).json()
        theirs = http.post("/outplans", json=outplan_body(), params={"accesskey": "k2"}).json()
        assert (mine["customer_id"], theirs["customer_id"]) == (one, two)
        listed = http.get("/outplans", params={"accesskey": "k2"}).json()["result"]
    assert [p["id"] for p in listed] == [theirs["id"]]


# --- 404 ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("op", WITH_IDS, ids=_ids)
def test_unknown_ids_answer_404_with_the_kind_in_the_reason(
    http: httpx.Client, op: tuple[str, str, Any]
) -> None:
    method, path, body = op
    error_of(
        http.request(method, _fill(path), json=body),
        method,
        path,
        404,
        "NOT_FOUND",
        MISSING["/" + path.split("/")[1]],
    )
    if "{target_id}" in path:
        outdial = http.post("/outdials", json=outdial_body()).json()["id"]
        response = http.request(method, _fill(path, outdial), json=body)
        error_of(response, method, path, 404, "NOT_FOUND", MISSING["target"])


def test_an_outplan_id_is_not_an_outdial_id(http: httpx.Client) -> None:
    plan = http.post("/outplans", json=outplan_body()).json()
    response = http.get(f"/outdials/{plan['id']}")
    error_of(response, "GET", "/outdials/{id}", 404, "NOT_FOUND", "OUTDIAL_NOT_FOUND")


# --- 400: path and query --------------------------------------------------------------------------


@pytest.mark.parametrize("op", WITH_IDS, ids=_ids)
@pytest.mark.parametrize(
    "bad",
    ["not-a-uuid", "12345", RANDOM_ID[:-1], RANDOM_ID + "0", "00000000000000000000000000000000"],
)
def test_a_path_id_that_is_not_a_uuid_is_invalid_id(
    http: httpx.Client, op: tuple[str, str, Any], bad: str
) -> None:
    method, path, body = op
    variants = [_fill(path, outdial_id=bad)]
    if "{target_id}" in path:
        variants.append(_fill(path, target_id=bad))
    for filled in variants:
        error_of(
            http.request(method, filled, json=body),
            method,
            path,
            400,
            "INVALID_ARGUMENT",
            "INVALID_ID",
        )


@pytest.mark.parametrize(
    "form",
    [
        str.upper,
        lambda text: text.replace("-", ""),
        lambda text: "{" + text + "}",
        lambda text: "{" + text.replace("-", "") + "}",
        lambda text: "URN:UUID:" + text,
    ],
    ids=["upper", "hex32", "braced", "braced-hex32", "urn"],
)
def test_path_ids_are_read_in_every_form_gofrs_uuid_reads(http: httpx.Client, form: Any) -> None:
    plan = http.post("/outplans", json=outplan_body()).json()
    assert http.get(f"/outplans/{form(plan['id'])}").json() == plan


@pytest.mark.parametrize("path", ["/outplans", "/outdials", "/outdials/{id}/targets"])
@pytest.mark.parametrize(
    "query",
    [
        "page_size=abc",
        "page_size=1.5",
        "page_size=",
        "page_size=99999999999999999999",
        "page_size=1&page_size=2",
        "page_token=a&page_token=b",
        "page_size=" + "1" * 5000,  # issue 13: int() refuses it (a 500, not a 400)
    ],
)
def test_paging_parameters_that_do_not_bind_are_400(
    http: httpx.Client, path: str, query: str
) -> None:
    url = _fill(path, http.post("/outdials", json=outdial_body()).json()["id"])
    response = http.get(f"{url}?{query}")
    message = error_of(response, "GET", path, 400, "INVALID_ARGUMENT", "INVALID_REQUEST_PARAMETER")
    assert query.split("=")[0] in message


def test_paging_parameters_are_bound_before_the_path_id(http: httpx.Client) -> None:
    response = http.get("/outdials/nope/targets?page_size=x")
    assert response.json()["error"]["reason"] == "INVALID_REQUEST_PARAMETER"


@pytest.mark.parametrize("size", ["1", "100", "050", "%2B7", "0", "-1", "101"])
def test_any_integer_page_size_is_accepted(http: httpx.Client, size: str) -> None:
    assert http.get(f"/outplans?page_size={size}").status_code == 200


@pytest.mark.parametrize("token", ["zzz", "0", "2024-13-01T00:00:00Z"])
def test_a_page_token_that_is_not_a_time_gives_an_empty_page(
    http: httpx.Client, token: str
) -> None:
    http.post("/outplans", json=outplan_body())
    page = conforms(http.get("/outplans", params={"page_token": token}), "GET", "/outplans")
    assert page == {"result": [], "next_page_token": ""}


# --- 400: bodies ----------------------------------------------------------------------------------


@pytest.mark.parametrize("op", WITH_BODY, ids=_ids)
@pytest.mark.parametrize(
    "raw",
    [
        *(b"", b"   ", b"{", b"[]", b'"text"', b"7", b'{"name": NaN}', b"\xef\xbb\xbf{}"),
        b'{"name": ' + b"7" * 5000 + b"}",  # issue 13: json refuses it (a 500, not a 400)
    ],
    ids=["empty", "blank", "truncated", "array", "string", "number", "nan", "bom", "5000-digits"],
)
def test_a_body_that_is_not_a_json_object_is_invalid_json_body(
    http: httpx.Client, op: tuple[str, str, Any], raw: bytes
) -> None:
    method, path, _ = op
    response = http.request(method, _live_url(http, path), content=raw)
    error_of(response, method, path, 400, "INVALID_ARGUMENT", "INVALID_JSON_BODY")
    assert response.headers["content-type"].startswith("text/plain")


@pytest.mark.parametrize(
    ("path", "raw", "field", "zero"),
    [
        ("/outplans/{id}", b"null", "name", ""),
        ("/outdials/{id}/data", b"null", "data", ""),
        ("/outplans/{id}/dial_info", b"{}", "dial_timeout", 0),
        ("/outplans/{id}/dial_info", b'{"source": null}', "source", {}),
    ],
)
def test_a_body_the_server_binds_to_zero_values_is_taken(
    http: httpx.Client, path: str, raw: bytes, field: str, zero: Any
) -> None:
    # Go decodes null into a struct as "nothing set": every field keeps its zero value.
    body = conforms(http.put(_live_url(http, path), content=raw), "PUT", path)
    assert body[field] == zero


def test_an_outplan_takes_any_values_as_the_server_does(http: httpx.Client) -> None:
    body = outplan_body(dial_timeout=-1, max_try_count_2=-3, source={"type": "fax", "x": 1})
    response = http.post("/outplans", json=body)
    assert response.status_code == 200
    plan = response.json()  # not the spec's: it lists the address types VoIPBIN knows
    assert (plan["dial_timeout"], plan["max_try_count_2"]) == (-1, -3)
    assert plan["source"] == {"type": "fax"}  # kept as given; the unknown field is dropped
    assert conforms(http.post("/outplans", json={}), "POST", "/outplans")["source"] == {}


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("name", 1),
        ("detail", ["x"]),
        ("dial_timeout", 1.5),
        ("dial_timeout", 3.0),  # Go reads no fraction into an int, not even .0
        ("dial_timeout", "30000"),
        ("dial_timeout", True),
        ("try_interval", {}),
        ("max_try_count_4", 2**63),
        ("source", "+15550100"),
        ("source", {"type": "tel", "target": 15550100}),
    ],
)
def test_a_field_of_the_wrong_json_type_is_invalid_json_body(
    http: httpx.Client, field: str, value: Any
) -> None:
    response = http.post("/outplans", json=outplan_body(**{field: value}))
    error_of(response, "POST", "/outplans", 400, "INVALID_ARGUMENT", "INVALID_JSON_BODY")
    assert http.get("/outplans").json()["result"] == []


def test_campaign_id_update_detaches_on_anything_that_is_not_a_uuid(http: httpx.Client) -> None:
    outdial = http.post("/outdials", json=outdial_body()).json()
    path = f"/outdials/{outdial['id']}/campaign_id"
    for value, expected in [
        (RANDOM_ID.upper(), RANDOM_ID),
        ("nope", "00000000-0000-0000-0000-000000000000"),
    ]:
        body = conforms(
            http.put(path, json={"campaign_id": value}), "PUT", "/outdials/{id}/campaign_id"
        )
        assert body["campaign_id"] == expected


def test_a_request_changes_nothing_when_it_fails(http: httpx.Client) -> None:
    plan = http.post("/outplans", json=outplan_body()).json()
    response = http.put(f"/outplans/{plan['id']}/dial_info", json={"dial_timeout": "x"})
    assert response.status_code == 400
    assert http.get(f"/outplans/{plan['id']}").json() == plan


# --- strict=True ----------------------------------------------------------------------------------


@pytest.fixture
def strict() -> VoipbinMock:
    return VoipbinMock(strict=True)


def _strict_error(response: httpx.Response, method: str, path: str) -> str:
    message = error_of(response, method, path, 400, "INVALID_ARGUMENT", STRICT_REASON)
    assert "strict" in message
    return message


@pytest.mark.parametrize("op", WITH_BODY, ids=_ids)
def test_strict_wants_every_required_field_and_no_unknown_one(
    strict: VoipbinMock, op: tuple[str, str, dict[str, Any]]
) -> None:
    method, path, body = op
    with strict.client(headers=AUTH) as http:
        url = _live_url(http, path)
        required = [
            key
            for key in body
            if not (path.endswith("/targets") and key.startswith("destination_"))
        ]
        for key in required:
            missing = {k: v for k, v in body.items() if k != key}
            response = http.request(method, url, json=missing)
            if response.json()["error"]["reason"] == "INVALID_ARGUMENT":
                continue  # the server's own check came first (outdials and targets)
            assert key in _strict_error(response, method, path)
        assert "surprise" in _strict_error(
            http.request(method, url, json={**body, "surprise": 1}), method, path
        )
        assert http.request(method, url, json=body).status_code == 200


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("name", None),
        ("dial_timeout", -1),
        ("dial_timeout", None),
        ("max_try_count_0", -1),
        ("source", None),
        ("source", {"type": "fax", "target": "+15550100"}),
        ("source", {"type": None, "target": "+15550100"}),
        ("source", {"type": "tel", "target": "+15550100", "color": "blue"}),
    ],
)
def test_strict_checks_what_the_server_lets_through(
    strict: VoipbinMock, field: str, value: Any
) -> None:
    with strict.client(headers=AUTH) as http:
        response = http.post("/outplans", json=outplan_body(**{field: value}))
        assert field in _strict_error(response, "POST", "/outplans")
    with VoipbinMock().client(headers=AUTH) as lenient:
        assert lenient.post("/outplans", json=outplan_body(**{field: value})).status_code == 200


@pytest.mark.parametrize("query", ["page_size=0", "page_size=101", "page_size=-1"])
def test_strict_checks_the_paging_parameters(strict: VoipbinMock, query: str) -> None:
    with strict.client(headers=AUTH) as http:
        _strict_error(http.get(f"/outplans?{query}"), "GET", "/outplans")


def test_strict_still_answers_the_servers_own_errors_first(strict: VoipbinMock) -> None:
    with strict.client(headers=AUTH) as http:
        response = http.post("/outdials", json=outdial_body(name="", surprise=1))
        error_of(response, "POST", "/outdials", 400, "INVALID_ARGUMENT", "INVALID_ARGUMENT")
        response = http.post("/outdials", content=b"{")
        error_of(response, "POST", "/outdials", 400, "INVALID_ARGUMENT", "INVALID_JSON_BODY")
        assert http.post("/outdials/x/targets", json={}).json()["error"]["reason"] == "INVALID_ID"


def test_strict_accepts_what_the_spec_allows(strict: VoipbinMock) -> None:
    with strict.client(headers=AUTH) as http:
        outdial = conforms(http.post("/outdials", json=outdial_body()), "POST", "/outdials")
        body = target_body(None, address("+1"), {}) | {"destination_4": {"type": ""}}
        response = http.post(f"/outdials/{outdial['id']}/targets", json=body)
        assert conforms(response, "POST", "/outdials/{id}/targets")["destination_0"] == {}
        assert http.get("/outplans", params={"page_size": 100, "page_token": ""}).status_code == 200


def test_non_json_request_body_text_is_never_echoed(http: httpx.Client) -> None:
    secret = "sk-live-should-not-echo"
    response = http.post("/outplans", content=json.dumps({"name": 1, "detail": secret}))
    assert secret not in response.text
