from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._model import Model
from ..models.campaign import Campaign
from ..types import UNSET, Unset

T = TypeVar("T", bound="CampaignList")


@_attrs_define(repr=False)
class CampaignList(Model):
    """One page of campaigns, newest first.

    Attributes:
        result (list[Campaign]): The page's items.
        next_page_token (None | str | Unset): Pass as `page_token` for the next page: the last item's `tm_create` as
            `YYYY-MM-DDTHH:MM:SS.ffffffZ`; `""` on an empty page.
    """

    result: list[Campaign]
    next_page_token: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        result = []
        for result_item_data in self.result:
            result_item = result_item_data.to_dict()
            result.append(result_item)

        next_page_token: None | str | Unset
        if isinstance(self.next_page_token, Unset):
            next_page_token = UNSET
        else:
            next_page_token = self.next_page_token

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "result": result,
            }
        )
        if next_page_token is not UNSET:
            field_dict["next_page_token"] = next_page_token

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        result = []
        _result = d.pop("result")
        for result_item_data in _result:
            result_item = Campaign.from_dict(result_item_data)

            result.append(result_item)

        next_page_token = cast(None | str | Unset, d.pop("next_page_token", UNSET))

        campaign_list = cls(
            result,
            next_page_token,
        )

        if d:
            campaign_list.additional_properties = d
        return campaign_list

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
