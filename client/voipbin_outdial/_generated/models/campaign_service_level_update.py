from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._model import Model

T = TypeVar("T", bound="CampaignServiceLevelUpdate")


@_attrs_define(repr=False)
class CampaignServiceLevelUpdate(Model):
    """A new service level (any integer).

    Attributes:
        service_level (int): With a queue, the percentage of available agents to keep calls ringing for (the server
            takes any integer; below 0 dials as 0 does: never).
    """

    service_level: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        service_level = self.service_level

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "service_level": service_level,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        service_level = d.pop("service_level")

        campaign_service_level_update = cls(
            service_level,
        )

        if d:
            campaign_service_level_update.additional_properties = d
        return campaign_service_level_update

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
