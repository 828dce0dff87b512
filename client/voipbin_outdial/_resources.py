"""Which resource method serves each operationId of openapi.yaml, read off the resources.

A method is named after the operation it serves: ``client.<resource>.<method>`` serves the
operationId ``<resource>_<method>`` (``client.outplans.update_dial_info`` serves
``outplans_update_dial_info``) through the generated endpoint module of that name. Every
coroutine method of the async resources (``_async/resources.py``) serves one; ``iter``, which is
not a coroutine method, walks ``list``'s pages. tests/unit/facade/test_facade_operations.py holds
:data:`OPERATIONS` to the spec and checks that each method sends its operation's request.
"""

from __future__ import annotations

import inspect
from collections.abc import Mapping
from typing import Final

from ._async.campaigns import AsyncCampaigncalls, AsyncCampaigns
from ._async.resources import AsyncOutdials, AsyncOutdialtargets, AsyncOutplans

__all__ = ["OPERATIONS"]


def _operations(*resources: type) -> dict[str, tuple[str, str]]:
    found: dict[str, tuple[str, str]] = {}
    for resource in resources:
        attribute = resource.__name__.removeprefix("Async").lower()  # AsyncOutplans: outplans
        for name, member in vars(resource).items():
            if inspect.iscoroutinefunction(member):
                found[f"{attribute}_{name}"] = (attribute, name)
    return found


OPERATIONS: Final[Mapping[str, tuple[str, str]]] = _operations(
    AsyncOutplans, AsyncOutdials, AsyncOutdialtargets, AsyncCampaigns, AsyncCampaigncalls
)
"""operationId -> (resource attribute, method name), the same on both clients."""
