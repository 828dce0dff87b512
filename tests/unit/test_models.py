"""The generated models read VoIPBIN's wire format: today's server's and the docs' older one."""

import copy
import json
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest
import yaml

from voipbin_outdial.models import (
    UNSET,
    Address,
    AddressType,
    Outdial,
    Outdialtarget,
    OutdialtargetStatus,
    Outplan,
)

ROOT = Path(__file__).resolve().parents[2]
SEEDS: dict[str, Any] = json.loads((ROOT / "tests/fixtures/seed_examples.json").read_text())
SPEC: dict[str, Any] = yaml.safe_load((ROOT / "openapi.yaml").read_text())


def seed(name: str) -> dict[str, Any]:
    return copy.deepcopy(SEEDS[name])


def test_seed_outdialtarget_parses_verbatim() -> None:
    target = Outdialtarget.from_dict(seed("outdialtarget"))

    assert str(target.id) == "1b3d7a92-7146-466d-90f5-4bc701ada4c0"
    assert target.status is OutdialtargetStatus.DONE
    assert isinstance(target.destination_0, Address)
    assert target.destination_0.type_ is AddressType.TEL
    assert target.destination_0.target == "+821100000001"
    assert [target.destination_1, target.destination_2, target.destination_3] == [None] * 3
    assert target.destination_4 is None
    assert (target.try_count_0, target.try_count_4) == (1, 0)
    assert target.tm_delete == "9999-01-01 00:00:00.000000"
    assert target.to_dict() == seed("outdialtarget")


def test_seed_outplan_parses_verbatim() -> None:
    plan = Outplan.from_dict(seed("outplan"))

    assert plan.dial_timeout == 30000
    assert plan.try_interval == 60000
    assert [plan.max_try_count_0, plan.max_try_count_4] == [5, 5]
    assert plan.source.target == "+15559876543"
    assert plan.to_dict() == seed("outplan")


@pytest.mark.parametrize(
    ("example", "seed_name"),
    [("OutplanValue", "outplan"), ("OutdialtargetValue", "outdialtarget")],
)
def test_spec_examples_are_the_seed_examples(example: str, seed_name: str) -> None:
    assert SPEC["components"]["examples"][example]["value"] == seed(seed_name)


@pytest.mark.parametrize(
    "stamp",
    [
        "2026-03-01T09:30:00.1234Z",  # today's server: RFC 3339, the fraction trimmed
        "2026-03-01T09:30:00Z",  # ... and left out when it is zero
        "2022-04-30 17:52:16.484341",  # the docs' form: space, no zone, UTC
        "2022-04-30T17:52:16.484341+09:00",  # ISO 8601 with an offset
        None,  # not happened (today's server)
        "9999-01-01 00:00:00.000000",  # the docs' "never" sentinel
    ],
)
@pytest.mark.parametrize("field", ["tm_update", "tm_delete"])
def test_every_timestamp_form_is_accepted(field: str, stamp: str | None) -> None:
    data = seed("outdialtarget") | {field: stamp}

    target = Outdialtarget.from_dict(data)

    assert getattr(target, field) == stamp
    assert target.to_dict()[field] == stamp


def test_absent_optional_fields_stay_absent() -> None:
    data = seed("outdialtarget")
    for key in ("destination_1", "destination_2", "destination_3", "destination_4", "tm_update"):
        del data[key]

    assert Outdialtarget.from_dict(data).to_dict() == data


def test_unknown_enum_values_from_a_newer_server_are_kept() -> None:
    data = seed("outdialtarget")
    data["status"] = "paused"
    data["destination_0"]["type"] = "telegram"

    target = Outdialtarget.from_dict(data)

    assert target.status == "paused"
    assert isinstance(target.status, OutdialtargetStatus)
    assert target.status not in list(OutdialtargetStatus)
    assert isinstance(target.destination_0, Address)
    assert target.destination_0.type_ == "telegram"
    assert target.destination_0.type_ not in list(AddressType)
    assert target.to_dict() == data


def test_known_enum_values_are_the_members() -> None:
    assert OutdialtargetStatus("idle") is OutdialtargetStatus.IDLE
    assert AddressType("") is AddressType.EMPTY
    assert {s.value for s in OutdialtargetStatus} == {"idle", "progressing", "done"}


def test_non_string_enum_value_is_still_an_error() -> None:
    with pytest.raises(ValueError, match="42"):
        OutdialtargetStatus(42)


def test_unknown_fields_are_kept_not_lost() -> None:
    owner = "5e4a0680-804e-11ec-8477-2fea5968d85b"
    data = seed("outplan") | {"customer_id": owner, "new": {"x": 1}}

    plan = Outplan.from_dict(data)

    assert plan.additional_properties == {"new": {"x": 1}}
    assert plan.to_dict() == data


def test_without_unknown_fields_each_model_has_its_own_empty_extras() -> None:
    first, second = (Outdialtarget.from_dict(seed("outdialtarget")) for _ in range(2))

    assert first.additional_properties == second.additional_properties == {}
    assert first.destination_0 is not None
    assert first.destination_0.additional_properties == {}
    first.additional_properties["later"] = 1
    first.destination_0["note"] = "x"
    assert second.additional_properties == {}
    assert second.destination_0 is not None
    assert second.destination_0.additional_properties == {}
    assert first.to_dict() == seed("outdialtarget") | {"later": 1} | {
        "destination_0": seed("outdialtarget")["destination_0"] | {"note": "x"}
    }


