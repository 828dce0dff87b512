# unasync: the source of _sync/raw.py; edit this file, then run scripts/unasync.py
"""``with_raw_response``: the resources' methods returning the response as it came.

```python
raw = await client.with_raw_response.outplans.get(outplan_id)
raw.status_code, raw.headers["content-type"], raw.request_id, raw.content
plan = raw.parse()  # the Outplan, as client.outplans.get(outplan_id) returns it
```

Each wrapper holds a copy of its resource on an :class:`AsyncRawSender`, which sends the call as
the client's own sender does (the same retries, time bounds and errors) and returns the 2xx
response unparsed. A method that reads before it writes (a partial update) parses the read
(``_partial.with_current``): only the write's response is returned. ``iter`` and the bulk import are
not here: they make many requests.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar, cast

from .._calls import Call
from .._raw import AsyncRawMethod, RawResponse
from .sender import AsyncSender

if TYPE_CHECKING:
    from .campaigns import AsyncCampaigncalls, AsyncCampaigns
    from .client import AsyncVoipbinClient
    from .resources import AsyncOutdials, AsyncOutplans
    from .targets import AsyncOutdialtargets

__all__ = [
    "AsyncCampaigncallsWithRawResponse",
    "AsyncCampaignsWithRawResponse",
    "AsyncOutdialsWithRawResponse",
    "AsyncOutdialtargetsWithRawResponse",
    "AsyncOutplansWithRawResponse",
    "AsyncRawSender",
    "AsyncVoipbinClientWithRawResponse",
]

T = TypeVar("T")


class AsyncRawSender:
    """Sends through ``plain`` (the client's sender) and returns the 2xx response unparsed."""

    def __init__(self, plain: AsyncSender) -> None:
        self.plain = plain

    async def send(self, call: Call[T]) -> RawResponse[T]:
        """The 2xx response to ``call`` (:meth:`RawResponse.parse` reads it), or the error it
        came to, raised as the client's own sender raises it."""
        return self.plain.finish_raw(call, await self.plain.outcome(call))

    def on(self, resource: Any) -> Any:
        """A copy of ``resource`` sending through this sender (its methods then return what
        :meth:`send` returns: :class:`AsyncRawMethod` types them so)."""
        return type(resource)(cast(AsyncSender, self))


class AsyncOutplansWithRawResponse:
    """``client.outplans``'s methods, each returning a :class:`RawResponse`."""

    def __init__(self, outplans: AsyncOutplans) -> None:
        raw: AsyncOutplans = AsyncRawSender(outplans._sender).on(outplans)
        self.list = AsyncRawMethod(raw.list)
        self.create = AsyncRawMethod(raw.create)
        self.get = AsyncRawMethod(raw.get)
        self.update = AsyncRawMethod(raw.update)
        self.update_dial_info = AsyncRawMethod(raw.update_dial_info)
        self.delete = AsyncRawMethod(raw.delete)


class AsyncOutdialsWithRawResponse:
    """``client.outdials``'s methods, each returning a :class:`RawResponse`."""

    def __init__(self, outdials: AsyncOutdials) -> None:
        raw: AsyncOutdials = AsyncRawSender(outdials._sender).on(outdials)
        self.list = AsyncRawMethod(raw.list)
        self.create = AsyncRawMethod(raw.create)
        self.get = AsyncRawMethod(raw.get)
        self.update = AsyncRawMethod(raw.update)
        self.update_campaign_id = AsyncRawMethod(raw.update_campaign_id)
        self.update_data = AsyncRawMethod(raw.update_data)
        self.delete = AsyncRawMethod(raw.delete)


class AsyncOutdialtargetsWithRawResponse:
    """``client.outdialtargets``'s methods, each returning a :class:`RawResponse`."""

    def __init__(self, outdialtargets: AsyncOutdialtargets) -> None:
        raw: AsyncOutdialtargets = AsyncRawSender(outdialtargets._sender).on(outdialtargets)
        self.list = AsyncRawMethod(raw.list)
        self.create = AsyncRawMethod(raw.create)
        self.get = AsyncRawMethod(raw.get)
        self.delete = AsyncRawMethod(raw.delete)


class AsyncCampaignsWithRawResponse:
    """``client.campaigns``'s methods, each returning a :class:`RawResponse`."""

    def __init__(self, campaigns: AsyncCampaigns) -> None:
        raw: AsyncCampaigns = AsyncRawSender(campaigns._sender).on(campaigns)
        self.list = AsyncRawMethod(raw.list)
        self.create = AsyncRawMethod(raw.create)
        self.get = AsyncRawMethod(raw.get)
        self.update = AsyncRawMethod(raw.update)
        self.delete = AsyncRawMethod(raw.delete)
        self.update_status = AsyncRawMethod(raw.update_status)
        self.update_service_level = AsyncRawMethod(raw.update_service_level)
        self.update_actions = AsyncRawMethod(raw.update_actions)
        self.update_resource_info = AsyncRawMethod(raw.update_resource_info)
        self.update_next_campaign_id = AsyncRawMethod(raw.update_next_campaign_id)
        self.list_campaigncalls = AsyncRawMethod(raw.list_campaigncalls)


class AsyncCampaigncallsWithRawResponse:
    """``client.campaigncalls``'s methods, each returning a :class:`RawResponse`."""

    def __init__(self, campaigncalls: AsyncCampaigncalls) -> None:
        raw: AsyncCampaigncalls = AsyncRawSender(campaigncalls._sender).on(campaigncalls)
        self.list = AsyncRawMethod(raw.list)
        self.get = AsyncRawMethod(raw.get)
        self.delete = AsyncRawMethod(raw.delete)


class AsyncVoipbinClientWithRawResponse:
    """``client.with_raw_response``: every resource's ``with_raw_response``."""

    def __init__(self, client: AsyncVoipbinClient) -> None:
        self.outplans = AsyncOutplansWithRawResponse(client.outplans)
        self.outdials = AsyncOutdialsWithRawResponse(client.outdials)
        self.outdialtargets = AsyncOutdialtargetsWithRawResponse(client.outdialtargets)
        self.campaigns = AsyncCampaignsWithRawResponse(client.campaigns)
        self.campaigncalls = AsyncCampaigncallsWithRawResponse(client.campaigncalls)
