from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.outdialtarget import Outdialtarget
from ...types import Response


def _get_kwargs(
    id: UUID,
    target_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/outdials/{id}/targets/{target_id}".format(
            id=quote(str(id), safe=""),
            target_id=quote(str(target_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | Outdialtarget | None:
    if response.status_code == 200:
        response_200 = Outdialtarget.from_dict(response.json())

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
) -> Response[ErrorResponse | Outdialtarget]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: UUID,
    target_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorResponse | Outdialtarget]:
    """Delete a target

     Soft-deletes the target and returns it with `tm_delete` (and `tm_update`) set to now. A target of
    another outdial is 400 `INVALID_ARGUMENT`.

    Args:
        id (UUID): A resource id (a UUID, not the nil UUID).
        target_id (UUID): A resource id (a UUID, not the nil UUID).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | Outdialtarget]
    """

    kwargs = _get_kwargs(
        id=id,
        target_id=target_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: UUID,
    target_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> ErrorResponse | Outdialtarget | None:
    """Delete a target

     Soft-deletes the target and returns it with `tm_delete` (and `tm_update`) set to now. A target of
    another outdial is 400 `INVALID_ARGUMENT`.

    Args:
        id (UUID): A resource id (a UUID, not the nil UUID).
        target_id (UUID): A resource id (a UUID, not the nil UUID).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | Outdialtarget
    """

    return sync_detailed(
        id=id,
        target_id=target_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    id: UUID,
    target_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorResponse | Outdialtarget]:
    """Delete a target

     Soft-deletes the target and returns it with `tm_delete` (and `tm_update`) set to now. A target of
    another outdial is 400 `INVALID_ARGUMENT`.

    Args:
        id (UUID): A resource id (a UUID, not the nil UUID).
        target_id (UUID): A resource id (a UUID, not the nil UUID).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | Outdialtarget]
    """

    kwargs = _get_kwargs(
        id=id,
        target_id=target_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: UUID,
    target_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> ErrorResponse | Outdialtarget | None:
    """Delete a target

     Soft-deletes the target and returns it with `tm_delete` (and `tm_update`) set to now. A target of
    another outdial is 400 `INVALID_ARGUMENT`.

    Args:
        id (UUID): A resource id (a UUID, not the nil UUID).
        target_id (UUID): A resource id (a UUID, not the nil UUID).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | Outdialtarget
    """

    return (
        await asyncio_detailed(
            id=id,
            target_id=target_id,
            client=client,
        )
    ).parsed
