"""The API's objects as typed attrs classes, under stable names.

These are the generated models (``voipbin_outdial._generated`` is private and may be reshaped
by a regeneration); import them from here. Each has ``from_dict`` and ``to_dict``. Fields the spec
does not know yet are kept in ``additional_properties``, and enum values it does not know yet are
kept as pseudo-members that compare equal to the raw string, so a newer server never makes a
response unparseable.
"""

from ._generated.models import (
    Address,
    AddressType,
    ErrorDetail,
    ErrorResponse,
    NameDetailUpdate,
    Outdial,
    OutdialCampaignIdUpdate,
    OutdialCreate,
    OutdialDataUpdate,
    OutdialList,
    Outdialtarget,
    OutdialtargetCreate,
    OutdialtargetList,
    OutdialtargetStatus,
    Outplan,
    OutplanCreate,
    OutplanDialInfoUpdate,
    OutplanList,
)
from ._generated.types import UNSET, Unset

__all__ = [
    "UNSET",
    "Address",
    "AddressType",
    "ErrorDetail",
    "ErrorResponse",
    "NameDetailUpdate",
    "Outdial",
    "OutdialCampaignIdUpdate",
    "OutdialCreate",
    "OutdialDataUpdate",
    "OutdialList",
    "Outdialtarget",
    "OutdialtargetCreate",
    "OutdialtargetList",
    "OutdialtargetStatus",
    "Outplan",
    "OutplanCreate",
    "OutplanDialInfoUpdate",
    "OutplanList",
    "Unset",
]
