"""Which resource method serves each operationId of openapi.yaml, read off the operation table.

A method is named after the operation it serves: ``client.<resource>.<method>`` serves the
operationId ``<resource>_<method>`` (``client.outplans.update_dial_info`` serves
``outplans_update_dial_info``), building its request from that operation's row of the generated
table (``_generated/api``). ``iter`` walks ``list``'s pages and serves none.
tests/unit/facade/test_facade_operations.py holds every coroutine method of the resources to
:data:`OPERATIONS` and checks that each method sends its operation's request.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from ._generated.api import OPERATIONS as _TABLE

__all__ = ["OPERATIONS"]


def _method(operation_id: str) -> tuple[str, str]:
    resource, _, method = operation_id.partition("_")
    return resource, method


OPERATIONS: Final[Mapping[str, tuple[str, str]]] = {op: _method(op) for op in _TABLE}
"""operationId -> (resource attribute, method name), the same on both clients."""
