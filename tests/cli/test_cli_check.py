"""``voipbin-outdial check`` against the standalone mock, as an operator runs it."""

from __future__ import annotations

import json
import subprocess
import uuid
from datetime import timedelta
from typing import Any

import pytest

from voipbin_outdial import VoipbinClient

from .conftest import cli

SECRET = "sk-cli-check-0123456789"
TEL = {"type": "tel", "target": "+15550000001"}
EMPTY = {"type": "", "target": ""}  # VoIPBIN's zero-value address: nothing to dial
# A destination the call manager does not dial (only tel and sip); VoIPBIN's API accepts it.
EMAIL = {"type": "email", "target": "ada@example.com"}


def make_campaign(
    base_url: str, maxes: tuple[int, ...], contacts: list[tuple[str, list[Any]]]
) -> dict[str, str]:
    with VoipbinClient(accesskey=SECRET, base_url=base_url) as client:
        plan = client.outplans.create(
            name="check plan",
            detail="for the check command",
            source={"type": "tel", "target": "+15559876543"},
            dial_timeout=timedelta(seconds=30),
            try_interval=timedelta(minutes=10),
            max_try_counts=maxes,
        )
        outdial = client.outdials.create(
            name="check outdial", detail="leads", data="q3", campaign_id=uuid.uuid4()
        )
        for name, destinations in contacts:
            client.outdialtargets.create(
                outdial.id,
                name=name,
                detail=f"{name}'s card",
                data="crm",
                destinations=destinations,
            )
    return {"outplan": str(plan.id), "outdial": str(outdial.id), "base_url": base_url}


def run_check(campaign: dict[str, str], *extra: str) -> subprocess.CompletedProcess[str]:
    args = ["check", "--outdial", campaign["outdial"], "--outplan", campaign["outplan"]]
    return cli(*args, "--base-url", campaign["base_url"], *extra, env={"VOIPBIN_ACCESSKEY": SECRET})


@pytest.fixture(scope="module")
def troubled(mock_server: str) -> dict[str, str]:
    """Tries 2/1/0/0/0: one target with an empty destination_1, one fine, one with nothing to
    dial (an email address, then an empty one: VoIPBIN refuses a target whose every
    destination is empty). Every slot with tries is set (a null one is stored as ``{}``)."""
    return make_campaign(
        mock_server,
        (2, 1, 0, 0, 0),
        [
            ("empty-second", [TEL, EMPTY]),
            ("fine", [TEL, TEL]),
            ("nothing-to-dial", [EMAIL, EMPTY]),
        ],
    )


def test_check_prints_the_findings_and_exits_3_on_an_error(troubled: dict[str, str]) -> None:
    result = run_check(troubled, "--verbose")  # one line a finding (the default: a summary)

    assert result.returncode == 3, result.stderr
    lines = result.stdout.splitlines()
    assert "3 targets; 3 error, 1 warning, 0 info" in lines[0]
    rows = [line.split(maxsplit=4) for line in lines[3:]]
    # Targets in the order the API lists them: newest first.
    assert [(r[0], r[2], r[3]) for r in rows] == [
        ("error", "nothing-to-dial", "destination_0"),
        ("error", "nothing-to-dial", "destination_1"),
        ("warning", "nothing-to-dial", "-"),
        ("error", "empty-second", "destination_1"),
    ]
    assert all(uuid.UUID(r[1]) for r in rows)
    assert "campaign stops" in result.stdout
    assert SECRET not in result.stdout + result.stderr


def test_check_json_is_for_machines(troubled: dict[str, str]) -> None:
    result = run_check(troubled, "--json")

    assert result.returncode == 3, result.stderr
    report = json.loads(result.stdout)
    assert report["targets"] == 3
    assert report["counts"] == {"error": 3, "warning": 1, "info": 0}
    assert [(f["severity"], f["name"], f["field"]) for f in report["findings"]] == [
        ("error", "nothing-to-dial", "destination_0"),
        ("error", "nothing-to-dial", "destination_1"),
        ("warning", "nothing-to-dial", None),
        ("error", "empty-second", "destination_1"),
    ]
    assert all(uuid.UUID(f["target_id"]) for f in report["findings"])


def test_a_sound_campaign_exits_0(mock_server: str) -> None:
    campaign = make_campaign(mock_server, (2, 1, 0, 0, 0), [("a", [TEL, TEL]), ("b", [TEL, TEL])])

    result = run_check(campaign)

    assert result.returncode == 0, result.stderr
    assert "2 targets; 0 error, 0 warning, 0 info" in result.stdout


def test_an_outplan_with_every_max_zero_is_an_error(mock_server: str) -> None:
    campaign = make_campaign(mock_server, (0, 0, 0, 0, 0), [("a", [TEL])])

    result = run_check(campaign, "--json")

    assert result.returncode == 3
    (finding,) = json.loads(result.stdout)["findings"]
    assert finding["target_id"] is None
    assert "dials nobody" in finding["message"]


def test_an_unknown_outplan_is_one_line_and_exit_1(troubled: dict[str, str]) -> None:
    result = run_check(troubled | {"outplan": str(uuid.uuid4())})

    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert "not found" in result.stderr.lower()
    assert SECRET not in result.stderr


def test_check_needs_both_ids() -> None:
    result = cli("check", "--outdial", str(uuid.uuid4()))

    assert result.returncode == 2
    assert "--outplan" in result.stderr
