from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.outdial import Outdial
from ...models.outdial_campaign_id_update import OutdialCampaignIdUpdate
from ...types import Response


def _get_kwargs(
    id: UUID,
    *,
    body: OutdialCampaignIdUpdate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/outdials/{id}/campaign_id".format(
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | Outdial | None:
    if response.status_code == 200:
        response_200 = Outdial.from_dict(response.json())

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
) -> Response[ErrorResponse | Outdial]:
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
    body: OutdialCampaignIdUpdate,
) -> Response[ErrorResponse | Outdial]:
    """Attach an outdial to a campaign

     Sets the campaign that dials this outdial; the nil UUID (or any text that is not a UUID) detaches
    it.

    Args:
        id (UUID): A resource id (a UUID, not the nil UUID).
        body (OutdialCampaignIdUpdate): The campaign an outdial belongs to.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | Outdial]
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
    body: OutdialCampaignIdUpdate,
) -> ErrorResponse | Outdial | None:
    """Attach an outdial to a campaign

     Sets the campaign that dials this outdial; the nil UUID (or any text that is not a UUID) detaches
    it.

    Args:
        id (UUID): A resource id (a UUID, not the nil UUID).
        body (OutdialCampaignIdUpdate): The campaign an outdial belongs to.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | Outdial
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
    body: OutdialCampaignIdUpdate,
) -> Response[ErrorResponse | Outdial]:
    """Attach an outdial to a campaign

     Sets the campaign that dials this outdial; the nil UUID (or any text that is not a UUID) detaches
    it.

    Args:
        id (UUID): A resource id (a UUID, not the nil UUID).
        body (OutdialCampaignIdUpdate): The campaign an outdial belongs to.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | Outdial]
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
    body: OutdialCampaignIdUpdate,
) -> ErrorResponse | Outdial | None:
    """Attach an outdial to a campaign

     Sets the campaign that dials this outdial; the nil UUID (or any text that is not a UUID) detaches
    it.

    Args:
        id (UUID): A resource id (a UUID, not the nil UUID).
        body (OutdialCampaignIdUpdate): The campaign an outdial belongs to.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | Outdial
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
        )
    ).parsed
