"""``voipbin-outdial check``'s summary: findings of one kind on one line, with how many targets
have it and a few of their ids (5,000 targets with the same empty slot are one line, not 5,000).

A kind is the severity, the field and the message with its numbers taken out: ``try_count_0 is 3,
above max_try_count_0 of 2`` and ``... is 4, above ... of 2`` are one kind. The line shows the
first finding's message as it is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final
from uuid import UUID

import attrs

from ..dialplan import Finding, Severity

__all__ = ["EXAMPLES", "FindingGroup", "group_findings"]

EXAMPLES: Final = 3
"""How many target ids a summary line shows."""

_ORDER: Final[dict[Severity, int]] = {"error": 0, "warning": 1, "info": 2}
_NUMBER: Final = re.compile(r"\d+")


@attrs.frozen
class FindingGroup:
    """Findings of one kind: the first of them, how many there are, the first targets' ids."""

    first: Finding
    count: int
    examples: tuple[UUID, ...]

    def examples_text(self) -> str:
        """``id, id, id (+N more)``; ``-`` for findings about the outplan."""
        if not self.examples:
            return "-"
        text = ", ".join(map(str, self.examples))
        more = self.count - len(self.examples)
        return f"{text} (+{more:,} more)" if more > 0 else text


def _kind(finding: Finding) -> tuple[str, str | None, str]:
    return finding.severity, finding.field, _NUMBER.sub("N", finding.message)


def group_findings(findings: Sequence[Finding], examples: int = EXAMPLES) -> list[FindingGroup]:
    """One group a kind: errors first, then warnings, then info; within a severity in the
    order each kind first appears."""
    firsts: dict[tuple[str, str | None, str], Finding] = {}
    counts: dict[tuple[str, str | None, str], int] = {}
    ids: dict[tuple[str, str | None, str], list[UUID]] = {}
    for finding in findings:
        kind = _kind(finding)
        firsts.setdefault(kind, finding)
        counts[kind] = counts.get(kind, 0) + 1
        seen = ids.setdefault(kind, [])
        if finding.target_id is not None and len(seen) < examples:
            seen.append(finding.target_id)
    order = sorted(firsts, key=lambda kind: _ORDER[firsts[kind].severity])  # stable
    return [FindingGroup(firsts[k], counts[k], tuple(ids[k])) for k in order]
