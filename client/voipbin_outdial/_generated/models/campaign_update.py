from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._model import Model

T = TypeVar("T", bound="CampaignUpdate")


@_attrs_define(repr=False)
class CampaignUpdate(Model):
    """The five basic fields, all written every time (a missing one as `""` or 0).

    Attributes:
        name (str): A human-readable name.
        detail (str): A description.
        type_ (str): `call` or `flow` (stored as sent, unchecked).
        service_level (int): With a queue, the percentage of available agents to keep calls ringing for (the server
            takes any integer; below 0 dials as 0 does: never).
        end_handle (str): `stop` or `continue` (stored as sent, unchecked).
    """

    name: str
    detail: str
    type_: str
    service_level: int
    end_handle: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        detail = self.detail

        type_ = self.type_

        service_level = self.service_level

        end_handle = self.end_handle

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "detail": detail,
                "type": type_,
                "service_level": service_level,
                "end_handle": end_handle,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        detail = d.pop("detail")

        type_ = d.pop("type")

        service_level = d.pop("service_level")

        end_handle = d.pop("end_handle")

        campaign_update = cls(
            name,
            detail,
            type_,
            service_level,
            end_handle,
        )

        if d:
            campaign_update.additional_properties = d
        return campaign_update

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
