"""Schemathesis against the in-process app: every operation, every check, a bounded run.

Positive and negative cases, all of schemathesis's checks (status codes and response schemas
against openapi.yaml, content types, negative data rejected, positive data accepted, ignored
auth, unsupported methods ...). The mock accepts only configured credentials here, so the
"invalid credentials are refused" check has something to refuse.

A positive case for an operation on an id would nearly always hit a uuid nobody made (404), so
such cases are pointed at fresh live resources first: the 200 answers get checked too.
"""

from __future__ import annotations

from typing import Any

import hypothesis
import schemathesis
from mock_support import SPEC_PATH, outdial_body, outplan_body, target_body

from voipbin_outdial.testing import VoipbinMock

MAX_EXAMPLES = 25

mock = VoipbinMock(tokens={"conformance-token"}, accesskeys={"conformance-key"})
schema = schemathesis.openapi.from_path(SPEC_PATH)
schema.app = mock.app
schema.config.update(headers={"Authorization": "Bearer conformance-token"})
schema.config.generation.update(max_examples=MAX_EXAMPLES)


def _point_at_live_resources(case: schemathesis.Case) -> None:
    params: dict[str, Any] = case.path_parameters
    store = mock.store
    if case.path.startswith("/outplans/"):
        params["id"] = store.create_outplan(outplan_body())["id"]
        return
    params["id"] = outdial_id = store.create_outdial(outdial_body())["id"]
    if "/targets" in case.path:
        made = [store.create_target(outdial_id, target_body()) for _ in range(2)]
        if "target_id" in params:
            params["target_id"] = made[0]["id"]


@schema.parametrize()
@hypothesis.settings(deadline=None)
def test_operation_conforms(case: schemathesis.Case) -> None:
    meta = case.meta
    if meta is not None and meta.generation.mode.is_positive and "id" in case.path_parameters:
        _point_at_live_resources(case)
    case.call_and_validate()
