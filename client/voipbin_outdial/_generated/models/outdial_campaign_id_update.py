from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._model import Model
from ..types import parse_uuid

T = TypeVar("T", bound="OutdialCampaignIdUpdate")


@_attrs_define(repr=False)
class OutdialCampaignIdUpdate(Model):
    """The campaign an outdial belongs to.

    Attributes:
        campaign_id (UUID): The campaign; the nil UUID for none.
    """

    campaign_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        campaign_id = str(self.campaign_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "campaign_id": campaign_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        campaign_id = parse_uuid(d.pop("campaign_id"))

        outdial_campaign_id_update = cls(
            campaign_id,
        )

        if d:
            outdial_campaign_id_update.additional_properties = d
        return outdial_campaign_id_update

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
