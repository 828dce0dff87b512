"""The mock's store as users get it (``mock.store``): the records
(:class:`~._store.RecordStore`) and the create operations run on them without HTTP, by the
operations' handlers (:mod:`._operations`).

A module of its own so that the store of records does not import the handlers that use it.
"""

from __future__ import annotations

from typing import Any

from . import _operations
from ._store import Record, RecordStore

__all__ = ["MockStore"]


class MockStore(RecordStore):
    """Thread-safe in-memory state of :class:`~voipbin_outdial.testing.VoipbinMock`.

    Args:
        clock: Returns "now" as an aware datetime (naive: UTC); defaults to the wall clock.
            The store never hands out a time earlier than one it handed out before.
        customer_id: The customer that owns outplans and outdials made without naming one.
    """

    def create_outplan(self, body: Any, *, customer_id: str | None = None) -> Record:
        """A new outplan from a request body, read as the API reads it (``outplans_create``);
        a copy.

        Args:
            body: The JSON body (a mapping): fields left out get Go's zero value.
            customer_id: Its owner (the store's :attr:`customer_id` when ``None``).

        Raises:
            InvalidRequestError: the body is not an object, or a field has the wrong type.
        """
        return _operations.apply("outplans_create", self, body, customer=customer_id)

    def create_outdial(self, body: Any, *, customer_id: str | None = None) -> Record:
        """A new outdial from a request body, checked as the API checks it (``outdials_create``);
        a copy.

        Raises:
            InvalidRequestError: ``campaign_id`` is not a UUID or nil, or ``name``, ``detail``
                or ``data`` is empty (the API's 400).
        """
        return _operations.apply("outdials_create", self, body, customer=customer_id)

    def create_target(self, outdial_id: str, body: Any) -> Record:
        """A new idle, never-tried target of an outdial (deleted or not, as the API allows),
        from a request body checked as the API checks it (``outdialtargets_create``); a copy.

        Raises:
            InvalidRequestError: an empty ``name``, ``detail`` or ``data``, or no destination
                with a target (the API's 400).
            ResourceNotFoundError: there is no such outdial.
        """
        return _operations.apply("outdialtargets_create", self, body, ids={"id": outdial_id})
