from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.outplan import Outplan
from ...models.outplan_create import OutplanCreate
from ...types import Response


def _get_kwargs(
    *,
    body: OutplanCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/outplans",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | Outplan | None:
    if response.status_code == 200:
        response_200 = Outplan.from_dict(response.json())

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
) -> Response[ErrorResponse | Outplan]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: OutplanCreate,
) -> Response[ErrorResponse | Outplan]:
    """Create an outplan

     Creates a dialing strategy. `dial_timeout` and `try_interval` are milliseconds. A new outplan's
    `tm_update` and `tm_delete` are `null`.

    Args:
        body (OutplanCreate): A new outplan (durations in milliseconds); the server does not check
            these fields.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | Outplan]
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
    body: OutplanCreate,
) -> ErrorResponse | Outplan | None:
    """Create an outplan

     Creates a dialing strategy. `dial_timeout` and `try_interval` are milliseconds. A new outplan's
    `tm_update` and `tm_delete` are `null`.

    Args:
        body (OutplanCreate): A new outplan (durations in milliseconds); the server does not check
            these fields.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | Outplan
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: OutplanCreate,
) -> Response[ErrorResponse | Outplan]:
    """Create an outplan

     Creates a dialing strategy. `dial_timeout` and `try_interval` are milliseconds. A new outplan's
    `tm_update` and `tm_delete` are `null`.

    Args:
        body (OutplanCreate): A new outplan (durations in milliseconds); the server does not check
            these fields.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | Outplan]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: OutplanCreate,
) -> ErrorResponse | Outplan | None:
    """Create an outplan

     Creates a dialing strategy. `dial_timeout` and `try_interval` are milliseconds. A new outplan's
    `tm_update` and `tm_delete` are `null`.

    Args:
        body (OutplanCreate): A new outplan (durations in milliseconds); the server does not check
            these fields.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | Outplan
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
