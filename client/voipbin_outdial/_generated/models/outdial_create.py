from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._model import Model
from ..types import parse_uuid

T = TypeVar("T", bound="OutdialCreate")


@_attrs_define(repr=False)
class OutdialCreate(Model):
    """A new outdial; every field must be given and not be empty.

    Attributes:
        campaign_id (UUID): The campaign that dials it (not the nil UUID).
        name (str): A human-readable name.
        detail (str): A description.
        data (str): Free-form data kept with the outdial.
    """

    campaign_id: UUID
    name: str
    detail: str
    data: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        campaign_id = str(self.campaign_id)

        name = self.name

        detail = self.detail

        data = self.data

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "campaign_id": campaign_id,
                "name": name,
                "detail": detail,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        campaign_id = parse_uuid(d.pop("campaign_id"))

        name = d.pop("name")

        detail = d.pop("detail")

        data = d.pop("data")

        outdial_create = cls(
            campaign_id,
            name,
            detail,
            data,
        )

        if d:
            outdial_create.additional_properties = d
        return outdial_create

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
