from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._model import Model
from ..models.flow_action_option import FlowActionOption
from ..models.flow_action_type import FlowActionType
from ..types import UNSET, Unset, parse_uuid

T = TypeVar("T", bound="FlowAction")


@_attrs_define(repr=False)
class FlowAction(Model):
    """One flow action, as sent: the server fills in nothing (a missing `id` or `next_id` is the nil UUID) and leaves
    `option` out when it is empty. An action without a `type` is 400 `INVALID_ACTION_TYPE`.

        Attributes:
            type_ (FlowActionType): What the action does: the types the flow manager takes (`TypeListAll`); any other, `""`
                too, is 400 `INVALID_ACTION_TYPE`. A client keeps values it does not know.
            id (UUID | Unset): The action's id; the nil UUID when none was given.
            next_id (UUID | Unset): The action to go to next; the nil UUID for the one after it in the list.
            option (FlowActionOption | Unset): The action's options, by `type`.
            tm_execute (None | str | Unset): When it ran; `null` for a campaign's actions.
    """

    type_: FlowActionType
    id: UUID | Unset = UNSET
    next_id: UUID | Unset = UNSET
    option: FlowActionOption | Unset = UNSET
    tm_execute: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        next_id: str | Unset = UNSET
        if not isinstance(self.next_id, Unset):
            next_id = str(self.next_id)

        option: dict[str, Any] | Unset = UNSET
        if not isinstance(self.option, Unset):
            option = self.option.to_dict()

        tm_execute: None | str | Unset
        if isinstance(self.tm_execute, Unset):
            tm_execute = UNSET
        else:
            tm_execute = self.tm_execute

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if next_id is not UNSET:
            field_dict["next_id"] = next_id
        if option is not UNSET:
            field_dict["option"] = option
        if tm_execute is not UNSET:
            field_dict["tm_execute"] = tm_execute

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = FlowActionType._from_value(d.pop("type"))

        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = parse_uuid(_id)

        _next_id = d.pop("next_id", UNSET)
        next_id: UUID | Unset
        if isinstance(_next_id, Unset):
            next_id = UNSET
        else:
            next_id = parse_uuid(_next_id)

        _option = d.pop("option", UNSET)
        option: FlowActionOption | Unset
        if isinstance(_option, Unset):
            option = UNSET
        else:
            option = FlowActionOption.from_dict(_option)

        tm_execute = cast(None | str | Unset, d.pop("tm_execute", UNSET))

        flow_action = cls(
            type_,
            id,
            next_id,
            option,
            tm_execute,
        )

        if d:
            flow_action.additional_properties = d
        return flow_action

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
