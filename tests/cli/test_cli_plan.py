"""``voipbin-outdial plan`` against the standalone mock, as an operator runs it."""

from __future__ import annotations

import json
import subprocess
import uuid
from datetime import timedelta

import pytest

from voipbin_outdial import VoipbinClient

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


def test_plan_prints_who_is_dialed_next(campaign: dict[str, str]) -> None:
    result = plan(campaign)

    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "3 of 3 targets to dial" in lines[0]
    rows = [line.split() for line in lines[3:]]
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
