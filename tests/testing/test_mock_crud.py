"""Every operation through raw httpx, in process, each response checked against the spec."""

from __future__ import annotations

import json
import uuid
from typing import Any

import httpx
import pytest
from mock_support import (
    AUTH,
    NEVER,
    NIL_UUID,
    WIRE_TIME,
    address,
    conforms,
    error_of,
    outdial_body,
    outplan_body,
    target_body,
)

from voipbin_outdial.testing import (
    BASE_URL,
    InvalidRequestError,
    ResourceNotFoundError,
    VoipbinMock,
)


def _create_outplan(http: httpx.Client, **overrides: Any) -> dict[str, Any]:
    response = http.post("/outplans", json=outplan_body(**overrides))
    assert response.status_code == 200, response.text
    return dict(conforms(response, "POST", "/outplans"))


def _create_outdial(http: httpx.Client, **overrides: Any) -> dict[str, Any]:
    response = http.post("/outdials", json=outdial_body(**overrides))
    assert response.status_code == 200, response.text
    return dict(conforms(response, "POST", "/outdials"))


def _create_target(http: httpx.Client, outdial_id: str, body: dict[str, Any]) -> dict[str, Any]:
    response = http.post(f"/outdials/{outdial_id}/targets", json=body)
    assert response.status_code == 200, response.text
    return dict(conforms(response, "POST", "/outdials/{id}/targets"))


# --- outplans ---------------------------------------------------------------------------------


def test_outplan_create_returns_the_record_as_voipbin_makes_it(
    http: httpx.Client, mock: VoipbinMock
) -> None:
    plan = _create_outplan(http, max_try_count_0=3, max_try_count_4=0)

    assert uuid.UUID(plan["id"]).version == 4
    assert plan["customer_id"] == mock.store.customer_id
    assert plan["name"] == "plan"
    assert plan["source"] == {
        "type": "tel",
        "target": "+15559876543",
        "target_name": "",
        "name": "",
        "detail": "",
    }
    assert (plan["dial_timeout"], plan["try_interval"]) == (30_000, 60_000)
    assert [plan[f"max_try_count_{i}"] for i in range(5)] == [3, 1, 1, 1, 0]
    assert plan["tm_create"] == "2024-01-01 12:00:00.000000"
    assert plan["tm_update"] == plan["tm_delete"] == NEVER


def test_outplan_get_update_dial_info_and_delete(http: httpx.Client) -> None:
    plan = _create_outplan(http)
    path = f"/outplans/{plan['id']}"

    assert conforms(http.get(path), "GET", "/outplans/{id}") == plan

    renamed = conforms(
        http.put(path, json={"name": "new", "detail": "newer"}), "PUT", "/outplans/{id}"
    )
    assert (renamed["name"], renamed["detail"]) == ("new", "newer")
    assert renamed["dial_timeout"] == plan["dial_timeout"]
    assert WIRE_TIME.fullmatch(renamed["tm_update"])
    assert renamed["tm_update"] > plan["tm_create"]

    dial_info = {
        "source": address("+15550199", name="desk"),
        "dial_timeout": 20_000,
        "try_interval": 3_600_000,
        **{f"max_try_count_{i}": i for i in range(5)},
    }
    updated = conforms(
        http.put(f"{path}/dial_info", json=dial_info), "PUT", "/outplans/{id}/dial_info"
    )
    assert updated["name"] == "new"
    assert updated["source"]["target"] == "+15550199"
    assert updated["source"]["name"] == "desk"
    assert updated["try_interval"] == 3_600_000
    assert [updated[f"max_try_count_{i}"] for i in range(5)] == [0, 1, 2, 3, 4]
    assert updated["tm_update"] > renamed["tm_update"]
    assert conforms(http.get(path), "GET", "/outplans/{id}") == updated

    deleted = conforms(http.delete(path), "DELETE", "/outplans/{id}")
    assert deleted["tm_delete"] != NEVER
    assert deleted["tm_update"] == deleted["tm_delete"]  # VoIPBIN's delete writes both
    assert WIRE_TIME.fullmatch(deleted["tm_delete"])


def test_outplans_list_holds_live_outplans_oldest_first(http: httpx.Client) -> None:
    plans = [_create_outplan(http, name=f"p{i}") for i in range(3)]
    http.delete(f"/outplans/{plans[1]['id']}")

    page = conforms(http.get("/outplans"), "GET", "/outplans")

    assert [p["name"] for p in page["result"]] == ["p0", "p2"]
    assert page["next_page_token"] == plans[2]["tm_create"]


# --- outdials ---------------------------------------------------------------------------------


