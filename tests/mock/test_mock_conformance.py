"""Schemathesis against the in-process app: every operation, a bounded run, two ways.

* ``strict=True`` against openapi.yaml plus the two rules strict mode adds (no unknown fields in
  a body or an address, ``page_size`` from 1 to 100), positive and negative cases, every check of
  schemathesis (status codes and response schemas, content types, negative data rejected,
  positive data accepted, ignored auth ...). So strict mode is exactly the spec.
* The default (VoIPBIN's behaviour) against openapi.yaml as it is, positive cases only: whatever
  the spec allows, the mock takes and answers as the spec says. (Negative cases are left out:
  VoIPBIN itself takes much that the spec forbids, such as an outplan without a name.)

Schemathesis's ``unsupported_method`` check (a 405 for a method the path lacks) is off: VoIPBIN
answers 404 ``ROUTE_NOT_FOUND`` there (bin-api-manager/server/no_route.go ``NoRoute``).

A positive case for an operation on an id would nearly always hit a uuid nobody made (404), so
such cases are pointed at fresh live resources first: the 200 answers get checked too. And JSON
Schema counts ``3.0`` as an integer but Go does not (400 ``INVALID_JSON_BODY``, pinned in
test_mock_errors.py), so such numbers are sent as ``3``.
"""

from __future__ import annotations

import copy
import functools
import uuid
from typing import Any

import hypothesis
import schemathesis
from mock_support import outdial_body, outplan_body, request_schemas, spec, target_body
from schemathesis.config import OperationConfig, OperationsConfig

from voipbin_outdial.testing import VoipbinMock
from voipbin_outdial.testing._campaign_ops import ZERO_CAMPAIGNCALL
from voipbin_outdial.testing._operations import apply

STRICT_EXAMPLES = 25
DEFAULT_EXAMPLES = 10
REQUEST_SCHEMAS = (*request_schemas(), "Address")  # every request body, and the address in them


@functools.cache
def strict_spec() -> dict[str, Any]:
    """openapi.yaml with what strict mode adds: no unknown fields, ``page_size`` 1..100."""
    document = copy.deepcopy(spec())
    schemas = document["components"]["schemas"]
    for name in REQUEST_SCHEMAS:
        schemas[name]["additionalProperties"] = False
    page_size = document["components"]["parameters"]["PageSize"]["schema"]
    page_size.update(minimum=1, maximum=100)
    return document


def _schema(document: dict[str, Any], mock: VoipbinMock, examples: int) -> Any:
    schema = schemathesis.openapi.from_dict(document)
    schema.app = mock.app
    schema.config.update(headers={"Authorization": "Bearer conformance-token"})
    schema.config.generation.update(max_examples=examples)
    schema.config.checks.update(excluded_check_names=["unsupported_method"])
    return schema


strict_mock = VoipbinMock(tokens={"conformance-token"}, accesskeys={"conformance-key"}, strict=True)
default_mock = VoipbinMock(tokens={"conformance-token"}, accesskeys={"conformance-key"})
strict_schema = _schema(strict_spec(), strict_mock, STRICT_EXAMPLES)
# The coverage phase of a target create (its five-way "a destination with a target" anyOf)
# would take as long as all the rest; its fuzzed cases, positive and negative, stay.
strict_schema.config.operations = OperationsConfig(
    operations=[
        OperationConfig.from_dict(
            {
                "include-operation-id": "outdialtargets_create",
                "phases": {"coverage": {"enabled": False}},
            }
        ),
        # A campaign's resources are checked (400 for an id of nothing, campaignhandler's
        # validateResources), which no schema can say: made-up ids are refused. An action's
        # free-form option holds any JSON, whose edges (huge numbers, lone surrogates) Go's
        # decoder and the mock's may read differently: the acceptance check is left out there.
        *(
            OperationConfig.from_dict(
                {
                    "include-operation-id": operation_id,
                    "checks": {"positive_data_acceptance": {"enabled": False}},
                }
            )
            for operation_id in (
                "campaigns_create",
                "campaigns_update_resource_info",
                "campaigns_update_actions",
            )
        ),
    ]
)
default_schema = _schema(spec(), default_mock, DEFAULT_EXAMPLES)
default_schema.config.generation.update(modes=[schemathesis.GenerationMode.POSITIVE])
default_schema.config.phases.update(phases=["examples", "fuzzing"])  # the strict run covers
default_schema.config.operations = strict_schema.config.operations


def _integral_floats_as_ints(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {key: _integral_floats_as_ints(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_integral_floats_as_ints(item) for item in value]
    return value


def _prepare(case: schemathesis.Case, mock: VoipbinMock) -> None:
    case.body = _integral_floats_as_ints(case.body)
    _point_at_live_resources(case, mock)


def _point_at_live_resources(case: schemathesis.Case, mock: VoipbinMock) -> None:
    meta = case.meta
    if meta is None or not meta.generation.mode.is_positive or "id" not in case.path_parameters:
        return
    params: dict[str, Any] = case.path_parameters
    store = mock.store
    if case.path.startswith("/outplans/"):
        params["id"] = store.create_outplan(outplan_body())["id"]
        return
    if case.path.startswith(("/campaigns/", "/campaigncalls/")):
        campaign = apply("campaigns_create", store, {"name": "c"})
        params["id"] = campaign["id"]
        if case.path.startswith("/campaigncalls/"):
            record = {**ZERO_CAMPAIGNCALL, "id": str(uuid.uuid4()), "status": "done"}
            record |= {"customer_id": campaign["customer_id"], "campaign_id": campaign["id"]}
            params["id"] = store.insert("campaigncall", record)["id"]
        return
    params["id"] = outdial_id = store.create_outdial(outdial_body())["id"]
    if "/targets" in case.path:
        made = [store.create_target(outdial_id, target_body()) for _ in range(2)]
        if "target_id" in params:
            params["target_id"] = made[0]["id"]


@strict_schema.parametrize()
@hypothesis.settings(deadline=None)
def test_strict_mode_is_the_spec(case: schemathesis.Case) -> None:
    _prepare(case, strict_mock)
    case.call_and_validate()


@default_schema.parametrize()
@hypothesis.settings(deadline=None)
def test_the_default_takes_whatever_the_spec_allows(case: schemathesis.Case) -> None:
    _prepare(case, default_mock)
    case.call_and_validate()
