"""voipbin_outdial.dialplan.check: a preflight of an outplan and its targets, as findings."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import pytest
from dialplan_support import (
    SHAPES,
    address,
    make_outplan,
    make_target,
    shaped,
    shaped_plan,
    slots,
    target_uuid,
)

from voipbin_outdial.dialplan import Finding, check

ME = UUID(target_uuid(1))
ONE_SLOT = {"max_try_count_0": 2, **{f"max_try_count_{i}": 0 for i in range(1, 5)}}


def one_slot_plan(**overrides: Any) -> dict[str, Any]:
    """Tries on destination_0 only, so the null slots of make_target() are not findings."""
    return make_outplan(**{**ONE_SLOT, **overrides})


def found(
    target: dict[str, Any], outplan: dict[str, Any] | None = None, shape: str = "dict"
) -> list[tuple[str, UUID | None, str | None]]:
    plan = shaped_plan(shape, outplan or one_slot_plan())
    return [(f.severity, f.target_id, f.field) for f in check(plan, [shaped(shape, target)])]


@pytest.mark.parametrize("shape", SHAPES)
def test_a_sound_campaign_has_no_findings(shape: str) -> None:
    over, plan_over = slots("AB...", (1, 0, 0, 0, 0), (2, 1, 0, 0, 0))
    assert found(make_target(**over), make_outplan(**plan_over), shape) == []


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("empty", [{}, {"type": "", "target": ""}])
def test_an_empty_destination_with_tries_left_is_an_error(
    shape: str, empty: dict[str, str]
) -> None:
    """The engine dials it (bin-outdial-manager/pkg/dbhandler/outdialtarget.go,
    outdialTargetSelectAvailable tests only ``is null``); the call manager refuses it
    (bin-call-manager/pkg/callhandler/outgoing_call.go, CreateCallOutgoing: "the destination
    type must be sip or tel"); executeCall returns the error and Execute stops the campaign
    (bin-campaign-manager/pkg/campaignhandler/execute.go)."""
    over, plan_over = slots("A....", (0, 0, 0, 0, 0), (1, 2, 0, 0, 0))
    target = make_target(**{**over, "destination_1": empty})

    findings = check(shaped_plan(shape, make_outplan(**plan_over)), [shaped(shape, target)])

    assert [(f.severity, f.target_id, f.field) for f in findings] == [
        ("error", ME, "destination_1")
    ]
    assert "refused" in findings[0].message
    assert "stops" in findings[0].message
    assert "2 of max_try_count_1" in findings[0].message


def test_a_destination_of_a_type_the_call_manager_does_not_dial_is_an_error() -> None:
    target = make_target(destination_0={"type": "agent", "target": "a1b2"})
    findings = check(one_slot_plan(), [target])
    assert [(f.severity, f.field) for f in findings] == [
        ("error", "destination_0"),
        ("warning", None),  # and nothing else can be dialed
    ]
    assert "'agent'" in findings[0].message


def test_an_empty_destination_already_used_up_is_not_a_finding() -> None:
    over, plan_over = slots("A{...", (0, 1, 0, 0, 0), (1, 1, 0, 0, 0))
    assert found(make_target(**over), make_outplan(**plan_over)) == []


def test_a_null_destination_with_a_max_is_worth_knowing() -> None:
    over, plan_over = slots("A....", (0, 0, 0, 0, 0), (1, 3, 0, 0, 0))
    findings = check(make_outplan(**plan_over), [make_target(**over)])
    assert [(f.severity, f.field) for f in findings] == [("info", "destination_1")]
    assert "skips" in findings[0].message


def test_a_count_above_a_lowered_max_is_a_warning() -> None:
    """execute.go, getTargetDestination skips a slot whose count is at or above its max."""
    over, plan_over = slots("AB...", (4, 0, 0, 0, 0), (2, 1, 0, 0, 0))
    findings = check(make_outplan(**plan_over), [make_target(**over)])
    assert [(f.severity, f.field) for f in findings] == [("warning", "try_count_0")]
    assert "4, above max_try_count_0 of 2" in findings[0].message


def test_all_maxima_zero_is_one_error_for_the_outplan() -> None:
    outplan = make_outplan(**{f"max_try_count_{i}": 0 for i in range(5)})
    targets = [make_target(id=target_uuid(n)) for n in range(3)]
    findings = check(outplan, targets)
    assert findings == [
        Finding("error", None, None, "every max_try_count is 0: the campaign dials nobody")
    ]


def test_a_target_that_can_never_be_dialed_is_a_warning() -> None:
    over, plan_over = slots(".B...", (0, 0, 0, 0, 0), (2, 0, 0, 0, 0))
    findings = check(make_outplan(**plan_over), [make_target(**over)])
    assert [(f.severity, f.target_id, f.field) for f in findings] == [
        ("info", ME, "destination_0"),
        ("warning", ME, None),
    ]
    assert "never called" in findings[1].message


def test_an_exhausted_target_is_not_never_dialed() -> None:
    assert found(make_target(try_count_0=2)) == []


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        pytest.param({"try_count_0": 1.0}, [("error", ME, "try_count_0")], id="float-count"),
        pytest.param({"try_count_2": True}, [("error", ME, "try_count_2")], id="bool-count"),
        pytest.param({"tm_update": "later"}, [("error", ME, "tm_update")], id="bad-time"),
        pytest.param({"id": "contact-7"}, [("error", None, "id")], id="bad-id"),
        pytest.param({"status": "paused"}, [("warning", ME, "status")], id="unknown-status"),
        pytest.param({"status": "done", "try_count_0": 9.5}, [], id="done-is-not-looked-at"),
    ],
)
def test_values_the_api_does_not_send_are_findings_not_exceptions(
    overrides: dict[str, Any], expected: list[tuple[str, UUID | None, str | None]]
) -> None:
    assert found(make_target(**overrides)) == expected


def test_a_bad_outplan_is_one_error() -> None:
    findings = check(make_outplan(try_interval=None), [make_target()])
    assert findings == [Finding("error", None, None, "outplan is missing 'try_interval'")]


def test_findings_come_in_the_targets_order() -> None:
    targets = [
        make_target(id=target_uuid(2), try_count_0=3),
        make_target(id=target_uuid(1), destination_0={}),
        make_target(id=target_uuid(3), destination_0=address(0)),
    ]
    findings = check(one_slot_plan(), targets)
    assert [(f.target_id, f.field) for f in findings] == [
        (UUID(target_uuid(2)), "try_count_0"),
        (UUID(target_uuid(2)), None),
        (UUID(target_uuid(1)), "destination_0"),
        (UUID(target_uuid(1)), None),
    ]
