"""Contains some shared types for properties"""

from collections.abc import Mapping, MutableMapping
from http import HTTPStatus
from typing import IO, BinaryIO, Generic, TypeVar
from uuid import UUID

from attrs import define

from .._unset import UNSET, Unset

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


_RECENT_UUIDS_MAX = 256
_recent_uuids: dict[str, UUID] = {}


def parse_uuid(value: str) -> UUID:
    """``UUID(value)``: the same result or the same error, with the last results kept.

    UUIDs are immutable, so an id that repeats (every target's ``outdial_id`` on a page, every
    resource's ``customer_id``) is parsed once and shared. The store is bounded: when it is full
    it is emptied. Only ``UUID``'s public constructor is used.
    """
    if type(value) is not str:
        return UUID(value)
    uuid = _recent_uuids.get(value)
    if uuid is None:
        uuid = UUID(value)
        if len(_recent_uuids) >= _RECENT_UUIDS_MAX:
            _recent_uuids.clear()
        _recent_uuids[value] = uuid
    return uuid
