"""List pages: the fast decode (``_wire``, msgspec) gives what the general path gives
(``json.loads``, ``from_dict``, ``check_model``) for every body it takes, and leaves the rest to
it (issue 26). About half the generated targets are valid, so both ways are exercised."""

from __future__ import annotations

import json
import math
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from wire_support import OUTDIAL_ID, assert_same, both_ways

from voipbin_outdial._generated.api import outdialtargets_list
from voipbin_outdial._pagination import Page

INT32 = 2**31


texts = st.text(max_size=8)
any_json = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), texts, st.just({}))
hostile_ints = st.sampled_from([INT32, -1, -INT32 - 1, 2**64, True, 1.0, math.nan, "1", None])
uuid_texts = st.one_of(
    st.uuids().map(str),
    st.uuids().map(lambda u: str(u).upper()),
    st.uuids().map(lambda u: u.hex),
)
hostile_uuids = st.one_of(
    st.uuids().map(lambda u: "{" + str(u) + "}"),
    st.uuids().map(lambda u: "urn:uuid:" + str(u)),
    st.text(alphabet="0123456789abcdef-", min_size=30, max_size=38),
    any_json,
)
address_types = st.sampled_from(["tel", "sip", "agent", "", "a-type-added-later"])
addresses = st.fixed_dictionaries(
    {},
    optional={
        "type": address_types,
        "target": texts,
        "target_name": texts,
        "name": texts,
        "detail": texts,
    },
)
slots = st.one_of(st.just({}), st.none(), addresses)
statuses = st.sampled_from(["idle", "progressing", "done", "a-status-added-later", ""])
times = st.one_of(st.just("2026-03-01T09:30:00.1234Z"), st.none(), texts)
# What a body may hold that the schema does not allow, or that only from_dict keeps.
damage = st.sampled_from(
    ["none", "none", "value", "count", "address value", "extra", "address extra", "drop", "uuid"]
)


@st.composite
def targets(draw: st.DrawFn) -> dict[str, Any]:
    """A target as a server may send it: valid, or with one thing wrong or new (``damage``)."""
    target: dict[str, Any] = {
        "id": draw(uuid_texts),
        "outdial_id": OUTDIAL_ID,
        "name": draw(texts),
        "detail": draw(texts),
        "data": draw(texts),
        "status": draw(statuses),
        "destination_0": draw(st.one_of(addresses, st.just({}), st.none())),
        **{f"try_count_{i}": draw(st.sampled_from([0, 1, INT32 - 1])) for i in range(5)},
        "tm_create": draw(times.filter(lambda t: t is not None)),
    }
    for i in range(1, 5):
        if draw(st.booleans()) or draw(st.booleans()):
            target[f"destination_{i}"] = draw(slots)
    for key in ("tm_update", "tm_delete"):
        if draw(st.booleans()):
            target[key] = draw(times)
    kind = draw(damage)
    key = draw(st.sampled_from(sorted(target)))
    if kind == "value":
        target[key] = draw(hostile_ints if key.startswith("try_count") else any_json)
    elif kind == "count":
        target[f"try_count_{draw(st.integers(0, 4))}"] = draw(hostile_ints)
    elif kind == "drop":
        del target[key]
    elif kind == "extra":
        target["field_added_later"] = draw(any_json)
    elif kind == "uuid":
        target["id"] = draw(hostile_uuids)
    elif kind.startswith("address"):
        address = draw(addresses)
        if kind == "address extra":
            address["field_added_later"] = draw(any_json)
        else:
            address[draw(st.sampled_from(["type", "target", "name"]))] = draw(any_json)
        target[f"destination_{draw(st.integers(0, 4))}"] = address
    return target


@settings(max_examples=400, deadline=None)
@given(
    st.lists(targets(), max_size=4),
    st.one_of(st.just("2026-03-01T09:30:00.1234Z"), st.none(), st.just(""), st.just(7)),
)
def test_the_fast_decode_gives_what_the_general_path_gives(
    items: list[dict[str, Any]], token: Any
) -> None:
    body = json.dumps({"result": items, "next_page_token": token}).encode()

    got, want, _ = both_ways(outdialtargets_list, body, OUTDIAL_ID)

    assert_same(got, want)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=40) | st.text(max_size=40).map(str.encode))
def test_bodies_that_are_not_pages_give_the_same_error(body: bytes) -> None:
    got, want, taken = both_ways(outdialtargets_list, body, OUTDIAL_ID)

    assert not taken or isinstance(want, Page)
    assert_same(got, want)
