"""``voipbin-outdial plan`` against the standalone mock, as an operator runs it."""

from __future__ import annotations

import json
import subprocess
import uuid
from datetime import timedelta

import httpx
import pytest

from voipbin_outdial import VoipbinClient
from voipbin_outdial.cli._status import status_summary
from voipbin_outdial.models import Outdial, Outdialtarget, Outplan
from voipbin_outdial.testing import VoipbinMock

from .conftest import cli, free_port

SECRET = "sk-cli-secret-0123456789"
CAMPAIGN_ID = "183c0d5c-691e-42f3-af2b-9bffc2740f83"


@pytest.fixture(scope="module")
def campaign(mock_server: str) -> dict[str, str]:
    """An outplan (tries 2/1/0/0/0) and an outdial with three targets, "second" with two numbers.

    Every slot with tries is either set or unused by all three: VoIPBIN's engine dials an unused
    slot that the server keeps as ``{}``, so the order would depend on how the mock keeps it."""
    with VoipbinClient(accesskey=SECRET, base_url=mock_server) as client:
        plan = client.outplans.create(
            name="cli plan",
            source={"type": "tel", "target": "+15559876543"},
            dial_timeout=timedelta(seconds=30),
            try_interval=timedelta(minutes=10),
            max_try_counts=(2, 1, 0, 0, 0),
        )
        outdial = client.outdials.create(
            campaign_id=CAMPAIGN_ID, name="cli outdial", detail="for the cli", data="x"
        )
        for name, destinations in [
            ("first", [{"type": "tel", "target": "+15550000001"}]),
            ("second", [{"type": "tel", "target": "+15550000002"}] * 2),
            ("third", [{"type": "tel", "target": "+15550000003"}]),
        ]:
            client.outdialtargets.create(
                outdial.id, name=name, detail="contact", data="x", destinations=destinations
            )
    return {"outplan": str(plan.id), "outdial": str(outdial.id), "base_url": mock_server}


def plan(
    campaign: dict[str, str], *extra: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    args = ["plan", "--outdial", campaign["outdial"], "--outplan", campaign["outplan"]]
    args += ["--base-url", campaign["base_url"], *extra]
    return cli(*args, env={"VOIPBIN_ACCESSKEY": SECRET} if env is None else env)


def test_plan_prints_where_the_targets_stand_and_who_is_dialed_next(
    campaign: dict[str, str],
) -> None:
    result = plan(campaign)

    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "Outdial 'cli outdial' with outplan 'cli plan': 3 targets, 3 idle, 0 progressing, "
        "0 done, 0 exhausted (every try used)"
    )
    assert lines[1].endswith("UTC: 3 to dial")
    rows = [line.split() for line in lines[4:]]
    assert [row[2] for row in rows] == ["first", "second", "third"]  # created in this order
    assert [row[3] for row in rows] == ["0", "0", "0"]
    assert [row[4] for row in rows] == ["+15550000001", "+15550000002", "+15550000003"]
    assert SECRET not in result.stdout + result.stderr


def test_plan_json_is_for_machines(campaign: dict[str, str]) -> None:
    result = plan(campaign, "--json")

    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["targets"] == 3
    assert report["statuses"] == {"idle": 3}
    assert report["summary"] == {"idle": 3, "progressing": 0, "done": 0, "exhausted": 0}
    assert report["to_dial"] == 3
    assert [(o["name"], o["destination_index"], o["try_number"]) for o in report["order"]] == [
        ("first", 0, 1),
        ("second", 0, 1),
        ("third", 0, 1),
    ]


def test_plan_reads_a_jwt_from_voipbin_token(campaign: dict[str, str]) -> None:
    result = plan(campaign, "--json", env={"VOIPBIN_TOKEN": "jwt-abc"})

    assert result.returncode == 0, result.stderr


def test_unknown_outdial_is_one_clear_line(campaign: dict[str, str]) -> None:
    result = plan(campaign | {"outdial": str(uuid.uuid4())})

    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert "not found" in result.stderr.lower()
    assert "Traceback" not in result.stderr
    assert SECRET not in result.stderr + result.stdout


def test_missing_credentials_say_which_variables(campaign: dict[str, str]) -> None:
    result = plan(campaign, env={})

    assert result.returncode == 1
    assert "VOIPBIN_TOKEN" in result.stderr
    assert result.stderr.count("\n") == 1


def test_unreachable_server_is_one_line_without_the_secret(campaign: dict[str, str]) -> None:
    result = plan(campaign | {"base_url": f"http://127.0.0.1:{free_port()}/v1.0"})

    assert result.returncode == 1
    assert result.stderr.startswith("voipbin-outdial: error:")
    assert result.stderr.count("\n") == 1
    assert SECRET not in result.stderr


