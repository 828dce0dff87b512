"""Response validation: a parsed model holds what its schema says, types and ranges.

The generated ``from_dict`` checks presence (a missing field is a ``KeyError``), ids (``UUID``) and
enums, but keeps other values as the JSON gave them: ``"name": 123``, ``"dial_timeout": "abc"``,
``1e400`` (a float: infinity) or ``-1`` would reach the caller inside a "valid" model.
:func:`check_model` refuses them, reading what each field may hold off the model's attrs field
types: ``str``, ``int``, another model, a list of models, and ``None`` or ``Unset`` where the
type allows. Integers are counts or milliseconds VoIPBIN keeps in signed 32-bit columns, so
-2**31 to 2**31 - 1 (``_args.MAX_INT32``): the server stores an outplan's ``dial_timeout`` or
``max_try_count_N`` as it was sent, unchecked, so openapi.yaml gives them no minimum. The counts
the server keeps itself (:data:`NON_NEGATIVE`, ``minimum: 0`` in openapi.yaml; a test holds the
two equal) are 0 or more. Where a model is expected, an empty JSON object is allowed as well:
it is how VoIPBIN sends an unused destination slot (``{}``).

It runs on every 2xx body, so it is kept cheap. One object is walked field by field
(:func:`_locate`, which also names what is wrong: ``destination_2.target``). A page is checked
column by column first (:func:`_all_fit`: a few C-level passes per field group over all its
items, ``set(map(type, ...))`` and ``min``/``max``); only when that finds something does
:func:`_locate` walk the items to name it (``result[3].try_count_3``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from itertools import chain, filterfalse
from operator import attrgetter
from types import NoneType, UnionType
from typing import Any, Final, get_args, get_origin

import attrs

from ._args import MAX_INT32
from ._slots import TRY_COUNT_FIELDS
from .models import Unset

__all__ = ["MIN_INT32", "NON_NEGATIVE", "InvalidResponseError", "check_model"]

MIN_INT32: Final = -(2**31)
NON_NEGATIVE: Final = frozenset(TRY_COUNT_FIELDS)
"""The integer fields of a response that are never negative: a target's try counts."""


class InvalidResponseError(ValueError):
    """A parsed body holds a value its schema does not allow; the message names the field."""


Getter = Callable[[Any], tuple[Any, ...]]


def _getter(names: Sequence[str]) -> Getter:
    """The values of ``names`` on an object, always as a tuple."""
    if len(names) == 1:
        get = attrgetter(names[0])
        return lambda obj: (get(obj),)
    return attrgetter(*names)


@attrs.frozen
class _Group:
    """Fields whose values may be of the same types (``{str}``, ``{str, None, Unset}``...);
    ``numeric``: ints, which must also be within ``low`` to ``MAX_INT32``."""

    names: tuple[str, ...]
    allowed: frozenset[type]
    numeric: bool
    low: int
    get: Getter = attrs.field(eq=False)
    each: tuple[Getter, ...] = attrs.field(eq=False)


@attrs.frozen
class _Nested:
    """Fields holding a model of class ``model`` (or ``{}``, or one of ``others``)."""

    names: tuple[str, ...]
    model: type
    others: frozenset[type]
    get: Getter = attrs.field(eq=False)


@attrs.frozen
class _Plan:
    """How to check one model class: its plain fields by group, nested models, lists."""

    groups: tuple[_Group, ...]
    nested: tuple[_Nested, ...]
    lists: tuple[tuple[str, type, bool], ...]  # name, item model, whether null is allowed


@cache
def _plan(model: type) -> _Plan:
    """Read the checks of ``model`` off its resolved attrs field types."""
    plain: defaultdict[tuple[frozenset[type], int], list[str]] = defaultdict(list)
    nested: defaultdict[tuple[type, frozenset[type]], list[str]] = defaultdict(list)
    lists: list[tuple[str, type, bool]] = []
    for field in attrs.fields(attrs.resolve_types(model)):
        members = get_args(field.type) if isinstance(field.type, UnionType) else (field.type,)
        optional = frozenset(m for m in members if m is NoneType or m is Unset)
        kinds = [m for m in members if m not in optional]
        if len(kinds) != 1:
            continue  # nothing this module knows how to check: from_dict's business
        (kind,) = kinds
        if get_origin(kind) is list:
            (item,) = get_args(kind)
            if isinstance(item, type) and attrs.has(item):
                lists.append((field.name, item, NoneType in optional))
        elif kind is str or kind is int:
            low = 0 if field.name in NON_NEGATIVE else MIN_INT32
            plain[(frozenset({kind}) | optional, low)].append(field.name)
        elif isinstance(kind, type) and attrs.has(kind):
            nested[(kind, optional)].append(field.name)
        # UUIDs, enums and dicts are built (or refused) by from_dict itself.
    return _Plan(
        groups=tuple(
            _Group(
                tuple(names),
                allowed,
                int in allowed,
                low,
                _getter(names),
                tuple(attrgetter(name) for name in names),
            )
            for (allowed, low), names in plain.items()
        ),
        nested=tuple(_Nested(tuple(n), m, o, _getter(n)) for (m, o), n in nested.items()),
        lists=tuple(lists),
    )


