"""The fast decode of list pages (``_wire``, msgspec): today's server form is read by it, to the
same models as the general path; a body with a field the model does not declare is left to the
general path, which keeps that field (issue 26). tests/property/test_wire_properties.py holds
the two paths equal on generated bodies."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from wire_support import OUTDIAL_ID, assert_same, both_ways

from voipbin_outdial._generated.api import (
    Operation,
    campaigncalls_list,
    campaigns_list,
    outdials_list,
    outdialtargets_list,
    outplans_list,
)
from voipbin_outdial._pagination import Page
from voipbin_outdial._wire import page_decoder
from voipbin_outdial.models import Address, OutdialtargetList, OutdialtargetStatus

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES: dict[str, Any] = yaml.safe_load((ROOT / "openapi.yaml").read_text())["components"][
    "examples"
]


def example(name: str) -> dict[str, Any]:
    return copy.deepcopy(EXAMPLES[name]["value"])


def body(page: dict[str, Any]) -> bytes:
    return json.dumps(page).encode()


PAGES = [
    (outplans_list, "OutplanPage", ()),
    (outdials_list, "OutdialPage", ()),
    (outdialtargets_list, "OutdialtargetPage", (OUTDIAL_ID,)),
    (campaigns_list, "CampaignPage", ()),
    (campaigncalls_list, "CampaigncallPage", ()),
]


@pytest.mark.parametrize(("op", "name", "ids"), PAGES, ids=[p[1] for p in PAGES])
@pytest.mark.parametrize("legacy", [False, True], ids=["today", "legacy"])
def test_every_list_page_is_read_fast_to_the_same_models(
    op: Operation, name: str, ids: tuple[str, ...], legacy: bool
) -> None:
    page = example(name + ("Legacy" if legacy else ""))

    got, want, taken = both_ways(op, body(page), *ids)

    assert taken
    assert isinstance(got, Page)
    assert len(got) == len(page["result"]) > 0
    assert_same(got, want)


def todays_page() -> dict[str, Any]:
    return example("OutdialtargetPage")


@pytest.mark.parametrize(
    "where",
    [
        lambda page: page,
        lambda page: page["result"][0],
        lambda page: page["result"][0]["destination_0"],
    ],
    ids=["page", "target", "address"],
)
def test_a_field_the_model_does_not_declare_is_left_to_the_general_path(where: Any) -> None:
    page = todays_page()
    where(page)["field_added_later"] = {"x": 1}

    got, want, taken = both_ways(outdialtargets_list, body(page), OUTDIAL_ID)

    assert not taken
    assert_same(got, want)
    first = OutdialtargetList.from_dict(page).result[0]
    assert got.items[0].to_dict() == first.to_dict() == page["result"][0]


@pytest.mark.parametrize(
    ("field", "value", "problem"),
    [
        ("try_count_1", -1, "try_count_1: expected an integer from 0"),
        ("try_count_1", 2**31, "try_count_1: expected an integer from 0"),
        ("try_count_1", True, "try_count_1: expected an integer, got a boolean"),
        ("name", None, "name: expected a string, got null"),
        ("destination_0", "tel", "destination_0: expected an Address or {} or null"),
        ("id", "not-an-id", "badly formed hexadecimal UUID string"),
    ],
)
def test_a_value_the_schema_refuses_gives_the_general_paths_error(
    field: str, value: Any, problem: str
) -> None:
    page = todays_page()
    page["result"][0][field] = value

    got, want, taken = both_ways(outdialtargets_list, body(page), OUTDIAL_ID)

    assert not taken
    assert_same(got, want)
    assert problem in str(got)


def test_a_status_added_later_is_kept_as_from_dict_keeps_it() -> None:
    page = todays_page()
    page["result"][0]["status"] = "paused"

    got, want, taken = both_ways(outdialtargets_list, body(page), OUTDIAL_ID)

    assert taken
    assert_same(got, want)
    status = got.items[0].status
    assert type(status) is OutdialtargetStatus
    assert status == "paused"


def test_unused_slots_read_fast_are_the_shared_empty_address() -> None:
    page = todays_page()
    page["result"][0] |= {f"destination_{i}": {} for i in range(1, 5)}

    got, _, taken = both_ways(outdialtargets_list, body(page), OUTDIAL_ID)

    assert taken
    target = got.items[0]
    assert target.destination_1 is target.destination_4 is Address.from_dict({})
    assert target.destination_0 is not Address.from_dict({})


def test_every_listing_model_has_a_fast_decode() -> None:
    for op in (outplans_list, outdials_list, outdialtargets_list, campaigns_list):
        assert page_decoder(op.response) is not None


def test_an_id_naming_another_object_is_one_object_per_page_as_from_dict_keeps_it() -> None:
    page = todays_page()
    page["result"] = [
        page["result"][0] | {"id": f"{n:08d}-7146-466d-90f5-4bc701ada4c0"} for n in range(3)
    ]

    got, want, taken = both_ways(outdialtargets_list, body(page), OUTDIAL_ID)

    assert taken
    assert_same(got, want)
    first, second, third = got.items
    assert first.outdial_id is second.outdial_id is third.outdial_id
    assert len({id(t.id) for t in got.items}) == 3