def test_malformed_id_is_a_usage_error(campaign: dict[str, str]) -> None:
    result = plan(campaign | {"outplan": "not-a-uuid"})

    assert result.returncode == 2
    assert "not-a-uuid" in result.stderr
    assert result.stderr.count("\n") == 1


def test_missing_argument_is_a_usage_error() -> None:
    result = cli("plan", "--outplan", str(uuid.uuid4()))

    assert result.returncode == 2
    assert "--outdial" in result.stderr


def test_plan_limit_shows_the_first_n_to_dial(campaign: dict[str, str]) -> None:
    text = plan(campaign, "--limit", "2")
    machine = plan(campaign, "--limit", "2", "--json")

    assert text.returncode == machine.returncode == 0, text.stderr + machine.stderr
    lines = text.stdout.splitlines()
    assert lines[1].endswith("UTC: 3 to dial (the first 2 shown)")
    assert [line.split()[2] for line in lines[4:]] == ["first", "second"]
    report = json.loads(machine.stdout)
    assert (report["to_dial"], [o["name"] for o in report["order"]]) == (3, ["first", "second"])
    assert report["summary"]["idle"] == 3  # the summary counts every target


@pytest.mark.parametrize("limit", ["0", "-1", "two"])
def test_a_bad_limit_is_a_usage_error(campaign: dict[str, str], limit: str) -> None:
    result = plan(campaign, "--limit", limit)

    assert result.returncode == 2
    assert "--limit" in result.stderr


def one_try_campaign(client: VoipbinClient, name: str, targets: int) -> tuple[Outplan, Outdial]:
    """An outplan of one try on the first destination and an outdial of ``targets`` targets
    (``t0``, ``t1`` ...), each with one number."""
    outplan = client.outplans.create(
        name="one try",
        source={"type": "tel", "target": "+15559876543"},
        dial_timeout=30_000,
        try_interval=60_000,
        max_try_counts=(1, 0, 0, 0, 0),
    )
    outdial = client.outdials.create(campaign_id=CAMPAIGN_ID, name=name, detail="d", data="x")
    for n in range(targets):
        client.outdialtargets.create(
            outdial.id,
            name=f"t{n}",
            detail="d",
            data="x",
            destinations=[{"type": "tel", "target": f"+1555000010{n}"}],
        )
    return outplan, outdial


def test_plan_after_a_campaign_run_shows_done_exhausted_and_still_to_dial(
    mock_server: str,
) -> None:
    """The supervisor's view after a run driven over HTTP (POST /_mock/campaigns/run): one try
    per target, so an answered target is done and an unanswered one exhausted; the run stops
    placing calls after 1 s (three calls), so the fourth target is still to dial."""
    with VoipbinClient(accesskey=SECRET, base_url=mock_server) as client:
        outplan, outdial = one_try_campaign(client, "after a run", 4)
    control = mock_server.removesuffix("/v1.0") + "/_mock"
    body = {"outplan_id": str(outplan.id), "outdial_id": str(outdial.id)}
    run = httpx.post(
        f"{control}/campaigns/run", json={**body, "answer": 0.5, "seed": 3, "until": 1000}
    ).json()
    done = sum(call["success"] for call in run["calls"])
    assert (len(run["calls"]), run["stop_reason"]) == (3, "until")
    assert 0 < done < 3  # this seed answers some calls, not all

    ids = {"outplan": str(outplan.id), "outdial": str(outdial.id), "base_url": mock_server}
    text, machine = plan(ids), plan(ids, "--json")

    assert text.stdout.splitlines()[0] == (
        "Outdial 'after a run' with outplan 'one try': 4 targets, 1 idle, 0 progressing, "
        f"{done} done, {3 - done} exhausted (every try used)"
    )
    report = json.loads(machine.stdout)
    assert report["summary"] == {
        "idle": 1,
        "progressing": 0,
        "done": done,
        "exhausted": 3 - done,
    }
    assert [o["name"] for o in report["order"]] == ["t3"]
    assert text.stdout.splitlines()[1].endswith("UTC: 1 to dial")

    httpx.post(f"{control}/campaigns/run", json=body).raise_for_status()  # t3's one try
    assert plan(ids).stdout.splitlines()[1].endswith("UTC: nothing left to dial")


def test_the_summary_counts_a_live_call_as_progressing_and_keeps_unknown_statuses() -> None:
    mock = VoipbinMock()
    with VoipbinClient(token="t", http_client=mock.client()) as client:
        outplan, outdial = one_try_campaign(client, "o", 3)
        mock.campaign(outplan.id, outdial.id).run_until(timedelta(seconds=0.7))  # two calls live
        targets = list(client.outdialtargets.iter(outdial.id))
    paused = Outdialtarget.from_dict({**targets[0].to_dict(), "status": "paused"})

    assert status_summary(targets, outplan) == {
        "idle": 1,
        "progressing": 2,
        "done": 0,
        "exhausted": 0,
    }
    assert status_summary([*targets, paused], outplan)["paused"] == 1  # a status added later
