"""``VOIPBIN_LOG=debug`` or ``VOIPBIN_LOG=info``: the SDK's log on stderr, as ``OPENAI_LOG`` and
``STRIPE_LOG`` do for theirs.

The switch adds one :class:`logging.StreamHandler` (stderr) to the ``voipbin_outdial`` logger and
sets its level, once, when a client is made. ``info`` shows each retry; ``debug`` also shows each
response (method, path, operation, status, size, request id). Records are redacted as every
record of the SDK's loggers is (``_redact``): no credential reaches the stream. Without the
variable (or with another value) nothing is changed: configure ``logging`` as you like.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from typing import Final

from ._redact import RedactingFilter

__all__ = ["ENV", "LEVELS", "log_from_environment"]

ENV: Final = "VOIPBIN_LOG"
LEVELS: Final = {"debug": logging.DEBUG, "info": logging.INFO}
FORMAT: Final = "[%(asctime)s - %(name)s:%(lineno)d - %(levelname)s] %(message)s"


class EnvironmentHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """The handler ``VOIPBIN_LOG`` adds (one at most)."""


def log_from_environment(environ: Mapping[str, str] = os.environ) -> None:
    """Turn on the ``voipbin_outdial`` logger if ``$VOIPBIN_LOG`` is ``debug`` or ``info``."""
    level = LEVELS.get(environ.get(ENV, "").strip().lower())
    if level is None:
        return
    logger = logging.getLogger("voipbin_outdial")
    logger.setLevel(level)
    if not any(isinstance(h, EnvironmentHandler) for h in logger.handlers):
        handler = EnvironmentHandler()
        handler.setFormatter(logging.Formatter(FORMAT))
        handler.addFilter(RedactingFilter())
        logger.addHandler(handler)
