"""A control request's JSON body (:mod:`._control`), read field by field: each reader checks one
field's type and range, and :meth:`Body.done` refuses any field nobody read, so a misspelt name
is a 400 instead of a request that silently does nothing. Bad input is a
:class:`~._errors.MockApiError` with the reason :data:`CONTROL_REASON` naming the field.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any, Final, TypeAlias, TypeVar
from uuid import UUID

from ..timeutil import parse_timestamp
from ._errors import MockApiError
from ._faults import check_amount, check_fraction

__all__ = ["ABSENT", "CONTROL_REASON", "Body", "Json", "invalid", "json_object"]

CONTROL_REASON: Final = "MOCK_CONTROL_INVALID"
"""The ``reason`` of a 400 from a control endpoint; VoIPBIN never sends it."""

Json: TypeAlias = dict[str, Any]
T = TypeVar("T")

ABSENT: Final = object()
"""What :meth:`Body.get` gives for a field left out (or ``null``)."""
_LONGEST_MS: Final = 100 * 365 * 86_400_000  # a century: any duration a test means


def invalid(field: str | None, message: str) -> MockApiError:
    details = [] if field is None else [{"field": field}]
    return MockApiError("INVALID_ARGUMENT", CONTROL_REASON, message, details=details)


class Body:
    """The request's JSON object, read field by field; every field must be used. ``path``: the
    parameters of the request's path (``{id}``), read by :meth:`path_param`."""

    def __init__(self, fields: Json, *, path: Mapping[str, str] | None = None) -> None:
        self._fields = fields
        self._read: set[str] = set()
        self._path = path or {}

    def path_param(self, name: str) -> str:
        """A parameter of the path (its route always gives it)."""
        return self._path[name]

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

    def read(self, name: str, convert: Callable[[str, Any], T]) -> T | None:
        """The field as ``convert(name, value)`` gives it, or ``None`` when it is left out (or
        ``null``); a ``TypeError`` or ``ValueError`` from ``convert`` is the 400 naming it."""
        value = self.get(name)
        if value is ABSENT:
            return None
        try:
            return convert(name, value)
        except (TypeError, ValueError) as exc:
            raise invalid(name, str(exc)) from None

    def integer(self, name: str, *, minimum: int = 0, maximum: int | None = None) -> int | None:
        return self.read(name, lambda n, value: _integer(n, value, minimum, maximum))

    def milliseconds(self, name: str) -> int | None:
        """A duration in milliseconds, from 0 to a century."""
        return self.integer(name, maximum=_LONGEST_MS)

    def number(self, name: str) -> float | None:
        return self.read(name, check_amount)

    def fraction(self, name: str) -> float | None:
        return self.read(name, check_fraction)

    def time(self, name: str) -> datetime | None:
        return self.read(name, _time)

    def uuid(self, name: str) -> str:
        """A required UUID, in its canonical form."""
        value = self.read(name, _uuid)
        if value is None:
            raise invalid(name, f"{name} is required")
        return value

    def seed(self, name: str) -> int | None:
        return self.read(name, lambda n, value: _whole(n, value, "a whole number or null"))

    def choice(self, name: str, choices: tuple[str, ...]) -> str | None:
        return self.read(name, lambda n, value: _choice(n, value, choices))

    def object(self, name: str) -> Body | None:
        """A nested object, read as a body of its own with fields named ``name.field``."""
        fields = self.read(name, _object)
        return None if fields is None else Body({f"{name}.{k}": v for k, v in fields.items()})


# --- what a field may hold: (name, value) -> the value, or TypeError/ValueError naming it -------


def _whole(name: str, value: Any, what: str = "a whole number") -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be {what}, not {value!r}")
    return value


def _integer(name: str, value: Any, minimum: int, maximum: int | None) -> int:
    number = _whole(name, value)
    if number < minimum:
        raise ValueError(f"{name} must be at least {minimum}, got {number}")
    if maximum is not None and number > maximum:
        raise ValueError(f"{name} must be at most {maximum:,}, got {number:,}")
    return number


def _time(name: str, value: Any) -> datetime:
    when = None
    if isinstance(value, str):
        try:
            when = parse_timestamp(value)
        except ValueError:
            when = None
    if when is None:
        example = "'2026-03-01T09:30:00Z'"
        raise ValueError(f"{name} must be an RFC 3339 time such as {example}, not {value!r}")
    return when


def _uuid(name: str, value: Any) -> str:
    if isinstance(value, str):
        try:
            return str(UUID(value))
        except ValueError:
            pass
    raise ValueError(f"{name} must be a UUID, not {value!r}")


def _choice(name: str, value: Any, choices: tuple[str, ...]) -> str:
    if value not in choices:
        raise ValueError(f"{name} must be one of {', '.join(choices)}, not {value!r}")
    return str(value)


def _object(name: str, value: Any) -> Json:
    if not isinstance(value, dict):
        raise TypeError(f"{name} must be a JSON object, not {value!r}")
    return value


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
