"""Raw responses, sync and async: ``with_raw_response`` on the client and on each resource, the
``request_id`` of returned objects, and the redacted ``.response`` of every ApiError."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
import respx
from facade_support import (
    ACCESSKEY,
    CAMPAIGN_ID,
    LEAK,
    OUTDIAL_ID,
    PLAN_ID,
    TARGET_ID,
    Harness,
    MakeHarness,
    error_body,
    example,
    outplan,
    settle,
    target,
)

from voipbin_outdial import ApiResponseValidationError, NotFoundError, Page
from voipbin_outdial.models import Campaign, Campaigncall, Outdialtarget, Outplan

RID = "req_7X62Z4CB6AV3GMHTX7C2QHAIZU"
CAMPAIGNCALL_ID = "5e8b2d55-7f03-4fb8-a2b5-f8f1e2d33c0a"


async def call(harness: Harness, dotted: str, *args: Any, **kwargs: Any) -> Any:
    """``harness.client.<dotted>(...)`` (any depth: ``with_raw_response.outplans.get``)."""
    method: Any = harness.client
    for name in dotted.split("."):
        method = getattr(method, name)
    return await settle(method(*args, **kwargs))


HEADERS = {"x-request-id": RID, "x-ratelimit-remaining": "99"}


@pytest.mark.parametrize("via", ["client", "resource"])
async def test_a_raw_response_has_status_headers_body_and_parses(
    make_harness: MakeHarness, api: respx.MockRouter, via: str
) -> None:
    answer = outplan(tm_update="2026-03-01T09:30:00Z")
    api.get(f"/outplans/{PLAN_ID}").respond(200, json=answer, headers=HEADERS)
    harness = await make_harness()
    client = harness.client
    raw_outplans = (
        client.with_raw_response.outplans if via == "client" else client.outplans.with_raw_response
    )

    raw = await settle(raw_outplans.get(PLAN_ID))

    assert raw.status_code == 200
    assert raw.headers["x-ratelimit-remaining"] == "99"
    assert raw.request_id == RID
    assert json.loads(raw.content) == answer == raw.json()
    assert json.loads(raw.text) == answer
    assert raw.operation == "outplans_get"
    assert (
        repr(raw) == f"RawResponse(status_code=200, request_id={RID!r}, {len(raw.content)} bytes)"
    )
    plan = raw.parse()
    assert isinstance(plan, Outplan)
    assert plan.updated_at == datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
    assert plan.request_id == RID


async def test_a_raw_list_parses_to_a_page(
    make_harness: MakeHarness, api: respx.MockRouter
) -> None:
    route = api.get(f"/outdials/{OUTDIAL_ID}/targets").respond(
        200, json={"result": [target()], "next_page_token": "t"}, headers=HEADERS
    )
    harness = await make_harness()

    raw = await call(harness, "with_raw_response.outdialtargets.list", OUTDIAL_ID, page_size=5)

    assert route.calls.last.request.url.params["page_size"] == "5"
    page = raw.parse()
    assert isinstance(page, Page)
    assert isinstance(page.items[0], Outdialtarget)
    assert page.request_id == RID


async def test_a_raw_partial_update_reads_first_and_returns_the_write(
    make_harness: MakeHarness, api: respx.MockRouter
) -> None:
    api.get(f"/outplans/{PLAN_ID}").respond(200, json=outplan(), headers={"x-request-id": "read"})
    put = api.put(f"/outplans/{PLAN_ID}").respond(
        200, json=outplan(name="new"), headers={"x-request-id": "write"}
    )
    harness = await make_harness()

    raw = await call(harness, "outplans.with_raw_response.update", PLAN_ID, name="new")

    assert json.loads(put.calls.last.request.content) == {
        "name": "new",
        "detail": outplan()["detail"],
    }
    assert raw.request_id == "write"
    assert raw.parse().name == "new"


async def test_a_raw_error_status_still_raises(
    make_harness: MakeHarness, api: respx.MockRouter
) -> None:
    api.get(f"/outplans/{PLAN_ID}").respond(
        404, json=error_body("NOT_FOUND", "x", "no outplan", "req_1")
    )
    harness = await make_harness()

    with pytest.raises(NotFoundError) as caught:
        await call(harness, "with_raw_response.outplans.get", PLAN_ID)
    assert caught.value.response is not None
    assert caught.value.response.status_code == 404


async def test_parse_of_a_body_off_schema_raises_then(
    make_harness: MakeHarness, api: respx.MockRouter
) -> None:
    api.get(f"/outplans/{PLAN_ID}").respond(200, json={"id": "not a uuid"})
    harness = await make_harness()

    raw = await call(harness, "with_raw_response.outplans.get", PLAN_ID)  # no error yet

    assert raw.status_code == 200
    with pytest.raises(ApiResponseValidationError, match="outplans_get"):
        raw.parse()


@pytest.mark.parametrize(
    ("dotted", "args", "path"),
    [
        ("outplans.get", (PLAN_ID,), f"/outplans/{PLAN_ID}"),
        ("outplans.delete", (PLAN_ID,), f"/outplans/{PLAN_ID}"),
        (
            "outdialtargets.get",
            (OUTDIAL_ID, TARGET_ID),
            f"/outdials/{OUTDIAL_ID}/targets/{TARGET_ID}",
        ),
    ],
)
async def test_returned_objects_carry_their_request_id(
    make_harness: MakeHarness, api: respx.MockRouter, dotted: str, args: tuple[str, ...], path: str
) -> None:
    answer = target() if "targets" in path else outplan()
    api.route(path=path).respond(200, json=answer, headers={"X-Request-Id": RID})
    harness = await make_harness()

    obj = await call(harness, dotted, *args)

    assert obj.request_id == RID


async def test_objects_without_the_header_have_no_request_id(
    make_harness: MakeHarness, api: respx.MockRouter
) -> None:
    api.get("/outplans").respond(200, json=example("OutplanPage"))
    harness = await make_harness()

    page = await call(harness, "outplans.list")

    assert page.request_id is None
    assert page.items[0].request_id is None


async def test_an_errors_response_is_kept_with_its_credentials_redacted(
    make_harness: MakeHarness, api: respx.MockRouter
) -> None:
    echoed = f"https://api.test.invalid/v1.0/outplans?accesskey={ACCESSKEY}"
    api.get(f"/outplans/{PLAN_ID}").respond(
        404,
        json=error_body("NOT_FOUND", "gone", f"no such outplan at {echoed}", RID),
        headers={"x-request-id": RID, "location": echoed},
    )
    harness = await make_harness()

    with pytest.raises(NotFoundError) as caught:
        await call(harness, "outplans.get", PLAN_ID)

    response = caught.value.response
    assert response is not None
    assert response.status_code == 404
    assert response.request_id == RID
    assert response.operation == "outplans_get"
    assert "accesskey=[REDACTED]" in response.text
    assert response.headers["location"].endswith("accesskey=[REDACTED]")
    assert LEAK not in response.text + repr(response) + str(response.headers)
    assert LEAK not in response.content.decode()
    assert response.json()["error"]["reason"] == "gone"


async def test_a_validation_error_keeps_its_response(
    make_harness: MakeHarness, api: respx.MockRouter
) -> None:
    api.get(f"/outplans/{PLAN_ID}").respond(200, json={"id": 1}, headers=HEADERS)
    harness = await make_harness()

    with pytest.raises(ApiResponseValidationError) as caught:
        await call(harness, "outplans.get", PLAN_ID)

    assert caught.value.response is not None
    assert caught.value.response.json() == {"id": 1}
    assert caught.value.response.request_id == RID


async def test_no_response_means_none(make_harness: MakeHarness, api: respx.MockRouter) -> None:
    api.get(f"/outplans/{PLAN_ID}").mock(side_effect=httpx.ConnectError("refused"))
    harness = await make_harness(max_retries=0)

    with pytest.raises(Exception) as caught:  # noqa: PT011 - the class is not what is checked
        await call(harness, "outplans.get", PLAN_ID)

    assert getattr(caught.value, "response", "missing") is None


@pytest.mark.parametrize("via", ["client", "resource"])
@pytest.mark.parametrize(
    ("resource", "method", "path_id", "answer"),
    [
        ("campaigns", "get", CAMPAIGN_ID, "CampaignValue"),
        ("campaigncalls", "get", CAMPAIGNCALL_ID, "CampaigncallValue"),
        ("campaigns", "list_campaigncalls", CAMPAIGN_ID, "CampaigncallPage"),
    ],
)
async def test_the_campaign_resources_answer_raw_too(
    make_harness: MakeHarness,
    api: respx.MockRouter,
    via: str,
    resource: str,
    method: str,
    path_id: str,
    answer: str,
) -> None:
    body = example(answer)
    path = f"/{resource}/{path_id}" + ("/campaigncalls" if method == "list_campaigncalls" else "")
    api.get(path).respond(200, json=body, headers=HEADERS)
    harness = await make_harness()
    dotted = (
        f"with_raw_response.{resource}.{method}"
        if via == "client"
        else f"{resource}.with_raw_response.{method}"
    )

    raw = await call(harness, dotted, path_id)

    assert (raw.status_code, raw.request_id, raw.json()) == (200, RID, body)
    assert raw.operation == f"{resource}_{method}"
    parsed = raw.parse()
    expected = Campaigncall if resource == "campaigncalls" else Campaign
    assert isinstance(parsed, Page if method.startswith("list") else expected)
    assert parsed.request_id == RID


async def test_a_raw_campaign_partial_update_reads_first_and_returns_the_write(
    make_harness: MakeHarness, api: respx.MockRouter
) -> None:
    current = example("CampaignValue")
    api.get(f"/campaigns/{CAMPAIGN_ID}").respond(200, json=current)
    put = api.put(f"/campaigns/{CAMPAIGN_ID}").respond(
        200, json={**current, "service_level": 50}, headers={"x-request-id": "write"}
    )
    harness = await make_harness()

    raw = await call(harness, "campaigns.with_raw_response.update", CAMPAIGN_ID, service_level=50)

    sent = json.loads(put.calls.last.request.content)
    assert sent == {
        **{k: current[k] for k in ("name", "detail", "type", "end_handle")},
        "service_level": 50,
    }
    assert raw.request_id == "write"
    assert raw.parse().service_level == 50
