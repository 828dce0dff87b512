from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._model import Model
from ..types import parse_uuid

T = TypeVar("T", bound="CampaignResourceInfoUpdate")


@_attrs_define(repr=False)
class CampaignResourceInfoUpdate(Model):
    """The campaign's four resources, all written (the nil UUID clears one).

    Attributes:
        outplan_id (UUID): The outplan; the nil UUID for none.
        outdial_id (UUID): The outdial; its `campaign_id` must be nil or this campaign.
        queue_id (UUID): The queue; the nil UUID for none.
        next_campaign_id (UUID): Stored; the nil UUID for none.
    """

    outplan_id: UUID
    outdial_id: UUID
    queue_id: UUID
    next_campaign_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        outplan_id = str(self.outplan_id)

        outdial_id = str(self.outdial_id)

        queue_id = str(self.queue_id)

        next_campaign_id = str(self.next_campaign_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "outplan_id": outplan_id,
                "outdial_id": outdial_id,
                "queue_id": queue_id,
                "next_campaign_id": next_campaign_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        outplan_id = parse_uuid(d.pop("outplan_id"))

        outdial_id = parse_uuid(d.pop("outdial_id"))

        queue_id = parse_uuid(d.pop("queue_id"))

        next_campaign_id = parse_uuid(d.pop("next_campaign_id"))

        campaign_resource_info_update = cls(
            outplan_id,
            outdial_id,
            queue_id,
            next_campaign_id,
        )

        if d:
            campaign_resource_info_update.additional_properties = d
        return campaign_resource_info_update

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
