"""The mock's control endpoints under ``/_mock`` (issue 14), in process: reset, the clock, a
campaign run, faults and the state, each the HTTP face of a ``VoipbinMock`` method.

The same endpoints over a real socket, as ``curl`` drives them, are in test_mock_control_server.py.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any, Final

import httpx
import pytest
from mock_support import AUTH, T0, WIRE_TIME, address, outdial_body, outplan_body, target_body

from voipbin_outdial.testing import CONTROL_REASON, ResponseDropped, VoipbinMock
from voipbin_outdial.timeutil import parse_timestamp

CONTROL: Final = "https://api.voipbin.net/_mock"
MISSING: Final = "0b5c1f9e-7a55-4c38-9d6b-2f1c0c9d8e11"
DAY_MS: Final = 86_400_000


def ok(response: httpx.Response) -> Any:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/json; charset=utf-8"
    return response.json()


def refused(response: httpx.Response, field: str | None, status_code: int = 400) -> str:
    """Assert a control error in VoIPBIN's envelope naming ``field``; its message."""
    assert response.status_code == status_code, response.text
    error = response.json()["error"]
    if status_code == 400:
        assert (error["status"], error["reason"]) == ("INVALID_ARGUMENT", CONTROL_REASON)
        assert error.get("details") == (None if field is None else [{"field": field}])
    if field is not None:
        assert field.rsplit(".", 1)[-1] in error["message"]
    assert response.headers["x-request-id"] == error["request_id"]
    message: str = error["message"]
    return message


def time_of(text: str) -> Any:
    assert WIRE_TIME.fullmatch(text), text
    return parse_timestamp(text)


def campaign(http: httpx.Client, plan: dict[str, Any] | None = None, targets: int = 2) -> Any:
    """An outplan (one try by default) and an outdial with ``targets`` targets, made over the
    API; their ids."""
    outplan = ok(http.post("/outplans", json=plan or outplan_body()))
    outdial = ok(http.post("/outdials", json=outdial_body()))
    for n in range(targets):
        body = target_body(address(f"+1555010{n}"), None, None, None, None, name=f"t{n}")
        ok(http.post(f"/outdials/{outdial['id']}/targets", json=body))
    return {"outplan_id": outplan["id"], "outdial_id": outdial["id"]}


def one_try_on_one_slot() -> dict[str, Any]:
    return outplan_body(
        max_try_count_0=2, max_try_count_1=0, max_try_count_2=0, max_try_count_3=0,
        max_try_count_4=0, try_interval=600_000,
    )  # fmt: skip


# --- the state and reset ---------------------------------------------------------------------


def test_state_counts_records_by_kind_and_targets_by_status(
    mock: VoipbinMock, http: httpx.Client
) -> None:
    ids = campaign(http, targets=3)
    ok(http.post("/outplans", json=outplan_body()))
    target = ok(http.get(f"/outdials/{ids['outdial_id']}/targets"))["result"][0]
    ok(http.delete(f"/outdials/{ids['outdial_id']}/targets/{target['id']}"))

    state = ok(http.get(f"{CONTROL}/state"))

    assert state["outplans"] == {"total": 2, "deleted": 0}
    assert state["outdials"] == {"total": 1, "deleted": 0}
    assert state["outdialtargets"] == {"total": 3, "deleted": 1, "by_status": {"idle": 2}}
    assert time_of(state["now"]) == mock.now - timedelta(seconds=1)  # the step clock ticked
    assert state["faults"] == {
        "latency_ms": 0.0,
        "too_many_requests": 0.0,
        "drop_after_commit": 0.0,
        "seed": None,
        "rate_limit": None,
        "fail_next": [],
    }


