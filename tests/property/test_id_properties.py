"""Ids in request paths: the fast path for canonical ids agrees with parsing every id."""

from __future__ import annotations

from uuid import UUID

import pytest
from hypothesis import given
from hypothesis import strategies as st

from voipbin_outdial import _calls
from voipbin_outdial._args import to_id_text, to_uuid
from voipbin_outdial._generated.api.outdial import (
    outdials_delete,
    outdials_get,
    outdialtargets_delete,
    outdialtargets_get,
)
from voipbin_outdial._generated.api.outplan import outplans_delete, outplans_get

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


BY_ID = [
    (_calls.outplans_get_call, outplans_get._get_kwargs),
    (_calls.outplans_delete_call, outplans_delete._get_kwargs),
    (_calls.outdials_get_call, outdials_get._get_kwargs),
    (_calls.outdials_delete_call, outdials_delete._get_kwargs),
]
BY_TWO_IDS = [
    (_calls.outdialtargets_get_call, outdialtargets_get._get_kwargs),
    (_calls.outdialtargets_delete_call, outdialtargets_delete._get_kwargs),
]


@pytest.mark.parametrize(("build", "get_kwargs"), BY_ID)
@given(resource_id=st.uuids())
def test_by_id_calls_match_the_generated_request(
    build: object, get_kwargs: object, resource_id: UUID
) -> None:
    call = build(str(resource_id).upper(), None)  # type: ignore[operator]
    request = get_kwargs(id=resource_id)  # type: ignore[operator]
    assert (call.method, call.path, call.params, call.json) == (
        request["method"].upper(),
        request["url"],
        None,
        None,
    )


@pytest.mark.parametrize(("build", "get_kwargs"), BY_TWO_IDS)
@given(outdial_id=st.uuids(), target_id=st.uuids())
def test_by_two_ids_calls_match_the_generated_request(
    build: object, get_kwargs: object, outdial_id: UUID, target_id: UUID
) -> None:
    call = build(outdial_id, str(target_id), None)  # type: ignore[operator]
    request = get_kwargs(id=outdial_id, target_id=target_id)  # type: ignore[operator]
    assert (call.method, call.path) == (request["method"].upper(), request["url"])
