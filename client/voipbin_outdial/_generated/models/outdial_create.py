from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="OutdialCreate")


@_attrs_define
class OutdialCreate:
    """A new outdial.

    Attributes:
        campaign_id (UUID): The campaign that dials it; the nil UUID for none yet.
        name (str): A human-readable name.
        detail (str): A description.
        data (str): Free-form data kept with the outdial.
    """

    campaign_id: UUID
    name: str
    detail: str
    data: str

    def to_dict(self) -> dict[str, Any]:
        campaign_id = str(self.campaign_id)

        name = self.name

        detail = self.detail

        data = self.data

        field_dict: dict[str, Any] = {}

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
        campaign_id = UUID(d.pop("campaign_id"))

        name = d.pop("name")

        detail = d.pop("detail")

        data = d.pop("data")

        outdial_create = cls(
            campaign_id,
            name,
            detail,
            data,
        )

        return outdial_create
