"""``voipbin-outdial check``: what in a real outdial and outplan will trip VoIPBIN's engine."""

from __future__ import annotations

import json
import sys
from collections import Counter
from typing import Any, TextIO
from uuid import UUID

from ..dialplan import Finding, Severity, check
from ._fetch import CampaignSource, fetch_campaign
from ._render import render_table
from ._summary import group_findings

__all__ = ["EXIT_FINDINGS", "run_check"]

EXIT_FINDINGS = 3
"""The exit status when a finding is an ``error`` (1 and 2 are failures and bad arguments)."""

HEADERS = ("severity", "target", "name", "field", "finding")
SUMMARY_HEADERS = ("severity", "count", "field", "finding (the first)", "targets")
_SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")


def run_check(
    source: CampaignSource,
    *,
    as_json: bool,
    verbose: bool = False,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """Read the outplan and every target, print :func:`~voipbin_outdial.dialplan.check`'s
    findings (one line a kind, or with ``verbose`` one a finding; JSON: every finding); 0, or
    :data:`EXIT_FINDINGS` when one is an error."""
    out = out if out is not None else sys.stdout
    campaign = fetch_campaign(source, err)
    findings = check(campaign.outplan, campaign.targets)
    names = {t.id: t.name for t in campaign.targets}
    counts = Counter(f.severity for f in findings)
    if as_json:
        report = _as_json(source, len(campaign.targets), findings, names)
        out.write(json.dumps(report, indent=2) + "\n")
    else:
        summary = ", ".join(f"{counts[s]} {s}" for s in _SEVERITIES)
        title = (
            f"Check of outdial {campaign.outdial.name!r} with outplan {campaign.outplan.name!r}:"
            f" {len(campaign.targets)} targets; {summary}"
        )
        if verbose:
            render_table(title, HEADERS, [_row(f, names) for f in findings], out)
        else:
            render_table(title, SUMMARY_HEADERS, _summary_rows(findings), out)
    return EXIT_FINDINGS if counts["error"] else 0


def _summary_rows(findings: list[Finding]) -> list[list[str]]:
    return [
        [
            group.first.severity,
            f"{group.count:,}",
            group.first.field or "-",
            group.first.message,
            group.examples_text(),
        ]
        for group in group_findings(findings)
    ]


def _row(finding: Finding, names: dict[UUID, str]) -> list[str]:
    target = finding.target_id
    return [
        finding.severity,
        "-" if target is None else str(target),
        "-" if target is None else names.get(target, "-"),
        finding.field or "-",
        finding.message,
    ]


def _as_json(
    source: CampaignSource, targets: int, findings: list[Finding], names: dict[UUID, str]
) -> dict[str, Any]:
    return {
        **source.ids(),
        "targets": targets,
        "counts": {s: sum(f.severity == s for f in findings) for s in _SEVERITIES},
        "findings": [
            {
                "severity": f.severity,
                "target_id": None if f.target_id is None else str(f.target_id),
                "name": None if f.target_id is None else names.get(f.target_id),
                "field": f.field,
                "message": f.message,
            }
            for f in findings
        ],
    }
