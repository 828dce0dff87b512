"""A client's settings, checked once at construction (nothing here runs per request)."""

from __future__ import annotations

from typing import Final, NamedTuple, TypeVar

import httpx

from ._args import to_positive_int, to_timeout
from ._auth import Credentials, Given, resolve_credentials
from ._logging import log_from_environment
from ._redact import install_log_redaction
from ._retry import DEFAULT_MAX_RETRIES
from ._version import __version__
from .errors import ArgumentTypeError, InvalidArgumentError

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_MAX_RESPONSE_BYTES",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "USER_AGENT",
    "Settings",
    "http_client_for",
    "make_settings",
    "with_options",
]

H = TypeVar("H", httpx.Client, httpx.AsyncClient)

DEFAULT_BASE_URL: Final = "https://api.voipbin.net/v1.0"
DEFAULT_TIMEOUT: Final = 30.0
DEFAULT_MAX_RESPONSE_BYTES: Final = 32 * 1024 * 1024
"""32 MiB. The largest page VoIPBIN sends is 100 targets; each has a name (``varchar(255)``), a
detail and data (MySQL ``text``, 64 KiB each) and five short addresses: about 13 MiB at the very
most, so the cap only stops a body no VoIPBIN server sends."""
USER_AGENT: Final = f"voipbin-outdial/{__version__} python-httpx/{httpx.__version__}"


class Settings(NamedTuple):
    """What a sender needs: where to send, as whom, how long to wait, how often to retry, and
    how large a body it reads."""

    base_url: str
    credentials: Credentials
    timeout: httpx.Timeout
    max_retries: int
    max_response_bytes: int


def _checked_base_url(value: str, name: str) -> str:
    if not isinstance(value, str):
        raise ArgumentTypeError(name, f"{name} must be a str, not {type(value).__name__}")
    try:
        url = httpx.URL(value)
    except httpx.InvalidURL:
        url = None
    if url is None or url.scheme not in ("http", "https") or not url.host or url.query:
        raise InvalidArgumentError(
            name, f"{name} must be an http(s) URL without a query, got {value!r}"
        )
    return value.rstrip("/")


def _base_url(given: str | None, http_client: httpx.Client | httpx.AsyncClient | None) -> str:
    """``base_url=``, else the ``http_client``'s own base URL, else VoIPBIN's; the two given
    and different is an error (one of them would be ignored without a word)."""
    theirs = None
    if http_client is not None and str(http_client.base_url):
        theirs = _checked_base_url(str(http_client.base_url), "http_client.base_url")
    if given is None:
        return theirs or DEFAULT_BASE_URL
    ours = _checked_base_url(given, "base_url")
    if theirs is not None and theirs != ours:
        raise InvalidArgumentError(
            "base_url",
            f"base_url={ours!r} conflicts with the http_client's base_url {theirs!r}: "
            "pass only one of them",
        )
    return ours


def _max_retries(value: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ArgumentTypeError("max_retries", f"max_retries must be an int, not {value!r}")
    if value < 0:
        raise InvalidArgumentError("max_retries", f"max_retries cannot be negative, got {value}")
    return value


def make_settings(
    *,
    given: Given,
    base_url: str | None,
    timeout: float | httpx.Timeout,
    max_retries: int,
    max_response_bytes: int,
    http_type: type[H],
    http_client: H | None,
) -> Settings:
    """Check and resolve a client's arguments (``given``: its ``token=`` and ``accesskey=``;
    ``http_client`` must be ``None`` or an ``http_type``); also makes sure logs are redacted.

    Raises:
        MissingCredentialsError: no credential given or in the environment.
        ArgumentError: an argument is malformed (also a ``ValueError`` or ``TypeError``).
    """
    if http_client is not None and not isinstance(http_client, http_type):
        raise ArgumentTypeError(
            "http_client",
            f"http_client must be an httpx.{http_type.__name__}, not {type(http_client).__name__}",
        )
    client_timeout = to_timeout(timeout)
    if client_timeout is None:
        raise ArgumentTypeError("timeout", "timeout must be seconds or an httpx.Timeout, not None")
    settings = Settings(
        base_url=_base_url(base_url, http_client),
        credentials=resolve_credentials(given),
        timeout=client_timeout,
        max_retries=_max_retries(max_retries),
        max_response_bytes=to_positive_int(max_response_bytes, "max_response_bytes"),
    )
    install_log_redaction()
    log_from_environment()
    return settings


def with_options(
    settings: Settings, *, timeout: float | httpx.Timeout | None, max_retries: int | None
) -> Settings:
    """``settings`` with another ``timeout`` or ``max_retries`` (``None``: kept), checked as
    the client's own are."""
    if timeout is not None:
        client_timeout = to_timeout(timeout)
        assert client_timeout is not None
        settings = settings._replace(timeout=client_timeout)
    if max_retries is not None:
        settings = settings._replace(max_retries=_max_retries(max_retries))
    return settings


def http_client_for(http_type: type[H], given: H | None, settings: Settings) -> H:
    """The httpx client to send through: ``given``, or a new one of ``http_type``.

    A new one carries the credential header as its own default: requests then need not pass
    it, which spares httpx a merge per request (see ``_base.SenderBase``).
    """
    if given is None:
        headers = {"User-Agent": USER_AGENT, **settings.credentials.headers}
        return http_type(headers=headers, timeout=settings.timeout)
    return given
