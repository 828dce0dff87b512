"""A target's numbered destination slots: how many there are and the names of their fields.

VoIPBIN gives every outdialtarget ``destination_0`` .. ``destination_4`` with a ``try_count_N``
each, and every outplan a ``max_try_count_N`` per slot. Everything in the SDK that counts slots or
spells these names takes them from here.
"""

from __future__ import annotations

from typing import Final

__all__ = ["DESTINATION_FIELDS", "MAX_TRY_COUNT_FIELDS", "SLOTS", "TRY_COUNT_FIELDS"]

SLOTS: Final = 5
"""How many destinations a target has (``destination_0`` .. ``destination_4``)."""

DESTINATION_FIELDS: Final = tuple(f"destination_{i}" for i in range(SLOTS))
TRY_COUNT_FIELDS: Final = tuple(f"try_count_{i}" for i in range(SLOTS))
MAX_TRY_COUNT_FIELDS: Final = tuple(f"max_try_count_{i}" for i in range(SLOTS))
