from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.campaign import Campaign
from ...models.campaign_update import CampaignUpdate
from ...models.error_response import ErrorResponse
from ...types import Response


def _get_kwargs(
    id: UUID,
    *,
    body: CampaignUpdate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/campaigns/{id}".format(
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
    body: CampaignUpdate,
) -> Response[Campaign | ErrorResponse]:
    """Update a campaign's basic info

     Writes all five of `name`, `detail`, `type`, `service_level` and `end_handle` (a missing one as `""`
    or 0), unchecked, in any status; `status` is not changed here (use `/status`).

    Args:
        id (UUID): A resource id (a UUID, not the nil UUID).
        body (CampaignUpdate): The five basic fields, all written every time (a missing one as
            `""` or 0).

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
    body: CampaignUpdate,
) -> Campaign | ErrorResponse | None:
    """Update a campaign's basic info

     Writes all five of `name`, `detail`, `type`, `service_level` and `end_handle` (a missing one as `""`
    or 0), unchecked, in any status; `status` is not changed here (use `/status`).

    Args:
        id (UUID): A resource id (a UUID, not the nil UUID).
        body (CampaignUpdate): The five basic fields, all written every time (a missing one as
            `""` or 0).

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
    body: CampaignUpdate,
) -> Response[Campaign | ErrorResponse]:
    """Update a campaign's basic info

     Writes all five of `name`, `detail`, `type`, `service_level` and `end_handle` (a missing one as `""`
    or 0), unchecked, in any status; `status` is not changed here (use `/status`).

    Args:
        id (UUID): A resource id (a UUID, not the nil UUID).
        body (CampaignUpdate): The five basic fields, all written every time (a missing one as
            `""` or 0).

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
    body: CampaignUpdate,
) -> Campaign | ErrorResponse | None:
    """Update a campaign's basic info

     Writes all five of `name`, `detail`, `type`, `service_level` and `end_handle` (a missing one as `""`
    or 0), unchecked, in any status; `status` is not changed here (use `/status`).

    Args:
        id (UUID): A resource id (a UUID, not the nil UUID).
        body (CampaignUpdate): The five basic fields, all written every time (a missing one as
            `""` or 0).

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
