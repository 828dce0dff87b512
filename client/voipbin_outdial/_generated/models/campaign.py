from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._model import Resource
from ..models.campaign_status import CampaignStatus
from ..models.flow_action import FlowAction
from ..types import parse_uuid

T = TypeVar("T", bound="Campaign")


@_attrs_define(repr=False)
class Campaign(Resource):
    """An outbound campaign, which dials an outdial's targets with an outplan's settings while its status is `run`. Every
    key is always sent; an unset id is the nil UUID.

        Attributes:
            id (UUID): The campaign's id (the nil UUID in the all-zero object of a refused delete).
            customer_id (UUID): The customer who owns the campaign.
            type_ (str): `call`: each target is called and the actions run on answer; `flow`: the actions run for each
                target without a call. The server stores any text sent (`""` too) and returns it; a client keeps values it does
                not know.
            name (str): A human-readable name.
            detail (str): A description.
            status (CampaignStatus): `stop`, `run` (the dialer is running it) or `stopping` (stop was asked while it ran; it
                becomes `stop` at the next tick or the last hangup). `""` only in the all-zero object of a refused delete.
            service_level (int): With a queue: at most `available agents * service_level / 100` calls ring at once.
            end_handle (str): What the dialer does when no target is left to dial: `stop` stops the campaign; anything else
                (`continue`, `""`, any text stored) keeps it running, looking again every 5 s.
            actions (list[FlowAction] | None): The actions run on each answered call, as sent (`null` only in the all-zero
                object).
            outplan_id (UUID): The outplan it dials with; the nil UUID when none.
            outdial_id (UUID): The outdial it dials; the nil UUID when none.
            queue_id (UUID): The queue answered calls join; the nil UUID when none.
            next_campaign_id (UUID): Stored only: the server never starts it; the nil UUID when none.
            tm_create (None | str): When it was created (`null` only in the all-zero object).
            tm_update (None | str): When it last changed (the dialer's own stops too); `null` if never.
            tm_delete (None | str): When it was deleted; `null` if not deleted.
    """

    id: UUID
    customer_id: UUID
    type_: str
    name: str
    detail: str
    status: CampaignStatus
    service_level: int
    end_handle: str
    actions: list[FlowAction] | None
    outplan_id: UUID
    outdial_id: UUID
    queue_id: UUID
    next_campaign_id: UUID
    tm_create: None | str
    tm_update: None | str
    tm_delete: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        customer_id = str(self.customer_id)

        type_ = self.type_

        name = self.name

        detail = self.detail

        status = self.status.value

        service_level = self.service_level

        end_handle = self.end_handle

        actions: list[dict[str, Any]] | None
        if isinstance(self.actions, list):
            actions = []
            for actions_type_0_item_data in self.actions:
                actions_type_0_item = actions_type_0_item_data.to_dict()
                actions.append(actions_type_0_item)

        else:
            actions = self.actions

        outplan_id = str(self.outplan_id)

        outdial_id = str(self.outdial_id)

        queue_id = str(self.queue_id)

        next_campaign_id = str(self.next_campaign_id)

        tm_create: None | str
        tm_create = self.tm_create

        tm_update: None | str
        tm_update = self.tm_update

        tm_delete: None | str
        tm_delete = self.tm_delete

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "customer_id": customer_id,
                "type": type_,
                "name": name,
                "detail": detail,
                "status": status,
                "service_level": service_level,
                "end_handle": end_handle,
                "actions": actions,
                "outplan_id": outplan_id,
                "outdial_id": outdial_id,
                "queue_id": queue_id,
                "next_campaign_id": next_campaign_id,
                "tm_create": tm_create,
                "tm_update": tm_update,
                "tm_delete": tm_delete,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = parse_uuid(d.pop("id"))

        customer_id = parse_uuid(d.pop("customer_id"))

        type_ = d.pop("type")

        name = d.pop("name")

        detail = d.pop("detail")

        status = CampaignStatus._from_value(d.pop("status"))

        service_level = d.pop("service_level")

        end_handle = d.pop("end_handle")

        _actions = d.pop("actions")
        actions: list[FlowAction] | None
        if _actions is None:
            actions = None
        elif isinstance(_actions, list):
            try:
                actions_type_0 = []
                _actions_type_0 = _actions
                for actions_type_0_item_data in _actions_type_0:
                    actions_type_0_item = FlowAction.from_dict(actions_type_0_item_data)

                    actions_type_0.append(actions_type_0_item)

                actions = actions_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                actions = cast(list[FlowAction] | None, _actions)
        else:
            actions = cast(list[FlowAction] | None, _actions)

        outplan_id = parse_uuid(d.pop("outplan_id"))

        outdial_id = parse_uuid(d.pop("outdial_id"))

        queue_id = parse_uuid(d.pop("queue_id"))

        next_campaign_id = parse_uuid(d.pop("next_campaign_id"))

        tm_create = cast(None | str, d.pop("tm_create"))

        tm_update = cast(None | str, d.pop("tm_update"))

        tm_delete = cast(None | str, d.pop("tm_delete"))

        campaign = cls(
            id,
            customer_id,
            type_,
            name,
            detail,
            status,
            service_level,
            end_handle,
            actions,
            outplan_id,
            outdial_id,
            queue_id,
            next_campaign_id,
            tm_create,
            tm_update,
            tm_delete,
        )

        if d:
            campaign.additional_properties = d
        return campaign

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
