from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._model import Resource
from ..models.address import Address
from ..models.campaigncall_reference_type import CampaigncallReferenceType
from ..models.campaigncall_result import CampaigncallResult
from ..models.campaigncall_status import CampaigncallStatus
from ..types import parse_uuid

T = TypeVar("T", bound="Campaigncall")


@_attrs_define(repr=False)
class Campaigncall(Resource):
    """One dial attempt of a campaign (one destination of one target); the next try of the same target is a new
    campaigncall. Every key is always sent.

        Attributes:
            id (UUID): The campaigncall's id.
            customer_id (UUID): The customer who owns it.
            campaign_id (UUID): The campaign that made it.
            outplan_id (UUID): The campaign's outplan when it was made.
            outdial_id (UUID): The campaign's outdial when it was made.
            outdial_target_id (UUID): The target dialed.
            queue_id (UUID): The campaign's queue; the nil UUID when none.
            activeflow_id (UUID): The activeflow made for it.
            flow_id (UUID): The campaign's own flow (which the campaign does not show).
            reference_type (CampaigncallReferenceType): `call` (`reference_id` is the call's id) or `flow` (`reference_id`
                is the nil UUID); `none` is never written.
            reference_id (UUID): The call's id (`GET /calls/{id}`); the nil UUID for a flow.
            status (CampaigncallStatus): `dialing` (placed), `progressing` (a flow campaign's flow is running) or `done`. A
                call campaign's campaigncall goes from `dialing` straight to `done` at the hangup.
            result (CampaigncallResult): `""` until it is done, then `success` (hangup reason `normal`, or a flow that
                ended) or `fail`.
            source (Address | None): The outplan's `source` (`null` only in the all-zero object).
            destination (Address | None): The target's destination dialed (`null` only in the all-zero object).
            destination_index (int): Which `destination_N` was dialed (0 to 4).
            try_count (int): The try of that destination this was (1 for the first).
            tm_create (None | str): When it was placed (`null` only in the all-zero object).
            tm_update (None | str): When its status last changed; `null` if never.
            tm_delete (None | str): When it was deleted; `null` if not deleted.
    """

    id: UUID
    customer_id: UUID
    campaign_id: UUID
    outplan_id: UUID
    outdial_id: UUID
    outdial_target_id: UUID
    queue_id: UUID
    activeflow_id: UUID
    flow_id: UUID
    reference_type: CampaigncallReferenceType
    reference_id: UUID
    status: CampaigncallStatus
    result: CampaigncallResult
    source: Address | None
    destination: Address | None
    destination_index: int
    try_count: int
    tm_create: None | str
    tm_update: None | str
    tm_delete: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        customer_id = str(self.customer_id)

        campaign_id = str(self.campaign_id)

        outplan_id = str(self.outplan_id)

        outdial_id = str(self.outdial_id)

        outdial_target_id = str(self.outdial_target_id)

        queue_id = str(self.queue_id)

        activeflow_id = str(self.activeflow_id)

        flow_id = str(self.flow_id)

        reference_type = self.reference_type.value

        reference_id = str(self.reference_id)

        status = self.status.value

        result = self.result.value

        source: dict[str, Any] | None
        if isinstance(self.source, Address):
            source = self.source.to_dict()
        else:
            source = self.source

        destination: dict[str, Any] | None
        if isinstance(self.destination, Address):
            destination = self.destination.to_dict()
        else:
            destination = self.destination

        destination_index = self.destination_index

        try_count = self.try_count

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
                "campaign_id": campaign_id,
                "outplan_id": outplan_id,
                "outdial_id": outdial_id,
                "outdial_target_id": outdial_target_id,
                "queue_id": queue_id,
                "activeflow_id": activeflow_id,
                "flow_id": flow_id,
                "reference_type": reference_type,
                "reference_id": reference_id,
                "status": status,
                "result": result,
                "source": source,
                "destination": destination,
                "destination_index": destination_index,
                "try_count": try_count,
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

        campaign_id = parse_uuid(d.pop("campaign_id"))

        outplan_id = parse_uuid(d.pop("outplan_id"))

        outdial_id = parse_uuid(d.pop("outdial_id"))

        outdial_target_id = parse_uuid(d.pop("outdial_target_id"))

        queue_id = parse_uuid(d.pop("queue_id"))

        activeflow_id = parse_uuid(d.pop("activeflow_id"))

        flow_id = parse_uuid(d.pop("flow_id"))

        reference_type = CampaigncallReferenceType._from_value(d.pop("reference_type"))

        reference_id = parse_uuid(d.pop("reference_id"))

        status = CampaigncallStatus._from_value(d.pop("status"))

        result = CampaigncallResult._from_value(d.pop("result"))

        _source = d.pop("source")
        source: Address | None
        if _source is None:
            source = None
        elif isinstance(_source, dict):
            try:
                source_type_0 = Address.from_dict(_source)

                source = source_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                source = cast(Address | None, _source)
        else:
            source = cast(Address | None, _source)

        _destination = d.pop("destination")
        destination: Address | None
        if _destination is None:
            destination = None
        elif isinstance(_destination, dict):
            try:
                destination_type_0 = Address.from_dict(_destination)

                destination = destination_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                destination = cast(Address | None, _destination)
        else:
            destination = cast(Address | None, _destination)

        destination_index = d.pop("destination_index")

        try_count = d.pop("try_count")

        tm_create = cast(None | str, d.pop("tm_create"))

        tm_update = cast(None | str, d.pop("tm_update"))

        tm_delete = cast(None | str, d.pop("tm_delete"))

        campaigncall = cls(
            id,
            customer_id,
            campaign_id,
            outplan_id,
            outdial_id,
            outdial_target_id,
            queue_id,
            activeflow_id,
            flow_id,
            reference_type,
            reference_id,
            status,
            result,
            source,
            destination,
            destination_index,
            try_count,
            tm_create,
            tm_update,
            tm_delete,
        )

        if d:
            campaigncall.additional_properties = d
        return campaigncall

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
