"""Arguments are checked and converted before any request: ids, milliseconds, counts, addresses."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any
from uuid import UUID

import httpx
import pytest
import respx
from facade_support import CAMPAIGN_ID, OUTDIAL_ID, PLAN_ID, MakeHarness, outplan, target

from voipbin_outdial._args import to_duration_ms
from voipbin_outdial.errors import (
    ArgumentError,
    ArgumentTypeError,
    InvalidArgumentError,
    VoipbinError,
)
from voipbin_outdial.models import Address, AddressType

TEL = {"type": "tel", "target": "+15559876543"}
GOOD_PLAN: dict[str, Any] = {
    "name": "p",
    "source": TEL,
    "dial_timeout": 30000,
    "try_interval": 60000,
    "max_try_counts": [5, 5, 5, 5, 5],
}


@pytest.fixture
def no_requests(api: respx.MockRouter) -> respx.Route:
    """A route for everything; tests assert it was never called."""
    return api.route()


# -- milliseconds -------------------------------------------------------------------------------


def test_dial_timeout_in_seconds_by_mistake_explains_the_unit() -> None:
    with pytest.raises(ValueError, match="milliseconds") as caught:
        to_duration_ms(30, "dial_timeout")
    assert str(caught.value) == (
        "dial_timeout=30 is 30 milliseconds; VoIPBIN takes milliseconds, "
        "so pass 30000 or timedelta(seconds=30)"
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (30000, 30000),
        (1000, 1000),
        (timedelta(seconds=30), 30000),
        (timedelta(milliseconds=500), 500),
        (timedelta(hours=1), 3600000),
        (2**31 - 1, 2**31 - 1),
        (timedelta(milliseconds=2**31 - 1), 2**31 - 1),
    ],
)
def test_durations_become_milliseconds(value: int | timedelta, expected: int) -> None:
    assert to_duration_ms(value, "dial_timeout") == expected


@pytest.mark.parametrize(
    ("value", "error", "match"),
    [
        (30, ValueError, "dial_timeout=30 is 30 milliseconds"),
        (999, ValueError, "pass 999000 or timedelta"),
        (0, ValueError, "dial_timeout must be more than 0 milliseconds, got 0"),
        (timedelta(0), ValueError, "dial_timeout must be more than 0 milliseconds"),
        (timedelta(microseconds=499), ValueError, "more than 0 milliseconds"),
        (-1, ValueError, "dial_timeout cannot be negative, got -1"),
        (2**31, ValueError, "dial_timeout can be at most 2147483647 ms"),
        (10**17, ValueError, "32-bit integer"),
        (timedelta(days=25), ValueError, r"at most 2147483647 ms \(24 days, 20:31:23.647000\)"),
        (timedelta(seconds=-1), ValueError, "negative"),
        (True, TypeError, "dial_timeout"),
        (30.0, TypeError, "dial_timeout"),
        ("30000", TypeError, "dial_timeout"),
    ],
)
def test_bad_durations(value: Any, error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match) as caught:
        to_duration_ms(value, "dial_timeout")
    assert isinstance(caught.value, ArgumentError)
    assert caught.value.param == "dial_timeout"
    assert "pass 0 " not in str(caught.value)


def test_try_interval_may_be_zero_but_not_a_few_ms() -> None:
    assert to_duration_ms(0, "try_interval", allow_zero=True) == 0
    with pytest.raises(ValueError, match="try_interval=60 is 60 milliseconds"):
        to_duration_ms(60, "try_interval", allow_zero=True)


@pytest.mark.parametrize(
    ("override", "error", "match"),
    [
        ({"dial_timeout": 30}, ValueError, "milliseconds"),
        ({"try_interval": 60}, ValueError, "milliseconds"),
        ({"dial_timeout": True}, TypeError, "dial_timeout"),
        ({"max_try_counts": [5, 5, 5, 5]}, ValueError, "exactly 5"),
        ({"max_try_counts": [5, 5, 5, 5, 5, 5]}, ValueError, "exactly 5"),
        ({"max_try_counts": [5, 5, 5, 5, -1]}, ValueError, "negative"),
        ({"max_try_counts": [2**31, 5, 5, 5, 5]}, ValueError, "at most 2147483647"),
        ({"max_try_counts": [5, 5, 5, 5, True]}, TypeError, "True"),
        ({"max_try_counts": [5, 5, 5, 5, 1.5]}, TypeError, "1.5"),
        ({"max_try_counts": "55555"}, TypeError, "max_try_counts"),
        ({"max_try_counts": 5}, TypeError, "max_try_counts"),
        ({"source": {"type": "tel"}}, ValueError, "'target' is missing"),
        ({"source": "+15559876543"}, TypeError, "source must be an Address"),
    ],
)
@pytest.mark.parametrize("dotted", ["outplans.create", "outplans.update_dial_info"])
async def test_bad_dial_settings_fail_before_any_request(
    make_harness: MakeHarness,
    no_requests: respx.Route,
    dotted: str,
    override: dict[str, Any],
    error: type[Exception],
    match: str,
) -> None:
    harness = await make_harness()
    kwargs = {**GOOD_PLAN, **override}
    args: tuple[Any, ...] = ()
    if dotted.endswith("update_dial_info"):
        del kwargs["name"]
        args = (PLAN_ID,)

    with pytest.raises(error, match=match):
        await harness.call(dotted, *args, **kwargs)

    assert not no_requests.called


async def test_timedelta_and_address_objects_are_accepted(
    make_harness: MakeHarness, api: respx.MockRouter
) -> None:
    route = api.post("/outplans").respond(200, json=outplan())
    harness = await make_harness()
    source = Address(type_=AddressType.SIP, target="sip:bob@example.com")

    await harness.call(
        "outplans.create",
        name="p",
        source=source,
        dial_timeout=timedelta(seconds=45),
        try_interval=timedelta(minutes=10),
        max_try_counts=(1, 0, 0, 0, 0),
    )

    sent = json.loads(route.calls.last.request.content)
    assert sent["source"] == {"type": "sip", "target": "sip:bob@example.com"}
    assert (sent["dial_timeout"], sent["try_interval"]) == (45000, 600000)
    assert sent["detail"] == ""


# -- ids ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("dotted", "args", "name"),
    [
        ("outplans.get", ("nope",), "outplan_id"),
        ("outplans.delete", ("",), "outplan_id"),
        ("outdials.get", ("40bea034",), "outdial_id"),
        ("outdials.update_campaign_id", (OUTDIAL_ID, "campaign-7"), "campaign_id"),
        ("outdialtargets.get", (OUTDIAL_ID, "x"), "target_id"),
        ("outdialtargets.list", ("../outplans",), "outdial_id"),
    ],
)
async def test_a_malformed_id_names_the_parameter(
    make_harness: MakeHarness,
    no_requests: respx.Route,
    dotted: str,
    args: tuple[str, ...],
    name: str,
) -> None:
    harness = await make_harness()

    with pytest.raises(ValueError, match=f"{name} must be a UUID"):
        await harness.call(dotted, *args)

    assert not no_requests.called


async def test_an_id_of_the_wrong_type_is_a_type_error(
    make_harness: MakeHarness, no_requests: respx.Route
) -> None:
    harness = await make_harness()

    with pytest.raises(TypeError, match="outplan_id must be a str or UUID, not int"):
        await harness.call("outplans.get", 42)

    assert not no_requests.called


async def test_iter_checks_its_outdial_id_before_iterating(
    make_harness: MakeHarness, no_requests: respx.Route
) -> None:
    harness = await make_harness()

    with pytest.raises(ValueError, match="outdial_id"):
        harness.method("outdialtargets.iter")("not-an-id")


@pytest.mark.parametrize(
    "spelling",
    [PLAN_ID.upper(), "{" + PLAN_ID + "}", PLAN_ID.replace("-", ""), f"urn:uuid:{PLAN_ID}"],
)
async def test_ids_are_sent_in_canonical_form(
    make_harness: MakeHarness, api: respx.MockRouter, spelling: str
) -> None:
    route = api.get(f"/outplans/{PLAN_ID}").respond(200, json=outplan())
    harness = await make_harness()

    await harness.call("outplans.get", spelling)

    assert route.called


# -- destinations ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("destinations", "error", "match"),
    [
        ([], ValueError, "1 to 5"),
        ([TEL] * 6, ValueError, "1 to 5"),
        ([None, None], ValueError, "at least one address with a target"),
        ([{"type": "tel", "target": ""}], ValueError, "at least one address with a target"),
        ([None, {"type": "tel", "target": ""}], ValueError, "at least one address with a target"),
        ([TEL, "+8210"], TypeError, r"destinations\[1\]"),
        ([{"target": "+8210"}], ValueError, "'type' is missing"),
        (TEL, TypeError, "destinations must be a sequence"),
        ("+8210", TypeError, "destinations must be a sequence"),
    ],
)
async def test_bad_destinations_fail_before_any_request(
    make_harness: MakeHarness,
    no_requests: respx.Route,
    destinations: Any,
    error: type[Exception],
    match: str,
) -> None:
    harness = await make_harness()

    with pytest.raises(error, match=match):
        await harness.call(
            "outdialtargets.create",
            OUTDIAL_ID,
            name="t",
            detail="d",
            data="x",
            destinations=destinations,
        )

    assert not no_requests.called


async def test_destinations_fill_the_slots_in_order(
    make_harness: MakeHarness, api: respx.MockRouter
) -> None:
    route = api.post(f"/outdials/{OUTDIAL_ID}/targets").respond(200, json=target())
    harness = await make_harness()
    mobile = Address(type_=AddressType.TEL, target="+821100000002")

    await harness.call(
        "outdialtargets.create",
        UUID(OUTDIAL_ID),
        name="Kim",
        detail="VIP",
        data="{}",
        destinations=(TEL, None, mobile, None, {"type": "email", "target": "kim@example.com"}),
    )

    # Every slot is sent, an empty one as {}: VoIPBIN's published spec requires all five, and
    # the server stores {} for an empty slot whatever it was sent.
    sent = json.loads(route.calls.last.request.content)
    assert sent == {
        "name": "Kim",
        "detail": "VIP",
        "data": "{}",
        "destination_0": TEL,
        "destination_1": {},
        "destination_2": {"type": "tel", "target": "+821100000002"},
        "destination_3": {},
        "destination_4": {"type": "email", "target": "kim@example.com"},
    }


async def test_an_unknown_address_type_is_sent_as_given(
    make_harness: MakeHarness, api: respx.MockRouter
) -> None:
    route = api.post(f"/outdials/{OUTDIAL_ID}/targets").respond(200, json=target())
    harness = await make_harness()

    await harness.call(
        "outdialtargets.create",
        OUTDIAL_ID,
        name="t",
        detail="d",
        data="x",
        destinations=[{"type": "fax", "target": "+8210"}],
    )

    sent = json.loads(route.calls.last.request.content)
    assert sent["destination_0"] == {"type": "fax", "target": "+8210"}
    assert [sent[f"destination_{n}"] for n in range(1, 5)] == [{}, {}, {}, {}]


# -- what VoIPBIN refuses is refused first -------------------------------------------------------

# method -> (its positional arguments, keyword arguments VoIPBIN takes)
CREATES: dict[str, tuple[tuple[Any, ...], dict[str, Any]]] = {
    "outdials.create": ((), {"campaign_id": CAMPAIGN_ID, "name": "l", "detail": "d", "data": "x"}),
    "outdialtargets.create": (
        (OUTDIAL_ID,),
        {"name": "Ada", "detail": "VIP", "data": "x", "destinations": [TEL]},
    ),
}
OUTDIAL, TARGET = "outdials.create", "outdialtargets.create"


@pytest.mark.parametrize(
    ("method", "changes", "error", "match"),
    [
        (OUTDIAL, {"name": ""}, ValueError, "^name must not be empty"),
        (OUTDIAL, {"detail": ""}, ValueError, "^detail must not be empty"),
        (OUTDIAL, {"data": ""}, ValueError, "^data must not be empty"),
        (OUTDIAL, {"name": None}, TypeError, "^name must be a str, not None$"),
        (OUTDIAL, {"data": 7}, TypeError, "^data must be a str, not int"),
        (OUTDIAL, {"campaign_id": "00000000-0000-0000-0000-000000000000"}, ValueError, "nil UUID"),
        (OUTDIAL, {"campaign_id": UUID(int=0)}, ValueError, "nil UUID"),
        (OUTDIAL, {"campaign_id": "leads"}, ValueError, "^campaign_id must be a UUID"),
        (OUTDIAL, {"campaign_id": None}, TypeError, "^campaign_id must be a str or UUID"),
        (OUTDIAL, {"name": "", "campaign_id": UUID(int=0)}, ValueError, "^campaign_id"),  # order
        (TARGET, {"name": ""}, ValueError, "^name must not be empty"),
        (TARGET, {"detail": ""}, ValueError, "^detail must not be empty"),
        (TARGET, {"data": ""}, ValueError, "^data must not be empty"),
        (TARGET, {"detail": None}, TypeError, "^detail must be a str"),
        (TARGET, {"data": "", "destinations": []}, ValueError, "^data"),  # the server's order
    ],
)
async def test_a_create_refuses_what_voipbin_refuses(
    make_harness: MakeHarness,
    no_requests: respx.Route,
    method: str,
    changes: dict[str, Any],
    error: type[Exception],
    match: str,
) -> None:
    harness = await make_harness()
    args, kwargs = CREATES[method]

    with pytest.raises(error, match=match):
        await harness.call(method, *args, **{**kwargs, **changes})

    assert not no_requests.called


# -- issue 13: one kind of error for every wrong argument, before any request ----------------------


@pytest.mark.parametrize(
    ("dotted", "args", "kwargs", "param"),
    [
        ("outplans.create", (), {**GOOD_PLAN, "name": None}, "name"),
        ("outplans.create", (), {**GOOD_PLAN, "source": None}, "source"),
        ("outplans.create", (), {**GOOD_PLAN, "detail": None}, "detail"),
        # outplans.update's name=None means "keep the name" (issue 24: test_facade_partial_updates)
        (OUTDIAL, (), {**CREATES[OUTDIAL][1], "name": None}, "name"),
        (OUTDIAL, (), {**CREATES[OUTDIAL][1], "campaign_id": None}, "campaign_id"),
        ("outdials.update_data", (OUTDIAL_ID, None), {}, "data"),
        (TARGET, (OUTDIAL_ID,), {**CREATES[TARGET][1], "name": None}, "name"),
        (TARGET, (OUTDIAL_ID,), {**CREATES[TARGET][1], "destinations": None}, "destinations"),
        (
            TARGET,
            (OUTDIAL_ID,),
            {**CREATES[TARGET][1], "destinations": [{"type": "tel", "target": None}]},
            "destinations[0].target",
        ),
        ("outplans.get", (None,), {}, "outplan_id"),
    ],
)
async def test_none_for_a_value_fails_the_same_way_before_any_request(
    make_harness: MakeHarness,
    no_requests: respx.Route,
    dotted: str,
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
    param: str,
) -> None:
    """issue 13: name=None went to the server (a 400), source=None was a TypeError."""
    harness = await make_harness()

    with pytest.raises(ArgumentTypeError) as caught:
        await harness.call(dotted, *args, **kwargs)

    assert caught.value.param == param
    assert str(caught.value).startswith(f"{param} must be ")
    assert str(caught.value).endswith("not None")
    assert isinstance(caught.value, VoipbinError)
    assert isinstance(caught.value, TypeError)
    assert not no_requests.called


@pytest.mark.parametrize(
    ("method", "missing"),
    [
        (OUTDIAL, "campaign_id"),
        (OUTDIAL, "detail"),
        (OUTDIAL, "data"),
        (TARGET, "detail"),
        (TARGET, "data"),
        (TARGET, "destinations"),
    ],
)
async def test_a_create_has_no_default_voipbin_would_refuse(
    make_harness: MakeHarness, no_requests: respx.Route, method: str, missing: str
) -> None:
    harness = await make_harness()
    args, kwargs = CREATES[method]

    with pytest.raises(TypeError, match=missing):
        await harness.call(method, *args, **{k: v for k, v in kwargs.items() if k != missing})

    assert not no_requests.called


@pytest.mark.parametrize(
    ("dotted", "args", "kwargs", "param"),
    [
        ("outplans.create", (), {**GOOD_PLAN, "name": "Ada \ud800"}, "name"),
        ("outplans.update", (PLAN_ID,), {"name": "n", "detail": "\udfff"}, "detail"),
        ("outdials.update_data", (OUTDIAL_ID, "x\ud83d"), {}, "data"),
        (
            "outplans.create",
            (),
            {**GOOD_PLAN, "source": {"type": "tel", "target": "+1\ud800"}},
            "source.target",
        ),
        (
            TARGET,
            (OUTDIAL_ID,),
            {**CREATES[TARGET][1], "destinations": [TEL, {"type": "sip", "target": "a\udc00"}]},
            "destinations[1].target",
        ),
    ],
)
async def test_a_string_that_cannot_be_sent_names_its_field(
    make_harness: MakeHarness,
    no_requests: respx.Route,
    dotted: str,
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
    param: str,
) -> None:
    """issue 13: a lone surrogate raised UnicodeEncodeError from deep in httpx, naming nothing."""
    harness = await make_harness()

    with pytest.raises(InvalidArgumentError, match="lone surrogate") as caught:
        await harness.call(dotted, *args, **kwargs)

    assert caught.value.param == param
    assert str(caught.value).startswith(param)
    assert isinstance(caught.value, ValueError)
    assert not no_requests.called


@pytest.mark.parametrize(
    ("timeout", "error", "match"),
    [
        (-1, InvalidArgumentError, "timeout must be a positive, finite number of seconds"),
        (0, InvalidArgumentError, "positive"),
        (float("nan"), InvalidArgumentError, "positive"),
        (float("inf"), InvalidArgumentError, "finite"),
        ("x", ArgumentTypeError, "timeout must be seconds"),
        (True, ArgumentTypeError, "timeout must be seconds"),
        (httpx.Timeout(5.0, read=None), InvalidArgumentError, "its read timeout is None"),
        (httpx.Timeout(None), InvalidArgumentError, "is None"),
    ],
)
@pytest.mark.parametrize("dotted", ["outplans.get", "outplans.list", "outdials.create"])
async def test_a_per_call_timeout_is_checked_before_any_request(
    make_harness: MakeHarness,
    no_requests: respx.Route,
    dotted: str,
    timeout: Any,
    error: type[ArgumentError],
    match: str,
) -> None:
    """issue 13: only the constructor's timeout was checked; -1 or "x" failed deep in httpx."""
    harness = await make_harness()
    args = {"outplans.get": (PLAN_ID,), "outplans.list": (), "outdials.create": ()}[dotted]
    kwargs = CREATES[OUTDIAL][1] if dotted == OUTDIAL else {}

    with pytest.raises(error, match=match) as caught:
        await harness.call(dotted, *args, timeout=timeout, **kwargs)

    assert caught.value.param == "timeout"
    assert not no_requests.called


@pytest.mark.parametrize(
    ("dotted", "args", "param"),
    [
        ("outplans.get", ("nope",), "outplan_id"),
        ("outplans.list", (), "page_size"),
        ("outdialtargets.get", (OUTDIAL_ID, 7), "target_id"),
    ],
)
async def test_argument_errors_are_caught_as_voipbin_and_as_builtin_errors(
    make_harness: MakeHarness,
    no_requests: respx.Route,
    dotted: str,
    args: tuple[Any, ...],
    param: str,
) -> None:
    harness = await make_harness()
    kwargs = {"page_size": 0} if param == "page_size" else {}

    with pytest.raises(VoipbinError) as as_ours:
        await harness.call(dotted, *args, **kwargs)
    with pytest.raises((ValueError, TypeError)) as as_builtin:
        await harness.call(dotted, *args, **kwargs)

    assert isinstance(as_ours.value, ArgumentError)
    assert as_ours.value.param == param
    assert type(as_builtin.value) is type(as_ours.value)
