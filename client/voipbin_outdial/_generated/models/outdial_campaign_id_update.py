from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="OutdialCampaignIdUpdate")


@_attrs_define
class OutdialCampaignIdUpdate:
    """The campaign an outdial belongs to.

    Attributes:
        campaign_id (UUID): The campaign; the nil UUID for none.
    """

    campaign_id: UUID

    def to_dict(self) -> dict[str, Any]:
        campaign_id = str(self.campaign_id)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "campaign_id": campaign_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        campaign_id = UUID(d.pop("campaign_id"))

        outdial_campaign_id_update = cls(
            campaign_id,
        )

        return outdial_campaign_id_update
