"""Statuses become exceptions with VoIPBIN's error details; bad 2xx bodies name the operation."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
import respx
from facade_support import OUTDIAL_ID, PLAN_ID, MakeHarness, error_body, outplan

from voipbin_outdial import errors
from voipbin_outdial.errors import (
    ApiConnectionError,
    ApiError,
    ApiResponseValidationError,
    ApiTimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    InternalServerError,
    MissingCredentialsError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    VoipbinError,
)

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
    from voipbin_outdial._generated.api.outplan import outplans_get
    from voipbin_outdial._responses import error_from_response

    call = by_ids(outplans_get._get_kwargs, dict, None, outplan_id=PLAN_ID)
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
    ):
        assert issubclass(cls, ApiError)
    assert issubclass(ApiTimeoutError, ApiConnectionError)
    assert issubclass(ApiError, VoipbinError)
    assert issubclass(MissingCredentialsError, VoipbinError)
    assert not issubclass(MissingCredentialsError, ApiError)


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
