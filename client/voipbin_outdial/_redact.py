"""Keep credentials out of log records and exception messages.

httpx logs every request URL at INFO on the ``httpx`` logger (``HTTP Request: GET
https://...?accesskey=SECRET "HTTP/1.1 200 OK"``) and its exceptions carry that URL too. VoIPBIN
takes an access key (and optionally the JWT) in the query string, so both must be scrubbed.

Redaction works on the places a credential travels, whatever its value: the value of an
``accesskey=`` or ``token=`` query parameter (or cookie), percent-encoded or not, and the value
after ``Bearer`` in a header. It never replaces other text that happens to equal a credential:
with a one-character key, a message or a ``request_id`` holding that character stays intact.
Both patterns take a whole RFC 6750 ``b64token`` (letters, digits, ``-._~+/``, ``=`` at the end),
and that is all the credential check (``_auth``) accepts: one rule, held by a property test.
"""

from __future__ import annotations

import logging
import re
from typing import Final

import httpx

__all__ = ["REDACTED", "RedactingFilter", "install_log_redaction", "redact"]

REDACTED: Final = "[REDACTED]"

# `accesskey=` and `token=` as query parameters or cookies (not `page_token=`), also in a
# percent-encoded URL (`%3Faccesskey%3D...`), and `Bearer <jwt>` in an Authorization header (a
# b64token, RFC 6750).
_SECRET_PATTERN: Final = re.compile(
    r"(?i)(?P<key>(?:(?<![\w-])|(?<=%3F)|(?<=%26))(?:accesskey|token)(?:=|%3D))[^&\s\"'#<>;,]+"
    r"|(?P<scheme>\bBearer\s+)[\w.~+/-]+=*"
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


def redact(text: str) -> str:
    """``text`` with the values of query credentials and Bearer tokens replaced."""
    return _SECRET_PATTERN.sub(_replace, text)


def _redacted_arg(arg: object) -> object:
    """A log argument with its credentials redacted (a str), or the argument itself."""
    if isinstance(arg, str | httpx.URL):
        text = str(arg)
        cleaned = redact(text)
        if cleaned != text:
            return cleaned
    return arg


class RedactingFilter(logging.Filter):
    """Rewrites a record that holds a credential; never drops a record.

    Each argument is redacted on its own, so the record keeps its shape for formatters that
    read ``record.args`` (uvicorn's access log does); a credential that only appears once the
    message is formatted makes the whole message the record's text.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple) and record.args:
            record.args = tuple(map(_redacted_arg, record.args))
        elif isinstance(record.msg, str) and not record.args:
            record.msg = redact(record.msg)
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


def install_log_redaction(names: tuple[str, ...] = LOGGER_NAMES) -> None:
    """Attach the redacting filter to every logger in ``names`` (idempotent)."""
    for name in names:
        logger = logging.getLogger(name)
        if not any(isinstance(f, RedactingFilter) for f in logger.filters):
            logger.addFilter(_FILTER)
