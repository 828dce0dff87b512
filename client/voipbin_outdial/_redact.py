"""Keep credentials out of log records and exception messages.

httpx logs every request URL at INFO on the ``httpx`` logger (``HTTP Request: GET
https://...?accesskey=SECRET "HTTP/1.1 200 OK"``) and its exceptions carry that URL too. VoIPBIN
takes an access key (and optionally the JWT) in the query string, so both must be scrubbed.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from typing import Final

__all__ = ["REDACTED", "RedactingFilter", "install_log_redaction", "redact"]

REDACTED: Final = "[REDACTED]"

# `accesskey=` and `token=` as query parameters (not `page_token=`), and `Bearer <jwt>`.
_SECRET_PATTERN: Final = re.compile(
    r"(?i)(?P<key>(?<![\w-])(?:accesskey|token)=)[^&\s\"'#<>]+"
    r"|(?P<scheme>\bBearer\s+)[^\s\"',;]+"
)

# The loggers whose records may hold request URLs or headers. Filters on a logger only see
# records created on that very logger (not on its children), so httpcore's are listed one by one.
LOGGER_NAMES: Final = (
    "voipbin_outdial",
    "httpx",
    "httpcore",
    "httpcore.connection",
    "httpcore.http11",
    "httpcore.http2",
    "httpcore.proxy",
    "httpcore.socks",
)


def _replace(match: re.Match[str]) -> str:
    return (match.group("key") or match.group("scheme")) + REDACTED


def redact(text: str, secrets: Iterable[str] = ()) -> str:
    """``text`` with query credentials, Bearer tokens and each of ``secrets`` replaced."""
    text = _SECRET_PATTERN.sub(_replace, text)
    for secret in secrets:
        if secret:
            text = text.replace(secret, REDACTED)
    return text


class RedactingFilter(logging.Filter):
    """Rewrites a record whose formatted message holds a credential; never drops a record."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a malformed record is the logging module's to report, not ours
            return True
        cleaned = redact(message)
        if cleaned != message:
            record.msg = cleaned
            record.args = None
        return True


_FILTER: Final = RedactingFilter()


def install_log_redaction() -> None:
    """Attach the redacting filter to every logger in :data:`LOGGER_NAMES` (idempotent)."""
    for name in LOGGER_NAMES:
        logger = logging.getLogger(name)
        if not any(isinstance(f, RedactingFilter) for f in logger.filters):
            logger.addFilter(_FILTER)
