from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._model import MaxTryCounts, Resource
from ..models.address import Address
from ..types import UNSET, Unset, parse_uuid

T = TypeVar("T", bound="Outplan")


@_attrs_define(repr=False)
class Outplan(Resource, MaxTryCounts):
    """A dialing strategy a campaign follows.

    Attributes:
        id (UUID): The outplan's id.
        name (str): A human-readable name.
        detail (str): A description of the strategy.
        source (Address): A VoIPBIN address, such as a phone number; empty fields are left out, so an unused slot is
            `{}`.
        dial_timeout (int): How long to ring before giving up, in **milliseconds** (30000 = 30 s).
        try_interval (int): How long to wait after a failed call before dialing the same target again, in
            **milliseconds** (3600000 = 1 h).
        max_try_count_0 (int): Most attempts on `destination_0`.
        max_try_count_1 (int): Most attempts on `destination_1`.
        max_try_count_2 (int): Most attempts on `destination_2`.
        max_try_count_3 (int): Most attempts on `destination_3`.
        max_try_count_4 (int): Most attempts on `destination_4`.
        tm_create (str): A UTC time. Today's server writes Go's RFC 3339 with the fraction's trailing zeros trimmed
            (`"2026-03-01T09:30:00.1234Z"`, `"2026-03-01T09:30:00Z"`). The docs and older data hold
            `"2022-04-30 17:52:16.484341"` (a space, no zone, meaning UTC) and the sentinel
            `"9999-01-01 00:00:00.000000"` for "never". Kept as the wire string;
            `voipbin_outdial.timeutil.parse_timestamp` reads every form into an aware datetime.
        customer_id (UUID | Unset): The customer who owns the outplan.
        tm_update (None | str | Unset): When it last changed; `null` (older data: the 9999 sentinel) if never.
        tm_delete (None | str | Unset): When it was deleted; `null` (older data: the 9999 sentinel) if not deleted.
    """

    id: UUID
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
    tm_create: str
    customer_id: UUID | Unset = UNSET
    tm_update: None | str | Unset = UNSET
    tm_delete: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

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

        tm_create = self.tm_create

        customer_id: str | Unset = UNSET
        if not isinstance(self.customer_id, Unset):
            customer_id = str(self.customer_id)

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
                "tm_create": tm_create,
            }
        )
        if customer_id is not UNSET:
            field_dict["customer_id"] = customer_id
        if tm_update is not UNSET:
            field_dict["tm_update"] = tm_update
        if tm_delete is not UNSET:
            field_dict["tm_delete"] = tm_delete

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = parse_uuid(d.pop("id"))

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

        tm_create = d.pop("tm_create")

        _customer_id = d.pop("customer_id", UNSET)
        customer_id: UUID | Unset
        if isinstance(_customer_id, Unset):
            customer_id = UNSET
        else:
            customer_id = parse_uuid(_customer_id)

        tm_update = cast(None | str | Unset, d.pop("tm_update", UNSET))

        tm_delete = cast(None | str | Unset, d.pop("tm_delete", UNSET))

        outplan = cls(
            id,
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
            tm_create,
            customer_id,
            tm_update,
            tm_delete,
        )

        if d:
            outplan.additional_properties = d
        return outplan

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