def test_reset_forgets_records_and_failures_and_restores_the_faults_made_with() -> None:
    mock = VoipbinMock(latency=0.0, too_many_requests=0.0, fault_seed=3, rate_limit=(5, 7))
    with mock.client(headers=AUTH) as http:
        ok(http.post("/outplans", json=outplan_body()))
        before = time_of(ok(http.post(f"{CONTROL}/clock", json={"advance_ms": DAY_MS}))["now"])
        ok(http.post(f"{CONTROL}/faults", json={"drop_after_commit": 0.5, "rate_limit": False}))
        ok(http.post(f"{CONTROL}/faults", json={"fail_next": {"status": 503, "times": 3}}))

        state = ok(http.post(f"{CONTROL}/reset"))

        assert state["outplans"] == {"total": 0, "deleted": 0}
        assert state["faults"]["drop_after_commit"] == 0.0
        assert state["faults"]["seed"] == 3
        assert state["faults"]["rate_limit"] == {"per_second": 5, "burst": 7}
        assert state["faults"]["fail_next"] == []
        assert time_of(state["now"]) >= before  # the clock does not go back
        assert ok(http.get("/outplans"))["result"] == []  # no queued 503 is left


# --- the clock ---------------------------------------------------------------------------------


def test_advancing_the_clock_moves_the_times_the_api_writes(http: httpx.Client) -> None:
    first = time_of(ok(http.post("/outplans", json=outplan_body()))["tm_create"])

    now = time_of(ok(http.post(f"{CONTROL}/clock", json={"advance_ms": 3_600_000}))["now"])
    later = time_of(ok(http.post("/outplans", json=outplan_body()))["tm_create"])

    assert now >= first + timedelta(hours=1)
    assert now <= later < now + timedelta(seconds=5)  # the clock runs on from there


def test_setting_the_clock_to_a_time(http: httpx.Client) -> None:
    moved = ok(http.post(f"{CONTROL}/clock", json={"now": "2030-05-01T08:00:00Z"}))

    assert moved == {"now": "2030-05-01T08:00:00Z"}
    outplan = ok(http.post("/outplans", json=outplan_body()))
    assert outplan["tm_create"].startswith("2030-05-01T08:00:0")


def test_the_clock_never_goes_back(http: httpx.Client) -> None:
    ok(http.post(f"{CONTROL}/clock", json={"now": "2030-05-01T08:00:00Z"}))

    message = refused(http.post(f"{CONTROL}/clock", json={"now": "2030-05-01T07:59:59Z"}), "now")

    assert "does not go back" in message
    assert "2030-05-01T07:59:59Z" in message
    assert ok(http.post(f"{CONTROL}/clock", json={"advance_ms": 0}))["now"] >= "2030-05-01T08"


def test_a_campaign_run_moves_the_clock_to_its_last_event(
    mock: VoipbinMock, http: httpx.Client
) -> None:
    """``Campaign.run`` leaves the store at its last event (the last hangup, 60 s after the
    last call); the clock endpoint moves on from there and cannot go back before it."""
    ids = campaign(http, targets=1)
    run = ok(http.post(f"{CONTROL}/campaigns/run", json=ids))
    last_hangup = time_of(run["calls"][-1]["ended_at"])
    assert time_of(run["now"]) >= last_hangup

    refused(http.post(f"{CONTROL}/clock", json={"now": run["calls"][0]["at"]}), "now")
    moved = ok(http.post(f"{CONTROL}/clock", json={"advance_ms": 1000}))
    assert time_of(moved["now"]) >= last_hangup + timedelta(seconds=1)
    assert mock.now >= time_of(moved["now"])


