"""The mock answers as VoIPBIN's running server does: one test per rule, over HTTP.

Each test cites the Go code of voipbin/monorepo that shows the rule (repository path and
function); docs/server-behaviour.md has the same list as a table. The other test modules of the
mock go into the details of each area; these are the rules a user meets first.
"""

from __future__ import annotations

import json
import re
from typing import Any

import httpx
import pytest
from mock_support import (
    AUTH,
    CAMPAIGN_ID,
    NIL_UUID,
    PAGE_TOKEN,
    REQUEST_ID,
    TOKEN,
    WIRE_TIME,
    address,
    conforms,
    error_of,
    outdial_body,
    outplan_body,
    target_body,
)

from voipbin_outdial.testing import MockRateLimiter, VoipbinMock
from voipbin_outdial.timeutil import parse_timestamp

RANDOM_ID = "3f8e1c52-5d0b-4a5e-9a43-1f0c1b9e2d7a"
ALICE, BOB = "5e4a0680-804e-11ec-8477-2fea5968d85b", "9d1c7f0e-2b3a-4c5d-8e6f-7a8b9c0d1e2f"


def _outdial(http: httpx.Client, **overrides: Any) -> dict[str, Any]:
    response = http.post("/outdials", json=outdial_body(**overrides))
    return dict(conforms(response, "POST", "/outdials"))


def _target(http: httpx.Client, outdial_id: str, body: dict[str, Any]) -> dict[str, Any]:
    response = http.post(f"/outdials/{outdial_id}/targets", json=body)
    return dict(conforms(response, "POST", "/outdials/{id}/targets"))


# --- 1, 2: what a create needs --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"campaign_id": NIL_UUID}, "campaign_id is required."),
        ({"campaign_id": "not-a-uuid"}, "campaign_id is required."),
        ({"campaign_id": None}, "campaign_id is required."),
        ({"name": ""}, "name is required."),
        ({"name": None}, "name is required."),
        ({"detail": ""}, "detail is required."),
        ({"data": ""}, "data is required."),
        ({"name": "", "data": ""}, "name is required."),  # the first one, in the server's order
    ],
)
def test_outdial_create_needs_campaign_id_name_detail_and_data(
    http: httpx.Client, changes: dict[str, Any], message: str
) -> None:
    """bin-api-manager/server/outdials.go ``PostOutdials``: ``campaign_id`` read with
    ``uuid.FromStringOrNil`` must not be nil, then ``name``, ``detail``, ``data`` not empty."""
    body = {k: v for k, v in outdial_body(**changes).items() if v is not None}

    response = http.post("/outdials", json=body)

    assert error_of(response, "POST", "/outdials", 400, "INVALID_ARGUMENT", "INVALID_ARGUMENT") == (
        message
    )
    assert http.get("/outdials").json()["result"] == []
    assert _outdial(http)["campaign_id"] == CAMPAIGN_ID  # and with all four it is made


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (target_body(name=""), "name is required."),
        (target_body(detail=""), "detail is required."),
        ({"name": "n", "detail": "d", "destination_0": address()}, "data is required."),
        (target_body(None), "At least one destination_N target is required."),
        (target_body({}, {"type": "tel"}), "At least one destination_N target is required."),
        (target_body(address(""), None), "At least one destination_N target is required."),
    ],
)
def test_target_create_needs_name_detail_data_and_a_destination_with_a_target(
    http: httpx.Client, body: dict[str, Any], message: str
) -> None:
    """bin-api-manager/server/outdials.go ``PostOutdialsIdTargets``: ``name``, ``detail``,
    ``data`` not empty, then one ``destination_N`` whose ``target`` is not empty; a destination
    left out binds to an empty ``CommonAddress``."""
    outdial = _outdial(http)
    path = f"/outdials/{outdial['id']}/targets"

    error = error_of(
        http.post(path, json=body), "POST", "/outdials/{id}/targets", 400, "INVALID_ARGUMENT"
    )

    assert error == message
    only_last = {"name": "n", "detail": "d", "data": "x", "destination_4": address("+1")}
    assert _target(http, outdial["id"], only_last)["destination_4"] == address("+1")


