from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._model import Resource
from ..types import UNSET, Unset, parse_uuid

T = TypeVar("T", bound="Outdial")


@_attrs_define(repr=False)
class Outdial(Resource):
    """A list of contacts (outdialtargets) that a campaign dials.

    Attributes:
        id (UUID): The outdial's id.
        campaign_id (UUID): The campaign dialing it; the nil UUID when none.
        name (str): A human-readable name.
        detail (str): A description.
        data (str): Free-form data kept with the outdial.
        tm_create (str): A UTC time. Today's server writes Go's RFC 3339 with the fraction's trailing zeros trimmed
            (`"2026-03-01T09:30:00.1234Z"`, `"2026-03-01T09:30:00Z"`). The docs and older data hold
            `"2022-04-30 17:52:16.484341"` (a space, no zone, meaning UTC) and the sentinel
            `"9999-01-01 00:00:00.000000"` for "never". Kept as the wire string;
            `voipbin_outdial.timeutil.parse_timestamp` reads every form into an aware datetime.
        customer_id (UUID | Unset): The customer who owns the outdial.
        tm_update (None | str | Unset): When it last changed; `null` (older data: the 9999 sentinel) if never.
        tm_delete (None | str | Unset): When it was deleted; `null` (older data: the 9999 sentinel) if not deleted.
    """

    id: UUID
    campaign_id: UUID
    name: str
    detail: str
    data: str
    tm_create: str
    customer_id: UUID | Unset = UNSET
    tm_update: None | str | Unset = UNSET
    tm_delete: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        campaign_id = str(self.campaign_id)

        name = self.name

        detail = self.detail

        data = self.data

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
                "campaign_id": campaign_id,
                "name": name,
                "detail": detail,
                "data": data,
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

        campaign_id = parse_uuid(d.pop("campaign_id"))

        name = d.pop("name")

        detail = d.pop("detail")

        data = d.pop("data")

        tm_create = d.pop("tm_create")

        _customer_id = d.pop("customer_id", UNSET)
        customer_id: UUID | Unset
        if isinstance(_customer_id, Unset):
            customer_id = UNSET
        else:
            customer_id = parse_uuid(_customer_id)

        tm_update = cast(None | str | Unset, d.pop("tm_update", UNSET))

        tm_delete = cast(None | str | Unset, d.pop("tm_delete", UNSET))

        outdial = cls(
            id,
            campaign_id,
            name,
            detail,
            data,
            tm_create,
            customer_id,
            tm_update,
            tm_delete,
        )

        if d:
            outdial.additional_properties = d
        return outdial

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
