from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="NameDetailUpdate")


@_attrs_define
class NameDetailUpdate:
    """A new name and detail.

    Attributes:
        name (str): A human-readable name.
        detail (str): A description.
    """

    name: str
    detail: str

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        detail = self.detail

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "detail": detail,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        detail = d.pop("detail")

        name_detail_update = cls(
            name,
            detail,
        )

        return name_detail_update