def test_outdial_crud(http: httpx.Client, mock: VoipbinMock) -> None:
    campaign = str(uuid.uuid4())
    outdial = _create_outdial(http, name="list", detail="d", data="x", campaign_id=campaign)
    assert outdial["campaign_id"] == campaign
    assert outdial["customer_id"] == mock.store.customer_id
    assert outdial["tm_update"] == outdial["tm_delete"] == NEVER
    path = f"/outdials/{outdial['id']}"

    assert conforms(http.get(path), "GET", "/outdials/{id}") == outdial
    renamed = conforms(http.put(path, json={"name": "n", "detail": "m"}), "PUT", "/outdials/{id}")
    assert (renamed["name"], renamed["detail"], renamed["data"]) == ("n", "m", "x")

    detached = conforms(
        http.put(f"{path}/campaign_id", json={"campaign_id": NIL_UUID}),
        "PUT",
        "/outdials/{id}/campaign_id",
    )
    assert detached["campaign_id"] == NIL_UUID
    data = conforms(
        http.put(f"{path}/data", json={"data": "new data"}), "PUT", "/outdials/{id}/data"
    )
    assert data["data"] == "new data"
    assert data["tm_update"] > detached["tm_update"] > renamed["tm_update"]

    listed = conforms(http.get("/outdials"), "GET", "/outdials")
    assert listed["result"] == [data]

    deleted = conforms(http.delete(path), "DELETE", "/outdials/{id}")
    assert deleted["tm_delete"] != NEVER
    assert conforms(http.get("/outdials"), "GET", "/outdials") == {
        "result": [],
        "next_page_token": "",
    }


def test_campaign_id_is_stored_in_lower_case(http: httpx.Client) -> None:
    campaign = str(uuid.uuid4())
    outdial = _create_outdial(http, campaign_id=campaign.upper())
    assert outdial["campaign_id"] == campaign


# --- outdialtargets ---------------------------------------------------------------------------


def test_target_create_is_idle_and_never_tried(http: httpx.Client) -> None:
    outdial = _create_outdial(http)
    target = _create_target(
        http,
        outdial["id"],
        target_body(None, address("+15550111", target_name="Bob"), data="crm-7"),
    )

    assert target["outdial_id"] == outdial["id"]
    assert target["status"] == "idle"
    assert target["data"] == "crm-7"
    assert target["destination_0"] is None
    assert target["destination_1"] == {
        "type": "tel",
        "target": "+15550111",
        "target_name": "Bob",
        "name": "",
        "detail": "",
    }
    assert [target[f"destination_{i}"] for i in (2, 3, 4)] == [None, None, None]
    assert [target[f"try_count_{i}"] for i in range(5)] == [0] * 5
    assert target["tm_update"] == target["tm_delete"] == NEVER


def test_target_get_list_and_delete(http: httpx.Client) -> None:
    outdial = _create_outdial(http)
    base = f"/outdials/{outdial['id']}/targets"
    first = _create_target(http, outdial["id"], target_body(name="a"))
    second = _create_target(http, outdial["id"], target_body(name="b"))

    got = conforms(http.get(f"{base}/{first['id']}"), "GET", "/outdials/{id}/targets/{target_id}")
    assert got == first
    page = conforms(http.get(base), "GET", "/outdials/{id}/targets")
    assert page["result"] == [first, second]
    assert page["next_page_token"] == second["tm_create"]

    deleted = conforms(
        http.delete(f"{base}/{first['id']}"), "DELETE", "/outdials/{id}/targets/{target_id}"
    )
    assert deleted["tm_delete"] != NEVER
    page = conforms(http.get(base), "GET", "/outdials/{id}/targets")
    assert page["result"] == [second]
    response = http.get(f"{base}/{first['id']}")
    error_of(response, "GET", "/outdials/{id}/targets/{target_id}", 404, "NOT_FOUND")


def test_targets_belong_to_their_outdial(http: httpx.Client) -> None:
    mine, other = _create_outdial(http), _create_outdial(http)
    target = _create_target(http, mine["id"], target_body())
    wrong = f"/outdials/{other['id']}/targets/{target['id']}"

    error_of(http.get(wrong), "GET", "/outdials/{id}/targets/{target_id}", 404, "NOT_FOUND")
    response = http.delete(wrong)
    error_of(response, "DELETE", "/outdials/{id}/targets/{target_id}", 404, "NOT_FOUND")
    page = conforms(http.get(f"/outdials/{other['id']}/targets"), "GET", "/outdials/{id}/targets")
    assert page["result"] == []
    # Still there under its own outdial.
    assert http.get(f"/outdials/{mine['id']}/targets/{target['id']}").status_code == 200


def test_targets_of_a_deleted_outdial_answer_404(http: httpx.Client) -> None:
    outdial = _create_outdial(http)
    target = _create_target(http, outdial["id"], target_body())
    http.delete(f"/outdials/{outdial['id']}")
    base = f"/outdials/{outdial['id']}/targets"

    error_of(http.get(base), "GET", "/outdials/{id}/targets", 404, "NOT_FOUND")
    response = http.post(base, json=target_body())
    error_of(response, "POST", "/outdials/{id}/targets", 404, "NOT_FOUND")
    response = http.get(f"{base}/{target['id']}")
    error_of(response, "GET", "/outdials/{id}/targets/{target_id}", 404, "NOT_FOUND")


