"""Every operation of openapi.yaml, one row each (:data:`OPERATIONS`, keyed by operationId).

Written by ./generate.sh from templates/api_init.py.jinja. Each row names the operation's HTTP
method, its path template (``{name}`` for each path parameter), its path and query parameters,
the model of its JSON request body and the model of its 2xx body, and the statuses it may answer
with otherwise. The facade builds its requests from these rows, the mock routes and binds by them,
and docs/api.md is written from them.
"""

from collections.abc import Mapping
from typing import Any, Final, NamedTuple
from uuid import UUID

from ..models.campaign import Campaign
from ..models.campaign_actions_update import CampaignActionsUpdate
from ..models.campaign_create import CampaignCreate
from ..models.campaign_list import CampaignList
from ..models.campaign_next_campaign_id_update import CampaignNextCampaignIdUpdate
from ..models.campaign_resource_info_update import CampaignResourceInfoUpdate
from ..models.campaign_service_level_update import CampaignServiceLevelUpdate
from ..models.campaign_status_update import CampaignStatusUpdate
from ..models.campaign_update import CampaignUpdate
from ..models.campaigncall import Campaigncall
from ..models.campaigncall_list import CampaigncallList
from ..models.name_detail_update import NameDetailUpdate
from ..models.outdial import Outdial
from ..models.outdial_campaign_id_update import OutdialCampaignIdUpdate
from ..models.outdial_create import OutdialCreate
from ..models.outdial_data_update import OutdialDataUpdate
from ..models.outdial_list import OutdialList
from ..models.outdialtarget import Outdialtarget
from ..models.outdialtarget_create import OutdialtargetCreate
from ..models.outdialtarget_list import OutdialtargetList
from ..models.outplan import Outplan
from ..models.outplan_create import OutplanCreate
from ..models.outplan_dial_info_update import OutplanDialInfoUpdate
from ..models.outplan_list import OutplanList

__all__ = [
    "OPERATIONS",
    "Operation",
    "Parameter",
    "outplans_list",
    "outplans_create",
    "outplans_get",
    "outplans_update",
    "outplans_delete",
    "outplans_update_dial_info",
    "outdials_list",
    "outdials_create",
    "outdials_get",
    "outdials_update",
    "outdials_delete",
    "outdials_update_campaign_id",
    "outdials_update_data",
    "outdialtargets_list",
    "outdialtargets_create",
    "outdialtargets_get",
    "outdialtargets_delete",
    "campaigns_list",
    "campaigns_create",
    "campaigns_get",
    "campaigns_update",
    "campaigns_delete",
    "campaigns_update_status",
    "campaigns_update_service_level",
    "campaigns_update_actions",
    "campaigns_update_resource_info",
    "campaigns_update_next_campaign_id",
    "campaigns_list_campaigncalls",
    "campaigncalls_list",
    "campaigncalls_get",
    "campaigncalls_delete",
]


class Parameter(NamedTuple):
    """A path or query parameter: its name on the wire, its type, whether it must be given, and
    its default (``None`` for none)."""

    name: str
    type: type
    required: bool
    default: Any


class Operation(NamedTuple):
    """One operation: ``method`` (upper case) and ``path`` (below the server's base URL, with
    ``{name}`` for each path parameter) route it; ``body`` is the model of its JSON request body
    (``None`` for none) and ``response`` the model of its 2xx body; ``errors`` are the other
    statuses the spec gives it. ``tag`` and ``summary`` are the spec's."""

    id: str
    method: str
    path: str
    path_params: tuple[Parameter, ...]
    query_params: tuple[Parameter, ...]
    body: type | None
    response: type
    errors: tuple[int, ...]
    tag: str
    summary: str


