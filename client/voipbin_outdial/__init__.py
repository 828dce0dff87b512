"""voipbin-outdial: a typed Python SDK for VoIPBIN's outbound-calling API.

```python
from voipbin_outdial import VoipbinClient

with VoipbinClient() as client:  # $VOIPBIN_TOKEN or $VOIPBIN_ACCESSKEY
    for plan in client.outplans.iter():
        print(plan.name, plan.dial_timeout)
```

The API's objects are in :mod:`voipbin_outdial.models`, the dial-order helpers in
:mod:`voipbin_outdial.dialplan` and :mod:`voipbin_outdial.timeutil`, CSV contact lists (numbers
in E.164) in :mod:`voipbin_outdial.contacts`, and a stateful mock for your tests in
:mod:`voipbin_outdial.testing` (the ``testing`` extra; not imported here, as it needs Starlette).
"""

from . import contacts, dialplan, errors, models, timeutil
from ._async.limiter import AsyncRateLimiter
from ._bulk import ImportProgress, RowResult
from ._client import AsyncVoipbinClient, VoipbinClient
from ._pacing import AdaptiveRateLimit
from ._pagination import Page
from ._params import AddressParam, AddressTypeParam, TargetRowParam
from ._ratelimit import RateLimit
from ._raw import RawResponse, ResponseInfo
from ._sync.limiter import RateLimiter
from ._version import __version__
from .errors import (
    ApiConnectionError,
    ApiError,
    ApiResponseValidationError,
    ApiTimeoutError,
    ArgumentError,
    ArgumentTypeError,
    AuthenticationError,
    BadRequestError,
    ClientClosedError,
    ClientRateLimitError,
    ConflictError,
    InternalServerError,
    InvalidArgumentError,
    InvalidRowError,
    MissingCredentialsError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ResponseTooLargeError,
    VoipbinError,
)

# The surface, sorted; tests/test_exported_members.py pins it.
__all__ = [
    "AdaptiveRateLimit",
    "AddressParam",
    "AddressTypeParam",
    "ApiConnectionError",
    "ApiError",
    "ApiResponseValidationError",
    "ApiTimeoutError",
    "ArgumentError",
    "ArgumentTypeError",
    "AsyncRateLimiter",
    "AsyncVoipbinClient",
    "AuthenticationError",
    "BadRequestError",
    "ClientClosedError",
    "ClientRateLimitError",
    "ConflictError",
    "ImportProgress",
    "InternalServerError",
    "InvalidArgumentError",
    "InvalidRowError",
    "MissingCredentialsError",
    "NotFoundError",
    "Page",
    "PermissionDeniedError",
    "RateLimit",
    "RateLimitError",
    "RateLimiter",
    "RawResponse",
    "ResponseInfo",
    "ResponseTooLargeError",
    "RowResult",
    "TargetRowParam",
    "VoipbinClient",
    "VoipbinError",
    "__version__",
    "contacts",
    "dialplan",
    "errors",
    "models",
    "timeutil",
]
