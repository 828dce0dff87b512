from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._model import Model, refuse_if_shared, shared_empty
from ..models.address_type import AddressType
from ..types import UNSET, Unset

T = TypeVar("T", bound="Address")


@_attrs_define(repr=False, on_setattr=refuse_if_shared)
class Address(Model):
    """A VoIPBIN address, such as a phone number; empty fields are left out, so an unused slot is `{}`.

    Attributes:
        type_ (AddressType | Unset): What kind of address `target` is (empty or left out when not set). Unknown values
            are kept.
        target (str | Unset): The address itself, such as `+15559876543` for tel or an agent's id for agent.
        target_name (str | Unset): A display name for the target.
        name (str | Unset): The address's name.
        detail (str | Unset): The address's detail.
    """

    type_: AddressType | Unset = UNSET
    target: str | Unset = UNSET
    target_name: str | Unset = UNSET
    name: str | Unset = UNSET
    detail: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        target = self.target

        target_name = self.target_name

        name = self.name

        detail = self.detail

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if type_ is not UNSET:
            field_dict["type"] = type_
        if target is not UNSET:
            field_dict["target"] = target
        if target_name is not UNSET:
            field_dict["target_name"] = target_name
        if name is not UNSET:
            field_dict["name"] = name
        if detail is not UNSET:
            field_dict["detail"] = detail

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if not src_dict:
            return shared_empty(cls)
        d = dict(src_dict)
        _type_ = d.pop("type", UNSET)
        type_: AddressType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = AddressType._from_value(_type_)

        target = d.pop("target", UNSET)

        target_name = d.pop("target_name", UNSET)

        name = d.pop("name", UNSET)

        detail = d.pop("detail", UNSET)

        address = cls(
            type_,
            target,
            target_name,
            name,
            detail,
        )

        if d:
            address.additional_properties = d
        return address

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
