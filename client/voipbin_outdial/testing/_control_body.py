"""A control request's JSON body (:mod:`._control`), read field by field: each reader checks one
field's type and range, and :meth:`Body.done` refuses any field nobody read, so a misspelt name
is a 400 instead of a request that silently does nothing. Bad input is a
:class:`~._errors.MockApiError` with the reason :data:`CONTROL_REASON` naming the field.
"""

from __future__ import annotations

import json
import math
from datetime import datetime
from typing import Any, Final, TypeAlias
from uuid import UUID

from ..timeutil import parse_timestamp
from ._errors import MockApiError
from ._faults import check_fraction

__all__ = ["ABSENT", "CONTROL_REASON", "Body", "Json", "invalid", "json_object"]

CONTROL_REASON: Final = "MOCK_CONTROL_INVALID"
"""The ``reason`` of a 400 from a control endpoint; VoIPBIN never sends it."""

Json: TypeAlias = dict[str, Any]

ABSENT: Final = object()
"""What :meth:`Body.get` gives for a field left out (or ``null``)."""
_LONGEST_MS: Final = 100 * 365 * 86_400_000  # a century: any duration a test means


def invalid(field: str | None, message: str) -> MockApiError:
    details = [] if field is None else [{"field": field}]
    return MockApiError("INVALID_ARGUMENT", CONTROL_REASON, message, details=details)


class Body:
    """The request's JSON object, read field by field; every field must be used."""

    def __init__(self, fields: Json) -> None:
        self._fields = fields
        self._read: set[str] = set()

    def get(self, name: str) -> Any:
        """The field's value, or ``ABSENT``; ``null`` counts as absent."""
        self._read.add(name)
        value = self._fields.get(name)
        return ABSENT if value is None else value

    def given(self, name: str) -> bool:
        """Whether the field is there at all (``null`` included)."""
        self._read.add(name)
        return name in self._fields

    def done(self) -> None:
        """Refuse the fields nobody read (a misspelt one would otherwise do nothing)."""
        unknown = sorted(set(self._fields) - self._read)
        if unknown:
            known = ", ".join(sorted(self._read)) or "none"
            raise invalid(unknown[0], f"unknown field {unknown[0]!r} (this endpoint takes {known})")

    def integer(self, name: str, *, minimum: int = 0, maximum: int | None = None) -> int | None:
        value = self.get(name)
        if value is ABSENT:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise invalid(name, f"{name} must be a whole number, not {value!r}")
        if value < minimum:
            raise invalid(name, f"{name} must be at least {minimum}, got {value}")
        if maximum is not None and value > maximum:
            raise invalid(name, f"{name} must be at most {maximum:,}, got {value:,}")
        return value

    def milliseconds(self, name: str) -> int | None:
        """A duration in milliseconds, from 0 to a century."""
        return self.integer(name, maximum=_LONGEST_MS)

    def number(self, name: str) -> float | None:
        value = self.get(name)
        if value is ABSENT:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise invalid(name, f"{name} must be a number, not {value!r}")
        if not 0 <= value < math.inf:
            raise invalid(name, f"{name} must be zero or more, got {value!r}")
        return float(value)

    def fraction(self, name: str) -> float | None:
        value = self.get(name)
        if value is ABSENT:
            return None
        try:
            return check_fraction(name, value)
        except (TypeError, ValueError) as exc:
            raise invalid(name, str(exc)) from None

    def time(self, name: str) -> datetime | None:
        value = self.get(name)
        if value is ABSENT:
            return None
        when = None
        if isinstance(value, str):
            try:
                when = parse_timestamp(value)
            except ValueError:
                when = None
        if when is None:
            example = "'2026-03-01T09:30:00Z'"
            raise invalid(name, f"{name} must be an RFC 3339 time such as {example}, not {value!r}")
        return when

    def uuid(self, name: str) -> str:
        value = self.get(name)
        if value is ABSENT:
            raise invalid(name, f"{name} is required")
        if isinstance(value, str):
            try:
                return str(UUID(value))
            except ValueError:
                pass
        raise invalid(name, f"{name} must be a UUID, not {value!r}")

    def seed(self, name: str) -> int | None:
        value = self.get(name)
        if value is ABSENT:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise invalid(name, f"{name} must be a whole number or null, not {value!r}")
        return value

    def choice(self, name: str, choices: tuple[str, ...]) -> str | None:
        value = self.get(name)
        if value is ABSENT:
            return None
        if value not in choices:
            raise invalid(name, f"{name} must be one of {', '.join(choices)}, not {value!r}")
        return str(value)

    def object(self, name: str) -> Body | None:
        value = self.get(name)
        if value is ABSENT:
            return None
        if not isinstance(value, dict):
            raise invalid(name, f"{name} must be a JSON object, not {value!r}")
        return Body({f"{name}.{key}": item for key, item in value.items()})


def json_object(raw: bytes) -> Json:
    """The body as a JSON object; an empty body is ``{}``."""
    if not raw.strip():
        return {}
    try:
        value = json.loads(raw)
    except ValueError:
        value = None
    if not isinstance(value, dict):
        raise invalid(None, "the body must be a JSON object (or empty)")
    return value
