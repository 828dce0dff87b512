from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._model import Model
from ..models.flow_action import FlowAction
from ..types import parse_uuid

T = TypeVar("T", bound="CampaignCreate")


@_attrs_define(repr=False)
class CampaignCreate(Model):
    """A new campaign. The server requires none of these (a missing text is `""`, a number 0, an id the nil UUID);
    VoIPBIN's published spec requires them all.

        Attributes:
            name (str): A human-readable name.
            detail (str): A description.
            type_ (str): `call` or `flow` (stored as sent, unchecked).
            service_level (int): With a queue, the percentage of available agents to keep calls ringing for (the server
                takes any integer; below 0 dials as 0 does: never).
            end_handle (str): `stop` or `continue` (stored as sent, unchecked).
            actions (list[FlowAction]): The actions run on each answered call.
            outplan_id (UUID): The outplan; the nil UUID (or any text that is not a UUID) for none.
            outdial_id (UUID): The outdial; its `campaign_id` must be nil. The nil UUID for none.
            queue_id (UUID): The queue answered calls join; the nil UUID for none.
            next_campaign_id (UUID): Stored only; the nil UUID for none.
    """

    name: str
    detail: str
    type_: str
    service_level: int
    end_handle: str
    actions: list[FlowAction]
    outplan_id: UUID
    outdial_id: UUID
    queue_id: UUID
    next_campaign_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        detail = self.detail

        type_ = self.type_

        service_level = self.service_level

        end_handle = self.end_handle

        actions = []
        for actions_item_data in self.actions:
            actions_item = actions_item_data.to_dict()
            actions.append(actions_item)

        outplan_id = str(self.outplan_id)

        outdial_id = str(self.outdial_id)

        queue_id = str(self.queue_id)

        next_campaign_id = str(self.next_campaign_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "detail": detail,
                "type": type_,
                "service_level": service_level,
                "end_handle": end_handle,
                "actions": actions,
                "outplan_id": outplan_id,
                "outdial_id": outdial_id,
                "queue_id": queue_id,
                "next_campaign_id": next_campaign_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        detail = d.pop("detail")

        type_ = d.pop("type")

        service_level = d.pop("service_level")

        end_handle = d.pop("end_handle")

        actions = []
        _actions = d.pop("actions")
        for actions_item_data in _actions:
            actions_item = FlowAction.from_dict(actions_item_data)

            actions.append(actions_item)

        outplan_id = parse_uuid(d.pop("outplan_id"))

        outdial_id = parse_uuid(d.pop("outdial_id"))

        queue_id = parse_uuid(d.pop("queue_id"))

        next_campaign_id = parse_uuid(d.pop("next_campaign_id"))

        campaign_create = cls(
            name,
            detail,
            type_,
            service_level,
            end_handle,
            actions,
            outplan_id,
            outdial_id,
            queue_id,
            next_campaign_id,
        )

        if d:
            campaign_create.additional_properties = d
        return campaign_create

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