# --- soft delete ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "template"),
    [("outplans", "/outplans/{id}"), ("outdials", "/outdials/{id}")],
)
def test_a_deleted_resource_answers_404_everywhere(
    http: httpx.Client, kind: str, template: str
) -> None:
    created = http.post(f"/{kind}", json=outplan_body() if kind == "outplans" else outdial_body())
    path = f"/{kind}/{created.json()['id']}"
    assert http.delete(path).status_code == 200

    error_of(http.get(path), "GET", template, 404, "NOT_FOUND")
    error_of(http.delete(path), "DELETE", template, 404, "NOT_FOUND")
    response = http.put(path, json={"name": "n", "detail": "d"})
    error_of(response, "PUT", template, 404, "NOT_FOUND")
    assert conforms(http.get(f"/{kind}"), "GET", f"/{kind}")["result"] == []


def test_the_store_keeps_deleted_records_out_of_sight(
    http: httpx.Client, mock: VoipbinMock
) -> None:
    plan = _create_outplan(http)
    http.delete(f"/outplans/{plan['id']}")
    with pytest.raises(LookupError, match="was not found"):
        mock.store.get("outplan", plan["id"])


# --- base paths and clients -------------------------------------------------------------------


def test_the_api_is_served_under_v1_0_and_at_the_root(mock: VoipbinMock) -> None:
    with mock.client(base_url="http://mock", headers=AUTH) as root:
        created = root.post("/outplans", json=outplan_body()).json()
        under_prefix = root.get(f"/v1.0/outplans/{created['id']}")
        at_root = root.get(f"/outplans/{created['id']}")
    assert under_prefix.status_code == at_root.status_code == 200
    assert under_prefix.json() == at_root.json() == created


def test_the_clients_default_to_the_sdk_base_url(mock: VoipbinMock) -> None:
    assert BASE_URL == "https://api.voipbin.net/v1.0"
    with mock.client() as client:
        assert str(client.base_url) == BASE_URL + "/"


async def test_the_async_client_shares_the_state(
    http: httpx.Client, ahttp: httpx.AsyncClient
) -> None:
    plan = _create_outplan(http)
    response = await ahttp.get(f"/outplans/{plan['id']}")
    assert conforms(response, "GET", "/outplans/{id}") == plan
    response = await ahttp.post("/outdials", json=outdial_body())
    created = conforms(response, "POST", "/outdials")
    assert http.get(f"/outdials/{created['id']}").json() == created


async def test_the_sync_client_works_inside_a_running_event_loop(http: httpx.Client) -> None:
    assert http.get("/outplans").status_code == 200


def test_a_streamed_request_body_is_read(http: httpx.Client) -> None:
    payload = json.dumps(outdial_body(name="streamed")).encode()
    response = http.post("/outdials", content=iter([payload[:10], payload[10:]]))
    assert conforms(response, "POST", "/outdials")["name"] == "streamed"


def test_reset_forgets_everything_and_time_keeps_going(
    http: httpx.Client, mock: VoipbinMock
) -> None:
    before = _create_outplan(http)
    mock.reset()
    assert http.get("/outplans").json()["result"] == []
    assert http.get(f"/outplans/{before['id']}").status_code == 404
    assert _create_outplan(http)["tm_create"] > before["tm_create"]


def test_non_ascii_and_unpaired_surrogates_round_trip(http: httpx.Client) -> None:
    # httpx cannot send a lone surrogate as UTF-8; JSON's \u escape can.
    body = json.dumps(outplan_body(name="Zoë 電話", detail="\ud800"))
    plan = conforms(http.post("/outplans", content=body), "POST", "/outplans")
    response = http.get(f"/outplans/{plan['id']}")
    body = conforms(response, "GET", "/outplans/{id}")
    assert (body["name"], body["detail"]) == ("Zoë 電話", "\ud800")


def test_the_store_can_be_seeded_directly_with_the_apis_checks(
    http: httpx.Client, mock: VoipbinMock
) -> None:
    outdial = mock.store.create_outdial(outdial_body(campaign_id=NIL_UUID))
    target = mock.store.create_target(outdial["id"], target_body(address("+1")))
    assert target["destination_0"]["target_name"] == ""
    got = http.get(f"/outdials/{outdial['id']}/targets/{target['id']}")
    assert conforms(got, "GET", "/outdials/{id}/targets/{target_id}") == target
    with pytest.raises(InvalidRequestError, match="dial_timeout"):
        mock.store.create_outplan(outplan_body(dial_timeout=-5))
    with pytest.raises(ResourceNotFoundError):
        mock.store.create_target(str(uuid.uuid4()), target_body())
