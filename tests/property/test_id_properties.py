"""Ids: the fast path for canonical ids in request paths, and parse_uuid in the generated models,
agree with parsing every id with UUID()."""

from __future__ import annotations

from uuid import UUID

import pytest
from hypothesis import given
from hypothesis import strategies as st

from voipbin_outdial._args import to_id_text, to_uuid
from voipbin_outdial._calls import by_ids
from voipbin_outdial._generated import types as generated_types
from voipbin_outdial._generated.api import (
    Operation,
    outdials_delete,
    outdials_get,
    outdials_list,
    outdialtargets_delete,
    outdialtargets_get,
    outplans_delete,
    outplans_get,
)
from voipbin_outdial._generated.types import parse_uuid

HEX = "0123456789abcdefABCDEF"
# Strings near the canonical form: hex, dashes and a few characters UUID() strips or int() takes.
near_uuid_text = st.one_of(
    st.uuids().map(str),
    st.uuids().map(lambda u: str(u).upper()),
    st.uuids().map(lambda u: "{" + str(u) + "}"),
    st.uuids().map(lambda u: u.hex),
    st.text(alphabet=HEX + "-{}:urnid _+g\u0660", min_size=30, max_size=42),
    st.text(max_size=40),
)


def _outcome(function: object, value: object) -> tuple[str, str]:
    try:
        return "ok", str(function(value, "outplan_id"))  # type: ignore[operator]
    except (TypeError, ValueError) as exc:
        return type(exc).__name__, str(exc)


@given(near_uuid_text)
def test_to_id_text_is_str_of_to_uuid(value: str) -> None:
    assert _outcome(to_id_text, value) == _outcome(to_uuid, value)


@given(st.uuids())
def test_a_canonical_id_is_taken_as_it_is(value: UUID) -> None:
    text = str(value)
    assert to_id_text(text, "outplan_id") is text
    assert to_id_text(value, "outplan_id") == text


BY_ID = [outplans_get, outplans_delete, outdials_get, outdials_delete]
BY_TWO_IDS = [outdialtargets_get, outdialtargets_delete]


@pytest.mark.parametrize("op", BY_ID)
@given(resource_id=st.uuids())
def test_by_id_calls_fill_the_operations_path(op: Operation, resource_id: UUID) -> None:
    call = by_ids(op, dict, None, some_id=str(resource_id).upper())
    assert (call.method, call.path, call.params, call.json) == (
        op.method,
        op.path.replace("{id}", str(resource_id)),
        None,
        None,
    )


@pytest.mark.parametrize("op", BY_TWO_IDS)
@given(outdial_id=st.uuids(), target_id=st.uuids())
def test_by_two_ids_calls_fill_the_operations_path(
    op: Operation, outdial_id: UUID, target_id: UUID
) -> None:
    call = by_ids(op, dict, None, a=outdial_id, b=str(target_id))
    path = op.path.replace("{id}", str(outdial_id)).replace("{target_id}", str(target_id))
    assert (call.method, call.path) == (op.method, path)


def test_by_ids_names_the_bad_id_and_refuses_an_operation_with_more_than_ids() -> None:
    with pytest.raises(ValueError, match="target_id must be a UUID"):
        by_ids(outdialtargets_get, dict, None, outdial_id=UUID(int=1), target_id="x")
    with pytest.raises(TypeError, match=r"outdials_list takes path ids \[\], query"):
        by_ids(outdials_list, dict, None, outdial_id=UUID(int=1))
    with pytest.raises(TypeError, match="outdialtargets_get takes path ids"):
        by_ids(outdialtargets_get, dict, None, outdial_id=UUID(int=1))


# -- parse_uuid: the generated models' UUID(), with the last results kept --------------------------


def _parsed(function: object, value: object) -> tuple[str, object, object]:
    try:
        result = function(value)  # type: ignore[operator]
    except Exception as exc:
        return "raised", type(exc), str(exc)
    return type(result).__name__, result, result.is_safe


@given(st.one_of(near_uuid_text, st.integers(), st.none(), st.binary(max_size=20)))
def test_parse_uuid_is_uuid(value: object) -> None:
    assert _parsed(parse_uuid, value) == _parsed(UUID, value)
    assert _parsed(parse_uuid, value) == _parsed(UUID, value)  # the second time, from the store


def test_parse_uuid_shares_one_object_for_a_repeated_id_and_stays_bounded() -> None:
    text = "40bea034-1d17-474d-a5de-da00d0861c69"
    first = parse_uuid(text)

    assert parse_uuid("".join(text)) is first
    assert first == UUID(text)
    for n in range(1000):
        assert parse_uuid(str(UUID(int=n))) == UUID(int=n)
    assert 0 < len(generated_types._recent_uuids) <= 256
    assert parse_uuid(text) == first
