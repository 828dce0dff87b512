"""The arguments each facade method is called with in the tests, by operationId: the one table a
new operation needs a row in. Everything else the per-operation tests need is read off
openapi.yaml; tests/unit/facade/test_facade_operations.py fails while an operation has no row.

The values are those of openapi.yaml's own examples: with them each method sends the spec's
request example as its body, at the examples' ids (tests/contract/test_contract_operations.py
checks it byte for byte). Some are given as the other types a method takes (a UUID, an Address,
a timedelta), so every kind of argument goes over the wire somewhere.
"""

from __future__ import annotations

import copy
from datetime import timedelta
from typing import Any, Final
from uuid import UUID

from voipbin_outdial._resources import OPERATIONS
from voipbin_outdial.models import Address

PLAN_ID: Final = "d5fb7357-7ddb-4f2d-87b5-8ccbfd6c039e"
OUTDIAL_ID: Final = "40bea034-1d17-474d-a5de-da00d0861c69"
TARGET_ID: Final = "1b3d7a92-7146-466d-90f5-4bc701ada4c0"
CAMPAIGN_ID: Final = "183c0d5c-691e-42f3-af2b-9bffc2740f83"
CAMPAIGNCALL_ID: Final = "56347901-5bb9-422d-add5-5a2ca47fa737"
NIL_ID: Final = "00000000-0000-0000-0000-000000000000"
TALK: Final = {
    "type": "talk",
    "option": {"text": "Hello. This is a test call.", "language": "en-US"},
}
# The spec's request examples spell every address field out; so do the arguments.
CALLER_ID: Final = {
    "type": "tel",
    "target": "+15559876543",
    "target_name": "",
    "name": "",
    "detail": "",
}
CONTACT: Final = {
    "type": "tel",
    "target": "+821100000001",
    "target_name": "",
    "name": "",
    "detail": "",
}

Arguments = tuple[tuple[Any, ...], dict[str, Any]]

ARGUMENTS: Final[dict[str, Arguments]] = {
    "outplans_list": ((), {"page_size": 10}),
    "outplans_create": (
        (),
        {
            "name": "test outplan",
            "detail": "outplan for test use.",
            "source": CALLER_ID,
            "dial_timeout": timedelta(seconds=30),
            "try_interval": 60000,
            "max_try_counts": [5, 5, 5, 5, 5],
        },
    ),
    "outplans_get": ((PLAN_ID,), {}),
    "outplans_update": (
        (UUID(PLAN_ID),),
        {"name": "test outplan", "detail": "outplan for test use."},
    ),
    "outplans_update_dial_info": (
        (PLAN_ID,),
        {
            "source": Address.from_dict(CALLER_ID),
            "dial_timeout": 30000,
            "try_interval": timedelta(hours=1),
            "max_try_counts": (3, 2, 1, 0, 0),
        },
    ),
    "outplans_delete": ((PLAN_ID,), {}),
    "outdials_list": ((), {"page_size": 100, "page_token": "2022-04-28T01:41:40.503790Z"}),
    "outdials_create": (
        (),
        {
            "campaign_id": CAMPAIGN_ID,
            "name": "test outdial",
            "detail": "outdial for test use.",
            "data": "test data",
        },
    ),
    "outdials_get": ((OUTDIAL_ID,), {}),
    "outdials_update": ((OUTDIAL_ID,), {"name": "test outdial", "detail": "outdial for test use."}),
    "outdials_update_campaign_id": ((OUTDIAL_ID, UUID(CAMPAIGN_ID)), {}),
    "outdials_update_data": ((OUTDIAL_ID, "test data"), {}),
    "outdials_delete": ((OUTDIAL_ID,), {}),
    "outdialtargets_list": ((OUTDIAL_ID,), {}),
    "outdialtargets_create": (
        (OUTDIAL_ID,),
        {
            "name": "test destination 0",
            "detail": "test detatination 0 detail",
            "data": "test data",
            "destinations": [CONTACT, None],  # sent as destination_1..4: {}
        },
    ),
    "outdialtargets_get": ((OUTDIAL_ID, TARGET_ID), {}),
    "outdialtargets_delete": ((UUID(OUTDIAL_ID), UUID(TARGET_ID)), {}),
    "campaigns_list": ((), {"page_size": 10}),
    "campaigns_create": (
        (),
        {
            "name": "test campaign",
            "detail": "test campaign detail",
            "type": "call",
            "service_level": 100,
            "end_handle": "stop",
            "actions": [TALK],  # sent with "id": the nil UUID, as VoIPBIN's spec requires one
            "outplan_id": NIL_ID,
            "outdial_id": None,  # sent as the nil UUID, and so are the two left out
        },
    ),
    "campaigns_get": ((CAMPAIGN_ID,), {}),
    "campaigns_update": (
        (UUID(CAMPAIGN_ID),),
        {
            "name": "test campaign",
            "detail": "test campaign detail",
            "type": "call",
            "service_level": 100,
            "end_handle": "stop",
        },
    ),
    "campaigns_delete": ((CAMPAIGN_ID,), {}),
    "campaigns_update_status": ((CAMPAIGN_ID, "run"), {}),
    "campaigns_update_service_level": ((CAMPAIGN_ID, 100), {}),
    "campaigns_update_actions": ((CAMPAIGN_ID, [{**TALK, "id": NIL_ID}]), {}),
    "campaigns_update_resource_info": (
        (CAMPAIGN_ID,),
        {
            "outplan_id": UUID(NIL_ID),
            "outdial_id": NIL_ID,
            "queue_id": UUID(NIL_ID),
            "next_campaign_id": NIL_ID,
        },
    ),
    "campaigns_update_next_campaign_id": ((CAMPAIGN_ID, None), {}),
    "campaigns_list_campaigncalls": ((CAMPAIGN_ID,), {}),
    "campaigncalls_list": ((), {"page_size": 100, "page_token": "2022-04-29T07:01:45.808944Z"}),
    "campaigncalls_get": ((CAMPAIGNCALL_ID,), {}),
    "campaigncalls_delete": ((UUID(CAMPAIGNCALL_ID),), {}),
}


def arguments(operation_id: str) -> Arguments:
    """A fresh copy of the operation's arguments."""
    return copy.deepcopy(ARGUMENTS[operation_id])


def call(client: Any, operation_id: str) -> Any:
    """The operation's facade method called on ``client`` (a coroutine for the async client)."""
    resource, name = OPERATIONS[operation_id]
    args, kwargs = arguments(operation_id)
    return getattr(getattr(client, resource), name)(*args, **kwargs)
