"""Every operation through raw httpx, in process, each response checked against the spec.

Records look as VoIPBIN's server returns them: its structs' field order, RFC 3339 times,
``null`` for "not yet", ``{}`` for an empty destination, deleted ones still there.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

import httpx
import pytest
from mock_support import (
    AUTH,
    CAMPAIGN_ID,
    NIL_UUID,
    WIRE_TIME,
    address,
    conforms,
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
from voipbin_outdial.timeutil import parse_timestamp


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
    assert plan["source"] == {"type": "tel", "target": "+15559876543"}  # empty ones left out
    assert (plan["dial_timeout"], plan["try_interval"]) == (30_000, 60_000)
    assert [plan[f"max_try_count_{i}"] for i in range(5)] == [3, 1, 1, 1, 0]
    assert plan["tm_create"] == "2024-01-01T12:00:00Z"
    assert plan["tm_update"] is None
    assert plan["tm_delete"] is None
    # The fields in the order of VoIPBIN's Outplan struct.
    assert list(plan) == [
        "id",
        "customer_id",
        "name",
        "detail",
        "source",
        "dial_timeout",
        "try_interval",
        *(f"max_try_count_{i}" for i in range(5)),
        "tm_create",
        "tm_update",
        "tm_delete",
    ]


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
    assert parse_timestamp(renamed["tm_update"]) > parse_timestamp(plan["tm_create"])

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
    assert updated["source"] == {"type": "tel", "target": "+15550199", "name": "desk"}
    assert updated["try_interval"] == 3_600_000
    assert [updated[f"max_try_count_{i}"] for i in range(5)] == [0, 1, 2, 3, 4]
    assert parse_timestamp(updated["tm_update"]) > parse_timestamp(renamed["tm_update"])
    assert conforms(http.get(path), "GET", "/outplans/{id}") == updated

    deleted = conforms(http.delete(path), "DELETE", "/outplans/{id}")
    assert deleted["tm_update"] == deleted["tm_delete"]  # VoIPBIN's delete writes both
    assert WIRE_TIME.fullmatch(deleted["tm_delete"])


def test_outplans_list_holds_every_outplan_newest_first(http: httpx.Client) -> None:
    plans = [_create_outplan(http, name=f"p{i}") for i in range(3)]
    http.delete(f"/outplans/{plans[1]['id']}")

    page = conforms(http.get("/outplans"), "GET", "/outplans")

    assert [p["name"] for p in page["result"]] == ["p2", "p1", "p0"]
    assert page["result"][1]["tm_delete"] is not None
    assert page["next_page_token"] == "2024-01-01T12:00:00.000000Z"  # p0's tm_create


# --- outdials ---------------------------------------------------------------------------------


def test_outdial_crud(http: httpx.Client, mock: VoipbinMock) -> None:
    campaign = str(uuid.uuid4())
    outdial = _create_outdial(http, name="list", detail="d", data="x", campaign_id=campaign)
    assert outdial["campaign_id"] == campaign
    assert outdial["customer_id"] == mock.store.customer_id
    assert outdial["tm_update"] is None
    assert outdial["tm_delete"] is None
    assert list(outdial) == [
        "id",
        "customer_id",
        "campaign_id",
        "name",
        "detail",
        "data",
        "tm_create",
        "tm_update",
        "tm_delete",
    ]
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
    stamps = [parse_timestamp(r["tm_update"]) for r in (renamed, detached, data)]
    assert stamps == sorted(set(stamps))

    listed = conforms(http.get("/outdials"), "GET", "/outdials")
    assert listed["result"] == [data]

    deleted = conforms(http.delete(path), "DELETE", "/outdials/{id}")
    assert deleted["tm_delete"] is not None
    assert conforms(http.get("/outdials"), "GET", "/outdials")["result"] == [deleted]


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
    assert target["destination_0"] == {}
    assert target["destination_1"] == {"type": "tel", "target": "+15550111", "target_name": "Bob"}
    assert [target[f"destination_{i}"] for i in (2, 3, 4)] == [{}, {}, {}]
    assert [target[f"try_count_{i}"] for i in range(5)] == [0] * 5
    assert target["tm_update"] == target["tm_create"]
    assert target["tm_delete"] is None
    assert list(target)[:6] == ["id", "outdial_id", "name", "detail", "data", "status"]


def test_target_get_list_and_delete(http: httpx.Client) -> None:
    outdial = _create_outdial(http)
    base = f"/outdials/{outdial['id']}/targets"
    first = _create_target(http, outdial["id"], target_body(name="a"))
    second = _create_target(http, outdial["id"], target_body(name="b"))

    got = conforms(http.get(f"{base}/{first['id']}"), "GET", "/outdials/{id}/targets/{target_id}")
    assert got == first
    page = conforms(http.get(base), "GET", "/outdials/{id}/targets")
    assert page["result"] == [second, first]
    assert parse_timestamp(page["next_page_token"]) == parse_timestamp(first["tm_create"])

    deleted = conforms(
        http.delete(f"{base}/{first['id']}"), "DELETE", "/outdials/{id}/targets/{target_id}"
    )
    assert deleted["tm_delete"] is not None
    assert deleted["tm_update"] == deleted["tm_delete"]
    page = conforms(http.get(base), "GET", "/outdials/{id}/targets")
    assert page["result"] == [second]
    got = http.get(f"{base}/{first['id']}")
    assert conforms(got, "GET", "/outdials/{id}/targets/{target_id}") == deleted


def test_targets_of_a_deleted_outdial_still_answer(http: httpx.Client) -> None:
    outdial = _create_outdial(http)
    target = _create_target(http, outdial["id"], target_body())
    http.delete(f"/outdials/{outdial['id']}")
    base = f"/outdials/{outdial['id']}/targets"

    assert [t["id"] for t in http.get(base).json()["result"]] == [target["id"]]
    added = _create_target(http, outdial["id"], target_body(name="later"))
    assert http.get(f"{base}/{added['id']}").json() == added


def test_the_store_keeps_deleted_records_from_the_campaign(
    http: httpx.Client, mock: VoipbinMock
) -> None:
    plan = _create_outplan(http)
    http.delete(f"/outplans/{plan['id']}")
    with pytest.raises(LookupError, match="was not found"):
        mock.store.get("outplan", plan["id"])
    assert mock.store.find("outplan", plan["id"])["tm_delete"] is not None


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
    after = _create_outplan(http)
    assert parse_timestamp(after["tm_create"]) > parse_timestamp(before["tm_create"])


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
    outdial = mock.store.create_outdial(outdial_body())
    target = mock.store.create_target(outdial["id"], target_body(address("+1")))
    assert target["destination_0"] == {"type": "tel", "target": "+1"}
    got = http.get(f"/outdials/{outdial['id']}/targets/{target['id']}")
    assert conforms(got, "GET", "/outdials/{id}/targets/{target_id}") == target
    with pytest.raises(InvalidRequestError, match="campaign_id is required") as refused:
        mock.store.create_outdial(outdial_body(campaign_id=NIL_UUID))
    assert refused.value.reason == "INVALID_ARGUMENT"
    with pytest.raises(InvalidRequestError, match="not valid JSON"):
        mock.store.create_outplan(outplan_body(dial_timeout="30000"))
    with pytest.raises(ResourceNotFoundError):
        mock.store.create_target(str(uuid.uuid4()), target_body())
    other = mock.store.create_outplan(outplan_body(), customer_id=CAMPAIGN_ID)
    assert other["customer_id"] == CAMPAIGN_ID
    assert http.get(f"/outplans/{other['id']}").status_code == 403  # not the default customer