def test_a_campaign_starts_at_the_time_the_clock_was_moved_to(http: httpx.Client) -> None:
    ids = campaign(http, targets=1)
    ok(http.post(f"{CONTROL}/clock", json={"now": "2031-01-05T09:00:00Z"}))

    run = ok(http.post(f"{CONTROL}/campaigns/run", json=ids))

    assert run["start"].startswith("2031-01-05T09:00:0")
    assert run["calls"][0]["at"] == run["start"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        pytest.param({}, "advance_ms", id="neither"),
        pytest.param({"advance_ms": DAY_MS, "now": "2030-01-01T00:00:00Z"}, "now", id="both"),
        pytest.param({"advance_ms": -1}, "advance_ms", id="negative"),
        pytest.param({"advance_ms": 1.5}, "advance_ms", id="fraction"),
        pytest.param({"advance_ms": "60000"}, "advance_ms", id="text"),
        pytest.param({"advance_ms": True}, "advance_ms", id="bool"),
        pytest.param({"now": "tomorrow"}, "now", id="not-a-time"),
        pytest.param({"now": 1_700_000_000}, "now", id="epoch"),
        pytest.param({"advance_ms": DAY_MS, "advance": 1000}, "advance", id="misspelt"),
        pytest.param({"now": "9999-06-01T00:00:00Z"}, "now", id="the-year-of-never"),
        pytest.param({"advance_ms": 10**20}, "advance_ms", id="more-than-a-century"),
    ],
)
def test_bad_clock_requests_name_the_field(
    http: httpx.Client, body: dict[str, Any], field: str
) -> None:
    before = time_of(ok(http.get(f"{CONTROL}/state"))["now"])

    refused(http.post(f"{CONTROL}/clock", json=body), field)

    after = time_of(ok(http.get(f"{CONTROL}/state"))["now"])
    assert after - before < timedelta(seconds=10)  # the step clock's ticks; nothing moved it


# --- campaigns -------------------------------------------------------------------------------


def test_a_run_answers_the_calls_placed_and_the_api_shows_the_new_statuses(
    http: httpx.Client,
) -> None:
    ids = campaign(http, one_try_on_one_slot(), targets=2)

    run = ok(http.post(f"{CONTROL}/campaigns/run", json={**ids, "answer": False}))

    assert run["stop_reason"] == "exhausted"
    calls = run["calls"]
    assert [(c["index"], c["try_number"], c["hangup_reason"]) for c in calls] == [
        (0, 1, "noanswer"),
        (0, 1, "noanswer"),
        (0, 2, "noanswer"),
        (0, 2, "noanswer"),
    ]
    assert all(not c["answered"] and not c["success"] for c in calls)
    assert time_of(calls[1]["at"]) - time_of(calls[0]["at"]) == timedelta(milliseconds=500)
    assert time_of(calls[0]["ended_at"]) - time_of(calls[0]["at"]) == timedelta(seconds=60)
    assert calls[0]["address"] == address("+15550100")  # t0: the least recently updated
    targets = ok(http.get(f"/outdials/{ids['outdial_id']}/targets"))["result"]
    assert {(t["status"], t["try_count_0"]) for t in targets} == {("idle", 2)}
    assert {c["target_id"] for c in calls} == {t["id"] for t in targets}


def test_an_answered_run_leaves_the_targets_done(http: httpx.Client) -> None:
    ids = campaign(http, targets=3)

    run = ok(http.post(f"{CONTROL}/campaigns/run", json={**ids, "answer": 1, "talk_time_ms": 0}))

    assert [c["hangup_reason"] for c in run["calls"]] == ["normal"] * 3
    assert ok(http.get(f"{CONTROL}/state"))["outdialtargets"]["by_status"] == {"done": 3}


def test_a_seed_repeats_a_run(http: httpx.Client) -> None:
    def outcomes() -> list[bool]:
        ok(http.post(f"{CONTROL}/reset"))
        ids = campaign(http, targets=8)
        run = ok(http.post(f"{CONTROL}/campaigns/run", json={**ids, "answer": 0.5, "seed": 11}))
        return [c["success"] for c in run["calls"]]

    first = outcomes()
    assert first == outcomes()
    assert set(first) == {True, False}


