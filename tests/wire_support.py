"""Both ways of reading a list page (the fast decode of ``_wire`` and the general path), and the
check that they agree: tests/unit/test_wire.py and tests/property/test_wire_properties.py."""

from __future__ import annotations

from typing import Any

import attrs
import httpx

from voipbin_outdial._calls import page_request
from voipbin_outdial._generated.api import Operation
from voipbin_outdial._pagination import Page
from voipbin_outdial._responses import parse_success
from voipbin_outdial.errors import ApiResponseValidationError

OUTDIAL_ID = "83458ad3-59b7-4b51-a219-f7ad19bfdf40"


def kinds(value: Any) -> Any:
    """The type of every value in a model, all the way down (``==`` on models does not see
    the difference between ``UUID`` and ``str`` or an enum and its text)."""
    if attrs.has(type(value)):
        fields = attrs.fields(type(value))
        return (type(value), tuple(kinds(getattr(value, f.name)) for f in fields))
    if isinstance(value, list):
        return [kinds(v) for v in value]
    if isinstance(value, dict):
        return {k: kinds(v) for k, v in value.items()}
    return type(value)


def both_ways(op: Operation, body: bytes, *ids: str) -> tuple[Any, Any, bool]:
    """(what the facade gives, what the general path gives, whether the fast decode took it)."""
    call = page_request(op, op.response.from_dict, None, None, None, *ids)
    general = attrs.evolve(call, fast_parse=None)
    assert call.fast_parse is not None
    response = httpx.Response(200)
    taken = call.fast_parse(body) is not None
    return parse_success(call, response, body), parse_success(general, response, body), taken


def assert_same(got: Any, want: Any) -> None:
    if isinstance(want, ApiResponseValidationError):
        assert isinstance(got, ApiResponseValidationError)
        assert str(got) == str(want)
        return
    assert isinstance(got, Page)
    assert isinstance(want, Page)
    assert got == want
    assert [t.to_dict() for t in got] == [t.to_dict() for t in want]
    assert kinds(got.items) == kinds(want.items)
