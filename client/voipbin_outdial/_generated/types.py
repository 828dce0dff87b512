"""Contains some shared types for properties"""

from collections.abc import Mapping, MutableMapping
from functools import lru_cache
from http import HTTPStatus
from typing import IO, Any, BinaryIO, Generic, Literal, TypeVar
from uuid import UUID, SafeUUID

from attrs import define


class Unset:
    def __bool__(self) -> Literal[False]:
        return False


UNSET: Unset = Unset()

# The types that `httpx.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """Contains information for file uploads"""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type


T = TypeVar("T")


@define
class Response(Generic[T]):
    """A response from an endpoint"""

    status_code: HTTPStatus
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None


__all__ = ["UNSET", "File", "FileTypes", "RequestFiles", "Response", "Unset"]


_new_object = object.__new__
_set_uuid_int = UUID.__dict__["int"].__set__  # the slot descriptors UUID.__init__ fills
_set_uuid_is_safe = UUID.__dict__["is_safe"].__set__
_SAFE_UNKNOWN = SafeUUID.unknown


@lru_cache(maxsize=256)
def _canonical_uuid(value: str) -> UUID:
    digits = value.replace("-", "")
    if len(digits) == 32:
        try:
            number = int(digits, 16)
        except ValueError:
            return UUID(value)
        uuid = _new_object(UUID)
        _set_uuid_int(uuid, number)
        _set_uuid_is_safe(uuid, _SAFE_UNKNOWN)
        return uuid
    return UUID(value)


def parse_uuid(value: Any) -> UUID:
    """``UUID(value)``: the same result, or the same error; about twice as fast for the canonical
    form VoIPBIN sends (36 characters, hex digits in groups of 8-4-4-4-12).

    For a string of that shape (36 characters, dashes at 8, 13, 18 and 23 and nowhere else),
    ``UUID(value)`` computes ``int(value.replace("-", ""), 16)`` (its other steps drop "urn:",
    "uuid:" and braces, which ``int`` refuses anyway); so does this, and it fills the UUID's two
    slots as ``UUID.__init__`` does. Any other value, and any string ``int`` refuses, goes to
    ``UUID(value)`` itself, for its result or its error.

    The most recent results are kept (UUIDs are immutable), so an id that repeats across a page
    (every target's ``outdial_id``, every resource's ``customer_id``) is one shared object.
    """
    if type(value) is str and len(value) == 36 and value[8] == value[13] == value[18] == value[23] == "-":
        return _canonical_uuid(value)
    return UUID(value)
