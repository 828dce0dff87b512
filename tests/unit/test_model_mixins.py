"""What the models add to their fields (client/voipbin_outdial/_model.py): a repr of the set
fields, an empty address that is false, destinations in slot order, the five counts, datetimes."""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from voipbin_outdial.models import (
    Address,
    AddressType,
    Outdial,
    Outdialtarget,
    OutdialtargetCreate,
    Outplan,
    OutplanCreate,
)
from voipbin_outdial.timeutil import NEVER

ROOT = Path(__file__).resolve().parents[2]
SEEDS: dict[str, Any] = json.loads((ROOT / "tests/fixtures/seed_examples.json").read_text())
TEL = {"type": "tel", "target": "+15559876543"}


def make_target(**overrides: Any) -> dict[str, Any]:
    return {**copy.deepcopy(SEEDS["outdialtarget"]), **overrides}


def make_plan(**overrides: Any) -> dict[str, Any]:
    return {**copy.deepcopy(SEEDS["outplan"]), **overrides}


def test_repr_shows_set_fields_with_ids_and_enums_as_text() -> None:
    target = Outdialtarget.from_dict(make_target(destination_1={}, destination_2=None))
    text = repr(target)

    assert text.startswith("Outdialtarget(id='1b3d7a92-7146-466d-90f5-4bc701ada4c0', ")
    assert "outdial_id='40bea034-1d17-474d-a5de-da00d0861c69'" in text
    assert "status='done'" in text
    assert "destination_0=Address(type_='tel', target='+821100000001'" in text
    assert "destination_1=Address()" in text
    assert "destination_2" not in text  # null: not set
    assert "tm_create='2022-04-30 17:52:16.484341'" in text
    assert "Unset" not in text
    assert "UUID(" not in text
    assert "additional_properties" not in text


def test_repr_shows_fields_the_spec_does_not_know() -> None:
    plan = Outplan.from_dict(make_plan(priority=3))

    assert repr(plan).endswith("additional_properties={'priority': 3})")


def test_repr_of_an_address_leaves_out_what_is_not_set() -> None:
    assert repr(Address.from_dict({})) == "Address()"
    assert repr(Address.from_dict({"type": "sip", "target": "a@b"})) == (
        "Address(type_='sip', target='a@b')"
    )
    assert repr(Address(type_=AddressType.TEL)) == "Address(type_='tel')"


@pytest.mark.parametrize(
    ("wire", "truthy"),
    [({}, False), ({"target": ""}, True), ({"type": "tel"}, True), ({"x": 1}, True)],
)
def test_an_address_is_false_only_when_nothing_is_set(wire: dict[str, Any], truthy: bool) -> None:
    assert bool(Address.from_dict(wire)) is truthy


@pytest.mark.parametrize(
    ("slots", "expected"),
    [
        ({"destination_0": TEL}, [0]),
        ({"destination_0": {}, "destination_2": TEL}, [2]),
        ({"destination_0": None, "destination_1": TEL, "destination_4": TEL}, [1, 4]),
        ({"destination_0": {}}, []),
    ],
)
def test_destinations_are_the_set_slots_in_order(
    slots: dict[str, Any], expected: list[int]
) -> None:
    wire = make_target(**{**{f"destination_{i}": {} for i in range(5)}, **slots})
    target = Outdialtarget.from_dict(wire)

    pairs = target.destinations

    assert [index for index, _ in pairs] == expected
    assert all(address.target == "+15559876543" for _, address in pairs)
    assert target.to_dict() == wire


def test_destinations_of_a_target_to_create() -> None:
    body = OutdialtargetCreate.from_dict(
        {"name": "n", "detail": "d", "data": "x", "destination_0": {}, "destination_3": TEL}
    )

    assert [i for i, _ in body.destinations] == [3]


def test_max_try_counts_are_the_five_counts_in_order() -> None:
    wire = make_plan(**{f"max_try_count_{i}": i + 1 for i in range(5)})
    plan = Outplan.from_dict(wire)

    assert plan.max_try_counts == (1, 2, 3, 4, 5)
    assert plan.to_dict() == wire
    create = OutplanCreate.from_dict({**wire, "max_try_count_4": 0})
    assert create.max_try_counts == (1, 2, 3, 4, 0)


@pytest.mark.parametrize(
    ("tm_update", "tm_delete", "updated", "deleted"),
    [
        (
            "2026-03-01T09:30:00.1234Z",
            None,
            datetime(2026, 3, 1, 9, 30, 0, 123400, tzinfo=UTC),
            None,
        ),
        (
            "2022-04-30 17:53:51.183345",
            NEVER,
            datetime(2022, 4, 30, 17, 53, 51, 183345, tzinfo=UTC),
            None,
        ),
        (NEVER, "2026-03-02T00:00:00Z", None, datetime(2026, 3, 2, tzinfo=UTC)),
        (None, "2026-03-02 01:00:00.000000", None, datetime(2026, 3, 2, 1, tzinfo=UTC)),
    ],
)
@pytest.mark.parametrize("model", [Outplan, Outdial, Outdialtarget])
def test_times_read_as_aware_utc_datetimes(
    model: type[Any],
    tm_update: str | None,
    tm_delete: str | None,
    updated: datetime | None,
    deleted: datetime | None,
) -> None:
    seeds = {Outplan: make_plan(), Outdialtarget: make_target()}
    wire = seeds.get(model) or _outdial()
    wire.update(tm_create="2026-03-01T09:00:00+09:00", tm_update=tm_update, tm_delete=tm_delete)
    obj = model.from_dict(wire)

    assert obj.created_at == datetime(2026, 3, 1, 0, 0, tzinfo=UTC)
    assert obj.created_at.tzinfo is UTC
    assert obj.updated_at == updated
    assert obj.deleted_at == deleted
    assert obj.is_deleted is (deleted is not None)
    assert obj.to_dict() == wire  # the wire strings stay as they came
    assert obj.tm_update == tm_update


def test_missing_times_read_as_none() -> None:
    wire = make_target()
    del wire["tm_update"], wire["tm_delete"]
    target = Outdialtarget.from_dict(wire)

    assert (target.updated_at, target.deleted_at, target.is_deleted) == (None, None, False)


def test_a_malformed_time_names_itself() -> None:
    target = Outdialtarget.from_dict(make_target(tm_update="yesterday"))

    with pytest.raises(ValueError, match="'yesterday'"):
        _ = target.updated_at


def test_a_model_built_here_has_no_request_id() -> None:
    assert Outplan.from_dict(make_plan()).request_id is None


def _outdial() -> dict[str, Any]:
    return {
        "id": "40bea034-1d17-474d-a5de-da00d0861c69",
        "campaign_id": "183c0d5c-691e-42f3-af2b-9bffc2740f83",
        "name": "o",
        "detail": "d",
        "data": "x",
        "tm_create": "2026-03-01T00:00:00Z",
    }
