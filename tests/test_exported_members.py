"""The public surface is exactly what __all__ says (after httpx's test_exported_members.py)."""

import subprocess
import sys

import voipbin_outdial

SURFACE = {
    "AdaptiveRateLimit",  # issue 26: adaptive pacing (create_many's default)
    "AddressParam",  # issue 24: typed parameters, raw responses
    "AddressTypeParam",
    "ApiConnectionError",
    "ApiError",
    "ApiResponseValidationError",
    "ApiTimeoutError",
    "ArgumentError",  # issue 13: argument errors, closed clients, the size cap
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
}


def test_all_is_the_surface() -> None:
    assert set(voipbin_outdial.__all__) == SURFACE
    assert len(voipbin_outdial.__all__) == len(SURFACE)  # no duplicates


def test_every_exported_name_exists_and_nothing_public_is_unlisted() -> None:
    # "@py_builtins" and "@pytest_ar": pytest rewrites the asserts of a distribution with a
    # pytest11 entry point (ours: pytest_plugin), which adds these names no code can reach.
    public = {n for n in vars(voipbin_outdial) if not n.startswith(("_", "@"))}
    public |= {"__version__"}
    # cli, testing and pytest_plugin are submodules imported on demand (the last by pytest
    # itself, through the entry point), not re-exported.
    public -= {"cli", "testing", "pytest_plugin"}

    assert public == SURFACE


def test_classes_claim_the_public_module() -> None:
    for name in voipbin_outdial.__all__:
        member = getattr(voipbin_outdial, name)
        if isinstance(member, type):
            assert member.__module__.startswith("voipbin_outdial"), name


def test_importing_the_sdk_does_not_import_the_mock_or_the_cli() -> None:
    probe = "import sys, voipbin_outdial; print(sorted(m for m in sys.modules if m in WATCH))"
    # (httpx itself imports rich when it is installed, for its own CLI.)
    watch = "WATCH = {'voipbin_outdial.testing', 'voipbin_outdial.cli', 'starlette'}; "
    result = subprocess.run(
        [sys.executable, "-c", watch + probe], capture_output=True, text=True, check=True
    )

    assert result.stdout.strip() == "[]"