outplans_list: Final = Operation(
    "outplans_list",
    "GET",
    "/outplans",
    (),
    (
        Parameter("page_size", int, False, 100),
        Parameter("page_token", str, False, None),
    ),
    None,
    OutplanList,
    (400, 401, 403, 429, 500, 503),
    "outplan",
    "List outplans",
)
outplans_create: Final = Operation(
    "outplans_create",
    "POST",
    "/outplans",
    (),
    (),
    OutplanCreate,
    Outplan,
    (400, 401, 403, 429, 500, 503),
    "outplan",
    "Create an outplan",
)
outplans_get: Final = Operation(
    "outplans_get",
    "GET",
    "/outplans/{id}",
    (Parameter("id", UUID, True, None),),
    (),
    None,
    Outplan,
    (400, 401, 403, 404, 429, 500, 503),
    "outplan",
    "Get an outplan",
)
outplans_update: Final = Operation(
    "outplans_update",
    "PUT",
    "/outplans/{id}",
    (Parameter("id", UUID, True, None),),
    (),
    NameDetailUpdate,
    Outplan,
    (400, 401, 403, 404, 429, 500, 503),
    "outplan",
    "Update an outplan's name and detail",
)
outplans_delete: Final = Operation(
    "outplans_delete",
    "DELETE",
    "/outplans/{id}",
    (Parameter("id", UUID, True, None),),
    (),
    None,
    Outplan,
    (400, 401, 403, 404, 429, 500, 503),
    "outplan",
    "Delete an outplan",
)
outplans_update_dial_info: Final = Operation(
    "outplans_update_dial_info",
    "PUT",
    "/outplans/{id}/dial_info",
    (Parameter("id", UUID, True, None),),
    (),
    OutplanDialInfoUpdate,
    Outplan,
    (400, 401, 403, 404, 429, 500, 503),
    "outplan",
    "Update an outplan's dialing settings",
)
outdials_list: Final = Operation(
    "outdials_list",
    "GET",
    "/outdials",
    (),
    (
        Parameter("page_size", int, False, 100),
        Parameter("page_token", str, False, None),
    ),
    None,
    OutdialList,
    (400, 401, 403, 429, 500, 503),
    "outdial",
    "List outdials",
)
outdials_create: Final = Operation(
    "outdials_create",
    "POST",
    "/outdials",
    (),
    (),
    OutdialCreate,
    Outdial,
    (400, 401, 403, 429, 500, 503),
    "outdial",
    "Create an outdial",
)
outdials_get: Final = Operation(
    "outdials_get",
    "GET",
    "/outdials/{id}",
    (Parameter("id", UUID, True, None),),
    (),
    None,
    Outdial,
    (400, 401, 403, 404, 429, 500, 503),
    "outdial",
    "Get an outdial",
)
outdials_update: Final = Operation(
    "outdials_update",
    "PUT",
    "/outdials/{id}",
    (Parameter("id", UUID, True, None),),
    (),
    NameDetailUpdate,
    Outdial,
    (400, 401, 403, 404, 429, 500, 503),
    "outdial",
    "Update an outdial's name and detail",
)
outdials_delete: Final = Operation(
    "outdials_delete",
    "DELETE",
    "/outdials/{id}",
    (Parameter("id", UUID, True, None),),
    (),
    None,
    Outdial,
    (400, 401, 403, 404, 429, 500, 503),
    "outdial",
    "Delete an outdial",
)
outdials_update_campaign_id: Final = Operation(
    "outdials_update_campaign_id",
    "PUT",
    "/outdials/{id}/campaign_id",
    (Parameter("id", UUID, True, None),),
    (),
    OutdialCampaignIdUpdate,
    Outdial,
    (400, 401, 403, 404, 429, 500, 503),
    "outdial",
    "Attach an outdial to a campaign",
)
outdials_update_data: Final = Operation(
    "outdials_update_data",
    "PUT",
    "/outdials/{id}/data",
    (Parameter("id", UUID, True, None),),
    (),
    OutdialDataUpdate,
    Outdial,
    (400, 401, 403, 404, 429, 500, 503),
    "outdial",
    "Update an outdial's data",
)
outdialtargets_list: Final = Operation(
    "outdialtargets_list",
    "GET",
    "/outdials/{id}/targets",
    (Parameter("id", UUID, True, None),),
    (
        Parameter("page_size", int, False, 100),
        Parameter("page_token", str, False, None),
    ),
    None,
    OutdialtargetList,
    (400, 401, 403, 404, 429, 500, 503),
    "outdial",
    "List an outdial's targets",
)
outdialtargets_create: Final = Operation(
    "outdialtargets_create",
    "POST",
    "/outdials/{id}/targets",
    (Parameter("id", UUID, True, None),),
    (),
    OutdialtargetCreate,
    Outdialtarget,
    (400, 401, 403, 404, 429, 500, 503),
    "outdial",
    "Add a target to an outdial",
)
outdialtargets_get: Final = Operation(
    "outdialtargets_get",
    "GET",
    "/outdials/{id}/targets/{target_id}",
    (
        Parameter("id", UUID, True, None),
        Parameter("target_id", UUID, True, None),
    ),
    (),
    None,
    Outdialtarget,
    (400, 401, 403, 404, 429, 500, 503),
    "outdial",
    "Get a target",
)
outdialtargets_delete: Final = Operation(
    "outdialtargets_delete",
    "DELETE",
    "/outdials/{id}/targets/{target_id}",
    (
        Parameter("id", UUID, True, None),
        Parameter("target_id", UUID, True, None),
    ),
    (),
    None,
    Outdialtarget,
    (400, 401, 403, 404, 429, 500, 503),
    "outdial",
    "Delete a target",
)
campaigns_list: Final = Operation(
    "campaigns_list",
    "GET",
    "/campaigns",
    (),
    (
        Parameter("page_size", int, False, 100),
        Parameter("page_token", str, False, None),
    ),
    None,
    CampaignList,
    (400, 401, 403, 429, 500, 503),
    "campaign",
    "List campaigns",
)
campaigns_create: Final = Operation(
    "campaigns_create",
    "POST",
    "/campaigns",
    (),
    (),
    CampaignCreate,
    Campaign,
    (400, 401, 403, 429, 500, 503),
    "campaign",
    "Create a campaign",
)
campaigns_get: Final = Operation(
    "campaigns_get",
    "GET",
    "/campaigns/{id}",
    (Parameter("id", UUID, True, None),),
    (),
    None,
    Campaign,
    (400, 401, 403, 404, 429, 500, 503),
    "campaign",
    "Get a campaign",
)
campaigns_update: Final = Operation(
    "campaigns_update",
    "PUT",
    "/campaigns/{id}",
    (Parameter("id", UUID, True, None),),
    (),
    CampaignUpdate,
    Campaign,
    (400, 401, 403, 404, 429, 500, 503),
    "campaign",
    "Update a campaign's basic info",
)
campaigns_delete: Final = Operation(
    "campaigns_delete",
    "DELETE",
    "/campaigns/{id}",
    (Parameter("id", UUID, True, None),),
    (),
    None,
    Campaign,
    (400, 401, 403, 404, 429, 500, 503),
    "campaign",
    "Delete a campaign",
)
campaigns_update_status: Final = Operation(
    "campaigns_update_status",
    "PUT",
    "/campaigns/{id}/status",
    (Parameter("id", UUID, True, None),),
    (),
    CampaignStatusUpdate,
    Campaign,
    (400, 401, 403, 404, 429, 500, 503),
    "campaign",
    "Run or stop a campaign",
)
campaigns_update_service_level: Final = Operation(
    "campaigns_update_service_level",
    "PUT",
    "/campaigns/{id}/service_level",
    (Parameter("id", UUID, True, None),),
    (),
    CampaignServiceLevelUpdate,
    Campaign,
    (400, 401, 403, 404, 429, 500, 503),
    "campaign",
    "Update a campaign's service level",
)
campaigns_update_actions: Final = Operation(
    "campaigns_update_actions",
    "PUT",
    "/campaigns/{id}/actions",
    (Parameter("id", UUID, True, None),),
    (),
    CampaignActionsUpdate,
    Campaign,
    (400, 401, 403, 404, 429, 500, 503),
    "campaign",
    "Update a campaign's actions",
)
campaigns_update_resource_info: Final = Operation(
    "campaigns_update_resource_info",
    "PUT",
    "/campaigns/{id}/resource_info",
    (Parameter("id", UUID, True, None),),
    (),
    CampaignResourceInfoUpdate,
    Campaign,
    (400, 401, 403, 404, 429, 500, 503),
    "campaign",
    "Update a campaign's resources",
)
campaigns_update_next_campaign_id: Final = Operation(
    "campaigns_update_next_campaign_id",
    "PUT",
    "/campaigns/{id}/next_campaign_id",
    (Parameter("id", UUID, True, None),),
    (),
    CampaignNextCampaignIdUpdate,
    Campaign,
    (400, 401, 403, 404, 429, 500, 503),
    "campaign",
    "Update a campaign's next campaign",
)
campaigns_list_campaigncalls: Final = Operation(
    "campaigns_list_campaigncalls",
    "GET",
    "/campaigns/{id}/campaigncalls",
    (Parameter("id", UUID, True, None),),
    (
        Parameter("page_size", int, False, 100),
        Parameter("page_token", str, False, None),
    ),
    None,
    CampaigncallList,
    (400, 401, 403, 404, 429, 500, 503),
    "campaign",
    "List a campaign's campaigncalls",
)
campaigncalls_list: Final = Operation(
    "campaigncalls_list",
    "GET",
    "/campaigncalls",
    (),
    (
        Parameter("page_size", int, False, 100),
        Parameter("page_token", str, False, None),
    ),
    None,
    CampaigncallList,
    (400, 401, 403, 429, 500, 503),
    "campaign",
    "List campaigncalls",
)
campaigncalls_get: Final = Operation(
    "campaigncalls_get",
    "GET",
    "/campaigncalls/{id}",
    (Parameter("id", UUID, True, None),),
    (),
    None,
    Campaigncall,
    (400, 401, 403, 404, 429, 500, 503),
    "campaign",
    "Get a campaigncall",
)
campaigncalls_delete: Final = Operation(
    "campaigncalls_delete",
    "DELETE",
    "/campaigncalls/{id}",
    (Parameter("id", UUID, True, None),),
    (),
    None,
    Campaigncall,
    (400, 401, 403, 404, 429, 500, 503),
    "campaign",
    "Delete a campaigncall",
)

