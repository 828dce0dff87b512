"""``UNSET``: the value of a field the JSON did not have (as opposed to ``null``).

The generated models use it (``_generated/types.py`` re-exports it: ``templates/types.py.jinja``),
and so do the hand-written time rules and model mixins; it lives here, outside ``_generated``, so
that they read it without importing the generated package (no import cycle).
"""

from __future__ import annotations

from typing import Literal

__all__ = ["UNSET", "Unset"]


class Unset:
    """The type of :data:`UNSET`; falsy."""

    def __bool__(self) -> Literal[False]:
        return False


UNSET: Unset = Unset()