# --- 3: unused slots are {} -----------------------------------------------------------------------


def test_unused_destinations_are_stored_and_returned_as_empty_objects(http: httpx.Client) -> None:
    """bin-api-manager/server/outdials.go ``PostOutdialsIdTargets`` passes all five destinations
    (``&destination0`` ...), each from ``ConvertCommonAddress`` (server/main.go); the
    ``commonaddress.Address`` fields are ``omitempty`` (bin-common-handler/models/address/main.go):
    empty subfields are left out, never ``""``."""
    outdial = _outdial(http)
    full = {"type": "tel", "target": "+15550111", "target_name": "", "name": "Bob", "detail": ""}
    body = target_body(None, full, {}) | {"destination_3": None}

    target = _target(http, outdial["id"], body)

    assert target["destination_0"] == {}  # null
    assert target["destination_1"] == {"type": "tel", "target": "+15550111", "name": "Bob"}
    assert target["destination_2"] == {}  # {}
    assert target["destination_3"] == {}  # null again
    assert target["destination_4"] == {}  # left out
    got = http.get(f"/outdials/{outdial['id']}/targets/{target['id']}").json()
    assert got == target


# --- 4: times -------------------------------------------------------------------------------------


def test_times_are_rfc3339_and_not_yet_is_null(http: httpx.Client) -> None:
    """New outplans and outdials have ``tm_update`` nil (bin-campaign-manager/pkg/dbhandler/
    outplan.go ``OutplanCreate``, bin-outdial-manager/pkg/outdialhandler/outdial.go ``Create``),
    a new target ``TMUpdate: ts`` like ``TMCreate`` (outdialtargethandler/outdialtarget.go
    ``Create``); ``tm_delete`` nil until a delete sets it with ``tm_update`` (dbhandler
    ``OutdialDelete``). Go writes ``*time.Time`` as RFC3339Nano of a ``datetime(6)`` column."""
    plan = http.post("/outplans", json=outplan_body()).json()
    outdial = _outdial(http)
    target = _target(http, outdial["id"], target_body())

    for record in (plan, outdial, target):
        assert WIRE_TIME.fullmatch(record["tm_create"]), record["tm_create"]
        assert record["tm_delete"] is None
    assert plan["tm_update"] is None
    assert outdial["tm_update"] is None
    assert target["tm_update"] == target["tm_create"]
    assert plan["tm_create"] == "2024-01-01T12:00:00Z"  # the fixture's clock: no fraction

    updated = http.put(f"/outdials/{outdial['id']}/data", json={"data": "y"}).json()
    deleted = http.delete(f"/outdials/{outdial['id']}").json()
    assert WIRE_TIME.fullmatch(updated["tm_update"])
    assert deleted["tm_delete"] == deleted["tm_update"]
    assert parse_timestamp(deleted["tm_delete"]) > parse_timestamp(updated["tm_update"])


# --- 5, 6: lists ----------------------------------------------------------------------------------


def test_lists_are_newest_first_and_paged_by_tm_create(http: httpx.Client) -> None:
    """bin-outdial-manager/pkg/dbhandler/outdial.go ``OutdialList``: ``tm_create < token`` ordered
    ``tm_create DESC``; no token is now (pkg/servicehandler/outdials.go
    ``OutdialGetsByCustomerID``); server/outdials.go ``GetOutdials``: ``next_page_token`` is the
    last item's ``TMCreate`` as ``2006-01-02T15:04:05.000000Z``, ``""`` on an empty page
    (``GenerateListResponse``)."""
    made = [_outdial(http, name=f"o{i}")["id"] for i in range(5)]

    first = conforms(http.get("/outdials", params={"page_size": 2}), "GET", "/outdials")
    assert [o["id"] for o in first["result"]] == made[:-3:-1]  # newest first
    token = first["next_page_token"]
    assert PAGE_TOKEN.fullmatch(token)
    assert parse_timestamp(token) == parse_timestamp(first["result"][-1]["tm_create"])

    seen = [o["id"] for o in first["result"]]
    while True:
        page = http.get("/outdials", params={"page_size": 2, "page_token": token}).json()
        if not page["result"]:
            assert page["next_page_token"] == ""  # the end: an empty result, always a token
            break
        seen += [o["id"] for o in page["result"]]
        token = page["next_page_token"]
    assert seen == made[::-1]


