from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._model import MaxTryCounts, Model
from ..models.address import Address

T = TypeVar("T", bound="OutplanCreate")


@_attrs_define(repr=False)
class OutplanCreate(Model, MaxTryCounts):
    """A new outplan (durations in milliseconds); the server does not check these fields.

    Attributes:
        name (str): A human-readable name.
        detail (str): A description of the strategy.
        source (Address): A VoIPBIN address, such as a phone number; empty fields are left out, so an unused slot is
            `{}`.
        dial_timeout (int): How long to ring before giving up, in **milliseconds** (30000 = 30 s).
        try_interval (int): Wait after a failed call before the next try, in **milliseconds**.
        max_try_count_0 (int): Most attempts on `destination_0`.
        max_try_count_1 (int): Most attempts on `destination_1`.
        max_try_count_2 (int): Most attempts on `destination_2`.
        max_try_count_3 (int): Most attempts on `destination_3`.
        max_try_count_4 (int): Most attempts on `destination_4`.
    """

    name: str
    detail: str
    source: Address
    dial_timeout: int
    try_interval: int
    max_try_count_0: int
    max_try_count_1: int
    max_try_count_2: int
    max_try_count_3: int
    max_try_count_4: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        detail = self.detail

        source = self.source.to_dict()

        dial_timeout = self.dial_timeout

        try_interval = self.try_interval

        max_try_count_0 = self.max_try_count_0

        max_try_count_1 = self.max_try_count_1

        max_try_count_2 = self.max_try_count_2

        max_try_count_3 = self.max_try_count_3

        max_try_count_4 = self.max_try_count_4

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "detail": detail,
                "source": source,
                "dial_timeout": dial_timeout,
                "try_interval": try_interval,
                "max_try_count_0": max_try_count_0,
                "max_try_count_1": max_try_count_1,
                "max_try_count_2": max_try_count_2,
                "max_try_count_3": max_try_count_3,
                "max_try_count_4": max_try_count_4,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        detail = d.pop("detail")

        source = Address.from_dict(d.pop("source"))

        dial_timeout = d.pop("dial_timeout")

        try_interval = d.pop("try_interval")

        max_try_count_0 = d.pop("max_try_count_0")

        max_try_count_1 = d.pop("max_try_count_1")

        max_try_count_2 = d.pop("max_try_count_2")

        max_try_count_3 = d.pop("max_try_count_3")

        max_try_count_4 = d.pop("max_try_count_4")

        outplan_create = cls(
            name,
            detail,
            source,
            dial_timeout,
            try_interval,
            max_try_count_0,
            max_try_count_1,
            max_try_count_2,
            max_try_count_3,
            max_try_count_4,
        )

        if d:
            outplan_create.additional_properties = d
        return outplan_create

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
