from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._model import Model
from ..models.error_detail_details_item import ErrorDetailDetailsItem
from ..types import UNSET, Unset

T = TypeVar("T", bound="ErrorDetail")


@_attrs_define(repr=False)
class ErrorDetail(Model):
    """What went wrong.

    Attributes:
        status (str): VoIPBIN's canonical status, one per HTTP status: `INVALID_ARGUMENT` (400),
            `UNAUTHENTICATED` (401), `PERMISSION_DENIED` (403), `NOT_FOUND` (404),
            `RESOURCE_EXHAUSTED` (429), `INTERNAL` (500), `UNAVAILABLE` (503), and a few others.
        reason (str): The specific cause, such as `INVALID_ARGUMENT`, `INVALID_ID`, `INVALID_JSON_BODY`,
            `INVALID_REQUEST_PARAMETER`, `AUTHENTICATION_REQUIRED`, `INVALID_CREDENTIALS`,
            `PERMISSION_DENIED`, `OUTDIAL_NOT_FOUND`, `RATE_LIMIT_EXCEEDED`, `INTERNAL` or
            `SERVICE_UNAVAILABLE`. Open-ended.
        message (str): A human-readable explanation.
        request_id (str): The request's id (`req_` and 26 letters and digits); quote it when asking VoIPBIN for help.
        details (list[ErrorDetailDetailsItem] | Unset): More about the error, such as `[{"limited_by": "customer"}]` on
            a 429.
    """

    status: str
    reason: str
    message: str
    request_id: str
    details: list[ErrorDetailDetailsItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status

        reason = self.reason

        message = self.message

        request_id = self.request_id

        details: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.details, Unset):
            details = []
            for details_item_data in self.details:
                details_item = details_item_data.to_dict()
                details.append(details_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "reason": reason,
                "message": message,
                "request_id": request_id,
            }
        )
        if details is not UNSET:
            field_dict["details"] = details

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = d.pop("status")

        reason = d.pop("reason")

        message = d.pop("message")

        request_id = d.pop("request_id")

        _details = d.pop("details", UNSET)
        details: list[ErrorDetailDetailsItem] | Unset = UNSET
        if _details is not UNSET:
            details = []
            for details_item_data in _details:
                details_item = ErrorDetailDetailsItem.from_dict(details_item_data)

                details.append(details_item)

        error_detail = cls(
            status,
            reason,
            message,
            request_id,
            details,
        )

        if d:
            error_detail.additional_properties = d
        return error_detail

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
