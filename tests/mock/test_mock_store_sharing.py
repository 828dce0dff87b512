"""The store shares one read-only empty address among its records (issue 26: memory at scale).

Three of a typical target's five destinations are empty; each used to be a dict of its own.
The sharing is safe only while nothing changes a stored address in place, so these tests pin
that: the shared one refuses every change, updates put a new dict in its place, copies handed
out are plain dicts of their own, and a campaign run leaves it empty.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Mapping
from typing import Any

import httpx
import pytest
from mock_support import address, outdial_body, outplan_body, target_body

from voipbin_outdial.testing import VoipbinMock
from voipbin_outdial.testing._bind import EMPTY_ADDRESS, StoredAddress
from voipbin_outdial.testing._row import TARGET_FIELDS, TargetRow

Change = Callable[[Any], object]

CHANGES: dict[str, Change] = {
    "setitem": lambda d: d.__setitem__("type", "tel"),
    "delitem": lambda d: d.__delitem__("type"),
    "update": lambda d: d.update(type="tel"),
    "ior": lambda d: d.__ior__({"type": "tel"}),
    "setdefault": lambda d: d.setdefault("type", "tel"),
    "pop": lambda d: d.pop("type", None),
    "popitem": lambda d: d.popitem(),
    "clear": lambda d: d.clear(),
}


@pytest.mark.parametrize("change", CHANGES.values(), ids=CHANGES.keys())
def test_the_shared_empty_address_cannot_be_changed_in_place(change: Change) -> None:
    with pytest.raises(TypeError, match="shared"):
        change(EMPTY_ADDRESS)
    assert EMPTY_ADDRESS == {}
    assert json.dumps(EMPTY_ADDRESS) == "{}"


def test_copies_of_the_shared_empty_address_are_plain_dicts_of_their_own() -> None:
    for copied in (copy.copy(EMPTY_ADDRESS), copy.deepcopy({"a": EMPTY_ADDRESS})["a"]):
        assert type(copied) is dict
        copied["type"] = "tel"
        assert EMPTY_ADDRESS == {}


def _stored(mock: VoipbinMock, kind: Any, record_id: str) -> Mapping[str, Any]:
    return mock.store.stored(kind, record_id)


def test_unused_slots_share_one_empty_address_and_answers_are_unchanged(
    http: httpx.Client, mock: VoipbinMock
) -> None:
    outdial = mock.store.create_outdial(outdial_body())
    # Left out, null and all-empty fields: each is {} as the server stores it.
    body = target_body(address("+1"), None, {"type": "", "target": ""})
    target = mock.store.create_target(outdial["id"], body)
    other = mock.store.create_target(outdial["id"], target_body(address("+2")))
    stored = [_stored(mock, "outdialtarget", t["id"]) for t in (target, other)]
    for record in stored:
        for n in range(1, 5):
            assert record[f"destination_{n}"] is EMPTY_ADDRESS
    with pytest.raises(TypeError):
        stored[0]["destination_3"]["target"] = "+3"
    handed_out = mock.store.get("outdialtarget", target["id"])
    handed_out["destination_3"]["target"] = "+3"  # the caller's own copy
    assert stored[1]["destination_3"] == {}
    got = http.get(f"/outdials/{outdial['id']}/targets/{target['id']}")
    assert type(got.json()["destination_2"]) is dict
    slots = ",".join(f'"destination_{n}":{{}}' for n in range(1, 5))
    assert f'"destination_0":{{"type":"tel","target":"+1"}},{slots},' in got.text


def test_an_update_replaces_the_shared_empty_address(http: httpx.Client, mock: VoipbinMock) -> None:
    plans = [mock.store.create_outplan(outplan_body(source=None)) for _ in range(2)]
    assert _stored(mock, "outplan", plans[0]["id"])["source"] is EMPTY_ADDRESS
    dial_info = {"source": address("+15550199"), "dial_timeout": 1, "try_interval": 0}
    updated = http.put(f"/outplans/{plans[0]['id']}/dial_info", json=dial_info)
    assert updated.status_code == 200, updated.text
    assert updated.json()["source"] == {"type": "tel", "target": "+15550199"}
    assert http.get(f"/outplans/{plans[0]['id']}").json()["source"] == address("+15550199")
    assert http.get(f"/outplans/{plans[1]['id']}").json()["source"] == {}
    assert EMPTY_ADDRESS == {}
    emptied = http.put(f"/outplans/{plans[0]['id']}/dial_info", json={"source": {"type": ""}})
    assert emptied.json()["source"] == {}


def test_a_campaign_run_leaves_the_shared_empty_address_empty(mock: VoipbinMock) -> None:
    plan = mock.store.create_outplan(outplan_body())  # a try on every slot: {} is dialed
    outdial = mock.store.create_outdial(outdial_body())
    targets = [
        mock.store.create_target(outdial["id"], target_body(address(f"+{n}"), {})) for n in range(3)
    ]
    calls = mock.run_campaign(plan["id"], outdial["id"], answer=False)
    refused = [call for call in calls if call.address == {}]
    assert len(refused) == 1  # the call manager refuses {}: the campaign stops there
    refused[0].address["type"] = "tel"  # a record's address is its own
    assert EMPTY_ADDRESS == {}
    assert calls[len(calls) - 1].address == {}  # the log still holds the store's empty one
    for target in targets:
        assert _stored(mock, "outdialtarget", target["id"])["destination_1"] is EMPTY_ADDRESS


def test_a_used_address_is_stored_read_only_and_handed_out_as_a_plain_dict(
    http: httpx.Client, mock: VoipbinMock
) -> None:
    outdial = mock.store.create_outdial(outdial_body())
    given = {"detail": "d", "type": "tel", "name": "", "target": "+1"}  # not in JSON order
    target = mock.store.create_target(outdial["id"], target_body(given))
    stored = _stored(mock, "outdialtarget", target["id"])["destination_0"]
    assert isinstance(stored, StoredAddress)
    assert stored == {"type": "tel", "target": "+1", "detail": "d"}
    assert list(stored) == ["type", "target", "detail"]  # ADDRESS_FIELDS order, empty ones out
    assert len(stored) == 3
    assert "name" not in stored
    assert stored.get("name") is None
    with pytest.raises(TypeError):
        stored["target"] = "+2"  # type: ignore[index]
    for copied in (
        copy.copy(stored),
        target["destination_0"],
        mock.store.targets(outdial["id"])[0]["destination_0"],
    ):
        assert type(copied) is dict
        assert copied == stored
    got = http.get(f"/outdials/{outdial['id']}/targets/{target['id']}")
    assert '"destination_0":{"type":"tel","target":"+1","detail":"d"},' in got.text


def test_a_stored_target_is_a_row_that_reads_and_copies_as_the_record_dict(
    http: httpx.Client, mock: VoipbinMock
) -> None:
    outdial = mock.store.create_outdial(outdial_body())
    created = mock.store.create_target(outdial["id"], target_body(address("+1")))
    row = _stored(mock, "outdialtarget", created["id"])
    assert isinstance(row, TargetRow)
    assert row == created
    assert created == row
    assert list(row) == list(created) == list(TARGET_FIELDS)  # the JSON order
    assert row.get("status") == row["status"] == "idle"
    assert row.get("customer_id", "none") == "none"
    assert "customer_id" not in row
    with pytest.raises(KeyError):
        row["customer_id"]
    handed_out = [
        created,
        mock.store.find("outdialtarget", created["id"]),
        mock.store.get_target(outdial["id"], created["id"]),
        mock.store.targets(outdial["id"])[0],
        copy.copy(row),
    ]
    for record in handed_out:
        assert type(record) is dict
        assert record == row
    got = http.get(f"/outdials/{outdial['id']}/targets/{created['id']}")
    assert json.loads(got.text) == created
    assert list(json.loads(got.text)) == list(TARGET_FIELDS)


def test_a_stored_target_takes_only_its_own_fields(mock: VoipbinMock) -> None:
    outdial = mock.store.create_outdial(outdial_body())
    created = mock.store.create_target(outdial["id"], target_body(address("+1")))
    row = _stored(mock, "outdialtarget", created["id"])
    updated = mock.store.update("outdialtarget", created["id"], {"destination_1": address("+2")})
    assert updated["destination_1"] == row["destination_1"] == address("+2")
    assert updated["tm_update"] == row["tm_update"] != created["tm_update"]
    with pytest.raises(KeyError, match="no field 'colour'"):
        mock.store.update("outdialtarget", created["id"], {"status": "done", "colour": "red"})
    assert row["status"] == "idle"  # nothing of a refused update is written
    with pytest.raises(TypeError):
        del row["status"]  # type: ignore[attr-defined]
    with pytest.raises(KeyError, match="no field 'colour'"):
        TargetRow({"colour": "red"})
    assert mock.store.find("outdialtarget", created["id"]) == updated


def test_a_campaign_run_writes_the_stored_rows_and_logs_plain_addresses(mock: VoipbinMock) -> None:
    plan = mock.store.create_outplan(outplan_body())
    outdial = mock.store.create_outdial(outdial_body())
    target = mock.store.create_target(outdial["id"], target_body(address("+1"), address("+2")))
    calls = mock.run_campaign(plan["id"], outdial["id"], answer=False)
    row = _stored(mock, "outdialtarget", target["id"])
    assert sum(row[f"try_count_{n}"] for n in range(5)) == len(calls) > 0
    assert mock.store.find("outdialtarget", target["id"]) == row
    first = calls[0]
    assert type(first.address) is dict
    assert first.address == row["destination_0"] == address("+1")
    first.address["target"] = "+9"  # the record's own copy
    assert calls[0].address == address("+1")
    assert row["destination_0"] == address("+1")
