"""An empty dict that stays empty: what one object shared by many places holds (issue 26).

Two places share one ``{}`` instead of a new dict each: the SDK's one empty ``Address`` of every
unused destination slot (its ``additional_properties``, ``_model.shared_empty``) and the mock's
one stored empty address (``testing._bind.EMPTY_ADDRESS``). Each must refuse a change in place,
which would show in every place that shares it, and each copy of it must be a new, plain
``{}``. A subclass says, in ``refusal``, what to do instead. Pure: no I/O, no client.
"""

from __future__ import annotations

from typing import Any, ClassVar, NoReturn

__all__ = ["ReadOnlyEmptyDict"]


class ReadOnlyEmptyDict(dict[str, Any]):
    """``{}``, read-only; its copies (shallow, deep, pickled) are plain new dicts."""

    __slots__ = ()
    refusal: ClassVar[str] = "this empty dict is shared, so it is read-only"

    def _refuse(self, *args: object, **kwargs: object) -> NoReturn:
        raise TypeError(self.refusal)

    __setitem__ = __delitem__ = __ior__ = _refuse
    clear = pop = popitem = setdefault = update = _refuse

    def __copy__(self) -> dict[str, Any]:
        return {}

    def __deepcopy__(self, memo: object) -> dict[str, Any]:
        return {}

    def __reduce__(self) -> tuple[type[dict[str, Any]], tuple[()]]:
        return (dict, ())
