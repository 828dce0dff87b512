"""Statuses become exceptions with VoIPBIN's error details; bad 2xx bodies name the operation."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
import respx
from facade_support import OUTDIAL_ID, PLAN_ID, MakeHarness, error_body, outplan, target

from voipbin_outdial import errors
from voipbin_outdial.errors import (
    ApiConnectionError,
    ApiError,
    ApiResponseValidationError,
    ApiTimeoutError,
    ArgumentError,
    ArgumentTypeError,
    AuthenticationError,
    BadRequestError,
    ClientClosedError,
    ConflictError,
    InternalServerError,
    InvalidArgumentError,
    MissingCredentialsError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ResponseTooLargeError,
    VoipbinError,
)
from voipbin_outdial.models import Address

REQUEST_ID = "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a"


@pytest.mark.parametrize(
    ("status_code", "cls"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (409, ConflictError),
        (429, RateLimitError),
        (500, InternalServerError),
        (502, InternalServerError),
        (503, InternalServerError),
        (504, InternalServerError),
        (501, InternalServerError),
        (408, ApiError),
        (410, ApiError),
        (422, ApiError),
        (302, ApiError),
    ],
)
async def test_status_becomes_its_error_class(
    make_harness: MakeHarness, api: respx.MockRouter, status_code: int, cls: type[ApiError]
) -> None:
    body = error_body("NOT_FOUND", "RESOURCE_NOT_FOUND", "The resource was not found.", REQUEST_ID)
    api.get(f"/outplans/{PLAN_ID}").respond(status_code, json=body)
    harness = await make_harness(max_retries=0)

    with pytest.raises(cls) as caught:
        await harness.call("outplans.get", PLAN_ID)

    exc = caught.value
    assert type(exc) is cls
    assert isinstance(exc, VoipbinError)
    assert exc.status_code == status_code
    assert (exc.status, exc.reason) == ("NOT_FOUND", "RESOURCE_NOT_FOUND")
    assert exc.message == "The resource was not found."
    assert exc.request_id == REQUEST_ID
    assert exc.operation == "outplans_get"
    assert str(exc) == (
        f"outplans_get failed with HTTP {status_code} NOT_FOUND RESOURCE_NOT_FOUND: "
        f"The resource was not found. (request_id {REQUEST_ID})"
    )


@pytest.mark.parametrize(
    ("response", "message"),
    [
        (
            httpx.Response(502, text="<html><body>Bad   gateway</body></html>"),
            "<html><body>Bad gateway",
        ),
        (httpx.Response(500), "Internal Server Error"),
        (httpx.Response(400, json={"error": "just a string"}), '{"error":"just a string"}'),
        (httpx.Response(400, json=["no", "object"]), '["no","object"]'),
        (httpx.Response(404, json={"error": {"status": 7, "message": None}}), "status"),
    ],
)
async def test_error_body_that_is_not_voipbins_still_gives_an_error(
    make_harness: MakeHarness, api: respx.MockRouter, response: httpx.Response, message: str
) -> None:
    api.get(f"/outplans/{PLAN_ID}").mock(return_value=response)
    harness = await make_harness(max_retries=0)

    with pytest.raises(ApiError) as caught:
        await harness.call("outplans.get", PLAN_ID)

    exc = caught.value
    assert exc.status_code == response.status_code
    assert message in exc.message
    assert exc.status is None
    assert exc.reason is None
    assert exc.request_id is None


async def test_an_error_sent_as_text_plain_is_still_read(
    make_harness: MakeHarness, api: respx.MockRouter
) -> None:
    """VoIPBIN sends its INVALID_JSON_BODY envelope as text/plain (gin's BindJSON has written the
    400 status before the handler writes the JSON): the details are read all the same."""
    body = error_body(
        "INVALID_ARGUMENT", "INVALID_JSON_BODY", "The request body is not valid JSON.", REQUEST_ID
    )
    api.get(f"/outplans/{PLAN_ID}").respond(
        400, text=json.dumps(body), headers={"Content-Type": "text/plain; charset=utf-8"}
    )
    harness = await make_harness()

    with pytest.raises(BadRequestError) as caught:
        await harness.call("outplans.get", PLAN_ID)

    assert (caught.value.status, caught.value.reason) == ("INVALID_ARGUMENT", "INVALID_JSON_BODY")
    assert caught.value.request_id == REQUEST_ID


async def test_request_id_falls_back_to_the_header(
    make_harness: MakeHarness, api: respx.MockRouter
) -> None:
    api.delete(f"/outplans/{PLAN_ID}").respond(409, text="busy", headers={"X-Request-Id": "r-1"})
    harness = await make_harness()

    with pytest.raises(ConflictError) as caught:
        await harness.call("outplans.delete", PLAN_ID)

    assert (caught.value.request_id, caught.value.message) == ("r-1", "busy")


def test_long_error_text_is_cut() -> None:
    from voipbin_outdial._calls import by_ids
    from voipbin_outdial._generated.api import outplans_get
    from voipbin_outdial._responses import error_from_response

    call = by_ids(outplans_get, dict, None, outplan_id=PLAN_ID)
    exc = error_from_response(call, httpx.Response(500), b"x" * 5000)

    assert len(exc.message) == 200
    assert exc.message.endswith("...")


@pytest.mark.parametrize(
    ("response", "problem"),
    [
        (httpx.Response(200, json={"id": PLAN_ID}), "the field 'name' is missing"),
        (httpx.Response(200, text="not json"), "JSONDecodeError"),
        (httpx.Response(200, json=[outplan()]), "expected a JSON object, got list"),
        (httpx.Response(200, json=outplan(id="not-a-uuid")), "ValueError"),
        (httpx.Response(200, json=outplan(id=42)), "AttributeError"),
        (httpx.Response(200, json=outplan(source="+1555")), "ValueError"),
        (httpx.Response(204), "JSONDecodeError"),
    ],
)
async def test_a_2xx_body_off_schema_names_the_operation(
    make_harness: MakeHarness, api: respx.MockRouter, response: httpx.Response, problem: str
) -> None:
    api.get(f"/outplans/{PLAN_ID}").mock(return_value=response)
    harness = await make_harness()

    with pytest.raises(ApiResponseValidationError) as caught:
        await harness.call("outplans.get", PLAN_ID)

    exc = caught.value
    assert exc.operation == "outplans_get"
    assert "outplans_get" in str(exc)
    assert problem in str(exc)
    assert exc.status_code == response.status_code
    assert exc.__cause__ is None
    assert exc.__context__ is None


async def test_a_page_off_schema_names_the_list_operation(
    make_harness: MakeHarness, api: respx.MockRouter
) -> None:
    api.get(f"/outdials/{OUTDIAL_ID}/targets").respond(200, json={"results": []})
    harness = await make_harness()

    with pytest.raises(ApiResponseValidationError, match=r"outdialtargets_list.*'result'"):
        await harness.call("outdialtargets.list", OUTDIAL_ID)


def test_hierarchy() -> None:
    for cls in (
        BadRequestError,
        AuthenticationError,
        PermissionDeniedError,
        NotFoundError,
        ConflictError,
        RateLimitError,
        InternalServerError,
        ApiConnectionError,
        ApiResponseValidationError,
        ResponseTooLargeError,
    ):
        assert issubclass(cls, ApiError)
    assert issubclass(ApiTimeoutError, ApiConnectionError)
    assert issubclass(ApiError, VoipbinError)
    assert issubclass(MissingCredentialsError, VoipbinError)
    assert not issubclass(MissingCredentialsError, ApiError)
    assert issubclass(InvalidArgumentError, ArgumentError)
    assert issubclass(InvalidArgumentError, ValueError)
    assert issubclass(ArgumentTypeError, ArgumentError)
    assert issubclass(ArgumentTypeError, TypeError)
    assert issubclass(ArgumentError, VoipbinError)
    assert issubclass(ClientClosedError, VoipbinError)
    assert issubclass(ClientClosedError, RuntimeError)


def test_error_without_status_reads_plainly() -> None:
    exc = ApiConnectionError("GET /outplans got no response", operation="outplans_list")

    assert str(exc) == "outplans_list: GET /outplans got no response"
    assert exc.status_code is None


def test_errors_module_exports_every_class() -> None:
    exported: dict[str, Any] = {name: getattr(errors, name) for name in errors.__all__}
    classes = {
        n for n, v in vars(errors).items() if isinstance(v, type) and issubclass(v, Exception)
    }
    assert classes <= set(exported)


# -- issue 13: every 2xx body is checked for types and ranges, any body may be nested deeply -----

DEEP = "[" * 100_000 + "]" * 100_000  # JSON nested far past Python's recursion limit


def _raw_outplan(**raw: str) -> bytes:
    """An outplan body with some fields given as raw JSON text (``1e400`` ...)."""
    text = json.dumps(outplan(**dict.fromkeys(raw, 0)))
    for name, value in raw.items():
        text = text.replace(f'"{name}": 0', f'"{name}": {value}')
    return text.encode()


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        (outplan(name=123), "name: expected a string, got an integer"),
        (outplan(detail=None), "detail: expected a string, got null"),
        (outplan(dial_timeout="abc"), "dial_timeout: expected an integer, got a string"),
        (_raw_outplan(dial_timeout="1e400"), "dial_timeout: expected an integer, got a number"),
        (outplan(dial_timeout=30000.0), "dial_timeout: expected an integer, got a number"),
        (outplan(try_interval=True), "try_interval: expected an integer, got a boolean"),
        (outplan(max_try_count_2=-(2**31) - 1), "max_try_count_2: expected an integer from -2"),
        (outplan(try_interval=2**31), "try_interval: expected an integer from -2147483648 to 2"),
        (outplan(tm_update=5), "tm_update: expected a string or null, got an integer"),
        (outplan(source={"type": "tel", "target": 5}), "source.target: expected a string"),
        (outplan(source={"type": "tel", "detail": 7}), "source.detail: expected a string"),
        (outplan(source=[1]), "TypeError"),
        (_raw_outplan(name=DEEP), "nested too deeply"),
    ],
)
async def test_a_2xx_body_with_wrong_types_or_ranges_is_refused(
    make_harness: MakeHarness, api: respx.MockRouter, body: Any, problem: str
) -> None:
    """issue 13: these were accepted as valid models (or raised a raw RecursionError)."""
    content = body if isinstance(body, bytes) else json.dumps(body).encode()
    api.get(f"/outplans/{PLAN_ID}").respond(200, content=content)
    harness = await make_harness()

    with pytest.raises(ApiResponseValidationError) as caught:
        await harness.call("outplans.get", PLAN_ID)

    assert problem in caught.value.message
    assert caught.value.operation == "outplans_get"


@pytest.mark.parametrize(
    ("page", "problem"),
    [
        ({"result": [target(), target(try_count_3=-2)]}, "result[1].try_count_3: expected"),
        ({"result": [target(destination_2="+1555")]}, "result[0].destination_2: expected"),
        ({"result": [target(status=["x"])]}, "ValueError"),
        ({"result": [target(status=json.loads("[" * 900 + "]" * 900))]}, "outdialtargets_list"),
        ({"result": ""}, "result: expected an array"),
        ({"result": {}}, "result: expected an array"),
        ({"result": [target()], "next_page_token": 7}, "next_page_token: expected a string"),
    ],
)
async def test_a_page_with_wrong_types_is_refused(
    make_harness: MakeHarness, api: respx.MockRouter, page: dict[str, Any], problem: str
) -> None:
    api.get(f"/outdials/{OUTDIAL_ID}/targets").respond(200, json=page)
    harness = await make_harness()

    with pytest.raises(ApiResponseValidationError) as caught:
        await harness.call("outdialtargets.list", OUTDIAL_ID)

    assert problem in str(caught.value)


async def test_empty_objects_and_nulls_where_the_schema_allows_them_pass(
    make_harness: MakeHarness, api: respx.MockRouter
) -> None:
    body = target(destination_1=None, destination_2={}, tm_update=None, try_count_4=2**31 - 1)
    del body["destination_3"], body["tm_delete"]
    api.get(f"/outdials/{OUTDIAL_ID}/targets").respond(200, json={"result": [body]})
    harness = await make_harness()

    page = await harness.call("outdialtargets.list", OUTDIAL_ID)

    assert page.items[0].destination_2 == Address()  # {}: an address with nothing set
    assert page.items[0].try_count_4 == 2**31 - 1


async def test_an_outplan_the_server_stored_unchecked_is_read_as_it_is(
    make_harness: MakeHarness, api: respx.MockRouter
) -> None:
    """VoIPBIN stores an outplan's numbers as they were sent (PostOutplans checks none), in
    signed 32-bit columns; openapi.yaml gives them no minimum, so neither does the check."""
    body = outplan(dial_timeout=-1, max_try_count_2=-(2**31), try_interval=0)
    api.get(f"/outplans/{PLAN_ID}").respond(200, json=body)
    harness = await make_harness()

    plan = await harness.call("outplans.get", PLAN_ID)

    assert (plan.dial_timeout, plan.max_try_count_2) == (-1, -(2**31))


@pytest.mark.parametrize(("status", "cls"), [(400, BadRequestError), (500, InternalServerError)])
async def test_an_error_body_nested_deeply_still_gives_its_error(
    make_harness: MakeHarness, api: respx.MockRouter, status: int, cls: type[ApiError]
) -> None:
    """issue 13: a deeply nested error body raised a raw RecursionError."""
    api.get(f"/outplans/{PLAN_ID}").respond(status, content=b'{"error": ' + DEEP.encode() + b"}")
    harness = await make_harness(max_retries=0)

    with pytest.raises(cls) as caught:
        await harness.call("outplans.get", PLAN_ID)

    assert caught.value.message.startswith('{"error": [[[[')
    assert len(caught.value.message) == 200


@pytest.mark.parametrize("status", [429, 503])
async def test_errors_carry_the_servers_retry_after(
    make_harness: MakeHarness, api: respx.MockRouter, status: int
) -> None:
    api.get(f"/outplans/{PLAN_ID}").respond(status, headers={"Retry-After": "7"})
    harness = await make_harness(max_retries=0)

    with pytest.raises(ApiError) as caught:
        await harness.call("outplans.get", PLAN_ID)

    assert caught.value.retry_after == 7.0


async def test_a_redirect_is_not_followed_and_names_where_it_points(
    make_harness: MakeHarness, api: respx.MockRouter
) -> None:
    route = api.get(f"/outplans/{PLAN_ID}").respond(301, headers={"Location": "https://x.test/"})
    api.get("https://x.test/").respond(200, json=outplan())
    harness = await make_harness(http_client=None)

    with pytest.raises(ApiError) as caught:
        await harness.call("outplans.get", PLAN_ID)

    assert caught.value.status_code == 301
    assert "redirected to https://x.test/" in caught.value.message
    assert route.call_count == 1
