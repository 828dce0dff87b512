from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.campaign import Campaign
from ...models.error_response import ErrorResponse
from ...types import Response


def _get_kwargs(
    id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/campaigns/{id}".format(
            id=quote(str(id), safe=""),
        ),
    }

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
) -> Response[Campaign | ErrorResponse]:
    """Delete a campaign

     Deletes a `stop` campaign: returns it with `tm_delete` (and `tm_update`) set to now; again on a
    deleted one sets them again. A `run` or `stopping` campaign is **not** deleted: the answer is 200
    with an all-zero campaign (nil ids, empty texts, `actions` `null`, `null` times). Stop it and wait
    for `stop` first.

    Args:
        id (UUID): A resource id (a UUID, not the nil UUID).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Campaign | ErrorResponse]
    """

    kwargs = _get_kwargs(
        id=id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> Campaign | ErrorResponse | None:
    """Delete a campaign

     Deletes a `stop` campaign: returns it with `tm_delete` (and `tm_update`) set to now; again on a
    deleted one sets them again. A `run` or `stopping` campaign is **not** deleted: the answer is 200
    with an all-zero campaign (nil ids, empty texts, `actions` `null`, `null` times). Stop it and wait
    for `stop` first.

    Args:
        id (UUID): A resource id (a UUID, not the nil UUID).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Campaign | ErrorResponse
    """

    return sync_detailed(
        id=id,
        client=client,
    ).parsed


async def asyncio_detailed(
    id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Campaign | ErrorResponse]:
    """Delete a campaign

     Deletes a `stop` campaign: returns it with `tm_delete` (and `tm_update`) set to now; again on a
    deleted one sets them again. A `run` or `stopping` campaign is **not** deleted: the answer is 200
    with an all-zero campaign (nil ids, empty texts, `actions` `null`, `null` times). Stop it and wait
    for `stop` first.

    Args:
        id (UUID): A resource id (a UUID, not the nil UUID).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Campaign | ErrorResponse]
    """

    kwargs = _get_kwargs(
        id=id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> Campaign | ErrorResponse | None:
    """Delete a campaign

     Deletes a `stop` campaign: returns it with `tm_delete` (and `tm_update`) set to now; again on a
    deleted one sets them again. A `run` or `stopping` campaign is **not** deleted: the answer is 200
    with an all-zero campaign (nil ids, empty texts, `actions` `null`, `null` times). Stop it and wait
    for `stop` first.

    Args:
        id (UUID): A resource id (a UUID, not the nil UUID).

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
        )
    ).parsed
