"""The engine's rules one step at a time, for a simulator of VoIPBIN's campaign engine.

:mod:`voipbin_outdial.dialplan` answers questions about a list of targets (who is dialed next,
when); a simulator that keeps its own queue needs the step below that: what the engine makes of
one target (:func:`candidate`, on a target and an outplan read once with :func:`read_target` and
:func:`read_plan`), whether the call manager refuses a destination (:func:`is_refused`), and
the statuses and hangup reasons the rules name. The stateful mock's campaign
(:mod:`voipbin_outdial.testing`) is built on these names and no others of this package's
private modules. Each is cited to VoIPBIN's Go code where it is written.
"""

from __future__ import annotations

from ._read import Plan, Row, read_plan, read_target
from ._rules import ANSWERED_REASONS, IDLE, SUCCESS_REASON, Candidate, candidate, is_refused

__all__ = [
    "ANSWERED_REASONS",
    "IDLE",
    "SUCCESS_REASON",
    "Candidate",
    "Plan",
    "Row",
    "candidate",
    "is_refused",
    "read_plan",
    "read_target",
]