def _column(names: tuple[str, ...], get: Getter, objects: Sequence[Any]) -> list[Any]:
    """The values of the fields ``names`` of every object, in one list."""
    if len(names) == 1:
        return list(map(attrgetter(names[0]), objects))
    return list(chain.from_iterable(map(get, objects)))


def _types(getters: tuple[Getter, ...], objects: Sequence[Any]) -> set[type]:
    """The types of the values of some fields (one getter each) of every object."""
    found: set[type] = set()
    for get in getters:
        found.update(map(type, map(get, objects)))
    return found


_is_dict: Final = dict.__instancecheck__


def _all_fit(model: type, objects: Sequence[Any]) -> bool:
    """Whether every object (all of class ``model``) passes, checked column by column."""
    plan = _plan(model)
    for group in plan.groups:
        types = _types(group.each, objects)
        if not types <= group.allowed:
            return False
        if group.numeric:
            values = _column(group.names, group.get, objects)
            numbers = values if len(types) == 1 else [v for v in values if type(v) is int]
            if numbers and (min(numbers) < group.low or max(numbers) > MAX_INT32):
                return False
    for nest in plan.nested:
        values = _column(nest.names, nest.get, objects)
        is_model = nest.model.__instancecheck__
        inner = list(filter(is_model, values))
        if len(inner) != len(values):
            rest = list(filterfalse(is_model, values))
            if not set(map(type, rest)) <= nest.others | {dict} or any(filter(_is_dict, rest)):
                return False  # something else, or a non-empty object that is not a model
        if inner and not _all_fit(nest.model, inner):
            return False
    for name, item, nullable in plan.lists:
        column = list(map(attrgetter(name), objects))
        if nullable:
            column = [value for value in column if value is not None]
        if set(map(type, column)) - {list}:
            return False
        values = list(chain.from_iterable(column))
        if set(map(type, values)) - {item} or (values and not _all_fit(item, values)):
            return False
    return True


_JSON_TYPES: Final = {
    str: "a string",
    int: "an integer",
    float: "a number",
    bool: "a boolean",
    NoneType: "null",
    list: "an array",
    dict: "an object",
}


def _what(value: object) -> str:
    return _JSON_TYPES.get(type(value), type(value).__name__)


def _expected(allowed: Iterable[type]) -> str:
    """What JSON values ``allowed`` stands for (``Unset``, a missing field, goes unsaid)."""
    return " or ".join(sorted(_JSON_TYPES.get(t, t.__name__) for t in allowed if t is not Unset))


def _locate(model: type, obj: Any) -> str | None:
    """The first value of ``obj`` that the schema refuses, as ``path: what is wrong``; the same
    rules as :func:`_all_fit`, one object at a time (quicker for one object, and the path)."""
    plan = _plan(model)
    for group in plan.groups:
        allowed = group.allowed
        for name, value in zip(group.names, group.get(obj), strict=True):
            kind = type(value)
            if kind not in allowed:
                return f"{name}: expected {_expected(allowed)}, got {_what(value)}"
            if kind is int and not group.low <= value <= MAX_INT32:
                return f"{name}: expected an integer from {group.low} to {MAX_INT32}, got {value}"
    for nest in plan.nested:
        for name, value in zip(nest.names, nest.get(obj), strict=True):
            if type(value) is nest.model:
                problem = _locate(nest.model, value)
                if problem:
                    return f"{name}.{problem}"
            elif type(value) not in nest.others and value != {}:
                model_name = nest.model.__name__
                wanted = " or ".join(
                    filter(None, [f"an {model_name}", "{}", _expected(nest.others)])
                )
                got = f"an object that is not an {model_name}" if type(value) is dict else None
                return f"{name}: expected {wanted}, got {got or _what(value)}"
    for name, item, nullable in plan.lists:
        items = getattr(obj, name)
        if items is None and nullable:
            continue
        if type(items) is not list:
            return f"{name}: expected an array{' or null' if nullable else ''}, got {_what(items)}"
        for index, value in enumerate(items):
            problem = "expected an object" if type(value) is not item else _locate(item, value)
            if problem:
                return f"{name}[{index}]{'.' if type(value) is item else ': '}{problem}"
    return None


def check_model(value: Any) -> None:
    """Raise :class:`InvalidResponseError` naming the first field of ``value`` (a generated model)
    whose value its schema does not allow; do nothing for anything else."""
    model = type(value)
    if not attrs.has(model):
        return
    if _plan(model).lists and _all_fit(model, (value,)):
        return  # a page: checked column by column, and found right
    problem = _locate(model, value)
    if problem:
        raise InvalidResponseError(problem)
