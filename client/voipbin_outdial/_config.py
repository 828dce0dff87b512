"""A client's settings, checked once at construction (nothing here runs per request)."""

from __future__ import annotations

from typing import Final, NamedTuple, TypeVar

import httpx

from ._auth import Credentials, resolve_credentials
from ._redact import install_log_redaction
from ._retry import DEFAULT_MAX_RETRIES
from ._version import __version__

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "USER_AGENT",
    "Settings",
    "http_client_for",
    "make_settings",
]

H = TypeVar("H", httpx.Client, httpx.AsyncClient)

DEFAULT_BASE_URL: Final = "https://api.voipbin.net/v1.0"
DEFAULT_TIMEOUT: Final = 30.0
USER_AGENT: Final = f"voipbin-outdial/{__version__} python-httpx/{httpx.__version__}"


class Settings(NamedTuple):
    """What a sender needs: where to send, as whom, how long to wait, how often to retry."""

    base_url: str
    credentials: Credentials
    timeout: httpx.Timeout
    max_retries: int


def _base_url(value: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"base_url must be a str, not {type(value).__name__}")
    try:
        url = httpx.URL(value)
    except httpx.InvalidURL:
        url = None
    if url is None or url.scheme not in ("http", "https") or not url.host or url.query:
        raise ValueError(f"base_url must be an http(s) URL without a query, got {value!r}")
    return value.rstrip("/")


def _timeout(value: float | httpx.Timeout) -> httpx.Timeout:
    if isinstance(value, httpx.Timeout):
        return value
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"timeout must be seconds (a number) or an httpx.Timeout, not {value!r}")
    if not value > 0:
        raise ValueError(f"timeout must be a positive number of seconds, got {value!r}")
    return httpx.Timeout(value)


def _max_retries(value: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"max_retries must be an int, not {value!r}")
    if value < 0:
        raise ValueError(f"max_retries cannot be negative, got {value}")
    return value


def make_settings(
    *,
    token: str | None,
    accesskey: str | None,
    base_url: str,
    timeout: float | httpx.Timeout,
    max_retries: int,
) -> Settings:
    """Check and resolve a client's arguments; also makes sure logs are redacted.

    Raises:
        MissingCredentialsError: no credential given or in the environment.
        ValueError, TypeError: an argument is malformed.
    """
    settings = Settings(
        base_url=_base_url(base_url),
        credentials=resolve_credentials(token, accesskey),
        timeout=_timeout(timeout),
        max_retries=_max_retries(max_retries),
    )
    install_log_redaction()
    return settings


def http_client_for(http_type: type[H], given: H | None, settings: Settings) -> H:
    """The httpx client to send through: ``given`` (checked), or a new one of ``http_type``.

    A new one carries the credential header and the timeout as its own defaults: requests then
    need not pass them, which spares httpx a merge per request (see ``_base.SenderBase``).
    """
    if given is None:
        headers = {"User-Agent": USER_AGENT, **settings.credentials.headers}
        return http_type(headers=headers, timeout=settings.timeout)
    if not isinstance(given, http_type):
        raise TypeError(
            f"http_client must be an httpx.{http_type.__name__}, not {type(given).__name__}"
        )
    return given
