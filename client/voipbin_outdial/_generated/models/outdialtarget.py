from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._model import Destinations, Resource
from ..models.address import Address
from ..models.outdialtarget_status import OutdialtargetStatus
from ..types import UNSET, Unset, parse_uuid

T = TypeVar("T", bound="Outdialtarget")


@_attrs_define(repr=False)
class Outdialtarget(Resource, Destinations):
    """One contact in an outdial, with up to five destinations tried in index order.

    Attributes:
        id (UUID): The target's id.
        outdial_id (UUID): The outdial it belongs to.
        name (str): A human-readable name (such as the contact's name).
        detail (str): A description.
        data (str): Free-form data kept with the target.
        status (OutdialtargetStatus): `idle`: waiting to be dialed (the state after creation and between attempts);
            `progressing`: a call to it is under way; `done`: answered, or no attempts left.
            A client must accept values it does not know yet.
        destination_0 (Address | None): The first destination; `{}` if not set (older data: `null`).
        try_count_0 (int): Attempts made on `destination_0` (set by the system).
        try_count_1 (int): Attempts made on `destination_1`.
        try_count_2 (int): Attempts made on `destination_2`.
        try_count_3 (int): Attempts made on `destination_3`.
        try_count_4 (int): Attempts made on `destination_4`.
        tm_create (str): A UTC time. Today's server writes Go's RFC 3339 with the fraction's trailing zeros trimmed
            (`"2026-03-01T09:30:00.1234Z"`, `"2026-03-01T09:30:00Z"`). The docs and older data hold
            `"2022-04-30 17:52:16.484341"` (a space, no zone, meaning UTC) and the sentinel
            `"9999-01-01 00:00:00.000000"` for "never". Kept as the wire string;
            `voipbin_outdial.timeutil.parse_timestamp` reads every form into an aware datetime.
        destination_1 (Address | None | Unset): The second destination; `{}` if not set (older data: `null`).
        destination_2 (Address | None | Unset): The third destination; `{}` if not set (older data: `null`).
        destination_3 (Address | None | Unset): The fourth destination; `{}` if not set (older data: `null`).
        destination_4 (Address | None | Unset): The fifth destination; `{}` if not set (older data: `null`).
        tm_update (None | str | Unset): When it last changed; equal to `tm_create` until it is first dialed (older data:
            `null` or the 9999 sentinel).
        tm_delete (None | str | Unset): When it was deleted; `null` (older data: the 9999 sentinel) if not deleted.
    """

    id: UUID
    outdial_id: UUID
    name: str
    detail: str
    data: str
    status: OutdialtargetStatus
    destination_0: Address | None
    try_count_0: int
    try_count_1: int
    try_count_2: int
    try_count_3: int
    try_count_4: int
    tm_create: str
    destination_1: Address | None | Unset = UNSET
    destination_2: Address | None | Unset = UNSET
    destination_3: Address | None | Unset = UNSET
    destination_4: Address | None | Unset = UNSET
    tm_update: None | str | Unset = UNSET
    tm_delete: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        outdial_id = str(self.outdial_id)

        name = self.name

        detail = self.detail

        data = self.data

        status = self.status.value

        destination_0: dict[str, Any] | None
        if isinstance(self.destination_0, Address):
            destination_0 = self.destination_0.to_dict()
        else:
            destination_0 = self.destination_0

        try_count_0 = self.try_count_0

        try_count_1 = self.try_count_1

        try_count_2 = self.try_count_2

        try_count_3 = self.try_count_3

        try_count_4 = self.try_count_4

        tm_create = self.tm_create

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

        tm_update: None | str | Unset
        if isinstance(self.tm_update, Unset):
            tm_update = UNSET
        else:
            tm_update = self.tm_update

        tm_delete: None | str | Unset
        if isinstance(self.tm_delete, Unset):
            tm_delete = UNSET
        else:
            tm_delete = self.tm_delete

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "outdial_id": outdial_id,
                "name": name,
                "detail": detail,
                "data": data,
                "status": status,
                "destination_0": destination_0,
                "try_count_0": try_count_0,
                "try_count_1": try_count_1,
                "try_count_2": try_count_2,
                "try_count_3": try_count_3,
                "try_count_4": try_count_4,
                "tm_create": tm_create,
            }
        )
        if destination_1 is not UNSET:
            field_dict["destination_1"] = destination_1
        if destination_2 is not UNSET:
            field_dict["destination_2"] = destination_2
        if destination_3 is not UNSET:
            field_dict["destination_3"] = destination_3
        if destination_4 is not UNSET:
            field_dict["destination_4"] = destination_4
        if tm_update is not UNSET:
            field_dict["tm_update"] = tm_update
        if tm_delete is not UNSET:
            field_dict["tm_delete"] = tm_delete

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = parse_uuid(d.pop("id"))

        outdial_id = parse_uuid(d.pop("outdial_id"))

        name = d.pop("name")

        detail = d.pop("detail")

        data = d.pop("data")

        status = OutdialtargetStatus._from_value(d.pop("status"))

        _destination_0 = d.pop("destination_0")
        destination_0: Address | None
        if _destination_0 is None:
            destination_0 = None
        elif isinstance(_destination_0, dict):
            try:
                destination_0_type_0 = Address.from_dict(_destination_0)

                destination_0 = destination_0_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                destination_0 = cast(Address | None, _destination_0)
        else:
            destination_0 = cast(Address | None, _destination_0)

        try_count_0 = d.pop("try_count_0")

        try_count_1 = d.pop("try_count_1")

        try_count_2 = d.pop("try_count_2")

        try_count_3 = d.pop("try_count_3")

        try_count_4 = d.pop("try_count_4")

        tm_create = d.pop("tm_create")

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

        tm_update = cast(None | str | Unset, d.pop("tm_update", UNSET))

        tm_delete = cast(None | str | Unset, d.pop("tm_delete", UNSET))

        outdialtarget = cls(
            id,
            outdial_id,
            name,
            detail,
            data,
            status,
            destination_0,
            try_count_0,
            try_count_1,
            try_count_2,
            try_count_3,
            try_count_4,
            tm_create,
            destination_1,
            destination_2,
            destination_3,
            destination_4,
            tm_update,
            tm_delete,
        )

        if d:
            outdialtarget.additional_properties = d
        return outdialtarget

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