@pytest.mark.parametrize(
    ("until", "placed"),
    [
        # 1 s after the start: the call at the start + 1 s is still placed.
        pytest.param(1_000, 3, id="milliseconds-after-the-start"),
        # The start is a few microseconds after T0 (the records took those): the third call,
        # at the start + 1 s, comes after 12:00:01.
        pytest.param("2024-01-01T12:00:01Z", 2, id="rfc3339"),
    ],
)
def test_until_places_no_call_after_it(until: Any, placed: int) -> None:
    mock = VoipbinMock(clock=lambda: T0)  # a frozen clock: the run starts at T0
    with mock.client(headers=AUTH) as http:
        ids = campaign(http, targets=5)

        run = ok(http.post(f"{CONTROL}/campaigns/run", json={**ids, "until": until}))

        assert run["stop_reason"] == "until"
        start = time_of(run["start"])
        assert timedelta(0) < start - T0 < timedelta(milliseconds=1)
        steps = [timedelta(milliseconds=500 * n) for n in range(placed)]
        assert [time_of(c["at"]) - start for c in run["calls"]] == steps
        states = ok(http.get(f"{CONTROL}/state"))["outdialtargets"]["by_status"]
        assert states == {"idle": 5}  # the calls placed still hung up


def test_end_handle_stop_and_ring_time(http: httpx.Client) -> None:
    ids = campaign(http, one_try_on_one_slot(), targets=1)

    run = ok(
        http.post(
            f"{CONTROL}/campaigns/run",
            json={**ids, "end_handle": "stop", "ring_time_ms": 20_000},
        )
    )

    assert run["stop_reason"] == "no_target"  # no target available while the first call rings
    (call,) = run["calls"]
    assert time_of(call["ended_at"]) - time_of(call["at"]) == timedelta(seconds=20)


@pytest.mark.parametrize(
    ("kind", "reason"), [("outplan_id", "OUTPLAN_NOT_FOUND"), ("outdial_id", "OUTDIAL_NOT_FOUND")]
)
def test_a_run_of_what_is_not_there_is_404(http: httpx.Client, kind: str, reason: str) -> None:
    ids = campaign(http, targets=1)

    response = http.post(f"{CONTROL}/campaigns/run", json={**ids, kind: MISSING})

    refused(response, None, 404)
    assert response.json()["error"]["reason"] == reason
    assert MISSING in response.json()["error"]["message"]


def test_a_run_of_a_deleted_outdial_is_404(http: httpx.Client) -> None:
    ids = campaign(http, targets=1)
    ok(http.delete(f"/outdials/{ids['outdial_id']}"))

    response = http.post(f"{CONTROL}/campaigns/run", json=ids)

    assert response.json()["error"]["reason"] == "OUTDIAL_NOT_FOUND"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        pytest.param({"outplan_id": None}, "outplan_id", id="outplan-missing"),
        pytest.param({"outdial_id": "list-1"}, "outdial_id", id="outdial-not-a-uuid"),
        pytest.param({"outdial_id": 7}, "outdial_id", id="outdial-a-number"),
        pytest.param({"answer": 1.5}, "answer", id="answer-above-1"),
        pytest.param({"answer": "yes"}, "answer", id="answer-text"),
        pytest.param({"seed": 1.5}, "seed", id="seed-fraction"),
        pytest.param({"until": "soon"}, "until", id="until-not-a-time"),
        pytest.param({"until": -5}, "until", id="until-negative"),
        pytest.param({"until": 10**20}, "until", id="until-in-a-thousand-centuries"),
        pytest.param({"talk_time_ms": -1}, "talk_time_ms", id="talk-time-negative"),
        pytest.param({"ring_time_ms": 10**20}, "ring_time_ms", id="ring-time-huge"),
        pytest.param({"ring_time_ms": "60s"}, "ring_time_ms", id="ring-time-text"),
        pytest.param({"end_handle": "pause"}, "end_handle", id="end-handle-unknown"),
        pytest.param({"answered": True}, "answered", id="misspelt"),
    ],
)
def test_bad_run_requests_name_the_field_and_place_no_call(
    http: httpx.Client, change: dict[str, Any], field: str
) -> None:
    ids = campaign(http, targets=1)

    refused(http.post(f"{CONTROL}/campaigns/run", json={**ids, **change}), field)

    assert ok(http.get(f"{CONTROL}/state"))["outdialtargets"]["by_status"] == {"idle": 1}
    target = ok(http.get(f"/outdials/{ids['outdial_id']}/targets"))["result"][0]
    assert target["try_count_0"] == 0