@pytest.mark.parametrize(
    ("page_size", "expected"), [("0", 100), ("-3", 100), ("101", 100), ("7", 7)]
)
def test_page_size_outside_1_to_100_is_read_as_100(
    http: httpx.Client, mock: VoipbinMock, page_size: str, expected: int
) -> None:
    """bin-api-manager/server/outplans.go ``GetOutplans``: ``uint64(*params.PageSize)``, and
    ``pageSize <= 0 || pageSize > 100`` becomes 100 (a negative one wraps above 100)."""
    for _ in range(105):
        mock.store.create_outplan(outplan_body())

    page = conforms(http.get("/outplans", params={"page_size": page_size}), "GET", "/outplans")

    assert len(page["result"]) == expected


@pytest.mark.parametrize(
    "query",
    [
        "page_size=ten",
        "page_size=1.5",
        "page_size=",
        "page_size=1&page_size=2",
        "page_token=a&page_token=b",
    ],
)
def test_a_query_parameter_that_does_not_bind_is_invalid_request_parameter(
    http: httpx.Client, query: str
) -> None:
    """The generated wrapper (bin-api-manager/gens/openapi_server/gen.go ``GetOutplans``) binds
    ``page_size`` as an int and each parameter once; its error goes to server/error.go
    ``BindingErrorHandler``: 400 ``INVALID_REQUEST_PARAMETER``."""
    name = query.split("=")[0]

    message = error_of(
        http.get(f"/outplans?{query}"),
        "GET",
        "/outplans",
        400,
        "INVALID_ARGUMENT",
        "INVALID_REQUEST_PARAMETER",
    )

    assert message == f'The parameter "{name}" has an invalid format.'


# --- 7: deleted resources -------------------------------------------------------------------------


def test_deleted_resources_still_answer_by_id_and_only_target_lists_hide_them(
    http: httpx.Client,
) -> None:
    """bin-outdial-manager/pkg/dbhandler/outdial.go ``OutdialGet`` and
    bin-campaign-manager/pkg/dbhandler/outplan.go ``OutplanGet`` select by id alone; the lists
    filter by customer only (outdialhandler ``List``, outplanhandler ``List``), while
    outdialtargethandler ``GetsByOutdialID`` adds ``FieldDeleted: false``."""
    plan = http.post("/outplans", json=outplan_body()).json()
    outdial = _outdial(http)
    kept, gone = (_target(http, outdial["id"], target_body(name=n)) for n in ("kept", "gone"))
    targets = f"/outdials/{outdial['id']}/targets"

    deleted_target = http.delete(f"{targets}/{gone['id']}").json()
    deleted_plan = http.delete(f"/outplans/{plan['id']}").json()
    deleted_outdial = http.delete(f"/outdials/{outdial['id']}").json()

    assert http.get(f"/outplans/{plan['id']}").json() == deleted_plan
    assert http.get(f"/outdials/{outdial['id']}").json() == deleted_outdial
    assert http.get(f"{targets}/{gone['id']}").json() == deleted_target
    renamed = http.put(f"/outplans/{plan['id']}", json={"name": "n", "detail": "d"}).json()
    assert renamed["name"] == "n"
    assert renamed["tm_delete"] == deleted_plan["tm_delete"]
    again = conforms(http.delete(f"/outdials/{outdial['id']}"), "DELETE", "/outdials/{id}")
    assert parse_timestamp(again["tm_delete"]) > parse_timestamp(deleted_outdial["tm_delete"])
    assert [p["id"] for p in http.get("/outplans").json()["result"]] == [plan["id"]]
    assert [o["id"] for o in http.get("/outdials").json()["result"]] == [outdial["id"]]
    assert [t["id"] for t in http.get(targets).json()["result"]] == [kept["id"]]


# --- 8: other outdials, other customers -----------------------------------------------------------


