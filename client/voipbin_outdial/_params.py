"""The dicts the SDK's methods take, as ``TypedDict``\\ s: a type checker then refuses
``{"type": "phone"}`` or a missing ``target`` before anything runs.

At run time any mapping with these keys is taken (and checked, naming the field); these types
only tell a type checker (and an editor) what fits. :class:`~voipbin_outdial.models.Address`
objects are taken wherever an :class:`AddressParam` is.
"""

# No `from __future__ import annotations`: TypedDict reads Required[...] at run time
# (__required_keys__), which a string annotation hides on Python 3.11.
from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal, Required, TypeAlias, TypedDict

if TYPE_CHECKING:
    from .models import Address

__all__ = ["AddressParam", "AddressTypeParam", "TargetRowParam"]

AddressTypeParam: TypeAlias = Literal[
    "",
    "agent",
    "ai",
    "ai_team",
    "conference",
    "email",
    "extension",
    "line",
    "sip",
    "tel",
    "webchat",
    "web_session",
    "whatsapp",
]
"""The address types of openapi.yaml's ``AddressType`` (a test holds them to it). VoIPBIN's
campaigns dial ``tel`` and ``sip`` only."""


class AddressParam(TypedDict, total=False):
    """An address to send: ``{"type": "tel", "target": "+15559876543"}``."""

    type: Required[AddressTypeParam]
    target: Required[str]
    target_name: str
    name: str
    detail: str


class TargetRowParam(TypedDict):
    """A row of ``outdialtargets.create_many`` as a dict (objects with these attributes are
    taken too): ``outdialtargets.create``'s arguments."""

    name: str
    detail: str
    data: str
    destinations: Sequence["AddressParam | Address | None"]
