from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="OutdialDataUpdate")


@_attrs_define
class OutdialDataUpdate:
    """New data for an outdial.

    Attributes:
        data (str): Free-form data kept with the outdial.
    """

    data: str

    def to_dict(self) -> dict[str, Any]:
        data = self.data

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        data = d.pop("data")

        outdial_data_update = cls(
            data,
        )

        return outdial_data_update
