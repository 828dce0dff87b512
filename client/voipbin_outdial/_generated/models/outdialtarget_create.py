from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._model import Destinations, Model
from ..models.address import Address
from ..types import UNSET, Unset

T = TypeVar("T", bound="OutdialtargetCreate")


@_attrs_define(repr=False)
class OutdialtargetCreate(Model, Destinations):
    """A new contact: `name`, `detail` and `data` not empty, and a destination with a `target`.

    Attributes:
        name (str): A human-readable name (such as the contact's name).
        detail (str): A description.
        data (str): Free-form data kept with the target.
        destination_0 (Address | None | Unset): The first destination, dialed first; `{}` if the contact has none.
        destination_1 (Address | None | Unset): The second destination, or `{}`.
        destination_2 (Address | None | Unset): The third destination, or `{}`.
        destination_3 (Address | None | Unset): The fourth destination, or `{}`.
        destination_4 (Address | None | Unset): The fifth destination, or `{}`.
    """

    name: str
    detail: str
    data: str
    destination_0: Address | None | Unset = UNSET
    destination_1: Address | None | Unset = UNSET
    destination_2: Address | None | Unset = UNSET
    destination_3: Address | None | Unset = UNSET
    destination_4: Address | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        detail = self.detail

        data = self.data

        destination_0: dict[str, Any] | None | Unset
        if isinstance(self.destination_0, Unset):
            destination_0 = UNSET
        elif isinstance(self.destination_0, Address):
            destination_0 = self.destination_0.to_dict()
        else:
            destination_0 = self.destination_0

        destination_1: dict[str, Any] | None | Unset
        if isinstance(self.destination_1, Unset):
            destination_1 = UNSET
        elif isinstance(self.destination_1, Address):
            destination_1 = self.destination_1.to_dict()
        else:
            destination_1 = self.destination_1

        destination_2: dict[str, Any] | None | Unset
        if isinstance(self.destination_2, Unset):
            destination_2 = UNSET
        elif isinstance(self.destination_2, Address):
            destination_2 = self.destination_2.to_dict()
        else:
            destination_2 = self.destination_2

        destination_3: dict[str, Any] | None | Unset
        if isinstance(self.destination_3, Unset):
            destination_3 = UNSET
        elif isinstance(self.destination_3, Address):
            destination_3 = self.destination_3.to_dict()
        else:
            destination_3 = self.destination_3

        destination_4: dict[str, Any] | None | Unset
        if isinstance(self.destination_4, Unset):
            destination_4 = UNSET
        elif isinstance(self.destination_4, Address):
            destination_4 = self.destination_4.to_dict()
        else:
            destination_4 = self.destination_4

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "detail": detail,
                "data": data,
            }
        )
        if destination_0 is not UNSET:
            field_dict["destination_0"] = destination_0
        if destination_1 is not UNSET:
            field_dict["destination_1"] = destination_1
        if destination_2 is not UNSET:
            field_dict["destination_2"] = destination_2
        if destination_3 is not UNSET:
            field_dict["destination_3"] = destination_3
        if destination_4 is not UNSET:
            field_dict["destination_4"] = destination_4

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        detail = d.pop("detail")

        data = d.pop("data")

        _destination_0 = d.pop("destination_0", UNSET)
        destination_0: Address | None | Unset
        if _destination_0 is None:
            destination_0 = None
        elif isinstance(_destination_0, Unset):
            destination_0 = UNSET
        elif isinstance(_destination_0, dict):
            try:
                destination_0_type_0 = Address.from_dict(_destination_0)

                destination_0 = destination_0_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                destination_0 = cast(Address | None | Unset, _destination_0)
        else:
            destination_0 = cast(Address | None | Unset, _destination_0)

        _destination_1 = d.pop("destination_1", UNSET)
        destination_1: Address | None | Unset
        if _destination_1 is None:
            destination_1 = None
        elif isinstance(_destination_1, Unset):
            destination_1 = UNSET
        elif isinstance(_destination_1, dict):
            try:
                destination_1_type_0 = Address.from_dict(_destination_1)

                destination_1 = destination_1_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                destination_1 = cast(Address | None | Unset, _destination_1)
        else:
            destination_1 = cast(Address | None | Unset, _destination_1)

        _destination_2 = d.pop("destination_2", UNSET)
        destination_2: Address | None | Unset
        if _destination_2 is None:
            destination_2 = None
        elif isinstance(_destination_2, Unset):
            destination_2 = UNSET
        elif isinstance(_destination_2, dict):
            try:
                destination_2_type_0 = Address.from_dict(_destination_2)

                destination_2 = destination_2_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                destination_2 = cast(Address | None | Unset, _destination_2)
        else:
            destination_2 = cast(Address | None | Unset, _destination_2)

        _destination_3 = d.pop("destination_3", UNSET)
        destination_3: Address | None | Unset
        if _destination_3 is None:
            destination_3 = None
        elif isinstance(_destination_3, Unset):
            destination_3 = UNSET
        elif isinstance(_destination_3, dict):
            try:
                destination_3_type_0 = Address.from_dict(_destination_3)

                destination_3 = destination_3_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                destination_3 = cast(Address | None | Unset, _destination_3)
        else:
            destination_3 = cast(Address | None | Unset, _destination_3)

        _destination_4 = d.pop("destination_4", UNSET)
        destination_4: Address | None | Unset
        if _destination_4 is None:
            destination_4 = None
        elif isinstance(_destination_4, Unset):
            destination_4 = UNSET
        elif isinstance(_destination_4, dict):
            try:
                destination_4_type_0 = Address.from_dict(_destination_4)

                destination_4 = destination_4_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                destination_4 = cast(Address | None | Unset, _destination_4)
        else:
            destination_4 = cast(Address | None | Unset, _destination_4)

        outdialtarget_create = cls(
            name,
            detail,
            data,
            destination_0,
            destination_1,
            destination_2,
            destination_3,
            destination_4,
        )

        if d:
            outdialtarget_create.additional_properties = d
        return outdialtarget_create

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
