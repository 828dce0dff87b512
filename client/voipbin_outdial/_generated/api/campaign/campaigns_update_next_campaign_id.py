from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.campaign import Campaign
from ...models.campaign_next_campaign_id_update import CampaignNextCampaignIdUpdate
from ...models.error_response import ErrorResponse
from ...types import Response


def _get_kwargs(
    id: UUID,
    *,
    body: CampaignNextCampaignIdUpdate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/campaigns/{id}/next_campaign_id".format(
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Campaign | ErrorResponse | None:
    if response.status_code == 200:
        response_200 = Campaign.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = ErrorResponse.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = ErrorResponse.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Campaign | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: CampaignNextCampaignIdUpdate,
) -> Response[Campaign | ErrorResponse]:
    """Update a campaign's next campaign

     Stores `next_campaign_id` unchecked (missing or `""`: none); text that is not a UUID is 400
    `INVALID_ARGUMENT` "next_campaign_id is not a valid UUID.". The server never starts the next
    campaign; a later `run` checks that it exists.

    Args:
        id (UUID): A resource id (a UUID, not the nil UUID).
        body (CampaignNextCampaignIdUpdate): The campaign to chain (stored only; the server never
            starts it).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Campaign | ErrorResponse]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: CampaignNextCampaignIdUpdate,
) -> Campaign | ErrorResponse | None:
    """Update a campaign's next campaign

     Stores `next_campaign_id` unchecked (missing or `""`: none); text that is not a UUID is 400
    `INVALID_ARGUMENT` "next_campaign_id is not a valid UUID.". The server never starts the next
    campaign; a later `run` checks that it exists.

    Args:
        id (UUID): A resource id (a UUID, not the nil UUID).
        body (CampaignNextCampaignIdUpdate): The campaign to chain (stored only; the server never
            starts it).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Campaign | ErrorResponse
    """

    return sync_detailed(
        id=id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: CampaignNextCampaignIdUpdate,
) -> Response[Campaign | ErrorResponse]:
    """Update a campaign's next campaign

     Stores `next_campaign_id` unchecked (missing or `""`: none); text that is not a UUID is 400
    `INVALID_ARGUMENT` "next_campaign_id is not a valid UUID.". The server never starts the next
    campaign; a later `run` checks that it exists.

    Args:
        id (UUID): A resource id (a UUID, not the nil UUID).
        body (CampaignNextCampaignIdUpdate): The campaign to chain (stored only; the server never
            starts it).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Campaign | ErrorResponse]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: CampaignNextCampaignIdUpdate,
) -> Campaign | ErrorResponse | None:
    """Update a campaign's next campaign

     Stores `next_campaign_id` unchecked (missing or `""`: none); text that is not a UUID is 400
    `INVALID_ARGUMENT` "next_campaign_id is not a valid UUID.". The server never starts the next
    campaign; a later `run` checks that it exists.

    Args:
        id (UUID): A resource id (a UUID, not the nil UUID).
        body (CampaignNextCampaignIdUpdate): The campaign to chain (stored only; the server never
            starts it).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Campaign | ErrorResponse
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
        )
    ).parsed