# --- faults ----------------------------------------------------------------------------------


def test_faults_change_while_serving_and_control_requests_are_spared(
    mock: VoipbinMock, http: httpx.Client
) -> None:
    faults = ok(http.post(f"{CONTROL}/faults", json={"too_many_requests": 1, "seed": 5}))
    assert (faults["too_many_requests"], faults["seed"]) == (1.0, 5)

    throttled = http.get("/outplans")
    assert throttled.status_code == 429
    assert throttled.json()["error"]["reason"] == "RATE_LIMIT_EXCEEDED"
    assert ok(http.get(f"{CONTROL}/state"))["faults"]["too_many_requests"] == 1.0  # not throttled

    faults = ok(http.post(f"{CONTROL}/faults", json={"too_many_requests": 0}))
    assert faults["seed"] == 5  # fields left out stay
    assert mock.faults.too_many_requests == 0.0
    ok(http.get("/outplans"))


def test_dropped_responses_over_the_control_endpoint(http: httpx.Client) -> None:
    ok(http.post(f"{CONTROL}/faults", json={"drop_after_commit": 1}))

    with pytest.raises(ResponseDropped):
        http.post("/outplans", json=outplan_body())

    assert ok(http.get(f"{CONTROL}/state"))["outplans"]["total"] == 1  # made, answer lost


