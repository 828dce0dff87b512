"""Contains all the data models used in inputs/outputs"""

from .address import Address
from .address_type import AddressType
from .campaign import Campaign
from .campaign_actions_update import CampaignActionsUpdate
from .campaign_create import CampaignCreate
from .campaign_list import CampaignList
from .campaign_next_campaign_id_update import CampaignNextCampaignIdUpdate
from .campaign_resource_info_update import CampaignResourceInfoUpdate
from .campaign_service_level_update import CampaignServiceLevelUpdate
from .campaign_status import CampaignStatus
from .campaign_status_update import CampaignStatusUpdate
from .campaign_status_update_status import CampaignStatusUpdateStatus
from .campaign_update import CampaignUpdate
from .campaigncall import Campaigncall
from .campaigncall_list import CampaigncallList
from .campaigncall_reference_type import CampaigncallReferenceType
from .campaigncall_result import CampaigncallResult
from .campaigncall_status import CampaigncallStatus
from .error_detail import ErrorDetail
from .error_detail_details_item import ErrorDetailDetailsItem
from .error_response import ErrorResponse
from .flow_action import FlowAction
from .flow_action_option import FlowActionOption
from .flow_action_type import FlowActionType
from .name_detail_update import NameDetailUpdate
from .outdial import Outdial
from .outdial_campaign_id_update import OutdialCampaignIdUpdate
from .outdial_create import OutdialCreate
from .outdial_data_update import OutdialDataUpdate
from .outdial_list import OutdialList
from .outdialtarget import Outdialtarget
from .outdialtarget_create import OutdialtargetCreate
from .outdialtarget_list import OutdialtargetList
from .outdialtarget_status import OutdialtargetStatus
from .outplan import Outplan
from .outplan_create import OutplanCreate
from .outplan_dial_info_update import OutplanDialInfoUpdate
from .outplan_list import OutplanList

__all__ = (
    "Address",
    "AddressType",
    "Campaign",
    "CampaignActionsUpdate",
    "Campaigncall",
    "CampaigncallList",
    "CampaigncallReferenceType",
    "CampaigncallResult",
    "CampaigncallStatus",
    "CampaignCreate",
    "CampaignList",
    "CampaignNextCampaignIdUpdate",
    "CampaignResourceInfoUpdate",
    "CampaignServiceLevelUpdate",
    "CampaignStatus",
    "CampaignStatusUpdate",
    "CampaignStatusUpdateStatus",
    "CampaignUpdate",
    "ErrorDetail",
    "ErrorDetailDetailsItem",
    "ErrorResponse",
    "FlowAction",
    "FlowActionOption",
    "FlowActionType",
    "NameDetailUpdate",
    "Outdial",
    "OutdialCampaignIdUpdate",
    "OutdialCreate",
    "OutdialDataUpdate",
    "OutdialList",
    "Outdialtarget",
    "OutdialtargetCreate",
    "OutdialtargetList",
    "OutdialtargetStatus",
    "Outplan",
    "OutplanCreate",
    "OutplanDialInfoUpdate",
    "OutplanList",
)