OPERATIONS: Final[Mapping[str, Operation]] = {
    outplans_list.id: outplans_list,
    outplans_create.id: outplans_create,
    outplans_get.id: outplans_get,
    outplans_update.id: outplans_update,
    outplans_delete.id: outplans_delete,
    outplans_update_dial_info.id: outplans_update_dial_info,
    outdials_list.id: outdials_list,
    outdials_create.id: outdials_create,
    outdials_get.id: outdials_get,
    outdials_update.id: outdials_update,
    outdials_delete.id: outdials_delete,
    outdials_update_campaign_id.id: outdials_update_campaign_id,
    outdials_update_data.id: outdials_update_data,
    outdialtargets_list.id: outdialtargets_list,
    outdialtargets_create.id: outdialtargets_create,
    outdialtargets_get.id: outdialtargets_get,
    outdialtargets_delete.id: outdialtargets_delete,
    campaigns_list.id: campaigns_list,
    campaigns_create.id: campaigns_create,
    campaigns_get.id: campaigns_get,
    campaigns_update.id: campaigns_update,
    campaigns_delete.id: campaigns_delete,
    campaigns_update_status.id: campaigns_update_status,
    campaigns_update_service_level.id: campaigns_update_service_level,
    campaigns_update_actions.id: campaigns_update_actions,
    campaigns_update_resource_info.id: campaigns_update_resource_info,
    campaigns_update_next_campaign_id.id: campaigns_update_next_campaign_id,
    campaigns_list_campaigncalls.id: campaigns_list_campaigncalls,
    campaigncalls_list.id: campaigncalls_list,
    campaigncalls_get.id: campaigncalls_get,
    campaigncalls_delete.id: campaigncalls_delete,
}
"""operationId -> its :class:`Operation`, in the order of the spec's tags and paths."""