def test_a_target_of_another_outdial_is_400_and_another_customers_resource_is_403() -> None:
    """bin-api-manager/pkg/servicehandler/outdialtargets.go ``OutdialtargetGet`` and
    ``OutdialtargetDelete``: ``tmp.OutdialID != outdialID`` is ``ErrInvalidArgument``;
    pkg/servicehandler/etc.go ``hasPermission``: another customer's resource is
    ``ErrPermissionDenied`` (server/error_translate.go ``translateToVoipbinError``)."""
    mock = VoipbinMock(tokens={"alice": ALICE, "bob": BOB})
    with mock.client(headers={"Authorization": "Bearer alice"}) as alice:
        mine, other = _outdial(alice), _outdial(alice)
        target = _target(alice, mine["id"], target_body())
        plan = alice.post("/outplans", json=outplan_body()).json()
        wrong = f"/outdials/{other['id']}/targets/{target['id']}"
        target_path = "/outdials/{id}/targets/{target_id}"
        for method in ("GET", "DELETE"):
            message = error_of(
                alice.request(method, wrong),
                method,
                target_path,
                400,
                "INVALID_ARGUMENT",
                "INVALID_ARGUMENT",
            )
            assert message == "The request is invalid."
        assert alice.get(f"/outdials/{mine['id']}/targets/{target['id']}").status_code == 200

    with mock.client(headers={"Authorization": "Bearer bob"}) as bob:
        for method, path, template in [
            ("GET", f"/outplans/{plan['id']}", "/outplans/{id}"),
            ("DELETE", f"/outdials/{mine['id']}", "/outdials/{id}"),
            ("GET", f"/outdials/{mine['id']}/targets", "/outdials/{id}/targets"),
            ("GET", f"/outdials/{mine['id']}/targets/{target['id']}", target_path),
        ]:
            message = error_of(
                bob.request(method, path),
                method,
                template,
                403,
                "PERMISSION_DENIED",
                "PERMISSION_DENIED",
            )
            assert message == "You do not have permission to access this resource."
        assert bob.get("/outdials").json()["result"] == []  # lists hold the caller's own
    assert mock.store.find("outdial", mine["id"])["tm_delete"] is None  # Bob's delete failed


# --- 9: the error envelope and the server's reasons -----------------------------------------------


@pytest.mark.parametrize(
    ("path", "template", "reason", "message"),
    [
        (
            f"/outplans/{RANDOM_ID}",
            "/outplans/{id}",
            "OUTPLAN_NOT_FOUND",
            "The outplan was not found.",
        ),
        (
            f"/outdials/{RANDOM_ID}",
            "/outdials/{id}",
            "OUTDIAL_NOT_FOUND",
            "The outdial was not found.",
        ),
        (
            f"/outdials/{RANDOM_ID}/targets",
            "/outdials/{id}/targets",
            "OUTDIAL_NOT_FOUND",
            "The outdial was not found.",
        ),
    ],
)
def test_a_missing_resource_is_404_with_the_managers_reason(
    http: httpx.Client, path: str, template: str, reason: str, message: str
) -> None:
    """bin-campaign-manager/pkg/outplanhandler/outplan.go ``Get`` and bin-outdial-manager/pkg/
    outdialhandler/outdial.go ``Get`` answer ``cerrors.NotFound(..., "OUTPLAN_NOT_FOUND", ...)``,
    passed through as it is by server/error_translate.go ``translateToVoipbinError``."""
    assert error_of(http.get(path), "GET", template, 404, "NOT_FOUND", reason) == message


def test_a_missing_target_is_404_outdial_target_not_found(http: httpx.Client) -> None:
    """bin-outdial-manager/pkg/outdialtargethandler/outdialtarget.go ``Get``:
    ``OUTDIAL_TARGET_NOT_FOUND``."""
    outdial = _outdial(http)
    response = http.get(f"/outdials/{outdial['id']}/targets/{RANDOM_ID}")
    error_of(
        response,
        "GET",
        "/outdials/{id}/targets/{target_id}",
        404,
        "NOT_FOUND",
        "OUTDIAL_TARGET_NOT_FOUND",
    )


