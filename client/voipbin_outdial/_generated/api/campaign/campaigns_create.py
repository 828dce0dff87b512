from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.campaign import Campaign
from ...models.campaign_create import CampaignCreate
from ...models.error_response import ErrorResponse
from ...types import Response


def _get_kwargs(
    *,
    body: CampaignCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/campaigns",
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
    *,
    client: AuthenticatedClient | Client,
    body: CampaignCreate,
) -> Response[Campaign | ErrorResponse]:
    """Create a campaign

     Creates a campaign with `status` `stop`, whatever is sent. The server requires no field: a missing
    text is `""`, a missing number 0, and an id that is missing, empty or not a UUID is the nil UUID
    (none). A non-nil `outplan_id`, `outdial_id`, `queue_id` or `next_campaign_id` must name the
    customer's own resource, not deleted, and an outdial must not belong to another campaign (its
    `campaign_id` nil), else the one generic 400 `INVALID_ARGUMENT` ("The request contains invalid
    data."). An action `type` the flow manager does not know is 400 `INVALID_ACTION_TYPE`. Since every
    outdial is created with a `campaign_id`, create the campaign without `outdial_id`, point the outdial
    at it, then set `resource_info`. The given outdial's `campaign_id` becomes the new campaign's id.

    Args:
        body (CampaignCreate): A new campaign. The server requires none of these (a missing text
            is `""`, a number 0, an id the nil UUID); VoIPBIN's published spec requires them all.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Campaign | ErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: CampaignCreate,
) -> Campaign | ErrorResponse | None:
    """Create a campaign

     Creates a campaign with `status` `stop`, whatever is sent. The server requires no field: a missing
    text is `""`, a missing number 0, and an id that is missing, empty or not a UUID is the nil UUID
    (none). A non-nil `outplan_id`, `outdial_id`, `queue_id` or `next_campaign_id` must name the
    customer's own resource, not deleted, and an outdial must not belong to another campaign (its
    `campaign_id` nil), else the one generic 400 `INVALID_ARGUMENT` ("The request contains invalid
    data."). An action `type` the flow manager does not know is 400 `INVALID_ACTION_TYPE`. Since every
    outdial is created with a `campaign_id`, create the campaign without `outdial_id`, point the outdial
    at it, then set `resource_info`. The given outdial's `campaign_id` becomes the new campaign's id.

    Args:
        body (CampaignCreate): A new campaign. The server requires none of these (a missing text
            is `""`, a number 0, an id the nil UUID); VoIPBIN's published spec requires them all.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Campaign | ErrorResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CampaignCreate,
) -> Response[Campaign | ErrorResponse]:
    """Create a campaign

     Creates a campaign with `status` `stop`, whatever is sent. The server requires no field: a missing
    text is `""`, a missing number 0, and an id that is missing, empty or not a UUID is the nil UUID
    (none). A non-nil `outplan_id`, `outdial_id`, `queue_id` or `next_campaign_id` must name the
    customer's own resource, not deleted, and an outdial must not belong to another campaign (its
    `campaign_id` nil), else the one generic 400 `INVALID_ARGUMENT` ("The request contains invalid
    data."). An action `type` the flow manager does not know is 400 `INVALID_ACTION_TYPE`. Since every
    outdial is created with a `campaign_id`, create the campaign without `outdial_id`, point the outdial
    at it, then set `resource_info`. The given outdial's `campaign_id` becomes the new campaign's id.

    Args:
        body (CampaignCreate): A new campaign. The server requires none of these (a missing text
            is `""`, a number 0, an id the nil UUID); VoIPBIN's published spec requires them all.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Campaign | ErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: CampaignCreate,
) -> Campaign | ErrorResponse | None:
    """Create a campaign

     Creates a campaign with `status` `stop`, whatever is sent. The server requires no field: a missing
    text is `""`, a missing number 0, and an id that is missing, empty or not a UUID is the nil UUID
    (none). A non-nil `outplan_id`, `outdial_id`, `queue_id` or `next_campaign_id` must name the
    customer's own resource, not deleted, and an outdial must not belong to another campaign (its
    `campaign_id` nil), else the one generic 400 `INVALID_ARGUMENT` ("The request contains invalid
    data."). An action `type` the flow manager does not know is 400 `INVALID_ACTION_TYPE`. Since every
    outdial is created with a `campaign_id`, create the campaign without `outdial_id`, point the outdial
    at it, then set `resource_info`. The given outdial's `campaign_id` becomes the new campaign's id.

    Args:
        body (CampaignCreate): A new campaign. The server requires none of these (a missing text
            is `""`, a number 0, an id the nil UUID); VoIPBIN's published spec requires them all.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Campaign | ErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
