"""``voipbin-outdial check`` summarizes: one line a kind of finding with a count and a few ids
(``--verbose``: every finding; ``--json``: unchanged)."""

from __future__ import annotations

import json
import uuid

from voipbin_outdial.cli._summary import group_findings
from voipbin_outdial.dialplan import Finding

from .test_cli_check import EMAIL, EMPTY, TEL, make_campaign, run_check

IDS = [uuid.UUID(int=n) for n in range(1, 8)]


def test_findings_of_one_kind_are_one_group_with_the_first_ids() -> None:
    findings = [
        Finding("warning", IDS[0], "try_count_0", "try_count_0 is 3, above max_try_count_0 of 2"),
        *(Finding("error", i, "destination_1", "destination_1 is {}: stops") for i in IDS[:5]),
        Finding("warning", IDS[1], "try_count_0", "try_count_0 is 4, above max_try_count_0 of 2"),
        Finding("error", None, None, "every max_try_count is 0: the campaign dials nobody"),
        Finding("error", IDS[6], "destination_2", "destination_2 is {}: stops"),
    ]

    groups = group_findings(findings)

    assert [(g.first.severity, g.first.field, g.count) for g in groups] == [
        ("error", "destination_1", 5),
        ("error", None, 1),
        ("error", "destination_2", 1),
        ("warning", "try_count_0", 2),  # the numbers differ, the kind is the same
    ]
    assert groups[0].examples == tuple(IDS[:3])
    assert groups[0].examples_text() == f"{IDS[0]}, {IDS[1]}, {IDS[2]} (+2 more)"
    assert groups[1].examples_text() == "-"
    assert groups[3].first.message.endswith("is 3, above max_try_count_0 of 2")
    assert sum(g.count for g in groups) == len(findings)


def test_check_prints_one_line_a_kind(mock_server: str) -> None:
    contacts = [(f"empty-{k}", [TEL, EMPTY]) for k in range(6)]
    contacts += [("fine", [TEL, TEL]), ("nothing-to-dial", [EMAIL, EMPTY])]
    campaign = make_campaign(mock_server, (2, 1, 0, 0, 0), contacts)

    result = run_check(campaign)
    verbose = run_check(campaign, "--verbose")
    as_json = run_check(campaign, "--json")

    assert result.returncode == verbose.returncode == as_json.returncode == 3, result.stderr
    lines = result.stdout.splitlines()
    assert "8 targets; 8 error, 1 warning, 0 info" in lines[0]
    assert lines[1].split()[:3] == ["severity", "count", "field"]
    rows = [line.split(maxsplit=3) for line in lines[3:]]
    assert [(r[0], r[1], r[2]) for r in rows] == [  # in the order each kind is first found
        ("error", "1", "destination_0"),  # the email target (the newest: listed first)
        ("error", "7", "destination_1"),  # its empty slot and the six others'
        ("warning", "1", "-"),
    ]
    assert lines[4].endswith("(+4 more)")
    assert len(verbose.stdout.splitlines()) == 3 + 9  # title, header, rule, every finding
    findings = json.loads(as_json.stdout)["findings"]
    assert len(findings) == 9
    ids = {f["target_id"] for f in findings if f["field"] == "destination_1"}
    shown = lines[4].split("(+")[0].split()[-3:]
    assert {s.rstrip(",") for s in shown} <= ids