@pytest.mark.parametrize("bad", ["not-a-uuid", NIL_UUID, RANDOM_ID[:-1]])
def test_a_path_id_that_is_not_a_uuid_or_nil_is_invalid_id(http: httpx.Client, bad: str) -> None:
    """bin-api-manager/server/outdials.go ``GetOutdialsId`` (and every handler with an id):
    ``uuid.FromStringOrNil(id) == uuid.Nil`` is 400 ``INVALID_ID`` (the issue did not list this
    reason; the code has it)."""
    message = error_of(
        http.get(f"/outdials/{bad}"), "GET", "/outdials/{id}", 400, "INVALID_ARGUMENT", "INVALID_ID"
    )
    assert message == "The provided id is not a valid UUID."
    outdial = _outdial(http)
    response = http.get(f"/outdials/{outdial['id']}/targets/{bad}")
    message = error_of(
        response, "GET", "/outdials/{id}/targets/{target_id}", 400, "INVALID_ARGUMENT", "INVALID_ID"
    )
    assert message == "The provided target_id is not a valid UUID."


@pytest.mark.parametrize(
    "raw",
    [b"", b"{", b"[]", b'{"dial_timeout": "30000"}', b'{"dial_timeout": 1.5}', b'{"name": 7}'],
)
def test_a_body_that_does_not_bind_is_invalid_json_body_sent_as_text(
    http: httpx.Client, raw: bytes
) -> None:
    """bin-api-manager/server/outplans.go ``PostOutplans``: ``c.BindJSON`` fails (not JSON, or a
    field of the wrong JSON type) and the answer is ``INVALID_JSON_BODY``. gin's ``BindJSON``
    has already written the 400 status, so the JSON error body goes out as ``text/plain``."""
    response = http.post("/outplans", content=raw)

    assert response.headers["content-type"] == "text/plain; charset=utf-8"
    message = error_of(response, "POST", "/outplans", 400, "INVALID_ARGUMENT", "INVALID_JSON_BODY")
    assert message == "The request body is not valid JSON."


def test_unknown_fields_are_ignored_and_every_success_is_200(http: httpx.Client) -> None:
    """Go's ``encoding/json`` (gin's ``BindJSON``) ignores keys the request struct does not have;
    every handler answers ``c.JSON(200, res)`` (server/outdials.go, server/outplans.go)."""
    response = http.post("/outdials", json=outdial_body(color="blue", extra={"a": 1}))

    assert response.status_code == 200
    outdial = conforms(response, "POST", "/outdials")
    assert "color" not in outdial
    path = f"/outdials/{outdial['id']}"
    for method, url, body in [
        ("PUT", path, {"name": "n", "detail": "d", "unknown": True}),
        ("PUT", f"{path}/data", {"data": "x", "Data": "y", "more": 1}),
        ("GET", path, None),
        ("DELETE", path, None),
    ]:
        assert http.request(method, url, json=body).status_code == 200
    assert http.get(path).json()["data"] == "y"  # Go matches a key ignoring case; the last wins


def test_no_credential_is_authentication_required_and_a_wrong_one_invalid_credentials() -> None:
    """bin-api-manager/lib/middleware/authenticate.go ``Authenticate``: no token or access key is
    401 ``AUTHENTICATION_REQUIRED``; one that does not authenticate is 401
    ``INVALID_CREDENTIALS``."""
    mock = VoipbinMock(tokens={"good"}, accesskeys={"key"})
    with mock.client() as http:
        missing = error_of(
            http.get("/outdials"),
            "GET",
            "/outdials",
            401,
            "UNAUTHENTICATED",
            "AUTHENTICATION_REQUIRED",
        )
        wrong = http.get("/outdials", params={"token": "bad"})
        invalid = error_of(wrong, "GET", "/outdials", 401, "UNAUTHENTICATED", "INVALID_CREDENTIALS")
    assert (missing, invalid) == (
        "Authentication is required.",
        "The provided credentials are invalid.",
    )


