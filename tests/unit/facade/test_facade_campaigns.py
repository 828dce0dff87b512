"""client.campaigns refuses first what VoIPBIN refuses, naming the parameter, and sends every
field VoIPBIN's published spec requires.

* ``status``: ``campaignhandler.UpdateStatus`` (bin-campaign-manager/pkg/campaignhandler/
  status_stop.go) takes only ``run`` and ``stop``; ``stopping``, which VoIPBIN's spec lists, is 400.
* ``next_campaign_id``: bin-api-manager/server/campaigns.go ``PutCampaignsIdNextCampaignId``
  answers 400 for text that is not a UUID.
* an action's ``type``: bin-flow-manager/pkg/actionhandler/action.go ``ValidateActions`` refuses
  ``""``.
"""

from __future__ import annotations

import json
from typing import Any
from uuid import UUID

import httpx
import pytest
import respx
from facade_support import CAMPAIGN_ID, MakeHarness

from voipbin_outdial.errors import (
    ArgumentError,
    ArgumentTypeError,
    InvalidArgumentError,
    NotFoundError,
)

NIL = "00000000-0000-0000-0000-000000000000"


@pytest.fixture
def no_requests(api: respx.MockRouter) -> respx.Route:
    return api.route().respond(500)


@pytest.mark.parametrize(
    ("dotted", "args", "kwargs", "param", "error"),
    [
        ("campaigns.update_status", (CAMPAIGN_ID, "stopping"), {}, "status", InvalidArgumentError),
        ("campaigns.update_status", (CAMPAIGN_ID, ""), {}, "status", InvalidArgumentError),
        ("campaigns.update_status", (CAMPAIGN_ID, None), {}, "status", ArgumentTypeError),
        ("campaigns.update_status", ("c-1", "run"), {}, "campaign_id", InvalidArgumentError),
        (
            "campaigns.update_next_campaign_id",
            (CAMPAIGN_ID, "next"),
            {},
            "next_campaign_id",
            InvalidArgumentError,
        ),
        ("campaigns.create", (), {"name": "c", "type": "sms"}, "type", InvalidArgumentError),
        (
            "campaigns.create",
            (),
            {"name": "c", "end_handle": ""},
            "end_handle",
            InvalidArgumentError,
        ),
        (
            "campaigns.create",
            (),
            {"name": "c", "service_level": -1},
            "service_level",
            InvalidArgumentError,
        ),
        (
            "campaigns.create",
            (),
            {"name": "c", "service_level": True},
            "service_level",
            ArgumentTypeError,
        ),
        (
            "campaigns.create",
            (),
            {"name": "c", "outplan_id": "p"},
            "outplan_id",
            InvalidArgumentError,
        ),
        ("campaigns.create", (), {"name": None}, "name", ArgumentTypeError),
        (
            "campaigns.create",
            (),
            {"name": "c", "actions": [{}]},
            "actions[0].type",
            ArgumentTypeError,
        ),
        ("campaigns.create", (), {"name": "c", "actions": "talk"}, "actions", ArgumentTypeError),
        (
            "campaigns.update_actions",
            (CAMPAIGN_ID, [{"type": "talk"}, {"type": "talk", "id": "a"}]),
            {},
            "actions[1].id",
            InvalidArgumentError,
        ),
        ("campaigncalls.get", ("cc",), {}, "campaigncall_id", InvalidArgumentError),
    ],
)
async def test_a_refused_argument_is_named_before_any_request(
    make_harness: MakeHarness,
    no_requests: respx.Route,
    dotted: str,
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
    param: str,
    error: type[Exception],
) -> None:
    harness = await make_harness()

    with pytest.raises(error) as caught:
        await harness.call(dotted, *args, **kwargs)

    assert isinstance(caught.value, ArgumentError)
    assert caught.value.param == param
    assert not no_requests.called


async def test_create_sends_every_field_with_nil_ids_for_none(
    make_harness: MakeHarness, api: respx.MockRouter
) -> None:
    sent: list[Any] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(json.loads(request.content))
        return httpx.Response(404, json={})

    api.route(method="POST", path__regex=r"/campaigns$").mock(side_effect=answer)
    harness = await make_harness()

    with pytest.raises(NotFoundError):
        await harness.call(
            "campaigns.create", name="c", actions=[{"type": "talk"}], queue_id=UUID(int=5)
        )

    assert sent == [
        {
            "name": "c",
            "detail": "",
            "type": "call",
            "service_level": 100,
            "end_handle": "stop",
            "actions": [{"id": NIL, "type": "talk"}],
            "outplan_id": NIL,
            "outdial_id": NIL,
            "queue_id": str(UUID(int=5)),
            "next_campaign_id": NIL,
        }
    ]
