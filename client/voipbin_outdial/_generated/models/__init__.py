"""Contains all the data models used in inputs/outputs"""

from .address import Address
from .address_type import AddressType
from .error_detail import ErrorDetail
from .error_detail_details_item import ErrorDetailDetailsItem
from .error_response import ErrorResponse
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
    "ErrorDetail",
    "ErrorDetailDetailsItem",
    "ErrorResponse",
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