def test_too_many_requests_is_429_rate_limit_exceeded_with_retry_after() -> None:
    """bin-api-manager/lib/middleware/customer_ratelimit.go ``CustomerRateLimit``: GCRA per
    customer (16.7 requests/s, a burst of 33: ``RATE_LIMIT_CUSTOMER_V1_*``); past it, 429
    ``RESOURCE_EXHAUSTED``/``RATE_LIMIT_EXCEEDED`` with ``Retry-After`` in whole seconds and
    ``details: [{"limited_by": "customer"}]``."""
    now = [0.0]
    limiter = MockRateLimiter(clock=lambda: now[0])  # VoIPBIN's numbers
    mock = VoipbinMock(tokens={TOKEN: ALICE, "bobs": BOB}, rate_limit=limiter)
    other = {"Authorization": "Bearer bobs"}
    with mock.client(headers=AUTH) as http:
        burst = [http.get("/outplans").status_code for _ in range(33)]
        response = http.get("/outplans")
        assert http.get("/outplans", headers=other).status_code == 200  # each has a bucket
        now[0] += 1 / 17  # the rate: 16.7 a second, rounded to 17 as the server does
        after = http.get("/outplans").status_code

    assert burst == [200] * 33
    assert response.headers["retry-after"] == "1"
    error = response.json()["error"]
    assert error["details"] == [{"limited_by": "customer"}]
    error_of(response, "GET", "/outplans", 429, "RESOURCE_EXHAUSTED", "RATE_LIMIT_EXCEEDED")
    assert after == 200


def test_rate_limit_true_is_voipbins_limit_on_the_wall_clock() -> None:
    mock = VoipbinMock(rate_limit=True)
    with mock.client(headers=AUTH) as http:
        statuses = [http.get("/outplans").status_code for _ in range(100)]
    assert statuses[:33] == [200] * 33
    assert 429 in statuses  # 100 requests in process take far less than the 4 s they would need


@pytest.mark.parametrize(
    ("status_code", "status", "reason"),
    [(503, "UNAVAILABLE", "SERVICE_UNAVAILABLE"), (500, "INTERNAL", "INTERNAL")],
)
def test_a_failing_service_behind_the_api_is_503_or_500(
    mock: VoipbinMock, http: httpx.Client, status_code: int, status: str, reason: str
) -> None:
    """bin-api-manager/server/error_translate.go ``translateToVoipbinError``: a service that does
    not answer is ``SERVICE_UNAVAILABLE``, anything unknown ``INTERNAL``; the mock makes them on
    request (``fail_next``)."""
    mock.fail_next(status_code, times=2)

    first, second, third = (http.get("/outplans") for _ in range(3))

    error_of(first, "GET", "/outplans", status_code, status, reason)
    assert second.status_code == status_code
    assert third.status_code == 200


def test_an_unknown_route_or_method_is_404_route_not_found_before_credentials(
    mock: VoipbinMock,
) -> None:
    """bin-api-manager/server/no_route.go ``NoRoute`` (registered in cmd/api-manager/main.go
    ``runListenHTTP``; gin sends a wrong method there too): 404 ``ROUTE_NOT_FOUND``, before
    ``Authenticate`` runs."""
    with mock.client() as anonymous:
        for method, path in [
            ("GET", "/calls"),
            ("PATCH", "/outplans"),
            ("PUT", f"/outdials/{RANDOM_ID}/targets/{RANDOM_ID}"),
        ]:
            response = anonymous.request(method, path)
            assert response.status_code == 404
            error = response.json()["error"]
            assert (error["status"], error["reason"]) == ("NOT_FOUND", "ROUTE_NOT_FOUND")
            assert "allow" not in response.headers


def test_every_answer_has_a_request_id_echoing_a_safe_one(http: httpx.Client) -> None:
    """bin-api-manager/lib/middleware/request_id.go ``RequestID``: a safe ``X-Request-Id`` (1 to
    64 of ``A-Za-z0-9_-``) is echoed, else a new ``req_`` + 26 base32 characters."""
    fresh = {http.get("/outplans").headers["x-request-id"] for _ in range(3)}
    assert len(fresh) == 3
    assert all(REQUEST_ID.fullmatch(rid) for rid in fresh)
    echoed = http.get(f"/outplans/{RANDOM_ID}", headers={"X-Request-Id": "my-trace_1"})
    assert echoed.headers["x-request-id"] == echoed.json()["error"]["request_id"] == "my-trace_1"
    unsafe = http.get("/outplans", headers={"X-Request-Id": "a b"}).headers["x-request-id"]
    assert REQUEST_ID.fullmatch(unsafe)


