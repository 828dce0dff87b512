"""Campaigns through the API on the mock: what VoIPBIN's campaign manager does, rule by rule.

Each test cites the Go code (voipbin/monorepo at 2bf22fa; ``cm/`` is ``bin-campaign-manager/``,
``api/`` is ``bin-api-manager/``) and is a row of docs/server-behaviour.md. The mock's clock is
frozen (it moves only when a test moves it), so times are exact.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

import pytest
from campaign_support import make_campaign

from voipbin_outdial import AsyncVoipbinClient, BadRequestError, VoipbinClient
from voipbin_outdial.models import CampaigncallResult, CampaigncallStatus, CampaignStatus
from voipbin_outdial.testing import VoipbinMock
from voipbin_outdial.testing._held import dialer_of
from voipbin_outdial.timeutil import parse_timestamp

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
NIL = UUID(int=0)
CALLER = {"type": "tel", "target": "+15559876543"}
CONTROL = "https://api.voipbin.net/_mock"


@pytest.fixture
def mock() -> VoipbinMock:
    return VoipbinMock(clock=lambda: T0)


@pytest.fixture
def client(mock: VoipbinMock) -> Iterator[VoipbinClient]:
    with mock.client() as http, VoipbinClient(token="t", http_client=http) as sdk:
        yield sdk


def at(text: str | None) -> datetime | None:
    return parse_timestamp(text) if text is not None else None


def test_a_new_campaign_is_stop_with_every_key_and_nil_ids(client: VoipbinClient) -> None:
    """cm/pkg/campaignhandler/campaign.go ``Create`` (status stop whatever is sent);
    cm/models/campaign/webhook.go ``WebhookMessage`` (16 keys, unset ids the nil UUID)."""
    created = client.campaigns.create(name="c", type="flow", service_level=50)
    raw = created.to_dict()

    assert created.status is CampaignStatus.STOP
    assert len(raw) == 16
    assert (created.outplan_id, created.outdial_id, created.queue_id) == (NIL, NIL, NIL)
    assert (created.tm_update, created.tm_delete, created.actions) == (None, None, [])


def test_run_answers_run_and_the_first_call_is_one_second_later(
    client: VoipbinClient, mock: VoipbinMock
) -> None:
    """cm/pkg/campaignhandler/status_run.go ``campaignRun``: ``CampaignV1CampaignExecute(ctx, id,
    1000)``; execute.go ``executeCall``: a campaigncall created ``dialing`` per call."""
    campaign, outdial = make_campaign(client)

    running = client.campaigns.update_status(campaign.id, "run")
    assert running.status is CampaignStatus.RUN
    mock.advance_clock(999)
    assert list(client.campaigns.iter_campaigncalls(campaign.id)) == []
    mock.advance_clock(1)
    (call,) = client.campaigns.iter_campaigncalls(campaign.id)

    assert call.status is CampaigncallStatus.DIALING
    # (the mock's times are each at least 1 us after the last it gave: VoipbinMock's clock)
    assert at(call.tm_create) == at(running.tm_update) + timedelta(seconds=1)
    assert (call.outdial_id, call.campaign_id, call.try_count) == (outdial.id, campaign.id, 1)
    assert call.reference_type == "call"
    assert call.flow_id != NIL
    assert call.source is not None
    assert call.source.target == CALLER["target"]
    (target,) = client.outdialtargets.iter(outdial.id)
    assert (target.status, target.try_count_0, call.outdial_target_id) == (
        "progressing",
        1,
        target.id,
    )


def test_a_call_is_done_fail_at_its_hangup_and_success_when_answered(
    client: VoipbinClient, mock: VoipbinMock
) -> None:
    """cm/pkg/campaigncallhandler/eventhandle.go ``calcCampaigncallResultByCallHangupReason``
    (``noanswer`` -> fail, ``normal`` -> success); status.go ``Done`` (success -> target done,
    fail -> idle). Unanswered calls ring 60 s (the mock's default outcome)."""
    campaign, outdial = make_campaign(client, targets=2, end_handle="continue")
    client.campaigns.update_status(campaign.id, "run")
    mock.advance_clock(timedelta(seconds=2))
    calls = sorted(client.campaigns.iter_campaigncalls(campaign.id), key=lambda c: c.tm_create)
    assert [c.status for c in calls] == [CampaigncallStatus.DIALING] * 2
    mock.advance_clock(timedelta(seconds=60))

    first = client.campaigncalls.get(calls[0].id)
    assert (first.status, first.result) == (CampaigncallStatus.DONE, CampaigncallResult.FAIL)
    assert at(first.tm_update) == at(first.tm_create) + timedelta(seconds=60)
    assert {t.status for t in client.outdialtargets.iter(outdial.id)} == {"idle"}

    answered = VoipbinMock(clock=lambda: T0)
    dialer_of(answered.store).options = {"answer": True, "talk_time": 5000}
    with answered.client() as http, VoipbinClient(token="t", http_client=http) as other:
        campaign, outdial = make_campaign(other)
        other.campaigns.update_status(campaign.id, "run")
        answered.advance_clock(timedelta(seconds=7))
        (call,) = other.campaigns.iter_campaigncalls(campaign.id)
        (target,) = other.outdialtargets.iter(outdial.id)
    assert (call.status, call.result, target.status) == ("done", "success", "done")


def test_stop_on_a_running_campaign_answers_stopping_until_the_last_hangup(
    client: VoipbinClient, mock: VoipbinMock
) -> None:
    """cm/pkg/campaignhandler/status_stop.go ``campaignStop``/``isStoppable`` (execute still
    run: ``stopping``); campaign.go ``updateExecuteStop`` at the next ``Execute``; eventhandle.go
    ``EventHandleReferenceCallHungup`` stops it when the last live call ends."""
    campaign, _ = make_campaign(client, end_handle="continue")
    client.campaigns.update_status(campaign.id, "run")
    mock.advance_clock(timedelta(seconds=1))

    assert client.campaigns.update_status(campaign.id, "stop").status is CampaignStatus.STOPPING
    mock.advance_clock(timedelta(seconds=30))
    assert client.campaigns.get(campaign.id).status is CampaignStatus.STOPPING
    mock.advance_clock(timedelta(seconds=31))
    stopped = client.campaigns.get(campaign.id)

    (call,) = client.campaigns.iter_campaigncalls(campaign.id)
    assert stopped.status is CampaignStatus.STOP
    assert at(stopped.tm_update) == at(call.tm_update) == at(call.tm_create) + timedelta(seconds=60)


def test_stop_without_live_calls_is_stop_at_the_next_tick(
    client: VoipbinClient, mock: VoipbinMock
) -> None:
    """status_stop.go: ``stopping`` while the engine runs (execute run), ``stop`` at its next
    ``Execute`` when no call is live (execute.go ``Execute``: status != run)."""
    campaign, _ = make_campaign(client, end_handle="continue")
    client.campaigns.update_status(campaign.id, "run")

    assert client.campaigns.update_status(campaign.id, "stop").status is CampaignStatus.STOPPING
    mock.advance_clock(timedelta(seconds=1))
    assert client.campaigns.get(campaign.id).status is CampaignStatus.STOP
    assert list(client.campaigns.iter_campaigncalls(campaign.id)) == []
    assert client.campaigns.update_status(campaign.id, "stop").status is CampaignStatus.STOP


def test_end_handle_stop_ends_when_no_target_is_available(
    client: VoipbinClient, mock: VoipbinMock
) -> None:
    """execute.go ``Execute``: no target and ``end_handle == "stop"`` -> stop (``stopping``
    while the last call is live); any other value polls on every 5 s."""
    stopping, _ = make_campaign(client, end_handle="stop")
    polling, _ = make_campaign(client, end_handle="continue")
    for campaign in (stopping, polling):
        client.campaigns.update_status(campaign.id, "run")
    mock.advance_clock(timedelta(seconds=2))
    assert client.campaigns.get(stopping.id).status is CampaignStatus.STOPPING
    mock.advance_clock(timedelta(minutes=5))

    assert client.campaigns.get(stopping.id).status is CampaignStatus.STOP
    assert client.campaigns.get(polling.id).status is CampaignStatus.RUN


def test_run_without_an_outplan_or_an_outdial(client: VoipbinClient, mock: VoipbinMock) -> None:
    """status_run.go: nil ids pass ``validateResources``, so ``run`` answers run; execute.go
    ``Execute``: no outplan -> stop at the first run; an outplan but no outdial -> no target:
    ``end_handle`` stop stops, anything else runs on without dialing."""
    bare = client.campaigns.create(name="no outplan", end_handle="continue")
    plan = client.outplans.create(
        name="p", source=CALLER, dial_timeout=1000, try_interval=0, max_try_counts=[1] * 5
    )
    stops = client.campaigns.create(name="no outdial", outplan_id=plan.id, end_handle="stop")
    runs = client.campaigns.create(name="no outdial", outplan_id=plan.id, end_handle="continue")
    for campaign in (bare, stops, runs):
        assert client.campaigns.update_status(campaign.id, "run").status is CampaignStatus.RUN
    mock.advance_clock(timedelta(seconds=1))

    assert client.campaigns.get(bare.id).status is CampaignStatus.STOP
    assert client.campaigns.get(stops.id).status is CampaignStatus.STOP
    assert client.campaigns.get(runs.id).status is CampaignStatus.RUN
    assert list(client.campaigncalls.iter()) == []


def test_an_outdial_of_another_campaign_is_the_generic_400(client: VoipbinClient) -> None:
    """campaign.go ``isValidOutdialID`` (campaign_id nil or this campaign) and
    ``validateResources``; cm/pkg/listenhandler/main.go: one 400 "The request contains invalid
    data."; ``Create`` then sets a detached outdial's campaign_id to the new campaign."""
    campaign, outdial = make_campaign(client)

    with pytest.raises(BadRequestError) as refused:
        client.campaigns.create(name="second", outdial_id=outdial.id)
    assert refused.value.reason == "INVALID_ARGUMENT"
    assert refused.value.message == "The request contains invalid data."

    client.outdials.update_campaign_id(outdial.id, NIL)
    second = client.campaigns.create(name="second", outdial_id=outdial.id)
    assert client.outdials.get(outdial.id).campaign_id == second.id
    with pytest.raises(BadRequestError):  # now the first campaign's outdial is another's
        client.campaigns.update_status(campaign.id, "run")


def test_deleting_a_running_campaign_answers_a_zero_campaign_and_deletes_nothing(
    client: VoipbinClient, mock: VoipbinMock
) -> None:
    """campaign.go ``Delete``: ``if c.Status != StatusStop { return nil, err }`` with err nil;
    the RPC reads ``null`` into a zero ``Campaign`` (ch/pkg/requesthandler/common.go)."""
    campaign, _ = make_campaign(client)
    client.campaigns.update_status(campaign.id, "run")

    zero = client.campaigns.delete(campaign.id)

    assert (zero.id, zero.status, zero.actions, zero.tm_create) == (NIL, "", None, None)
    assert (zero.type_, zero.end_handle) == ("", "")
    assert client.campaigns.get(campaign.id).tm_delete is None
    client.campaigns.update_status(campaign.id, "stop")
    mock.advance_clock(timedelta(minutes=2))
    assert client.campaigns.delete(campaign.id).tm_delete is not None


def test_a_live_campaigncall_is_not_deleted_a_done_one_is(
    client: VoipbinClient, mock: VoipbinMock
) -> None:
    """cm/pkg/campaigncallhandler/campaigncall.go ``Delete``: only a ``done`` one is deleted."""
    campaign, outdial = make_campaign(client)
    client.campaigns.update_status(campaign.id, "run")
    mock.advance_clock(timedelta(seconds=1))
    (call,) = client.campaigncalls.iter()

    assert client.campaigncalls.delete(call.id).id == NIL
    mock.advance_clock(timedelta(seconds=60))
    deleted = client.campaigncalls.delete(call.id)
    assert (deleted.id, deleted.tm_delete is not None) == (call.id, True)
    (target,) = client.outdialtargets.iter(outdial.id)
    assert target.status == "idle"


@pytest.mark.parametrize(
    ("path", "body", "reason", "message"),
    [
        ("status", {"status": "stopping"}, "INVALID_ARGUMENT", "The request contains invalid"),
        ("status", {}, "INVALID_ARGUMENT", "The request contains invalid data."),
        ("next_campaign_id", {"next_campaign_id": "x"}, "INVALID_ARGUMENT", "next_campaign_id"),
        ("actions", {"actions": [{"type": "dance"}]}, "INVALID_ACTION_TYPE", "not supported"),
        ("resource_info", {"queue_id": str(UUID(int=7))}, "INVALID_ARGUMENT", "invalid data"),
    ],
)
def test_what_the_campaign_manager_refuses(
    client: VoipbinClient, mock: VoipbinMock, path: str, body: Any, reason: str, message: str
) -> None:
    """status_stop.go ``UpdateStatus`` (only run and stop); api/server/campaigns.go
    ``PutCampaignsIdNextCampaignId`` (``uuid.FromString``); bin-flow-manager/pkg/actionhandler/
    action.go ``ValidateActions``; ``validateResources`` (a queue the mock does not know)."""
    campaign = client.campaigns.create(name="c")
    with mock.client(headers={"Authorization": "Bearer t"}) as http:
        response = http.put(f"/campaigns/{campaign.id}/{path}", json=body)

    assert response.status_code == 400
    error = response.json()["error"]
    assert error["reason"] == reason
    assert message in error["message"]


def test_next_campaign_id_is_stored_unchecked_and_empty_unchains(client: VoipbinClient) -> None:
    """campaigns.go ``PutCampaignsIdNextCampaignId``; campaignhandler ``UpdateNextCampaignID``
    validates nothing (``run`` checks it later)."""
    campaign = client.campaigns.create(name="c")
    nowhere = UUID(int=42)

    assert client.campaigns.update_next_campaign_id(campaign.id, nowhere).next_campaign_id == (
        nowhere
    )
    with pytest.raises(BadRequestError):
        client.campaigns.update_status(campaign.id, "run")
    assert client.campaigns.update_next_campaign_id(campaign.id, None).next_campaign_id == NIL


async def test_the_async_client_runs_a_campaign_too(mock: VoipbinMock) -> None:
    with mock.client() as http, VoipbinClient(token="t", http_client=http) as client:
        campaign, _ = make_campaign(client)
    async with (
        mock.async_client() as ahttp,
        AsyncVoipbinClient(token="t", http_client=ahttp) as aclient,
    ):
        assert (await aclient.campaigns.update_status(campaign.id, "run")).status == "run"
        mock.advance_clock(timedelta(seconds=1))
        calls = [call async for call in aclient.campaigncalls.iter()]
        page = await aclient.campaigns.list_campaigncalls(campaign.id)
    assert [call.id for call in calls] == [call.id for call in page]
    assert len(calls) == 1


def test_a_queue_the_mock_knows_and_the_service_level_gate(
    client: VoipbinClient, mock: VoipbinMock
) -> None:
    """campaign.go ``isValidQueueID`` (a queue of the customer); execute.go ``isDialable``:
    with a queue, dial only while ``agents * service_level / 100`` (integer division) is above
    the campaign's calls ringing, else look again in 5 s. ``POST /_mock/queues`` adds one."""
    with mock.client() as http:
        queue = http.post(f"{CONTROL}/queues", json={"available_agents": 2}).json()["id"]
    campaign, outdial = make_campaign(client, targets=3, end_handle="continue")
    client.campaigns.update_resource_info(
        campaign.id,
        outplan_id=campaign.outplan_id,
        outdial_id=outdial.id,
        queue_id=queue,
        next_campaign_id=None,
    )
    client.campaigns.update_status(campaign.id, "run")
    mock.advance_clock(timedelta(seconds=30))
    assert len(list(client.campaigncalls.iter())) == 2  # two agents, service level 100

    client.campaigns.update_service_level(campaign.id, 0)  # 0: never dials
    mock.advance_clock(timedelta(seconds=60))
    assert len(list(client.campaigncalls.iter())) == 2
    client.campaigns.update_service_level(campaign.id, 50)  # 2 * 50 / 100 = one at a time
    mock.advance_clock(timedelta(seconds=10))
    calls = list(client.campaigncalls.iter())
    assert len(calls) == 3
    assert [call.status for call in calls] == ["dialing", "done", "done"]
    assert client.campaigns.get(campaign.id).status is CampaignStatus.RUN
