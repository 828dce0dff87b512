"""Which resource method serves each operationId of openapi.yaml; a test holds it to the spec.

The resources themselves are in ``_async/resources.py`` (the source) and ``_sync/resources.py``
(generated from it by ``scripts/unasync.py``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

__all__ = ["OPERATIONS"]

OPERATIONS: Final[Mapping[str, tuple[str, str]]] = {
    "outplans_list": ("outplans", "list"),
    "outplans_create": ("outplans", "create"),
    "outplans_get": ("outplans", "get"),
    "outplans_update": ("outplans", "update"),
    "outplans_update_dial_info": ("outplans", "update_dial_info"),
    "outplans_delete": ("outplans", "delete"),
    "outdials_list": ("outdials", "list"),
    "outdials_create": ("outdials", "create"),
    "outdials_get": ("outdials", "get"),
    "outdials_update": ("outdials", "update"),
    "outdials_update_campaign_id": ("outdials", "update_campaign_id"),
    "outdials_update_data": ("outdials", "update_data"),
    "outdials_delete": ("outdials", "delete"),
    "outdialtargets_list": ("outdialtargets", "list"),
    "outdialtargets_create": ("outdialtargets", "create"),
    "outdialtargets_get": ("outdialtargets", "get"),
    "outdialtargets_delete": ("outdialtargets", "delete"),
}
"""operationId -> (resource attribute, method name), the same on both clients."""