# --- 10: credentials ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("headers", "params", "cookies", "status"),
    [
        ({"Authorization": "Bearer jwt"}, {}, {}, 200),
        ({}, {"token": "jwt"}, {}, 200),
        ({}, {}, {"token": "jwt"}, 200),
        ({}, {"accesskey": "key"}, {}, 200),
        ({}, {}, {"accesskey": "key"}, 200),
        # a token shadows an access key: a wrong token fails even beside a right key
        ({"Authorization": "Bearer wrong"}, {"accesskey": "key"}, {}, 401),
        ({}, {"token": "wrong"}, {"accesskey": "key"}, 401),
        # the cookie is looked at first, then the query, then the header
        ({"Authorization": "Bearer wrong"}, {}, {"token": "jwt"}, 200),
        ({"Authorization": "Bearer jwt"}, {"token": "wrong"}, {}, 401),
        # "Bearer " exactly: anything else is no token at all
        ({"Authorization": "bearer jwt"}, {"accesskey": "key"}, {}, 200),
        ({"Authorization": "Basic jwt"}, {}, {}, 401),
        ({}, {"token": "key"}, {}, 401),  # an access key is not a token
    ],
)
def test_credentials_come_from_a_cookie_the_query_or_the_header(
    headers: dict[str, str], params: dict[str, str], cookies: dict[str, str], status: int
) -> None:
    """bin-api-manager/lib/middleware/authenticate.go ``getAuthString``: ``getTokenString``
    (cookie ``token``, ``?token=``, ``Authorization`` split on ``"Bearer "``) first, and only
    without a token ``getAccesskey`` (cookie ``accesskey``, ``?accesskey=``)."""
    mock = VoipbinMock(tokens={"jwt"}, accesskeys={"key"})
    with mock.client(headers=headers, cookies=cookies) as http:
        assert http.get("/outplans", params=params).status_code == status


def test_the_body_check_order_is_the_servers(http: httpx.Client) -> None:
    """bin-api-manager/server/outdials.go ``PostOutdialsIdTargets``: the id, then the body, then
    the outdial (pkg/servicehandler/outdialtargets.go ``OutdialtargetCreate``)."""
    bad_body = http.post(f"/outdials/{RANDOM_ID}/targets", json=target_body(name=""))
    good_body = http.post(f"/outdials/{RANDOM_ID}/targets", json=target_body())
    bad_id = http.post("/outdials/nope/targets", content=b"{")

    assert bad_body.json()["error"]["reason"] == "INVALID_ARGUMENT"
    assert good_body.json()["error"]["reason"] == "OUTDIAL_NOT_FOUND"
    assert bad_id.json()["error"]["reason"] == "INVALID_ID"


def test_a_body_is_read_the_way_go_reads_it(http: httpx.Client) -> None:
    """Go's ``encoding/json`` into ``PostOutdialsJSONBody`` (bin-api-manager/gens/openapi_server/
    gen.go): only the first JSON value is read, ``null`` leaves a field as it was, keys match
    ignoring case, and ids in gofrs/uuid's other forms are read too."""
    body = json.dumps(outdial_body(name=None, campaign_id="{" + CAMPAIGN_ID.upper() + "}"))
    raw = body.replace('"name": null', '"Name": "named", "NAME": null') + " trailing words"

    outdial = conforms(http.post("/outdials", content=raw), "POST", "/outdials")

    assert outdial["name"] == "named"
    assert outdial["campaign_id"] == CAMPAIGN_ID
    compact = outdial["id"].replace("-", "")
    assert http.get(f"/outdials/urn:uuid:{compact}").json() == outdial
    assert re.fullmatch(r"[0-9a-f-]{36}", outdial["id"])