def test_outdial_example_parses() -> None:
    value = SPEC["components"]["examples"]["OutdialValue"]["value"]

    outdial = Outdial.from_dict(copy.deepcopy(value))

    assert str(outdial.campaign_id) == "00000000-0000-0000-0000-000000000000"
    assert outdial.to_dict() == value


@pytest.mark.parametrize(
    ("example", "model"),
    [
        ("OutplanCurrent", Outplan),
        ("OutdialCurrent", Outdial),
        ("OutdialtargetCurrent", Outdialtarget),
    ],
)
def test_todays_server_form_parses_verbatim(example: str, model: Any) -> None:
    """RFC 3339 times, ``null`` for "not yet", ``{}`` for an unused destination, empty address
    fields left out (bin-common-handler/models/address/main.go: ``omitempty``)."""
    value = SPEC["components"]["examples"][example]["value"]

    parsed = model.from_dict(copy.deepcopy(value))

    assert parsed.to_dict() == value
    assert parsed.tm_delete is None


def test_an_empty_destination_is_an_address_with_nothing_set() -> None:
    data = seed("outdialtarget") | {"destination_1": {}, "destination_2": None}

    target = Outdialtarget.from_dict(data)

    assert target.destination_1 == Address()
    assert target.destination_1.target is UNSET
    assert target.destination_2 is None  # older data's null is kept apart
    assert target.to_dict() == data


def test_the_address_types_of_todays_server_are_known() -> None:
    # bin-common-handler/models/address/main.go: the Type constants.
    known = {t.value for t in AddressType}
    assert {"ai", "ai_team", "webchat", "whatsapp", "tel", "sip", ""} <= known


def test_without_unknown_fields_no_emptied_source_dict_is_kept() -> None:
    """issue 26: the source dict, emptied of the declared fields, keeps its table (~460 B for a
    target); with nothing left in it the model keeps a new empty dict instead."""
    data = seed("outdialtarget")
    emptied = dict(data)
    for key in data:
        del emptied[key]
    target = Outdialtarget.from_dict(data)

    assert sys.getsizeof(emptied) > sys.getsizeof({})  # what was kept before
    assert sys.getsizeof(target.additional_properties) == sys.getsizeof({})
    assert target.destination_0 is not None
    assert sys.getsizeof(target.destination_0.additional_properties) == sys.getsizeof({})
    assert target.to_dict() == data
    assert Outdialtarget.from_dict(data | {"x": 1}).additional_properties == {"x": 1}


# -- the shared empty Address (issue 26) ---------------------------------------------------------


def todays_target(**slots: Any) -> dict[str, Any]:
    """A target as today's server sends it: ``{}`` in the unused slots."""
    return seed("outdialtarget") | {f"destination_{i}": {} for i in range(1, 5)} | slots


def test_unused_slots_of_all_targets_share_one_read_only_address() -> None:
    first, second = (Outdialtarget.from_dict(todays_target()) for _ in range(2))

    assert first.destination_1 is first.destination_4 is second.destination_1
    assert first.destination_1 == Address()
    assert not first.destination_1
    assert repr(first.destination_1) == "Address()"
    assert first.to_dict() == todays_target()
    assert first.destination_0 is not second.destination_0  # a used slot is its own


def test_the_shared_address_cannot_be_changed_and_says_what_to_do() -> None:
    first, second = (Outdialtarget.from_dict(todays_target()) for _ in range(2))
    shared = first.destination_1
    assert isinstance(shared, Address)

    with pytest.raises(attrs.exceptions.FrozenInstanceError, match=r"assign a new Address"):
        shared.target = "+15550001111"
    with pytest.raises(AttributeError, match="read-only"):
        shared.additional_properties = {"x": 1}
    with pytest.raises(TypeError, match="read-only"):
        shared["note"] = "x"
    with pytest.raises(TypeError, match="read-only"):
        shared.additional_properties.update(note="x")

    assert second.destination_1 == Address()
    assert second.to_dict() == todays_target()


def test_a_slot_is_filled_by_assigning_a_new_address() -> None:
    first, second = (Outdialtarget.from_dict(todays_target()) for _ in range(2))

    first.destination_1 = Address(type_=AddressType.TEL, target="+15550001111")
    first.destination_1.target_name = "mobile"  # a new Address is writable

    assert first.to_dict()["destination_1"] == {
        "type": "tel",
        "target": "+15550001111",
        "target_name": "mobile",
    }
    assert second.destination_1 == Address()


def test_copies_of_the_shared_address_are_writable() -> None:
    shared = Outdialtarget.from_dict(todays_target()).destination_2
    assert isinstance(shared, Address)

    evolved = attrs.evolve(shared, target="+15550001111")
    deep = copy.deepcopy(shared)
    for address in (evolved, deep):
        address.detail = "kept"
        address["extra"] = 1
        assert address.to_dict()["detail"] == "kept"
    shallow = copy.copy(shared)
    shallow.detail = "kept"  # its own fields; its additional_properties are shared, as any
    with pytest.raises(TypeError):  # shallow copy's are
        shallow["extra"] = 1
    assert evolved.target == "+15550001111"
    assert shared == Address()
    assert shared.to_dict() == {}


def test_addresses_built_or_read_with_fields_are_writable() -> None:
    built = Address()
    read = Address.from_dict({"type": "tel", "target": "+15550001111"})

    built.target = "+15550002222"
    read["note"] = "x"

    assert built.to_dict() == {"target": "+15550002222"}
    assert read.to_dict() == {"type": "tel", "target": "+15550001111", "note": "x"}
    assert Address.from_dict({}) is Address.from_dict({})