def test_latency_is_waited_before_each_api_request(
    http: httpx.Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    waits: list[float] = []

    async def sleep(seconds: float) -> None:
        waits.append(seconds)

    monkeypatch.setattr("voipbin_outdial.testing._faults.asyncio.sleep", sleep)
    ok(http.post(f"{CONTROL}/faults", json={"latency_ms": 250}))

    ok(http.get("/outplans"))
    ok(http.get(f"{CONTROL}/state"))

    assert waits == [0.25]


def test_the_rate_limit_and_queued_failures(http: httpx.Client) -> None:
    faults = ok(
        http.post(
            f"{CONTROL}/faults",
            json={"rate_limit": {"per_second": 1, "burst": 2}, "fail_next": {"status": 503}},
        )
    )
    assert faults["rate_limit"] == {"per_second": 1, "burst": 2}
    assert faults["fail_next"] == [503]

    codes = [http.get("/outplans").status_code for _ in range(3)]

    assert codes == [503, 200, 429]  # the failure comes after the limit counted the request
    assert ok(http.post(f"{CONTROL}/faults", json={"rate_limit": False}))["rate_limit"] is None
    assert [http.get("/outplans").status_code for _ in range(40)] == [200] * 40


@pytest.mark.parametrize(
    ("body", "field"),
    [
        pytest.param({"latency_ms": -1}, "latency_ms", id="latency-negative"),
        pytest.param({"latency_ms": "fast"}, "latency_ms", id="latency-text"),
        pytest.param({"too_many_requests": 1.5}, "too_many_requests", id="429-above-1"),
        pytest.param({"drop_after_commit": True}, "drop_after_commit", id="drop-a-bool"),
        pytest.param({"seed": "x"}, "seed", id="seed-text"),
        pytest.param({"rate_limit": "on"}, "rate_limit", id="limit-text"),
        pytest.param({"rate_limit": {"per_second": 5}}, "rate_limit.burst", id="limit-no-burst"),
        pytest.param(
            {"rate_limit": {"per_second": 5, "burst": 0}}, "rate_limit.burst", id="limit-burst-0"
        ),
        pytest.param(
            {"rate_limit": {"per_second": 5, "burst": 2, "x": 1}}, "rate_limit.x", id="limit-extra"
        ),
        pytest.param({"fail_next": {"status": 404}}, "fail_next.status", id="fail-404"),
        pytest.param({"fail_next": {"status": 503, "times": 0}}, "fail_next.times", id="times-0"),
        pytest.param({"fail_next": 503}, "fail_next", id="fail-not-an-object"),
        pytest.param({"latency": 0.5}, "latency", id="seconds-field"),
    ],
)
def test_bad_fault_requests_name_the_field_and_change_nothing(
    http: httpx.Client, body: dict[str, Any], field: str
) -> None:
    before = ok(http.get(f"{CONTROL}/state"))["faults"]

    refused(http.post(f"{CONTROL}/faults", json={"too_many_requests": 1, **body}), field)

    assert ok(http.get(f"{CONTROL}/state"))["faults"] == before


# --- the endpoints themselves ----------------------------------------------------------------


def test_control_needs_no_credential_and_the_api_still_does(mock: VoipbinMock) -> None:
    with mock.client() as anonymous:
        assert anonymous.get(f"{CONTROL}/state").status_code == 200
        assert anonymous.get("/outplans").status_code == 401


@pytest.mark.parametrize(
    ("method", "path", "allow"),
    [
        ("GET", "/reset", "POST"),
        ("POST", "/state", "GET"),
        ("DELETE", "/campaigns/run", "POST"),
        ("GET", "/campaigns/run", "POST"),  # not a held campaign's id
        ("GET", "/campaigns", "POST"),
        ("POST", f"/campaigns/{MISSING}", "GET"),
    ],
)
def test_a_method_a_path_does_not_take_is_405(
    http: httpx.Client, method: str, path: str, allow: str
) -> None:
    response = http.request(method, f"{CONTROL}{path}")

    refused(response, None, 405)
    assert response.headers["allow"] == allow


@pytest.mark.parametrize(
    "url",
    [f"{CONTROL}/nothing", "https://api.voipbin.net/v1.0/_mock/state", f"{CONTROL}/state/x"],
)
def test_control_is_only_under_mock(http: httpx.Client, url: str) -> None:
    response = http.get(url)

    assert response.status_code == 404
    assert response.json()["error"]["reason"] == "ROUTE_NOT_FOUND"


@pytest.mark.parametrize("content", [b"{", b"[]", b'"reset"'])
def test_a_body_that_is_not_a_json_object_is_400(http: httpx.Client, content: bytes) -> None:
    refused(http.post(f"{CONTROL}/clock", content=content), None)


def test_the_python_methods_behind_the_endpoints() -> None:
    mock = VoipbinMock(clock=lambda: T0)

    assert mock.advance_clock(90_000) == T0 + timedelta(seconds=90)
    assert mock.now == T0 + timedelta(seconds=90)
    assert mock.move_clock_to(T0 + timedelta(hours=1)) == T0 + timedelta(hours=1)
    with pytest.raises(ValueError, match="does not go back"):
        mock.move_clock_to(T0)
    with pytest.raises(ValueError, match="negative"):
        mock.advance_clock(-1)
    with pytest.raises(ValueError, match="9999"):  # VoIPBIN reads that year as "never"
        mock.move_clock_to(datetime(9999, 1, 1, tzinfo=UTC))
    with pytest.raises(ValueError, match="9999"):
        mock.advance_clock(timedelta.max)
    assert mock.set_faults(latency=0.5).latency == 0.5
    with pytest.raises(ValueError, match="too_many_requests"):
        mock.set_faults(too_many_requests=2.0)
    mock.set_rate_limit(True)
    assert mock.rate_limiter.limit == (17, 33)  # VoIPBIN's 16.7, rounded as its limiter does
    mock.fail_next(500, times=2)
    assert mock.pending_failures == [500, 500]
    mock.reset()
    assert (mock.faults.latency, mock.rate_limiter.limit, mock.pending_failures) == (0, None, [])
    assert mock.now == T0 + timedelta(hours=1)
