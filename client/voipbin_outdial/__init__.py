"""voipbin-outdial: a typed Python SDK for VoIPBIN's outbound-calling API.

```python
from voipbin_outdial import VoipbinClient

with VoipbinClient() as client:  # $VOIPBIN_TOKEN or $VOIPBIN_ACCESSKEY
    for plan in client.outplans.iter():
        print(plan.name, plan.dial_timeout)
```

The API's objects are in :mod:`voipbin_outdial.models`, the dial-order helpers in
:mod:`voipbin_outdial.dialplan` and :mod:`voipbin_outdial.timeutil`, and a stateful mock for your
tests in :mod:`voipbin_outdial.testing` (the ``testing`` extra; not imported here, as it needs
Starlette).
"""

from . import dialplan, errors, models, timeutil
from ._client import AsyncVoipbinClient, VoipbinClient
from ._pagination import Page
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
    ConflictError,
    InternalServerError,
    InvalidArgumentError,
    MissingCredentialsError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ResponseTooLargeError,
    VoipbinError,
)

# The surface, sorted; tests/test_exported_members.py pins it.
__all__ = [
    "ApiConnectionError",
    "ApiError",
    "ApiResponseValidationError",
    "ApiTimeoutError",
    "ArgumentError",
    "ArgumentTypeError",
    "AsyncVoipbinClient",
    "AuthenticationError",
    "BadRequestError",
    "ClientClosedError",
    "ConflictError",
    "InternalServerError",
    "InvalidArgumentError",
    "MissingCredentialsError",
    "NotFoundError",
    "Page",
    "PermissionDeniedError",
    "RateLimitError",
    "ResponseTooLargeError",
    "VoipbinClient",
    "VoipbinError",
    "__version__",
    "dialplan",
    "errors",
    "models",
    "timeutil",
]
