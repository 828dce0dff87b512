"""The clients: :class:`AsyncVoipbinClient` and :class:`VoipbinClient`.

Both are written once: ``_async/client.py`` (with its resources and sender beside it) is the
source, and ``_sync/`` is generated from ``_async/`` by ``scripts/unasync.py``, which turns
``async def`` into ``def``, drops ``await``, ``AsyncX`` becomes ``X`` and so on. ``make test``
fails when ``_sync/`` differs from a fresh run.
"""

from ._async.client import AsyncVoipbinClient
from ._sync.client import VoipbinClient

__all__ = ["AsyncVoipbinClient", "VoipbinClient"]
